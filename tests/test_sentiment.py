"""Tests for warta.sentiment: lexicon matching, modifiers, engines, sentence/article/actor tables."""
from __future__ import annotations

import importlib.util
from collections import Counter
import math
from pathlib import Path

import pandas as pd
import pytest

from warta import config
from warta.errors import WartaError
from warta.sentiment import (LexiconEngine, describe, evidence_table, label_shares, load_engine, load_lexicon, score_actors, score_articles,
                             score_sentences, score_text, score_texts, share_of_voice, train_model, wilson_interval)
from warta.sentiment.engines import LinearEngine
from warta.sentiment.scoring import aggregate_scores
from warta.sentiment.training import build_default_model, cross_validate_news, fit_linear
from warta.text import sentence_spans

LEXICON = "lexicon"


def cues(text: str) -> list[tuple[str, float, tuple[str, ...]]]:
    return [(cue.term, round(cue.weight, 3), cue.modifiers) for cue in load_lexicon().find_cues(text)]


def article(article_id: str, body: str, *, title: str = "", vendor=None) -> dict:
    return {"article_id": article_id, "status": "ok", "outlet": "Contoh", "published": "2024-06-18",
            "title": title, "body": body, "vendor": vendor or {}}


# --------------------------------------------------------------------------- lexicon matching


@pytest.mark.parametrize("text, term", [
    ("Warga mencemaskan harga beras.", "cemas"),             # meN-...-kan on a root entry
    ("Kebijakan itu dikecam mahasiswa.", "kecam"),           # di-
    ("Ucapannya menyakiti warga.", "sakit"),                 # nasal prefix meny- → s, -i
    ("Ia disenangi rekan-rekannya.", "senang"),              # di-...-i
    ("Serangan-serangan itu berlanjut.", "serangan"),        # reduplication
    ("Korupsinya sudah lama diketahui.", "korupsi"),         # clitic -nya
    ("Inflasi terkendali sepanjang tahun.", "inflasi terkendali"),  # phrase wins over its words
    ("Keduanya sepakat menjalin kerja sama.", "kerja sama"),
    ("Ia ditetapkan tersangka oleh KPK.", "ditetapkan tersangka"),
])
def test_terms_match_inflections_and_phrases(text, term):
    assert term in [found for found, _, _ in cues(text)]


@pytest.mark.parametrize("text", [
    "Ia dibawa ke rumah sakit terdekat.",        # rumah sakit is not sakit
    "Pemerintah mengumumkan kebijakan baru.",    # kebijakan is not bijak
    "Ia bertugas selama dua tahun.",             # selama is not lama
    "Ia disangka sudah pulang.",  # tersangka matches only its own form
    "Salah satu pejabat hadir.",                 # salah satu is not salah
    "Baik Rusia maupun Korea Utara hadir.",      # baik ... maupun is not "good"
])
def test_neutral_pins_and_exact_forms_stop_false_cues(text):
    assert cues(text) == []


@pytest.mark.parametrize("text, term, sign, modifier", [
    ("AS tidak khawatir dengan kunjungan itu.", "khawatir", +1, "negated"),
    ("Pelayanannya tidak memuaskan.", "memuaskan", -1, "negated"),
    ("Makanannya sangat enak.", "enak", +1, "intensified"),
    ("Makanannya enak sekali.", "enak", +1, "intensified"),
    ("Rasanya agak hambar.", "hambar", -1, "diminished"),
    ("Angka stunting turun tajam.", "stunting", +1, "reversed"),
    ("Kasus korupsi meningkat.", "korupsi", -1, "increased"),
    ("Penurunan laba perseroan.", "laba", -1, "reversed"),
    ("IHSG anjlok akibat aksi jual.", "aksi jual", -1, ""),
    ("AS prihatin atas kerja sama Rusia dan Korut.", "kerja sama", -1, "negative_stance"),
    ("Meski harga naik, penjualan tetap kuat.", "kuat", +1, ""),
    # An outcome is never reversed, and a transitive verb after a cue acts on what follows it.
    ("Pemerintah gagal menekan inflasi.", "menekan inflasi", -1, "reversed"),  # a failure word's reach
    ("Pemerintah berhasil menekan inflasi.", "berhasil", +1, ""),
    ("Inflasi berhasil ditekan.", "berhasil", +1, ""),
    ("Angka kemiskinan berhasil ditekan.", "kemiskinan", +1, "reversed"),
    ("Korupsi menurunkan kepercayaan publik.", "korupsi", -1, ""),
    ("Korupsi menurunkan kepercayaan publik.", "kepercayaan", -1, "reversed"),
    # A place or time may stand between a cue and its own rise or fall.
    ("Angka kemiskinan di kabupaten itu turun.", "kemiskinan", +1, "reversed"),
    ("Pengangguran di Jawa Barat berkurang.", "pengangguran", +1, "reversed"),
    ("Kasus korupsi pada tahun lalu meningkat.", "korupsi", -1, "increased"),
    # So may two words of what a noun counts before that place.
    ("Harga cabai rawit di Pasar Kramat Jati melonjak.", "harga cabai", -1, "increased"),
    ("Angka kematian ibu di Nusa Tenggara Timur turun.", "angka kematian", +1, "reversed"),
    # A record high or low is an amount's rise or fall, and only an amount's; a raid is a remedy.
    ("Kabupaten Badung mencatat pendapatan asli daerah tertinggi di Bali.", "pendapatan", +1, "increased"),
    ("Nilai tukar rupiah melemah ke level terendah.", "melemah", -1, ""),
    ("Polres Bogor menggerebek pabrik narkoba rumahan.", "narkoba", +1, "reversed"),
    # A noun's relative clause may stand before its rise; weakening is a fall.
    ("Wisatawan mancanegara yang berkunjung ke Bali naik 20 persen.", "wisatawan mancanegara", +1, "increased"),
    ("Gerai banyak yang tutup karena daya beli masyarakat melemah.", "daya beli", -1, "reversed"),
    ("Ekspor nikel Indonesia ke China turun 20 persen.", "ekspor", -1, "reversed"),  # a destination between
    ("Ultra Jaya mencatat pertumbuhan penjualan 15 persen.", "penjualan", +1, "increased"),  # growth before it
    ("Pemerintah menurunkan tarif listrik.", "tarif listrik", +1, "reversed"),  # a cost cut
    ("Bus listrik mengurangi polusi udara dan kemacetan.", "macet", +1, "reversed"),  # the second thing cut
    ("BPJS Kesehatan menaikkan iuran peserta kelas satu.", "iuran", -1, "increased"),  # what members pay
    ("Grab menaikkan potongan komisi mitra pengemudi.", "potongan komisi", -1, "increased"),
    ("Jumlah titik panas di Kalimantan Barat meningkat tajam.", "titik panas", -1, "increased"),  # not "panas"
    ("Harga cabai rawit di Pasar Induk Kramat Jati turun drastis.", "harga cabai", +1, "reversed"),  # a long place
    ("Suhu udara di Jakarta terus meningkat.", "suhu udara", -1, "increased"),  # a heatwave
    ("Bus listrik mengurangi polusi dan warga senang.", "senang", +1, ""),  # a clause after "dan" is no object
    ("Warga diminta mencegah kadar oksigen terlalu rendah.", "mencegah", +1, ""),  # a level is no deed's
    # A change right after another noun's "yang" is that noun's.
    ("Penyaluran BBM berjalan sesuai dengan kuota yang telah diturunkan.", "sesuai", +1, ""),
    # An amount between a cue and a change is what changes; a worry about a fall stays a worry,
    # and a negated good thing after a complaint is not turned good.
    ("Investor khawatir penjualan rumah melemah.", "khawatir", -1, ""),
    ("Investor khawatir penjualan rumah melemah.", "penjualan", -1, "reversed"),
    ("Warga kecewa karena bantuan sosial tidak tepat sasaran.", "tepat", -1, "negated"),
    # What a recovery came after is behind it; a hearing names its case.
    ("Penerbangan kembali normal setelah sempat terganggu abu vulkanik.", "abu vulkanik", -1, "recovered"),
    ("Sidang perdana kasus korupsi tol MBZ digelar.", "korupsi", -1, "diminished"),
    ("Kejaksaan menerima berkas perkara dugaan korupsi dana hibah.", "korupsi", -1, "diminished"),
    ("DLH menutup paksa pabrik yang mencemari Kali Bekasi.", "mencemari", +1, "reversed"),  # closing a polluter
    # After a count, what is counted may take three words before the problem.
    ("Kemendag memusnahkan ribuan pakaian bekas impor ilegal.", "ilegal", +1, "reversed"),
    ("Warga Kabupaten Sikka panen raya jagung setelah dua tahun dilanda kekeringan.", "kekeringan", -1, "recovered"),
    # A count in words between a remedy and the problem does not count, as a number does not.
    ("Dishub menderek puluhan kendaraan yang parkir liar.", "parkir liar", +1, "reversed"),
    # A recall mends the contaminant after the contamination too.
    ("BPOM menarik peredaran obat sirup yang tercemar etilen glikol.", "etilen glikol", +1, "reversed"),
])
def test_modifiers_change_the_cue_they_govern(text, term, sign, modifier):
    found = {t: (w, m) for t, w, m in cues(text)}
    weight, modifiers = found[term]
    assert math.copysign(1, weight) == sign
    if modifier:
        assert modifier in modifiers


@pytest.mark.parametrize("text, label", [
    ("Pemerintah gagal menekan inflasi.", "negative"),
    ("Pemerintah tidak gagal menekan inflasi.", "positive"),
    ("Angka kemiskinan berhasil ditekan.", "positive"),
    ("Korupsi menurunkan kepercayaan publik.", "negative"),
    # "inflasi" alone is pinned neutral (most news states it); its direction is not.
    ("Inflasi turun ke 2,5 persen.", "positive"),
    ("Inflasi naik menjadi 4 persen.", "negative"),
    ("Inflasi Juni 2,5 persen.", "neutral"),
])
def test_success_and_failure_at_lowering_a_problem(text, label):
    assert score_text(text, engine="lexicon").label == label


def test_a_verbs_object_is_not_what_an_amount_counts():
    # "sepinya pembeli" is what the traders complain of, and the price's rise after "sejak" is not theirs.
    found = {t: (w, m) for t, w, m in cues("Pedagang mengeluhkan sepinya pembeli sejak harga naik.")}
    assert found["mengeluhkan"] == (-1.5, ())


@pytest.mark.parametrize("text, label", [
    ("Pesawat latih milik sekolah penerbangan itu jatuh di Tangerang Selatan.", "negative"),
    ("Hari Raya Idul Fitri jatuh pada 31 Maret.", "neutral"),
    ("Pengadilan menjatuhkan putusan hari ini.", "neutral"),
    ("Kanwil menyerahkan sertifikat merek kepada 100 pelaku UMKM.", "positive"),
])
def test_falls_and_certificates(text, label):
    assert score_text(text, engine="lexicon").label == label


@pytest.mark.parametrize("text, label", [
    ("Penerbangan dari Bandara Juanda kembali normal setelah sempat terganggu abu vulkanik.", "positive"),
    ("Penerbangan terganggu abu vulkanik dan belum kembali normal.", "negative"),  # no recovery to speak of
    ("Sidang perdana kasus korupsi tol MBZ digelar di Pengadilan Tipikor.", "neutral"),
    ("Siswa SMA di Makassar menciptakan alat pendeteksi gempa sederhana.", "positive"),
    ("Nilai tukar rupiah melemah ke level terendah.", "negative"),
])
def test_recoveries_hearings_and_inventions(text, label):
    assert score_text(text, engine="lexicon").label == label


@pytest.mark.parametrize("text, label", [
    # Calling off a bad thing is news in full; putting off a hearing is procedure.
    ("Pemerintah menunda kenaikan tarif listrik hingga akhir tahun.", "positive"),
    ("Bupati membatalkan kenaikan pajak bumi dan bangunan.", "positive"),
    ("Pengadilan menunda sidang gugatan perdata terhadap Google.", "neutral"),
    ("Pemerintah tidak menaikkan tarif listrik.", "neutral"),  # a plain "not" stays milder
    ("Perusahaan mengurangi produksi gas metana.", "neutral"),  # cutting what is good: the subject's deed
])
def test_calling_off_and_cutting_costs(text, label):
    assert score_text(text, engine="lexicon").label == label


def test_negated_negative_is_milder_than_plain_positive():
    (_, negated, _), = cues("Mereka tidak khawatir.")
    (_, plain, _), = cues("Mereka senang.")
    assert 0 < negated < plain


def test_intensity_is_applied_once():
    (_, once, _), = cues("Makanannya sangat enak.")
    (_, twice, _), = cues("Makanannya sangat enak sekali.")
    assert once == twice


def test_contrast_weights_the_clause_after():
    found = {t: (w, m) for t, w, m in cues("Tempatnya bagus, tetapi pelayanannya buruk.")}
    assert "before_contrast" in found["bagus"][1] and "after_contrast" in found["buruk"][1]
    assert abs(found["buruk"][0]) > abs(found["bagus"][0])
    assert score_text("Tempatnya bagus, tetapi pelayanannya buruk.", engine=LEXICON).label == "negative"


def test_sentence_opening_with_namun_halves_the_one_before():
    found = cues("Kami tidak khawatir dengan kunjungan itu. Namun yang dikhawatirkan adalah hubungan erat.")
    assert "before_contrast" in found[0][2] and "after_contrast" in found[1][2]


def test_cue_offsets_point_into_the_text():
    text = "Rupiah menguat, tetapi IHSG anjlok."
    for cue in load_lexicon().find_cues(text):
        assert text[cue.start:cue.end].lower() == cue.term


@pytest.mark.parametrize("text", [
    "Menteri mengatakan rupiah menguat, tetapi IHSG anjlok.",
    "“Saya tidak khawatir,” ujarnya. Namun warga sangat cemas sekali…",
    "Tidak ada kata kunci di sini, katanya.",
    "",
])
def test_cues_and_spans_equal_the_two_separate_calls(text):
    lexicon = load_lexicon()
    found, spans = lexicon.cues_and_spans(text, kinds=("reporting",))
    assert found == lexicon.find_cues(text)
    assert spans == lexicon.modifier_spans(text, kinds=("reporting",))


@pytest.mark.parametrize("text, spans, mods", [
    # A phrase comes before the word span at its start; modifier phrases sit in text order among the words.
    ("Banjir bandang dan banjir, gagal bayar.",
     [(0, 14, "banjir bandang"), (0, 6, "banjir"), (19, 25, "banjir"), (27, 38, "gagal bayar"), (27, 32, "gagal")],
     [(27, 32, "failure", -0.8, "gagal")]),  # a word may be a cue and a modifier
    ("Hasilnya jauh dari harapan, akan tetapi luar biasa.", [(19, 26, "harapan"), (40, 50, "luar biasa")],
     [(9, 18, "negator", -0.8, "jauh dari"), (28, 39, "contrast", 1.5, "akan tetapi"),
      (33, 39, "contrast", 1.5, "tetapi"), (40, 50, "intensifier", 1.5, "luar biasa")]),
    ("Gempa bumi “tidak” parah", [(0, 10, "gempa bumi"), (0, 5, "gempa"), (19, 24, "parah")],
     [(12, 17, "negator", -0.8, "tidak")]),
    ("Gempa bumi ‘tidak’ parah", [(0, 10, "gempa bumi"), (0, 5, "gempa"), (19, 24, "parah")],
     [(12, 17, "negator", -0.8, "tidak")]),  # ‘ ’ are not ASCII: the ASCII twin's path
    ("Gempa bumi, tidak ada korban jiwa. Café parah",  # é: the word regex's path; phrases may overlap
     [(0, 10, "gempa bumi"), (0, 5, "gempa"), (12, 33, "tidak ada korban jiwa"), (22, 33, "korban jiwa"),
      (22, 28, "korban"), (40, 45, "parah")], [(12, 17, "negator", -0.8, "tidak")]),
])
@pytest.mark.parametrize("compiled", [True, False])
def test_scan_lists_phrases_words_and_modifiers_in_text_order(monkeypatch, text, spans, mods, compiled):
    from warta.sentiment import lexicon as lexicon_module

    if not compiled:  # the pure-Python references
        monkeypatch.setattr(lexicon_module, "_wanted_words", None)
        monkeypatch.setattr(lexicon_module, "_scan_forms", None)
    scan = load_lexicon()._scan(text)
    assert (scan.spans, scan.mods) == (spans, mods)


# Sentences as score_actors scans them: ASCII ones (joined), curly quotes, the regex path, repeats, empty.
_SENTENCES = ["Menteri mengatakan rupiah menguat, tetapi IHSG anjlok.", "“Saya prihatin,” ujarnya.",
              "AS menuduh Rusia – katanya – melanggar.", "", "Kata kata kata, kata dia.", "Qur'an, ujar Ali.",
              "Tidak ada kata kunci di sini", "Mereka mengkritik\nkebijakan itu, menurut sumber."]


@pytest.mark.parametrize("text", [*_SENTENCES, "Banjir bandang. Namun warga tidak khawatir sekali.",
                                  "Baik Rusia maupun Korut memberantas korupsi, meski laba turun.", "Hasil imbang."])
def test_pure_python_cue_finder_gives_the_same_cues(monkeypatch, text):
    from warta.sentiment import lexicon as lexicon_module

    lexicon = load_lexicon()
    compiled = (lexicon.find_cues(text), lexicon.modifier_spans_of([text, text], kinds=("stance", "reporting")))
    for name in ("_wanted_words", "_scan_forms", "_cue_loop"):
        monkeypatch.setattr(lexicon_module, name, None)
    assert (lexicon.find_cues(text), lexicon.modifier_spans_of([text, text], kinds=("stance", "reporting"))) == compiled


@pytest.mark.parametrize("texts, chunk_chars", [
    (_SENTENCES, 1 << 20),  # one joined chunk
    (_SENTENCES, 40),       # a chunk every text or two
    (_SENTENCES, 1),        # one text per chunk
    (_SENTENCES[::-1] * 2, 100),
    ([text for text in _SENTENCES if "–" not in text], 60),  # all ASCII once curly quotes are straight
    ([], 100),
])
def test_modifier_spans_of_equal_one_scan_per_text(texts, chunk_chars):
    lexicon = load_lexicon()
    kinds = ("stance", "reporting")
    assert (lexicon.modifier_spans_of(texts, kinds=kinds, chunk_chars=chunk_chars)
            == [lexicon.modifier_spans(text, kinds=kinds) for text in texts])


@pytest.mark.parametrize("text, expected", [
    # A negator reaches only into its own clause and sentence, however the text is cut.
    ("Warga tidak. Senang sekali.", [("senang", 3.0, ("intensified",))]),
    ("Warga tidak, senang.", [("senang", 2.0, ())]),
    ("Warga tidak senang; tidak senang.", [("senang", -1.6, ("negated",)), ("senang", -1.6, ("negated",))]),
])
def test_modifiers_stay_inside_their_clause(text, expected):
    assert cues(text) == expected


@pytest.mark.parametrize("line, message", [
    ("kata\t-1\n", "expected 3 tab-separated columns"),
    ("kata\tbanyak\tumum\n", "is not a number"),
])
def test_malformed_lexicon_lines_name_file_and_line(tmp_path, line, message):
    extra = tmp_path / "extra.tsv"
    extra.write_text("# komentar\nbagus sekali\t2\tumum\n" + line, encoding="utf-8")
    with pytest.raises(WartaError, match=f"extra.tsv:3: .*{message}"):
        load_lexicon((str(extra),))


@pytest.mark.parametrize("path", sorted((config.PACKAGE_DIR / "data" / "lexicon").glob("*.tsv")), ids=lambda p: p.name)
def test_no_packaged_lexicon_file_lists_a_term_twice(path):
    # Within a file the later line silently wins, so an earlier one would be dead data.
    from warta.sentiment.lexicon import normalize_term

    terms = [normalize_term(line.split("\t")[0]) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert sorted(term for term, n in Counter(terms).items() if n > 1) == []


def test_no_cue_term_is_listed_in_two_desk_files():
    # The file loaded last silently wins, so the other line would be dead data.
    from warta.sentiment.lexicon import AMOUNT_FILE, MODIFIER_FILE, normalize_term

    desks: dict[str, list[str]] = {}
    for path in sorted((config.PACKAGE_DIR / "data" / "lexicon").glob("*.tsv")):
        if path.name in (AMOUNT_FILE, MODIFIER_FILE):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                desks.setdefault(normalize_term(line.split("\t")[0]), []).append(path.name)
    assert {term: files for term, files in desks.items() if len(files) > 1} == {}


def test_no_amount_has_a_cue_weight_of_its_own():
    # A cue's own weight wins over its amount line, which would then be dead data.
    lexicon = load_lexicon(())
    assert sorted(term for term in lexicon.amounts if lexicon.entries[term][0] != 0) == []


def test_extra_lexicon_overrides_packaged_weights(tmp_path):
    extra = tmp_path / "klien.tsv"
    extra.write_text("banjir promo\t2\tumum\nkhawatir\t0\tumum\n", encoding="utf-8")
    lexicon = load_lexicon((str(extra),))
    engine = LexiconEngine(lexicon)
    assert score_text("Toko itu banjir promo akhir tahun.", engine=engine).label == "positive"
    assert score_text("Warga khawatir.", engine=engine).label == "neutral"


# --------------------------------------------------------------------------- text scores


@pytest.mark.parametrize("text, label", [
    ("AS prihatin atas kerja sama Rusia–Korut", "negative"),
    ("KPK menetapkan bupati itu sebagai tersangka kasus suap.", "negative"),
    ("Timnas menang 2-0 dan lolos ke final.", "positive"),
    ("Rupiah menguat dan inflasi terkendali.", "positive"),
    ("Presiden akan berkunjung ke Jepang pada bulan Juli.", "neutral"),
    ("Gempa merusak ratusan rumah warga.", "negative"),
    ("Pasien itu dinyatakan sembuh.", "positive"),
    ("Tidak ada korupsi dalam proyek itu.", "positive"),
])
def test_lexicon_labels_news_sentences(text, label):
    assert score_text(text, engine=LEXICON).label == label


def test_score_carries_sign_probability_and_cues():
    result = score_text("Harga saham anjlok tajam.", engine=LEXICON)
    assert result.score < 0 and 0.5 < result.probability < 1
    assert result.cue_dicts()[0]["term"] == "harga saham"  # an amount, weighed by its fall
    assert {"term", "start", "end", "weight", "modifiers"} <= set(result.cue_dicts()[0])


def test_stronger_evidence_gives_higher_probability():
    engine = load_engine(LEXICON)
    assert engine.probability("negative", -4.0) > engine.probability("negative", -1.0)
    assert engine.probability("neutral", 0.0) > engine.probability("neutral", 0.8)


def test_default_engine_scores_news_and_reviews():
    assert score_text("Ribuan buruh terkena PHK.").label == "negative"
    assert score_text("tempat nya nyaman dan makanan nya enak banget").label == "positive"


@pytest.mark.parametrize("value", [None, "", 42])
def test_non_text_scores_neutral(value):
    assert score_text(value, engine=LEXICON).label == "neutral"


# --------------------------------------------------------------------------- Wilson intervals and shares


@pytest.mark.parametrize("k, n, low, high", [
    (0, 0, 0.0, 1.0),
    (0, 5, 0.0, 0.4345),
    (4, 5, 0.3755, 0.9638),
    (5, 5, 0.5655, 1.0),
    (50, 100, 0.4038, 0.5962),
    (4000, 5000, 0.7888, 0.8108),
])
def test_wilson_interval(k, n, low, high):
    got = wilson_interval(k, n)
    assert got == pytest.approx((low, high), abs=1e-3)


@pytest.mark.parametrize("n", range(1, 400))
def test_wilson_interval_holds_the_share_exactly(n):
    # Rounding once put the bounds a hair past 0/n and n/n: matplotlib refused the error bars.
    for k in (0, 1, n // 2, n - 1, n):
        low, high = wilson_interval(k, n)
        assert 0.0 <= low <= k / n <= high <= 1.0


def test_wilson_interval_narrows_with_n_and_rejects_bad_counts():
    small, large = wilson_interval(4, 5), wilson_interval(4000, 5000)
    assert small[1] - small[0] > 10 * (large[1] - large[0])
    with pytest.raises(ValueError):
        wilson_interval(6, 5)


def test_label_shares_lists_every_label_per_group():
    table = pd.DataFrame({"outlet": ["A", "A", "A", "B"], "label": ["negative", "negative", "positive", "neutral"]})
    shares = label_shares(table, by="outlet")
    assert len(shares) == 6
    row = shares[(shares["outlet"] == "A") & (shares["label"] == "negative")].iloc[0]
    assert (row["k"], row["n"]) == (2, 3) and row["low"] < 2 / 3 < row["high"]
    assert shares[shares["outlet"] == "B"]["k"].sum() == 1


_SHARES_TABLE = pd.DataFrame({"outlet": ["A", None, "A", "B", "A"], "day": ["d1", "d1", "d2", "d1", "d1"],
                              "label": ["negative", "positive", None, "neutral", "negative"]})


@pytest.mark.parametrize("table, by, expected", [
    # (group keys..., label, k, n) per row: groups sorted, a missing key last; a missing label
    # counts in n only.
    (_SHARES_TABLE, None, [("negative", 2, 5), ("neutral", 1, 5), ("positive", 1, 5)]),
    (_SHARES_TABLE, "outlet", [("A", "negative", 2, 3), ("A", "neutral", 0, 3), ("A", "positive", 0, 3),
                               ("B", "negative", 0, 1), ("B", "neutral", 1, 1), ("B", "positive", 0, 1),
                               (None, "negative", 0, 1), (None, "neutral", 0, 1), (None, "positive", 1, 1)]),
    (_SHARES_TABLE.iloc[[0, 2, 3]], ["outlet", "day"],
     [("A", "d1", "negative", 1, 1), ("A", "d1", "neutral", 0, 1), ("A", "d1", "positive", 0, 1),
      ("A", "d2", "negative", 0, 1), ("A", "d2", "neutral", 0, 1), ("A", "d2", "positive", 0, 1),
      ("B", "d1", "negative", 0, 1), ("B", "d1", "neutral", 1, 1), ("B", "d1", "positive", 0, 1)]),
    (_SHARES_TABLE.iloc[:0], "outlet", []),
    (_SHARES_TABLE.iloc[:0], None, [("negative", 0, 0), ("neutral", 0, 0), ("positive", 0, 0)]),
])
def test_label_shares_table(table, by, expected):
    shares = label_shares(table, by=by)
    keys = [by] if isinstance(by, str) else list(by or [])
    found = [tuple(None if pd.isna(value) else value for value in row)
             for row in shares[[*keys, "label", "k", "n"]].itertuples(index=False)]
    assert found == expected
    assert shares["share"].tolist() == pytest.approx([k / n if n else float("nan") for *_, k, n in expected], nan_ok=True)


@pytest.mark.parametrize("scores, label", [
    ([-0.8, -0.7, 0.0, 0.0], "negative"),
    ([0.8, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], "neutral"),
    ([0.9, 0.6, -0.1], "positive"),
])
def test_aggregate_scores(scores, label):
    prediction = aggregate_scores(scores, band=0.1)
    assert prediction.label == label and 0 <= prediction.probability <= 1


def test_aggregate_probability_grows_with_agreeing_sentences():
    few = aggregate_scores([-0.8, -0.7], band=0.1).probability
    many = aggregate_scores([-0.8, -0.7] * 10, band=0.1).probability
    assert many > few


# --------------------------------------------------------------------------- sentence and article tables

BODY = ("Gedung Putih mengatakan AS prihatin dengan hubungan Rusia dan Korea Utara. "
        "Putin disambut hangat di Pyongyang.\n"
        "“Kami tidak khawatir dengan perjalanan Putin,” kata John Kirby. "
        "Washington menuduh Pyongyang memasok artileri ke Moskow.")


def test_sentence_rows_follow_the_shared_splitter():
    table = score_sentences(pd.DataFrame([article("a1", BODY)]), model=LEXICON)
    spans = sentence_spans(BODY)
    assert table["sentence_id"].tolist() == list(range(len(spans)))
    assert [(r.start, r.end) for r in table.itertuples()] == spans
    for row in table.itertuples():
        assert row.text == BODY[row.start:row.end]
        for cue in row.cues:
            assert row.start <= cue["start"] < row.end
            assert BODY[cue["start"]:cue["end"]].lower() == cue["term"]
    assert table.loc[2, "reported"] and table.loc[0, "label"] == "negative"


def test_sentence_cues_are_one_arrow_column_of_cue_dicts():
    from warta.sentiment.scoring import CUES_DTYPE, cue_terms

    table = score_sentences(pd.DataFrame([article("a1", BODY), article("a2", "")]), model=LEXICON)
    assert table["cues"].dtype == CUES_DTYPE
    lexicon = load_lexicon()
    expected = [[cue.as_dict() for cue in lexicon.find_cues(BODY) if start <= cue.start < end]
                for start, end in sentence_spans(BODY)]
    assert list(table["cues"]) == expected
    assert cue_terms(table["cues"]) == [[cue["term"] for cue in cell] for cell in expected]
    assert cue_terms(pd.Series([[{"term": "baik"}], [], None], dtype=object)) == [["baik"], [], []]
    empty = score_sentences(pd.DataFrame([article("a2", "")]), model=LEXICON)
    assert empty["cues"].dtype == CUES_DTYPE and not len(empty)


def test_sentences_take_speakers_from_quotes():
    quotes = pd.DataFrame([{"article_id": "a1", "sentence_id": 2, "speaker_id": "per:john-kirby"}])
    table = score_sentences(pd.DataFrame([article("a1", BODY)]), model=LEXICON, quotes=quotes)
    assert table["speaker_id"].tolist() == ["", "", "per:john-kirby", ""]


@pytest.mark.parametrize("body", [None, "", float("nan")])
def test_articles_without_text_are_kept_as_neutral(body):
    frame = pd.DataFrame([article("a1", BODY), {**article("a2", ""), "body": body}])
    sentences = score_sentences(frame, model=LEXICON)
    articles = score_articles(frame, sentences=sentences, model=LEXICON)
    assert articles["article_id"].tolist() == ["a1", "a2"]
    assert articles.loc[1, "label"] == "neutral" and articles.loc[1, "evidence"] == []


def test_article_label_traces_to_evidence_sentences():
    frame = pd.DataFrame([article("a1", BODY, title="AS Prihatin atas Hubungan Rusia-Korut")])
    sentences = score_sentences(frame, model=LEXICON)
    row = score_articles(frame, sentences=sentences, model=LEXICON).iloc[0]
    assert row["label"] == "negative" and row["evidence"]
    for item in row["evidence"]:
        assert item["score"] < 0 and item["cues"]
        if item["sentence_id"] >= 0:
            assert item["text"] == sentences.loc[item["sentence_id"], "text"]
        else:
            assert item["text"] == "AS Prihatin atas Hubungan Rusia-Korut"


def test_an_article_keeps_its_headline_label_and_score_beside_its_own():
    frame = pd.DataFrame([article("a1", BODY, title="AS Prihatin atas Hubungan Rusia-Korut"), article("a2", BODY)])
    table = score_articles(frame, model=LEXICON)
    headline = score_text("AS Prihatin atas Hubungan Rusia-Korut", engine=LEXICON)
    assert table.loc[0, "headline_label"] == headline.label == "negative"
    assert table.loc[0, "headline_score"] == pytest.approx(headline.score, abs=1e-4)
    assert table.loc[1, "headline_label"] == "" and pd.isna(table.loc[1, "headline_score"])  # no title


@pytest.mark.parametrize("scores, label", [
    ([0.7, 0.0, 0.0, 0.0, 0.0], "neutral"),  # one good sentence among four plain ones: mean 0.14
    ([0.8, 0.0, 0.0, 0.0], "positive"),  # mean 0.2
    ([-0.7, -0.2, 0.0, 0.0, 0.0], "negative"),  # mean -0.18
])
def test_an_article_is_neutral_until_its_mean_leaves_the_band(scores, label):
    # The band was chosen on benchmarks/data/articles_dev.tsv (0.15; 0.1 read 0.872 / 0.777 there).
    frame = pd.DataFrame([article("a1", "x")])
    n = len(scores)
    sentences = pd.DataFrame({"article_id": "a1", "sentence_id": range(n), "score": scores,
                              "label": ["neutral"] * n, "cue_sum": 0.0, "text": "x", "cues": [[]] * n})
    assert score_articles(frame, sentences=sentences, model=LEXICON).loc[0, "label"] == label


def test_vendor_label_is_compared_and_disagreement_explained():
    vendor = {"sentiment": "positif", "sentiment_confidence": 84.2}
    frame = pd.DataFrame([article("a1", BODY, vendor=vendor), article("a2", "Warga senang dan bangga.",
                                                                      vendor={"sentiment": "positif"}),
                          article("a3", BODY)])
    table = score_articles(frame, model=LEXICON)
    first, second, third = table.to_dict("records")
    assert first["vendor_label"] == "positive" and first["vendor_confidence"] == pytest.approx(0.842)
    assert first["agrees"] is False or first["agrees"] == False  # noqa: E712 (numpy bool)
    assert "84.2%" in first["disagreement_reason"] and "sentence" in first["disagreement_reason"]
    assert "disambut hangat" in first["disagreement_reason"]  # the positive cue the vendor may have read
    assert second["agrees"] and second["disagreement_reason"] == ""
    assert third["vendor_label"] == "" and pd.isna(third["agrees"])


# --------------------------------------------------------------------------- actors

ACTOR_BODY = "AS prihatin atas kerja sama Rusia dan Korea Utara. Rusia memuji Korea Utara."


def mention(article_id, body, surface, actor_id, kind="LOC", occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(surface, start + 1)
    sentence_id = next(i for i, (a, b) in enumerate(sentence_spans(body)) if a <= start < b)
    return {"article_id": article_id, "sentence_id": sentence_id, "start": start, "end": start + len(surface),
            "surface": surface, "actor_id": actor_id, "name": surface, "type": kind}


def actor_mentions(body=ACTOR_BODY):
    return pd.DataFrame([mention("a1", body, "AS", "loc:amerika-serikat"),
                         mention("a1", body, "Rusia", "loc:rusia"),
                         mention("a1", body, "Korea Utara", "loc:korea-utara"),
                         mention("a1", body, "Rusia", "loc:rusia", occurrence=1),
                         mention("a1", body, "Korea Utara", "loc:korea-utara", occurrence=1)])


def test_actor_sentiment_separates_about_from_voiced():
    frame = pd.DataFrame([article("a1", ACTOR_BODY)])
    table = score_actors(frame, mentions=actor_mentions(), model=LEXICON)
    rows = table[table["scope"] == "article"].set_index("actor_id")
    us, russia, korea = rows.loc["loc:amerika-serikat"], rows.loc["loc:rusia"], rows.loc["loc:korea-utara"]
    assert us["voiced_label"] == "negative" and us["about_n"] == 0
    assert us["voiced_evidence"] == [0]
    assert russia["about_label"] == "negative" and russia["about_evidence"] == [0]
    assert russia["voiced_label"] == "positive"  # "Rusia memuji ..." is voiced by Rusia
    assert korea["about_n"] == 2 and korea["voiced_n"] == 0


def test_residents_voicing_a_hardship_leave_their_place_what_it_is_about():
    body = "Warga Sumenep mengeluhkan kelangkaan elpiji. Warga Desa Wadas menolak penambangan."
    mentions = pd.DataFrame([mention("a1", body, "Sumenep", "loc:sumenep"),
                             mention("a1", body, "Desa Wadas", "loc:desa-wadas")])
    table = score_actors(pd.DataFrame([article("a1", body)]), mentions=mentions, model=LEXICON)
    rows = table[table["scope"] == "article"].set_index("actor_id")
    sumenep, wadas = rows.loc["loc:sumenep"], rows.loc["loc:desa-wadas"]
    assert sumenep["about_label"] == "negative" and sumenep["voiced_n"] == 0
    assert wadas["about_n"] == 0 and wadas["voiced_n"] == 1  # a view: the village holds it with its residents


@pytest.mark.parametrize("compiled", [True, False])
def test_residents_of_a_place_voicing_a_hardship_in_english(monkeypatch, compiled):
    from warta.sentiment import targets

    if not compiled:
        monkeypatch.setattr(targets, "_stance_holders", None)
    body = "Residents of Bekasi complained about piles of garbage along the road."
    mentions = pd.DataFrame([mention("a1", body, "Bekasi", "loc:bekasi")])
    table = score_actors(pd.DataFrame([article("a1", body)]), mentions=mentions, model=LEXICON)
    bekasi = table[table["scope"] == "article"].set_index("actor_id").loc["loc:bekasi"]
    assert bekasi["about_label"] == "negative" and bekasi["voiced_n"] == 0


def test_actor_table_aggregates_over_the_corpus():
    second = "Korea Utara dikecam karena uji coba rudal."
    frame = pd.DataFrame([article("a1", ACTOR_BODY), article("a2", second)])
    mentions = pd.concat([actor_mentions(), pd.DataFrame([mention("a2", second, "Korea Utara", "loc:korea-utara")])])
    table = score_actors(frame, mentions=mentions, model=LEXICON)
    corpus = table[table["scope"] == "corpus"].set_index("actor_id")
    assert corpus.loc["loc:korea-utara", "about_n"] == 3
    assert {e["article_id"] for e in corpus.loc["loc:korea-utara", "about_evidence"]} == {"a1", "a2"}
    assert (table[table["scope"] == "corpus"]["article_id"] == "").all()


def test_quote_speakers_voice_their_sentence():
    body = "“Kami tidak khawatir dengan perjalanan Putin,” kata juru bicara itu."
    mentions = pd.DataFrame([mention("a1", body, "Putin", "per:vladimir-putin", "PER")])
    quotes = pd.DataFrame([{"article_id": "a1", "sentence_id": 0, "speaker_id": "per:john-kirby",
                            "speaker": "John Kirby", "text": "Kami tidak khawatir dengan perjalanan Putin",
                            "kind": "direct"}])
    table = score_actors(pd.DataFrame([article("a1", body)]), mentions=mentions, quotes=quotes, model=LEXICON)
    rows = table[table["scope"] == "article"].set_index("actor_id")
    assert rows.loc["per:john-kirby", "voiced_n"] == 1
    assert rows.loc["per:vladimir-putin", "about_n"] == 1


def test_postposed_reporting_verb_names_the_holder():
    body = "Kerja sama itu berbahaya, kata Blinken."
    mentions = pd.DataFrame([mention("a1", body, "Blinken", "per:antony-blinken", "PER")])
    table = score_actors(pd.DataFrame([article("a1", body)]), mentions=mentions, model=LEXICON)
    row = table[table["scope"] == "article"].iloc[0]
    assert row["voiced_n"] == 1 and row["about_n"] == 0


def test_no_mentions_gives_an_empty_table():
    table = score_actors(pd.DataFrame([article("a1", BODY)]), mentions=pd.DataFrame(), model=LEXICON)
    assert table.empty and "about_evidence" in table.columns


def test_share_of_voice_has_wilson_intervals():
    frame = pd.DataFrame([article("a1", ACTOR_BODY)])
    voice = share_of_voice(score_actors(frame, mentions=actor_mentions(), model=LEXICON))
    assert set(voice["actor_id"]) == {"loc:amerika-serikat", "loc:rusia"}
    assert voice["share"].sum() == pytest.approx(1.0)
    assert (voice["low"] <= voice["share"]).all() and (voice["share"] <= voice["high"]).all()


# --------------------------------------------------------------------------- trained models and engines


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("model")
    rows = [("makanan nya enak sekali", "positive"), ("pelayanan ramah dan cepat", "positive"),
            ("tempat nya bersih nyaman", "positive"), ("harga murah rasa enak", "positive"),
            ("makanan nya basi dan mahal", "negative"), ("pelayanan lambat sekali", "negative"),
            ("tempat nya kotor bau", "negative"), ("kecewa dengan rasa nya", "negative"),
            ("saya makan di sini kemarin", "neutral"), ("restoran ini buka jam sembilan", "neutral"),
            ("menu nya nasi dan ayam", "neutral"), ("saya datang bersama keluarga", "neutral")] * 3
    data = folder / "train.tsv"
    data.write_text("".join(f"{t}\t{l}\n" for t, l in rows) + "baris rusak tanpa label\n", encoding="utf-8")
    metrics = train_model(str(data), out=folder / "model.json.gz")
    return folder / "model.json.gz", metrics


def test_train_model_writes_a_small_loadable_model(tiny_model):
    path, metrics = tiny_model
    assert path.is_file() and metrics["bytes"] == path.stat().st_size < 5_000_000
    assert metrics["n_train"] == 36 and metrics["n_skipped"] == 1 and metrics["skipped"][0]["line"] == 37
    assert set(metrics["held_out"]) >= {"macro_f1", "accuracy", "ece", "confusion_matrix"}
    engine = load_engine(str(path))
    assert score_text("makanan nya enak dan pelayanan ramah", engine=engine).label == "positive"
    table = score_sentences(pd.DataFrame([article("a1", BODY)]), model=str(path))
    assert len(table) == 4 and table["probability"].between(0, 1).all()


_REVIEWS = [("makanan nya enak sekali", "positive"), ("pelayanan ramah dan cepat", "positive"),
            ("tempat nya bersih nyaman", "positive"), ("makanan nya basi dan mahal", "negative"),
            ("pelayanan lambat sekali", "negative"), ("tempat nya kotor bau", "negative"),
            ("saya makan di sini kemarin", "neutral"), ("menu nya nasi dan ayam", "neutral")] * 3
# "gonjang" and "sentosa" are no lexicon cues: only a head trained on these rows reads them.
_NEWS = [("Pemerintah provinsi gonjang pekan ini", "negative"), ("Bupati kabupaten gonjang lagi", "negative"),
         ("Kementerian daerah gonjang tahun ini", "negative"), ("Pemerintah provinsi sentosa pekan ini", "positive"),
         ("Bupati kabupaten sentosa lagi", "positive"), ("Kementerian daerah sentosa tahun ini", "positive"),
         ("Pemerintah provinsi menggelar rapat pekan ini", "neutral"), ("Bupati kabupaten meninjau lokasi", "neutral"),
         ("Kementerian daerah menggelar rapat tahun ini", "neutral")] * 3


def _labelled_file(path, rows):
    path.write_text("".join(f"{text}\t{label}\n" for text, label in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny_default_model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("default")
    reviews, news = _labelled_file(folder / "reviews.tsv", _REVIEWS), _labelled_file(folder / "news.tsv", _NEWS)
    lines = folder / "news_lines.txt"
    lines.write_text("Pemerintah provinsi menggelar rapat kabupaten\nKementerian daerah meninjau bupati\n" * 5,
                     encoding="utf-8")
    result = build_default_model([reviews], [news], [lines], out=folder / "default.json.gz", review_weight=0.1)
    return folder / "default.json.gz", result


def test_the_default_model_reads_news_with_its_news_head(tiny_default_model):
    path, result = tiny_default_model
    assert result["news_head"]["n_news"] == len(_NEWS) and result["news_head"]["review_weight"] == 0.1
    engine = LinearEngine(path)
    assert engine.news_head is not None and engine.fallback is None
    texts = ["Pemerintah provinsi gonjang lagi", "Bupati kabupaten sentosa pekan ini"]
    assert [p.label for p in engine.predict(texts, [[], []])] == ["negative", "positive"]
    assert engine.news_probability(texts).min() > 0.5


def test_a_batch_reads_as_its_texts_one_by_one():
    # The heads share one batch's n-grams and cue features: the same predictions as text by text.
    engine, lexicon = load_engine(None), load_lexicon()
    texts = ["Rupiah menguat tajam terhadap dolar AS, kata analis.", "Pelayanannya lambat banget, kecewa!!",
             "", "Makanannya enak dan murah, recommended deh", "IHSG ditutup anjlok 2 persen akibat aksi jual.",
             "Banjir merendam 200 rumah di Bekasi.",
             "Pemerintah Provinsi Jawa Barat menetapkan status tanggap darurat bencana setelah banjir melanda "
             "Kabupaten Bandung dan Kabupaten Garut."]
    cues = [lexicon.find_cues(text) for text in texts]
    together = engine.predict(texts, cues)
    alone = [engine.predict([text], [found])[0] for text, found in zip(texts, cues)]
    assert [p.label for p in together] == [p.label for p in alone]
    assert all(abs(a.score - b.score) < 1e-12 and abs(a.probability - b.probability) < 1e-12
               for a, b in zip(together, alone))


def test_the_n_grams_of_some_rows_are_those_of_their_texts():
    features = load_engine(None).head.features
    tokens = [features.tokenize([text])[0] for text in ("harga cabai naik", "", "rupiah menguat tajam hari ini")]
    grams = features.grams(tokens)
    assert grams.lengths == [5, 0, 9] and grams.rows([2, 0]) == features.grams([tokens[2], tokens[0]])
    assert grams.rows([]) == features.grams([])


def test_a_gated_model_without_a_news_head_mixes_in_the_lexicon(tiny_default_model, tmp_path):
    import gzip
    import json

    path, _ = tiny_default_model
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        model = json.load(handle)
    del model["news"]
    older = tmp_path / "older.json.gz"
    with gzip.open(older, "wt", encoding="utf-8") as handle:
        json.dump(model, handle)
    engine = LinearEngine(older)
    assert engine.news_head is None and isinstance(engine.fallback, LexiconEngine)
    # Neither the lexicon nor the review model knows "gonjang": the news reading is gone.
    assert engine.predict(["Pemerintah provinsi gonjang lagi"], [[]])[0].label != "negative"


def test_rows_of_small_weight_only_help_the_fit(tmp_path):
    texts, labels = [t for t, _ in _NEWS], [label for _, label in _NEWS]
    helpers = [t for t, _ in _REVIEWS]
    head, held = fit_linear(texts + helpers, labels + [label for _, label in _REVIEWS],
                            weights=[1.0] * len(texts) + [0.1] * len(helpers))
    assert held["n"] == math.ceil(0.15 * len(texts))  # the held-out split is drawn from the news rows alone
    assert {"gonjang", "enak"} <= set(head["vocabulary"])  # both kinds of rows were fitted
    with pytest.raises(WartaError, match="weight 1 or more"):
        fit_linear(texts, labels, weights=[0.5] * len(texts))


def test_the_crossval_command_prints_json_and_refuses_a_single_file(tmp_path, capsys):
    import json

    from warta.sentiment.training import main

    files = [str(_labelled_file(tmp_path / f"news{k}.tsv", _NEWS[k::3])) for k in range(3)]
    main(["crossval", "--news", *files, "--review-weight", "0.1"])
    result = json.loads(capsys.readouterr().out)
    assert result["n"] == 27 and result["review_weight"] == 0.1 and list(result["files"]) == files
    with pytest.raises(WartaError, match="two news files or more"):
        main(["crossval", "--news", files[0]])


def test_a_fold_never_trains_on_a_sentence_it_reads(tmp_path, monkeypatch):
    from warta.sentiment import training

    files = [_labelled_file(tmp_path / f"news{k}.tsv", _NEWS[k::3]) for k in range(3)]
    files.append(_labelled_file(tmp_path / "again.tsv", _NEWS[0:9:3]))  # news0.tsv's sentences once more
    trained_on = []
    fit = training.fit_linear
    monkeypatch.setattr(training, "fit_linear", lambda texts, *args, **kwargs: (trained_on.append(set(texts)),
                                                                                 fit(texts, *args, **kwargs))[1])
    training.cross_validate_news(files, [], review_weight=0.1)
    for path, texts in zip(files, trained_on):
        assert not texts & set(training.read_labelled(path).texts)


BENCHMARK_DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"
# Held out: from the default model's news head (lib/warta/models/sentiment_README.md), and from
# the rules' tuning (benchmarks/README.md).
HELD_OUT = ["news_holdout22.tsv", "news_holdout25.tsv", "news_holdout26.tsv", "news_holdout27.tsv",
            "actors_holdout51.tsv", "actors_holdout54.tsv", "actors_holdout55.tsv", "actors_holdout56.tsv",
            "quotes_holdout.tsv", "quotes_holdout2.tsv", "quotes_headlines_holdout.tsv", "quotes_offices_holdout.tsv",
            "headlines_holdout.tsv"]


@pytest.mark.parametrize("held_out", HELD_OUT)
def test_a_held_out_set_shares_no_sentence_with_the_others(held_out):
    kind = held_out.split("_")[0]
    sentences = {path.name: {line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()
                             if "\t" in line and not line.startswith("#")}
                 for path in BENCHMARK_DATA.glob(f"{kind}_*.tsv")}
    assert sentences.get(held_out)
    others = set().union(*(texts for name, texts in sentences.items() if name != held_out))
    assert not sentences[held_out] & others


def test_cross_validation_leaves_each_news_file_out(tmp_path):
    files = [_labelled_file(tmp_path / f"news{k}.tsv", _NEWS[k::3]) for k in range(3)]
    result = cross_validate_news(files, [_labelled_file(tmp_path / "reviews.tsv", _REVIEWS)], review_weight=0.1)
    assert [row["n"] for row in result["files"].values()] == [9, 9, 9] and result["n"] == 27
    assert set(result["pooled"]) == {"news_head", "lexicon"}
    assert result["pooled"]["news_head"] > result["pooled"]["lexicon"]  # the lexicon knows none of the news words


@pytest.mark.parametrize("name, message", [
    ("/no/such/model.json.gz", "not found"),
    ("hf:/no/such/folder", "transformers|config.json"),
])
def test_bad_model_names_give_clear_errors(name, message):
    with pytest.raises(WartaError, match=message):
        load_engine(name)


def test_a_file_that_is_not_a_model_is_refused(tmp_path):
    bogus = tmp_path / "model.json.gz"
    bogus.write_text("not gzip", encoding="utf-8")
    with pytest.raises(WartaError, match="not a warta sentiment model"):
        load_engine(str(bogus))


@pytest.mark.skipif(importlib.util.find_spec("transformers") is None or importlib.util.find_spec("torch") is None,
                    reason="optional extra warta[transformers] (torch, transformers) is not installed")
def test_transformers_engine_with_a_tiny_local_model(tmp_path):
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "harga", "saham", "anjlok", "naik", "warga", "senang"]
    (tmp_path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    BertTokenizer(str(tmp_path / "vocab.txt")).save_pretrained(tmp_path)
    config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, num_labels=3,
                        id2label={0: "negative", 1: "neutral", 2: "positive"},
                        label2id={"negative": 0, "neutral": 1, "positive": 2})
    BertForSequenceClassification(config).save_pretrained(tmp_path)
    engine = load_engine(f"hf:{tmp_path}")
    result = score_text("Harga saham anjlok.", engine=engine)
    assert result.label in {"negative", "neutral", "positive"} and 0 < result.probability <= 1
    assert [c.term for c in result.cues] == ["harga saham"]  # evidence still comes from the lexicon


# --------------------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seed_tables():
    from warta.load import load_corpus

    articles = load_corpus("seeds")
    usable = articles[articles["status"] != "rejected"]
    sentences = score_sentences(usable)
    return usable, sentences, score_articles(usable, sentences=sentences)


def test_seed_labels_trace_to_evidence(seed_tables):
    _, sentences, articles = seed_tables
    assert len(articles) == 5
    for row in articles.itertuples():
        if row.label != "neutral":
            assert row.evidence, row.article_id
        known = set(sentences[sentences["article_id"] == row.article_id]["sentence_id"]) | {-1}
        assert {item["sentence_id"] for item in row.evidence} <= known


def test_seed_actor_labels_trace_to_evidence(seed_tables):
    from warta.actors import extract_mentions, extract_quotes

    articles, sentences, _ = seed_tables
    mentions = extract_mentions(articles)
    table = score_actors(articles, mentions=mentions, quotes=extract_quotes(articles, mentions), sentences=sentences)
    known = {(a, s) for a, s in zip(sentences["article_id"], sentences["sentence_id"])}
    assert len(table) and set(table["scope"]) == {"article", "corpus"}
    for side in ("about", "voiced"):
        labelled = table[table[f"{side}_n"] > 0]
        assert (labelled[f"{side}_label"] != "").all()
        for scope, article_id, items in zip(labelled["scope"], labelled["article_id"], labelled[f"{side}_evidence"]):
            cited = ({(e["article_id"], e["sentence_id"]) for e in items} if scope == "corpus"
                     else {(article_id, sentence_id) for sentence_id in items})
            assert items and cited <= known


def test_seed_001_vendor_label_is_compared(seed_tables):
    _, _, articles = seed_tables
    with_vendor = articles[articles["vendor_label"] != ""]
    assert len(with_vendor) == 1
    row = with_vendor.iloc[0]
    assert row["vendor_label"] == "positive" and row["vendor_confidence"] == pytest.approx(0.842)
    assert row["label"] == "negative" and not row["agrees"]
    assert "prihatin" in row["disagreement_reason"] or "khawatir" in row["disagreement_reason"] \
        or "invasi" in row["disagreement_reason"]


def test_describe_and_evidence_table():
    vendor = {"sentiment": "positif", "sentiment_confidence": 84.2}
    frame = pd.DataFrame([article("a1", "Gempa merusak rumah. Warga khawatir.", vendor=vendor),
                          article("a2", "Warga senang dan bangga.")])
    table = score_articles(frame, model=LEXICON)
    text = describe(table)
    assert text.startswith("2 articles: **1 negative** (50%; 95% interval 9%–91%)")
    assert "intervals are wide" in text and "warta agrees with 0" in text
    trail = evidence_table(table)
    assert set(trail["article_id"]) == {"a1", "a2"} and (trail["cues"] != "").all()


# --------------------------------------------------------------------------- remedy and rehearsal modifiers


@pytest.mark.parametrize("text, term, sign, modifier", [
    ("Pemerintah memberantas korupsi di daerah.", "korupsi", +1, "reversed"),
    ("Program itu fokus pada pencegahan stunting.", "stunting", +1, "reversed"),
    ("Polisi menangkap pelaku pencurian motor.", "pencurian", +1, "reversed"),
    ("Warga membersihkan sisa banjir di kampung.", "banjir", +1, "reversed"),
    ("Pemerintah menggelar simulasi tsunami di Padang.", "tsunami", -1, "diminished"),
    # A repair reaches the damage past the thing mended.
    ("Pemkot Medan memperbaiki 50 ruas jalan rusak dalam sebulan.", "rusak", +1, "reversed"),
    ("Dinas PU merenovasi sekolah yang rusak.", "rusak", +1, "reversed"),
    ("BSSN memulihkan layanan publik yang terdampak serangan siber.", "terdampak", +1, "reversed"),
    ("BNN memusnahkan 1,2 ton sabu hasil sitaan.", "sabu", +1, "reversed"),
    ("Petugas Damkar menyelamatkan seekor kucing yang terjebak di saluran air.", "terjebak", +1, "reversed"),
    ("Polisi menyelamatkan korban banjir.", "banjir", +1, "reversed"),  # the victims' disaster too
    # A recall takes the tainted thing off the market; treating or eliminating a disease fights it.
    ("BPOM menarik peredaran obat sirup yang tercemar etilen glikol.", "tercemar", +1, "reversed"),
    ("Pemerintah menargetkan eliminasi tuberkulosis pada 2030.", "tuberkulosis", +1, "reversed"),
    ("Puskesmas memberikan pengobatan malaria gratis.", "malaria", +1, "reversed"),
    # A count and its unit between a remedy and what it seizes do not count against its reach.
    ("Bea Cukai menggagalkan penyelundupan 50 kilogram sabu.", "sabu", +1, "reversed"),
    ("Satgas menyita 1 juta hektare kebun sawit ilegal.", "ilegal", +1, "reversed"),
    # Uncovering a ring fights it; a licence revoked mends what it was revoked for, past the thing.
    ("Polisi berhasil mengungkap jaringan perdagangan orang ke Kamboja.", "perdagangan orang", +1, "reversed"),
    ("BPOM mencabut izin edar obat sirop yang tercemar etilen glikol.", "tercemar", +1, "reversed"),
])
def test_remedy_and_rehearsal_words_change_the_cue_they_govern(text, term, sign, modifier):
    found = {name: (weight, mods) for name, weight, mods in cues(text)}
    weight, mods = found[term]
    assert weight * sign > 0 and modifier in mods


@pytest.mark.parametrize("text, term", [
    ("Ia menangkap peluang ekspor yang besar.", "peluang"),        # a remedy never touches a good word
    ("Korupsi itu tidak kunjung diberantas.", "korupsi"),         # only forward, only the listed forms
    ("Pemerintah memberantas, lalu kasus korupsi muncul lagi.", "korupsi"),  # not across a clause
    ("Warga memperbaiki tanggul setelah banjir.", "banjir"),      # a repair does not reach a cause
    ("Warga mengeluhkan perbaikan jalan rusak yang lambat.", "lambat"),  # only the first damage
    ("Pemkot gagal memperbaiki jalan rusak.", "rusak"),           # a failed repair mends nothing
])
def test_remedy_words_leave_other_cues_alone(text, term):
    found = {name: mods for name, _, mods in cues(text)}
    if term in found:
        assert "reversed" not in found[term]


@pytest.mark.parametrize("text, expected", [
    # Failing turns the good thing it governs bad, and the failure word is used up.
    ("Jonatan Christie gagal melaju ke final.", [("melaju", -1)]),
    ("Timnas gagal menang atas Vietnam.", [("menang", -1)]),
    ("Ia gagal meraih medali emas.", [("meraih", -1), ("medali emas", -1)]),
    # A failed remedy leaves the bad thing bad.
    ("Pemerintah gagal mencegah korupsi di daerah.", [("mencegah", -1), ("korupsi", -1)]),
    # Alone, or before a bad thing, the failure word is a cue of its own; phrases keep theirs.
    ("Rencana itu gagal.", [("gagal", -1)]),
    ("Program itu gagal total dan merugikan negara.", [("gagal", -1), ("merugikan", -1)]),
    ("Petani mengalami gagal panen akibat kekeringan.", [("gagal panen", -1), ("kekeringan", -1)]),
    # A failure word opening a phrase names a disease or a loss: it fails nothing after it.
    ("Kasus gagal ginjal meningkat.", [("gagal ginjal", -1)]),
    ("Kasus gagal ginjal akut menurun.", [("gagal ginjal akut", 1)]),
    # Pressing down a bad amount is good, and failing to is bad.
    ("Pemerintah berhasil menekan inflasi.", [("berhasil", 1), ("menekan inflasi", 1)]),
    ("Pemerintah gagal menekan inflasi.", [("menekan inflasi", -1)]),
    # An outcome after a change word is neither reversed nor scaled by it.
    ("Upaya menekan kasus Covid-19 berhasil.", [("menekan kasus", 1), ("berhasil", 1)]),
    # A negator right before the failure word negates the failure, not the good thing.
    ("Timnas tidak gagal menang.", [("menang", 1)]),
    ("Rencana itu tidak gagal.", [("gagal", 1)]),
    # The good thing that failed, named right before the failure word (or with a determiner).
    ("Upaya damai gagal.", [("damai", -1)]),
    ("Perundingan damai itu gagal mencapai kesepakatan.", [("damai", -1), ("kesepakatan", -1)]),
    ("Upaya damai tidak gagal.", [("damai", 1), ("gagal", 1)]),
    ("Timnas menang, lawannya gagal.", [("menang", 1), ("gagal", -1)]),  # not across a clause
    # A plan called off: the good thing it would have been turns bad.
    ("Tesla batal membangun pabrik mobil listrik di Indonesia.", [("membangun pabrik", -1)]),
])
def test_failure_words_turn_the_good_thing_they_govern_bad(text, expected):
    assert [(name, 1 if weight > 0 else -1) for name, weight, _ in cues(text)] == expected


@pytest.mark.parametrize("text, label", [
    # An amount is news only when it rises or falls (amounts.tsv: the weight of a rise).
    ("Ekspor nikel naik 20 persen.", "positive"),
    ("Ekspor nikel tercatat 5 juta ton.", "neutral"),
    ("Penjualan semen nasional turun 5 persen.", "negative"),
    ("Inflasi Juni turun.", "positive"),
    ("Kasus baru Covid-19 meningkat.", "negative"),
    ("Kasus itu disidangkan hari ini.", "neutral"),
    ("Status kasus itu naik ke tahap penyidikan.", "neutral"),  # a case moving on, not more cases
    ("Cadangan devisa naik menjadi 140 miliar dolar AS.", "positive"),
    ("Inflasi tidak naik.", "neutral"),  # a negated change is none
    # The prices of daily needs, and a country's debt.
    ("Harga beras naik.", "negative"),
    ("Harga cabai melonjak tajam menjelang Lebaran.", "negative"),
    ("Harga BBM dinaikkan mulai besok.", "negative"),
    ("Jumlah penumpang kereta cepat menembus 5 juta orang.", "positive"),  # a mark passed is a rise
    ("Harga tiket Candi Borobudur naik menjadi Rp 750.000.", "negative"),
    ("Harga minyak dunia melonjak.", "negative"),
    ("Kementerian Haji mengumumkan pemangkasan biaya haji sebesar Rp 1 juta.", "positive"),
    ("Jumlah pelanggan Telkomsel turun 5 juta dalam setahun.", "negative"),
    ("Harga minyak goreng turun di pasar tradisional.", "positive"),
    ("Harga beras medium tercatat Rp 12.500 per kilogram.", "neutral"),
    ("Utang luar negeri Indonesia meningkat.", "negative"),
    ("Utang luar negeri Indonesia tercatat 400 miliar dolar AS.", "neutral"),
    ("Impor beras meningkat tajam.", "negative"),
    ("Pemerintah menaikkan upah minimum sebesar 6,5 persen.", "positive"),
    ("Harga saham BBCA naik 3 persen.", "positive"),
    ("Harga emas Antam turun Rp 10.000 per gram.", "neutral"),  # market news, not a medal lost
    # A problem put down: in the passive after it, or by a remedy before it.
    ("Kebakaran hutan di Riau berhasil dipadamkan.", "positive"),
    ("Banjir mulai surut.", "positive"),
    ("Bom berhasil dijinakkan tim Gegana.", "positive"),
    ("Petugas memadamkan kebakaran di pasar.", "positive"),
    ("Listrik dipadamkan selama lima jam.", "negative"),
    ("Angka kecelakaan lalu lintas selama mudik menurun.", "positive"),
    ("Pemerintah memblokir ribuan situs judi online.", "positive"),
    ("Jumlah perokok anak terus bertambah.", "negative"),
    ("Rugi bersih perusahaan membengkak.", "negative"),  # the net of a loss is not clean
    ("Rugi bersih perseroan turun 30 persen.", "positive"),
    ("Ribuan guru honorer belum menerima gaji selama tiga bulan.", "negative"),
    ("Kuota haji Indonesia bertambah 20 ribu jemaah.", "positive"),
    ("Pemerintah resmi menaikkan PPN menjadi 12 persen.", "negative"),
    ("Elektabilitas partai itu naik signifikan.", "positive"),
    ("Elektabilitas calon itu 20 persen.", "neutral"),
    ("MK mengabulkan sebagian gugatan pemohon.", "positive"),
    ("Stok vaksin menipis di sejumlah puskesmas.", "negative"),
    ("Vaksinasi polio menjangkau 95 persen anak.", "positive"),  # the disease vaccinated against
    ("Upaya menggagalkan penyelundupan berhasil.", "positive"),
    ("Pabrik sepatu itu menutup operasinya dan merumahkan 1.200 karyawan.", "negative"),
    ("Ketegangan di kawasan itu mereda.", "positive"),
    ("Sanksi terhadap Iran dicabut.", "positive"),
    ("AS mencabut sanksi terhadap Suriah.", "positive"),
    ("Pemerintah mencabut subsidi BBM.", "negative"),
    ("Perundingan nuklir Iran menemui jalan buntu.", "negative"),
    ("Investor asing mencatatkan aksi jual bersih Rp 1 triliun.", "negative"),  # net, not clean
    ("Bank Indonesia menurunkan suku bunga acuan 25 basis poin.", "positive"),
    ("The Fed menaikkan suku bunga.", "negative"),
    ("Suku bunga acuan turun menjadi 5,75 persen.", "positive"),
    ("Bank Indonesia menahan suku bunga acuan di level 6 persen.", "neutral"),
    ("Pemerintah menetapkan status tanggap darurat bencana.", "negative"),  # not "tanggap", responsive
    ("Jembatan darurat selesai dibangun, akses warga kembali normal.", "positive"),
    # Words of aspect before the change belong to it; a raise of an amount before it counts,
    # a cut is the subject's deed ("mengurangi produksi gas metana" is no lost output).
    ("Harga cabai di pasar tradisional Jakarta mulai turun.", "positive"),
    ("Jumlah penumpang kereta cepat Whoosh terus bertambah.", "positive"),
    ("UMKM binaan pemerintah mampu meningkatkan omzet dua kali lipat.", "positive"),
    ("Mesin itu bisa mengurangi produksi gas metana.", "neutral"),
    ("Angka perceraian di Indramayu meningkat.", "negative"),
    ("Penumpang turun di Stasiun Manggarai.", "neutral"),  # alighting, not fewer passengers
    # A place among the best reads well, a rank's fall badly.
    ("Universitas Gadjah Mada masuk peringkat 250 besar dunia.", "positive"),
    ("Persib turun peringkat di klasemen sementara Liga 1.", "negative"),
    # A catch falls as bad news.
    ("Hasil tangkapan nelayan lokal disebut turun drastis dalam tiga bulan terakhir.", "negative"),
    ("Peringkat daya saing Indonesia naik tiga tingkat.", "positive"),
    ("Timnas Indonesia naik peringkat FIFA.", "positive"),
    ("Tim itu berada di peringkat terbawah klasemen.", "negative"),
])
def test_an_amount_weighs_by_its_rise_or_fall(text, label):
    assert score_text(text, engine=LEXICON).label == label


@pytest.mark.parametrize("text, terms", [
    # A word of a name is no cue: a palace, a party, a cabinet, a police command.
    ("Presiden menerima kunjungan Perdana Menteri Malaysia di Istana Merdeka.", []),
    ("Ketua Umum Partai Keadilan Sejahtera hadir dalam rapat itu.", []),
    ("Survei itu menilai kinerja Kabinet Indonesia Bersatu selama lima tahun.", []),
    ("Kasus itu ditangani Polda Metro Jaya sejak pekan lalu.", []),
    # A capital that opens a sentence or a quote says nothing of a name.
    ("Banjir Jakarta merendam ratusan rumah.", ["banjir", "rendam"]),
    ('Ia berkata, "Sukses selalu untuk kalian."', ["sukses"]),
    # A title-case headline: every word capitalised, and every cue read.
    ("Banjir Rendam Ratusan Rumah Warga Di Semarang", ["banjir", "rendam"]),
    # Lower case, the word is a cue again.
    ("Rakyat ingin hidup merdeka dan sejahtera.", ["merdeka", "sejahtera"]),
])
def test_a_word_of_a_name_is_no_cue(text, terms):
    assert [term for term, _, _ in cues(text)] == terms


@pytest.mark.parametrize("text, terms", [
    # A nasal prefix ate the root's first letter: moving is no beauty, wearing no tastiness.
    ("Pemerintah mengkaji jadwal pemindahan aparatur sipil negara.", []),
    ("Ia mengenakan baju batik.", []),
    # Where Sastrawi errs, stripping affixes still finds the entry.
    ("Persib memenangi laga itu.", ["menang"]),
    # A patient group served (only the service opened is a cue), waiting for certainty, an election dispute: no cue.
    ("Rumah sakit membuka layanan cuci darah bagi pasien gagal ginjal.", ["membuka layanan"]),
    ("Sejumlah pegawai masih menunggu kepastian jadwal.", []),
    ("MK menggelar sidang perkara perselisihan hasil pilkada.", []),
    ("Siswa mengalami mual dan muntah.", ["mual", "muntah"]),
    ("Pengadilan memvonis bebas seorang aktivis.", ["memvonis bebas"]),
    ("Sidang beragenda pemeriksaan kelengkapan berkas para pihak.", []),
    # The pandemic as a time is no disease news; a sell-out is good news.
    ("Rute itu sempat dihentikan selama pandemi.", []),
    ("Tiket penerbangan perdana terjual habis dalam dua hari.", ["penerbangan perdana", "terjual habis"]),
    ("Pemerintah Tambah Kuota Haji 20.000 Jemaah", ["tambah kuota"]),
    ("Bandara Kertajati Mulai Layani Penerbangan Umrah", ["mulai layani"]),
    # Business people are no culprits, a deadline no delay, an adjustment no fit.
    ("Keputusan itu diambil setelah mendengar masukan dari pelaku usaha.", []),
    ("Gubernur diminta menetapkan UMP paling lambat Desember.", []),
    ("Direktur menyebut penyesuaian iuran menjadi salah satu opsi.", []),
    # Procedure, not praise; street racing is bad news.
    ("Laporan lengkap dirilis dalam forum ekonomi di Jakarta.", []),
    ("Komisi I DPR menggelar uji kelayakan dan kepatutan calon panglima.", []),
    ("Polisi membubarkan aksi balap liar di Cirebon.", ["balap liar"]),
    # Smooth going, a trading halt, a warm welcome, a new academy.
    ("Kemenag memberangkatkan jemaah haji tanpa kendala berarti.", ["memberangkatkan jemaah", "tanpa kendala"]),
    ("Bursa Efek Indonesia menghentikan sementara perdagangan saham PT Sritex.",
     ["menghentikan sementara perdagangan"]),
    ("Warga menyambut kedatangan gubernur di Nias.", ["menyambut kedatangan"]),
    ("Apple membuka akademi pengembang ketiga di Batam.", ["membuka akademi"]),
    # Diseases the health pages count.
    ("Kasus tuberkulosis di Indonesia mencapai satu juta.", ["tuberkulosis"]),
    ("Peternakan itu terjangkit flu burung.", ["flu burung"]),
    # What strikes, a startup funded, a park reopened, a crisis as a time.
    ("Ombak setinggi empat meter menghantam permukiman nelayan.", ["menghantam"]),
    ("Perusahaan rintisan itu mendapatkan pendanaan seri A.", ["mendapatkan pendanaan"]),
    ("Taman Nasional Komodo dibuka kembali untuk wisatawan.", ["dibuka kembali"]),
    ("Angka itu terendah sejak krisis 1998.", ["terendah"]),
    # A phrase cue's first word is no modifier of the cue before it.
    ("Ekspor kopi Gayo menembus pasar Eropa.", ["menembus pasar"]),
    # Talks are no agreement; reserves found, state losses returned, a coach appointed.
    ("Menlu Sugiono bertemu Menlu China membahas kerja sama maritim.", []),
    ("Perusahaan itu menemukan cadangan gas baru di lepas pantai.", ["menemukan cadangan"]),
    ("Kejati menyerahkan uang pengganti kerugian negara ke kas daerah.", ["uang pengganti kerugian negara"]),
    ("PSSI mengumumkan Patrick Kluivert sebagai pelatih baru Timnas.", ["sebagai pelatih baru"]),
    # Calling off: "batal" is bad news, calling something off negates it, a charge void by law is neither.
    ("Rencana itu batal.", ["batal"]),
    ("Pemerintah membatalkan rencana itu.", []),
    ("Dakwaan itu batal demi hukum.", ["dakwaan"]),
    # Grants, investment pledged, a state recognised.
    ("Jepang memberikan hibah Rp 1 triliun untuk pelabuhan Patimban.", ["memberikan hibah"]),
    ("Microsoft mengumumkan investasi Rp 27 triliun di Indonesia.", ["mengumumkan investasi"]),
    ("Prancis mengakui negara Palestina.", ["mengakui negara"]),
    # Service restored, mangroves planted, port traffic counted.
    ("KAI mengoperasikan kembali kereta api Jakarta-Surabaya.", ["mengoperasikan kembali"]),
    ("Dinas itu menanam 10.000 pohon mangrove di pesisir.", ["menanam pohon", "mangrove"]),
    # A count inside a phrase, after its first word.
    ("Indomaret membuka 1.000 gerai baru sepanjang tahun ini.", ["membuka gerai"]),
    ("Festival itu dipadati puluhan ribu wisatawan.", ["dipadati wisatawan"]),
    ("Ia mencetak 28 gol musim ini.", ["mencetak gol"]),
    ("Toko itu membuka 24 jam.", []),  # no phrase after the count
    # Arson; not fat burnt.
    ("Kelompok bersenjata membakar sekolah di Puncak Jaya.", ["kelompok bersenjata", "membakar"]),
    ("Olahraga itu membakar lemak.", []),
    # Capital injected, protest drawn, a foreign boat fishing, release from all charges.
    ("Danantara menyuntikkan modal Rp 10 triliun ke Garuda Indonesia.", ["menyuntikkan modal"]),
    ("Kebijakan itu menuai protes warganet.", ["menuai protes"]),
    ("Petugas menangkap kapal ikan asing di Natuna.", ["kapal ikan asing"]),
    ("Pengadilan memvonis lepas seorang pengusaha.", ["memvonis lepas"]),
    # An honorary doctorate, a licence obtained.
    ("Jokowi menerima gelar doktor kehormatan dari UGM.", ["doktor kehormatan"]),
    ("Apple akhirnya mendapatkan izin menjual iPhone di Indonesia.", ["mendapatkan izin"]),
    # What strikes a place; crops bred against a hazard; a clean audit opinion ("tanpa" negates nothing).
    ("Hujan es melanda sejumlah wilayah di Kota Bandung.", ["hujan es", "melanda"]),
    ("BRIN mengembangkan padi varietas baru yang tahan kekeringan.", ["tahan kekeringan"]),
    ("Pemprov mendapat opini Wajar Tanpa Pengecualian dari BPK.", ["wajar tanpa pengecualian"]),
    ("Bank Dunia memangkas proyeksi pertumbuhan ekonomi Indonesia.", ["memangkas proyeksi", "pertumbuhan"]),
    ("Kementan mengekspor 500 ton manggis ke China.", ["mengekspor"]),
    # Fitting oneself to a task is no praise; a reception is no friendliness.
    ("Para pejabat diminta segera menyesuaikan diri dengan tugas baru.", []),
    ("Acara ditutup dengan ramah tamah.", []),
    # Allowances unpaid; preservatives in food.
    ("Sejumlah guru di Nias belum menerima tunjangan sertifikasi.", ["belum menerima tunjangan"]),
    ("BPOM menemukan takjil berformalin di pasar.", ["berformalin"]),
    # A count's unit may stand before the phrase's rest; gambling, caught red-handed; AI is a topic.
    ("Perum Bulog menyerap 2 juta ton gabah petani.", ["menyerap gabah"]),
    ("Pabrik itu menyerap 1.200 orang tenaga kerja.", ["menyerap tenaga kerja"]),
    ("Dinas itu menanam 10.000 batang pohon mangrove.", ["menanam pohon", "mangrove"]),  # any unit a remedy skips
    # Hosting an event, a public service launched.
    ("Indonesia menjadi tuan rumah konferensi iklim.", ["menjadi tuan rumah"]),
    ("Pemerintah meluncurkan layanan paspor elektronik.", ["meluncurkan layanan"]),
    # Plants and research centres built or opened, certificates given.
    ("PT Freeport Indonesia membangun smelter tembaga di Gresik.", ["membangun smelter"]),
    ("Nvidia membuka pusat riset kecerdasan buatan di Batam.", ["membuka pusat"]),
    ("Kementerian memberikan sertifikat kepada 50 perusahaan.", ["memberikan sertifikat"]),
    # Green space, a road opened; a peaceful rally and gullibility read nothing.
    ("Pemkot membangun 10 taman kota untuk ruang terbuka hijau.", ["membangun taman"]),  # the green space is a name
    ("Jalan tol Trans Sumatera ruas Palembang-Jambi resmi beroperasi.", ["resmi beroperasi"]),
    ("Ribuan buruh menggelar aksi damai di depan gedung DPR.", []),
    ("Polisi mengimbau warga tidak mudah percaya pada tawaran itu.", []),
    # Home-made goods, a region that feeds others.
    ("PT Pindad meluncurkan kendaraan taktis buatan dalam negeri.", ["buatan dalam negeri"]),
    ("Kulon Progo menjadi lumbung pangan baru.", ["lumbung pangan"]),
    ("Polisi menembakkan gas air mata ke arah suporter.", ["gas air mata"]),
    ("Warga mengaku lega bisa meninggalkan pengungsian.", ["lega", "pengungsian"]),
    ("Gubernur Resmikan Jembatan Baru", ["resmikan"]),  # a headline drops the prefix
    ("Pabrik baterai pertama di Asia Tenggara mulai berproduksi di Karawang.", ["mulai berproduksi"]),
    ("Kebun binatang Ragunan menambah koleksi satwa baru.", ["menambah koleksi"]),
    # A quota cut.
    ("Arab Saudi memangkas kuota haji Indonesia sebesar 10 persen.", ["memangkas kuota"]),
    # A market's quiet day.
    ("Rupiah ditutup stagnan dan diperkirakan bergerak dalam rentang sempit.", []),
    # Staff laid off, counted in people or in a share of them.
    ("Startup itu memangkas 10 persen karyawannya.", ["memangkas karyawannya"]),
    ("Pabrik itu memberhentikan 1.200 pekerja.", ["memberhentikan pekerja"]),
    ("Perusahaan memangkas 5 persen biaya operasional.", []),  # a share of costs is no staff
    ("Anggota DPRD tertangkap tangan sedang berjudi.", ["tertangkap tangan", "judi"]),
    ("OpenAI meluncurkan model kecerdasan buatan terbaru.", []),
    # A cyclone and what it wrecks; a full concert; a dealership opened.
    ("Siklon tropis Seroja memporakporandakan ratusan rumah.", ["siklon", "memporakporandakan"]),
    ("Konser itu dipadati 50.000 penonton.", ["dipadati penonton"]),
    ("BYD membuka diler pertamanya di Surabaya.", ["membuka diler"]),
    # Clean water is a supply, waste management a service, modern retail a kind of shop.
    ("Pasokan air bersih di Kota Bogor terhenti selama tiga hari.", ["terhenti"]),
    ("Presiden menandatangani peraturan tentang pengelolaan sampah.", []),
    ("Gerai ritel modern tutup.", []),
    ("Pemerintah memperpanjang program diskon tarif listrik.", ["diskon"]),
    # Closing what was opened; adulteration; a tragedy commemorated.
    ("Ruangguru menutup kantor cabangnya di Vietnam.", ["menutup kantor"]),
    ("Satgas Pangan menemukan beras oplosan di gudang.", ["oplos"]),
    ("Mahasiswa menggelar aksi peringatan tragedi 1998.", []),
    # More trips, an ambassador of a campaign (not an envoy), exploitation.
    ("KAI menambah 30 perjalanan kereta selama Lebaran.", ["menambah perjalanan"]),
    ("Prilly menjadi duta kampanye antiperundungan.", ["menjadi duta"]),
    ("Ia pernah menjadi duta besar di Belanda.", []),
    ("Yayasan itu dilaporkan atas dugaan eksploitasi anak.", ["dilaporkan", "eksploitasi"]),
    # Remission, a scuffle, an overturned truck, a ceremonial session, a species found, a fare.
    ("Sebanyak 1.500 narapidana mendapat remisi khusus.", ["remisi"]),
    ("Aksi saling dorong terjadi di depan gedung DPRD.", ["saling dorong"]),
    ("Sebuah truk bermuatan semen terguling di tanjakan.", ["terguling"]),
    ("Gubernur berpidato dalam sidang paripurna istimewa DPRD.", []),
    ("Peneliti BRIN menemukan spesies anggrek baru.", ["menemukan spesies"]),
    ("Tarif ojek online resmi naik mulai bulan depan.", ["tarif ojek online"]),
    # Evictions, the table's lead, a listing, buying power kept up.
    ("Warga Kampung Bayam yang digusur belum mendapat hunian.", ["gusur"]),
    ("Thailand tetap memimpin klasemen perolehan medali.", ["memimpin klasemen"]),
    ("Dua puluh perusahaan melantai di bursa tahun ini.", ["melantai di bursa"]),
    ("Langkah itu akan menjaga daya beli masyarakat.", ["menjaga daya beli"]),
    # Recruited, a charity concert, entering without a permit, making trouble.
    ("Chelsea resmi merekrut Marselino Ferdinan.", ["rekrut"]),
    ("Denny Caknan menggelar konser amal untuk korban banjir.", ["konser amal", "korban", "banjir"]),
    ("Kapal itu memasuki perairan Natuna Utara tanpa izin.", ["tanpa izin"]),
    ("Warga asing itu membuat onar di Ubud.", ["onar"]),
    # Interest-free loans, investment welcomed, permission granted, an appointment.
    ("Kementerian meluncurkan program pinjaman tanpa bunga.", ["tanpa bunga"]),
    ("Menteri menyambut investasi pabrik kendaraan listrik.", ["menyambut investasi"]),
    ("Arab Saudi mengizinkan jemaah umrah masuk menggunakan visa turis.", ["mengizinkan"]),
    ("Taufik Hidayat dilantik menjadi Wakil Menteri.", ["dilantik menjadi"]),
    # Subsidised homes for the low-income; a referee struck and a ban.
    ("Perumnas meluncurkan rumah bersubsidi bagi pekerja berpenghasilan rendah.", ["rumah bersubsidi"]),
    ("Pemain itu dilarang bertanding karena memukul wasit.", ["dilarang bertanding", "memukul wasit"]),
    ("Jalan tol Trans Sumatera ruas Palembang-Jambi mulai dioperasikan.", ["mulai dioperasikan"]),
    # Compensation received, free delivery, elected, impeached, a study programme, artefacts returned.
    ("Warga akhirnya menerima ganti rugi lahan.", ["menerima ganti rugi"]),
    ("Pemerintah membahas besaran ganti rugi lahan.", []),
    ("Gojek meluncurkan layanan tanpa ongkos kirim.", ["meluncurkan layanan", "tanpa ongkos kirim"]),
    ("Indonesia terpilih menjadi anggota Dewan HAM PBB.", ["terpilih menjadi"]),
    ("Presiden Korea Selatan dimakzulkan oleh parlemen.", ["makzul"]),
    ("Universitas Hasanuddin membuka program studi kedokteran.", ["membuka program studi"]),
    ("Jepang mengembalikan artefak bersejarah milik Indonesia.", ["mengembalikan artefak"]),
    # The poor as a count (neutral alone), a plane skidding off, a return to the republic.
    ("Sekolah Rakyat mulai menerima siswa dari keluarga miskin.", []),
    ("Pesawat Trigana Air tergelincir di Bandara Serui.", ["tergelincir"]),
    ("Jemaah Islamiyah menyatakan kembali ke pangkuan NKRI.", ["kembali ke pangkuan"]),
    ("Pemprov menghapus denda pajak kendaraan bermotor.", ["menghapus denda"]),
    # Preying animals, construction completed, pilgrims sent off.
    ("Seekor harimau sumatera memangsa ternak warga.", ["memangsa"]),
    ("PT Freeport Indonesia menyelesaikan pembangunan smelter di Gresik.", ["menyelesaikan pembangunan"]),
    ("Kementerian Agama memberangkatkan kloter pertama jemaah haji.", []),  # a word between: no phrase
    # A rate cut, a plant's production stopped, an armed group.
    ("Bank Indonesia memangkas suku bunga acuan sebesar 25 basis poin.", ["memangkas suku bunga"]),
    ("Samsung menghentikan produksi televisi di pabriknya di Cikarang.", ["menghentikan produksi"]),
    ("Pesawat Susi Air dibakar kelompok bersenjata di Nduga.", ["kelompok bersenjata"]),
    # A crowded attraction; growth slowing.
    ("Kampung Batik Laweyan ramai dikunjungi wisatawan selama libur sekolah.", ["ramai dikunjungi"]),
    ("Ekonomi Indonesia diprediksi tumbuh melambat tahun depan.", ["tumbuh melambat"]),
    # Re-elected, costs borne, a satellite launched, investment that rises, an election dispute heard.
    ("Erick Thohir terpilih kembali sebagai Ketua Umum PSSI.", ["terpilih kembali"]),
    ("BPJS Kesehatan menanggung biaya pengobatan pasien kanker secara penuh.", ["menanggung biaya"]),
    ("ITB meluncurkan satelit nano buatan mahasiswa.", ["meluncurkan satelit"]),
    # An attack launched (no "lancar"), cracks and creeping ground, a grant, new reserves, waste as material.
    ("Rusia melancarkan serangan drone besar-besaran ke Kyiv.", ["serangan"]),
    ("Puluhan rumah di Kabupaten Cianjur retak akibat pergerakan tanah.", ["retak", "pergerakan tanah"]),
    ("Universitas Gadjah Mada menerima hibah riset dari Uni Eropa.", ["menerima hibah"]),
    ("Pertamina menemukan sumber gas baru di lepas pantai Aceh.", ["sumber gas baru"]),
    ("Tim peneliti ITB berhasil mengembangkan baterai dari limbah kulit pisang.", ["berhasil"]),
    # A recall, a hospital turning patients away.
    ("Honda menarik kembali ribuan mobil karena cacat pada pompa bahan bakar.", ["menarik kembali", "cacat"]),
    ("Rumah Sakit Hasan Sadikin menolak pasien BPJS karena kamar penuh.", ["menolak pasien"]),
    ("Nilai investasi asing di Batam naik signifikan.", ["nilai investasi"]),
    ("Sidang sengketa pilkada di Mahkamah Konstitusi ditunda.", []),
])
def test_word_forms_and_phrases_resolve_to_their_own_entries(text, terms):
    assert [term for term, _, _ in cues(text)] == terms


def test_a_change_with_nya_after_a_cue_is_its_object_not_its_own_change():
    # "turunnya harga" is what is welcomed; it does not reverse the welcome.
    assert score_text("Ibu rumah tangga menyambut baik turunnya harga.", engine=LEXICON).label == "positive"


@pytest.mark.parametrize("text, label", [
    # Victims named as relief's recipients, or receiving it, are whom the news reaches.
    ("Relawan menyalurkan bantuan makanan dan obat-obatan kepada korban gempa.", "positive"),
    ("Dapur umum didirikan di tiga titik untuk memenuhi kebutuhan makan pengungsi.", "neutral"),
    ("Ribuan Korban Banjir Demak Terima Bantuan", "positive"),
    # A scholarship is relief too; a count among the recipients is no sentence break.
    ("Pemkab Banyuwangi memberikan beasiswa kepada 1.200 mahasiswa dari keluarga miskin.", "positive"),
    # Not relief withheld, nor a disaster with no relief in its sentence.
    ("Pengungsi gempa belum menerima bantuan logistik.", "negative"),
    ("Polisi mengirimkan tim ke lokasi pembunuhan.", "negative"),
    ("Banjir merendam ratusan rumah warga.", "negative"),
    # Homes handed over are relief, a headline's bare verb too; a comma ends a recipient's reach.
    ("Pemerintah Serahkan Rumah untuk Korban Gempa Cianjur", "positive"),
    ("Tolong serahkan kursi itu ke PKS, kami tidak suka Gerindra.", "negative"),
])
def test_relief_reaches_its_recipients(text, label):
    assert score_text(text, engine=LEXICON).label == label


@pytest.mark.parametrize("text, label", [
    # What a fought bad thing did, in its "yang" clause, is the deed fought, not more bad news.
    ("Polda Metro Jaya membongkar sindikat penipuan daring yang merugikan korban hingga miliaran rupiah.",
     "positive"),
    # A bad noun right after one turned is turned with it; what is seized reaches its owner.
    ("Kejaksaan Agung menyita aset mewah milik tersangka korupsi timah Harvey Moeis.", "positive"),
    # A culprit caught: "berhasil" before a passive arrest.
    ("Pelaku pencurian sepeda motor di Bekasi berhasil diringkus polisi.", "positive"),
    ("Tidak ada pelaku yang ditangkap.", "negative"),  # no arrest: a negator turns nothing it describes
    # Demolishing what breaks the rules is a remedy; a quake demolishing buildings is no remedy.
    ("Pemerintah Kabupaten Bogor merobohkan bangunan liar di kawasan Puncak.", "positive"),
    ("Gempa merobohkan puluhan bangunan.", "negative"),
    ("Kementerian Kelautan dan Perikanan menenggelamkan sepuluh kapal pencuri ikan.", "positive"),
    ("Banjir menenggelamkan ratusan rumah warga.", "negative"),
])
def test_a_fought_bad_deed_and_its_description_read_as_the_fight(text, label):
    assert score_text(text, engine=LEXICON).label == label


def test_the_arrest_harm_and_rescue_entries_the_passes_start_from_are_lexicon_entries():
    # The passes are gated on these entries being found; one dropped from the TSV files would
    # silently switch its pass off.
    from warta.sentiment.lexicon import _ARRESTS, _HARMS, _RESCUES

    assert (_ARRESTS | _HARMS | _RESCUES) <= load_lexicon().entries.keys()


def test_a_successful_arrest_leaves_a_crime_in_another_clause_alone():
    found = {name: weight for name, weight, _ in cues("Perampokan terjadi di toko emas itu, dan pelaku berhasil ditangkap.")}
    assert found["perampokan"] < 0 and found["pelaku"] == 0 and found["berhasil ditangkap"] > 0


@pytest.mark.parametrize("text, label", [
    ("Inflasi di Kota Malang tercatat paling rendah se-Jawa Timur.", "positive"),  # a superlative fall
    ("Nilai ujian siswa di sekolah itu paling rendah.", "negative"),  # low alone stays low
    ("KPK memeriksa Bupati Sidoarjo terkait dugaan pemotongan insentif pegawai.", "negative"),  # a cut noun
    ("Bupati Sidoarjo ditetapkan sebagai tersangka pemotongan insentif pegawai.", "negative"),  # not the suspect's fall
    ("Ombudsman menemukan maladministrasi dalam penerimaan peserta didik baru.", "negative"),
    ("Harga Beras Premium Tembus Rp 16.000", "negative"),  # a headline's bare "passing a mark"
    # A pin shields its words and uses up no change word: the price is lowered, not the subsidy.
    ("Pemerintah resmi menurunkan harga pupuk bersubsidi sebesar 20 persen.", "positive"),
    ("Harga pupuk bersubsidi naik.", "negative"),
    # Child marriage is bad news; a friend's child's wedding is neither.
    ("Kasus pernikahan anak di Indramayu masih tinggi.", "negative"),
    ("Presiden menghadiri pernikahan anak sahabatnya.", "neutral"),
    # Pay is an amount: its raise is good news, its cut bad; a fare rise put off is good news.
    ("Gaji pokok guru honorer naik mulai bulan depan.", "positive"),
    ("Gaji guru honorer dipotong.", "negative"),
    ("Pemerintah menunda kenaikan tarif KRL.", "positive"),
    ("Sejumlah SPBU di Jakarta kehabisan stok Pertalite.", "negative"),
    # Opened to the public is good news; a banknote series is an issue, not an emission.
    ("Jalan tol Semarang-Demak ruas Sayung mulai dibuka untuk umum.", "positive"),
    ("Bank Indonesia menerbitkan uang rupiah kertas emisi baru.", "neutral"),
    ("Apple membuka toko resmi pertama di Jakarta.", "positive"),
    # A low level after an amount or a bad thing is its fall; not a deed's, nor inside a pin.
    ("Inflasi bulan lalu tercatat rendah di angka 1,5 persen.", "positive"),
    ("Bank itu membukukan rasio kredit bermasalah yang rendah.", "positive"),
    ("Perum Perumnas meluncurkan 5.000 unit rumah bersubsidi bagi pekerja berpenghasilan rendah.", "positive"),
])
def test_superlatives_cuts_and_findings(text, label):
    assert score_text(text, engine=LEXICON).label == label


@pytest.mark.parametrize("text, label", [
    # A rescue is the news of whom it saved; deaths beside it, or a plight in another clause, stay.
    ("Seluruh penumpang kapal yang tenggelam berhasil diselamatkan tim SAR.", "positive"),
    ("Tim SAR menemukan seluruh pendaki yang hilang di Gunung Marapi dalam keadaan selamat.", "positive"),
    ("Seluruh warga yang terjebak banjir berhasil dievakuasi dengan selamat.", "positive"),
    ("Tiga orang tewas dan dua lainnya berhasil diselamatkan.", "negative"),
    ("Nyawa korban tenggelam itu tidak dapat diselamatkan.", "negative"),
])
def test_a_rescue_is_the_news_of_whom_it_saved(text, label):
    assert score_text(text, engine=LEXICON).label == label


@pytest.mark.parametrize("text, label", [
    # An event that did no harm is reported, neither bad news nor good; a magnitude is no praise.
    ("Gempa bermagnitudo 4,2 mengguncang Bengkulu tanpa menimbulkan kerusakan.", "neutral"),
    ("Gempa bumi berkekuatan 5,6 mengguncang Kabupaten Cianjur tanpa menimbulkan kerusakan.", "neutral"),
    # The harm denied in another clause leaves the damage done there.
    ("Gempa mengguncang Cianjur, tidak menimbulkan korban jiwa, namun merusak 50 rumah.", "negative"),
])
def test_an_event_that_did_no_harm_is_reported_not_mourned(text, label):
    assert score_text(text, engine=LEXICON).label == label


@pytest.mark.parametrize("text, label", [
    # Restoring leaves behind the outage it came after; mending leaves a flood's damage mended.
    ("PLN memulihkan aliran listrik di Bali setelah padam total selama 12 jam.", "positive"),
    ("Petugas memperbaiki tanggul setelah banjir besar.", "negative"),
])
def test_restoring_leaves_the_trouble_behind(text, label):
    assert score_text(text, engine=LEXICON).label == label


@pytest.mark.parametrize("text, term, sign", [
    ("Pemerintah membatalkan rencana kenaikan PPN 12 persen.", "ppn", 1),  # a hike called off
    ("Perusahaan menunda kerja sama dengan mitra asing.", "kerja sama", -1),  # good news put off
])
def test_calling_off_negates_what_follows(text, term, sign):
    found = {name: weight for name, weight, _ in cues(text)}
    assert found[term] * sign > 0


@pytest.mark.parametrize("text, term, sign", [
    # A farm price is weighed for the seller where the sentence names the growers.
    ("Petani di Brebes merugi karena harga bawang merah anjlok saat panen.", "harga bawang merah", -1),
    ("Peternak senang harga telur naik.", "harga telur", 1),
    ("Harga telur naik.", "harga telur", -1),
    ("Nelayan mengeluh harga BBM naik.", "harga bbm", -1),  # what they buy stays the buyer's
])
def test_farm_prices_are_the_growers_where_they_are_named(text, term, sign):
    found = {name: weight for name, weight, _ in cues(text)}
    assert found[term] * sign > 0


@pytest.mark.parametrize("text, term, sign", [
    # A number's point or comma is no break: the rise reaches past it.
    ("Harga beras naik 2,5 persen di pasar.", "harga beras", -1),
    ("Polres Gowa mengungkap kasus pembunuhan berencana.", "pembunuhan", 1),  # a case solved
    ("Bank sampah itu mengolah 20 ton sampah plastik setiap bulan.", "sampah", 1),
])
def test_numbers_and_solved_cases(text, term, sign):
    found = {name: weight for name, weight, _ in cues(text)}
    assert found[term] * sign > 0


def test_a_bad_thing_abolished_is_good_news():
    text = "Pemerintah menargetkan kemiskinan ekstrem dihapus pada 2026."
    assert score_text(text, engine=LEXICON).label == "positive"


def test_salah_seorang_is_one_of_them_not_a_fault():
    assert cues("Budi salah seorang saksi dalam kasus itu.") == []


def test_a_long_gap_of_spaces_before_a_change_is_no_place_phrase():
    # Layout left in a body (a run of spaces) once crashed the reach test; it is simply too far.
    found = {name: mods for name, _, mods in cues("Angka kemiskinan" + " " * 45 + "turun.")}
    assert "reversed" not in found["kemiskinan"]


@pytest.mark.parametrize("text, term, modifier", [
    ("Kasus DBD mengalami kenaikan.", "dbd", "increased"),
    ("Angka kemiskinan mengalami penurunan.", "kemiskinan", "reversed"),
    ("Ribuan buruh berunjuk rasa menuntut kenaikan upah.", "berunjuk rasa", ""),
])
def test_a_noun_of_change_after_a_cue_is_its_own_only_where_the_cue_undergoes_it(text, term, modifier):
    found = {name: mods for name, _, mods in cues(text)}
    assert ({modifier} if modifier else set()) == set(found[term]) & {"increased", "reversed"}


def test_a_negated_change_leaves_the_cue_as_it_is():
    found = {name: (weight, mods) for name, weight, mods in cues("Angka kemiskinan tidak turun.")}
    assert found["kemiskinan"][0] < 0 and "reversed" not in found["kemiskinan"][1]


@pytest.mark.parametrize("text, term", [
    ("Kualitas udara membaik setelah hujan turun.", "membaik"),   # the rain falls, not the air quality
    ("Layanan membaik dan antrean berkurang.", "membaik"),
    ("Kemiskinan di desa yang dilanda banjir itu naik.", "kemiskinan"),  # more than a place between
    ("Gagal bayar utang membuat saham anjlok.", "utang"),  # a causative verb: its object falls
])
def test_a_rise_or_fall_of_something_else_leaves_the_cue_alone(text, term):
    modifiers = {name: mods for name, _, mods in cues(text)}[term]
    assert "reversed" not in modifiers and "increased" not in modifiers


def test_simulated_disaster_headline_is_not_negative():
    assert score_text("BNPB gelar simulasi tsunami di pesisir selatan", engine=LEXICON).label == "neutral"


# --------------------------------------------------------------------------- fast paths keep the results


@pytest.mark.parametrize("text", [
    "Harga “naik” – tajam… Warga İstanbul tidak khawatir, namun cemas.",   # non-ASCII: the regex path
    "Ünïcödé téxt: sangat bagus sekali! Tapi   pelayanannya buruk.",
    "Serangan-serangan brutal;\nnamun damai tercapai.\tAS prihatin atas kerja sama Rusia–Korut.",
])
def test_non_ascii_text_finds_the_same_cues_as_its_ascii_twin(text):
    # The ASCII fast path and the regex path must agree where the texts differ only in marks.
    twin = text.replace("“", '"').replace("”", '"').replace("–", " ").replace("…", ".").replace("İ", "I")
    ours = [(c.term, c.start, round(c.weight, 3)) for c in load_lexicon().find_cues(text)]
    theirs = [(c.term, c.start, round(c.weight, 3)) for c in load_lexicon().find_cues(twin)]
    assert [t for t, _, _ in ours] == [t for t, _, _ in theirs]
    for term, start, _ in ours:  # offsets point into the original text, whatever its marks
        assert text[start:start + 3].lower() == term[:3]


@pytest.mark.parametrize("text", [
    "“Namun warga tidak senang,” katanya. “Harga naik” sekali, tetapi “aman”.",
    "Kata “tidak” lalu “senang”: baik “AS” maupun Rusia prihatin.",
])
def test_curly_double_quotes_act_like_straight_ones(text):
    # Texts whose only non-ASCII marks are “ ” are lower-cased as their ASCII twin.
    twin = text.replace("“", '"').replace("”", '"')
    assert load_lexicon().find_cues(text) == load_lexicon().find_cues(twin)
    assert (load_lexicon().modifier_spans(text, kinds=("stance", "reporting"))
            == load_lexicon().modifier_spans(twin, kinds=("stance", "reporting")))


@pytest.mark.parametrize("text", [
    "Saham anjlok, xanjlokx anjlok (anjlok) \"anjlok\" anjlok-anjlok.\nanjlok,anjlok.  Anjlok!",
    "Saham “anjlok”, xanjlokx anjlok (anjlok) anjlok-anjlok.\nanjlok,anjlok.  Anjlok!",
    "Saham “anjlok” – xanjlokx anjlok… anjlok-anjlok.\nanjlok,anjlok.  Anjlok!",  # non-ASCII: the regex path
])
def test_repeated_cue_words_are_each_located(text):
    # Every occurrence is located, in text order; "xanjlokx" holds the form but is another word.
    import re

    found = load_lexicon().find_cues(text)
    assert [cue.term for cue in found] == ["anjlok"] * len(found)
    assert [cue.start for cue in found] == [m.start() for m in re.finditer(r"(?<![\w-])anjlok", text.lower())]


def test_batch_featurizer_equals_scikit_learn():
    engine = load_engine(None)
    from warta.sentiment.engines import TfidfFeatures, _letter_words, prepare_text

    texts = [prepare_text(t) for t in [
        "Rupiah menguat tajam terhadap dolar AS, kata analis.", "Pelayanannya lambat banget, kecewa!!",
        "", "123 456 7", "Rumahnya nyanya 1abnya a_b x2 ½", "IHSG ditutup anjlok 2 persen akibat aksi jual."]]
    for features, vectorizer in ((engine.head.features, engine.head.vectorizer), (engine.gate_features, engine.gate)):
        assert isinstance(features, TfidfFeatures)
        ours, theirs = features.transform(texts), vectorizer.transform(texts)
        assert ours.shape == theirs.shape and abs(ours - theirs).max() < 1e-12
    # The gate's tokens derived from the model's tokens equal its own tokenisation.
    for text in texts:
        assert _letter_words(engine.head.features.pattern.findall(text)) == engine.gate_features.pattern.findall(text)


@pytest.mark.parametrize("model", [LEXICON, None])
def test_sentence_table_equals_row_by_row_scoring(model):
    body = ("Rupiah menguat tajam. Namun investor khawatir defisit melebar, kata analis. "
            "“Kami kecewa,” ujar Budi. Banjir merendam 200 rumah.")
    table = score_sentences(pd.DataFrame([article("a1", body)]), model=model)
    engine = load_engine(model)
    assert list(table["sentence_id"]) == list(range(len(sentence_spans(body))))
    for row in table.itertuples():
        alone = score_text(row.text, engine=engine)
        assert row.label == alone.label or row.cues != [c.as_dict() for c in alone.cues]
    assert table["reported"].tolist() == [False, True, True, False]


@pytest.mark.parametrize("body, expected", [
    ("Rusia dan Korut bertemu. AS prihatin atas kerja sama itu, kata Kirby.",
     [(1, 28, 36, "stance"), (1, 58, 62, "reporting")]),  # body offsets, the sentence they are in
    ("Washington menuduh Pyongyang. Menurut Kirby, itu berbahaya.",
     [(0, 11, 18, "stance"), (1, 30, 37, "reporting")]),
    ("Cuaca cerah hari ini.", []),
    ("", []),
])
def test_stance_words_come_with_the_sentence_table(body, expected):
    from warta.sentiment import score_sentences_and_stances

    sentences, stances = score_sentences_and_stances(pd.DataFrame([article("a1", body)]), model=LEXICON)
    pd.testing.assert_frame_equal(sentences, score_sentences(pd.DataFrame([article("a1", body)]), model=LEXICON))
    assert list(stances.columns) == ["article_id", "sentence_id", "start", "end", "kind"]
    assert list(stances[["sentence_id", "start", "end", "kind"]].itertuples(index=False, name=None)) == expected
    assert set(stances["article_id"]) <= {"a1"}
    for sentence_id, start, end, _kind in expected:  # each word lies inside its sentence
        row = sentences[sentences["sentence_id"] == sentence_id].iloc[0]
        assert row["start"] <= start < end <= row["end"]
    assert stances["article_id"].dtype == "str" and stances["start"].dtype == "int64"


@pytest.mark.parametrize("bodies", [["Rupiah menguat tajam. “Kami kecewa,” ujar Budi."], [""], []])
def test_sentence_table_has_the_same_column_types_with_or_without_sentences(bodies):
    # A partition without sentences must concatenate with the others as it is (text stays text).
    from warta.sentiment import score_sentences_and_stances

    articles = pd.DataFrame([article(f"a{k}", body) for k, body in enumerate(bodies)], columns=["article_id", "body"])
    sentences, _ = score_sentences_and_stances(articles, model=LEXICON)
    types = {name: str(dtype) for name, dtype in sentences.dtypes.items() if name != "cues"}
    assert types == {"article_id": "str", "sentence_id": "int64", "start": "int64", "end": "int64", "text": "str",
                     "label": "str", "score": "float64", "probability": "float64", "cue_sum": "float64",
                     "reported": "bool", "speaker_id": "str"}
    assert str(sentences["cues"].dtype).startswith("list<item: struct<term: string")
    assert len(sentences) == (2 if bodies and bodies[0] else 0)


@pytest.mark.parametrize("quotes, expected", [
    (None, ["", "", "", ""]),
    (pd.DataFrame(columns=["article_id", "sentence_id", "speaker_id"]), ["", "", "", ""]),
    (pd.DataFrame([{"article_id": "a1", "sentence_id": 2, "speaker_id": "per:john-kirby"}]),
     ["", "", "per:john-kirby", ""]),
    (pd.DataFrame([{"article_id": "a1", "sentence_id": 0, "speaker_id": "org:as"},
                   {"article_id": "a2", "sentence_id": 0, "speaker_id": "per:other"},   # another article
                   {"article_id": "a1", "sentence_id": 3, "speaker_id": ""}]),          # no speaker known
     ["org:as", "", "", ""]),
    (pd.DataFrame([{"article_id": "a1", "sentence_id": 1, "speaker_id": "per:first"},
                   {"article_id": "a1", "sentence_id": 1, "speaker_id": "per:last"},     # the last quote wins
                   {"article_id": "a1", "sentence_id": 2, "speaker_id": None}]),
     ["", "per:last", "", ""]),
])
def test_attach_speakers_fills_the_stage_table_like_score_sentences(quotes, expected):
    from warta.sentiment import attach_speakers

    plain = score_sentences(pd.DataFrame([article("a1", BODY)]), model=LEXICON)
    filled = attach_speakers(plain, quotes)
    assert filled["speaker_id"].tolist() == expected
    assert plain["speaker_id"].tolist() == ["", "", "", ""]  # the input is left as it was
    direct = score_sentences(pd.DataFrame([article("a1", BODY)]), model=LEXICON, quotes=quotes)
    assert direct["speaker_id"].tolist() == expected


@pytest.mark.parametrize("dtype", [object, "str", "string[pyarrow]", "string[python]"])
def test_has_speaker_is_a_non_empty_string_in_every_text_dtype(dtype):
    from warta.sentiment.scoring import has_speaker

    values = pd.Series(["per:a", "", None, "org:b", float("nan")], dtype=dtype)
    assert has_speaker(values).tolist() == [True, False, False, True, False]


def test_has_speaker_is_false_for_what_is_not_text():
    from warta.sentiment.scoring import has_speaker

    assert has_speaker(pd.Series(["per:a", 3, pd.NA, [], ""], dtype=object)).tolist() == [True, False, False, False,
                                                                                          False]


def test_attach_speakers_keeps_a_speaker_already_set():
    from warta.sentiment import attach_speakers

    plain = score_sentences(pd.DataFrame([article("a1", BODY)]), model=LEXICON)
    plain["speaker_id"] = ["per:set", "", None, ""]
    quotes = pd.DataFrame([{"article_id": "a1", "sentence_id": s, "speaker_id": "org:quoted"} for s in range(4)])
    assert attach_speakers(plain, quotes)["speaker_id"].tolist() == ["per:set", "org:quoted", "org:quoted", "org:quoted"]


@pytest.mark.parametrize("keys, expected", [
    ([], {}),
    (["a", "a", "b"], {"a": [0, 1], "b": [2]}),
    (["a", "b", "a"], {"a": [0, 2], "b": [1]}),  # a key seen again after another
    (["b", "b", "a", "a", "b", "c"], {"b": [0, 1, 4], "a": [2, 3], "c": [5]}),
])
def test_row_groups_list_each_keys_rows_in_order(keys, expected):
    from warta.sentiment.scoring import _row_groups

    groups = _row_groups(keys)
    assert groups == expected and list(groups) == list(expected)


class _EveryRowLexicon(LexiconEngine):
    """The lexicon engine seen as any other engine: predict() per sentence, each row rounded alone."""


@pytest.mark.parametrize("bodies", [
    ["Warga senang. Warga senang sekali. Harga naik.", "Tidak ada kata kunci di sini."],
    ["AS prihatin atas kerja sama Rusia–Korut. Namun warga tidak khawatir, katanya.", ""],
    ["“Kami bangga,” ujar Ali. Rupiah menguat, tetapi IHSG anjlok. Korupsi merajalela. Korupsi merajalela."],
])
def test_lexicon_sentence_columns_equal_the_generic_path(bodies):
    # score_sentences labels and rounds each distinct cue sum of the lexicon engine once.
    frame = pd.DataFrame([article(f"a{i}", body) for i, body in enumerate(bodies)])
    pd.testing.assert_frame_equal(score_sentences(frame, model=LEXICON),
                                  score_sentences(frame, model=_EveryRowLexicon()))


@pytest.mark.parametrize("text, kinds", [
    # A modifier phrase is what its first word means there: solving a case reports nothing, so
    # the body before it holds no sentence ("Polres Gowa" is what the news is about).
    ("Polres Gowa mengungkap kasus pembunuhan berencana.", []),
    ("Polres Gowa mengungkap bahwa pelaku sudah kabur.", ["reporting"]),
])
def test_a_modifier_phrase_replaces_its_first_words_kind(text, kinds):
    from warta.sentiment.lexicon import stance_spans

    assert [kind for _, _, kind in stance_spans(load_lexicon(), text)] == kinds


# --------------------------------------------------------------------------- English copy


def english_cues(text: str) -> list[tuple[str, float, tuple[str, ...]]]:
    return [(cue.term, round(cue.weight, 3), cue.modifiers) for cue in load_lexicon(language="en").find_cues(text)]


@pytest.mark.parametrize("word, forms", [
    ("rob", ["robs", "robed", "robing", "robbed", "robbing"]),
    ("flood", ["floods", "flooded", "flooding"]),
    ("die", ["dies", "died", "dying"]),
    ("praise", ["praises", "praised", "praising"]),
    ("worry", ["worries", "worried", "worrying"]),
    ("crash", ["crashes", "crashed", "crashing"]),
    ("acquit", ["acquits", "acquited", "acquiting", "acquitted", "acquitting"]),  # "qu" is a consonant
    ("ox", []),  # too short to inflect
])
def test_english_forms(word, forms):
    from warta.sentiment.lexicon import english_forms

    assert english_forms(word) == forms


@pytest.mark.parametrize("text, expected", [
    # Inflections of a base form, and a form listed with a meaning of its own.
    ("Floods inundated the village.", [("floods", -2.0, ()), ("inundated", -2.0, ())]),
    ("The court fined the company.", [("fined", -1.5, ())]),
    ("The weather was fine.", [("fine", 1.0, ())]),
    # Contractions: "n't" negates ("won't" is no win).
    ("Officials didn't panic.", [("panic", 1.12, ("negated",))]),  # a negated negative keeps 70% of the flip
    ("The team won't win.", [("win", -1.6, ("negated",))]),
    # A change before its thing, or the thing's own change after it; a verb's object is no own change.
    ("Inflation eased to 2.1 percent.", [("inflation", 0.8, ("reversed",))]),
    ("The price of chili in Surabaya soared.", [("price", -1.4, ("increased",))]),
    ("Authorities lowered the alert level.", [("alert level", 0.8, ("reversed",))]),
    ("The number of dengue cases in the city dropped.", [("dengue", 1.6, ("reversed",)), ("cases", 0.8, ("reversed",))]),
    ("The plan is not effective in reducing congestion.", [("effective", -0.8, ("negated",)),
                                                           ("congestion", 1.2, ("reversed",))]),
    # A verb with an object after a thing is the thing's change only in the passive; a change noun
    # reaches what it is in or of; "to" opens a purpose, except after "continued" and the like.
    ("Floods cut off access to the villages.", [("floods", -2.0, ())]),
    ("Fuel prices were raised last month.", [("fuel prices", -1.3, ("increased",))]),
    ("Unilever reported a drop in net profit.", [("profit", -1.2, ("reversed",))]),
    ("The city planted 10,000 trees to reduce pollution.", [("planted trees", 1.5, ()), ("pollution", 1.6, ("reversed",))]),
    ("Prices continued to rise in May.", [("prices", -1.3, ("increased",))]),
    # A hike called off is good news.
    ("Residents welcomed the decision to cancel the toll fare increase.",
     [("welcomed", 1.5, ()), ("toll fare", 0.728, ("negated", "increased"))]),
    # A remedy reaches the deed past the people it catches, and past a foiled attempt.
    ("Police arrested two men suspected of smuggling 20 kilograms of crystal meth.",
     [("suspected", 0.8, ("reversed",)), ("smuggling", 1.6, ("reversed",)), ("crystal meth", 1.6, ("reversed",))]),
    ("Customs officers foiled an attempt to smuggle birds.", [("smuggle", 1.6, ("reversed",))]),
    # The deed of the one caught, told right after, is part of the catch (as "yang" in Indonesian copy).
    ("Police arrested a man who killed his wife.", [("killed", 2.4, ("reversed",))]),
    # Repairs and recoveries.
    ("Rescuers evacuated 150 residents trapped by the flood.", [("flood", 1.6, ("reversed",))]),  # the rescue used up
    ("Flights returned to normal after the volcanic ash.", [("returned to normal", 2.0, ()),
                                                           ("volcanic ash", -0.3, ("recovered",))]),
    # Contrast and concession take the English words' factors.
    ("The hotel was good but the service was bad.", [("good", 0.75, ("before_contrast",)),
                                                    ("bad", -2.25, ("after_contrast",))]),
])
def test_english_cues_and_modifiers(text, expected):
    assert english_cues(text) == expected


def test_an_unknown_lexicon_language_is_a_clear_error():
    with pytest.raises(WartaError, match="no sentiment lexicon for language 'fr'"):
        load_lexicon(language="fr")


@pytest.mark.parametrize("text, language, label, engine", [
    ("Three people were killed in a landslide in Bogor.", None, "negative", "lexicon-en"),
    ("The governor praised residents for keeping the river clean.", None, "positive", "lexicon-en"),
    ("The president will visit Kupang on Thursday.", None, "neutral", "lexicon-en"),
    ("Tiga orang tewas tertimbun longsor di Bogor.", None, "negative", "lexicon"),
    # A language given is not detected again.
    ("Three people were killed in a landslide in Bogor.", "id", "neutral", "lexicon"),
])
@pytest.mark.parametrize("model", [LEXICON, None])
def test_english_text_is_read_with_the_english_lexicon_whatever_the_engine(text, language, label, engine, model):
    score = score_texts([text], engine=model, language=language)[0]
    assert score.label == label
    if model == LEXICON or engine == "lexicon-en":
        assert score.engine == engine


@pytest.mark.parametrize("model", [LEXICON, None])
def test_an_english_article_is_scored_in_english_beside_indonesian_ones(model):
    english = "Floods inundated hundreds of homes in Bekasi. Residents were evacuated."
    frame = pd.DataFrame([article("en1", english, title="Floods hit Bekasi"),
                          article("id1", "Banjir merendam ratusan rumah di Bekasi.", title="Banjir di Bekasi")])
    sentences = score_sentences(frame, model=model)
    assert sentences.loc[sentences["article_id"] == "en1", "label"].tolist()[0] == "negative"
    assert sentences.loc[sentences["article_id"] == "id1", "label"].tolist()[0] == "negative"
    articles = score_articles(frame, sentences=sentences, model=model).set_index("article_id")
    assert articles.loc["en1", "label"] == "negative" and articles.loc["en1", "engine"] == "lexicon-en"
    assert articles.loc["en1", "headline_label"] == "negative"
    assert articles.loc["id1", "engine"] != "lexicon-en"
    # The loader's language, where the table has one, is what counts.
    as_indonesian = score_sentences(frame.assign(lang=["id", "id"]), model=LEXICON)
    assert as_indonesian.loc[as_indonesian["article_id"] == "en1", "label"].tolist()[0] == "neutral"
