"""Tests for warta._tokens, the compiled token loops: each gives what its Python reference gives.

The references are the pure-Python paths the package falls back to without a C compiler
(:func:`warta.gazetteer._tokenize_python`, ``Gazetteer._spans_python`` and
:func:`warta.actors._capitalised_runs`); tests/test_gazetteer.py runs its tables on both paths.
"""
from __future__ import annotations

import os
import random

import pytest

from warta import actors
from warta.gazetteer import load_gazetteer, tokenize

if os.environ.get("WARTA_PURE_PYTHON") == "1":
    _tokens = pytest.importorskip("warta._tokens")
else:
    from warta import _tokens  # a missing build is an error, not a skip


def _owners(tokens, gazetteer) -> list[int]:
    owner = [-1] * len(tokens.words)
    for index, (first, last, _, _) in enumerate(gazetteer.spans(tokens)):
        owner[first:last] = [index] * (last - first)
    return owner


@pytest.mark.parametrize("text, runs", [
    ("kata Presiden Rusia Vladimir Putin di Moskow", [(1, 2)]),  # Rusia, Vladimir Putin, Moskow are known
    ("Juru bicara John Nilsson-wright, kata", [(0, 1), (2, 5)]),  # a bare hyphen keeps the run going
    ("Hunter - Biden dan Ani-budi", [(0, 1), (3, 5)]),  # Biden is known; "Ani-budi" has a bare hyphen
    ("Ani - budi", [(0, 1)]),  # ... which a spaced dash is not
    ("Zorba dan Xantos. Qwerty", [(0, 1), (2, 3), (3, 4)]),  # a full stop after a long word ends the run
    ("", []),
])
def test_capitalised_runs(text, runs):
    gazetteer = load_gazetteer(())
    tokens = tokenize(text)
    owner = _owners(tokens, gazetteer)
    python = actors._capitalised_runs(text, tokens, owner)
    compiled = _tokens.capitalised_runs(text, tokens.words, tokens.keys, tokens.joined, owner, tokens.starts,
                                        tokens.ends)
    assert compiled == python == runs


def test_capitalised_runs_agree_on_random_texts():
    gazetteer = load_gazetteer(())
    rng = random.Random(5)
    pieces = ["Kim", "Jong", "un", "KPK", "Putin", "kata", "Presiden", "Ani", "é", "Élise", "2024", "x_1", " ", "-",
              " - ", ". ", ", ", "\n", "’s", "“", "Korea", "Utara", "dan"]
    checked = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        tokens = tokenize(text)
        owner = _owners(tokens, gazetteer)
        python = actors._capitalised_runs(text, tokens, owner)
        assert _tokens.capitalised_runs(text, tokens.words, tokens.keys, tokens.joined, owner, tokens.starts,
                                        tokens.ends) == python, text
        checked += bool(python)
    assert checked > 1000  # most texts hold a run
