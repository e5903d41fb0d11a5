"""Tests for warta.language: Indonesian, English and other texts, including short and noisy ones."""
from __future__ import annotations

import pytest

from warta.language import LANGUAGES, detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Presiden Rusia Vladimir Putin tiba di Korea Utara pada Selasa malam untuk kunjungan pertama "
         "dalam 24 tahun, dan disambut oleh Kim Jong Un.", "id"),
        ("Amerika Serikat mengatakan pihaknya prihatin dengan semakin mendalamnya hubungan antara Rusia "
         "dengan Korea Utara.", "id"),
        ("Harga beras naik lagi", "id"),
        ("Harga beras", "other"),  # too short to judge
        ("Menurut data BPS, inflasi tahunan pada bulan ini tercatat sebesar 2,5 persen.", "id"),
        ("Russian President Vladimir Putin arrived in North Korea on Tuesday for his first visit in "
         "24 years, and was greeted by Kim Jong Un.", "en"),
        ("The United States said it was concerned about the deepening relationship between Russia and "
         "North Korea.", "en"),
        ("Presiden Jokowi tindak menyang Surakarta lan ketemu karo warga sing wis ngenteni ing alun-alun.",
         "other"),  # Javanese
        ("Perdana Menteri berkata kerajaan akan memberi bantuan kerana banjir itu, iaitu sebanyak RM10 juta "
         "sahaja.", "other"),  # Malay
        ("Der Präsident sagte, dass die Regierung die Lage genau beobachte.", "other"),
        ("", "other"),
        ("12345 67890 !!!", "other"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_answers_are_from_the_documented_set():
    assert {detect_language(t) for t in ["", "the of and", "yang dan di"]} <= set(LANGUAGES)
