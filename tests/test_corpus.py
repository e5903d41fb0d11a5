"""Tests for warta.corpus: the corpus overview tables and narrative."""
from __future__ import annotations

import pandas as pd
import pytest

from warta import config
from warta.corpus import article_table, describe, input_summary


def _articles(rows: list[tuple], paths: list[str] | None = None) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["status", "outlet_domain", "published"])
    return frame.assign(path=paths or [f"{index}.txt" for index in range(len(rows))])


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
        "input files": "2", "input rows": "2", "ok": "1", "flagged": "0", "rejected": "1",
        "duplicates, left out of the analyses": "0", "outlets": "1",
        "earliest date": "2024-06-02", "latest date": "2024-06-02", "undated": "1"}


def test_input_summary_counts_files_and_the_hidden_ones_loading_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.jsonl", "b.txt", ".DS_Store", "sub/.~lock.c.txt#"):
        (tmp_path / name).write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")  # inside a hidden folder: the folder counts once
    rows = [("ok", "a.com", None)] * 3
    articles = _articles(rows, [str(tmp_path / "a.jsonl#1"), str(tmp_path / "a.jsonl#2"), str(tmp_path / "b.txt")])
    summary = dict(zip(*input_summary(articles, corpus=tmp_path).T.values))
    assert (summary["input files"], summary["hidden files skipped"], summary["input rows"]) == ("2", "3", "3")
    assert "hidden files skipped" not in set(input_summary(articles)["item"])



@pytest.mark.parametrize(("count_duplicates", "item", "clause"), [
    (False, "duplicates, left out of the analyses", "; 2 are duplicates (the same body from the same outlet as "
                                                    "another row), left out of the analyses."),
    (True, "duplicates, counted in the analyses", "; 2 are duplicates (the same body from the same outlet as "
                                                  "another row), counted in the analyses."),
])
def test_duplicates_are_counted_and_their_fate_said(monkeypatch, count_duplicates, item, clause):
    monkeypatch.setitem(config.settings()["pipeline"], "count_duplicates", count_duplicates)
    articles = _articles([("ok", "a.com", "2024-06-02"), ("flagged", "a.com", "2024-06-02"),
                          ("flagged", "a.com", "2024-06-02")])
    articles["flags"] = [[], ["duplicate_of:x"], ["duplicate_of:x"]]
    assert dict(zip(input_summary(articles)["item"], input_summary(articles)["value"]))[item] == "2"
    assert describe(articles).endswith(clause)
    assert "duplicate" not in describe(articles.iloc[:1])


def test_the_article_table_orders_by_date_and_says_where_each_date_was_read():
    articles = _articles([("ok", "b.com", None), ("ok", "a.com", "2024-06-18"), ("ok", "c.com", "2024-06-15")]).assign(
        date_evidence=["", "url: /2024/06/18", "15 Juni 2024"])
    table = article_table(articles)
    assert table["outlet_domain"].tolist() == ["c.com", "a.com", "b.com"]  # undated last
    assert table["date_evidence"].tolist() == ["15 Juni 2024", "url: /2024/06/18", ""]
