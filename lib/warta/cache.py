"""A Parquet store of per-article results, keyed by file content and by the version of each stage.

Layout under the cache root (``warta.config.cache_dir()`` by default)::

    files.parquet                         path, size, mtime_ns → file_key (skips re-hashing)
    <stage>/<fingerprint>/<part>/         one finished part: the rows of some input files
        _keys.parquet                     the file keys this part covers (also files with no rows)
        <table>.parquet                   each output table of the stage, with a ``_file_key`` column
        <table>.pickle                    its nested columns (lists, dicts), when it has any
    saved/<version>/<table>.arrow         one corpus state's analysis tables, and the per-article
                                          tables a report collected (:class:`Results`; written
                                          as snapshot tables are)

A ``file_key`` is the hash of a file's bytes, so a renamed file is still a hit and an edited one
is a miss. A stage's fingerprint hashes its module sources, its data files, its settings section
and the fingerprint of the stage it reads from, so editing the lexicon changes only the sentiment
fingerprint while a loader change invalidates everything downstream. A part is written into a
hidden ``.tmp-*`` folder and renamed into place when complete: a run killed half-way leaves only a
hidden folder that readers never look at, and the files it had finished stay valid. Each plan
marks the versions it uses; versions past the newest ``[cache] stage_versions`` of a stage that
no plan used for ``[cache] stage_version_idle_hours`` are removed (:meth:`Store.retire_versions`).

A nested Arrow column (a sentence table's ``cues``, ``pd.ArrowDtype``) is stored in Parquet as it
is and read back as the same dtype. Nested cells of object columns (Python lists, dicts) are
stored pickled, so that what comes back equals what went in (Parquet would hand back arrays
and key-padded structs): all nested object columns of a table in one
pickle beside its Parquet file, so that the many equal strings inside them (cue keys, lexicon
terms, desks) are rebuilt once per part instead of once per cell: less memory and faster to
decode than a pickle per cell. The pickle holds a ``marshal`` blob per column where marshal can
write its cells (:class:`warta.runtime.Marshalled`): about 3x faster to write and 1.5x to read. Decoding
runs with the cyclic garbage collector paused: building millions of small lists and dicts
otherwise triggers full collections over an ever larger heap, which cost several times the
decoding itself. Like ``__pycache__``, the cache is trusted local data: never point ``cache=``
at a folder that others can write.

The whole-batch analyses (story clusters, propagation, actor sentiment) read the whole corpus,
so a grown corpus must run them again; but the same corpus, read again by another notebook or a
second report, need not. :class:`Results` keeps their tables, and the per-article tables a
report collected, under a version that hashes the corpus's files in order, every stage's
version and options, and the package's code, data and settings
(:func:`warta.pipeline.state_version`), for the newest ``[cache] saved_states`` corpus
states (each about 3.2 GB for 100k articles).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import pickle
import shutil
import time
import uuid
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from warta import config
from warta.runtime import Marshalled, arrow_frame, collector_paused, path_text, read_bytes

log = logging.getLogger(__name__)

KEY_COLUMN = "_file_key"
PICKLED_COLUMNS_META = b"warta.pickled_columns"
NESTED_SUFFIX = ".pickle"
NA_COLUMNS_META = b"warta.na_columns"
TEMP_PREFIX = ".tmp-"
STALE_TEMP_SECONDS = 3600
SAVED_DIR = "saved"


def file_key(data: bytes) -> str:
    """Return the content key of one input file (16 hex characters)."""
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def unreadable_key(name: str) -> str:
    """The key of a file that could not be read: one per path, so two such files never share rows."""
    return file_key(b"\0unreadable\0" + name.encode("utf-8", "surrogateescape"))


def fingerprint(patterns: Iterable[str], *, extra: Iterable[str] = (), root: Path = config.PACKAGE_DIR) -> str:
    """Hash the files under ``root`` matching ``patterns`` (globs) and the ``extra`` strings."""
    digest = hashlib.blake2b(digest_size=8)
    files = sorted({path for pattern in patterns for path in root.glob(pattern) if path.is_file()})
    for path in files:
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for text in extra:
        digest.update(text.encode() + b"\0")
    return digest.hexdigest()


def read_ahead(paths: Sequence[str], *, window: int = 2048) -> Iterable[bytes | OSError]:
    """Yield the bytes of each file in ``paths``, asking the kernel for the next ``window`` files ahead.

    A file that cannot be read yields its ``OSError`` in its place, and reading goes on.

    Read one by one, files that are not in the page cache cost a disk round trip each: 100k
    articles of 3 KB took 20 s on this project's machine, most of it waiting. Announced ahead
    (``posix_fadvise(WILLNEED)``), the kernel fetches them concurrently: 3.5 s. Where the hint
    does not exist (macOS, Windows) the files are read plainly.
    """
    advise = getattr(os, "posix_fadvise", None)

    def announce(path: str) -> None:
        try:
            handle = os.open(path, os.O_RDONLY)
        except OSError:
            return  # the read below raises the error where the file is read
        try:
            advise(handle, 0, 0, os.POSIX_FADV_WILLNEED)
        except OSError:
            pass
        finally:
            os.close(handle)

    if advise is not None:
        for path in paths[:window]:
            announce(path)
    for index, path in enumerate(paths):
        if advise is not None and index + window < len(paths):
            announce(paths[index + window])
        try:
            data = read_bytes(path)
        except OSError as error:
            yield error
        else:
            yield data


class Store:
    """One cache folder. Safe to share between processes: writers never touch finished parts."""

    def __init__(self, root: str | Path | None = None) -> None:
        self.root = Path(root) if root is not None else config.cache_dir()
        self.root.mkdir(parents=True, exist_ok=True)

    # ----------------------------------------------------------------- input files

    def manifest(self, paths: Sequence[str | Path], *,
                 on_unhashed: Callable[[int], None] | None = None) -> pd.DataFrame:
        """Return ``path``, ``size``, ``mtime_ns``, ``file_key`` for ``paths``, hashing only new or changed files.

        ``path`` is kept as given; the file list remembers absolute paths, so that a relative
        path read from another folder is never mistaken for the same file. ``on_unhashed`` hears
        how many files are to be hashed, before they are read.

        A file that cannot be listed or read (a dangling link, no permission, gone since the
        listing) gets a key of its own path, so that the loader reports it as a rejected row; it is
        not remembered, so it is tried again on the next run.
        """
        known_file = self.root / "files.parquet"
        known: dict[str, tuple[int, int, str]] = {}
        if known_file.is_file():
            table = pq.read_table(known_file, columns=["path", "size", "mtime_ns", "file_key"])
            # Whole columns to Python at once: a million files make a per-cell read cost seconds.
            known = dict(zip(table.column("path").to_pylist(),
                             zip(*(table.column(name).to_pylist() for name in ("size", "mtime_ns", "file_key")))))
        texts, sizes, mtimes, keys = [], [], [], []
        # Hashed after the listing, in one pass that reads ahead: name -> rows that want its key.
        unhashed: dict[str, list[int]] = {}
        cwd = os.getcwd()
        for path in paths:
            text = str(path)
            try:
                stat = os.stat(text)
                size, mtime = stat.st_size, stat.st_mtime_ns
            except OSError:
                size, mtime = 0, -1
            name = text
            if not os.path.isabs(text):
                # Normalised text joined to the working folder is what Path.absolute() gives,
                # without a Path built per file (1.2 s per 100k files, 6 s per million).
                name = os.path.join(cwd, path_text(text))
            cached = known.get(name)
            if name not in unhashed and cached and cached[0] == size and cached[1] == mtime:
                keys.append(cached[2])
            else:
                unhashed.setdefault(name, []).append(len(texts))
                keys.append("")
            texts.append(text)
            sizes.append(size)
            mtimes.append(mtime)
        if on_unhashed is not None:
            on_unhashed(len(unhashed))
        for (name, rows), data in zip(unhashed.items(), read_ahead(list(unhashed))):
            if isinstance(data, OSError):
                key = unreadable_key(name)
            else:
                key = file_key(data)
                known[name] = (sizes[rows[0]], mtimes[rows[0]], key)
            for row in rows:
                keys[row] = key
        frame = pd.DataFrame({"path": texts, "size": pd.array(sizes, dtype="int64"),
                              "mtime_ns": pd.array(mtimes, dtype="int64"), "file_key": keys})
        if unhashed:
            values = list(zip(*known.values())) or [(), (), ()]
            everything = pd.DataFrame({"path": list(known), "size": pd.array(values[0], dtype="int64"),
                                       "mtime_ns": pd.array(values[1], dtype="int64"), "file_key": list(values[2])})
            _atomic_parquet(everything, known_file)
        return frame

    # ----------------------------------------------------------------- stage parts

    def stage_dir(self, stage: str, fp: str) -> Path:
        return self.root / stage / fp

    def parts(self, stage: str, fp: str) -> list[Path]:
        """Return the finished parts of a stage version, oldest first."""
        folder = self.stage_dir(stage, fp)
        if not folder.is_dir():
            return []
        finished = [p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")]
        return sorted(finished, key=lambda p: p.name)

    def keys(self, stage: str, fp: str) -> dict[str, str]:
        """Map each file key a stage version has finished to the part holding it."""
        return self.coverage(stage, fp)[0]

    def coverage(self, stage: str, fp: str) -> tuple[dict[str, str], dict[str, int]]:
        """:meth:`keys`, and how many file keys each part lists (a key in two parts belongs to the first)."""
        covered: dict[str, str] = {}
        sizes: dict[str, int] = {}
        for part in self.parts(stage, fp):
            keys = _part_keys(part)
            sizes[part.name] = len(keys)
            for key in keys:
                covered.setdefault(key, part.name)
        return covered, sizes

    def write_part(self, stage: str, fp: str, keys: Sequence[str], tables: dict[str, pd.DataFrame]) -> Path:
        """Write one part atomically; every table must carry the ``_file_key`` column."""
        folder = self.stage_dir(stage, fp)
        folder.mkdir(parents=True, exist_ok=True)
        # Time-ordered names keep reads in write order; the random tail avoids clashes between workers.
        name = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
        staging = folder / f"{TEMP_PREFIX}{name}"
        staging.mkdir()
        _write_parquet(pd.DataFrame({KEY_COLUMN: pd.Series(list(keys), dtype="str")}), staging / "_keys.parquet")
        for table_name, table in tables.items():
            _write_parquet(table, staging / f"{table_name}.parquet")
        final = folder / name
        os.replace(staging, final)
        return final

    def read(self, stage: str, fp: str, table: str, *, parts: Iterable[str] | None = None,
             keys: Iterable[str] | None = None) -> pd.DataFrame | None:
        """Read one output table of a stage version (optionally some parts and keys); None if never written."""
        names = set(parts) if parts is not None else None
        with collector_paused():
            frames = [
                _read_parquet(part / f"{table}.parquet")
                for part in self.parts(stage, fp)
                if (names is None or part.name in names) and (part / f"{table}.parquet").is_file()
            ]
        if not frames:
            return None
        frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        if keys is not None:
            wanted = frame[KEY_COLUMN].isin(set(keys))
            if not wanted.all():  # copying every column costs more than the test
                frame = frame[wanted].reset_index(drop=True)
        return frame

    def adopt(self, other: "Store") -> int:
        """Move the finished parts of ``other`` into this store and merge its file list; return the parts moved.

        A part whose files this store already holds for that stage version stays behind: it would
        never be read (a file belongs to its first part), and each benchmark run would otherwise
        add a full copy of its corpus to the cache.
        """
        moved = 0
        covered: dict[tuple[str, str], set[str]] = {}
        for part in sorted(other.root.glob("*/*/*")):
            target = self.root / part.relative_to(other.root)
            if not part.is_dir() or part.name.startswith(".") or target.exists():
                continue
            version = (part.parent.parent.name, part.parent.name)
            if version not in covered:
                covered[version] = set(self.keys(*version))
            keys = _part_keys(part)
            if keys and covered[version].issuperset(keys):
                continue
            covered[version].update(keys)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.rename(part, target)
            except OSError:  # another file system: copy beside the target, then rename into place
                staging = target.with_name(f"{TEMP_PREFIX}{target.name}")
                shutil.copytree(part, staging)
                os.replace(staging, target)
            moved += 1
        theirs, ours = other.root / "files.parquet", self.root / "files.parquet"
        if theirs.is_file():
            frames = [pd.read_parquet(f) for f in (theirs, ours) if f.is_file()]
            _atomic_parquet(pd.concat(frames, ignore_index=True).drop_duplicates("path"), ours)
        return moved

    def clean(self, *, older_than: float = STALE_TEMP_SECONDS) -> int:
        """Remove parts abandoned by interrupted runs (hidden temp folders older than ``older_than`` s)."""
        removed = 0
        cutoff = time.time() - older_than
        for staging in self.root.glob(f"*/*/{TEMP_PREFIX}*"):
            if staging.stat().st_mtime < cutoff:
                shutil.rmtree(staging, ignore_errors=True)
                removed += 1
        return removed


    def retire_versions(self, current: Mapping[str, str], *, keep: int, idle_seconds: float) -> list[Path]:
        """Mark the ``current`` version of each stage as used now; remove the versions of those
        stages that are past the ``keep`` most recently used and unused for ``idle_seconds``.

        Every edit of a stage's code, data or settings starts a new version beside the old ones,
        so without this a scheduled run fills the disk (12 GB of stale sentiment versions were
        found beside a 100k corpus). A version a running process planned with was marked used
        then, so the idle limit keeps it. Returns the removed folders.
        """
        removed = []
        cutoff = time.time() - idle_seconds
        for stage, fp in current.items():
            folder = self.root / stage
            if not folder.is_dir():
                continue
            with contextlib.suppress(OSError):
                os.utime(folder / fp)
            # Another run (a report's other build part) may be retiring the same versions: one
            # that vanishes while this looks is skipped.
            versions = [(used, path) for path in folder.iterdir() if path.is_dir() and not path.name.startswith(".")
                        and (used := _last_change(path)) is not None]
            versions.sort(key=lambda entry: entry[0], reverse=True)
            for used, old in versions[max(keep, 1):]:
                if old.name != fp and used < cutoff:
                    shutil.rmtree(old, ignore_errors=True)
                    removed.append(old)
        return removed


class Results:
    """The saved tables of one corpus state: ``<root>/saved/<version>/``.

    The whole-batch analyses save their tables as they run; a report saves the per-article
    tables it collects (:meth:`warta.pipeline.Tables.save`).

    A table is written whole and renamed into place (``warta.snapshot.write_table``), so a run
    killed half-way leaves it absent, never half there. Reading or writing touches the folder; a
    new folder removes all but the newest ``keep``. A table that cannot be read or written is
    logged and computed again, never fatal.
    """

    def __init__(self, root: str | Path, version: str, *, keep: int | None = None) -> None:
        self.folder = Path(root) / SAVED_DIR / version
        self.keep = int(config.section("cache").get("saved_states", 2) if keep is None else keep)

    def read(self, names: Sequence[str]) -> dict[str, pd.DataFrame] | None:
        """Every table of ``names``, if all were saved; else None."""
        from warta import snapshot

        paths = {name: snapshot.written_table(self.folder, name) for name in names}
        if not paths or None in paths.values():
            return None
        try:
            tables = {name: snapshot.read_table(path) for name, path in paths.items()}
            os.utime(self.folder)
        except Exception as error:  # noqa: BLE001 - a damaged file is computed again
            log.warning("saved tables %s unreadable, computing them again: %s", sorted(names), error)
            return None
        return tables

    def files(self, name: str) -> list[Path] | None:
        """The files of table ``name`` if it is saved (an Arrow file's cells first), without reading them."""
        from warta import snapshot

        path = snapshot.written_table(self.folder, name)
        if path is None:
            return None
        with contextlib.suppress(OSError):
            os.utime(self.folder)
        cells = path.with_suffix(snapshot.CELLS_SUFFIX)
        return [cells, path] if path.suffix == snapshot.ARROW_SUFFIX and cells.is_file() else [path]

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        """Save ``tables`` (a table already saved is left as it is)."""
        from warta import snapshot

        try:
            fresh = not self.folder.is_dir()
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, table in tables.items():
                if snapshot.written_table(self.folder, name) is None:
                    snapshot.write_table(self.folder, name, table)
            if fresh:
                self._remove_old()
        except OSError as error:  # a full disk or a removed folder: the tables are still returned
            log.warning("could not save tables %s: %s", sorted(tables), error)

    def _remove_old(self) -> None:
        folders = [path for path in self.folder.parent.iterdir() if path.is_dir()]
        folders.sort(key=lambda path: path.stat().st_mtime, reverse=True)
        for old in folders[max(self.keep, 1):]:
            if old != self.folder:
                shutil.rmtree(old, ignore_errors=True)


def _last_change(path: Path) -> float | None:
    """``path``'s modification time, or None once it is gone."""
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def _part_keys(part: Path) -> list[str]:
    """The file keys a finished part covers."""
    return pq.read_table(part / "_keys.parquet").column(KEY_COLUMN).to_pylist()


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    nested = [column for column in frame.columns if _is_nested(frame[column])]
    # Object columns that mark missing values with pd.NA (Parquet would hand back None).
    with_na = [column for column in frame.columns if column not in nested
               and frame[column].dtype == object and any(value is pd.NA for value in frame[column])]
    flat = frame.drop(columns=nested) if nested else frame
    table = pa.Table.from_pandas(flat, preserve_index=False)
    metadata = {**(table.schema.metadata or {}), PICKLED_COLUMNS_META: json.dumps(nested).encode(),
                NA_COLUMNS_META: json.dumps(with_na).encode(),
                b"warta.columns": json.dumps([str(column) for column in frame.columns]).encode()}
    if nested:
        # One file for all nested columns, marshalled a column each: a column with cells marshal
        # cannot write (pd.NA) is pickled alone, and the others still go through marshal.
        with open(path.with_suffix(NESTED_SUFFIX), "wb") as handle:
            pickle.dump({column: Marshalled(_plain_cells(frame[column])) for column in nested}, handle,
                        protocol=pickle.HIGHEST_PROTOCOL)
    # No column statistics: nothing reads a part by row groups, and they cost a fifth of the writing.
    # Dictionary pages only for text: numbers (offsets, row numbers) are mostly distinct, and the
    # writer builds a dictionary for each before falling back to plain pages.
    pq.write_table(table.replace_schema_metadata(metadata), path, write_statistics=False,
                   use_dictionary=_text_columns(table.schema))


def _text_columns(schema: pa.Schema) -> list[str]:
    """The names of the string columns of ``schema`` (the ones worth dictionary-encoding)."""
    return [field.name for field in schema if pa.types.is_string(field.type) or pa.types.is_large_string(field.type)]


def _read_parquet(path: Path) -> pd.DataFrame:
    table = pq.read_table(path)
    metadata = table.schema.metadata or {}
    frame = arrow_frame(table)
    nested = json.loads(metadata.get(PICKLED_COLUMNS_META, b"[]"))
    if nested:
        with open(path.with_suffix(NESTED_SUFFIX), "rb") as handle:
            columns = pickle.load(handle)
        for column in nested:
            frame[column] = pd.Series(columns[column], index=frame.index, dtype=object)
        frame = frame[json.loads(metadata[b"warta.columns"])]
    for column in json.loads(metadata.get(NA_COLUMNS_META, b"[]")):
        frame[column] = frame[column].astype(object).map(lambda value: pd.NA if value is None else value)
    return frame


def _atomic_parquet(frame: pd.DataFrame, path: Path) -> None:
    staging = path.with_name(f"{TEMP_PREFIX}{uuid.uuid4().hex[:8]}-{path.name}")
    frame.to_parquet(staging, index=False)
    os.replace(staging, path)


def _is_nested(series: pd.Series) -> bool:
    if series.dtype != object:
        return False
    return any(isinstance(value, (list, dict, tuple)) for value in series)


def _plain_cells(series: pd.Series) -> list:
    """A nested column's cells as stored (see :func:`_plain`), without a call per cell when none is missing."""
    if not series.isna().any():  # the usual case: every cell is a list or dict, stored as it is
        return series.tolist()
    return [_plain(value) for value in series]


def _plain(value):
    """A nested column's cell as stored: missing values (None, NaN) come back as None."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value
