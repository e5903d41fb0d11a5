"""Tests for warta.corpus: the corpus overview tables and narrative."""
from __future__ import annotations

import pandas as pd
import pytest

from warta.corpus import describe, input_summary


def _articles(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["status", "outlet_domain", "published"])


@pytest.mark.parametrize("rows, expected", [
    ([("ok", "kompas.com", "2024-06-15T12:30:00+07:00"), ("flagged", "detik.com", "2024-06-14"),
      ("ok", "kompas.com", "2024-06")],
     "3 input rows: 2 ok, 1 flagged, 0 rejected; from 2 outlets; "
     "dated from 2024-06 (kompas.com) to 2024-06-15T12:30:00+07:00 (kompas.com)."),
    # Undated rows (missing or empty) are counted, not hidden.
    ([("ok", "bisnis.com", None), ("rejected", None, ""), ("ok", "okezone.com", "2024-06-18")],
     "3 input rows: 2 ok, 0 flagged, 1 rejected; from 2 outlets; "
     "dated from 2024-06-18 (okezone.com) to 2024-06-18 (okezone.com); 2 without a publication date."),
    # Ties: the earliest is the first such row in input order, the latest the last such row.
    ([("ok", "a.com", "2024-06-01"), ("ok", "b.com", "2024-06-01"), ("ok", "c.com", "2024-06-09"),
      ("ok", "d.com", "2024-06-09")],
     "4 input rows: 4 ok, 0 flagged, 0 rejected; from 4 outlets; dated from 2024-06-01 (a.com) to 2024-06-09 (d.com)."),
    ([("ok", "a.com", None)], "1 input rows: 1 ok, 0 flagged, 0 rejected; from 1 outlets; 1 without a publication date."),
])
def test_describe(rows, expected):
    assert describe(_articles(rows)) == expected


def test_describe_ignores_the_index():
    articles = _articles([("ok", "a.com", "2024-06-02"), ("ok", "b.com", "2024-06-01")])
    articles.index = [7, 7]
    assert describe(articles).endswith("dated from 2024-06-01 (b.com) to 2024-06-02 (a.com).")


def test_input_summary_counts_every_row():
    summary = input_summary(_articles([("ok", "a.com", "2024-06-02"), ("rejected", None, None)]))
    assert dict(zip(summary["item"], summary["value"])) == {
        "input rows": "2", "ok": "1", "flagged": "0", "rejected": "1", "outlets": "1",
        "earliest date": "2024-06-02", "latest date": "2024-06-02", "undated": "1"}
