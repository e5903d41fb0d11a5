"""Tests for warta.evaluate.headlines: reading labelled headline files, scoring their actors, the CLI."""
from __future__ import annotations

import json

import pytest

from warta.cli import main
from warta.errors import WartaError
from warta.evaluate.headlines import evaluate_headline_actors, read_labelled_headlines

KAPOLRI = "Kapolri Pecat 20 Anggota || Kapolri Jenderal Listyo Sigit Prabowo memberhentikan 20 anggota Polri."
CABAI = "Harga Cabai Melonjak || Harga cabai rawit naik di pasar tradisional."
LINES = [
    f"{KAPOLRI}\tListyo Sigit Prabowo",
    f"{CABAI}\t-",
    "Tanpa judul di depan\tSiapa",
    f"{KAPOLRI}",
    f"\tSiapa",
]


def test_bad_lines_are_listed_with_their_reasons(tmp_path):
    path = tmp_path / "headlines.tsv"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    rows, skipped = read_labelled_headlines(path)
    assert [actors for _, actors in rows] == [frozenset({"listyo sigit prabowo"}), frozenset()]
    assert [(entry["line"], entry["reason"]) for entry in skipped] == [
        (3, "no headline before '||'"), (4, "expected text<TAB>actors"), (5, "expected text<TAB>actors")]
    path.write_text(LINES[2] + "\n", encoding="utf-8")
    with pytest.raises(WartaError, match="no usable text<TAB>actors lines"):
        read_labelled_headlines(path)
    with pytest.raises(WartaError, match="labelled file not found"):
        read_labelled_headlines(tmp_path / "missing.tsv")


def test_each_headline_is_scored_by_its_actors(tmp_path, capsys):
    path = tmp_path / "headlines.tsv"
    path.write_text("\n".join(LINES[:2]) + "\n", encoding="utf-8")
    result = evaluate_headline_actors(path, profile="fast")
    # The office in the headline is its holder in the body; a headline naming no one is right with none.
    assert (result["n"], result["precision"], result["recall"], result["f1"], result["exact"]) == (2, 1.0, 1.0, 1.0, 1.0)
    assert result["errors"] == []
    assert main(["eval", "headline-actors", str(path), "--profile", "fast"]) == 0
    assert json.loads(capsys.readouterr().out)["f1"] == 1.0


def test_missing_and_extra_actors_are_errors(tmp_path):
    path = tmp_path / "headlines.tsv"
    path.write_text(f"{KAPOLRI}\tJoko Widodo\n{CABAI}\tKabupaten Garut\n", encoding="utf-8")
    result = evaluate_headline_actors(path, profile="fast")
    assert [(error["missing"], error["extra"]) for error in result["errors"]] == [
        (["joko widodo"], ["listyo sigit prabowo"]), (["kabupaten garut"], [])]
    assert (result["precision"], result["recall"], result["f1"], result["exact"]) == (0.0, 0.0, 0.0, 0.0)
