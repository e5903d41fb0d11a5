"""Tests for warta.dates: date mentions in text and the published date of an article."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from warta import dates
from warta.config import seeds_dir

@pytest.fixture(autouse=True, params=["compiled", "python"])
def trigger_path(request, monkeypatch):
    """Every test runs on the compiled trigger scan (warta._tokens.date_triggers) and on the regex one."""
    if request.param == "compiled":
        request.getfixturevalue("compiled_tokens")
    else:
        monkeypatch.setattr(dates, "_compiled_triggers", None)
        monkeypatch.setattr(dates, "_compiled_word_starts", None)
    return request.param


REF = dt.date(2024, 6, 19)
SEEDS = {path.name[:3]: path.read_text(encoding="utf-8") for path in sorted(seeds_dir().glob("*.txt"))}


def _values(text: str, reference: dt.date | None = REF) -> list[tuple[str, str | None, str, bool]]:
    return [(m.surface, m.value, m.precision, m.year_inferred) for m in dates.find_date_mentions(text, reference=reference)]


# --------------------------------------------------------------------------- mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # day names with numeric dates
        ("tiba pada Selasa (18/6/2024) malam", [("Selasa (18/6/2024)", "2024-06-18", "day", False)]),
        ("pada hari Senin (17/06) waktu setempat", [("hari Senin (17/06)", "2024-06-17", "day", True)]),
        ("Ahad (16/6/2024) pagi", [("Ahad (16/6/2024)", "2024-06-16", "day", False)]),
        ("Jum'at (14/6) lalu", [("Jum'at (14/6)", "2024-06-14", "day", True)]),
        ("hari Rabu, (13/9/2023).", [("hari Rabu, (13/9/2023)", "2023-09-13", "day", False)]),
        # textual dates
        ("pada Rabu, 19 Juni 2024.", [("Rabu, 19 Juni 2024", "2024-06-19", "day", False)]),
        ("Kamis, 1 Agt 2024", [("Kamis, 1 Agt 2024", "2024-08-01", "day", False)]),
        ("tanggal 17 Agustus 1945", [("17 Agustus 1945", "1945-08-17", "day", False)]),
        ("Senin, 3 Des. 2023", [("Senin, 3 Des. 2023", "2023-12-03", "day", False)]),
        ("Sabtu, 15 Jun 2024", [("Sabtu, 15 Jun 2024", "2024-06-15", "day", False)]),
        ("10 Okt 2022 dan 5 Ags 2022", [("10 Okt 2022", "2022-10-10", "day", False), ("5 Ags 2022", "2022-08-05", "day", False)]),
        ("on Wednesday, June 19, 2024", [("Wednesday, June 19, 2024", "2024-06-19", "day", False)]),
        ("on 19 June 2024", [("19 June 2024", "2024-06-19", "day", False)]),
        # a two-digit year only before a clock time: else it is a count ("12 Juli 15 orang")
        ("02 Jul 24 | 09:00", [("02 Jul 24", "2024-07-02", "day", False)]),
        ("pada 12 Juli 15 orang tewas", [("12 Juli", "2023-07-12", "day", True)]),
        # numeric and ISO dates
        ("pada 19/6/2024", [("19/6/2024", "2024-06-19", "day", False)]),
        ("pada 19-06-2024", [("19-06-2024", "2024-06-19", "day", False)]),
        ("pada 19.06.2024", [("19.06.2024", "2024-06-19", "day", False)]),
        ("tanggal 13/9/2023", [("13/9/2023", "2023-09-13", "day", False)]),
        ("diunggah 2024-06-19", [("2024-06-19", "2024-06-19", "day", False)]),
        (" date 2024-06 Photo", [("2024-06", "2024-06", "month", False)]),
        # ranges and year-less dates (the nearest not after the reference)
        ("pada tanggal 18-19 Juni", [("18-19 Juni", "2024-06-18", "day", True), ("18-19 Juni", "2024-06-19", "day", True)]),
        ("pada 2 Januari berasal", [("2 Januari", "2024-01-02", "day", True)]),
        ("pada 25 Desember", [("25 Desember", "2023-12-25", "day", True)]),
        ("30 Juni - 2 Juli 2024", [("30 Juni", "2024-06-30", "day", False), ("2 Juli 2024", "2024-07-02", "day", False)]),
        ("pada 20 Juli mendatang", [("20 Juli", "2024-07-20", "day", True)]),
        # months and years
        ("pada bulan September di kosmodrom", [("bulan September", "2023-09", "month", True)]),
        ("pada September lalu", [("September lalu", "2023-09", "month", True)]),
        ("di bulan Mei", [("bulan Mei", "2024-05", "month", True)]),
        ("pada Juni 2024", [("Juni 2024", "2024-06", "month", False)]),
        ("sejak tahun 2000 lalu", [("tahun 2000", "2000", "year", False)]),
        ("pada 2019 lalu", [("pada 2019", "2019", "year", False)]),
        ("Pemilu di bulan Februari 2024", [("Februari 2024", "2024-02", "month", False)]),
    ],
)
def test_find_date_mentions(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Indonesia menang 2-1 atas Vietnam",         # a score
        "tiba sekitar pukul 02.45 waktu setempat",   # a time
        "sentimen positif (84.2%) dan 70% impor",    # decimals and percentages
        "kali pertama dalam 24 tahun terakhir",      # a duration
        "lebih dari 11.000 kontainer amunisi",       # a thousands separator
        "pada 31/2/2024 dan 30/02/2024",             # impossible days
        "pada 12/13/2024",                           # impossible month
        "Grup F Euro 2024: Turki menang",            # a year without a date cue
        "skor 3-2-1 dan rasio 1/2",                  # neither a date nor a parenthesised day
        "versi 1.12.25 dirilis",                     # a version number
        "musim 2011-12 dan 2023-2024",               # seasons
        "9 bulan setelah kunjungan, 3 desa terendam", # "bulan" and "desa" are not months
        "pada 18/6 harga naik",                      # a bare fraction-like day needs brackets
    ],
)
def test_non_dates_are_rejected(text):
    assert dates.find_date_mentions(text, reference=REF) == []


def test_mentions_carry_offsets_into_the_text():
    text = "Putin tiba pada Selasa (18/6/2024) malam."
    (mention,) = dates.find_date_mentions(text)
    assert text[mention.start:mention.end] == mention.surface == "Selasa (18/6/2024)"


def test_without_reference_the_latest_full_date_in_the_text_anchors_year_less_ones():
    text = "Senin (17/06) lalu, dan pada Rabu (19/6/2024) Putin tiba."
    assert [m.value for m in dates.find_date_mentions(text)] == ["2024-06-17", "2024-06-19"]


def test_without_any_anchor_a_year_less_date_keeps_no_value():
    (mention,) = dates.find_date_mentions("pada hari Senin (17/06) waktu setempat")
    assert (mention.value, mention.precision, mention.year_inferred) == (None, "day", True)


@pytest.mark.parametrize("text, reference, expected", [
    # A day name picks the year it fits, though the date is still to come (23 June 2024 was a Sunday).
    ("digelar Minggu (23/6) pagi", dt.date(2024, 6, 20), "2024-06-23"),
    ("pada hari Jumat, 21 Juni", dt.date(2024, 6, 20), "2024-06-21"),
    ("Selasa (31/12) malam", dt.date(2025, 1, 2), "2024-12-31"),
    # Without a day name, or where it fits no date within half a year, the nearest past date.
    ("digelar (23/6) pagi", dt.date(2024, 6, 20), "2023-06-23"),
    ("digelar Senin (23/6) pagi", dt.date(2024, 6, 20), "2023-06-23"),
])
def test_a_day_name_tells_a_year_less_dates_year(text, reference, expected):
    (mention,) = dates.find_date_mentions(text, reference=reference)
    assert (mention.value, mention.year_inferred) == (expected, True)


def test_year_less_29_february_finds_a_leap_year():
    (mention,) = dates.find_date_mentions("pada 29 Februari", reference=dt.date(2027, 3, 1))
    assert mention.value == "2024-02-29"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-06", dt.date(2024, 6, 30)), ("2024", dt.date(2024, 12, 31)), ("2024-02-29", dt.date(2024, 2, 29)),
     ("2024-06-15T12:30:00+07:00", dt.date(2024, 6, 15)), (None, None), ("", None)],
)
def test_reference_date(value, expected):
    assert dates.reference_date(value) == expected


# --------------------------------------------------------------------------- published


@pytest.mark.parametrize(
    ("header", "body", "metadata", "expected"),
    [
        ("Kompas.tv - 15 Juni 2024, 12:30 WIB", "", None, ("2024-06-15T12:30:00+07:00", "minute", "15 Juni 2024, 12:30 WIB")),
        ("Rabu, 19 Jun 2024 14:05 WITA", "", None, ("2024-06-19T14:05:00+08:00", "minute", "Rabu, 19 Jun 2024 14:05 WITA")),
        ("Senin, 17/06/2024 | 09.15 WIT", "", None, ("2024-06-17T09:15:00+09:00", "minute", "Senin, 17/06/2024 | 09.15 WIT")),
        ("Monday, 27 Jan 2025 2:00 PM MYT", "", None, ("2025-01-27T14:00:00+08:00", "minute", "Monday, 27 Jan 2025 2:00 PM MYT")),
        ("Selasa, 18 Juni 2024 - 10:23", "", None, ("2024-06-18T10:23:00", "minute", "Selasa, 18 Juni 2024 - 10:23")),
        ("IDN Times\n02 Jul 24 | 09:00 WIB", "", None, ("2024-07-02T09:00:00+07:00", "minute", "02 Jul 24 | 09:00 WIB")),
        ("Jumat, 14 Juni 2024 pukul 07.00 WIB", "", None, ("2024-06-14T07:00:00+07:00", "minute", "Jumat, 14 Juni 2024 pukul 07.00 WIB")),
        ("Sabtu, 15 Juni 2024 12:30 Oleh: Redaksi", "", None, ("2024-06-15T12:30:00", "minute", "Sabtu, 15 Juni 2024 12:30")),
        ("Diperbarui 20 Juni 2024\nDipublikasikan 19 Juni 2024", "", None, ("2024-06-19", "day", "19 Juni 2024")),
        (" date 2024-06 Photo : KBS News", "Putin tiba 18-19 Juni.", None, ("2024-06", "month", "2024-06")),
        (" date 2024-06", "Putin tiba Rabu (19/6/2024).", None, ("2024-06-19", "day", "inferred: Rabu (19/6/2024)")),
        (" date 2024-06", "Kunjungan sebelumnya Rabu (13/9/2023).", None, ("2024-06", "month", "2024-06")),
        ("Inflasi Juni 2024 Turun\nRabu, 3 Juli 2024 10:00 WIB", "", None,
         ("2024-07-03T10:00:00+07:00", "minute", "Rabu, 3 Juli 2024 10:00 WIB")),
        ("Anggaran Tahun 2025 Disahkan", "DPR mengesahkan anggaran Rabu (19/6/2024).", None,
         ("2024-06-19", "day", "inferred: Rabu (19/6/2024)")),
        ("", "Selasa (18/6/2024) tiba. Rabu (19/6/2024) pulang. Senin (17/6/2024).", None,
         ("2024-06-19", "day", "inferred: Rabu (19/6/2024)")),
        ("", "Putin tiba Senin (17/06) dan sejak tahun 2000.", None, (None, "none", "")),
        ("", "Rabu (19/6/2024) KPU menetapkan pemungutan suara pada 27 November 2024 mendatang.", None,
         ("2024-06-19", "day", "inferred: Rabu (19/6/2024)")),
        ("", "", None, (None, "none", "")),
        ("Jakarta, 15 Juni 2024", "Rabu (19/6/2024).", "2024-06-14T08:00:00+07:00",
         ("2024-06-14T08:00:00+07:00", "minute", "2024-06-14T08:00:00+07:00")),
        ("", "", "2024-06-14T01:00:00Z", ("2024-06-14T01:00:00+00:00", "minute", "2024-06-14T01:00:00Z")),
        ("", "", "Sat, 15 Jun 2024 05:30:00 GMT", ("2024-06-15T05:30:00+00:00", "minute", "Sat, 15 Jun 2024 05:30:00 GMT")),
        ("", "", "2024-06-15", ("2024-06-15", "day", "2024-06-15")),
        ("", "", "1718429400", ("2024-06-15T05:30:00+00:00", "minute", "1718429400")),
        ("", "", "20240615", ("2024-06-15", "day", "20240615")),  # YYYYMMDD, a number in some exports
        ("", "", "2024/06/15 05:30:00", ("2024-06-15T05:30:00", "minute", "2024/06/15 05:30:00")),  # meta publishdate
        ("", "", "2024/6/5", ("2024-06-05", "day", "2024/6/5")),
        ("", "", "2024/13/40", (None, "none", "")),
        ("", "", "20241340", (None, "none", "")),  # no 40th of a 13th month
        ("15 Juni 2024", "", "tidak ada tanggal", ("2024-06-15", "day", "15 Juni 2024")),
        ("Kompas.com - 15/06/2024, 12:30 WIB", "", "2024-06-15", ("2024-06-15T12:30:00+07:00", "minute", "15/06/2024, 12:30 WIB")),
        ("Kompas.com - 16/06/2024, 12:30 WIB", "", "2024-06-15", ("2024-06-15", "day", "2024-06-15")),
        ("", "", "Wed, 19 Jun 2024 08:15:00 +0700", ("2024-06-19T08:15:00+07:00", "minute", "Wed, 19 Jun 2024 08:15:00 +0700")),
        ("", "", "2024-06-19T08:15:00.000Z", ("2024-06-19T08:15:00+00:00", "minute", "2024-06-19T08:15:00.000Z")),
        ("", "", "2024-06-19T08:15:00+0700", ("2024-06-19T08:15:00+07:00", "minute", "2024-06-19T08:15:00+0700")),
        ("", "", "19/06/2024 08:15", ("2024-06-19T08:15:00", "minute", "19/06/2024 08:15")),
        ("15/06/2024 12:30 GMT+7", "", None, ("2024-06-15T12:30:00+07:00", "minute", "15/06/2024 12:30 GMT+7")),
        ("08:15 WIB, Rabu 19 Juni 2024", "", None, ("2024-06-19T08:15:00+07:00", "minute", "08:15 WIB, Rabu 19 Juni 2024")),
        ("Jadwal Laga 20 Juni 2024\nKompas.com - 19/06/2024, 08:15 WIB", "", None,
         ("2024-06-19T08:15:00+07:00", "minute", "19/06/2024, 08:15 WIB")),
        ("Jadwal Laga 20 Juni 2024\nRedaksi", "Rabu (19/6/2024).", None, ("2024-06-20", "day", "20 Juni 2024")),
        ("Kamis, 20 Juni 2024 | 07:45 WIB", "", None, ("2024-06-20T07:45:00+07:00", "minute", "Kamis, 20 Juni 2024 | 07:45 WIB")),
        ("Rabu, 19 Juni 2024 – 08:15 WIB", "", None, ("2024-06-19T08:15:00+07:00", "minute", "Rabu, 19 Juni 2024 – 08:15 WIB")),
        ("Senin, 17 Juni 2024 / 14:32 WIB", "", None, ("2024-06-17T14:32:00+07:00", "minute", "Senin, 17 Juni 2024 / 14:32 WIB")),
        ("Published: Jun 20, 2024 7:45 AM", "", None, ("2024-06-20T07:45:00", "minute", "Jun 20, 2024 7:45 AM")),
        ("Jun 20, 2024 12:05 p.m. GMT", "", None, ("2024-06-20T12:05:00+00:00", "minute", "Jun 20, 2024 12:05 p.m. GMT")),
        ("June 20, 2024 7:45 PM", "", None, ("2024-06-20T19:45:00", "minute", "June 20, 2024 7:45 PM")),
        ("2024-06-20 07:45:00", "", None, ("2024-06-20T07:45:00", "minute", "2024-06-20 07:45:00")),
        ("SABTU, 15 JUNI 2024 12:30 WIB", "", None, ("2024-06-15T12:30:00+07:00", "minute", "SABTU, 15 JUNI 2024 12:30 WIB")),
    ],
)
def test_find_published(header, body, metadata, expected):
    found = dates.find_published(header, body, metadata=metadata)
    assert (found.value, found.precision, found.evidence) == expected


@pytest.mark.parametrize(
    "header, body, url, expected",
    [
        # News sites write the day into the URL's path; it comes after a header's day, before the body's.
        ("Kompas.com", "Rapat pada 1 Juni 2024.", "https://nasional.kompas.com/read/2024/06/18/12300011/judul",
         ("2024-06-18", "day", "url: /2024/06/18")),
        ("", "", "https://www.cnnindonesia.com/internasional/20240618123456-106-1111111/judul",
         ("2024-06-18", "day", "url: /20240618123456")),
        ("", "", "https://ekonomi.bisnis.com/read/20240619/9/1775555/judul", ("2024-06-19", "day", "url: /20240619")),
        ("", "", "https://www.suara.com/news/2024/06/18/103000/judul?page=2", ("2024-06-18", "day", "url: /2024/06/18")),
        ("Kompas.com - 15/06/2024, 12:30 WIB", "", "https://kompas.com/read/2024/06/18/1/x",
         ("2024-06-15T12:30:00+07:00", "minute", "15/06/2024, 12:30 WIB")),
        ("date 2024-06", "", "https://kompas.com/read/2024/07/18/1/x", ("2024-06", "month", "2024-06")),  # outside the month
        ("", "Rabu (19/6/2024).", "https://news.detik.com/berita/d-7400000/judul", ("2024-06-19", "day", "inferred: Rabu (19/6/2024)")),
        ("", "", "https://x.com/read/2024/13/45/judul", (None, "none", "")),  # no 45th of a 13th month
    ],
)
def test_find_published_reads_the_day_in_the_url(header, body, url, expected):
    found = dates.find_published(header, body, url=url)
    assert (found.value, found.precision, found.evidence) == expected


def test_find_published_on_the_seeds():
    assert dates.find_published(" date 2024-06 Photo : KBS News", SEEDS["000"]).value == "2024-06"
    kompas_tv = dates.find_published("Kompas.tv - 15 Juni 2024, 12:30 WIB", SEEDS["002"])
    assert (kompas_tv.value, kompas_tv.precision) == ("2024-06-15T12:30:00+07:00", "minute")
    for key in ("003", "004"):
        found = dates.find_published("", SEEDS[key])
        assert (found.value, found.precision) == ("2024-06-19", "day")
        assert found.evidence.startswith(dates.INFERRED)


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_seed_mentions_are_well_formed(key):
    text = SEEDS[key]
    mentions = dates.find_date_mentions(text, reference=REF)
    assert mentions
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.surface
        assert mention.precision in dates.PRECISIONS
        assert mention.value is not None and mention.value <= "2024-06-19"


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("", []),
        ("tanpa angka", []),
        ("2024", [0]),
        ("pada 19/6/2024 pukul 08.15", [5, 8, 10, 21, 24]),
        ("“Kutipan” 12 Juni — 3 orang², é 7", [10, 20, 32]),  # non-Latin-1 and superscript keep offsets
        ("Rp1.500.000 dan 24", [2, 4, 8, 16]),
        ("akhir 9", [6]),
    ],
)
def test_digit_runs_start_at_every_ascii_digit_run(text, starts):
    from warta.dates import _digit_runs

    assert _digit_runs(text) == starts
    assert all(text[i].isascii() and text[i].isdigit() and (i == 0 or not text[i - 1].isdigit()) for i in starts)


@pytest.mark.parametrize(
    ("header", "body", "expected"),
    [
        ("", "Kunjungan melonjak pada Senin (17/06). Angka tertinggi sepanjang 2024.",
         ("2024-06-17", "day", "inferred: Senin (17/06) (2024)")),
        # The weekday picks the year: 17 June was a Monday in 2019 and in 2024, the latest wins.
        ("", "Warga berkumpul pada Senin (17/06). Tradisi itu digelar sejak 2019 dan ramai lagi pada 2024.",
         ("2024-06-17", "day", "inferred: Senin (17/06) (2024)")),
        ("", "Rapat digelar Selasa (17/06). Anggaran 2024 dibahas.", (None, "none", "")),  # no year fits Selasa
        ("", "Rapat digelar pada 17 Juni lalu. Anggaran 2024 dibahas.", ("2024-06-17", "day", "inferred: 17 Juni (2024)")),
        ("", "Rapat digelar pada 17 Juni. Anggaran 2023 dan 2024 dibahas.", (None, "none", "")),  # which year?
        ("", "Rapat akan digelar pada 17 Juni mendatang. Anggaran 2024 dibahas.", (None, "none", "")),
        ("", "Target itu dicapai Senin (17/06) menurut rencana 2099.", (None, "none", "")),  # years to come do not count
        ("", "Warga berkumpul pada Senin (17/06), tanpa tahun.", (None, "none", "")),
        ("date 2024-06", "Warga berkumpul pada Senin (17/06). Sepanjang 2024 ramai.", ("2024-06", "month", "2024-06")),
    ],
)
def test_year_less_day_takes_the_story_year(header, body, expected):
    found = dates.find_published(header, body)
    assert (found.value, found.precision, found.evidence) == expected


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("", []),
        ("tanpa angka atau bulan", []),
        ("2024", [0]),
        ("pada 19/6/2024 pukul 08.15", [5, 21]),  # "6", "2024" and "15" follow "/" or "."
        ("Rp1.500.000 dan 24", [16]),  # glued to a word, or after "."
        ("Senin (17/06)", [7]),  # "(" does not bar a digit
        ("٣2024 ²7 é5 _9", [13]),  # any script's letters and digits bar it; "_" does not
        ("pada Juni 2024, Juli", [5, 10, 16]),
        ("xJuni Juniper JUNI Jun", []),  # glued, followed by a lowercase letter, or not a body form
        ("Agustusan 17 Agustus", [10, 13]),
        ("2Juni 2024", [0, 6]),  # "Juni" is glued to the digit
    ],
)
def test_body_triggers_are_digit_runs_and_month_names_that_can_start_a_date(text, starts):
    from warta.dates import _TRIGGERS, _digit_starts

    assert [match.start() for match in _TRIGGERS.finditer(text)] == starts
    assert _digit_starts(text) == [start for start in starts if text[start].isdigit()]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("JUNI 2024", [0, 5]),
        ("Jun 15, 2024", [0, 4, 8]),
        ("15 jun 2024", [0, 7]),  # lowercase month names are read from the digit
        ("SEPT. 3", [0, 6]),
    ],
)
def test_short_text_triggers_take_every_month_spelling(text, starts):
    from warta.dates import _TRIGGERS_ALL

    assert [match.start() for match in _TRIGGERS_ALL.finditer(text)] == starts


@pytest.mark.parametrize(
    "text",
    ["januari 2024", "jan 5", "JANUARY", "juni", "jun.", "juli", "julia", "sept. 3", "september", "ſeptember", "\u212aamis",
     "agustus", "agust", "agu", "agtx", "mar", "maret", "may", "", "x"],
)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_trie_alternation_matches_as_the_flat_one(text, flags):
    from warta.dates import _MONTHS, _alternation

    words = [*_MONTHS, "kamis", "ka"]
    flat = re.compile("(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?:\.| \d)?", flags)
    trie = re.compile("(?:" + _alternation(words) + r")(?:\.| \d)?", flags)
    expected = flat.match(text)
    found = trie.match(text)
    assert (found and found.group()) == (expected and expected.group())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senin" + " " * 30 + "(17/06)", [("Senin" + " " * 30 + "(17/06)", "2024-06-17")]),  # far past the quick look
        ("x" * 30 + " hari Rabu, 19 Juni 2024", [("hari Rabu, 19 Juni 2024", "2024-06-19")]),
        ("SENIN (17/6/2024)", [("SENIN (17/6/2024)", "2024-06-17")]),
        ("JUM'AT, 7 Juni 2024", [("JUM'AT, 7 Juni 2024", "2024-06-07")]),
        ("Jum’at (7/6)", [("Jum’at (7/6)", "2024-06-07")]),
        ("pada Sabtu\t 8 Juni 2024", [("Sabtu\t 8 Juni 2024", "2024-06-08")]),
        ("Ahad ,  ( 9 Juni 2024", [("9 Juni 2024", "2024-06-09")]),  # more than four " (," apart
        ("bukanSenin (17/06)", [("(17/06)", "2024-06-17")]),  # not a day name: glued to a word
        ("pada tahun 2000 dan 2001", [("tahun 2000", "2000")]),  # the cue makes the year a date
        ("sejak bulan Mei", [("bulan Mei", "2024-05")]),
    ],
)
def test_day_names_and_cues_widen_the_mention(text, expected):
    found = dates.find_date_mentions(text, reference=dt.date(2024, 6, 30))
    assert [(m.surface, m.value) for m in found] == expected


@pytest.mark.parametrize("text, expected", [
    # Published on Thursday 20 June 2024.
    ("Kemarin, polisi menangkap dua pelaku.", [("Kemarin", "2024-06-19", "day")]),
    ("Besok dia datang, lusa pulang.", [("Besok", "2024-06-21", "day"), ("lusa", "2024-06-22", "day")]),
    ("Ia tiba kemarin lusa.", [("kemarin lusa", "2024-06-18", "day")]),
    ("Rapat digelar Senin lalu dan Kamis depan.", [("Senin lalu", "2024-06-17", "day"), ("Kamis depan", "2024-06-27", "day")]),
    ("Kamis kemarin ia pergi.", [("Kamis kemarin", "2024-06-13", "day")]),  # the last Thursday before
    # A day name with a week: that weekday in the calendar week (Monday to Sunday) before or after.
    ("Kamis pekan lalu ia diperiksa.", [("Kamis pekan lalu", "2024-06-13", "day")]),
    ("Rapat digelar Senin minggu depan.", [("Senin minggu depan", "2024-06-24", "day")]),
    ("Pada Minggu, pekan yang lalu.", [("Minggu, pekan yang lalu", "2024-06-16", "day")]),
    ("Ia datang Senin, lalu pergi.", []),  # "lalu" is "then"
    ("Dua hari lalu banjir; 3 hari lagi surut.", [("Dua hari lalu", "2024-06-18", "day"), ("3 hari lagi", "2024-06-23", "day")]),
    ("Sejak bulan lalu harga naik.", [("bulan lalu", "2024-05", "month")]),
    ("Ia pindah tiga bulan yang lalu.", [("tiga bulan yang lalu", "2024-03", "month")]),
    ("lima tahun lalu dan tahun depan", [("lima tahun lalu", "2019", "year"), ("tahun depan", "2025", "year")]),
    # No date: weeks, a Sunday or last week, parts of a day, other uses of the words.
    ("Sidang digelar pekan lalu, Minggu lalu atau tadi malam.", []),
    ("Arus lalu lintas di depan kantor lagi macet.", []),
    ("Beberapa hari lalu ia pergi.", []),
    # A date spelled out right after is the date.
    ("Kemarin (19/6), polisi menangkap.", [("(19/6)", "2024-06-19", "day")]),
    # A year said relative right after a date or month without one is its year.
    ("Sejak 12 Maret tahun lalu ia ditahan.", [("12 Maret tahun lalu", "2023-03-12", "day")]),
    ("Pada Juni tahun lalu ekspor naik.", [("Juni tahun lalu", "2023-06", "month")]),
    ("Proyek itu selesai Januari tahun depan.", [("Januari tahun depan", "2025-01", "month")]),
    ("Ia lahir 12 Maret dua tahun yang lalu.", [("12 Maret dua tahun yang lalu", "2022-03-12", "day")]),
    # The day, month and year of publication.
    ("Presiden hari ini meresmikan tol itu.", [("hari ini", "2024-06-20", "day")]),
    ("Inflasi bulan ini dan target tahun ini.", [("bulan ini", "2024-06", "month"), ("tahun ini", "2024", "year")]),
    ("Rapat digelar Desember tahun ini.", [("Desember tahun ini", "2024-12", "month")]),
    ("Sidang digelar 12 Maret tahun ini.", [("12 Maret tahun ini", "2024-03-12", "day")]),
    ("Sehari ini dan ini hari.", []),
])
def test_relative_dates_count_from_the_day_of_publication(text, expected):
    published = dt.date(2024, 6, 20)
    mentions = dates.find_date_mentions(text, reference=published, relative_to=published)
    assert [(m.surface, m.value, m.precision) for m in mentions] == expected
    assert all(m.year_inferred for m in mentions if m.surface in [e[0] for e in expected] and "(" not in m.surface)


@pytest.mark.parametrize("text, surface", [
    # The start, middle or end of a year or month is a date of that year or month.
    ("Harga naik sejak awal 2024 lalu turun.", "awal 2024"),
    ("Proyek itu rampung pertengahan Juli.", "pertengahan Juli"),
    ("Rapat 18 Juni. Lalu", "18 Juni"),  # the full stop ends the sentence
    ("Rapat 18 Jun. 2024 dibuka", "18 Jun. 2024"),  # an abbreviation's dot before the year
    ("tanggal 18 Juni 2024.", "18 Juni 2024"),
])
def test_what_a_dates_surface_holds(text, surface):
    assert [m.surface for m in dates.find_date_mentions(text, reference=dt.date(2024, 6, 20))] == [surface]


@pytest.mark.parametrize("text, values", [
    # A range in brackets is one mention per day, as "22-23 Juni" is; the day name before a range
    # is its last day's, so it dates the whole range (written in January 2025).
    ("Acara digelar Sabtu-Minggu (22-23/6) di Jakarta.", ["2024-06-22", "2024-06-23"]),
    ("Acara digelar Sabtu-Minggu, 22-23 Juni di Jakarta.", ["2024-06-22", "2024-06-23"]),
    ("Skor akhir (3-1/6) tidak berubah.", []),  # a range runs forward
])
def test_a_range_of_days_in_brackets(text, values):
    assert [m.value for m in dates.find_date_mentions(text, reference=dt.date(2025, 1, 10))] == values


def test_relative_dates_need_the_day_of_publication():
    assert dates.find_date_mentions("Kemarin, polisi menangkap.", reference=dt.date(2024, 6, 20)) == []
