"""Tests for warta.gazetteer: data files, tokens, case rules and longest matching."""
from __future__ import annotations

import os
import random

import pytest

from warta import gazetteer as gazetteer_module
from warta.gazetteer import (GAZETTEER_DIR, alias_key, build_gazetteer, english_compass_names, load_gazetteer,
                             read_english_names, read_entries, slug, tokenize)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer(())


@pytest.fixture(autouse=True, params=["compiled", "python"])
def token_path(request, monkeypatch):
    """Every test runs on the compiled token loops (warta._tokens) and on the pure-Python ones."""
    if request.param == "compiled" and gazetteer_module._split_ascii is None:
        # `pip install -e .` builds the module wherever a C compiler exists (as on CI); a machine
        # without one may set WARTA_PURE_PYTHON=1 to accept the slower, equal pure-Python path.
        if os.environ.get("WARTA_PURE_PYTHON") == "1":
            pytest.skip("warta._tokens is not built and WARTA_PURE_PYTHON=1")
        pytest.fail("warta._tokens is not built: reinstall with a C compiler (`make install`)")
    if request.param == "python":
        monkeypatch.setattr(gazetteer_module, "_split_ascii", None)
        monkeypatch.setattr(gazetteer_module, "_compiled_spans", None)
    return request.param


def found(gazetteer, text):
    return [(text[m.start:m.end], m.entry.actor_id) for m in gazetteer.find(tokenize(text))]


def test_gazetteer_is_large_and_covers_every_region(gazetteer):
    assert gazetteer.n_names >= 5000
    kinds = [line.split("\t")[1] for line in (GAZETTEER_DIR / "kabkota.tsv").read_text().splitlines()
             if line and not line.startswith("#")]
    assert len(kinds) == 514 and kinds.count("kota") == 98
    provinces = [e for e in gazetteer.entries.values() if e.subtype == "province"]
    assert len(provinces) == 38
    countries = [e for e in gazetteer.entries.values() if e.subtype == "country"]
    assert len(countries) >= 195


def test_each_shipped_actor_is_written_once():
    # A second line for the same actor would lose its aliases to the first (the first read keeps an alias).
    from collections import Counter

    ids = Counter(entry.actor_id for name in ("persons", "organizations", "media", "countries", "provinces", "cities")
                  for entry, _ in read_entries(GAZETTEER_DIR / f"{name}.tsv"))
    assert [actor for actor, count in ids.items() if count > 1] == []


@pytest.mark.parametrize("text, expected", [
    ("Presiden Rusia Vladimir Putin tiba.", [("Rusia", "loc:rusia"), ("Vladimir Putin", "per:vladimir-putin")]),
    ("Kim Jong-un dan Kim Jong Un", [("Kim Jong-un", "per:kim-jong-un"), ("Kim Jong Un", "per:kim-jong-un")]),
    ("Kim Jong Il bertemu", [("Kim Jong Il", "per:kim-jong-il")]),
    ("AS dan Korut", [("AS", "loc:amerika-serikat"), ("Korut", "loc:korea-utara")]),
    ("as a matter of fact", []),                     # lower-case English "as" is not the US
    ("gedung putih itu dicat", []),                  # a white building, not the White House
    ("Gedung Putih mengatakan", [("Gedung Putih", "org:gedung-putih")]),
    ("juru bicara Keamanan Nasional Gedung Putih", [("Keamanan Nasional Gedung Putih", "org:dewan-keamanan-nasional-as")]),
    ("Kementerian Luar Negeri AS", [("Kementerian Luar Negeri AS", "org:departemen-luar-negeri-as")]),
    ("di Kab. Bogor dan Kota Bogor", [("Kab. Bogor", "loc:kabupaten-bogor"), ("Kota Bogor", "loc:kota-bogor")]),
    ("warga Bogor", [("Bogor", "loc:kota-bogor")]),  # a bare name goes to the kota
    ("Pemprov Jabar dan Polda Jabar", [("Pemprov Jabar", "org:pemerintah-provinsi-jawa-barat"),
                                       ("Polda Jabar", "org:polda-jawa-barat")]),
    ("Kedubes Rusia", [("Kedubes Rusia", "org:kedutaan-besar-rusia")]),
    ("Rusia-Korut", [("Rusia", "loc:rusia"), ("Korut", "loc:korea-utara")]),
    ("Presiden Erdoğan", [("Erdoğan", "per:recep-tayyip-erdogan")]),
    ("Pyeongyang", [("Pyeongyang", "loc:pyongyang")]),
    ("Korea. Utara", [("Korea", "loc:korea")]),      # a full stop ends a name
    ("kuota 48 juta KL", []),                       # kiloliters, not Kuala Lumpur
    # The news of the regions, the sports and the celebrity pages.
    ("Wali Kota Surabaya Eri Cahyadi", [("Kota Surabaya", "loc:kota-surabaya"), ("Eri Cahyadi", "per:eri-cahyadi")]),
    ("Titiek Soeharto dan Raffi Ahmad", [("Titiek Soeharto", "per:siti-hediati-hariyadi"), ("Raffi Ahmad", "per:raffi-ahmad")]),
    ("Persib Bandung dan Persija", [("Persib Bandung", "org:persib-bandung"), ("Persija", "org:persija-jakarta")]),
    ("Telkomsel dan Indosat", [("Telkomsel", "org:telkomsel"), ("Indosat", "org:indosat-ooredoo-hutchison")]),
    ("Istana membantah; di Istana Negara", [("Istana", "org:istana-kepresidenan"), ("Istana Negara", "loc:istana-negara")]),
    ("SOREANG - Banjir di Cibinong", [("SOREANG", "loc:soreang"), ("Cibinong", "loc:cibinong")]),  # regency seats
    ("Ketua Umum PGI dan IDI", [("PGI", "org:persekutuan-gereja-gereja-di-indonesia"), ("IDI", "org:ikatan-dokter-indonesia")]),
    # Official names written with commas are one name, whatever a comma elsewhere does.
    ("Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) dan Polri",
     [("Badan Meteorologi, Klimatologi, dan Geofisika", "org:badan-meteorologi-klimatologi-dan-geofisika"),
      ("BMKG", "org:badan-meteorologi-klimatologi-dan-geofisika"), ("Polri", "org:kepolisian-negara-republik-indonesia")]),
    ("Badan Meteorologi Klimatologi dan Geofisika", [("Badan Meteorologi Klimatologi dan Geofisika",
                                                       "org:badan-meteorologi-klimatologi-dan-geofisika")]),
    ("Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi",
     [("Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi", "org:kementerian-pendidikan-kebudayaan-riset-dan-teknologi")]),
    ("Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi",
     [("Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi",
       "org:kementerian-desa-dan-pembangunan-daerah-tertinggal")]),
    ("badan meteorologi, klimatologi, dan geofisika", []),  # a name needs its capital
    ("Badan Meteorologi, Klimatologi. Dan Geofisika", []),  # a full stop still ends one
    # So are English names holding a possessive, with either apostrophe.
    ("the Attorney General's Office and the People’s Consultative Assembly",
     [("Attorney General's Office", "org:kejaksaan-agung"),
      ("People’s Consultative Assembly", "org:majelis-permusyawaratan-rakyat")]),
])
def test_find(gazetteer, text, expected):
    assert found(gazetteer, text) == expected


@pytest.mark.parametrize("word", ["Batang", "Pati", "Malang"])
def test_ordinary_word_regions_need_their_kind(gazetteer, word):
    bare = found(gazetteer, f"di {word} itu")
    full = found(gazetteer, f"di Kabupaten {word} itu")
    assert full and full[0][1].startswith("loc:kabupaten-")
    if word != "Malang":
        assert bare == []


@pytest.mark.parametrize("text, words, joined", [
    ("Jl. Sudirman", ["Jl", "Sudirman"], [True, False]),  # a dot after a short abbreviation
    ("Presiden. Kim", ["Presiden", "Kim"], [False, False]),  # ... but not after a word
    ("KH. Ma Ruf", ["KH", "Ma", "Ruf"], [True, True, False]),  # two capitals: a title's abbreviation
    ("Drs. Budi", ["Drs", "Budi"], [True, False]),
    ("di GBK. Erick", ["di", "GBK", "Erick"], [True, False, False]),  # three capitals: an acronym ending a sentence
    ("diperiksa KPK. Ia", ["diperiksa", "KPK", "Ia"], [True, False, False]),
    ("di GBK. Erdoğan", ["di", "GBK", "Erdoğan"], [True, False, False]),  # the same where the text is not ASCII
    ("Kim / Putin & Xi", ["Kim", "Putin", "Xi"], [True, True, False]),
    ("Kim, Putin; Xi", ["Kim", "Putin", "Xi"], [False, False, False]),
    ("Erdoğan  Ankara", ["Erdoğan", "Ankara"], [True, False]),
    ("Erdoğan’s Ankara", ["Erdoğan", "Ankara"], [False, False]),  # a possessive ends a name
    ("—", [], []),
    # Curly quotes, long dashes, ellipses and no-break spaces (split on an ASCII copy) join as themselves:
    # only the no-break space joins, as before; a dot with an ellipsis is no lone dot.
    ("Kim\u00a0Jong—Un–Moon…Lee “Park” Choi", ["Kim", "Jong", "Un", "Moon", "Lee", "Park", "Choi"],
     [True, False, False, False, False, False, False]),
    ("Jl.\u00a0Sudirman ~ Jl.… Thamrin", ["Jl", "Sudirman", "Jl", "Thamrin"], [True, False, False, False]),
    ("“Kab.” Bogor —é Ani", ["Kab", "Bogor", "é", "Ani"], [False, False, True, False]),  # a letter: the full split
])
def test_token_joins(text, words, joined):
    tokens = tokenize(text)
    assert tokens.words == words and tokens.joined == joined
    assert [text[a:b] for a, b in zip(tokens.starts, tokens.ends)] == words


@pytest.mark.parametrize("text, expected", [
    ("kata von der Leyen", [("von der Leyen", "per:ursula-von-der-leyen")]),  # an alias written in lower case
    ("di Kremlin dan kremlin", [("Kremlin", "org:kremlin")]),  # others need a capital
    ("as PBB AS", [("PBB", "org:pbb"), ("AS", "loc:amerika-serikat")]),
    # An alias of two letters matches only as written: "XI" in capitals is a numeral.
    ("Presiden Xi dan Komisi XI", [("Xi", "per:xi-jinping")]),
    ("XI JINPING TIBA", [("XI JINPING", "per:xi-jinping")]),
])
def test_spans_follow_the_case_rules_and_agree_with_find(gazetteer, text, expected):
    tokens = tokenize(text)
    spans = gazetteer.spans(tokens)
    assert [(m.first, m.last, m.entry, m.alias) for m in gazetteer.find(tokens)] == spans
    assert [(text[tokens.starts[a]:tokens.ends[b - 1]], e.actor_id) for a, b, e, _ in spans] == expected


def test_tokens_carry_offsets_and_joins():
    text = "  Kim Jong-un, Kab. Bogor."
    tokens = tokenize(text)
    assert [text[a:b] for a, b in zip(tokens.starts, tokens.ends)] == tokens.words
    assert tokens.words == ["Kim", "Jong", "un", "Kab", "Bogor"]
    assert tokens.joined == [True, True, False, True, False]


@pytest.mark.parametrize("name, expected", [
    ("Kim Jong-un", ("kim", "jong", "un")), ("Ma'ruf Amin", ("ma'ruf", "amin")), ("Türkiye", ("turkiye",)),
])
def test_alias_key(name, expected):
    assert alias_key(name) == expected


def test_slug():
    assert slug("Vladimir Putin") == "vladimir-putin"
    assert slug("Ma'ruf Amin") == "maruf-amin"


def test_watchlist_wins_and_bad_lines_name_the_line(tmp_path):
    watch = tmp_path / "watch.tsv"
    watch.write_text("# my watch list\nPER\t\tBudi Santoso Wibowo\tPak Budi|BSW\nORG\tcompany\tPT Maju Jaya\tMaju Jaya\n")
    gazetteer = build_gazetteer([watch])
    assert found(gazetteer, "kata Pak Budi kepada PT Maju Jaya") == [
        ("Pak Budi", "per:budi-santoso-wibowo"), ("PT Maju Jaya", "org:pt-maju-jaya")]
    bad = tmp_path / "bad.tsv"
    bad.write_text("PER\t\tGood Name\nPERSON\tx\tBad\n")
    with pytest.raises(ValueError, match=r"bad.tsv:2"):
        read_entries(bad)


@pytest.mark.parametrize("text, words, keys", [
    # ASCII words only: the fast split ...
    ("“Kami siap,” kata Putin_2 di KOREA.", ["Kami", "siap", "kata", "Putin_2", "di", "KOREA"],
     ["kami", "siap", "kata", "putin_2", "di", "korea"]),
    # ... and the full one wherever an apostrophe or a non-ASCII letter may sit in a word.
    ("Ma'ruf Amin dan 'Kami'", ["Ma'ruf", "Amin", "dan", "Kami"], ["ma'ruf", "amin", "dan", "kami"]),
    ("Erdoğan di “Ankara”", ["Erdoğan", "di", "Ankara"], ["erdogan", "di", "ankara"]),
    ("Jum’at ''a", ["Jum’at", "a"], ["jum'at", "a"]),
    ("café—Straße", ["café", "Straße"], ["cafe", "strasse"]),
    # The English possessive stays in the gap: the name is the key.
    ("Indonesia's team, Jakarta’s governor, it's Ma'ruf", ["Indonesia", "team", "Jakarta", "governor", "it", "Ma'ruf"],
     ["indonesia", "team", "jakarta", "governor", "it", "ma'ruf"]),
    ("x\u00a0Y ²", ["x", "Y", "²"], ["x", "y", "2"]),
])
def test_tokenize_words_keys_and_offsets(text, words, keys):
    tokens = tokenize(text)
    assert tokens.words == words and tokens.keys == keys
    assert [text[a:b] for a, b in zip(tokens.starts, tokens.ends)] == words


@pytest.mark.parametrize("text, expected", [
    # Longest alias first, then the shorter lengths that exist for the same first word.
    ("Zorba Kilat Abadi Jaya tiba", [("Zorba Kilat Abadi Jaya", "org:zorba-kilat-abadi-jaya")]),
    ("Zorba Kilat Abadi tiba", [("Zorba Kilat", "org:zorba-kilat")]),
    ("Zorba, Kilat", [("Zorba", "per:zorba"), ("Kilat", "loc:kilat")]),
    # One-word aliases: exact case for acronyms, a capital for the others.
    ("ZKA zka Zka kilat Kilat", [("ZKA", "org:zorba-kilat-abadi-jaya"), ("Kilat", "loc:kilat")]),
])
def test_alias_lengths_per_first_word(tmp_path, text, expected):
    watch = tmp_path / "watch.tsv"
    watch.write_text("ORG\t\tZorba Kilat Abadi Jaya\tZKA\nORG\t\tZorba Kilat\nPER\t\tZorba\nLOC\t\tKilat\n")
    gazetteer = build_gazetteer([watch])
    assert gazetteer.widths["zorba"] == (4, 2, 1) and gazetteer.widths["zka"] == (1,)
    assert found(gazetteer, text) == expected


def _random_texts(n: int, seed: int = 3) -> list[str]:
    """Short texts mixing word pieces with every kind of gap the token loops tell apart."""
    rng = random.Random(seed)
    pieces = ["Kim", "Jong", "un", "KPK", "Kab", "Jl", "AS", "as", "Putin", "von", "der", "Leyen", "Korea",
              "Utara", "PBB", "x_1", "2024", " ", "  ", ". ", ".", "-", " / ", "&", ", ", "\n", "\t", "\x1c",
              "“", "”", "\u00a0", "—", "…", "(", ")", "'", "é", "~"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(n)]


@pytest.mark.parametrize("token_path", ["compiled"], indirect=True)
def test_compiled_and_python_token_loops_agree(gazetteer, monkeypatch, token_path):
    texts = _random_texts(3000)
    compiled = [tokenize(text) for text in texts]
    compiled = [(t.words, t.keys, t.starts, t.ends, t.joined, gazetteer.spans(t)) for t in compiled]
    monkeypatch.setattr(gazetteer_module, "_split_ascii", None)
    monkeypatch.setattr(gazetteer_module, "_compiled_spans", None)
    python = [tokenize(text) for text in texts]
    python = [(t.words, t.keys, t.starts, t.ends, t.joined, gazetteer.spans(t)) for t in python]
    assert sum(bool(row[0]) for row in python) > 2000  # the texts do hold words
    assert compiled == python


@pytest.mark.parametrize("name, expected", [
    ("Jawa Timur", ["East Jawa", "East Java"]),
    ("Sumatera Utara", ["North Sumatera", "North Sumatra"]),
    ("Papua Barat Daya", ["Southwest Papua"]),
    ("Jakarta Pusat", ["Central Jakarta"]),
    ("Flores Timur", ["East Flores"]),
    ("Bali", []),
    ("Timur", []),
])
def test_english_compass_names(name, expected):
    assert english_compass_names(name) == expected


@pytest.mark.parametrize("text, expected", [
    # English copy names Indonesian places and bodies in English: the same actors.
    ("floods in East Java and North Sumatra", [("East Java", "loc:jawa-timur"), ("North Sumatra", "loc:sumatera-utara")]),
    ("a volcano in East Flores", [("East Flores", "loc:kabupaten-flores-timur")]),
    ("residents of South Tangerang", [("South Tangerang", "loc:kota-tangerang-selatan")]),
    ("at the Merdeka Palace with the Health Ministry", [("Merdeka Palace", "loc:istana-merdeka"),
                                                         ("Health Ministry", "org:kementerian-kesehatan")]),
    ("the Corruption Eradication Commission (KPK)", [("Corruption Eradication Commission", "org:komisi-pemberantasan-korupsi"),
                                                     ("KPK", "org:komisi-pemberantasan-korupsi")]),
    # Generated: place heads put the English way, and each area's government, police and disaster agency.
    ("the Ciliwung River near Mount Marapi", [("Ciliwung River", "loc:sungai-ciliwung"), ("Mount Marapi", "loc:gunung-marapi")]),
    ("the Bogor Regency administration and Bogor Police", [("Bogor Regency administration", "org:pemerintah-kabupaten-bogor"),
                                                          ("Bogor Police", "org:polresta-bogor")]),
    ("West Java Police and the East Java provincial government", [
        ("West Java Police", "org:polda-jawa-barat"), ("East Java provincial government", "org:pemerintah-provinsi-jawa-timur")]),
    ("the Jakarta Disaster Mitigation Agency in Gunung Kidul Regency", [
        ("Jakarta Disaster Mitigation Agency", "org:bpbd-dki-jakarta"), ("Gunung Kidul Regency", "loc:kabupaten-gunungkidul")]),
])
def test_english_names(gazetteer, text, expected):
    assert found(gazetteer, text) == expected


def test_english_names_must_name_an_entry(tmp_path):
    names = tmp_path / "english.tsv"
    names.write_text("# English names\nKementerian Kesehatan\tHealth Ministry\nNo Such Body\tNowhere Office\n")
    assert read_english_names(names) == {"Kementerian Kesehatan": ["Health Ministry"], "No Such Body": ["Nowhere Office"]}
    rows = read_entries(GAZETTEER_DIR / "organizations.tsv")
    with pytest.raises(ValueError, match="No Such Body"):
        gazetteer_module._with_english_names(rows, read_english_names(names), names)
    names.write_text("Kementerian Kesehatan Health Ministry\n")
    with pytest.raises(ValueError, match=r"english.tsv:1"):
        read_english_names(names)
