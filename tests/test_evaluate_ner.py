"""Tests for warta.evaluate.ner: CoNLL reading, tag mapping, exact scoring and the CLI."""
from __future__ import annotations

import json

import pytest

from warta.errors import WartaError
from warta.evaluate.ner import ConllError, evaluate_ner, gold_spans, map_tag, read_conll, score, sniff_format

CONLL = "Presiden\tO\nVladimir\tB-PERSON\nPutin\tI-PERSON\ntiba\tO\ndi\tO\nPyongyang\tB-PLACE\n.\tO\n\n" \
        "NATO\tB-ORGANISATION\nprihatin\tO\n"
CONLL3 = "Presiden PROPN O\nVladimir PROPN B-PER\nPutin PROPN I-PER\ntiba VERB O\ndi ADP O\nPyongyang PROPN B-LOC\n" \
         ". PUNCT O\n\nNATO PROPN B-ORG\nprihatin ADJ O\n"


@pytest.mark.parametrize("tag, expected", [
    ("O", "O"), ("B-PERSON", "B-PER"), ("I-PPL", "I-PER"), ("B-PLACE", "B-LOC"), ("B-PLC", "B-LOC"),
    ("I-ORGANISATION", "I-ORG"), ("B-IND", "B-ORG"), ("B-MISC", "O"), ("B-EVT", "O"),
])
def test_map_tag(tag, expected):
    assert map_tag(tag) == expected


@pytest.mark.parametrize("content, file_format", [(CONLL, "conll"), (CONLL3, "conll3")])
def test_read_both_formats(tmp_path, content, file_format):
    path = tmp_path / "data.txt"
    path.write_text(content)
    sentences = read_conll(path, file_format=file_format)
    assert [len(s) for s in sentences] == [7, 2]
    assert sentences[0][1] == ("Vladimir", "B-PER") and sentences[1][0] == ("NATO", "B-ORG")


@pytest.mark.parametrize("content, expected", [
    (CONLL, "conll"), (CONLL3, "conll3"), ("-DOCSTART- O\n\n" + CONLL3, "conll3"),
    ("\n\nPutin\tB-PER\n", "conll"), ("Kim Jong Un B-PER\n", "conll"),  # four fields: conll's clear error
    ("", "conll"),
])
def test_sniff_format(tmp_path, content, expected):
    path = tmp_path / "data.txt"
    path.write_text(content)
    assert sniff_format(path) == expected


@pytest.mark.parametrize("content", [CONLL, CONLL3])
def test_auto_format_reads_both(tmp_path, content):
    path = tmp_path / "data.txt"
    path.write_text(content)
    assert [len(s) for s in read_conll(path, file_format="auto")] == [7, 2]


def test_cli_reads_conll3_without_the_flag(tmp_path, capsys):
    from warta.cli import main

    path = tmp_path / "dev.txt"
    path.write_text(CONLL3)
    assert main(["eval", "ner", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "conll3"


@pytest.mark.parametrize("content, file_format, line", [
    ("Putin\tB-PER\nKim Jong Un B-PER\n", "conll", 2),          # spaces, not a tab
    ("Putin PROPN B-PER\n\nKim B-PER\n", "conll3", 3),         # two fields in conll3
    ("Putin\tX-PER\n", "conll", 1),                            # not a BIO tag
])
def test_malformed_lines_name_the_line(tmp_path, content, file_format, line):
    path = tmp_path / "bad.txt"
    path.write_text(content)
    with pytest.raises(ConllError, match=rf"bad.txt:{line}:"):
        read_conll(path, file_format=file_format)


def test_gold_spans_and_exact_scoring():
    gold = [gold_spans(["B-PER", "I-PER", "O", "B-LOC", "I-ORG"]), gold_spans(["B-ORG"])]
    assert gold[0] == {(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")}
    predicted = [{(0, 2, "PER"), (3, 4, "ORG"), (4, 5, "ORG")}, set()]
    result = score(gold, predicted)
    assert result["micro"] == {"precision": 0.6667, "recall": 0.5, "f1": 0.5714, "gold": 4, "pred": 3, "tp": 2}
    assert result["per_type"]["PER"]["f1"] == 1.0
    assert result["per_type"]["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "gold": 1, "pred": 0, "tp": 0}


def test_evaluate_ner_runs_the_extractor(tmp_path):
    path = tmp_path / "dev.txt"
    path.write_text(CONLL)
    result = evaluate_ner(path, file_format="conll")
    assert result["sentences"] == 2
    assert result["micro"]["gold"] == 3
    assert result["micro"]["f1"] == 1.0


def test_evaluate_ner_scores_the_tagger_alone(tmp_path):
    path = tmp_path / "dev.txt"
    path.write_text(CONLL3)
    result = evaluate_ner(path, file_format="conll3", system="tagger")
    assert result["system"] == "tagger" and result["micro"]["gold"] == 3
    assert result["per_type"]["PER"]["tp"] == 1  # "Vladimir Putin" after "Presiden"


def test_evaluate_ner_rejects_an_unknown_system(tmp_path):
    path = tmp_path / "dev.txt"
    path.write_text(CONLL)
    with pytest.raises(WartaError, match="unknown system"):
        evaluate_ner(path, system="spacy")


def test_cli_prints_json(tmp_path, capsys):
    from warta.cli import main

    path = tmp_path / "dev.txt"
    path.write_text(CONLL3)
    assert main(["eval", "ner", str(path), "--format", "conll3"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["micro"]["tp"] == 3 and set(printed["per_type"]) == {"PER", "ORG", "LOC"}


def test_cli_reports_a_malformed_file_without_a_traceback(tmp_path, capsys):
    from warta.cli import main

    path = tmp_path / "bad.txt"
    path.write_text("Putin\tB-PER\nKim Jong Un B-PER\n")
    assert main(["eval", "ner", str(path)]) == 2
    assert "bad.txt:2: expected 2 tab-separated fields" in capsys.readouterr().err
