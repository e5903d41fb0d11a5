"""Tests for warta.text: the shared sentence splitter every stage addresses sentences with."""
from __future__ import annotations

import re

import numpy as np
import pytest

from warta import text as text_module
from warta.text import (ABBREVIATIONS, NOT_SPEAKER_AFTER, after_common_relative, paragraph_spans, reads_as_verb,
                        sentence_spans, split_sentences, trie_pattern, word_before_in, words)


@pytest.fixture(params=["compiled", "python"])
def split_path(request, monkeypatch):
    """Run a test on the compiled split (warta._tokens.sentence_spans) and on the regex one."""
    if request.param == "compiled":
        request.getfixturevalue("compiled_tokens")
    else:
        monkeypatch.setattr(text_module, "_compiled_sentence_spans", None)
    text_module._cached_spans.cache_clear()
    yield request.param
    text_module._cached_spans.cache_clear()


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Putin tiba. Kim menyambut.", ["Putin tiba.", "Kim menyambut."]),
        ("Kim menyambut Dr. Ahmad di Jl. Sudirman. Lalu pergi.", ["Kim menyambut Dr. Ahmad di Jl. Sudirman.", "Lalu pergi."]),
        ("Harga naik 2.5 persen. Impor 11.000 ton.", ["Harga naik 2.5 persen.", "Impor 11.000 ton."]),
        ("Dikutip dari Okezone.com hari ini. Benar.", ["Dikutip dari Okezone.com hari ini.", "Benar."]),
        ("Joko S. Widodo hadir. Ia senang!", ["Joko S. Widodo hadir.", "Ia senang!"]),
        ("\u201cKami siap,\u201d katanya. \u201cKami tidak takut.\u201d Ia pergi.",
         ["\u201cKami siap,\u201d katanya.", "\u201cKami tidak takut.\u201d", "Ia pergi."]),
        ("Paragraf satu tanpa titik\nParagraf dua.", ["Paragraf satu tanpa titik", "Paragraf dua."]),
        ("Pada Senin (17/6/2024). Selasa (18/6).", ["Pada Senin (17/6/2024).", "Selasa (18/6)."]),
        ("Ia menunggu...  Lalu pergi.", ["Ia menunggu...", "Lalu pergi."]),
        ("Kata Prof. Budi, \u201cSelesai.\u201d   (Lalu) ia pergi.", ["Kata Prof. Budi, \u201cSelesai.\u201d", "(Lalu) ia pergi."]),
        ("Pakai a.n. Budi. Sudah.", ["Pakai a.n. Budi.", "Sudah."]),
        ("Kata " + "x" * 80 + "dr. Lalu.", ["Kata " + "x" * 80 + "dr.", "Lalu."]),
        # The last word before the mark, past closing quotes and brackets, decides.
        ("Ia bertemu Gen. Budi. Lalu pergi.", ["Ia bertemu Gen. Budi.", "Lalu pergi."]),
        ("Kata \u201cDr.\u201d Budi hadir.", ["Kata \u201cDr.\u201d Budi hadir."]),
        ("Ditulis oleh B.) Lalu.", ["Ditulis oleh B.) Lalu."]),
        ("Kata mereka, \u201cSelesai!\u201d Lalu pergi.", ["Kata mereka, \u201cSelesai!\u201d", "Lalu pergi."]),
        ("Tiba di A.S. Lalu pergi.", ["Tiba di A.S.", "Lalu pergi."]),
        ("Harga ?. Lalu.", ["Harga ?.", "Lalu."]),
        ("Ia menunggu\u2026 Lalu pergi.", ["Ia menunggu\u2026", "Lalu pergi."]),
        ("(Dr.) Budi.", ["(Dr.) Budi."]),
        ("Pak Hj. Siti datang. Ya.", ["Pak Hj. Siti datang.", "Ya."]),
        ("  \n\n  ", []),
        ("", []),
    ],
)
def test_split_sentences(split_path, text, sentences):
    assert split_sentences(text) == sentences


# Marks, closers, openers, spaces of several kinds, line breaks, capitals and digits, words
# that are abbreviations, single letters, and letters outside ASCII.
_PIECES = [".", "!", "?", "\u2026", "\"", "'", "\u201d", "\u2019", ")", "]", "\u201c", "\u2018", "(", "[",
           " ", "  ", "\n", "\n\n", "\u00a0", "\t", "Budi", "ia", "7", "Dr", "dr", "a.n", "S", "x", "\u00c9mile",
           "\u0130", "_", "u.s", "kata"]


@pytest.mark.parametrize("seed", range(4))
def test_the_compiled_split_gives_the_regex_split(compiled_tokens, seed):
    rng = np.random.default_rng(seed)
    for _ in range(500):
        text = "".join(rng.choice(_PIECES, size=rng.integers(0, 40)))
        assert compiled_tokens.sentence_spans(text, ABBREVIATIONS) == text_module._iter_sentence_spans(text), text


def test_spans_index_into_the_text_and_never_cross_paragraphs():
    text = "Satu. Dua dua.\n\n  Tiga tiga tiga.\nEmpat"
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["Satu.", "Dua dua.", "Tiga tiga tiga.", "Empat"]
    paragraphs = paragraph_spans(text)
    for start, end in spans:
        assert any(p_start <= start and end <= p_end for p_start, p_end in paragraphs)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Kim Jong-un bertemu Putin's aide.", ["Kim", "Jong-un", "bertemu", "Putin's", "aide"]),
        ("isu-isu 2024 (18/6)", ["isu-isu", "2024", "18", "6"]),
    ],
)
def test_words(text, tokens):
    assert words(text) == tokens


def test_sentence_spans_are_cached_but_returned_as_a_fresh_list():
    text = "Satu. Dua."
    first = sentence_spans(text)
    first.append((0, 0))
    assert sentence_spans(text) == [(0, 5), (6, 10)]


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        (["mengatakan", "menyatakan", "menyebut", "menyebutkan"], "Ia menyebutkan dan mengatakan hal itu.",
         ["menyebutkan", "mengatakan"]),
        (["kata", "katanya"], "katanya kata kat", ["katanya", "kata"]),
        (["a.b", "a+b"], "a.b a+b axb", ["a.b", "a+b"]),  # metacharacters are escaped
        ([], "anything", []),
    ],
)
def test_trie_pattern_finds_what_the_flat_alternation_finds(words, text, expected):
    pattern = re.compile(trie_pattern(words)) if words else None
    found = [m.group() for m in pattern.finditer(text)] if pattern else []
    assert found == expected
    if words:
        flat = re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))
        assert [m.start() for m in flat.finditer(text)] == [m.start() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text, at, expected", [
    ("kata Jokowi di Demak", 15, True),
    ("kata Jokowi di  Demak", 16, True),  # spaces between
    ("Di Jakarta", 3, True),  # any case
    ("Kadi Jokowi", 5, False),  # a whole word only
    ("ke-Demak", 3, False),  # glued: no space before the name
    ("Demak", 0, False),  # nothing before
    ("bagi Prabowo", 5, False),  # not in the set
    ("x di Demak", 99, False),  # outside the text
])
def test_word_before_in(text, at, expected):
    assert word_before_in(text, at, NOT_SPEAKER_AFTER) is expected


@pytest.mark.parametrize("text, at, expected", [
    ("warga yang menolak", 11, True),
    ("warga  yang  menolak", 13, True),  # spaces between
    ("Partai Buruh yang menolak", 18, False),  # a name's relative clause
    ("Yang menolak", 5, False),  # no head word
    ("2024 yang menolak", 10, False),  # no word before
    ("warga-yang menolak", 11, False),  # glued
    ("warga sayang menolak", 13, False),  # a whole word only
    ("warga yang", 99, False),  # outside the text
])
def test_after_common_relative(text, at, expected):
    assert after_common_relative(text, at) is expected


@pytest.mark.parametrize("word, expected", [
    ("mengunjungi", True), ("menyita", True), ("ditangkap", True), ("bertemu", True),
    ("dia", False), ("milik", False), ("rumah", False), ("meja", False),
])
def test_reads_as_verb(word, expected):
    assert reads_as_verb(word) is expected
