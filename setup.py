"""Build hook for warta's compiled modules; everything else is declared in pyproject.toml.

``warta._tokens`` (Cython) holds the hand-written fast loops of the tokenizer and the lexicon
scans. The per-article modules in ``COMPILED`` are compiled by Cython as they are written: plain
Python, with annotations read as documentation, not as C types, so the compiled module behaves as
its source does (about a tenth less CPU per article). Every extension is optional: where no C
compiler is found the build goes on without it and Python runs the same source.

The build writes ``warta/_compiled.json``, the hash of the source each module was compiled from;
:mod:`warta.compiled` runs a module's source instead wherever it has changed since.
"""
import hashlib
import json
import os
from pathlib import Path

from Cython.Build import cythonize
from Cython.Compiler.Errors import CompileError
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

PACKAGE = Path("lib/warta")
# The modules every article passes through (load, actors, sentiment and events stages).
COMPILED = ("load", "clean", "sources", "dates", "language", "text", "gazetteer", "actors", "timeline", "stories",
            "sentiment/lexicon", "sentiment/scoring", "sentiment/roles", "sentiment/targets")
# Python semantics throughout: annotation_typing would make "x: str" reject None and "x: set" a frozenset.
DIRECTIVES = {"language_level": 3, "annotation_typing": False, "binding": True}
# -g0: no debug symbols, which double the compile time of the largest modules; -O2 for the modules
# compiled from Python (their time is in calls into CPython: -O3 only takes longer to build).
FLAGS = ["-O2", "-g0"]


class BuildWithManifest(build_ext):
    """``build_ext`` that also records, for each module it compiled from Python, its source's hash."""

    def initialize_options(self) -> None:
        super().initialize_options()
        self.parallel = os.cpu_count() or 1  # one module per core: about three minutes on two

    def run(self) -> None:
        super().run()
        built = {}
        for extension in self.extensions:
            generated = Path(extension.sources[0])  # the .c Cython wrote from the .py
            source, binary = generated.with_suffix(".py"), Path(self.get_ext_fullpath(extension.name))
            # A binary older than its C source is one this build failed to replace: not recorded,
            # so that its (changed) source runs instead.
            if source.is_file() and binary.is_file() and binary.stat().st_mtime >= generated.stat().st_mtime:
                built[extension.name] = hashlib.sha256(source.read_bytes()).hexdigest()
        manifest = Path(self.get_ext_fullpath("warta._tokens")).parent / "_compiled.json"
        manifest.write_text(json.dumps(built, indent=1, sort_keys=True) + "\n")


def extensions() -> list[Extension]:
    modules = [Extension("warta._tokens", [str(PACKAGE / "_tokens.pyx")], extra_compile_args=["-g0"])]
    modules += [Extension("warta." + name.replace("/", "."), [str(PACKAGE / f"{name}.py")], extra_compile_args=FLAGS)
                for name in COMPILED]
    try:
        built = cythonize(modules, compiler_directives=DIRECTIVES, nthreads=os.cpu_count() or 1, quiet=True)
    except CompileError:  # a module Cython cannot translate stays plain Python; the others are still built
        built = []
        for module in modules:
            try:
                built += cythonize([module], compiler_directives=DIRECTIVES, quiet=True)
            except CompileError:
                print(f"warta: {module.name} is not compiled; Python runs its source")
    for module in built:
        module.optional = True
    return built


setup(ext_modules=extensions(), cmdclass={"build_ext": BuildWithManifest})
