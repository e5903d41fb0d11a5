"""Result tables as files: Parquet and CSV side by side, with nested cells as JSON text in CSV.

* :func:`write_tables`: each table as ``<name>.parquet`` and ``<name>.csv`` (``warta analyze``).
* :func:`write_csv`: what ``DataFrame.to_csv(index=False)`` writes, byte for byte, built with
  Arrow's string kernels for frames of text, numbers and booleans (pandas writes any other).
* :func:`write_parquet`: ``to_parquet`` whose file ``pd.read_parquet`` can read back, also with a
  nested Arrow column (a sentence table's ``cues``).
* :func:`flatten_for_export`: list and dict cells as compact JSON text (:func:`arrow_json` for
  nested Arrow columns), the text CSV holds.

The report's table files (:meth:`warta.report.Outputs.table`) and ``load.write_articles`` use the
same writers.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

try:  # an object column's JSON cells; without a C compiler, each goes through orjson
    from warta._tokens import json_cells as _compiled_json_cells
except ImportError:  # pragma: no cover - only without a C compiler (tests run both paths)
    _compiled_json_cells = None


def write_tables(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """Write each table as ``<name>.parquet`` and ``<name>.csv`` (nested values as JSON text,
    except a nested Arrow column's in Parquet, which keeps it nested: see :func:`write_parquet`)."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, table in tables.items():
        # Object cells become JSON text once, for both files; a nested Arrow column only for CSV.
        flat = flatten_for_export(table, keep_arrow=True)
        write_parquet(flat, out / f"{name}.parquet")
        write_csv(flatten_for_export(flat), out / f"{name}.csv")
        written += [out / f"{name}.parquet", out / f"{name}.csv"]
    return written


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """``frame.to_csv(path, index=False)``, byte for byte, built with Arrow's string kernels when
    every column is text (or missing), a number (NumPy's, or pandas' nullable integers) or a NumPy
    boolean, and there are two or more.

    pandas hands each cell to Python's csv module, which quotes and doubles quotation marks a
    character at a time: 1.55 s for the 100k rows of the article sentiment table, whose evidence
    is long JSON text, against 0.58 s here. Any other frame is written by pandas.
    """
    columns = _csv_columns(frame)
    if columns is None:
        frame.to_csv(path, index=False)
        return
    header = ",".join(_csv_text(pa.array([str(name) for name in frame.columns], pa.large_string())).to_pylist())
    text = pa.large_string()
    rows = pc.binary_join_element_wise(*columns, pa.scalar(",", text)) if len(frame) else pa.array([], text)
    rows = pc.binary_join_element_wise(rows, pa.scalar("\n", text), pa.scalar("", text))
    with open(path, "wb") as handle:
        handle.write((header + "\n").encode())
        # Each chunk's rows lie back to back in its data buffer: written as they are.
        for chunk in rows.chunks if isinstance(rows, pa.ChunkedArray) else [rows]:
            if len(chunk):
                offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int64)[chunk.offset:chunk.offset + len(chunk) + 1]
                handle.write(memoryview(chunk.buffers()[2])[offsets[0]:offsets[-1]])


def _csv_columns(frame: pd.DataFrame) -> list[pa.Array] | None:
    """Each column's CSV fields as Arrow text, as pandas writes them; None where pandas must write."""
    if len(frame.columns) < 2 or os.linesep != "\n":  # a one-field row's empty field is quoted
        return None
    fields = []
    for _, series in frame.items():
        dtype = series.dtype
        if isinstance(dtype, np.dtype) and dtype.kind == "b":
            fields.append(pc.if_else(pa.array(series.to_numpy()), "True", "False").cast(pa.large_string()))
        elif isinstance(dtype, np.dtype) and dtype.kind in "iu":
            fields.append(pa.array(series.to_numpy()).cast(pa.large_string()))
        elif isinstance(dtype, pd.core.arrays.integer.IntegerDtype):  # Int64: nothing where missing
            fields.append(pa.array(series.array).cast(pa.large_string()).fill_null(""))
        elif isinstance(dtype, np.dtype) and dtype.kind == "f":
            # What pandas writes for floats: NumPy's text of each, and nothing for NaN.
            values = series.to_numpy()
            fields.append(pa.array(np.where(np.isnan(values), "", values.astype(str)), pa.large_string()))
        elif isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow" or dtype == object:
            if dtype == object and not {type(cell) for cell in series.tolist()} <= _CSV_TEXT_CELLS:
                return None  # Arrow would take bytes as text; pandas writes their repr
            try:
                text = pa.array(series, type=pa.large_string(), from_pandas=True)
            except (pa.ArrowException, TypeError, ValueError):  # not all text: pandas writes it
                return None
            fields.append(_csv_text(text).fill_null(""))
        else:
            return None
    return fields


# Object cells Arrow reads as text or as missing (NaN, None, pd.NA), as pandas writes them.
_CSV_TEXT_CELLS = {str, float, type(None), type(pd.NA)}


def _csv_text(values: pa.Array) -> pa.Array:
    """Text fields as Python's csv module writes them (pandas' dialect): quoted, with quotation marks
    doubled, where they hold a comma, a quotation mark or a line feed."""
    needs = pc.match_substring_regex(values, '[,"\n]')
    if not pc.any(needs).as_py():
        return values
    mark, empty = pa.scalar('"', values.type), pa.scalar("", values.type)
    quoted = pc.binary_join_element_wise(mark, pc.replace_substring(values, '"', '""'), mark, empty)
    return pc.if_else(needs, quoted, values)


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """``frame.to_parquet(path, index=False)``, readable by ``pd.read_parquet``: pandas cannot
    rebuild a nested Arrow dtype (a sentence table's ``cues``) from the file's pandas metadata
    and fails, so such a column is described there as an object column (its cells then come
    back as arrays of dicts, as from any nested Parquet column)."""
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    described = orjson.loads(table.schema.metadata[b"pandas"])
    for column, field in zip(described["columns"], table.schema):
        if pa.types.is_nested(field.type):
            column["numpy_type"] = "object"
    pq.write_table(table.replace_schema_metadata({**table.schema.metadata, b"pandas": orjson.dumps(described)}), path)


def flatten_for_export(table: pd.DataFrame, *, keep_arrow: bool = False) -> pd.DataFrame:
    """Return a copy in which list and dict cells become compact JSON strings, the text CSV holds.

    ``keep_arrow``: leave nested Arrow columns (a sentence table's ``cues``) as they are, for a
    Parquet file, which holds them as its own nested columns: encoding the 3.5M cues of 100k
    articles as JSON text took longer than writing the whole file. Object columns' nested cells
    are JSON text in Parquet too.

    orjson takes a quarter of the time of the json module, which took a third of a 100k report's
    sentiment notebook; the cells are taken out as one list and encoded in one pass
    (:func:`_json_cells`).
    """
    flat = table.copy()
    nested = (list, dict, tuple)
    for column in flat.columns:
        dtype = flat[column].dtype
        if isinstance(dtype, pd.ArrowDtype) and pa.types.is_nested(dtype.pyarrow_dtype):
            if keep_arrow:
                continue
            flat[column] = pd.Series(arrow_json(flat[column].array.__arrow_array__()).to_numpy(zero_copy_only=False),
                                     index=flat.index, dtype=object)
            continue
        # Only object columns can hold lists (string columns are skipped without a scan).
        if dtype != object:
            continue
        cells = flat[column].tolist()
        if any(isinstance(cell, nested) for cell in cells):
            flat[column] = pd.Series(_json_cells(cells), index=flat.index, dtype=object)
    return flat


def _json_cells(cells: list) -> list:
    """Each list, tuple or dict cell as its compact JSON text; other cells as they are.

    Compiled where it is built (``warta._tokens.json_cells``), which writes lists of ints itself:
    the 4M evidence cells of an actor table at 100k articles, mostly sentence ids, take 0.29 s
    instead of 0.65 s through orjson one by one, most of which went to the calls.
    """
    if _compiled_json_cells is not None:
        return _compiled_json_cells(cells, _json_text_of)
    return _json_cells_python(cells)


def _json_cells_python(cells: list) -> list:
    """:func:`_json_cells` without the compiled module: the reference for it."""
    nested = (list, dict, tuple)
    return [_json_text_of(cell) if isinstance(cell, nested) else cell for cell in cells]


def _json_text_of(cell: Any) -> str:
    """One nested cell's compact JSON text (NumPy numbers as numbers, other objects through str())."""
    return orjson.dumps(cell, default=str, option=_JSON_OPTIONS).decode()


def arrow_json(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Each cell of an Arrow column as the compact JSON text :func:`flatten_for_export` writes for
    the same cell held in Python (a missing cell stays missing), built with Arrow's string kernels
    over whole columns: no Python object per cell. Types other than text, numbers, booleans,
    lists and structs, and text with control characters, go through orjson."""
    if isinstance(values, pa.ChunkedArray):  # one pass: each kernel call costs, per chunk
        values = values.combine_chunks() if values.num_chunks else pa.array([], type=values.type)
    try:
        text = _json_text(values)
    except _NeedsPython:
        text = pa.array([orjson.dumps(cell, default=str, option=_JSON_OPTIONS).decode() for cell in values.to_pylist()],
                        type=pa.string())
    return pc.if_else(values.is_null(), pa.scalar(None, pa.string()), text) if values.null_count else text


class _NeedsPython(Exception):
    """An Arrow array that :func:`_json_text` leaves to orjson."""


def _json_text(values: pa.Array) -> pa.Array:
    """JSON text of each cell of ``values`` ("null" where missing); raises _NeedsPython."""
    kind = values.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        if pc.any(pc.match_substring_regex(values, '[\\x00-\\x1f"\\\\]')).as_py():
            if pc.any(pc.match_substring_regex(values, "[\\x00-\\x1f]")).as_py():
                raise _NeedsPython  # control characters: orjson's escapes
            values = pc.replace_substring(pc.replace_substring(values, "\\", "\\\\"), '"', '\\"')
        text = pc.binary_join_element_wise('"', values, '"', "")
    elif pa.types.is_integer(kind):
        text = pc.cast(values, pa.string())
    elif pa.types.is_floating(kind):
        text = pc.cast(values, pa.string())
        # Arrow writes whole floats without ".0" (orjson: 2.0), and non-finite ones as words (null).
        text = pc.if_else(pc.match_substring_regex(text, "^-?[0-9]+$"), pc.binary_join_element_wise(text, ".0", ""),
                          text)
        text = pc.if_else(pc.is_finite(values), text, "null")
    elif pa.types.is_boolean(kind):
        text = pc.if_else(values, "true", "false")
    elif pa.types.is_list(kind) or pa.types.is_large_list(kind):
        joined = pc.binary_join(type(values).from_arrays(values.offsets, _json_text(values.values)), ",")
        text = pc.binary_join_element_wise("[", joined, "]", "")
    elif pa.types.is_struct(kind):
        # '{"a":', a, ',"b":', b, ..., '}': each field's value after its name and separator.
        pieces: list = []
        for index, field in enumerate(kind):
            pieces += [("," if pieces else "{") + orjson.dumps(str(field.name)).decode() + ":",
                       _json_text(values.field(index))]
        text = (pc.binary_join_element_wise(*pieces, "}", "") if pieces
                else pa.array(["{}"] * len(values), type=pa.string()))
    else:
        raise _NeedsPython
    if values.null_count:
        text = pc.if_else(values.is_null(), pa.scalar(None, pa.string()), text)
    return pc.fill_null(text, "null")


# NumPy numbers stay numbers; dates go through str() as before, and NaN becomes null (valid JSON).
_JSON_OPTIONS = orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME
