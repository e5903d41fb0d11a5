"""Which per-article modules run compiled, and the source instead where a compiled one is stale.

``setup.py`` compiles the modules every article passes through (load, clean, sources, dates,
actors, sentiment, timeline, ...) from their unchanged Python source and writes
``_compiled.json``: each compiled module's name and the hash of the source it was built from.
Python would import a compiled module before its source, so an edit of ``actors.py`` would go
unseen until the next build. :func:`install`, run by ``import warta``, routes the import of every
compiled module whose source has changed since (or that the manifest does not list) to that
source, and warns once; ``WARTA_PURE_PYTHON=1`` routes them all (for profilers and debuggers
that read Python frames). ``make build`` compiles the edited modules again.
"""
from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
MANIFEST = PACKAGE_DIR / "_compiled.json"
PURE_PYTHON_VARIABLE = "WARTA_PURE_PYTHON"
# Each compiled module's state in this process ("compiled", "source" or "stale"), set by import warta.
STATE: dict[str, str] = {}


class SourceFinder:
    """A meta-path finder that imports the named modules from their ``.py`` files."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(self, fullname: str, path=None, target=None):
        source = self.sources.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source is not None else None


def compiled_modules(package_dir: Path = PACKAGE_DIR) -> dict[str, Path]:
    """Every module of the package that has both a compiled file and a ``.py`` source: name → source."""
    found = {}
    for folder, _, files in os.walk(package_dir):  # one walk: import warta runs this
        for name in files:
            suffix = next((s for s in importlib.machinery.EXTENSION_SUFFIXES if name.endswith(s)), None)
            source = Path(folder, name[: -len(suffix)] + ".py") if suffix else None
            if source is not None and source.is_file():
                parts = source.relative_to(package_dir).with_suffix("").parts
                found[".".join((package_dir.name, *parts))] = source
    return found


def stale_modules(compiled: dict[str, Path], built: dict[str, str]) -> dict[str, Path]:
    """The compiled modules (name → source) whose source is not the one ``built`` records."""
    return {name: source for name, source in compiled.items()
            if built.get(name) != hashlib.sha256(source.read_bytes()).hexdigest()}


def install(*, package_dir: Path = PACKAGE_DIR, manifest: Path = MANIFEST) -> dict[str, str]:
    """Route stale compiled modules (all of them with ``WARTA_PURE_PYTHON=1``) to their source.

    Returns each compiled module's state: ``"compiled"``, ``"source"`` (asked for) or ``"stale"``.
    Must run before the modules are imported; ``import warta`` runs it.
    """
    compiled = compiled_modules(package_dir)
    if not compiled:
        return {}
    pure = os.environ.get(PURE_PYTHON_VARIABLE, "") not in ("", "0")
    try:
        built = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {}
    except (OSError, ValueError):
        built = {}
    stale = stale_modules(compiled, built)
    sources = compiled if pure else stale
    if sources:
        sys.meta_path.insert(0, SourceFinder(sources))
    if stale and not pure:
        names = ", ".join(sorted(name.partition(".")[2] for name in stale))
        warnings.warn(f"warta: source changed since the build ({names}); running it as plain Python, "
                      f"more slowly, until `make build` compiles it again", stacklevel=2)
    return {name: "source" if pure else "stale" if name in stale else "compiled" for name in sorted(compiled)}
