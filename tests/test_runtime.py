"""Tests for warta.runtime: the helpers the batch stages share."""
from __future__ import annotations

import gc
import marshal
import os
import pickle
import pickletools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from warta import config, runtime
from warta.runtime import Marshalled, PackedFrame, collector_paused, path_text, read_bytes, rows_where, sorted_unique


@pytest.mark.parametrize(
    "values, expected",
    [
        ([3, 1, 3, 2, 1], [1, 2, 3]),
        ([7], [7]),
        ([], []),
        ([-5, 2**62, -5, 0], [-5, 0, 2**62]),
    ],
)
def test_sorted_unique_is_np_unique(values, expected):
    array = np.array(values, dtype=np.int64)
    assert sorted_unique(array).tolist() == expected == np.unique(array).tolist()


def _typed_frame() -> pd.DataFrame:
    import pyarrow as pa

    return pd.DataFrame({
        "text": pd.array(["a", None, "c", "d"], dtype="str"),
        "number": [1, 2, 3, 4],
        "share": [0.5, np.nan, 1.5, 2.0],
        "flag": [True, False, True, False],
        "count": pd.array([1, None, 3, 4], dtype="Int64"),
        "cells": [["x"], [], None, ["y", "z"]],
        "cues": pd.array([[{"term": "a"}], [], None, [{"term": "b"}]],
                         dtype=pd.ArrowDtype(pa.list_(pa.struct([("term", pa.string())])))),
        "when": pd.to_datetime(["2024-06-01", None, "2024-06-03", "2024-06-04"]).tz_localize("Asia/Jakarta"),
        "kind": pd.Categorical(["p", "q", "p", "q"]),
    }, index=[10, 11, 12, 13])


@pytest.mark.parametrize("keep", [[True, False, True, False], [False] * 4, [True] * 4, [False, True, True, True]])
def test_rows_where_is_the_boolean_mask(keep):
    frame = _typed_frame()
    pd.testing.assert_frame_equal(rows_where(frame, keep), frame[np.array(keep)])
    pd.testing.assert_frame_equal(rows_where(frame, pd.Series(keep, index=frame.index)), frame[np.array(keep)])


def test_collector_paused_restores_the_collector():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.parametrize("enabled_before", [True, False])
@pytest.mark.parametrize("keep_out", [True, False])
def test_collector_paused_keeps_what_it_built_out_of_later_passes(keep_out, enabled_before, monkeypatch):
    frozen_when_resumed = []
    resume = gc.enable
    monkeypatch.setattr(gc, "enable", lambda: (frozen_when_resumed.append(gc.get_freeze_count()), resume()))
    gc.unfreeze()
    if not enabled_before:
        gc.disable()
    try:
        with collector_paused(keep_out=keep_out):
            cells = [[number] for number in range(1000)]
        assert gc.isenabled() == enabled_before
        if keep_out and enabled_before:  # frozen before the collector could walk them
            assert frozen_when_resumed[0] >= len(cells)
        tracked = {id(cell) for cell in cells} & set(map(id, gc.get_objects()))
        # Kept out: in no generation the collector walks. Otherwise: still tracked, as before.
        assert len(tracked) == (0 if keep_out else len(cells))
    finally:
        resume()
        gc.unfreeze()


def test_keep_out_of_collections_freezes_what_is_alive():
    from warta.runtime import keep_out_of_collections

    cells = [[number] for number in range(100)]
    gc.unfreeze()
    try:
        keep_out_of_collections()
        assert gc.get_freeze_count() >= len(cells)
        assert {id(cell) for cell in cells}.isdisjoint(map(id, gc.get_objects()))
    finally:
        gc.unfreeze()


def _globals(data: bytes) -> set[str]:
    """The functions a pickle calls to rebuild its objects ("module name")."""
    found, strings = set(), []
    for opcode, argument, _ in pickletools.genops(data):
        if opcode.name in ("SHORT_BINUNICODE", "BINUNICODE", "UNICODE"):
            strings.append(argument)
        elif opcode.name == "STACK_GLOBAL":
            found.add(" ".join(strings[-2:]))
    return found


@pytest.mark.parametrize(
    "cells",
    [
        [[{"term": "khawatir", "start": 3, "weight": -1.12, "modifiers": ["negated"]}], [], None],
        [(1, 2), {"a": True, "b": None}, 0.1 + 0.2, -0.0, float("inf"), "teks", b"bytes"],
        {"cues": [[], [{"term": "baik"}]], "keys": [["k1"]]},
    ],
)
def test_marshalled_cells_come_back_equal_through_marshal(cells):
    data = pickle.dumps(Marshalled(cells), protocol=pickle.HIGHEST_PROTOCOL)
    assert pickle.loads(data) == cells
    assert "marshal loads" in _globals(data)


class _Text(str):
    pass


@pytest.mark.parametrize("odd", [pd.NA, np.int64(3), np.float64(0.5), np.array([1, 2]), pd.Timestamp("2024-06-15"),
                                 _Text("teks"), bytearray(b"ab")])
def test_marshalled_cells_with_other_objects_are_pickled(odd):
    # marshal would write a NumPy scalar or array as bytes without a word: these must be pickled.
    cells = [[1], {"x": odd}]
    data = pickle.dumps(Marshalled(cells))
    back = pickle.loads(data)
    assert "marshal loads" not in _globals(data)
    assert back[0] == [1] and type(back[1]["x"]) is type(odd)
    assert back[1]["x"] is pd.NA if odd is pd.NA else np.array_equal(back[1]["x"], odd)


def test_marshalled_cells_are_pickled_without_the_compiled_check(monkeypatch):
    from warta import runtime

    monkeypatch.setattr(runtime, "_plain_data", None)
    cells = [[{"term": "baik", "weight": 1.5}], []]
    data = pickle.dumps(Marshalled(cells))
    assert pickle.loads(data) == cells and "marshal loads" not in _globals(data)


def test_packed_frame_loads_as_the_frame_it_packed():
    frame = pd.DataFrame({
        "article_id": pd.array(["a", "b", None], dtype="str"),
        "cues": [[{"term": "baik", "weight": 1.5}], [], [{"term": "buruk", "weight": -2.0}]],
        "n": [1, 2, 3],
        "flags": [["x"], None, []],
        "mixed": pd.Series([pd.NA, "s", np.int64(4)], index=[10, 4, 7], dtype=object),
        "score": [0.5, float("nan"), -1.0],
    }, index=[10, 4, 7])
    frame.attrs["seconds"] = 1.5
    data = pickle.dumps(PackedFrame(frame), protocol=pickle.HIGHEST_PROTOCOL)
    back = pickle.loads(data)
    pd.testing.assert_frame_equal(back, frame)
    assert back.attrs == {"seconds": 1.5} and back["mixed"].iloc[0] is pd.NA
    assert type(back["mixed"].iloc[2]) is np.int64
    assert "marshal loads" in _globals(data)  # the nested columns went through marshal


@pytest.mark.parametrize(
    "frame",
    [
        pd.DataFrame({"n": [1, 2], "s": pd.array(["a", "b"], dtype="str")}),
        pd.DataFrame([[[1], [2]]], columns=["same", "same"]),
        pd.DataFrame(columns=["cues"], dtype=object),
    ],
)
def test_packed_frame_without_unique_object_columns_pickles_as_is(frame):
    pd.testing.assert_frame_equal(pickle.loads(pickle.dumps(PackedFrame(frame))), frame)


@pytest.mark.parametrize(
    ("size", "limit", "whole"),
    [
        (3000, None, True),
        (3000, 3000, True),  # exactly at the limit is kept
        (3000, 2999, False),
        (0, 0, True),
        (200_000, None, True),
    ],
)
def test_read_bytes_reads_whole_files_up_to_the_limit(tmp_path, size, limit, whole):
    path = tmp_path / "article.txt"
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    path.write_bytes(data)
    assert read_bytes(path, limit=limit) == (data if whole else None)


@pytest.mark.parametrize("item", ["a.txt", "d/a.txt", "/abs/d/a.txt", "./a.txt", "d//a.txt", "d/./a.txt", "d/",
                                  "d/.", ".", "..", "../a", "a/../b", "//net/a", "~/a", "", ".hidden", Path("d") / "a"])
def test_path_text_is_the_text_of_a_path(item):
    assert path_text(item) == str(Path(item))


@pytest.fixture
def arrow_pool(monkeypatch):
    """The process's Arrow pool, put back after the test; no ARROW_DEFAULT_MEMORY_POOL set."""
    import pyarrow as pa

    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    before = pa.default_memory_pool()
    yield pa
    pa.set_memory_pool(before)


def test_warta_processes_allocate_arrow_buffers_with_the_system_pool(arrow_pool):
    assert config.section("pipeline")["arrow_memory_pool"] == "system"
    arrow_pool.set_memory_pool(arrow_pool.mimalloc_memory_pool())
    assert runtime.use_arrow_memory_pool() == "system"
    assert arrow_pool.default_memory_pool().backend_name == "system"


def test_the_environment_variable_keeps_its_pool(arrow_pool, monkeypatch):
    arrow_pool.set_memory_pool(arrow_pool.mimalloc_memory_pool())
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "mimalloc")
    assert runtime.use_arrow_memory_pool("system") == "mimalloc"


def test_an_unknown_pool_is_an_error(arrow_pool):
    with pytest.raises(ValueError, match="arrow_memory_pool"):
        runtime.use_arrow_memory_pool("tcmalloc")


def test_warta_processes_keep_freed_memory_for_reuse():
    assert config.section("pipeline")["keep_freed_memory_mb"] > 0
    expected = runtime._glibc_mallopt() is not None and not any(os.environ.get(name)
                                                               for name in runtime._MALLOC_ENVIRONMENT)
    assert runtime.keep_freed_memory() is expected


@pytest.mark.parametrize(("megabytes", "variable", "applies"), [
    (64, "", True),
    (0, "", False),  # malloc's defaults
    (64, "GLIBC_TUNABLES", False),  # the environment chose
    (64, "MALLOC_MMAP_THRESHOLD_", False),
    (64, "MALLOC_TRIM_THRESHOLD_", False),
])
def test_keep_freed_memory_applies(megabytes, variable, applies, monkeypatch):
    if runtime._glibc_mallopt() is None:
        pytest.skip("glibc only")
    for name in runtime._MALLOC_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    if variable:
        monkeypatch.setenv(variable, "glibc.malloc.check=0" if variable == "GLIBC_TUNABLES" else "33554432")
    try:
        assert runtime.keep_freed_memory(megabytes) is applies
    finally:  # the test process's heap as the settings have it
        monkeypatch.undo()
        runtime.keep_freed_memory()


def test_keep_freed_memory_does_nothing_without_glibc(monkeypatch):
    monkeypatch.setattr(runtime, "_glibc_mallopt", lambda: None)
    for name in runtime._MALLOC_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    assert runtime.keep_freed_memory(64) is False


def _raises(error):
    def confstr(name):
        raise error
    return confstr


@pytest.mark.parametrize("confstr", [lambda name: "musl", _raises(ValueError("unrecognized configuration name")),
                                     _raises(AttributeError("no os.confstr"))])
def test_only_glibc_has_its_mallopt_called(confstr, monkeypatch):
    monkeypatch.setattr(runtime.os, "confstr", confstr)
    assert runtime._glibc_mallopt() is None


@pytest.mark.parametrize("megabytes", [-1, 2048, "512", 1.5, True])
def test_keep_freed_memory_out_of_range_is_an_error(megabytes):
    with pytest.raises(ValueError, match="keep_freed_memory_mb"):
        runtime.keep_freed_memory(megabytes)


@pytest.mark.parametrize(("codes", "rows", "n_codes", "expected"), [
    ([2, 0, 2, 1, 0], [0, 1, 2, 3, 4], 3, [1, 3, 0]),
    ([2, 0, 2, 1, 0], [2, 4], 3, [4, -1, 2]),  # only the given rows count
    ([0, 0], [0, 1], 3, [0, -1, -1]),  # codes with no row
    ([], [], 2, [-1, -1]),
])
def test_first_rows(codes, rows, n_codes, expected):
    found = runtime.first_rows(np.array(codes, dtype=np.int64), np.array(rows, dtype=np.int64), n_codes)
    assert found.tolist() == expected


@pytest.mark.parametrize("values", [
    ["Jokowi", "Prabowo"],
    ["Putin", None, ""],  # missing stays missing, empty stays empty
    ["Kementerian Luar Negeri", "“kutipan” – é"],
    [],
])
def test_text_column_is_what_pandas_infers_for_text(values):
    column = runtime.text_column(values)
    expected = pd.array(values, dtype="str")
    assert column.dtype == expected.dtype == "str"
    pd.testing.assert_extension_array_equal(column, expected)


def test_text_column_refuses_what_is_not_text():
    import pyarrow as pa

    with pytest.raises(pa.ArrowTypeError):
        runtime.text_column(["a", 3])
