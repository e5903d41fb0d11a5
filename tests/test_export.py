"""Tests for warta.export: CSV byte for byte as pandas writes it, Parquet that pandas reads back,
and nested cells as the JSON text of their Python values."""
from __future__ import annotations

import json

import numpy as np
import orjson
import pandas as pd
import pyarrow as pa
import pytest

from warta import export


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (pd.DataFrame({"name": pd.Series([], dtype="str")}), []),
        (pd.DataFrame({"flags": [["a"], []], "n": [1, 2]}), ['["a"]', "[]"]),
        (pd.DataFrame({"vendor": [{"k": 1}, None]}), ['{"k":1}', None]),
        (pd.DataFrame({"name": pd.Series(["x"], dtype="str")}), ["x"]),
        # Text stays readable; NumPy numbers stay numbers; NaN becomes null; other values go through str().
        (pd.DataFrame({"cues": [[{"term": "Kebijakan", "note": "–"}]]}), ['[{"term":"Kebijakan","note":"–"}]']),
        (pd.DataFrame({"cues": [[np.int64(3), np.float64(0.5), float("nan")]]}), ["[3,0.5,null]"]),
        (pd.DataFrame({"cues": [[pd.Timestamp("2024-06-15 12:30", tz="Asia/Jakarta")]]}),
         ['["2024-06-15 12:30:00+07:00"]']),
        (pd.DataFrame({"cues": [({1: "a"},)]}), ['[{"1":"a"}]']),
    ],
)
def test_flatten_for_export_turns_nested_cells_into_json(table, expected):
    flat = export.flatten_for_export(table)
    assert [None if pd.isna(value) else value for value in flat.iloc[:, 0]] == expected


_CUE = {"term": "khawatir", "start": 4, "end": 12, "weight": -1.0, "base": -1.0, "desk": "politik",
        "modifiers": ["negated"]}


@pytest.mark.parametrize(
    "cells",
    [
        [[_CUE], [], None, [_CUE, {**_CUE, "weight": 0.125, "modifiers": []}]],
        # Quotes and backslashes escaped by Arrow; control characters and non-finite numbers.
        [[{**_CUE, "term": 'kata "baik" \\ buruk', "desk": "é"}], [{**_CUE, "term": "a\nb", "weight": float("nan")}]],
        [[{**_CUE, "weight": 1e16, "base": -0.0, "desk": None, "modifiers": None}]],
        [],
    ],
)
def test_arrow_cells_become_the_json_of_their_python_cells(cells):
    from warta.sentiment.scoring import CUES_DTYPE

    column = pd.array(cells, dtype=CUES_DTYPE)
    expected = [None if cell is None else orjson.dumps(cell).decode() for cell in cells]
    assert export.arrow_json(column.__arrow_array__()).to_pylist() == expected
    # Cut into chunks and slices (the cache's parts) it is the same text.
    chunked = pa.chunked_array([column.__arrow_array__().combine_chunks().slice(1), pa.array([], CUES_DTYPE.pyarrow_dtype)]
                               ) if cells else column.__arrow_array__()
    assert export.arrow_json(chunked).to_pylist() == expected[1:]
    flat = export.flatten_for_export(pd.DataFrame({"cues": column}))
    assert [None if pd.isna(value) else value for value in flat["cues"]] == expected
    kept = export.flatten_for_export(pd.DataFrame({"cues": column}), keep_arrow=True)
    assert kept["cues"].dtype == CUES_DTYPE


def test_write_tables_keeps_arrow_cues_nested_in_parquet_and_writes_json_text_in_csv(tmp_path):
    from warta.sentiment.scoring import CUES_DTYPE

    cue = {"term": "gagal", "start": 0, "end": 5, "weight": -1.0, "base": -1.0, "desk": "", "modifiers": ["tidak"]}
    table = pd.DataFrame({"article_id": ["a1", "a2"], "evidence": [[{"sentence_id": 1}], []],
                          "cues": pd.Series([[cue], []], dtype=CUES_DTYPE)})
    export.write_tables({"sentences": table}, tmp_path)

    parquet = pd.read_parquet(tmp_path / "sentences.parquet")
    assert [list(cell) for cell in parquet["cues"]][1] == [] and parquet["cues"][0][0]["term"] == "gagal"
    assert list(parquet["cues"][0][0]["modifiers"]) == ["tidak"]
    assert parquet["evidence"].tolist() == ['[{"sentence_id":1}]', "[]"]
    csv = pd.read_csv(tmp_path / "sentences.csv")
    assert csv["evidence"].tolist() == ['[{"sentence_id":1}]', "[]"]
    assert [json.loads(text) for text in csv["cues"]] == [[cue], []]


@pytest.mark.parametrize(("frame", "by_arrow"), [
    (pd.DataFrame({"text": pd.Series(['a,b', 'say "hi"', "two\nlines", "cr\rstays bare", "", None, "é “x”"],
                                     dtype="str"),
                   "n": np.arange(7), "x": [0.1 + 0.2, 1.0, -0.0, 1e-05, 1e16, float("nan"), float("inf")]}), True),
    (pd.DataFrame({"cells": pd.Series(["[1,2]", None, float("nan"), pd.NA, '{"a":"b"}', " lead", "trail "],
                                      dtype=object),
                   "ok": [True, False, True, True, False, False, True],
                   "order": pd.array([1, None, 3, 4, None, 6, 7], dtype="Int64"),
                   "big": np.array([2**64 - 1, 0, 1, 2, 3, 4, 5], dtype=np.uint64)}), True),
    (pd.DataFrame({"a,b": ["x"], 'q"': [np.float32(0.1)], "n\nl": [1]}), True),  # headers are quoted alike
    (pd.DataFrame({"a": pd.Series([], dtype="str"), "b": np.array([], dtype=np.int64)}), True),
    # Left to pandas: one column, bytes, other cells in an object column, dates, categories.
    (pd.DataFrame({"only": ["", None]}), False),
    (pd.DataFrame({"raw": [b"x", "y"], "n": [1, 2]}), False),
    (pd.DataFrame({"mixed": [1, "a"], "n": [1, 2]}), False),
    (pd.DataFrame({"day": pd.to_datetime(["2024-06-15", None]), "n": [1, 2]}), False),
    (pd.DataFrame({"kind": pd.Categorical(["a", "b"]), "n": [1, 2]}), False),
])
def test_write_csv_writes_what_pandas_writes(tmp_path, frame, by_arrow):
    export.write_csv(frame, tmp_path / "fast.csv")
    frame.to_csv(tmp_path / "pandas.csv", index=False)
    assert (tmp_path / "fast.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()
    assert (export._csv_columns(frame) is not None) is by_arrow


def test_write_csv_agrees_with_pandas_on_random_frames(tmp_path):
    import random

    rng = random.Random(11)
    marks = ["a", "b", ",", '"', "\n", "\r", " ", "é", "“", "\t", "0", "'"]

    def text():
        draw = rng.random()
        return None if draw < 0.1 else float("nan") if draw < 0.15 else "".join(
            rng.choice(marks) for _ in range(rng.randint(0, 8)))

    makers = {
        "str": lambda n: pd.Series([text() for _ in range(n)], dtype="str"),
        "object": lambda n: pd.Series([text() for _ in range(n)], dtype=object),
        "int": lambda n: np.array([rng.randint(-10**12, 10**12) for _ in range(n)], dtype=np.int64),
        "float": lambda n: np.array([rng.choice([rng.random() * 10**rng.randint(-8, 18), float("nan"), 1.0, -0.0])
                                     for _ in range(n)]),
        "bool": lambda n: np.array([rng.random() < 0.5 for _ in range(n)]),
        "Int64": lambda n: pd.array([None if rng.random() < 0.3 else rng.randint(-99, 10**6) for _ in range(n)],
                                    dtype="Int64"),
    }
    for trial in range(150):
        n = rng.randint(0, 25)
        frame = pd.DataFrame({f"{kind}{k}": makers[kind](n)
                              for k, kind in enumerate(rng.choices(list(makers), k=rng.randint(2, 5)))})
        export.write_csv(frame, tmp_path / "fast.csv")
        frame.to_csv(tmp_path / "pandas.csv", index=False)
        assert (tmp_path / "fast.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes(), frame.dtypes
        assert export._csv_columns(frame) is not None
