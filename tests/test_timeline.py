"""Tests for warta.timeline: publication spans, first reporters, claims, quotes, propagation, events."""
from __future__ import annotations

import pandas as pd
import pytest

from warta import timeline

WIB = "+07:00"


def stamp(text: str) -> pd.Timestamp:
    return pd.Timestamp(text).tz_convert(timeline.display_timezone())


def article(article_id, outlet, published, body, *, precision=None, cited=(), title=""):
    return {"article_id": article_id, "outlet": outlet, "outlet_domain": outlet.lower().replace(" ", "") + ".com",
            "media_type": "nasional", "published": published,
            "date_precision": precision or ("minute" if "T" in (published or "") else None),
            "title": title, "body": body, "cited_sources": list(cited), "captions": [], "status": "ok"}


# --------------------------------------------------------------------------- spans


@pytest.mark.parametrize(
    "published, precision, start, end, expected_precision",
    [
        ("2024-06", "month", "2024-06-01T00:00+07:00", "2024-07-01T00:00+07:00", "month"),
        ("2024-06-15T12:30:00+07:00", "minute", "2024-06-15T12:30+07:00", "2024-06-15T12:31+07:00", "minute"),
        ("2024-06-18", "day", "2024-06-18T00:00+07:00", "2024-06-19T00:00+07:00", "day"),
        ("2024", "year", "2024-01-01T00:00+07:00", "2025-01-01T00:00+07:00", "year"),
        ("2024-12", "month", "2024-12-01T00:00+07:00", "2025-01-01T00:00+07:00", "month"),
        # An offset other than WIB is converted: 23:30 UTC is 06:30 WIB the next day.
        ("2024-06-18T23:30:00+00:00", "minute", "2024-06-19T06:30+07:00", "2024-06-19T06:31+07:00", "minute"),
        # A time without an offset is read in WIB.
        ("2024-06-18T09:05:00", "minute", "2024-06-18T09:05+07:00", "2024-06-18T09:06+07:00", "minute"),
        # The stated precision cuts a finer value; a coarser value keeps its own shape.
        ("2024-06-18", "month", "2024-06-01T00:00+07:00", "2024-07-01T00:00+07:00", "month"),
        ("2024-06", "day", "2024-06-01T00:00+07:00", "2024-07-01T00:00+07:00", "month"),
        ("2024-06-18T09:05:00+07:00", None, "2024-06-18T09:05+07:00", "2024-06-18T09:06+07:00", "minute"),
    ],
)
def test_publication_span(published, precision, start, end, expected_precision):
    assert timeline.publication_span(published, precision) == (stamp(start), stamp(end), expected_precision)


@pytest.mark.parametrize("published", [None, "", float("nan"), "kemarin sore", "2024-13"])
def test_publication_span_without_a_usable_date(published):
    start, end, precision = timeline.publication_span(published, "day")
    assert pd.isna(start) and pd.isna(end) and precision == "none"


@pytest.mark.parametrize("dtype", ["str", object, "string[pyarrow]"])
def test_spans_of_a_column_are_those_of_its_values_one_by_one(dtype):
    values = ["2024-06", "2024-06-18T23:30:00+00:00", None, "2024", "kemarin", "2024-06-18"]
    precisions = ["month", "minute", "day", None, "day", "month"]
    spans = timeline.spans_of(pd.Series(values, dtype=dtype), pd.Series(precisions, dtype=dtype))
    expected = [timeline.publication_span(value, precision) for value, precision in zip(values, precisions)]
    assert list(zip(spans["start"], spans["end"], spans["precision"])) == expected


def test_publication_timeline_orders_spans_within_each_story():
    articles = pd.DataFrame([
        article("kbs", "KBS", "2024-06", "x", precision="month"),
        article("kompas", "Kompas TV", "2024-06-15T12:30:00+07:00", "x"),
        article("none", "Undated", None, "x"),
        article("other", "Other", "2024-06-01", "x", precision="day"),
    ])
    stories = pd.DataFrame({"article_id": ["kbs", "kompas", "none", "other"], "story_id": ["s1", "s1", "s1", "s2"]})
    table = timeline.publication_timeline(articles, stories=stories)
    assert table["article_id"].tolist() == ["other", "kompas", "kbs", "none"]
    order = table.set_index("article_id")["order"]
    assert order[["other", "kompas", "kbs"]].tolist() == [1, 1, 2] and pd.isna(order["none"])
    kbs = table.set_index("article_id").loc["kbs"]
    assert (kbs["precision"], kbs["start"], kbs["end"]) == ("month", stamp("2024-06-01T00:00+07:00"),
                                                            stamp("2024-07-01T00:00+07:00"))


# --------------------------------------------------------------------------- first reporters


@pytest.mark.parametrize(
    "dates, first, certain",
    [
        # A month-only date cannot beat a day inside it ...
        ([("a", "2024-06", "month"), ("b", "2024-06-15T12:30:00+07:00", "minute")], "b", False),
        # ... unless the whole month is earlier for sure.
        ([("a", "2024-05", "month"), ("b", "2024-06-15", "day")], "a", True),
        # The last day of the month still wins over the month.
        ([("a", "2024-06", "month"), ("b", "2024-06-30", "day")], "b", False),
        ([("a", "2024-06-18", "day"), ("b", "2024-06-18T08:00:00+07:00", "minute")], "b", False),
        ([("a", "2024-06-18T08:00:00+07:00", "minute"), ("b", "2024-06-18T09:00:00+07:00", "minute")], "a", True),
        # An undated article is never first.
        ([("a", None, None), ("b", "2024-06-18", "day")], "b", True),
        ([("a", "2023", "year"), ("b", "2024-01-01", "day")], "a", True),
    ],
)
def test_first_reporter_respects_precision(dates, first, certain):
    articles = pd.DataFrame([article(name, f"Outlet {name}", published, "x", precision=precision)
                             for name, published, precision in dates])
    stories = pd.DataFrame({"article_id": articles["article_id"], "story_id": "s"})
    table = timeline.first_reporters(articles, stories)
    assert table.loc[table["is_first"], "article_id"].tolist() == [first]
    assert table["first_certain"].all() == certain
    assert (table["first_article_id"] == first).all()


def test_a_story_with_no_dated_article_has_no_first_reporter():
    articles = pd.DataFrame([article(name, f"Outlet {name}", None, "x", precision=None) for name in "ab"])
    stories = pd.DataFrame({"article_id": articles["article_id"], "story_id": "s"})
    table = timeline.first_reporters(articles, stories)
    assert table["article_id"].tolist() == ["a", "b"]
    assert not table["is_first"].any() and not table["first_certain"].any()
    assert table["first_outlet"].tolist() == ["", ""]
    assert table[["lag_hours", "lag_min_hours", "lag_max_hours"]].isna().all().all()


def test_lags_behind_the_first_reporter():
    articles = pd.DataFrame([
        article("a", "A", "2024-06-15T12:00:00+07:00", "x"),
        article("b", "B", "2024-06-16T18:00:00+07:00", "x"),
        article("b2", "B", "2024-06-17T18:00:00+07:00", "x"),
        article("c", "C", "2024-06", "x", precision="month"),
        article("d", "D", "2024-06-17", "x", precision="day"),
    ])
    stories = pd.DataFrame({"article_id": articles["article_id"], "story_id": "s"})
    table = timeline.first_reporters(articles, stories).set_index("outlet")
    assert len(table) == 4  # one row per outlet: B's earliest article
    assert table.at["B", "article_id"] == "b"
    assert table.at["B", "lag_hours"] == 30.0
    assert table.at["D", "lag_hours"] == 36.0
    assert pd.isna(table.at["C", "lag_hours"])
    assert (table.at["C", "lag_min_hours"], table.at["C", "lag_max_hours"]) == (0.0, pytest.approx(15 * 24 + 12))


def _reporters(rows: list[tuple[str, str, bool, bool]]) -> pd.DataFrame:
    return pd.DataFrame([{"story_id": story, "outlet": outlet, "is_first": is_first, "first_certain": certain,
                          "published": "2024-06-15", "precision": "day"} for story, outlet, is_first, certain in rows])


@pytest.mark.parametrize(("rows", "top_n", "expected"), [
    # the stories that the most outlets covered first; ties keep the table's order
    ([("a", "X", True, True), ("a", "Y", False, True), ("b", "Z", True, True),
      ("c", "X", True, True), ("c", "Y", False, True), ("c", "Z", False, True)], 5,
     ["- **X** first reported story `c` (3 outlets; 2024-06-15, day precision)",
      "- **X** first reported story `a` (2 outlets; 2024-06-15, day precision)",
      "- **Z** first reported story `b` (1 outlet; 2024-06-15, day precision)"]),
    # the rest are counted, not listed
    ([("a", "X", True, True), ("b", "Y", True, True), ("c", "Z", True, True)], 1,
     ["- **X** first reported story `a` (1 outlet; 2024-06-15, day precision)", "",
      "2 more stories: see the table below."]),
    ([("a", "X", True, False), ("b", "Y", True, True)], 1,
     ["- **X** first reported story `a` (1 outlet; 2024-06-15, day precision; "
      "an overlapping coarse date could be earlier)", "", "1 more story: see the table below."]),
    ([("a", "X", False, True)], 5, ["No dated story: no first reporter."]),
])
def test_describe_first_reporters(rows, top_n, expected):
    assert timeline.describe_first_reporters(_reporters(rows), top_n=top_n).split("\n") == expected


# --------------------------------------------------------------------------- claims


@pytest.mark.parametrize(
    "number, multiplier, value",
    [("11.000", None, 11000.0), ("11,000", None, 11000.0), ("11", "ribu", 11000.0), ("11", "thousand", 11000.0),
     ("2,5", "juta", 2.5e6), ("2.5", "million", 2.5e6), ("1.500.000", None, 1.5e6), ("70", None, 70.0)],
)
def test_claim_value(number, multiplier, value):
    assert timeline.claim_value(number, multiplier) == value


@pytest.mark.parametrize(
    "text, keys",
    [
        ("AS menuduh Korea Utara memasok lebih dari 11.000 kontainer amunisi ke Rusia.", ["11000 kontainer"]),
        ("North Korea shipped more than 11,000 containers of munitions.", ["11000 kontainer"]),
        ("Sebanyak 11 ribu kontainer amunisi dikirim.", ["11000 kontainer"]),
        ("Korea Utara memasok 70% impor peralatan mesin dan 90 persen mikroelektronika.",
         ["70% impor", "90% mikroelektronika"]),
        ("Kunjungan pertama dalam 24 tahun terakhir.", ["24 tahun"]),
        ("Putin tiba sekitar pukul 02.45 waktu setempat.", []),
        ("Perjalanan pertama Putin sejak tahun 2000.", []),
        ("Kirby berbicara Senin (17/6/2024) dan (17/06).", []),
        ("Puing rudal yang mendarat pada 2 Januari berasal dari seri Hwasong-11.", []),
        ("Pertandingan Grup F Euro 2024: Turki menang.", []),
        ("Harga cabai naik menjadi Rp 80.000 per kilogram.", ["80000 per"]),
    ],
)
def test_find_claims(text, keys):
    assert [claim["key"] for claim in timeline.find_claims(text)] == keys


def test_claim_text_keeps_qualifier_and_noun():
    claim = timeline.find_claims("memasok lusinan rudal balistik dan lebih dari 11.000 kontainer amunisi ke Rusia")[0]
    assert claim["text"] == "lebih dari 11.000 kontainer amunisi"
    assert (claim["value"], claim["unit"]) == (11000.0, "kontainer")


# --------------------------------------------------------------------------- quotes


@pytest.mark.parametrize(
    "text, concept",
    [
        ("What we are concerned about is the deepening relationship between these two countries", True),
        ("Yang kami khawatirkan adalah semakin dalamnya hubungan antara kedua negara", True),
        ("Namun yang dikhawatirkan adalah hubungan yang semakin erat antara kedua negara itu.", True),
        ("Washington mengamati hubungan Korut-Rusia yang kian erat", True),
        ("prihatin dengan semakin mendalamnya hubungan antara Rusia dengan Korea Utara", True),
        ("Kami tidak khawatir dengan perjalanan yang dilakukan Putin", False),
        ("Hubungan kedua negara memburuk sejak tahun lalu.", False),
    ],
)
def test_deepening_relationship_variants(text, concept):
    assert ("deepening_relationship" in timeline.phrase_concepts(text)) is concept


@pytest.mark.parametrize(
    "left, right, similar",
    [
        ("Kami tidak khawatir dengan perjalanan yang dilakukan Putin",
         "kami tidak khawatir dengan perjalanan yang dilakukan oleh Putin", True),
        ("We are not worried about the trip", "Kami tidak khawatir dengan perjalanan itu", True),
        ("Kami akan melanjutkannya ke arah yang lebih tinggi lagi", "Harga cabai rawit naik tajam di pasar", False),
    ],
)
def test_quote_words_survive_rewording_and_translation(left, right, similar):
    from rapidfuzz import fuzz

    assert (fuzz.token_set_ratio(timeline.quote_words(left), timeline.quote_words(right)) >= 70) is similar


def test_quote_words_are_stemmed_by_the_shared_roots(monkeypatch):
    from warta import roots

    monkeypatch.setattr(roots, "stem", lambda word: {"menyelundupkan": "selundupan", "kapal": "bahtera"}.get(word, word))
    timeline._stem.cache_clear()  # words stemmed before, by the real roots
    try:
        assert timeline.quote_words("Mereka menyelundupkan kapal") == "selundupan bahtera"  # "mereka": a stopword
    finally:
        timeline._stem.cache_clear()


# --------------------------------------------------------------------------- relations


def occurrences(*rows):
    return pd.DataFrame([{"article_id": article_id, "outlet": outlet, "outlet_domain": outlet.lower() + ".com",
                          "credited": list(credited), "sentence": sentence}
                         for article_id, outlet, credited, sentence in rows])


WIRE_TEXT = "AS menuduh Korea Utara memasok lebih dari 11.000 kontainer amunisi ke Rusia."


@pytest.mark.parametrize(
    "rows, expected",
    [
        # Both credit Reuters: same wire, even though the wording is identical.
        ([("a", "bdadinfo", ["Reuters"], WIRE_TEXT), ("b", "Bisnis", ["Reuters"], WIRE_TEXT)],
         ["first", "same_wire:Reuters"]),
        # The later article credits the earlier outlet.
        ([("a", "Kompas", [], "Kalimat asli dari Kompas."), ("b", "Tribun", ["Kompas"], "Kalimat ditulis ulang.")],
         ["first", "copied_from:Kompas"]),
        # Near-verbatim text without any credit: an uncredited copy.
        ([("a", "Kompas", [], WIRE_TEXT), ("b", "Tribun", [], WIRE_TEXT.replace("lebih dari", "lebih"))],
         ["first", "copied_from:Kompas"]),
        # Different wording, different sources: independent reports.
        ([("a", "Okezone", ["BBC"], "Yang kami khawatirkan adalah semakin dalamnya hubungan."),
          ("b", "Bisnis", ["Reuters"], "Washington mengamati hubungan yang kian erat."),
          ("c", "KBS", [], "Namun yang dikhawatirkan adalah hubungan yang semakin erat.")],
         ["first", "independent", "independent"]),
        # A third outlet copying the second, while the second credits a wire.
        ([("a", "Antara", [], "Teks pertama tentang banjir besar di Bandung."),
          ("b", "Kompas", ["AFP"], "Teks kedua yang berbeda sama sekali."),
          ("c", "Tribun", ["AFP"], "Teks ketiga yang juga berbeda.")],
         ["first", "independent", "same_wire:AFP"]),
    ],
)
def test_label_relations(rows, expected):
    assert timeline.label_relations(occurrences(*rows)) == expected


def test_shared_sentences_mark_a_copy():
    rows = occurrences(("a", "Kompas", [], "satu"), ("b", "Tribun", [], "dua"))
    assert timeline.label_relations(rows, copies={frozenset(("a", "b"))}) == ["first", "copied_from:Kompas"]


# --------------------------------------------------------------------------- propagation


BASE = ("Gempa bermagnitudo 6,1 mengguncang Kabupaten Cianjur, Jawa Barat. Badan Meteorologi, Klimatologi, dan "
        "Geofisika (BMKG) menyebut pusat gempa berada di darat.")


def propagation_corpus():
    return pd.DataFrame([
        article("a1", "Antara", "2024-03-10T08:00:00+07:00",
                BASE + " Sedikitnya 120 rumah rusak berat akibat gempa tersebut. “Kami masih mendata kerusakan di "
                "seluruh kecamatan yang terdampak gempa,” kata Kepala BPBD Cianjur Asep Sukmana."),
        article("a2", "Kompas", "2024-03-10T09:00:00+07:00",
                "Gempa mengguncang Cianjur pada Minggu pagi. Menurut data BPBD, sedikitnya 120 rumah mengalami rusak "
                "berat. Asep Sukmana mengatakan pihaknya masih mendata kerusakan di seluruh kecamatan terdampak.",
                cited=["Antara"]),
        article("a3", "Tribun", "2024-03-10T10:00:00+07:00",
                BASE + " Sedikitnya 120 rumah rusak berat akibat gempa tersebut."),
        article("a4", "Reuters Indonesia", "2024-03-10T11:00:00+07:00",
                "An earthquake of magnitude 6.1 struck Cianjur in West Java. At least 120 houses were badly "
                "damaged, the local disaster agency said.", cited=["AFP"]),
        article("a5", "Detik", "2024-03-10T12:00:00+07:00",
                "Gempa M 6,1 terjadi di Cianjur. Sebanyak 120 rumah dilaporkan rusak berat, menurut AFP.",
                cited=["AFP"]),
    ])


def test_trace_propagation_follows_claims_and_quotes_in_time_order():
    articles = propagation_corpus()
    stories = pd.DataFrame({"article_id": articles["article_id"], "story_id": "gempa"})
    quotes = pd.DataFrame([{
        "article_id": "a1", "sentence_id": 3, "speaker_id": "per:asep-sukmana", "speaker": "Asep Sukmana", "role": "",
        "text": "Kami masih mendata kerusakan di seluruh kecamatan yang terdampak gempa", "kind": "direct",
        "cue": "kata"}])
    table = timeline.trace_propagation(articles, stories=stories, quotes=quotes)
    assert list(table.columns[:9]) == ["item_id", "kind", "text", "article_id", "outlet", "published", "order",
                                       "credited", "relation"]
    claim = table[table["key"] == "120 rumah"].set_index("article_id")
    assert claim["order"].to_dict() == {"a1": 1, "a2": 2, "a3": 3, "a4": 4, "a5": 5}
    assert claim["relation"].to_dict() == {
        "a1": "first", "a2": "copied_from:Antara", "a3": "copied_from:Antara", "a4": "independent",
        "a5": "same_wire:AFP"}
    assert claim.at["a4", "text"] == "At least 120 houses"
    quote = table[table["kind"] == "quote"].set_index("article_id")
    assert set(quote.index) == {"a1", "a2"}
    assert quote.at["a2", "relation"] == "copied_from:Antara"
    assert quote.at["a1", "speaker"] == "Asep Sukmana"


def test_a_headline_quote_spreads_like_a_body_quote():
    """A headline that quotes the speaker is an occurrence of the quote, in sentence -1."""
    articles = pd.DataFrame([
        article("h1", "Detik", "2024-03-10T08:00:00+07:00",
                "Kapolri Listyo Sigit Prabowo menggelar rapat di Mabes Polri. Rapat membahas disiplin anggota.",
                title="Kapolri: Anggota yang Terlibat Narkoba Akan Dipecat"),
        article("h2", "Kompas", "2024-03-10T10:00:00+07:00",
                "Rapat digelar di Mabes Polri pada Minggu. “Anggota yang terlibat narkoba akan dipecat,” kata "
                "Listyo Sigit Prabowo.", title="Rapat Disiplin di Mabes Polri"),
    ])
    stories = pd.DataFrame({"article_id": articles["article_id"], "story_id": "polri"})
    quotes = pd.DataFrame([
        {"article_id": "h1", "sentence_id": -1, "speaker_id": "per:listyo-sigit-prabowo",
         "speaker": "Listyo Sigit Prabowo", "text": "Anggota yang Terlibat Narkoba Akan Dipecat", "kind": "headline"},
        {"article_id": "h2", "sentence_id": 1, "speaker_id": "per:listyo-sigit-prabowo",
         "speaker": "Listyo Sigit Prabowo", "text": "Anggota yang terlibat narkoba akan dipecat", "kind": "direct"}])
    table = timeline.trace_propagation(articles, stories=stories, quotes=quotes)
    quote = table[table["kind"] == "quote"].set_index("article_id")
    assert quote["sentence_id"].to_dict() == {"h1": -1, "h2": 1}
    assert quote["relation"].to_dict() == {"h1": "first", "h2": "independent"}
    assert quote.at["h1", "speaker"] == "Listyo Sigit Prabowo"
    # Without its quote row, a headline is no occurrence.
    assert timeline.trace_propagation(articles, stories=stories, quotes=quotes.iloc[1:]).empty


def test_trace_propagation_without_quotes_uses_quotation_marks():
    articles = propagation_corpus()
    copy = articles.iloc[0].to_dict() | {"article_id": "a6", "outlet": "Suara", "published": "2024-03-10T13:00:00+07:00"}
    articles = pd.concat([articles, pd.DataFrame([copy])], ignore_index=True)
    stories = pd.DataFrame({"article_id": articles["article_id"], "story_id": "gempa"})
    table = timeline.trace_propagation(articles, stories=stories)
    quote = table[table["kind"] == "quote"]
    assert set(quote["article_id"]) == {"a1", "a6"}
    assert quote.set_index("article_id").at["a6", "relation"] == "copied_from:Antara"


def test_items_stay_inside_their_story():
    articles = propagation_corpus()
    stories = pd.DataFrame({"article_id": articles["article_id"], "story_id": ["s1", "s2", "s3", "s4", "s5"]})
    assert timeline.trace_propagation(articles, stories=stories).empty


# --------------------------------------------------------------------------- events


def test_extract_events_places_dates_in_their_sentences():
    body = ("Kim Jong Un mengunjungi Rusia pada 13/9/2023. Kirby berbicara pada Senin (17/6).\n"
            "Kunjungan berlangsung pada 18-19 Juni.")
    articles = pd.DataFrame([article("k", "KBS", "2024-06", body, precision="month")])
    articles.at[0, "captions"] = ["Putin dan Kim bertemu pada Rabu (13/9/2023)."]
    events = timeline.extract_events(articles)
    body_events = events[events["source"] == "body"]
    assert body_events[["sentence_id", "date", "precision"]].values.tolist() == [
        [0, "2023-09-13", "day"], [1, "2024-06-17", "day"], [2, "2024-06-18", "day"], [2, "2024-06-19", "day"]]
    assert body_events["sentence"].iloc[1] == "Kirby berbicara pada Senin (17/6)."
    caption = events[events["source"] == "caption"]
    assert caption["date"].tolist() == ["2023-09-13"] and caption["sentence_id"].isna().all()
    # Against the month-precision publication span, which starts on 1 June.
    assert body_events["days_from_publication"].tolist() == [-262.0, 16.0, 17.0, 18.0]


def test_extract_events_of_an_empty_batch():
    assert list(timeline.extract_events(pd.DataFrame(columns=["article_id", "body"])).columns) == \
        timeline.EVENT_COLUMNS


# --------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seed_tables():
    from warta import actors
    from warta.load import load_corpus

    articles = load_corpus(timeline.config.seeds_dir())
    articles = articles[articles["status"] != "rejected"]
    mentions = actors.extract_mentions(articles)
    quotes = actors.extract_quotes(articles, mentions)
    stories = timeline.cluster_stories(articles, mentions=mentions)
    return {"articles": articles, "stories": stories,
            "propagation": timeline.trace_propagation(articles, stories=stories, quotes=quotes)}


def test_seeds_form_one_story(seed_tables):
    assert len(seed_tables["articles"]) == 5
    assert seed_tables["stories"]["story_id"].nunique() == 1


def test_seeds_first_reporter_is_kompas_tv_and_kbs_is_a_month_span(seed_tables):
    reporters = timeline.first_reporters(seed_tables["articles"], seed_tables["stories"]).set_index("outlet")
    assert reporters.loc[reporters["is_first"]].index.tolist() == ["Kompas TV"]
    assert reporters.at["Kompas TV", "start"] == stamp("2024-06-15T12:30+07:00")
    # The stories table written by `warta analyze` says the same.
    stories = seed_tables["stories"].set_index("article_id")
    first = stories.loc[stories["is_first"]]
    assert first["first_outlet"].tolist() == ["Kompas TV"] and (stories["first_outlet"] == "Kompas TV").all()
    assert stories["order"].max() == 5
    kbs = reporters.loc[reporters.index.str.startswith("KBS")].iloc[0]
    assert kbs["precision"] == "month"
    assert (kbs["start"], kbs["end"]) == (stamp("2024-06-01T00:00+07:00"), stamp("2024-07-01T00:00+07:00"))


def test_seeds_kirby_quote_is_traced_across_kbs_okezone_and_bisnis(seed_tables):
    propagation = seed_tables["propagation"]
    quote = propagation[(propagation["kind"] == "quote") & propagation["key"].str.contains("deepening_relationship")]
    assert quote["item_id"].nunique() == 1
    outlets = set(quote["outlet"])
    assert {"Okezone", "Bisnis.com"} <= outlets and any(outlet.startswith("KBS") for outlet in outlets)
    texts = " ".join(quote["text"])
    assert "hubungan yang semakin erat" in texts and "semakin dalamnya hubungan" in texts and "kian erat" in texts


def test_seeds_containers_claim_is_the_same_reuters_wire(seed_tables):
    propagation = seed_tables["propagation"]
    claim = propagation[(propagation["kind"] == "claim") & (propagation["key"] == "11000 kontainer")]
    assert sorted(claim["outlet"]) == ["Bisnis.com", "bdadinfo.com"]
    assert (claim["credited"] == "Reuters").all()
    assert sorted(claim["relation"]) == ["first", "same_wire:Reuters"]


def test_summarize_stories_lists_largest_first_with_earliest_title():
    articles = pd.DataFrame([
        article("a", "A", "2024-06-18", "x", precision="day", title=""),
        article("b", "B", "2024-06-15T12:30:00+07:00", "x", title="Yang pertama"),
        article("c", "C", "2024-06", "x", precision="month", title="Bulan saja"),
        article("d", "D", "2024-07-01", "x", precision="day", title="Lain"),
    ])
    stories = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "story_id": ["s1", "s1", "s1", "s2"]})
    summary = timeline.summarize_stories(articles, stories)
    assert summary["story_id"].tolist() == ["s1", "s2"]
    first = summary.iloc[0]
    assert (first["articles"], first["outlets"], first["title"]) == (3, "B, A, C", "Yang pertama")
    assert (first["first_published"], first["last_published"]) == ("2024-06-15T12:30:00+07:00", "2024-06")


def test_summarize_stories_skips_missing_dates_and_titles():
    articles = pd.DataFrame([
        article("a", "A", "2024-06-18", "x", precision="day", title=""),
        article("b", "B", "2024-06-19", "x", precision="day", title=None),
        article("c", "A", None, "x", precision="", title="Judul"),
        article("d", "C", None, "x", precision="", title=None),
    ])
    stories = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "story_id": ["s1", "s1", "s1", "s2"]})
    summary = timeline.summarize_stories(articles, stories).set_index("story_id")
    assert (summary.at["s1", "outlets"], summary.at["s1", "title"], summary.at["s1", "last_published"]) == \
        ("A, B", "Judul", "2024-06-19")
    assert (summary.at["s2", "articles"], summary.at["s2", "title"]) == (1, "")
    assert pd.isna(summary.at["s2", "first_published"]) and pd.isna(summary.at["s2", "last_published"])


# The next stop of the same trip: same actors, same week, a different story.
NEXT_STOP = {
    "vietnam_1.txt": """Kompas.com - 20 Juni 2024, 09:15 WIB

Putin Tiba di Hanoi, Vietnam Gelar Sambutan Kenegaraan

HANOI, KOMPAS.com - Presiden Rusia Vladimir Putin tiba di Hanoi, Vietnam, pada Kamis (20/6/2024) dini hari, setelah meninggalkan Korea Utara.

Putin disambut oleh Presiden Vietnam To Lam di Istana Kepresidenan. Kedua pemimpin dijadwalkan membahas kerja sama energi, perdagangan, dan pendidikan.

Vietnam dan Rusia telah menjalin hubungan diplomatik sejak era Uni Soviet. Perdana Menteri Vietnam Pham Minh Chinh juga akan bertemu Putin dalam kunjungan dua hari tersebut.

Amerika Serikat mengkritik Vietnam karena menjadi tuan rumah bagi Putin. Kedutaan Besar AS di Hanoi menyatakan tidak ada negara yang seharusnya memberi Putin panggung untuk mempromosikan perang agresinya.

Vietnam menegaskan kebijakan luar negerinya yang netral dan tidak memihak.
""",
    "vietnam_2.txt": """CNN Indonesia
Kamis, 20 Jun 2024 14:30 WIB

Vietnam dan Rusia Teken Belasan Kesepakatan saat Kunjungan Putin

Jakarta, CNN Indonesia -- Vietnam dan Rusia menandatangani belasan kesepakatan kerja sama dalam kunjungan Presiden Vladimir Putin ke Hanoi.

Presiden Vietnam To Lam mengatakan kedua negara sepakat memperdalam kemitraan strategis menyeluruh, termasuk di bidang energi dan pendidikan.

Putin memuji hubungan Rusia dan Vietnam yang menurutnya telah teruji waktu. Ia juga bertemu Sekretaris Jenderal Partai Komunis Vietnam Nguyen Phu Trong.

Kunjungan ke Hanoi ini dilakukan sehari setelah Putin menandatangani pakta pertahanan dengan Kim Jong Un di Pyongyang.
""",
    "flood.txt": """detikNews
Rabu, 19 Jun 2024 10:00 WIB

Banjir Rendam Ratusan Rumah di Kabupaten Bandung

Bandung - Banjir merendam ratusan rumah di Kecamatan Dayeuhkolot, Kabupaten Bandung, Jawa Barat, Rabu (19/6/2024). BPBD Kabupaten Bandung mencatat sedikitnya 350 rumah terendam setelah Sungai Citarum meluap.

Kepala BPBD Kabupaten Bandung Uka Suska mengatakan warga mulai mengungsi ke masjid terdekat.
""",
}


def test_seeds_stay_one_story_beside_a_related_story_and_an_unrelated_one(tmp_path):
    import shutil

    from warta import actors
    from warta.load import load_corpus

    for seed in timeline.config.seeds_dir().glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    for name, text in NEXT_STOP.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    articles = load_corpus(tmp_path)
    stories = timeline.cluster_stories(articles, mentions=actors.extract_mentions(articles))
    by_file = dict(zip(articles["path"].map(lambda path: path.rsplit("/", 1)[-1]), stories["story_id"]))
    seeds = {by_file[name] for name in by_file if name[:3].isdigit()}
    assert len(seeds) == 1
    assert by_file["vietnam_1.txt"] == by_file["vietnam_2.txt"] not in seeds
    assert by_file["flood.txt"] not in seeds | {by_file["vietnam_1.txt"]}


@pytest.mark.parametrize(
    ("speaker", "word"),
    [
        ("John Kirby", "kirby"),
        ("Retno Marsudi", "marsudi"),
        ("Xi Jinping", "jinping"),
        ("Presiden Joko Widodo (Jokowi)", "widodo"),  # the last capitalised word of three letters or more
        ("AS", None),
        ("dia", None),
        ("", None),
    ],
)
def test_surname_pattern_is_the_last_capitalised_word(speaker, word):
    surname = timeline._surname_pattern(speaker)
    assert (surname.word if surname else None) == word


@pytest.mark.parametrize(
    ("nearby", "found"),
    [
        ("menurut kirby, kunjungan itu penting.", True),
        ("kirby", True),
        ("kata kirbyanto di jakarta.", False),  # inside a longer word
        ("juru bicara gedung putih.", False),
    ],
)
def test_surname_is_found_as_a_whole_word(nearby, found):
    surname = timeline._surname_pattern("John Kirby")
    assert (surname.word in nearby and surname.search(nearby) is not None) is found


@pytest.mark.parametrize(("stories", "expected"), [
    (pd.DataFrame({"article_id": ["a", "b"], "story_id": ["s1", "s2"]}), ["s1", "s2", None]),
    (pd.DataFrame({"article_id": ["a", "a", 1], "story_id": ["s1", "s9", "s3"]}), ["s9", None, "s3"]),  # last wins
    (pd.DataFrame({"article_id": [1, "1"], "story_id": ["s1", "s2"]}), [None, None, "s2"]),  # ids compare as text
    (pd.DataFrame({"article_id": pd.Series([], dtype="str"), "story_id": pd.Series([], dtype="str")}), [None] * 3),
    (None, [None, None, None]),
])
def test_story_of_each_article(stories, expected):
    articles = pd.DataFrame({"article_id": pd.Series(["a", "b", "1"], dtype="str")})
    found = timeline._story_of(articles, stories)
    assert [None if pd.isna(value) else value for value in found] == expected
    assert list(found.index) == [0, 1, 2]
