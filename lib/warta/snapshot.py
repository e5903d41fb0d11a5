"""Table snapshots: a report run reads the cache and runs each whole-batch analysis once.

``warta report`` used to let every notebook call :func:`warta.pipeline.analyze` on its own: four
read-backs of the cache and, in a large batch, minutes per notebook. Now the report process
builds one snapshot first, in a child process (so that the report process stays small while the
notebooks run), and hands its folder to the notebooks as their ``snapshot`` parameter::

    <run>/_snapshot/<table>.pickle      one file per table the selected notebooks read
    <run>/_snapshot/snapshot.json       corpus, options, rows per table, seconds

A notebook calls :func:`open_tables`: with a snapshot it reads only the tables it uses, each the
first time it is asked for; without one (``snapshot=""``, interactive use in JupyterLab) it calls
``analyze`` as before. A table missing from the snapshot falls back to ``analyze`` too, so a
notebook of your own still works. The tables are pickled DataFrames, so that what a notebook
reads equals what ``analyze`` returned, dtypes and nested cells included. Like the cache, a
snapshot is trusted local data; the run deletes it when it is complete (``[report] keep_snapshot``).
"""
from __future__ import annotations

import json
import pickle
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from warta import config
from warta.runtime import collector_paused

SUFFIX = ".pickle"
MANIFEST = "snapshot.json"


def tables_for(notebooks: Iterable[str]) -> list[str]:
    """The tables the named notebooks read (``[report] snapshot_tables``), in a stable order."""
    declared = config.section("report").get("snapshot_tables", {})
    wanted: list[str] = []
    for name in notebooks:
        wanted += [table for table in declared.get(name, []) if table not in wanted]
    return wanted


def write_snapshot(
    folder: str | Path,
    *,
    tables: Iterable[str],
    corpus: str | Path | None = None,
    engine: str = "pandas",
    scheduler: str | None = None,
    sentiment_model: str | None = None,
    profile: str | None = None,
) -> dict[str, Any]:
    """Analyse ``corpus`` once and pickle each of ``tables`` into ``folder``; return the manifest.

    The options mean what they mean for :func:`warta.pipeline.analyze`. Each table is written as
    soon as it is read (or its analysis has run), so the whole-batch analyses run once per run.
    """
    from warta.pipeline import analyze

    started = time.perf_counter()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    result = analyze(corpus, engine=engine, scheduler=scheduler or None,
                     sentiment_model=sentiment_model or None, profile=profile or None, progress=False)
    rows: dict[str, int] = {}
    seconds: dict[str, float] = {}
    for name in tables:
        table_started = time.perf_counter()
        frame = result[name]
        with open(folder / f"{name}{SUFFIX}", "wb") as handle:
            pickle.dump(frame, handle, protocol=pickle.HIGHEST_PROTOCOL)
        rows[name] = len(frame)
        seconds[name] = round(time.perf_counter() - table_started, 3)
    manifest = {
        "corpus": str(corpus or ""),
        "options": {"engine": engine, "scheduler": scheduler or "", "sentiment_model": sentiment_model or "",
                    "profile": result.stats.get("profile", profile or "")},
        "rows": rows,
        "table_seconds": seconds,
        "seconds": round(time.perf_counter() - started, 3),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    return manifest


def build_in_child(folder: str | Path, **options: Any) -> dict[str, Any]:
    """Run :func:`write_snapshot` in a fresh child process; its tables never enter this process's heap.

    A spawned (not forked) child, so that the report process's threads and open kernels are not
    copied; its exceptions are raised here.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(write_snapshot, str(folder), **options).result()


def open_tables(
    corpus: str | Path | None = None,
    *,
    snapshot: str | Path = "",
    engine: str = "pandas",
    scheduler: str | None = None,
    sentiment_model: str | None = None,
    profile: str | None = None,
) -> Mapping[str, pd.DataFrame]:
    """The tables of ``corpus`` for a notebook: from ``snapshot`` when it is set, else from ``analyze``.

    Both are lazy mappings: a table is read (or its analysis run) when it is first asked for.
    """
    options = {"engine": engine, "scheduler": scheduler or None, "sentiment_model": sentiment_model or None,
               "profile": profile or None}
    if not snapshot:
        from warta.pipeline import analyze

        return analyze(corpus, **options)
    return Snapshot(snapshot, corpus=corpus, options=options)


class Snapshot(Mapping):
    """A snapshot folder as a lazy mapping of tables; a table it lacks comes from ``analyze``."""

    def __init__(self, folder: str | Path, *, corpus: str | Path | None = None,
                 options: dict[str, Any] | None = None) -> None:
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise FileNotFoundError(f"no snapshot folder {self.folder}")
        self._corpus = corpus
        self._options = dict(options or {})
        self._read: dict[str, pd.DataFrame] = {}
        self._analyzed: Mapping[str, pd.DataFrame] | None = None

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._read:
            path = self.folder / f"{name}{SUFFIX}"
            if path.is_file():
                # Unpickling builds millions of small cells (cue dicts): with the cyclic collector
                # on, it re-scans the growing heap over and over (4x the decoding at 10k articles).
                with open(path, "rb") as handle, collector_paused():
                    self._read[name] = pickle.load(handle)
            else:
                self._read[name] = self._fallback()[name]
        return self._read[name]

    def _fallback(self) -> Mapping[str, pd.DataFrame]:
        if self._analyzed is None:
            from warta.pipeline import analyze

            self._analyzed = analyze(self._corpus, **self._options)
        return self._analyzed

    def __iter__(self):
        from warta.pipeline import TABLES

        return iter(TABLES)

    def __len__(self) -> int:
        from warta.pipeline import TABLES

        return len(TABLES)
