"""Tests for warta.evaluate.cooccurrence: reading labelled actor files, matching names, scoring actors
and pairs, the CLI."""
from __future__ import annotations

import json

import pytest

from warta.cli import main
from warta.errors import WartaError
from warta.evaluate.cooccurrence import (
    LabelledActor, evaluate_cooccurrence, match_actors, read_labelled_actors, with_gazetteer_names,
)
from warta.gazetteer import load_gazetteer

KPK = "Komisi Pemberantasan Korupsi menahan Bupati Labuhanbatu Erik Adtrada Ritonga."
CABAI = "Harga cabai rawit naik di pasar tradisional."
LINES = [
    f"{KPK}\tKomisi Pemberantasan Korupsi=KPK|Erik Adtrada Ritonga",
    f"{CABAI}\t-",
    f"{KPK}\tKPK||Erik",
    f"{KPK}",
    f"{KPK}\tKPK|=Erik",
]


def _actor(*names: str) -> LabelledActor:
    return LabelledActor(names[0], frozenset(names))


def test_bad_lines_are_listed_with_their_reasons(tmp_path):
    path = tmp_path / "actors.tsv"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    rows, skipped = read_labelled_actors(path)
    assert [actors for _, actors in rows] == [
        [_actor("komisi pemberantasan korupsi", "kpk"), _actor("erik adtrada ritonga")], []]
    assert [(entry["line"], entry["reason"]) for entry in skipped] == [
        (3, "an empty actor name (between '|' or before '=')"), (4, "expected text<TAB>actors"),
        (5, "an empty actor name (between '|' or before '=')")]
    path.write_text(LINES[3] + "\n", encoding="utf-8")
    with pytest.raises(WartaError, match="no usable text<TAB>actors lines"):
        read_labelled_actors(path)
    with pytest.raises(WartaError, match="labelled file not found"):
        read_labelled_actors(tmp_path / "missing.tsv")


@pytest.mark.parametrize(("label", "accepted"), [
    ("Surabaya", "kota surabaya"),                                   # a city's short name
    ("BPJS Kesehatan", "badan penyelenggara jaminan sosial kesehatan"),  # a body's short form
    ("Gedung DPR", "gedung dewan perwakilan rakyat"),               # a known body's building, as the mentions name it
    ("Rutan KPK", "rutan komisi pemberantasan korupsi"),
    ("Komisi III DPR", "komisi iii dewan perwakilan rakyat"),       # a council's commission
])
def test_a_name_the_gazetteer_knows_accepts_its_entry(label, accepted):
    actor = with_gazetteer_names(_actor(label.lower()), load_gazetteer())
    assert accepted in actor.accepted and actor.name == label.lower()


def test_a_name_the_gazetteer_does_not_know_stays_as_labelled():
    actor = _actor("budi santoso")
    assert with_gazetteer_names(actor, load_gazetteer()) == actor


@pytest.mark.parametrize(("labelled", "found", "right", "missing", "extra"), [
    ([_actor("a", "x")], {"x"}, {"a"}, [], set()),              # found by another accepted name
    ([_actor("a", "x")], {"a", "x"}, {"a"}, [], set()),         # two names of one actor count once
    ([_actor("a"), _actor("b")], {"a", "c"}, {"a"}, ["b"], {"c"}),
    ([], {"c"}, set(), [], {"c"}),
])
def test_found_names_are_matched_to_labelled_actors(labelled, found, right, missing, extra):
    assert match_actors(labelled, found) == (right, missing, extra)


def test_each_article_is_scored_by_its_actors_and_pairs(tmp_path, capsys):
    path = tmp_path / "actors.tsv"
    path.write_text(f"{KPK}\tKPK|Erik Adtrada Ritonga|Labuhanbatu|Joko Widodo\n{CABAI}\t-\n", encoding="utf-8")
    result = evaluate_cooccurrence(path, profile="fast")
    # Three of four actors found and nothing else: 3 of 6 labelled pairs, all 3 found pairs right.
    assert (result["actor_precision"], result["actor_recall"]) == (1.0, 0.75)
    assert (result["pair_precision"], result["pair_recall"], result["n_pairs_labelled"]) == (1.0, 0.5, 6)
    assert result["exact"] == 0.5
    assert result["errors"] == [{"text": KPK, "missing": ["joko widodo"], "extra": []}]
    assert main(["eval", "cooccurrence", str(path), "--profile", "fast"]) == 0
    assert json.loads(capsys.readouterr().out)["actor_recall"] == 0.75
