"""Tests for warta.evaluate.quotes: reading labelled quote files, scoring speakers, the CLI."""
from __future__ import annotations

import json

import pytest

from warta.cli import main
from warta.errors import WartaError
from warta.evaluate.quotes import evaluate_quotes, read_labelled_quotes

TEXT = ("Menteri Keuangan Sri Mulyani Indrawati hadir. “Defisit terkendali,” kata Menkeu. "
        "Kepala desa mengatakan jalan rusak.")
LINES = [
    f"{TEXT}\tDefisit terkendali\tSri Mulyani Indrawati|Sri Mulyani",
    f"{TEXT}\tjalan rusak\t-",
    "Teks tanpa kutipan.\tkutipan lain\tSiapa",
    "Teks\tTeks",
    "\tkutipan\tSiapa",
]


def test_bad_lines_are_listed_with_their_reasons(tmp_path):
    path = tmp_path / "quotes.tsv"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    rows, skipped = read_labelled_quotes(path)
    assert [(quote, speaker) for _, quote, speaker in rows] == [
        ("Defisit terkendali", "Sri Mulyani Indrawati|Sri Mulyani"), ("jalan rusak", "-")]
    assert [(entry["line"], entry["reason"]) for entry in skipped] == [
        (3, "the quote is not in the text"), (4, "expected text<TAB>quote<TAB>speaker"),
        (5, "expected text<TAB>quote<TAB>speaker")]
    path.write_text(LINES[3] + "\n", encoding="utf-8")
    with pytest.raises(WartaError, match="no usable text<TAB>quote<TAB>speaker lines"):
        read_labelled_quotes(path)
    with pytest.raises(WartaError, match="labelled file not found"):
        read_labelled_quotes(tmp_path / "missing.tsv")


def test_each_quote_is_scored_by_its_speaker(tmp_path, capsys):
    path = tmp_path / "quotes.tsv"
    path.write_text("\n".join(LINES[:2]) + "\n", encoding="utf-8")
    result = evaluate_quotes(path, profile="fast")
    # The office written short speaks for its holder; a quote no one is credited with is right for "-".
    assert (result["n"], result["accuracy"], result["recall"], result["precision"]) == (2, 1.0, 1.0, 1.0)
    assert result["errors"] == [] and result["n_named"] == 1 and result["n_given"] == 1
    assert main(["eval", "quotes", str(path), "--profile", "fast"]) == 0
    assert json.loads(capsys.readouterr().out)["accuracy"] == 1.0


def test_a_wrong_or_missing_speaker_is_an_error(tmp_path):
    path = tmp_path / "quotes.tsv"
    path.write_text(f"{TEXT}\tDefisit terkendali\tJoko Widodo\n{TEXT}\tSri Mulyani Indrawati hadir\tSri Mulyani\n",
                    encoding="utf-8")
    result = evaluate_quotes(path, profile="fast")
    assert [(error["label"], error["predicted"]) for error in result["errors"]] == [
        ("Joko Widodo", "Sri Mulyani Indrawati"), ("Sri Mulyani", "missing")]
    assert (result["accuracy"], result["found"], result["recall"], result["precision"]) == (0.0, 0.5, 0.0, 0.0)
