"""Tests for warta.evaluate.actor_sentiment: reading labelled actor files, finding actors, the CLI."""
from __future__ import annotations

import json

import pytest

from warta.cli import main
from warta.errors import WartaError
from warta.evaluate.actor_sentiment import evaluate_actor_sentiment, read_labelled_actors

LINES = [
    "KPK menahan mantan Bupati Bogor Rachmat Yasin.\tRachmat Yasin\tnegative",
    "KPK menahan mantan Bupati Bogor Rachmat Yasin.\tKPK\tNetral",
    "Presiden Joko Widodo meresmikan Bendungan Sadawarna di Subang.\tJoko Widodo\tpositive",
    "Presiden Joko Widodo meresmikan Bendungan Sadawarna di Subang.\tTokoh Fiktif Sekali\tneutral",
    "teks tanpa aktor dan label",
    "Teks.\tBudi\tbagus",
]


def test_bad_lines_are_listed_with_their_reasons(tmp_path):
    path = tmp_path / "actors.tsv"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    data = read_labelled_actors(path)
    assert data.actors == ["Rachmat Yasin", "KPK", "Joko Widodo", "Tokoh Fiktif Sekali"]
    assert data.labels == ["negative", "neutral", "positive", "neutral"]  # "Netral" as in sentiment files
    assert [entry["line"] for entry in data.skipped] == [5, 6]
    assert "unknown label" in data.skipped[1]["reason"]


def test_a_file_without_usable_lines_is_an_error(tmp_path):
    path = tmp_path / "actors.tsv"
    path.write_text("tanpa tab\n", encoding="utf-8")
    with pytest.raises(WartaError, match="no usable"):
        read_labelled_actors(path)
    with pytest.raises(WartaError, match="not found"):
        read_labelled_actors(tmp_path / "hilang.tsv")


def test_actors_are_scored_found_by_name_or_words_and_missing_ones_counted(tmp_path, capsys):
    path = tmp_path / "actors.tsv"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    result = evaluate_actor_sentiment(path, profile="fast")
    assert result["n"] == 4 and result["n_skipped"] == 2
    # "KPK" is found by the words that named it (its name is Komisi Pemberantasan Korupsi).
    assert result["missing"] == [{"text": LINES[3].split("\t")[0], "actor": "Tokoh Fiktif Sekali"}]
    assert {(row["actor"], row["predicted"]) for row in result["errors"]} == {("Tokoh Fiktif Sekali", "missing")}
    assert result["accuracy"] == 0.75
    assert main(["eval", "actor-sentiment", str(path), "--profile", "fast"]) == 0
    assert json.loads(capsys.readouterr().out)["accuracy"] == 0.75


def test_errors_show_the_role_that_moved_the_label(tmp_path):
    path = tmp_path / "actors.tsv"
    path.write_text("KPK menahan mantan Bupati Bogor Rachmat Yasin.\tKPK\tnegative\n", encoding="utf-8")
    result = evaluate_actor_sentiment(path, profile="fast")
    assert result["errors"] == [{"text": "KPK menahan mantan Bupati Bogor Rachmat Yasin.", "actor": "KPK",
                                 "label": "negative", "predicted": "neutral", "roles": "agent"}]


def test_an_actor_is_found_past_a_title_the_extractor_leaves_out(tmp_path):
    path = tmp_path / "actors.tsv"
    path.write_text("Polda Jawa Timur menetapkan Gus Samsudin sebagai tersangka penipuan.\tGus Samsudin\tnegative\n",
                    encoding="utf-8")
    result = evaluate_actor_sentiment(path, profile="fast")
    assert result["n_missing"] == 0 and result["accuracy"] == 1.0
