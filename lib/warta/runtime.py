"""Helpers shared by the batch stages (loading, scoring, cache read-back, whole-batch analyses).

Importing this module also sets how the process allocates memory (every warta process imports
it: Dask workers, snapshot builds, notebook kernels): Arrow buffers from the C library's malloc
(:func:`use_arrow_memory_pool`), and a C heap that keeps freed memory (:func:`keep_freed_memory`).
"""
from __future__ import annotations

import gc
import marshal
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

try:  # the check that a value is plain data; without a C compiler, Marshalled pickles everything
    from warta._tokens import plain_data as _plain_data
except ImportError:  # pragma: no cover - only without a C compiler (tests run both paths)
    _plain_data = None


def use_arrow_memory_pool(name: str | None = None) -> str:
    """Make ``name`` (None: ``[pipeline] arrow_memory_pool``) the default pool of Arrow's buffers in
    this process, unless the ARROW_DEFAULT_MEMORY_POOL environment variable chose one; return the
    pool's backend. Done on import of this module, so every warta process (Dask workers, snapshot
    builds, notebook kernels) allocates the same way."""
    import pyarrow as pa

    if name is None:
        from warta import config

        name = str(config.section("pipeline").get("arrow_memory_pool", "default"))
    if name != "default" and not os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        if name != "system":
            raise ValueError(f"[pipeline] arrow_memory_pool must be 'system' or 'default', not {name!r}")
        pa.set_memory_pool(pa.system_memory_pool())
    return pa.default_memory_pool().backend_name


use_arrow_memory_pool()

# mallopt's parameters (glibc's malloc.h).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MALLOC_ENVIRONMENT = ("GLIBC_TUNABLES", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_")


def keep_freed_memory(megabytes: int | None = None) -> bool:
    """Let the C heap serve blocks up to ``megabytes`` (None: ``[pipeline] keep_freed_memory_mb``)
    and keep up to as much freed memory for reuse, instead of handing large blocks back to the
    OS on free; return whether the setting applies.

    By default glibc maps each block over 32 MB (every NumPy array of a few million numbers) on
    its own and unmaps it on free, so the next one is new memory for the kernel to fault in and
    zero. Done on import of this module, like the Arrow pool. It applies only with glibc, with
    ``megabytes`` > 0, and when no malloc environment variable (``GLIBC_TUNABLES``,
    ``MALLOC_MMAP_THRESHOLD_``, ``MALLOC_TRIM_THRESHOLD_``) chose otherwise.
    """
    if megabytes is None:
        from warta import config

        megabytes = config.section("pipeline").get("keep_freed_memory_mb", 0)
    # mallopt takes a C int of bytes; a wrong value fails every warta import, so name the setting.
    if isinstance(megabytes, bool) or not isinstance(megabytes, int) or not 0 <= megabytes < 2048:
        raise ValueError(f"[pipeline] keep_freed_memory_mb must be a whole number from 0 to 2047, not {megabytes!r}")
    if megabytes == 0 or any(os.environ.get(name) for name in _MALLOC_ENVIRONMENT):
        return False
    mallopt = _glibc_mallopt()
    if mallopt is None:
        return False
    size = megabytes << 20
    return bool(mallopt(_M_MMAP_THRESHOLD, size)) and bool(mallopt(_M_TRIM_THRESHOLD, size))


def _glibc_mallopt():
    """glibc's ``mallopt``, or None under another C library (musl, macOS, Windows)."""
    import ctypes

    try:  # what the running C library says it is ("glibc 2.36"); no such name elsewhere
        if not os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc"):
            return None
        return ctypes.CDLL(None).mallopt
    except (AttributeError, OSError, ValueError):
        return None


keep_freed_memory()


def arrow_frame(table) -> pd.DataFrame:
    """``table.to_pandas()`` (a ``pyarrow.Table``), nested columns (lists, structs) as
    ``pd.ArrowDtype`` columns: pandas cannot rebuild their dtype from the table's metadata, and
    without it their cells would come back as NumPy arrays of dicts."""
    return table.to_pandas(types_mapper=_nested_as_arrow)


def text_column(values: list) -> pd.api.extensions.ExtensionArray:
    """A ``str`` column of Python text (None for missing), converted by Arrow at once: pandas'
    inference looks at every cell first, which costs about twice as much."""
    import pyarrow as pa

    return pd.array(pa.array(values, type=pa.large_string()), dtype="str")


def _nested_as_arrow(arrow_type) -> pd.ArrowDtype | None:
    import pyarrow as pa

    return pd.ArrowDtype(arrow_type) if pa.types.is_nested(arrow_type) else None


def path_text(item: str | Path) -> str:
    """``str(Path(item))``, without building the Path when ``item`` is a str written so already
    (a Path per file costs microseconds that a million-file listing or manifest adds up)."""
    if isinstance(item, str) and item and os.sep == "/" and not item.startswith("./") \
            and not item.endswith(("/", "/.")) and "//" not in item and "/./" not in item and item != ".":
        return item
    return str(Path(item))


def read_bytes(path: str | Path, *, limit: int | None = None) -> bytes | None:
    """A file's bytes by os.open/os.read (None once past ``limit``): a third of the cost of a
    buffered file object for a 3 KB article. Reads to the end, so a file that grows or lies
    about its size is still read whole."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(descriptor).st_size
        if limit is not None and size > limit:
            return None
        # Ask for one byte more than the size: a short read is the whole file. A larger buffer
        # costs more than the read (os.read allocates all of it before shrinking it).
        data = os.read(descriptor, size + 1)
        if len(data) <= size:
            return data
        parts, total = [data], len(data)
        while chunk := os.read(descriptor, 65536):
            parts.append(chunk)
            total += len(chunk)
            if limit is not None and total > limit:
                return None
    finally:
        os.close(descriptor)
    return None if limit is not None and total > limit else b"".join(parts)


@contextmanager
def collector_paused(*, keep_out: bool = False) -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a batch builds many small objects.

    Batches keep hundreds of thousands of rows, cues and decoded cells alive until they end, so
    the collector would re-scan the growing heap again and again (a sixth to a tenth of the CPU
    time) without finding anything: these builders make no reference cycles. Reference counting
    still frees everything; the collector resumes afterwards, unless it was already off.

    ``keep_out``: what the batch built lives as long as the session (a table read for a notebook
    or a report), so it is kept out of later collections (:func:`keep_out_of_collections`) before
    the collector resumes. Resumed first, the collector walks every new object through each
    generation as soon as more are allocated, before anyone freezes them: 2.9 s when 100,000
    lists followed the reading of the 2M-sentence table of 100k articles (itself 3.0 s).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep_out:
            keep_out_of_collections()
        if enabled:
            gc.enable()


def keep_out_of_collections() -> None:
    """Exempt every object alive now from the cyclic collector's full passes (``gc.freeze``).

    Called once a session's tables are read: their millions of cells (cue lists, evidence dicts)
    live as long as the session, and every later full collection would walk them all again
    (17M tracked objects at 100k articles: one chart took 4.0 s instead of 0.6 s). Reference
    counting still frees them; only a reference cycle among them would outlive its use, and
    table cells make none.
    """
    gc.freeze()


def rows_where(frame: pd.DataFrame, keep) -> pd.DataFrame:
    """``frame[keep]`` for a boolean mask, column by column: each Arrow-backed column is filtered
    by Arrow itself, where the frame-wide path takes each column by row numbers (on the 6.3M
    mentions of 100k articles, 0.43 s against 0.86 s)."""
    keep = np.asarray(keep, dtype=bool)
    if frame.columns.has_duplicates:
        return frame[keep]
    return pd.DataFrame({name: frame[name].array[keep] for name in frame.columns}, index=frame.index[keep])


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` of a 1-D array by one sort: NumPy 2's hashing ``unique`` is several
    times slower on millions of mostly distinct integers (7.4 s against 0.6 s for 6.4M)."""
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered


def first_rows(codes: np.ndarray, rows: np.ndarray, n_codes: int) -> np.ndarray:
    """The first of ``rows`` (ascending row numbers) of each code ``0 .. n_codes - 1`` of ``codes``,
    -1 for a code with none.

    ``np.minimum.at`` in one pass: a sorting ``np.unique(return_index=True)`` cost 0.5 s on the
    6.4M mentions of 100k articles, this 0.03 s.
    """
    first = np.full(n_codes, len(codes), dtype=np.int64)
    np.minimum.at(first, codes[rows], rows)
    first[first == len(codes)] = -1
    return first


class Marshalled:
    """A value of plain cells (lists, dicts, str, numbers, None) that pickles through ``marshal``.

    ``pickle.dump(Marshalled(cells))`` writes one ``marshal`` blob; ``pickle.load`` gives back
    ``cells`` themselves (equal, types kept), with no wrapper. For the millions of small cue dicts
    of a sentence table, marshal writes about 3x and reads about 1.5x as fast as pickle, whose
    memo costs a dict entry per object. A value with any other object in it (``pd.NA``, a NumPy
    scalar, a Timestamp, a str subclass) is pickled as it is, and so is every value where
    ``warta._tokens`` is not compiled. Only for trusted local files, like pickle itself.
    """

    __slots__ = ("value",)

    def __init__(self, value) -> None:
        self.value = value

    def __reduce__(self):
        # marshal writes any object with a buffer (a NumPy scalar) as bytes: only plain data goes
        # through it, as the compiled check finds in one pass (without it, everything is pickled).
        if _plain_data is not None and _plain_data(self.value):
            return marshal.loads, (marshal.dumps(self.value),)
        return _unwrapped, (self.value,)


def _unwrapped(value):
    """What a :class:`Marshalled` value that marshal could not write loads as: the value itself."""
    return value


class PackedFrame:
    """A DataFrame that pickles its object columns through :class:`Marshalled`.

    ``pickle.load`` gives back the DataFrame itself, equal to the one packed (columns in their
    order, index, dtypes, ``attrs``). Frames whose columns are not unique plain labels pickle as
    they are.
    """

    __slots__ = ("frame",)

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame

    def __reduce__(self):
        frame = self.frame
        objects = [name for name, dtype in frame.dtypes.items() if dtype == object]
        if not objects or not frame.columns.is_unique or isinstance(frame.columns, pd.MultiIndex):
            return _unwrapped, (frame,)
        cells = {name: Marshalled(frame[name].tolist()) for name in objects}
        where = [frame.columns.get_loc(name) for name in objects]
        return _unpacked, (frame.drop(columns=objects), objects, where, cells)


def _unpacked(rest: pd.DataFrame, names: list, where: list[int], cells: dict) -> pd.DataFrame:
    """Put the object columns of a :class:`PackedFrame` back where they stood."""
    for name, at in zip(names, where):  # ascending positions: each lands where it was
        rest.insert(at, name, pd.Series(cells[name], index=rest.index, dtype=object))
    return rest
