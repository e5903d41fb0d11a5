"""warta: a Jupyter workbook for monitoring Indonesian online news.

The pipeline reads in file order: ``load`` (files to rows) → ``clean`` (boilerplate, bylines,
captions, export fields) → ``sources`` (outlets and cited wires) → ``dates`` → ``actors`` →
``sentiment`` → ``cooccurrence`` → ``timeline`` → ``report``. ``pipeline`` runs them on pandas
or Dask. The names below are imported lazily so that ``import warta`` stays cheap.
"""
from __future__ import annotations

from importlib import import_module

from warta import compiled as _compiled

# Before any pipeline module is imported: a compiled module whose source has since changed is
# imported from that source (warta.compiled).
_compiled.STATE.update(_compiled.install())

__version__ = "0.1.0"

_EXPORTS = {
    "load_corpus": "warta.load",
    "analyze": "warta.pipeline",
    "run_report": "warta.report",
    "settings": "warta.config",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'warta' has no attribute {name!r}")
