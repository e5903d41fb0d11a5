"""Build hook for warta's one compiled module; everything else is declared in pyproject.toml.

``warta._tokens`` (Cython) is the fast path of the actor tokenizer. It is optional: where no C
compiler is found the build goes on without it and :func:`warta.gazetteer.tokenize` uses its
pure-Python path, which gives the same tokens.
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("warta._tokens", ["lib/warta/_tokens.pyx"], optional=True)])
