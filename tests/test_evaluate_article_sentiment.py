"""Tests for warta.evaluate.article_sentiment: reading labelled article files, scoring them, the CLI."""
from __future__ import annotations

import json

import pytest

from warta.cli import main
from warta.errors import WartaError
from warta.evaluate.article_sentiment import evaluate_article_sentiment
from warta.evaluate.sentiment import read_labelled_rows

LINES = [
    "Timnas Menang\tTimnas Indonesia menang 3-0 atas Vietnam. Suporter bergembira dan bangga.\tpositive",
    "Banjir Rendam Demak\tBanjir merendam ribuan rumah di Demak. Tiga warga tewas terseret arus.\tNegatif",
    "Jadwal Kereta Berubah\tKAI mengubah jadwal kereta mulai Februari. Penumpang diminta memeriksa aplikasi.\tneutral",
    "Tanpa label\tIsi berita tanpa label.",
    "Judul\t\tpositive",
    "Judul\tIsi.\tbagus",
]


def test_bad_lines_are_listed_with_their_reasons(tmp_path):
    path = tmp_path / "articles.tsv"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    rows, labels, skipped = read_labelled_rows(path, ("title", "body"))
    assert [title for title, _ in rows] == ["Timnas Menang", "Banjir Rendam Demak", "Jadwal Kereta Berubah"]
    assert labels == ["positive", "negative", "neutral"]  # "Negatif" as in sentiment files
    assert [entry["line"] for entry in skipped] == [4, 5, 6]
    assert skipped[0]["reason"] == "expected title<TAB>body<TAB>label"
    assert "unknown label" in skipped[2]["reason"]
    with pytest.raises(WartaError, match="no usable title<TAB>body<TAB>extra<TAB>label lines"):
        read_labelled_rows(tmp_path / "articles.tsv", ("title", "body", "extra"))


def test_each_article_is_scored_as_a_whole_story(tmp_path, capsys):
    path = tmp_path / "articles.tsv"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    result = evaluate_article_sentiment(path, profile="fast")
    assert result["n"] == 3 and result["n_skipped"] == 3
    assert result["accuracy"] == 1.0 and result["errors"] == []
    assert main(["eval", "article-sentiment", str(path), "--profile", "fast"]) == 0
    assert json.loads(capsys.readouterr().out)["accuracy"] == 1.0


def test_an_error_shows_the_score_and_the_sentences_that_made_it(tmp_path):
    path = tmp_path / "articles.tsv"
    path.write_text("Timnas Menang\tTimnas Indonesia menang 3-0 atas Vietnam.\tnegative\n", encoding="utf-8")
    (error,) = evaluate_article_sentiment(path, profile="fast")["errors"]
    assert error["title"] == "Timnas Menang" and error["predicted"] == "positive" and error["score"] > 0
    assert error["sentences"] == "1+ 0- of 1"
