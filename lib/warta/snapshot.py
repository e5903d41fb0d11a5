"""Table snapshots: a report run reads the cache and runs each whole-batch analysis once.

``warta report`` used to let every notebook call :func:`warta.pipeline.analyze` on its own: four
read-backs of the cache and, in a large batch, minutes per notebook. Now the report process
starts one snapshot build in child processes (:func:`start_build`; the report process stays
small) and hands its folder to the notebooks as their ``snapshot`` parameter::

    <run>/_snapshot/plan.json           the tables the build will write, by part (written first)
    <run>/_snapshot/<table>.arrow       each table, renamed into place once it is complete (Arrow
                                        IPC; its object columns in <table>.cells, written first):
                                        a hard link to the table saved for the corpus state
    <run>/_snapshot/snapshot[-<part>].json  when a part is over: rows per table and seconds, or its error

On several cores the build runs in two parts at once (:func:`split_tables`): one reads the
per-article tables back from the cache, the other runs the whole-batch analyses (story
clustering, propagation), so a notebook that reads only the first part's tables can start
before the clustering is over. The second part plans the corpus at once, but where the cache
lacks something it waits until the first part has enriched the corpus: on a cold cache, two
enrichments at once would do the work twice. The tables both parts need (quotes, mentions)
are collected once, first, by the whole-batch part; the per-article part reads them from the
snapshot.

Each table is saved for the corpus state (``warta.cache.Results``) and linked into the snapshot,
so a second report on an unchanged corpus links every table without collecting or analysing it.

A notebook calls :func:`open_tables`: with a snapshot it reads only the tables it uses, each the
first time it is asked for, waiting for a planned table until its part has written it; without
one (``snapshot=""``, interactive use in JupyterLab) it calls ``analyze`` as before. A table the
snapshot does not plan, or that a failed build never wrote, comes from ``analyze`` too, so a
notebook of your own still works. What a notebook reads equals what ``analyze`` returned, dtypes
and nested cells included (:func:`write_table`: Arrow IPC for the usual tables, nested Arrow
columns such as the cues included, their object cells through ``marshal``; any other frame
pickled, ``<table>.pickle``). Like
the cache, a snapshot is trusted local data; the run deletes it when it is complete
(``[report] keep_snapshot``).
"""
from __future__ import annotations

import json
import os
import pickle
import shutil
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from warta import config
from warta.runtime import Marshalled, PackedFrame, arrow_frame, collector_paused

SUFFIX = ".pickle"
ARROW_SUFFIX = ".arrow"
CELLS_SUFFIX = ".cells"
_COLUMNS_META = b"warta.columns"
_OBJECTS_META = b"warta.object_columns"
PLAN = "plan.json"
MANIFEST = "snapshot.json"
# The parts of a split build (see split_tables): the names in their manifests' file names.
PER_ARTICLE = "per-article"
WHOLE_BATCH = "whole-batch"
# How often a notebook looks for a planned table that the build has not written yet (seconds).
POLL_SECONDS = 0.1


def tables_for(notebooks: Iterable[str]) -> list[str]:
    """The tables the named notebooks read (``[report] snapshot_tables``), in a stable order."""
    declared = config.section("report").get("snapshot_tables", {})
    wanted: list[str] = []
    for name in notebooks:
        wanted += [table for table in declared.get(name, []) if table not in wanted]
    return wanted


def split_tables(tables: Sequence[str], *, readers: Mapping[str, Sequence[str]] | None = None) -> dict[str, list[str]]:
    """``tables`` by build part: the per-article tables, then the whole-batch analyses' tables.

    A part with no table is left out. The analyses read per-article tables themselves (from the
    cache), so the parts need little from each other but the enrichment. An analysis named in
    ``[report] per_article_analyses`` (actor sentiment: it reads only per-article tables) is
    built by the per-article part, so that its reader need not wait for story clustering.

    The ``[report] whole_batch_inputs`` asked for (quotes, mentions) come first in the
    whole-batch part, in that order: its analyses read them at once. The per-article part,
    whose actor sentiment reads them too, takes them from the snapshot instead of collecting
    them a second time (:func:`_write_tables`).

    ``readers`` (each notebook's tables) moves a per-article table that only notebooks waiting
    for the whole-batch part read (the events, read by the timeline notebook alone) into that
    part: the part the other notebooks wait for ends sooner, and those readers start no later.
    """
    from warta.pipeline import ANALYSES

    early = set(config.section("report").get("per_article_analyses", []))
    analysed = {name for name, _ in ANALYSES} - early
    whole = [name for name in tables if name in analysed]
    waiting = [set(read) for read in (readers or {}).values() if set(read) & analysed]
    others = [set(read) for read in (readers or {}).values() if not set(read) & analysed]

    def follows_the_analyses(name: str) -> bool:
        return bool(whole) and any(name in read for read in waiting) and not any(name in read for read in others)

    # In the order of the setting: the one the per-article part waits for first is written first.
    inputs = [name for name in config.section("report").get("whole_batch_inputs", [])
              if name in tables and name not in analysed] if whole else []
    parts = {PER_ARTICLE: [name for name in tables
                           if name not in analysed and name not in inputs and not follows_the_analyses(name)],
             WHOLE_BATCH: inputs + [name for name in tables
                                    if name not in inputs and (name in analysed or follows_the_analyses(name))]}
    return {part: names for part, names in parts.items() if names}


def manifest_path(folder: str | Path, part: str = "") -> Path:
    """Where a build (``part=""``) or one part of it writes its manifest when it is over."""
    return Path(folder) / (f"snapshot-{part}.json" if part else MANIFEST)


def enriched_path(folder: str | Path, part: str) -> Path:
    """The marker ``part`` writes once the corpus is enriched (the cache holds every stage)."""
    return Path(folder) / f"enriched-{part}.json"


def write_snapshot(
    folder: str | Path,
    *,
    tables: Iterable[str],
    corpus: str | Path | None = None,
    engine: str = "pandas",
    scheduler: str | None = None,
    sentiment_model: str | None = None,
    profile: str | None = None,
    part: str = "",
    after: str = "",
) -> dict[str, Any]:
    """Analyse ``corpus`` once and pickle each of ``tables`` into ``folder``; return the manifest.

    The options mean what they mean for :func:`warta.pipeline.analyze`. Each table is written as
    soon as it is read (or its analysis has run), so the whole-batch analyses run once per run
    and a notebook waiting for it goes on. On an error the manifest records it (readers then
    fall back to ``analyze``) and the error is raised. ``part`` names this build as one part of
    a split build (the plan is then the caller's); ``after`` names the part that enriches the
    corpus: where the cache lacks something, this part waits for that one's enrichment before
    it enriches what is still missing (a warm cache: no wait).
    """
    started = time.perf_counter()
    folder = Path(folder)
    tables = list(tables)
    if not part:
        write_plan(folder, tables)
    try:
        manifest = _write_tables(folder, tables, corpus=corpus, engine=engine, scheduler=scheduler,
                                 sentiment_model=sentiment_model, profile=profile, part=part, after=after)
    except BaseException as exc:
        write_failure(folder, f"{type(exc).__name__}: {exc}", part=part)
        raise
    manifest["seconds"] = round(time.perf_counter() - started, 3)
    _write_json(manifest_path(folder, part), manifest)
    return manifest


def write_plan(folder: Path, tables: Sequence[str] | Mapping[str, Sequence[str]]) -> None:
    """Say which tables a build will write, so that readers wait for those and only those.

    ``tables`` is a list for a build in one piece, or the tables by part of a split build.
    """
    parts = tables if isinstance(tables, Mapping) else {"": tables}
    folder.mkdir(parents=True, exist_ok=True)
    _write_json(folder / PLAN, {"tables": {name: part for part, names in parts.items() for name in names}})


def write_failure(folder: Path, error: str, *, part: str = "") -> None:
    """End a build or ``part`` with ``error`` (unless it already ended): readers stop waiting and analyse."""
    if not manifest_path(folder, part).is_file():
        _write_json(manifest_path(folder, part), {"error": error})


def _planned(folder: Path) -> dict[str, str]:
    """Table -> the part that writes it, as the plan says ("" for a build in one piece)."""
    plan = folder / PLAN
    planned = json.loads(plan.read_text())["tables"] if plan.is_file() else {}
    # a list: a kept snapshot from before builds had parts
    return dict.fromkeys(planned, "") if isinstance(planned, list) else planned


def _awaited_table(folder: Path, name: str, part: str) -> Path | None:
    """The file of table ``name`` once ``part`` has written it; None if the part ended without it."""
    path = written_table(folder, name)
    while path is None and not manifest_path(folder, part).is_file():
        time.sleep(POLL_SECONDS)
        path = written_table(folder, name)
    return path


def _written_by(folder: Path, name: str, part: str) -> pd.DataFrame | None:
    """Table ``name`` once ``part`` has written it; None if the part ended without it."""
    path = _awaited_table(folder, name, part)
    return read_table(path) if path is not None else None


def _wait_for_enrichment(folder: Path, part: str) -> None:
    """Wait until ``part`` has enriched the corpus or has ended (then this part enriches it if need be)."""
    while not enriched_path(folder, part).is_file() and not manifest_path(folder, part).is_file():
        time.sleep(POLL_SECONDS)


def _write_tables(folder: Path, tables: Sequence[str], *, corpus: str | Path | None, engine: str,
                  scheduler: str | None, sentiment_model: str | None, profile: str | None,
                  part: str, after: str = "") -> dict[str, Any]:
    from warta.pipeline import analyze

    result = analyze(corpus, engine=engine, scheduler=scheduler or None,
                     sentiment_model=sentiment_model or None, profile=profile or None, progress=False,
                     before_enriching=(lambda: _wait_for_enrichment(folder, after)) if after else None)
    if part:
        _write_json(enriched_path(folder, part), {})
        # The tables another part collects first for its analyses are read from there when this
        # part's analyses need them; collected here only if that part ends without them. Any
        # other table of another part comes late, or is cheap: waiting would cost more.
        shared = set(config.section("report").get("whole_batch_inputs", []))
        for name, owner in _planned(folder).items():
            if owner != part and name in shared:
                result.prefer(name, lambda name=name, owner=owner: _written_by(folder, name, owner))
    rows: dict[str, int] = {}
    seconds: dict[str, float] = {}
    for name in tables:
        table_started = time.perf_counter()
        # Each table is saved for this corpus state (warta.cache.Results) and linked from there:
        # a later run on the same corpus links it without reading it.
        if result.saved_files(name) is None:
            result.save(name)
        saved = result.saved_files(name)
        try:
            rows[name] = link_table(folder, name, saved, rows=lambda: len(result[name])) if saved else -1
        except OSError:  # not saved (no cache), or removed meanwhile: written here
            rows[name] = -1
        if rows[name] < 0:
            frame = result[name]
            write_table(folder, name, frame)
            rows[name] = len(frame)
        seconds[name] = round(time.perf_counter() - table_started, 3)
    return {
        "corpus": str(corpus or ""),
        "options": {"engine": engine, "scheduler": scheduler or "", "sentiment_model": sentiment_model or "",
                    "profile": result.stats.get("profile", profile or "")},
        "rows": rows,
        "table_seconds": seconds,
    }


def write_table(folder: str | Path, name: str, frame: pd.DataFrame) -> Path:
    """Write one table into ``folder``, renamed into place once complete; return its path.

    A frame of plain columns (NumPy numbers, booleans and datetimes, Arrow-backed text, nested
    Arrow columns, object cells; a default index; no ``attrs``) goes to an Arrow IPC file, its
    object columns beside it (``<name>.cells``, written first, see
    :class:`warta.runtime.Marshalled`). Pickling would
    first concatenate every text column's chunks (the runs the cache read-back slices out, 5 s for
    the per-article tables of 100k articles); the IPC file is written from the chunks as they are
    and read back memory-mapped. Any other frame is pickled (:class:`warta.runtime.PackedFrame`).
    """
    folder = Path(folder)
    tail = _partial_tail()
    if not _fits_arrow(frame):
        partial = folder / f".{name}{tail}{SUFFIX}"
        with open(partial, "wb") as handle:
            pickle.dump(PackedFrame(frame), handle, protocol=pickle.HIGHEST_PROTOCOL)
        return _into_place(partial, folder / f"{name}{SUFFIX}")
    objects = [column for column, dtype in frame.dtypes.items() if dtype == object]
    table = pa.Table.from_pandas(frame.drop(columns=objects) if objects else frame, preserve_index=False)
    if objects:
        partial = folder / f".{name}{tail}{CELLS_SUFFIX}"
        with open(partial, "wb") as handle:
            # A column each: one with cells marshal cannot write (pd.NA) leaves the others to it.
            pickle.dump({column: Marshalled(frame[column].tolist()) for column in objects}, handle,
                        protocol=pickle.HIGHEST_PROTOCOL)
        _into_place(partial, folder / f"{name}{CELLS_SUFFIX}")
    metadata = {**(table.schema.metadata or {}), _COLUMNS_META: json.dumps(list(frame.columns)).encode(),
                _OBJECTS_META: json.dumps(objects).encode()}
    table = table.replace_schema_metadata(metadata)
    partial = folder / f".{name}{tail}{ARROW_SUFFIX}"
    with pa.OSFile(str(partial), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    return _into_place(partial, folder / f"{name}{ARROW_SUFFIX}")


def link_table(folder: str | Path, name: str, files: Sequence[Path], *, rows: Callable[[], int]) -> int:
    """Put the files of a table :func:`write_table` wrote elsewhere (cells first) into ``folder``
    as table ``name``; return its rows (an Arrow file's count, else ``rows()``). Hard links where
    the file system allows, else copies."""
    folder = Path(folder)
    tail = _partial_tail()
    for source in files:
        partial = folder / f".{name}{tail}{source.suffix}"
        try:
            os.link(source, partial)
        except OSError:  # another file system
            shutil.copyfile(source, partial)
        _into_place(partial, folder / f"{name}{source.suffix}")
    if files[-1].suffix != ARROW_SUFFIX:
        return rows()
    with pa.memory_map(str(folder / f"{name}{ARROW_SUFFIX}")) as source:
        return pa.ipc.open_file(source).read_all().num_rows


def read_table(path: str | Path) -> pd.DataFrame:
    """The table :func:`write_table` wrote to ``path`` (an ``.arrow`` or a ``.pickle`` file)."""
    path = Path(path)
    # Decoding builds millions of small cells (cue dicts) that live as long as the notebook or
    # report: the cyclic collector stays off while they are built (4x the decoding at 10k articles
    # otherwise) and leaves them out of its later passes.
    with collector_paused(keep_out=True):
        if path.suffix != ARROW_SUFFIX:
            with open(path, "rb") as handle:
                return pickle.load(handle)
        with pa.memory_map(str(path)) as source:
            table = pa.ipc.open_file(source).read_all()
        frame = arrow_frame(table)
        objects = json.loads(table.schema.metadata.get(_OBJECTS_META, b"[]"))
        if objects:
            with open(path.with_suffix(CELLS_SUFFIX), "rb") as handle:
                cells = pickle.load(handle)
            order = json.loads(table.schema.metadata[_COLUMNS_META])
            for column in sorted(objects, key=order.index):  # ascending: each lands where it stood
                frame.insert(order.index(column), column, pd.Series(cells[column], index=frame.index, dtype=object))
        return frame


def written_table(folder: str | Path, name: str) -> Path | None:
    """The file of table ``name`` in ``folder`` once it is in place (Arrow or pickle), else None."""
    for suffix in (ARROW_SUFFIX, SUFFIX):
        path = Path(folder) / f"{name}{suffix}"
        if path.is_file():
            return path
    return None


def _fits_arrow(frame: pd.DataFrame) -> bool:
    """Whether Arrow gives ``frame`` back as it is: its index, labels and every column's dtype."""
    index = frame.index
    if not isinstance(index, pd.RangeIndex) or index.start != 0 or index.step != 1 or index.name is not None:
        return False
    if frame.attrs or not frame.columns.is_unique or not all(isinstance(column, str) for column in frame.columns):
        return False
    if len(frame) and all(dtype == object for dtype in frame.dtypes):
        return False  # the IPC file would hold no column, and so no rows: the cells would have none to join
    for dtype in frame.dtypes:
        plain = dtype == object or (isinstance(dtype, np.dtype) and dtype.kind in "iufbM")
        if not (plain or isinstance(dtype, pd.DatetimeTZDtype)
                or (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow")
                or (isinstance(dtype, pd.ArrowDtype) and pa.types.is_nested(dtype.pyarrow_dtype))):
            return False
    return True


def _partial_tail() -> str:
    """This writer's own suffix for partial files: two processes may save the same table at once
    (see warta.cache.Results), and the later rename must not move a file the other still writes."""
    return f".{os.getpid()}-{uuid.uuid4().hex[:8]}"


def _into_place(partial: Path, path: Path) -> Path:
    os.replace(partial, path)  # readers never see half a file
    return path


def _write_json(path: Path, content: dict[str, Any]) -> None:
    partial = path.with_name(f".{path.name}")
    partial.write_text(json.dumps(content, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    os.replace(partial, path)


class Build:
    """A snapshot being written by spawned child processes, one per part (see :func:`start_build`)."""

    def __init__(self, folder: str | Path, *, tables: Sequence[str], processes: int = 1,
                 readers: Mapping[str, Sequence[str]] | None = None, **options: Any) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.folder = Path(folder)
        parts = split_tables(tables, readers=readers) if processes > 1 else {}
        # One part is the whole build: it needs no second process nor part manifests.
        self.parts: dict[str, list[str]] = parts if len(parts) > 1 else {"": list(tables)}
        self.tables = list(tables)
        # The plan exists before any notebook can look for it.
        write_plan(self.folder, self.parts)
        # Spawned, not forked: the report process's threads and kernels' pipes are not copied.
        self.processes = min(processes, len(self.parts))
        # One part per process: a finished part's heap goes back to the system while notebooks run.
        self._pool = ProcessPoolExecutor(max_workers=self.processes, mp_context=multiprocessing.get_context("spawn"),
                                         max_tasks_per_child=1)
        self.futures = {}
        first = next(iter(self.parts))
        for part, names in self.parts.items():
            self.futures[part] = self._pool.submit(write_snapshot, str(self.folder), tables=names, part=part,
                                                   after="" if part == first else first, **options)
            # A child that dies without a word (killed, out of memory) must not leave readers waiting.
            self.futures[part].add_done_callback(lambda future, part=part: self._ended(future, part))

    def _ended(self, future, part: str) -> None:
        error = future.exception()
        if error is not None:
            write_failure(self.folder, f"{type(error).__name__}: {error}", part=part)

    def busy(self) -> int:
        """How many processes the build still keeps working."""
        return min(self.processes, sum(not future.done() for future in self.futures.values()))

    def unfinished(self) -> set:
        """The futures of the parts still being written."""
        return {future for future in self.futures.values() if not future.done()}

    def has_written(self, tables: Iterable[str]) -> bool:
        """Whether each of ``tables`` is in place, or the part that writes it is over (a table the
        build does not plan: yes). A part writes its tables one by one, so a notebook that reads
        only the early ones need not wait for its last."""
        wanted = set(tables)
        return all(self.futures[part].done() or all(written_table(self.folder, name) is not None
                                                     for name in wanted.intersection(names))
                   for part, names in self.parts.items())

    def join(self) -> None:
        """Wait until every part is over, however it ended."""
        from concurrent.futures import wait

        wait(list(self.futures.values()))

    def wait(self) -> dict[str, Any]:
        """The build's manifest once every part is over; raises the first part's error."""
        try:
            manifests = [future.result() for future in self.futures.values()]
        finally:
            self._pool.shutdown()
        if len(manifests) == 1:
            return manifests[0]
        rows = {name: count for manifest in manifests for name, count in manifest["rows"].items()}
        seconds = {name: value for manifest in manifests for name, value in manifest["table_seconds"].items()}
        return {**manifests[0], "rows": {name: rows[name] for name in self.tables},
                "table_seconds": {name: seconds[name] for name in self.tables},
                "parts": {part: manifest["seconds"] for part, manifest in zip(self.parts, manifests)},
                # the parts start together: the build lasts as long as its longest part
                "seconds": max(manifest["seconds"] for manifest in manifests)}


def start_build(folder: str | Path, *, tables: Sequence[str], processes: int = 1,
                readers: Mapping[str, Sequence[str]] | None = None, **options: Any) -> Build:
    """Start writing the snapshot of ``tables`` into ``folder`` in child processes; return at once.

    With ``processes`` above 1 the build is split in parts (:func:`split_tables`, with each
    notebook's tables as ``readers``) written at once.
    ``options`` are :func:`write_snapshot`'s (``corpus``, ``engine``, ``profile`` ...). The
    children's tables never enter this process's heap.
    """
    return Build(folder, tables=tables, processes=processes, readers=readers, **options)


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

    A table the build plans but has not written yet is waited for, until the part that writes it ends.
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
        self._planned = _planned(self.folder)

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._read:
            if name in self._planned:
                path = _awaited_table(self.folder, name, self._planned[name])
            else:
                path = written_table(self.folder, name)
            if path is not None:
                self._read[name] = read_table(path)
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
