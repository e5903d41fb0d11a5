"""Tests for warta.evaluate.timeline: reading labelled raw articles, scoring outlets, dates, stories
and first reporters, the CLI."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from warta.cli import main
from warta.errors import WartaError
from warta.evaluate.timeline import (_first_is_known, evaluate_timeline, label_span, outlet_key,
                                     read_labelled_timeline, same_time, story_pairs, unescape)

BANJIR = ("Banjir Rendam 12 Kelurahan di Semarang\\nKompas.com - 21/01/2025, 08:15 WIB\\nSEMARANG, KOMPAS.com - "
          "Banjir merendam 12 kelurahan di Kota Semarang, Jawa Tengah. Kepala Pelaksana BPBD Kota Semarang Endro "
          "Pudyo Martantono mengatakan sekitar 3.000 warga mengungsi ke balai kelurahan.")
BANJIR_LATER = ("Ribuan Warga Semarang Mengungsi akibat Banjir\\nSelasa, 21 Januari 2025 10:30 WIB\\nSemarang (ANTARA) - "
                "Banjir merendam 12 kelurahan di Kota Semarang, Jawa Tengah. Kepala Pelaksana BPBD Kota Semarang "
                "Endro Pudyo Martantono mengatakan sekitar 3.000 warga mengungsi ke balai kelurahan.")
TIMNAS = ("Timnas Indonesia Kalahkan Bahrain 1-0\\nCNN Indonesia | Selasa, 25/03/2025 22:40 WIB\\nJakarta, CNN "
          "Indonesia -- Timnas Indonesia menang 1-0 atas Bahrain di Stadion Utama Gelora Bung Karno. Gol tunggal "
          "dicetak Ole Romeny pada menit ke-24.")
LINES = [
    f"banjir\tKompas.com\t2025-01-21T08:15\t{BANJIR}",
    f"banjir\tANTARA|Antara News\t2025-01-21T10:30\t{BANJIR_LATER}",
    f"timnas\tCNN Indonesia\t2025-03-25\t{TIMNAS}",
    f"timnas\tCNN Indonesia\t25 Maret 2025\t{TIMNAS}",
    "timnas\tCNN Indonesia\t2025-03-25",
]


@pytest.mark.parametrize("raw, text", [
    ("satu\\ndua", "satu\ndua"),
    ("C:\\\\data\\nbaris", "C:\\data\nbaris"),
    ("tanpa baris baru", "tanpa baris baru"),
])
def test_unescape(raw, text):
    assert unescape(raw) == text


@pytest.mark.parametrize("name, key", [("Tribun Jateng", "tribunjateng"), ("Kompas.com", "kompascom"), ("", "")])
def test_outlet_key(name, key):
    assert outlet_key(name) == key


@pytest.mark.parametrize("stories, pairs", [
    (["a", "a", "b", "a"], {(0, 1), (0, 3), (1, 3)}),
    (["a", "", ""], set()),  # articles in no story pair with nothing
    (["a", "b"], set()),
])
def test_story_pairs(stories, pairs):
    assert story_pairs(stories) == pairs


@pytest.mark.parametrize("label, start, end", [
    ("2025-01", "2025-01-01T00:00+07:00", "2025-02-01T00:00+07:00"),
    ("2025-01-21", "2025-01-21T00:00+07:00", "2025-01-22T00:00+07:00"),
    ("2025-01-21T08:15", "2025-01-21T08:15+07:00", "2025-01-21T08:16+07:00"),
    ("2025-04-15T09:00+08:00", "2025-04-15T08:00+07:00", "2025-04-15T08:01+07:00"),  # 09:00 WITA
])
def test_label_span(label, start, end):
    assert label_span(label) == (pd.Timestamp(start), pd.Timestamp(end))


@pytest.mark.parametrize("label, published, same", [
    ("2025-01-21T08:15", "2025-01-21T08:15:00+07:00", True),
    ("2025-01-21T08:15", "2025-01-21T08:15:00", True),  # no offset: WIB on both sides
    ("2025-04-15T09:00+08:00", "2025-04-15T09:00:00+08:00", True),
    ("2025-04-15T09:00+08:00", "2025-04-15T08:00:00+07:00", True),
    ("2025-04-15T09:00+08:00", "2025-04-15T09:00:00+07:00", False),
    ("2025-01-21", "2025-01-21T08:15:00+07:00", True),
    ("2025-01", "2025-01-21", True),
    ("2025-01-21T08:15", "2025-01-21", False),  # less precise than the label
    ("2025-01-21", "", False),
])
def test_same_time(label, published, same):
    assert same_time(label, published) is same


@pytest.mark.parametrize("earliest, others, known", [
    ("2025-01-21T08:15", ["2025-01-21T10:30"], True),
    ("2025-01-20", ["2025-01-21T10:30"], True),
    ("2025-01-21", ["2025-01-21T10:30"], False),  # one day, one article without a time
    ("2025-01", ["2025-01-21T10:30"], False),
    ("2025-01-21T08:15", ["2025-01-21T08:15"], False),
    ("2025-04-15T09:00+08:00", ["2025-04-15T08:30"], True),  # 08:00 WIB, before 08:30 WIB
])
def test_first_is_known(earliest, others, known):
    assert _first_is_known(earliest, others) is known


def test_bad_lines_are_listed_with_their_reasons(tmp_path):
    path = tmp_path / "timeline.tsv"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    rows, skipped = read_labelled_timeline(path)
    assert [(row.story, row.outlets, row.published) for row in rows] == [
        ("banjir", frozenset({"kompascom"}), "2025-01-21T08:15"),
        ("banjir", frozenset({"antara", "antaranews"}), "2025-01-21T10:30"),
        ("timnas", frozenset({"cnnindonesia"}), "2025-03-25")]
    assert rows[0].raw.splitlines()[1] == "Kompas.com - 21/01/2025, 08:15 WIB"
    assert [(entry["line"], entry["reason"]) for entry in skipped] == [
        (4, "published is not YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM]"),
        (5, "expected story<TAB>outlet<TAB>published<TAB>raw")]
    path.write_text(LINES[4] + "\n", encoding="utf-8")
    with pytest.raises(WartaError, match="no usable story<TAB>outlet<TAB>published<TAB>raw lines"):
        read_labelled_timeline(path)


def test_outlets_dates_stories_and_first_reporters_are_scored(tmp_path, capsys):
    path = tmp_path / "timeline.tsv"
    path.write_text("\n".join(LINES[:3]) + "\n", encoding="utf-8")
    result = evaluate_timeline(path, profile="fast")
    assert (result["n"], result["stories"], result["outlet_accuracy"], result["published_accuracy"]) == (3, 2, 1.0, 1.0)
    assert (result["story_precision"], result["story_recall"], result["story_f1"], result["story_pairs"]) == \
        (1.0, 1.0, 1.0, 1)
    assert (result["first_accuracy"], result["n_first"], result["errors"]) == (1.0, 1, [])
    assert main(["eval", "timeline", str(path), "--profile", "fast"]) == 0
    assert json.loads(capsys.readouterr().out)["story_f1"] == 1.0


def test_wrong_labels_are_errors(tmp_path):
    path = tmp_path / "timeline.tsv"
    # The flood's later article labelled first and in another story; the match on another outlet and day.
    path.write_text(f"banjir\tKompas.com\t2025-01-21T08:15\t{BANJIR}\n"
                    f"lain\tANTARA\t2025-01-21T10:30\t{BANJIR_LATER}\n"
                    f"timnas\tBola.com\t2025-03-26\t{TIMNAS}\n", encoding="utf-8")
    result = evaluate_timeline(path, profile="fast")
    assert [(error["kind"], error.get("row") or error.get("rows")) for error in result["errors"]] == [
        ("outlet", 3), ("published", 3), ("stories merged", [1, 2])]
    assert (result["outlet_accuracy"], result["published_accuracy"], result["story_precision"]) == (0.6667, 0.6667, 0.0)
    assert (result["story_recall"], result["story_f1"], result["first_accuracy"]) == (None, 0.0, None)


def test_the_held_out_timeline_shares_no_line_with_the_dev_sets():
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "benchmarks" / "data"
    lines = {path.name: {line for row in read_labelled_timeline(path)[0] for line in row.raw.splitlines()
                         if len(line.split()) >= 6}
             for path in data.glob("timeline_*.tsv")}
    held_out = lines.pop("timeline_holdout.tsv")
    assert held_out and lines and not held_out & set().union(*lines.values())
