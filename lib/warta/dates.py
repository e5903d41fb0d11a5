"""Dates in Indonesian news: when an article was published, and every date it mentions.

Precompiled regexes read every date form (dateparser's ``search_dates`` runs at about 180
articles/s, far too slow for loading): Indonesian and English month names and abbreviations, day
names ("Selasa (18/6/2024)", "Ahad"), numeric 19/6/2024 and 19-06-2024, ISO 2024-06-19 and
2024-06, ranges ("18-19 Juni"), year-less "(17/06)" and "2 Januari", month mentions ("pada bulan
September", "September lalu") and years ("tahun 2000"). One cheap scan finds where a date can
start (digit runs, capitalised month names) and anchored patterns read it from there. Given the
day of publication, dates said relative to it are read too ("kemarin", "Senin lalu", "dua hari
lalu", "tahun depan": :func:`relative_date_mentions`).

Values are ISO 8601 strings whose length shows the precision: ``2024`` (year), ``2024-06``
(month), ``2024-06-19`` (day) and, for a published time, ``2024-06-15T12:30:00+07:00`` (minute;
WIB/WITA/WIT become +07:00/+08:00/+09:00, and a time without a zone stays without an offset).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import NamedTuple

from warta.config import section

try:  # the compiled trigger scan (reference: the _TRIGGERS patterns); without a C compiler those run
    from warta._tokens import date_triggers as _compiled_triggers
except ImportError:  # pragma: no cover - only without a C compiler (tests run both paths)
    _compiled_triggers = None
try:  # the compiled word scan (reference: _relative_hits_python)
    from warta._tokens import word_starts as _compiled_word_starts
except ImportError:  # pragma: no cover - only without a C compiler (tests run both paths)
    _compiled_word_starts = None

PRECISIONS = ("minute", "day", "month", "year", "none")
INFERRED = "inferred: "

_MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "agust": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
# Month names that can stand without a day: abbreviations ("Mar", "Jan") and English "May" are
# ordinary words or names too often.
_FULL_MONTHS = [name for name in _MONTHS if len(name) > 4 or name in ("juni", "juli", "mei", "june", "july")]
_ENGLISH_MONTHS = [name for name in _MONTHS if name[:3] in
                   "jan feb mar apr may jun jul aug sep oct nov dec".split() and name not in ("juni", "juli", "agust")]
# Day names and their weekday (Monday 0): a year-less date's day name tells its year.
_WEEKDAYS = {name: weekday for weekday, names in enumerate([
    "senin monday sen mon", "selasa tuesday sel tue tues", "rabu wednesday rab wed", "kamis thursday kam thu thurs",
    "jumat jum'at jum’at friday jum fri", "sabtu saturday sab sat", "minggu ahad sunday min sun"])
    for name in names.split()}
_DAY_NAMES = frozenset(_WEEKDAYS)
# The last three letters of each day name, and how far back _extend_day_name looks for them
# (the "(", "," and spaces between a day name and its date, and the name).
_DAY_ENDINGS = frozenset(name[-3:] for name in _DAY_NAMES)
_DAY_WINDOW = 24
# A year written anywhere in a story, for dating its year-less days ("sepanjang 2024").
_CONTEXT_YEAR = re.compile(r"(?<![\d.,/-])((?:19[5-9]|20[0-9])[0-9])(?![\d]|[.,][0-9])")
# Words before a bare year or month that make it a date: "tahun 2000", "sejak 2019", "bulan Mei".
_YEAR_CUES = frozenset("""
tahun sejak semenjak hingga sampai pada in since year awal akhir pertengahan medio sepanjang
""".split())
_MONTH_CUES = frozenset("bulan in since awal akhir pertengahan medio sepanjang".split())


def _alternation(words) -> str:
    """A regex alternation of ``words`` that matches what ``"|".join(sorted(words, key=len,
    reverse=True))`` matches, in the same order of preference, written as a trie.

    A flat alternation tries every word in turn at each position (and with IGNORECASE the engine
    cannot skip a word by its first character), about 2 µs for the sixty month spellings; the
    trie tests one branch per distinct first letter, then per next letter. Two words can both
    match at one position only when one is a prefix of the other, and the trie still tries the
    longer first (a word ending at a node comes after every longer one through it), so matches
    and backtracking are unchanged.
    """
    return _trie(sorted(set(words)))


def _trie(words: list[str]) -> str:
    """The trie pattern of sorted, distinct ``words``; "" among them matches the empty string last."""
    branches: dict[str, list[str]] = {}
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
    parts = [re.escape(first) + _trie(rests) for first, rests in branches.items()]
    if "" in words:
        if not parts:
            return ""
        return f"(?:{'|'.join(parts)})?"  # greedy: a longer word first, then the end here
    return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"


# Scanning a whole article with one big alternation costs ~2 ms, because no branch can be
# skipped cheaply. One trigger scan finds the few places where a date can start (digit runs,
# capitalised month names); anchored patterns then read the date from there.
#
# Bodies are scanned for capitalised full month names only ("Juni 2024", "bulan September",
# "June 19, 2024"), which costs half as much as every spelling; the day-first forms that
# Indonesian news writes ("19 Juni 2024", "19 JUN 2024") start at a digit anyway. Short texts
# (headers, metadata) get every spelling: "JUNI 2024", "Jun 15, 2024".
_MONTH_TITLES = frozenset(name.title() for name in _FULL_MONTHS)
_LONGEST_MONTH = max(map(len, _MONTH_TITLES))
_MONTH_LAST_LETTERS = frozenset(name[-1] for name in _MONTH_TITLES)
_ALL_MONTH_FORMS = frozenset(form for name in _MONTHS if len(name) > 2 for form in (name.title(), name.upper()))
# Characters after which a digit cannot start a date ("11.000", "Rp1", "2-1"; _match_at's rule):
# letters and digits of any script, and /.,:-. "(" is no bar: "(17/06)".
_NOT_BEFORE_DIGIT = r"(?:[^\W_]|[/.,:-])"


def _trigger_pattern(months: frozenset[str]) -> re.Pattern[str]:
    """One pattern for every place a date can start: a run of ASCII digits not glued to a word
    or number, and a month name (of ``months``) not glued to a word before or a lowercase letter
    after.

    Each alternative starts with a literal character, so that the regex engine skips every other
    character by a table look-up in C: one pass over the text instead of a digit scan plus a month
    scan, and the triggers that _match_at would reject at once (the "000" of "11.000") are never
    returned to Python. Month names are grouped by their first letter; within a group the longest
    comes first, as in one plain alternation, so each match ends where the plain one would.
    """
    digits = [rf"{digit}(?<!{_NOT_BEFORE_DIGIT}{digit})[0-9]*" for digit in "0123456789"]
    by_letter: dict[str, list[str]] = {}
    for name in months:
        by_letter.setdefault(name[0], []).append(name[1:])
    # The look-behind comes after the whole name (its width is the name's), so that a capitalised
    # word that is no month ("Menteri") fails on its second letter, before the look-behind runs.
    names = [letter + "(?:" + "|".join(rf"{rest}(?<![^\W_].{{{len(rest) + 1}}})" for rest in sorted(rests, key=len, reverse=True))
             + ")(?![a-z])" for letter, rests in sorted(by_letter.items())]
    return re.compile("|".join(digits + names))


def _by_first_letter(months: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """``months`` grouped by first letter, longest first: the compiled scan's form of a trigger pattern."""
    groups: dict[str, list[str]] = {}
    for name in sorted(months, key=len, reverse=True):
        groups.setdefault(name[0], []).append(name)
    return {letter: tuple(names) for letter, names in groups.items()}


_TRIGGERS = _trigger_pattern(_MONTH_TITLES)
_TRIGGERS_ALL = _trigger_pattern(_ALL_MONTH_FORMS)
_TRIGGER_MONTHS = _by_first_letter(_MONTH_TITLES)
_TRIGGER_MONTHS_ALL = _by_first_letter(_ALL_MONTH_FORMS)


def _triggers(text: str, *, short: bool) -> list[int]:
    """Where a date can start in ``text`` (every month form in a short text, titles in a long one)."""
    if _compiled_triggers is not None:
        return _compiled_triggers(text, _TRIGGER_MONTHS_ALL if short else _TRIGGER_MONTHS)
    return [match.start() for match in (_TRIGGERS_ALL if short else _TRIGGERS).finditer(text)]
_DIGIT_MASK = bytes(ord("0") if chr(code) in "0123456789" else ord(" ") for code in range(256))
_SHORT_TEXT = 400
_YEAR = r"(?:1[89][0-9][0-9]|20[0-9][0-9]|2100)"
_AT_DIGIT = re.compile(
    rf"""
    (?P<iso>(?P<iso_y>{_YEAR})-(?P<iso_m>\d\d)(?:-(?P<iso_d>\d\d))?
        (?:[T\s](?P<iso_h>[01]\d|2[0-3]):(?P<iso_min>[0-5]\d)(?::(?P<iso_s>[0-5]\d)(?:\.\d+)?)?
           (?P<iso_z>Z|[+-]\d\d:?\d\d)?)?(?![\w-]|[.,/]\d))
  | (?P<num>(?P<num_d>\d{{1,2}})(?P<sep>[/.-])(?P<num_m>\d{{1,2}})(?P=sep)(?P<num_y>\d{{4}}|\d\d)(?![\w/-]|[.,]\d))
  | (?P<text>(?P<text_d>\d{{1,2}})(?:\s*[-–]\s*(?P<text_d2>\d{{1,2}}))?\s+(?P<text_m>{_alternation(_MONTHS)})(?:\.(?=,?\s+\d))?
        (?:,?\s+(?P<text_y>{_YEAR}|\d\d(?=\s*[,|/•·–—-]?\s*(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d)))(?![\w.,]\d|\d))?(?!\w))
  | (?P<year>(?P<year_y>{_YEAR})(?!\w|[.,]\d))
    """,
    re.IGNORECASE | re.VERBOSE,
)
_AT_PAREN = re.compile(r"\(\s*(?P<paren_d>\d{1,2})(?:\s*[-–]\s*(?P<paren_d2>\d{1,2}))?/(?P<paren_m>\d{1,2})\s*\)")
_AT_MONTH = re.compile(
    rf"""
    (?P<eng>(?P<eng_m>{_alternation(_ENGLISH_MONTHS)})\.?\s+(?P<eng_d>\d{{1,2}})(?:st|nd|rd|th)?
        (?:,?\s+(?P<eng_y>{_YEAR}))?(?!\w|[.,]\d))
  | (?P<month_year>(?P<my_m>{_alternation(_FULL_MONTHS)})\s+(?P<my_y>{_YEAR})(?!\w|[.,]\d))
  | (?P<month_word>(?P<mw_m>{_alternation(_FULL_MONTHS)})(?:\s+(?P<mw_rel>lalu|kemarin|silam|mendatang|depan|nanti))?(?!\w))
    """,
    re.IGNORECASE | re.VERBOSE,
)
_TIME_AFTER = re.compile(
    r"\s*(?:[,|/•·-]|–|—)?\s*(?:pukul|jam|pkl\.?|at)?\s*(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?:[:.](?P<s>[0-5]\d))?"
    r"(?!\d)\s*(?P<ampm>[AaPp]\.?[Mm]\b\.?)?\s*(?P<zone>[A-Za-z]{1,4}\b)?\s*(?P<offset>[+-]\d{1,2}(?::?\d\d)?)?",
)
# "08:15 WIB, Rabu 19 Juni 2024": a time printed before the date.
_TIME_BEFORE = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?:[:.](?P<s>[0-5]\d))?\s*(?P<zone>WIB|WITA|WIT|GMT|UTC)?"
    r"\s*[,|/•·–—-]?\s*$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|s\.?d\.?|sampai|hingga|to)\s*", re.IGNORECASE)
_FUTURE = frozenset({"mendatang", "depan", "nanti"})
_UPDATE_CUES = re.compile(r"(?:diperbarui|diperbaharui|diupdate|update[d]?|pembaruan)\s*:?\s*$", re.IGNORECASE)
# Most days a month can have (29 in February: leap years are checked apart); calendar.monthrange
# costs a microsecond a call.
_MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_TWO_DIGITS = tuple(f"{number:02d}" for number in range(32))


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date written in a text; ``value`` is None when its year cannot be known."""

    start: int
    end: int
    surface: str
    value: str | None
    precision: str
    year_inferred: bool


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """When an article was published, with the text that says so (``inferred: ...`` from the body)."""

    value: str | None
    precision: str
    evidence: str


# --------------------------------------------------------------------------- mentions


def find_date_mentions(text: str, *, reference: dt.date | None = None,
                       relative_to: dt.date | None = None) -> list[DateMention]:
    """Return every date mentioned in ``text``, in order.

    With ``relative_to`` (the day the text was published), dates said relative to it are read
    too: "kemarin", "hari ini", "besok", "Senin lalu", "Kamis depan", "dua hari lalu", "bulan lalu",
    "tahun depan" (see :func:`relative_date_mentions`), and such a year right after a date without
    one is that date's year ("12 Maret tahun lalu", "Juni tahun ini").

    A date without a year ("2 Januari", "Senin (17/06)", "bulan September") takes the nearest year
    that puts it on or before ``reference`` ("mendatang"/"depan": on or after), and is marked
    ``year_inferred``. Without a reference, the latest full date in the text serves; with neither,
    such a mention keeps ``value=None``. A range ("18-19 Juni", "(22-23/6)") yields one mention per
    day, each with the range's span; a day name before it is the last day's. Impossible dates
    (31/2) and non-dates (scores "2-1", times "02.45", decimals, "24 tahun", "11.000") are skipped.

    >>> [m.value for m in find_date_mentions("pada 18-19 Juni", reference=dt.date(2024, 6, 20))]
    ['2024-06-18', '2024-06-19']
    """
    raw = _scan(text)
    if reference is None:
        full = [_parse_day(m.value) for m in raw if m.value and m.precision == "day" and not m.year_inferred]
        reference = max(full) if full else None
    if reference is None:
        mentions = [DateMention(m.start, m.end, m.surface, m.value, m.precision, m.year_inferred) for m in raw]
    else:
        # The year is inferred in place: a helper call per mention cost as much as the inference it rarely needs.
        mentions = [DateMention(m.start, m.end, m.surface, m.value if m.value is not None else _infer_year(m, reference),
                                m.precision, m.year_inferred) for m in raw]
    if relative_to is not None:
        relative = relative_date_mentions(text, relative_to)
        if relative:
            return _merged(text, mentions, relative, relative_to)
    return mentions


# Dates said relative to the day of publication: the word that sets the direction (found by a
# compiled scan: a case-insensitive regex scan cost more than all other date forms together, and
# ten str.find scans an eighth of the events stage), then what it counts back or forward from,
# read from the words before it.
_RELATIVE_FORMS = frozenset("kemarin Kemarin besok Besok lusa Lusa lalu depan mendatang lagi".split()) | frozenset(
    f"{unit} ini" for word in ("hari", "bulan", "tahun") for unit in (word, word.title()))
_RELATIVE_BY_FIRST = {first: sorted((form for form in _RELATIVE_FORMS if form[0] == first), key=len, reverse=True)
                      for first in {form[0] for form in _RELATIVE_FORMS}}
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_COUNT_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
                "sembilan": 9, "sepuluh": 10}
_UNITS = frozenset("hari bulan tahun".split())
_FULL_MONTH_NUMBERS = {name: _MONTHS[name] for name in _FULL_MONTHS}
# Words before a direction word that make it name no date: weeks ("pekan lalu"; "Minggu lalu" is a
# Sunday or last week) and parts of a day ("tadi malam").
_NO_DATE_BEFORE = frozenset("pekan minggu sepekan seminggu malam tadi sore pagi siang".split())
# Day names that a direction word dates ("Senin lalu"): "Minggu lalu" may be last week.
_RELATIVE_WEEKDAYS = frozenset("senin selasa rabu kamis jumat jum'at jum’at sabtu ahad".split())
# A day name with a week ("Kamis pekan lalu"): that weekday of the calendar week before or after.
_WEEK_WORDS = frozenset("pekan minggu".split())
_WEEK_DAY_NAMES = _RELATIVE_WEEKDAYS | {"minggu"}  # "Minggu pekan lalu" is a Sunday
_WEEK_DIRECTIONS = {"lalu": -1, "kemarin": -1, "depan": 1, "mendatang": 1}
_DAYS_FROM_WORD = {"kemarin": -1, "besok": 1, "lusa": 2}
# The day, month and year of publication: "hari ini", "bulan ini", "tahun ini".
_THIS = {"hari ini": "day", "bulan ini": "month", "tahun ini": "year"}
_BACKWARD = frozenset("lalu kemarin".split())


def relative_date_mentions(text: str, published: dt.date) -> list[DateMention]:
    """Dates said relative to the day ``published``: "hari ini", "bulan ini" and "tahun ini" (its
    day, month and year), "kemarin" (the day before), "kemarin lusa", "besok", "lusa", "Senin
    lalu"/"Senin kemarin" (the last Monday before), "Kamis depan" (the next Thursday), "Kamis
    pekan lalu" (Thursday of the calendar week before), "dua hari lalu", "3 hari lagi" (days),
    "bulan lalu" (a month) and "dua tahun yang lalu" (a year). Each is ``year_inferred``: its date
    comes from the day of publication. Weeks ("pekan lalu"), "Minggu lalu" (a Sunday, or last
    week) and parts of a day ("tadi malam") are left out: they name no date. A day count needs a
    number ("hari lalu" alone is none).

    >>> [m.value for m in relative_date_mentions("Kemarin dan Senin lalu", dt.date(2024, 6, 20))]
    ['2024-06-19', '2024-06-17']
    """
    if _compiled_word_starts is not None:
        hits = _compiled_word_starts(text, _RELATIVE_BY_FIRST)
    else:
        hits = _relative_hits_python(text)
    found: list[DateMention] = []
    for start, end in hits:
        if found and start < found[-1].end:
            continue  # the "lusa" of "kemarin lusa"
        mention = _relative_mention(text, start, end, published)
        if mention is not None:
            found.append(mention)
    return found


def _relative_hits_python(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the words of ``_RELATIVE_FORMS`` that stand whole in ``text`` (no letter or
    digit right before or after), in order: the reference of the compiled ``word_starts``."""
    hits = []
    for form in _RELATIVE_FORMS:
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            if not (start and _LETTER_OR_DIGIT.match(text, start - 1)) and not _LETTER_OR_DIGIT.match(text, end):
                hits.append((start, end))
            start = text.find(form, end)
    return sorted(hits)


def _relative_mention(text: str, start: int, end: int, published: dt.date) -> DateMention | None:
    """The date that the direction word at ``text[start:end]`` and the words before it name, if any."""
    word = text[start:end].lower()
    if word in _THIS:
        precision = _THIS[word]
        value = published.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]
        before = text[max(0, start - 12) : start].split()
        if precision == "year" and before and before[-1].lower() in _FULL_MONTH_NUMBERS and text[start - 1] == " ":
            start -= len(before[-1]) + 1  # "Juni tahun ini": that month of this year
            value, precision = _iso(published.year, _FULL_MONTH_NUMBERS[before[-1].lower()]), "month"
        return DateMention(start, end, text[start:end], value, precision, True)
    head = text[max(0, start - 30) : start]
    before = head.split()[-3:] if head[-1:].isspace() else []
    keys = [token.lower() for token in before]
    if keys and keys[-1] == "yang":
        before, keys = before[:-1], keys[:-1]
    if (len(keys) >= 2 and keys[-1] in _WEEK_WORDS and keys[-2].rstrip(",") in _WEEK_DAY_NAMES
            and word in _WEEK_DIRECTIONS):
        # "Kamis pekan lalu": that weekday in the calendar week (Monday to Sunday) before or after.
        monday = published - dt.timedelta(days=published.weekday())
        day = monday + dt.timedelta(days=_WEEK_DIRECTIONS[word] * 7 + _WEEKDAYS[keys[-2].rstrip(",")])
        start -= len(head) - head.rindex(before[-2])
        return DateMention(start, end, text[start:end], day.isoformat(), "day", True)
    if keys and keys[-1] in _NO_DATE_BEFORE:
        return None
    if keys and keys[-1] in _RELATIVE_WEEKDAYS:
        weekday = _WEEKDAYS[keys[-1]]
        if word in _BACKWARD:
            days = -((published.weekday() - weekday) % 7 or 7)
        elif word in ("depan", "mendatang"):
            days = (weekday - published.weekday()) % 7 or 7
        else:
            return None  # "Senin lagi"
        first, value, precision = before[-1], (published + dt.timedelta(days=days)).isoformat(), "day"
    elif keys and keys[-1] in _UNITS and (keys[-1] != "hari" or (len(keys) >= 2 and _count(keys[-2]))):
        count = _count(keys[-2]) if len(keys) >= 2 else None
        first = before[-2] if count else before[-1]
        n = (count or 1) * (-1 if word in _BACKWARD else 1)
        month = keys[-3 if count else -2] if len(keys) >= (3 if count else 2) else ""
        if keys[-1] == "hari":
            value, precision = (published + dt.timedelta(days=n)).isoformat(), "day"
        elif keys[-1] == "bulan":
            months = published.year * 12 + published.month - 1 + n
            value, precision = _iso(months // 12, months % 12 + 1), "month"
        elif month in _FULL_MONTH_NUMBERS:  # "Juni tahun lalu": that month of that year
            first = before[-3 if count else -2]
            value, precision = _iso(published.year + n, _FULL_MONTH_NUMBERS[month]), "month"
        else:
            value, precision = str(published.year + n), "year"
    elif word in _DAYS_FROM_WORD:
        days = _DAYS_FROM_WORD[word]
        if word == "kemarin" and text[end : end + 5].lower() == " lusa":
            days, end = -2, end + 5
        return DateMention(start, end, text[start:end], (published + dt.timedelta(days=days)).isoformat(), "day", True)
    else:
        return None  # "lalu lintas", "lagi", "di depan": no date
    start -= len(head) - head.rindex(first)
    return DateMention(start, end, text[start:end], value, precision, True)


def _count(key: str) -> int | None:
    """A small count written in digits or words ("2", "dua"), else None."""
    if key.isdigit() and len(key) <= 2:
        return int(key)
    return _COUNT_WORDS.get(key)


def _merged(text: str, mentions: list[DateMention], relative: list[DateMention],
            published: dt.date) -> list[DateMention]:
    """Both lists in text order, less the relative mentions inside another date ("Senin (17/6)
    lalu") or that one spells out right after ("Kemarin (19/6)"). A year said relative to the
    publication right after a date without a year is that date's year ("12 Maret tahun lalu")."""
    mentions = list(mentions)
    for index, mention in enumerate(mentions):
        if not mention.year_inferred or mention.value is None or mention.precision not in ("day", "month"):
            continue
        year_after = _YEAR_AFTER.match(text, mention.end)
        if year_after is None:
            continue
        count = _count(year_after.group("count").lower()) if year_after.group("count") else 1
        direction = year_after.group("direction").lower()
        year = published.year + (0 if direction == "ini" else -count if direction in _BACKWARD else count)
        value = _iso(year, int(mention.value[5:7]), int(mention.value[8:10]) if mention.precision == "day" else None)
        if value is not None:  # None: 29 February of a year without one
            mentions[index] = DateMention(mention.start, year_after.end(), text[mention.start : year_after.end()],
                                          value, mention.precision, True)
    spans = [(m.start, m.end) for m in mentions]
    kept = [m for m in relative if not any(a < m.end + 3 and m.start < b for a, b in spans)]
    return sorted(mentions + kept, key=lambda m: (m.start, m.end))


# "tahun lalu" right after a date without a year (see _merged).
_YEAR_AFTER = re.compile(r"\s+(?:(?P<count>\d{1,2}|" + "|".join(_COUNT_WORDS) + r")\s+)?tahun\s+(?:yang\s+)?"
                         r"(?P<direction>lalu|kemarin|depan|mendatang|lagi|ini)\b", re.IGNORECASE)


class _Raw(NamedTuple):
    """A mention before year inference: ``month``/``day`` are set when the year is missing.

    A named tuple: built for every date in every body, where a frozen dataclass costs 2 µs each.
    """

    start: int
    end: int
    surface: str
    value: str | None
    precision: str
    year_inferred: bool
    month: int = 0
    day: int = 0
    future: bool = False
    clock: str = ""  # "12:30:00+07:00" when an ISO date carries a time
    to_last: int = 0  # days to the last of its range: a day name before a range names that day


def _scan(text: str, *, full_days: bool = False) -> list[_Raw]:
    """Find every date in ``text``, in order, before any year inference.

    With ``full_days``, a long text is read only where a full date can be: at digits, and at
    month names right before digits ("June 19, 2024"); month mentions without a day or year
    ("bulan September") are then missed, at a sixth of the cost.
    """
    if len(text) <= _SHORT_TEXT:
        triggers = _triggers(text, short=True)
    elif full_days:
        triggers = _digit_starts(text)
        months = [start for start in map(partial(_month_before, text), triggers) if start is not None]
        if months:
            triggers = sorted(triggers + months)
    else:
        triggers = _triggers(text, short=False)
    found: list[_Raw] = []
    consumed = 0
    for position in triggers:
        if position < consumed:
            continue
        found_at = _match_at(text, position)
        if found_at is None:
            continue
        match, start = found_at
        consumed = match.end()
        kind = "paren" if match.re is _AT_PAREN else match.lastgroup
        if start < 0:
            start, consumed = _extend_day_name(text, match.start(), consumed)
        _interpret(match, kind, start, consumed, text[start:consumed], found)
    # "30 Juni - 2 Juli 2024": a year-less date joined to a full one takes its year.
    for index in range(len(found) - 2, -1, -1):
        raw, after = found[index], found[index + 1]
        if raw.value is None and raw.day and after.value and not after.year_inferred and after.precision == "day":
            if after.start == raw.start or _RANGE_JOIN.fullmatch(text, raw.end, after.start):
                found[index] = _with_year(raw, int(after.value[:4]))
    return found


def _digit_starts(text: str) -> list[int]:
    """Where the runs of ASCII digits in ``text`` start that can start a date: not right after a
    letter or digit of any script, nor after one of /.,:- (the digit triggers of _trigger_pattern).

    For long texts the byte scan of _digit_runs and a check per run cost less than the trigger
    pattern's character-by-character scan.
    """
    return [position for position in _digit_runs(text)
            if not position or not (text[position - 1].isalnum() or text[position - 1] in "/.,:-")]


def _digit_runs(text: str) -> list[int]:
    """Where the runs of ASCII digits in ``text`` start.

    The text is mapped, one byte per character, to "0" for a digit and " " for anything else;
    a run then starts at each " 0", which bytes.find locates at C speed, one call per run instead
    of a Python step per digit. Latin-1 keeps every offset (other characters become "?").
    """
    mask = (" " + text).encode("latin-1", "replace").translate(_DIGIT_MASK)
    starts = []
    position = mask.find(b" 0")
    while position >= 0:
        starts.append(position)  # the leading space shifts offsets by one: position is the digit's
        position = mask.find(b" 0", position + 2)
    return starts


def _month_before(text: str, position: int) -> int | None:
    """Where a capitalised full month name, not glued to a word before, ends one space or more
    before ``position`` starts."""
    end = position
    while end > 0 and text[end - 1].isspace():
        end -= 1
    # A month name ends in one of a few letters: most words before a number are ruled out here.
    if end == position or text[end - 1] not in _MONTH_LAST_LETTERS:
        return None
    start = end
    while start > 0 and text[start - 1].isalpha() and end - start <= _LONGEST_MONTH:
        start -= 1
    if text[start:end] not in _MONTH_TITLES or (start and text[start - 1].isalnum()):
        return None
    return start


def _match_at(text: str, position: int) -> tuple[re.Match, int] | None:
    """Read the date starting at a trigger: the match and, for a bare year or month read with its
    cue ("tahun 2000", "bulan Mei"), where the cue starts (else -1); None when there is no date.

    Triggers come from _trigger_pattern or _month_before, which have already ruled out a letter
    or digit right before (and for a digit, one of /.,:-).
    """
    if text[position] > "9":  # a month name
        match = _AT_MONTH.match(text, position)
        if match is None:
            return None
        if match.lastgroup == "month_word" and not match.group("mw_rel"):
            cue, cue_start = _word_before(text, position)
            return (match, cue_start) if cue.lower() in _MONTH_CUES else None
        return match, -1
    if position and text[position - 1] == "(":
        match = _AT_PAREN.match(text, position - 1)
        if match:
            return match, -1
    match = _AT_DIGIT.match(text, position)
    if match is None:
        return None
    if match.lastgroup == "year":
        cue, cue_start = _word_before(text, position)
        return (match, cue_start) if cue.lower() in _YEAR_CUES else None
    return match, -1


def _word_before(text: str, position: int) -> tuple[str, int]:
    """Return the word that ends one space before ``position`` and where it starts ("tahun 2000")."""
    end = position
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "'’"):
        start -= 1
    return text[start:end], start


def _with_year(raw: _Raw, year: int) -> _Raw:
    value = _iso(year, raw.month, raw.day)
    if value is None:
        return raw
    return _Raw(raw.start, raw.end, raw.surface, value, raw.precision, False)


def _interpret(match: re.Match, kind: str, start: int, end: int, surface: str, found: list[_Raw]) -> None:
    """Append the mentions that ``match`` (of ``kind``) stands for to ``found``: none for an impossible
    date, two for a range. A plain call: a generator per match cost more than its work."""
    group = match.group
    if kind == "iso":
        year, month = int(group("iso_y")), int(group("iso_m"))
        if group("iso_d"):
            value = _iso(year, month, int(group("iso_d")))
            precision = "day"
        elif (year + 1) % 100 == month:  # "2011-12" is a season, not December 2011
            return
        else:
            value = _iso(year, month)
            precision = "month"
        if value:
            clock = ""
            if group("iso_h"):
                zone = group("iso_z") or ""
                offset = _offset(zone, "") if zone.isalpha() else _offset("", zone)
                clock = f"{group('iso_h')}:{group('iso_min')}:{group('iso_s') or '00'}{offset}"
            found.append(_Raw(start, end, surface, value, precision, False, clock=clock))
    elif kind == "num":
        year = int(group("num_y"))
        if year < 100:
            if group("sep") == ".":  # "1.12.25" is a version number, not a date
                return
            year += 2000
        value = _iso(year, int(group("num_m")), int(group("num_d")))
        if value and _year_ok(year):
            found.append(_Raw(start, end, surface, value, "day", False))
    elif kind == "paren":
        days = [int(group("paren_d"))]
        if group("paren_d2"):  # "Sabtu-Minggu (22-23/6)": a range of days, one mention each
            days.append(int(group("paren_d2")))
            if days[1] <= days[0]:
                return
        for day in days:
            _add_yearless(found, start, end, surface, int(group("paren_m")), day, to_last=days[-1] - day)
    elif kind == "text":
        month = _MONTHS[group("text_m").lower()]
        days = [int(group("text_d"))]
        if group("text_d2"):
            days.append(int(group("text_d2")))
            if days[1] <= days[0]:
                return
        if group("text_y"):
            year = int(group("text_y"))
            year += 2000 if year < 100 else 0  # "02 Jul 24 | 09:00": two digits only before a clock time
            values = [_iso(year, month, day) for day in days]
            if all(values):
                for value in values:
                    found.append(_Raw(start, end, surface, value, "day", False))
        else:
            future = _announced(match.string, match.end())
            for day in days:
                _add_yearless(found, start, end, surface, month, day, future, to_last=days[-1] - day)
    elif kind == "eng":
        month, day = _MONTHS[group("eng_m").lower()], int(group("eng_d"))
        if group("eng_y"):
            value = _iso(int(group("eng_y")), month, day)
            if value:
                found.append(_Raw(start, end, surface, value, "day", False))
        else:
            _add_yearless(found, start, end, surface, month, day)
    elif kind == "month_year":
        found.append(_Raw(start, end, surface, _iso(int(group("my_y")), _MONTHS[group("my_m").lower()]), "month", False))
    elif kind == "month_word":
        future = (group("mw_rel") or "").lower() in _FUTURE
        found.append(_Raw(start, end, surface, None, "month", True, _MONTHS[group("mw_m").lower()], 0, future))
    elif kind == "year":
        found.append(_Raw(start, end, surface, group("year_y"), "year", False))


def _announced(text: str, end: int) -> bool:
    """Whether the date ending at ``end`` is announced as upcoming ("20 Juni mendatang")."""
    after = text[end:end + 12].split()
    return bool(after) and after[0].lower().rstrip(".,;:!?)") in _FUTURE


def _add_yearless(found: list[_Raw], start: int, end: int, surface: str, month: int, day: int,
                  future: bool = False, *, to_last: int = 0) -> None:
    """Append a day without a year ("17 Juni", "(17/06)") when the month can have it."""
    if 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month]:
        found.append(_Raw(start, end, surface, None, "day", True, month, day, future, to_last=to_last))


def _extend_day_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match to a day name before it: "Selasa (18/6/2024)", "hari Rabu, 19 Juni 2024"."""
    # Most dates follow an ordinary word ("pada 19 Juni"): the last letters of the text before,
    # past spaces, tabs, "(" and ",", rule out a day name without the character walk below.
    window = text[max(0, start - _DAY_WINDOW):start]
    before = window.rstrip(" \t(,")
    if (len(before) >= 3 or start <= _DAY_WINDOW) and before[-3:].lower() not in _DAY_ENDINGS:
        return start, end
    cursor, opened = start, False
    while cursor > 0 and start - cursor < 4 and text[cursor - 1] in " (,":
        opened = opened or text[cursor - 1] == "("
        cursor -= 1
    if cursor == start:
        return start, end
    day, day_start = _word_before(text, cursor)
    if day.lower() not in _DAY_NAMES:
        return start, end
    if opened and text[start] != "(":
        close = text.find(")", end, end + 3)
        if close < 0 or text[end:close].strip():
            return start, end
        end = close + 1
    word, word_start = _word_before(text, day_start)
    return (word_start if word.lower() == "hari" else day_start), end


def _infer_year(raw: _Raw, reference: dt.date) -> str | None:
    """The nearest year that puts a year-less date on or before ``reference`` (on or after it
    when the date is announced as upcoming). A day name decides instead where it fits the date in
    the reference's year or one next to it: "Minggu (23/6)" in a story of 20 June 2024 is 23 June
    2024, a Sunday, although still to come."""
    words = raw.surface.lower().split(maxsplit=2) if raw.day else ()
    if words:
        weekday = _WEEKDAYS.get((words[1] if words[0] == "hari" and len(words) > 1 else words[0]).rstrip(","), -1)
        for year in (reference.year, reference.year - 1, reference.year + 1) if weekday >= 0 else ():
            value = _iso(year, raw.month, raw.day)
            # Within half a year of the story: a day name that fits no nearer date is a slip.
            # "Sabtu-Minggu (22-23/6)": the name before a range is its last day's.
            if value and abs((dt.date(year, raw.month, raw.day) - reference).days) <= 183 \
                    and (dt.date(year, raw.month, raw.day) + dt.timedelta(days=raw.to_last)).weekday() == weekday:
                return value
    step = 1 if raw.future else -1
    limit = (reference.year, reference.month, reference.day if raw.day else 0)
    for offset in range(9):  # nine years always reach a 29 February
        year = reference.year + step * offset
        value = _iso(year, raw.month, raw.day or None)
        candidate = (year, raw.month, raw.day)
        if value and ((candidate >= limit) if raw.future else (candidate <= limit)):
            return value
    return None


def reference_date(value: str | None) -> dt.date | None:
    """Return the last day that an ISO value can denote, to pass as ``reference`` for its body.

    A month-precision published date ("2024-06") must not push "18 Juni" into the previous year.

    >>> reference_date("2024-06"), reference_date("2024-06-15T12:30:00+07:00")
    (datetime.date(2024, 6, 30), datetime.date(2024, 6, 15))
    """
    if not value or not value[:4].isdigit():
        return None
    year = int(value[:4])
    month = int(value[5:7]) if len(value) >= 7 else 12
    day = int(value[8:10]) if len(value) >= 10 else calendar.monthrange(year, month)[1]
    return dt.date(year, month, day)


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    if not 1 <= month <= 12:
        return None
    # Table look-ups instead of format specs (":02d" costs more than the rest of the call).
    text_year = str(year) if 1000 <= year <= 9999 else f"{year:04d}"
    if day is None:
        return f"{text_year}-{_TWO_DIGITS[month]}"
    if not 1 <= day <= _MONTH_DAYS[month] or (month == 2 and day == 29 and not calendar.isleap(year)):
        return None
    return f"{text_year}-{_TWO_DIGITS[month]}-{_TWO_DIGITS[day]}"


def _parse_day(value: str) -> dt.date:
    return dt.date(int(value[:4]), int(value[5:7]), int(value[8:10]))


def _year_ok(year: int) -> bool:
    return 1800 <= year <= 2100


# --------------------------------------------------------------------------- published


def find_published(header: str, body: str, *, metadata: str | None = None, url: str | None = None) -> PublishedDate:
    """Return when an article was published: from ``metadata``, else ``header``, else ``url``, else ``body``.

    ``metadata`` is a date string from HTML or JSON ("2024-06-15T12:30:00+07:00", "Sat, 15 Jun
    2024 05:30:00 GMT", "2024/06/15 05:30", "20240615" or a Unix timestamp); a header time on the
    same day refines it. The header comes next: its first date with a time
    ("Kompas.tv - 15 Juni 2024, 12:30 WIB"), else its first day, else its first month ("date
    2024-06"), skipping dates marked as updates ("Diperbarui ..."). Without a day there, the day
    in the article's URL path is taken, as news sites write it ("/read/2024/06/18/...",
    "/20240618123456-...", "/read/20240618/..."), with evidence ``"url: <that part>"``; else the
    latest full-day date in the body, with evidence ``"inferred: <surface>"``. Either counts only
    inside the header's month when the header has one. Nothing found gives ``value=None`` and
    precision ``none``: a date is never invented.

    >>> find_published("Kompas.tv - 15 Juni 2024, 12:30 WIB", "").value
    '2024-06-15T12:30:00+07:00'
    """
    meta = None
    if metadata and metadata.strip():
        stated = _YEAR_FIRST_SLASHES.sub(_dashed_day, metadata.strip())
        meta = _timestamp(stated) or _compact_day(stated) or _first_date(stated, skip_updates=False)
        if meta and stated != metadata.strip():
            meta = PublishedDate(meta.value, meta.precision, metadata.strip())  # the evidence as written
    found = _first_date(header, skip_updates=True) if header else None
    if meta:
        # A header time on the metadata's day ("2024-06-19" + "19/06/2024, 08:15 WIB") refines it.
        refines = found is not None and found.precision == "minute" != meta.precision
        return found if refines and found.value.startswith(meta.value) else meta
    if found and found.precision in ("minute", "day"):
        return found
    stated = _url_day(url) if url else None
    if stated and not (found and not stated.value.startswith(found.value)):
        return stated
    # A year-less day dated by the story's year is weaker than a header month: only without one.
    inferred = _latest_day(body, context_year=found is None) if body else None
    if found and not (inferred and inferred.value.startswith(found.value)):
        return found  # a month in the header ("date 2024-06") beats a body date outside it
    return inferred or PublishedDate(None, "none", "")


# A day in a URL's path: "/2024/06/18/", or eight digits opening a segment, a CMS's timestamp
# after them ("/20240618123456-20-...", "/read/20240618/...").
_URL_DAY = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d\d)/(?P<d>\d\d)(?=/|$)"
                      r"|/(?P<cy>(?:19|20)\d\d)(?P<cm>\d\d)(?P<cd>\d\d)(?:\d{4,6})?(?=[-/]|$)")


def _url_day(url: str) -> PublishedDate | None:
    """The first valid day in ``url``'s path (see _URL_DAY), or None."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    for match in _URL_DAY.finditer(path):
        year, month, day = (match["y"], match["m"], match["d"]) if match["y"] else (
            match["cy"], match["cm"], match["cd"])
        value = _iso(int(year), int(month), int(day))
        if value:
            return PublishedDate(value, "day", "url: " + match.group(0))
    return None


def _latest_day(body: str, *, context_year: bool = False) -> PublishedDate | None:
    # An announced date ("20 Agustus 2024 mendatang") is not when the story was written.
    raws = _scan(body, full_days=True)
    full = [m for m in raws if m.value and m.precision == "day" and not m.year_inferred
            and not _announced(body, m.end)]
    if not full:
        return _day_in_context_year(body, raws) if context_year else None
    latest = max(full, key=lambda m: m.value)
    return PublishedDate(latest.value, "day", INFERRED + latest.surface)


def _day_in_context_year(body: str, raws: list[_Raw]) -> PublishedDate | None:
    """A year-less day ("Senin (17/06)") dated by a year the story names elsewhere ("sepanjang 2024").

    With a day name, the year must put the date on that weekday (the latest such year of those
    named wins); without one, the story must name a single year. Years after this one do not
    count, and neither do announced dates ("17 Juni mendatang"). Returns the latest such day.
    """
    days = [raw for raw in raws if raw.value is None and raw.day and not raw.future]
    if not days:
        return None
    this_year = dt.date.today().year
    years = sorted({int(year) for year in _CONTEXT_YEAR.findall(body) if int(year) <= this_year}, reverse=True)
    if not years:
        return None
    best: tuple[str, str] | None = None
    for raw in days:
        weekday = _WEEKDAYS.get(raw.surface.replace("hari ", "").split(" ", 1)[0].rstrip(",").lower())
        if weekday is None and len(years) > 1:
            continue
        for year in years:
            value = _iso(year, raw.month, raw.day)
            if value and (weekday is None or _parse_day(value).weekday() == weekday):
                if best is None or value > best[0]:
                    best = (value, f"{INFERRED}{raw.surface} ({year})")
                break
    return PublishedDate(best[0], "day", best[1]) if best else None


def _first_date(text: str, *, skip_updates: bool) -> PublishedDate | None:
    """The first full date with a time, else the first full date; updates only as a last resort.

    A publication line carries a time ("Kompas.com - 19/06/2024, 08:15 WIB") where a date in a
    title ("Jadwal 20 Juni 2024") does not, so a timed date wins over an earlier bare one.
    """
    dated, updates = [], []
    for raw in _scan(text):
        # A bare year in a header is a topic ("Anggaran Tahun 2025"), not a publication date.
        if raw.value is None or raw.year_inferred or raw.precision == "year":
            continue
        if skip_updates and _UPDATE_CUES.search(text, max(0, raw.start - 20), raw.start):
            updates.append(raw)
            continue
        found = _with_time(text, raw)
        if found.precision == "minute":
            return found
        dated.append(found)
    if dated:
        return min(dated, key=lambda found: found.precision != "day")  # a day beats a month
    return _with_time(text, updates[0]) if updates else None


def _with_time(text: str, raw: _Raw) -> PublishedDate:
    """Attach a time written in or right after a full date ("15 Juni 2024, 12:30 WIB")."""
    if raw.precision != "day":
        return PublishedDate(raw.value, raw.precision, raw.surface)
    if raw.clock:
        return PublishedDate(f"{raw.value}T{raw.clock}", "minute", raw.surface)
    time = _TIME_AFTER.match(text, raw.end)
    if not time:
        before = _TIME_BEFORE.search(text, max(0, raw.start - 24), raw.start)
        if not before:
            return PublishedDate(raw.value, "day", raw.surface)
        clock = f"{int(before.group('h')):02d}:{before.group('m')}:{before.group('s') or '00'}"
        offset = _offset(before.group("zone") or "", "")
        return PublishedDate(f"{raw.value}T{clock}{offset}", "minute", text[before.start():raw.end])
    zone = (time.group("zone") or "").upper()
    if zone and zone not in _zones():
        # A word after the time that is not a zone ("12:30 Oleh ...") is not part of it.
        zone, end = "", time.start("zone")
    else:
        end = time.end()
    hour = int(time.group("h"))
    if time.group("ampm"):
        hour = hour % 12 + (12 if time.group("ampm")[0] in "Pp" else 0)
    clock = f"{hour:02d}:{time.group('m')}:{time.group('s') or '00'}"
    explicit = (time.group("offset") or "") if end == time.end() else ""
    offset = _offset(zone, explicit)
    return PublishedDate(f"{raw.value}T{clock}{offset}", "minute", text[raw.start:end].rstrip())


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    return {name.upper(): offset for name, offset in section("dates").get("timezones", {}).items()}


def _offset(zone: str, explicit: str) -> str:
    """Return "+07:00"-style text for a zone name or numeric offset ("WIB", "Z", "GMT+7", "+0700")."""
    if explicit:
        sign, digits = explicit[0], explicit[1:].replace(":", "")
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
        return f"{sign}{int(hours):02d}:{minutes}"
    return _zones().get(zone.upper(), "")


# "2024/06/18 10:15:00": a year-first day with slashes, as some outlets write their meta dates.
_YEAR_FIRST_SLASHES = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?=$|[T\s])")


def _dashed_day(match: re.Match) -> str:
    return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"


def _compact_day(text: str) -> PublishedDate | None:
    """Read a day written as eight digits, ``YYYYMMDD`` ("20240618", a number in some exports)."""
    if not text.isdigit() or len(text) != 8:
        return None
    try:
        day = dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None
    return PublishedDate(day.isoformat(), "day", text) if _year_ok(day.year) else None


def _timestamp(text: str) -> PublishedDate | None:
    """Read a Unix timestamp in seconds or milliseconds, as UTC."""
    if not text.isdigit() or len(text) not in (10, 13):
        return None
    seconds = int(text) / (1000 if len(text) == 13 else 1)
    moment = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
    return PublishedDate(moment.isoformat(timespec="seconds"), "minute", text)
