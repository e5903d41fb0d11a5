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
        # Malaysian Malay shares Indonesian's function words: two of its own words mark it.
        ("PETALING JAYA: Polis menahan dua lelaki bagi membantu siasatan berhubung kes samun di sebuah kedai "
         "serbaneka di sini, semalam. Ketua Polis Daerah berkata, kedua-dua suspek itu ditahan di sekitar bandar "
         "ini dan kes itu disiasat mengikut Seksyen 392 Kanun Keseksaan.", "other"),
        ("Nasabah mengajukan klaim polis asuransi kendaraan setelah banjir merendam rumah mereka di Bekasi, "
         "kata pihak perusahaan.", "id"),  # one such word ("polis" asuransi) is no sign
        ("Der Präsident sagte, dass die Regierung die Lage genau beobachte.", "other"),
        ("", "other"),
        ("12345 67890 !!!", "other"),
        # Terse briefs without a function word: the affixes decide.
        ("SINDONEWS.com JAKARTA - KPK menetapkan dua tersangka baru kasus suap proyek jalan.", "id"),
        ("Badan Pusat Statistik mencatat neraca perdagangan surplus 49 bulan berturut-turut. "
         "Pemerintah menyebutkan ekspornya naik.", "id"),
        ("Kenya Airways resumes Nairobi flights", "other"),  # "Kenya" is no affixed form
        ("Kendari, Sultra - Banjir merendam ratusan rumah", "id"),
        ("Harga cabai rawit di pasar induk naik tajam menjelang Idul Adha. Kementerian Perdagangan "
         "memantau pasokan.", "id"),
        ("Kim Jong Un, Vladimir Putin, Pyongyang", "other"),  # names only: no evidence either way
        # An English function word in capitals or mid-sentence title case is part of a name.
        ("WHO memuji keberhasilan Indonesia menurunkan angka kematian ibu.", "id"),
        ("Jonatan Christie menjuarai turnamen bulu tangkis All England.", "id"),
        ("Rupiah Menguat Tajam Usai Keputusan The Fed", "id"),
        ("The minister said the plan was ready.", "en"),  # capitalised first, it counts
        ("The Fed menaikkan suku bunga acuan.", "id"),  # not before a name
        # A headline capitalises every word: two English function words count whatever their case.
        ("Prabowo Says Indonesia Will Not Join The War In Gaza", "en"),
        ("KPK Names Former Minister As Suspect In Graft Case", "en"),
        ("Rupiah Weakens Against The Dollar As Investors Await Fed Decision", "en"),
        ("Indonesia Wins Gold In Badminton At The Asian Games", "en"),  # "Asian" is no Indonesian "-an"
        ("Banjir Rendam Lima Kecamatan Di Jawa Tengah", "id"),
        ("Jonatan Juara All England Usai Kalahkan The Reds", "id"),  # an Indonesian affix
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_answers_are_from_the_documented_set():
    assert {detect_language(t) for t in ["", "the of and", "yang dan di"]} <= set(LANGUAGES)
