"""Table snapshots: a report run reads the cache and runs each whole-batch analysis once.

``warta report`` used to let every notebook call :func:`warta.pipeline.analyze` on its own: four
read-backs of the cache and, in a large batch, minutes per notebook. Now the report process
starts one snapshot build in a child process (:func:`start_build`; the report process stays
small) and hands its folder to the notebooks as their ``snapshot`` parameter::

    <run>/_snapshot/plan.json           the tables the build will write (written first)
    <run>/_snapshot/<table>.pickle      each table, renamed into place once it is complete
    <run>/_snapshot/snapshot.json       when the build is over: rows per table and seconds, or its error

The notebooks start while the build runs. A notebook calls :func:`open_tables`: with a snapshot
it reads only the tables it uses, each the first time it is asked for, waiting for a planned
table until the build has written it; without one (``snapshot=""``, interactive use in
JupyterLab) it calls ``analyze`` as before. A table the snapshot does not plan, or that a failed
build never wrote, comes from ``analyze`` too, so a notebook of your own still works. The
tables are pickled DataFrames, so that what a notebook reads equals what ``analyze`` returned,
dtypes and nested cells included. Like the cache, a snapshot is trusted local data; the run
deletes it when it is complete (``[report] keep_snapshot``).
"""
from __future__ import annotations

import json
import os
import pickle
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from warta import config
from warta.runtime import collector_paused, keep_out_of_collections

SUFFIX = ".pickle"
PLAN = "plan.json"
MANIFEST = "snapshot.json"
# How often a notebook looks for a planned table that the build has not written yet (seconds).
POLL_SECONDS = 0.1


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
    soon as it is read (or its analysis has run), so the whole-batch analyses run once per run
    and a notebook waiting for it goes on. On an error the manifest records it (readers then
    fall back to ``analyze``) and the error is raised.
    """
    started = time.perf_counter()
    folder = Path(folder)
    tables = list(tables)
    write_plan(folder, tables)
    try:
        manifest = _write_tables(folder, tables, corpus=corpus, engine=engine, scheduler=scheduler,
                                 sentiment_model=sentiment_model, profile=profile)
    except BaseException as exc:
        write_failure(folder, f"{type(exc).__name__}: {exc}")
        raise
    manifest["seconds"] = round(time.perf_counter() - started, 3)
    _write_json(folder / MANIFEST, manifest)
    return manifest


def write_plan(folder: Path, tables: Sequence[str]) -> None:
    """Say which tables a build will write, so that readers wait for those and only those."""
    folder.mkdir(parents=True, exist_ok=True)
    _write_json(folder / PLAN, {"tables": list(tables)})


def write_failure(folder: Path, error: str) -> None:
    """End a build with ``error`` (unless it already ended): readers stop waiting and analyse."""
    if not (folder / MANIFEST).is_file():
        _write_json(folder / MANIFEST, {"error": error})


def _write_tables(folder: Path, tables: Sequence[str], *, corpus: str | Path | None, engine: str,
                  scheduler: str | None, sentiment_model: str | None, profile: str | None) -> dict[str, Any]:
    from warta.pipeline import analyze

    result = analyze(corpus, engine=engine, scheduler=scheduler or None,
                     sentiment_model=sentiment_model or None, profile=profile or None, progress=False)
    rows: dict[str, int] = {}
    seconds: dict[str, float] = {}
    for name in tables:
        table_started = time.perf_counter()
        frame = result[name]
        partial = folder / f".{name}{SUFFIX}"
        with open(partial, "wb") as handle:
            pickle.dump(frame, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, folder / f"{name}{SUFFIX}")  # readers never see half a table
        rows[name] = len(frame)
        seconds[name] = round(time.perf_counter() - table_started, 3)
    return {
        "corpus": str(corpus or ""),
        "options": {"engine": engine, "scheduler": scheduler or "", "sentiment_model": sentiment_model or "",
                    "profile": result.stats.get("profile", profile or "")},
        "rows": rows,
        "table_seconds": seconds,
    }


def _write_json(path: Path, content: dict[str, Any]) -> None:
    partial = path.with_name(f".{path.name}")
    partial.write_text(json.dumps(content, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    os.replace(partial, path)


class Build:
    """A snapshot being written by a spawned child process (see :func:`start_build`)."""

    def __init__(self, folder: str | Path, *, tables: Sequence[str], **options: Any) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.folder = Path(folder)
        # The plan exists before any notebook can look for it.
        write_plan(self.folder, tables)
        # Spawned, not forked: the report process's threads and kernels' pipes are not copied.
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        self._future = self._pool.submit(write_snapshot, str(self.folder), tables=list(tables), **options)
        # A child that dies without a word (killed, out of memory) must not leave readers waiting.
        self._future.add_done_callback(self._ended)

    def _ended(self, future) -> None:
        error = future.exception()
        if error is not None:
            write_failure(self.folder, f"{type(error).__name__}: {error}")

    def wait(self) -> dict[str, Any]:
        """The build's manifest once it is over; raises its error."""
        try:
            return self._future.result()
        finally:
            self._pool.shutdown()


def start_build(folder: str | Path, *, tables: Sequence[str], **options: Any) -> Build:
    """Start writing the snapshot of ``tables`` into ``folder`` in a child process; return at once.

    ``options`` are :func:`write_snapshot`'s (``corpus``, ``engine``, ``profile`` ...). The child's
    tables never enter this process's heap.
    """
    return Build(folder, tables=tables, **options)


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
    """A snapshot folder as a lazy mapping of tables; a table it lacks comes from ``analyze``.

    A table the build plans but has not written yet is waited for, until the build ends.
    """

    def __init__(self, folder: str | Path, *, corpus: str | Path | None = None,
                 options: dict[str, Any] | None = None) -> None:
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise FileNotFoundError(f"no snapshot folder {self.folder}")
        self._corpus = corpus
        self._options = dict(options or {})
        self._read: dict[str, pd.DataFrame] = {}
        self._analyzed: Mapping[str, pd.DataFrame] | None = None
        plan = self.folder / PLAN
        self._planned = set(json.loads(plan.read_text())["tables"]) if plan.is_file() else set()

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._read:
            path = self.folder / f"{name}{SUFFIX}"
            while name in self._planned and not path.is_file() and not (self.folder / MANIFEST).is_file():
                time.sleep(POLL_SECONDS)
            if path.is_file():
                # Unpickling builds millions of small cells (cue dicts): with the cyclic collector
                # on, it re-scans the growing heap over and over (4x the decoding at 10k articles).
                with open(path, "rb") as handle, collector_paused():
                    self._read[name] = pickle.load(handle)
                keep_out_of_collections()
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
