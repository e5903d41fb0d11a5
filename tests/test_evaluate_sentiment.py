"""Tests for warta.evaluate.sentiment: metrics, calibration error, bad lines, and the CLI."""
from __future__ import annotations

import json

import pytest

from warta.cli import main
from warta.errors import WartaError
from warta.evaluate.sentiment import classification_metrics, evaluate_sentiment, expected_calibration_error
from warta.sentiment import read_labelled


def test_metrics_on_a_hand_checked_example():
    truth = ["positive", "positive", "negative", "neutral", "negative", "neutral"]
    predicted = ["positive", "neutral", "negative", "neutral", "positive", "neutral"]
    metrics = classification_metrics(truth, predicted, [0.9] * 6)
    assert metrics["n"] == 6 and metrics["accuracy"] == pytest.approx(4 / 6, abs=1e-4)
    assert metrics["per_class"]["positive"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert metrics["per_class"]["neutral"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert metrics["per_class"]["neutral"]["recall"] == 1.0
    # rows: true negative / neutral / positive; columns: predicted, same order
    assert metrics["confusion_matrix"] == [[1, 0, 1], [0, 2, 0], [0, 1, 1]]
    assert metrics["macro_f1"] == pytest.approx((2 / 3 + 0.8 + 0.5) / 3, abs=1e-4)
    assert metrics["ece"] == pytest.approx(abs(0.9 - 4 / 6), abs=1e-4)


@pytest.mark.parametrize("confidence, correct, ece", [
    ([1.0, 1.0], [True, True], 0.0),
    ([0.6] * 10, [True] * 6 + [False] * 4, 0.0),
    ([0.9, 0.9, 0.3, 0.3], [True, False, False, False], 0.5 * 0.4 + 0.5 * 0.3),
    ([], [], 0.0),
])
def test_expected_calibration_error(confidence, correct, ece):
    assert expected_calibration_error(confidence, correct) == pytest.approx(ece)


@pytest.fixture()
def labelled(tmp_path):
    path = tmp_path / "news.tsv"
    path.write_text(
        "Rupiah menguat tajam.\tpositive\n"
        "IHSG anjlok akibat aksi jual.\tnegatif\n"  # Indonesian labels are accepted
        "\n"
        "baris tanpa tab\n"
        "Menteri tiba di Jakarta.\tnetral\n"
        "Gempa merusak rumah.\tsedih\n"
        "Korupsi merugikan negara.\tnegative\n",
        encoding="utf-8",
    )
    return path


def test_bad_lines_are_counted_with_line_numbers(labelled):
    data = read_labelled(labelled)
    assert data.labels == ["positive", "negative", "neutral", "negative"]
    assert data.skipped == [{"line": 4, "reason": "expected text<TAB>label"},
                            {"line": 6, "reason": "unknown label 'sedih'"}]


def test_evaluate_sentiment_reports_every_figure(labelled):
    result = evaluate_sentiment(labelled, model="lexicon")
    assert result["n"] == 4 and result["n_skipped"] == 2 and result["engine"] == "lexicon"
    assert set(result) >= {"macro_f1", "accuracy", "per_class", "confusion_matrix", "ece", "skipped"}
    assert result["accuracy"] == 1.0
    assert sum(map(sum, result["confusion_matrix"])) == 4


@pytest.mark.parametrize("model, read_by", [
    ("lexicon", {"lexicon-en": 2, "lexicon": 1}),
    (None, {"lexicon-en": 2, "linear:sentiment_default.json.gz": 1}),
])
def test_evaluate_sentiment_says_which_engine_read_each_line(tmp_path, model, read_by):
    path = tmp_path / "mixed.tsv"
    path.write_text("Three people were killed in a landslide in Bogor.\tnegative\n"
                    "The governor praised residents for keeping the river clean.\tpositive\n"
                    "Tiga orang tewas tertimbun longsor di Bogor.\tnegative\n", encoding="utf-8")
    result = evaluate_sentiment(path, model=model)
    assert result["read_by"] == read_by and result["accuracy"] == 1.0


def test_a_file_with_no_usable_line_is_an_error(tmp_path):
    path = tmp_path / "empty.tsv"
    path.write_text("tanpa label\n", encoding="utf-8")
    with pytest.raises(WartaError, match="no usable"):
        evaluate_sentiment(path)


def test_cli_prints_json(labelled, capsys):
    assert main(["eval", "sentiment", str(labelled), "--model", "lexicon"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["n"] == 4 and printed["skipped"][0]["line"] == 4


def test_cli_reports_a_missing_file(tmp_path, capsys):
    assert main(["eval", "sentiment", str(tmp_path / "nope.tsv")]) == 2
    assert "not found" in capsys.readouterr().err
