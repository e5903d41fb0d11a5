"""Tests for warta.synth: deterministic, varied, ~3 KB articles from the seed sentences."""
from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from warta import synth


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_gives_byte_identical_files(tmp_path):
    assert synth.generate_corpus(n=60, out=tmp_path / "a", seed=3) == 60
    synth.generate_corpus(n=60, out=tmp_path / "b", seed=3)
    synth.generate_corpus(n=60, out=tmp_path / "c", seed=4)
    first, second, other = (_digest(tmp_path / name) for name in "abc")
    assert first == second
    assert first != other


def test_writes_n_files_in_folders_of_a_thousand(tmp_path):
    synth.generate_corpus(n=1005, out=tmp_path, seed=1)
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert len(files) == 1005
    assert files[0].startswith("0000/0000000.") and files[-1].startswith("0001/0001004.")


def test_zero_articles_writes_nothing(tmp_path):
    assert synth.generate_corpus(n=0, out=tmp_path / "empty", seed=1) == 0
    assert not list(tmp_path.rglob("*.*"))


def test_negative_n_is_an_error(tmp_path):
    with pytest.raises(ValueError):
        synth.generate_corpus(n=-1, out=tmp_path, seed=1)


def test_mix_of_formats_sizes_and_duplicates(tmp_path):
    synth.generate_corpus(n=400, out=tmp_path, seed=2)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    suffixes = {"".join(p.suffixes) for p in files}
    assert {".txt", ".txt.gz", ".jsonl", ".csv", ".html"} <= suffixes
    texts = [p.read_bytes() for p in files if p.suffix == ".txt"]
    mean = sum(map(len, texts)) / len(texts)
    assert 2_800 <= mean <= 4_500
    assert len(set(texts)) < len(texts)  # a few exact duplicates for the loader to mark


@pytest.mark.parametrize(
    ("suffix", "check"),
    [
        (".txt.gz", lambda data: "WIB" in gzip.decompress(data).decode() or "/" in gzip.decompress(data).decode()),
        (".jsonl", lambda data: set(json.loads(data)) == {"judul", "tanggal", "media", "isi"}),
        (".csv", lambda data: data.decode().startswith("title,date,source,content\n")),
        (".html", lambda data: b'property="article:published_time"' in data and b"<article>" in data),
    ],
)
def test_each_format_is_well_formed(tmp_path, suffix, check):
    synth.generate_corpus(n=300, out=tmp_path, seed=7)
    samples = [p for p in tmp_path.rglob(f"*{suffix}")]
    assert samples
    assert all(check(p.read_bytes()) for p in samples)


def test_seed_sentences_are_whole_body_sentences():
    sentences = synth.seed_sentences(Path(__file__).resolve().parents[1] / "seeds")
    assert len(sentences) > 50
    assert not any(s.startswith(("Baca Juga", "Follow", "Bisnis.com, JAKARTA")) for s in sentences)
    assert "Keduanya berbicara dengan penuh semangat selama beberapa menit." in sentences


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_actor_swaps_keep_names_whole(seed):
    import random

    swap = synth._swapper(random.Random(seed))
    swapped = swap("Presiden Rusia Vladimir Putin bertemu John Kirby. Putin dan Kirby berbicara.")
    assert "Vladimir Prabowo" not in swapped and "Vladimir Xi" not in swapped
    assert swapped.count(".") == 2


def test_synthetic_articles_have_outlet_headers_and_dates(tmp_path):
    synth.generate_corpus(n=200, out=tmp_path, seed=9)
    heads = [p.read_text(encoding="utf-8")[:400] for p in tmp_path.rglob("*.txt")]
    styles = {dateline for _, _, dateline in synth.OUTLET_STYLES if dateline}
    assert sum(any(d in head for d in styles) for head in heads) > len(heads) // 2
    assert sum(any(m in head for m in synth.MONTHS_SHORT) or "/2024" in head or "date 2024-" in head for head in heads) \
        >= len(heads) * 0.9


def test_cli_synth_writes_the_corpus(tmp_path, capsys):
    from warta import cli

    assert cli.main(["synth", "--n", "3", "--out", str(tmp_path), "--seed", "2"]) == 0
    assert len([p for p in tmp_path.rglob("*") if p.is_file()]) == 3
    assert "wrote 3 articles" in capsys.readouterr().err
