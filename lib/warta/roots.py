"""Word roots: the Sastrawi root of an Indonesian word form, kept across runs.

The sentiment lexicon resolves word forms to its entries by their roots, and story clustering
compares the words that say what happened by theirs ("kebakaran" and "terbakar" are "bakar").
Sastrawi takes a third of a millisecond a word, so the roots found are kept per process and in
the cache folder; :func:`save_roots` adds a process's new ones (the enrichment calls it after
each partition).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from warta import config


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


def stem(word: str) -> str:
    """Return the Sastrawi root of one word (cached, and kept across runs: see :func:`save_roots`)."""
    roots = _roots()
    root = roots.get(word)
    if root is None:
        # Sastrawi reduces reduplication; keep "porak-poranda" whole.
        root = word if "-" in word else (_stemmer().stem(word) or word)
        if len(roots) < _MAX_ROOTS:
            roots[word] = root
    return root


# Sastrawi takes a third of a millisecond a word. Every process (each Dask worker, each re-run)
# would stem the lexicon's terms and the corpus's word forms again, so the roots found are kept
# in the cache folder, per Sastrawi version, and read once per process.
_MAX_ROOTS = 500_000
# Part of the file name with Sastrawi's version: bump it when stem() changes what it returns, so
# that no process reads roots an older stem() found.
_ROOTS_FORMAT = 1
_ROOTS: dict[str, str] | None = None
_ROOTS_SAVED = 0  # how many of _ROOTS the file held (or this process wrote)


def _roots() -> dict[str, str]:
    global _ROOTS, _ROOTS_SAVED
    if _ROOTS is None:
        _ROOTS = _read_roots(_roots_path())
        _ROOTS_SAVED = len(_ROOTS)
    return _ROOTS


def _roots_path() -> Path:
    from importlib.metadata import PackageNotFoundError, version

    try:
        sastrawi = version("PySastrawi")
    except PackageNotFoundError:  # pragma: no cover - a source checkout of Sastrawi
        sastrawi = "unknown"
    return config.cache_dir() / "roots" / f"sastrawi-{sastrawi}-stem{_ROOTS_FORMAT}.pickle"


def _read_roots(path: Path) -> dict[str, str]:
    import pickle

    try:
        with path.open("rb") as handle:
            roots = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
        return {}  # no file yet, or an unreadable one: stem again (the next save replaces it)
    return roots if isinstance(roots, dict) else {}


def save_roots() -> None:
    """Add the roots this process found to the cache file (merged with what others wrote meanwhile).

    Writers replace the file atomically, so a reader never sees half of it; two writing at once
    may lose one's additions, which only costs stemming them again.
    """
    global _ROOTS_SAVED
    if _ROOTS is None or len(_ROOTS) == _ROOTS_SAVED:
        return
    import os
    import pickle
    import tempfile

    path = _roots_path()
    merged = {**_read_roots(path), **_ROOTS}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".roots-", delete=False) as handle:
            try:
                pickle.dump(merged, handle, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                os.unlink(handle.name)
                raise
        os.replace(handle.name, path)
    except OSError:  # a read-only or full cache folder: the roots stay in this process only
        return
    _ROOTS_SAVED = len(_ROOTS)
