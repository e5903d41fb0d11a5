"""Split one raw article text into header, title, clean body and the metadata printed around it.

Scraped Indonesian news arrives with the page around it: outlet and date lines, a URL slug,
photo captions, bylines, "Baca Juga" links, follow-us calls and, in exports from other monitoring
platforms, that platform's own fields ("Sentimen: positif (84.2%)"). :func:`clean_article` reads
the text line by line, classifies each line, and returns a :class:`CleanedArticle` in which the
body holds only the story, one paragraph per line, and everything taken out is kept elsewhere:
``header`` (outlet, dateline and date lines, for outlet and date detection), ``captions``,
``credits`` (source trailers such as "Sumber : The Guardian"), ``authors``/``editors``, ``vendor``
and, for audit, ``removed``.

The cues live in ``data/boilerplate.toml``; thresholds in the ``[clean]`` settings section.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping, NamedTuple

from warta import config

__all__ = ["CleanedArticle", "clean_article", "is_labelled_caption", "normalize_text", "split_glued_sentences"]


@dataclass(frozen=True)
class CleanedArticle:
    """One article's text, taken apart. Sequences are tuples so that the record stays immutable."""

    title: str = ""
    body: str = ""
    header: str = ""
    removed: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    vendor: Mapping[str, Any] = field(default_factory=dict)
    url: str = ""


# Line kinds, decided once per line.
PROSE, OTHER, PROMO, MARKER, CREDIT, CAPTION, BYLINE, SLUG, URL = (
    "prose", "other", "promo", "marker", "credit", "caption", "byline", "slug", "url")

# What normalize_text replaces, in order. `in` and str.replace beat a regex scan a hundredfold.
_REPLACEMENTS = (
    [("\r", "\n"), ("\x85", "\n"), ("\u2028", "\n"), ("\u2029", "\n")]
    + [(char, "") for char in "\u200b\u200c\u200d\u2060\ufeff\u00ad"]
    + [(char, " ") for char in "\t\x0b\x0c\x1c\x1d\x1e\x1f\xa0\u1680\u202f\u205f\u3000"]
    + [(chr(code), " ") for code in range(0x2000, 0x200b)]
)
_URL = re.compile(r"https?://\S+|www\.\S+\.\S+")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){3,}/?")
_TLD_ENDINGS = tuple(f".{tld}" for tld in
                     "com co.id id tv net org news co info asia my.id web.id or.id go.id ac.id".split())
# Closing quotes: a line ending in punctuation and one of these is running text, not a headline.
_QUOTES = "\"'”’"
_DATELINE = re.compile(r"^(?:(?:--?|–|—)\s+|(?P<prefix>[\w(][\w.()&'’ ,/-]{0,60}?)\s+(?:--?|–|—)\s+)(?=\S)")
# "KONTAN.CO.ID - JAKARTA. Presiden ...": the place after an outlet's dateline, closed by a full stop.
_PLACE_AFTER_DATELINE = re.compile(r"([A-Z]{3,}(?: [A-Z]{3,})?)\.\s+(?=[A-Z\"“])")
# "KBRN, Jakarta: Presiden ...": a dateline closed by a colon (an outlet or a place, a comma, the other).
_COLON_DATELINE = re.compile(r"^(?P<prefix>[\w(][\w.()&'’ /-]{0,30}, ?[\w.()&'’ /-]{1,30}?):\s+(?=[A-Z\"“])")
_DATELINE_TOKEN = re.compile(r"[\s,()/]+")
_DESK_CODE = re.compile(r"\s*\((?P<codes>[a-z]{2,5}(?:/[a-z]{2,5})+)\)\s*$")
# One pattern per mark: a single-character literal prefix gets the regex engine's fast scan,
# four times faster than a [.!?] class.
_GLUED = tuple((mark, re.compile(rf"{re.escape(mark)}(?=[\"“]?([A-Z][a-z]+))")) for mark in ".!?")
_GLUED_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz0123456789%)]\"'”’")
_TLD_WORDS = frozenset({"com", "co", "id", "tv", "net", "org", "news", "go", "ac", "or", "web", "info"})
_NAME_THEN_DATE = re.compile(r"(?P<names>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,5}) [•·|] (?P<date>(?:[A-Za-z]+,? )?\d.*)")
_PAREN_TAIL = re.compile(r"\((?P<inner>[^()]{2,120})\)\s*\.?$")
_FIELD_BREAK = re.compile(r"\s*[|•·]\s*")
_NAME_SPLIT = re.compile(r"\s*(?:,|&|;|/|\band\b|\bdan\b)\s*")
_SENTIMENT = re.compile(r"(?P<label>positif|negatif|netral|positive|negative|neutral)\s*(?:\(\s*(?P<score>\d+(?:[.,]\d+)?)\s*%?\s*\))?", re.IGNORECASE)
# Words of date lines ("Rabu, 19 Juni 2024 | 10:15 WIB"); tokens starting with a digit count too.
_DATE_WORDS = frozenset("""
    wib wita wit pukul date tanggal diperbarui updated published dipublikasikan diterbitkan
    senin selasa rabu kamis jumat jum'at sabtu minggu ahad
    januari februari maret april mei juni juli agustus september oktober november desember
    jan feb mar apr jun jul agu agt ags aug sep sept okt oct nov des dec
    january february march may june july august october december
""".split())
_HEADER_SEPARATORS = frozenset("- – — : | · •".split())
_HEADER_MAX_TOKENS = 16


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    with (config.DATA_DIR / "boilerplate.toml").open("rb") as handle:
        raw = tomllib.load(handle)

    def full(patterns: list[str]) -> re.Pattern[str]:
        # Matched against the lower-cased line: case-sensitive matching runs twice as fast.
        return re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\s*[.:]?")

    bylines = raw["bylines"]
    labels = "|".join(bylines["author_labels"] + bylines["editor_labels"])
    vendor_labels = sorted(raw["vendor"]["labels"], key=len, reverse=True)
    caption_labels = "|".join(raw["captions"]["labels"])
    return {
        "promo": full(raw["promo"]["lines"]),
        "marker": full(raw["lists"]["markers"]),
        "credit": full(raw["credits"]["lines"]),
        "caption_line": re.compile(rf"(?:{caption_labels})\.?\s*:\s*\S", re.IGNORECASE),
        "caption_inline": re.compile(rf"(?:^|\s)(?:Foto|FOTO|Photo|PHOTO)\s*:\s*\S.*$"),
        "credit_cue": re.compile("|".join(raw["captions"]["credit_cues"]), re.IGNORECASE),
        # "Penulis : X", or without colons when labels are set apart by "|": "Penulis X | Editor Y".
        "byline_start": re.compile(rf"(?:{labels})\s*:|(?:{labels})\s+[^|]+\|\s*(?:{labels})\s"),  # on the lower-cased line
        # The shared gate first: most positions fail on one character instead of every label.
        "byline_label": re.compile(
            rf"(?:^|(?<=[\s|;,]))(?:(?P<label>{labels})\s*:\s*|(?:^|(?<=\|\s))(?P<bare>{labels})\s+)", re.IGNORECASE),
        "author_label": re.compile("(?:" + "|".join(bylines["author_labels"]) + r")$", re.IGNORECASE),
        "name_lines": [re.compile(pattern) for pattern in bylines["name_lines"]],
        "vendor": re.compile("(?P<label>" + "|".join(re.escape(label) for label in vendor_labels) + r")(?:\s*:\s*(?P<value>.*?))?\s*$"),
        "vendor_keys": raw["vendor"]["labels"],
        "vendor_lists": frozenset(raw["vendor"]["lists"]),
        "title_suffix": re.compile(
            r"\s+[-|–—]\s+(?P<suffix>(?:" + "|".join(raw["titles"]["suffixes"]) + r")|\S+\.(?:com|co\.id|id|tv|net))\s*$",
            re.IGNORECASE),
    }


def clean_article(raw: str) -> CleanedArticle:
    """Take one raw article text apart into title, header, clean body and their metadata.

    >>> article = clean_article("Judul Berita Hari Ini Di Sini\\nJAKARTA - Presiden tiba.Dia senang.\\nBaca Juga: Lain")
    >>> article.title, article.body, article.header
    ('Judul Berita Hari Ini Di Sini', 'Presiden tiba. Dia senang.', 'JAKARTA -')
    """
    settings = config.section("clean")
    cues = _cues()
    vendor: dict[str, Any] = {}
    removed: list[str] = []
    header_extra: list[str] = []
    captions: list[str] = []
    lines: list[str] = []
    text = normalize_text(raw)
    # Export fields sit on short lines or after a colon; testing those lines beats scanning the text per label.
    for line in text.split("\n"):
        if line and (":" in line or len(line) <= 40):
            line = _take_vendor_fields(line, vendor, removed, cues, settings)
        if line:
            lines.append(line)

    kinds: list[str] = []
    start = len(lines)
    limits = _limits(settings)
    for index, line in enumerate(lines):
        kinds.append(_classify(line, cues, limits, above_body=start == len(lines)))
        if kinds[-1] == PROSE and start == len(lines):
            start = index
    if start == len(lines):
        start = next((i for i, kind in enumerate(kinds) if kind == OTHER and not _looks_like_header(lines[i])), 0)

    authors: list[str] = []
    editors: list[str] = []
    credits: list[str] = []
    url = ""
    zone: list[str] = []  # unclassified lines above the body: the title and header lines
    body: list[str] = []
    skipping_list = False
    for index, (line, kind) in enumerate(zip(lines, kinds)):
        in_header = index < start
        if kind == MARKER:
            removed.append(line)
            skipping_list = True
            continue
        if kind == PROSE:
            skipping_list = False
        elif skipping_list and kind == OTHER and not in_header:
            removed.append(line)
            continue
        if kind == PROMO or kind == SLUG:
            removed.append(line)
        elif kind == URL:
            url = url or _URL.search(line).group(0)
            removed.append(line)
        elif kind == CREDIT:
            credits.append(line)
            removed.append(line)
        elif kind == CAPTION:
            captions.append(line)
        elif kind == BYLINE:
            _parse_byline(line, authors, editors, cues)
            header_extra.append(line)
        elif in_header:
            zone.append(line)
        else:
            if "Juga" in line or "juga:" in line or "JUGA" in line:  # C-level tests first: most lines link nothing
                line = _without_inline_promos(line, removed)
            body.append(line)

    title, header = _split_zone(zone, captions, cues, settings)
    # Short outlet or date lines after the story ("sindonews.com") belong to the header.
    while len(body) > 1 and _word_count(body[-1]) <= settings["header_max_words"]:
        if _looks_like_header(body[-1]) and not _DESK_CODE.fullmatch(body[-1]):
            header.append(body.pop())
            continue
        # "Fachri Audhia Hafiez • 17 September 2024 14:52": a reporter's name, then the date line.
        signed = _NAME_THEN_DATE.fullmatch(body[-1])
        if not signed or not _looks_like_header(signed.group("date")):
            break
        body.pop()
        authors.extend(_names(signed.group("names")))
        header.append(signed.group("date"))
    if body:
        body[0], dateline = _strip_dateline(body[0])
        if dateline.strip("-–— "):
            header.append(dateline)
        body[-1], codes = _strip_desk_code(body[-1])
        if codes:
            authors.append(codes[0])
            editors.extend(codes[1:])
        if not body[-1]:
            body.pop()
    return CleanedArticle(
        title=title,
        body=split_glued_sentences("\n".join(body)),
        header="\n".join(header + header_extra),
        removed=tuple(removed),
        captions=tuple(captions),
        credits=tuple(credits),
        authors=tuple(_unique(authors)),
        editors=tuple(_unique(editors)),
        vendor=vendor,
        url=url,
    )


# A related-article link inside a paragraph, after a sentence ("... 20 hari.Baca Juga: KPK Periksa
# Pejabat Kementan"), where a page's line breaks were lost.
_INLINE_PROMO = re.compile(r"(?<=[.!?\"”])\s*(?:Baca|BACA|Simak|SIMAK|Lihat|LIHAT)\s+(?:Juga|juga|JUGA)\s*:\s*")
# Short words that Indonesian headlines keep in lower case ("Banjir Rendam 3 Desa di Cianjur").
_TITLE_CONNECTORS = frozenset("di ke dari dan yang untuk dengan pada atau ini itu soal usai saat jadi hingga vs".split())


def _without_inline_promos(line: str, removed: list[str]) -> str:
    """``line`` without the related-article links inside it, each added to ``removed``: the label and
    the headline after it, a run of capitalised words (and the short words headlines keep in lower
    case). Where running text resumes, its first capitalised word opens the next sentence ("...
    Pejabat Kementan Ia menambahkan ...")."""
    while True:
        match = _INLINE_PROMO.search(line)
        if match is None:
            return line
        words = line[match.end():].split(" ")
        end = 0
        while end < len(words) and words[end] and (
                words[end][0].isupper() or words[end][0].isdigit() or words[end][0] in "\"“'‘("
                or (words[end] in _TITLE_CONNECTORS and end + 1 < len(words) and words[end + 1][:1].isupper())):
            end += 1
        if end < len(words) and end > 1:
            end -= 1  # the capitalised word before running text opens the next sentence
        removed.append(line[match.start():].strip() if end == len(words) else
                       (line[match.start():match.end()] + " ".join(words[:end])).strip())
        rest = " ".join(words[end:])
        line = line[:match.start()] + (" " + rest if rest else "")


def is_labelled_caption(line: str) -> bool:
    """Whether a caption is a labelled credit line ("Photo : KBS News", "Foto: Kompas.com/X").

    Such a line may name the outlet itself; a credit closing a caption paragraph ("(KCNA via
    Reuters)", "(ANTARA FOTO/...)") names an agency the article cites instead.
    """
    return bool(_cues()["caption_line"].match(line))


def normalize_text(text: str) -> str:
    """Unify newlines and spaces, drop invisible characters, and trim every line."""
    if "\r" in text:  # a one-character search first: a two-character one costs ten times more
        text = text.replace("\r\n", "\n")
    for char, replacement in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    while "  " in text:
        text = text.replace("  ", " ")
    return "\n".join([line.strip() for line in text.split("\n")])


def split_glued_sentences(paragraph: str) -> str:
    """Put a space after a sentence end glued to the next sentence ("cermat.Koordinator").

    Decimals (2.5, 11.000), initials (U.S.) and domains (Okezone.com, Detik.Com) stay intact.
    """
    for mark, pattern in _GLUED:
        if mark in paragraph:
            paragraph = pattern.sub(_unglue, paragraph)
    return paragraph


def _unglue(match: re.Match[str]) -> str:
    start, text = match.start(), match.string
    before = text[start - 2: start] if start >= 2 else " " + text[:start]
    # After a word ("cermat.", "AS.") but not after an initial ("U.S.") or before a TLD (".Com").
    ends_word = before[1] in _GLUED_AFTER or (before[1].isupper() and before[0].isupper())
    if not ends_word or match.group(1).lower() in _TLD_WORDS:
        return match.group(0)
    return match.group(0) + " "


def _word_count(line: str) -> int:
    # Lines are normalised to single spaces, so counting spaces counts words.
    line = line.strip()
    return line.count(" ") + 1 if line else 0


def _ends_like_prose(line: str) -> bool:
    """Running text ends in a full stop, or a quote closed after punctuation: `... ," katanya.`"""
    line = line.rstrip(")")
    return line.endswith((".", "…")) or (len(line) > 1 and line[-1] in _QUOTES and line[-2] in ".,!?")


class _Limits(NamedTuple):
    """The ``[clean]`` word limits that _classify reads, looked up once per article, not per line."""

    list_item: int
    promo: int
    credit: int
    byline: int
    prose_min: int
    prose_any: int
    header_max: int
    lowered: int  # longest line that a lower-cased pattern can match


def _limits(settings: Mapping[str, Any]) -> _Limits:
    short = (settings["list_item_max_words"], settings["promo_max_words"], settings["credit_max_words"])
    return _Limits(*short, settings["byline_max_words"], settings["prose_min_words"], settings["prose_any_words"],
                   settings["header_max_words"], max(short))


def _classify(line: str, cues: Mapping[str, Any], limits: _Limits, *, above_body: bool) -> str:
    # Lines are trimmed and single-spaced (normalize_text), so spaces count the words.
    words = line.count(" ") + 1
    lowered = line.lower() if words <= limits.lowered else ""
    if words <= limits.list_item and cues["marker"].fullmatch(lowered):
        return MARKER
    if words <= limits.promo and cues["promo"].fullmatch(lowered):
        return PROMO
    if words <= 2:
        if _URL.fullmatch(line):
            return URL
        if _SLUG.fullmatch(line):
            return SLUG
    if words <= limits.credit and cues["credit"].fullmatch(lowered):
        return CREDIT
    # A caption label needs its colon: a one-character test spares most lines the label pattern.
    if (":" in line and cues["caption_line"].match(line)) or _ends_with_photo_credit(line, cues):
        return CAPTION
    if words <= limits.byline and _is_byline(line, lowered or line.lower(), cues):
        return BYLINE
    dateline = _DATELINE.match(line) if above_body and _may_have_dateline(line) else None
    if dateline and _dateline_prefix_ok(dateline):
        rest = line[dateline.end():]
        rest_words = _word_count(rest)
        # "Kompas.tv - 15 Juni 2024, 12:30 WIB" is a header line with a dash, not a dateline.
        if rest_words >= limits.prose_min and (rest_words > limits.header_max or not _looks_like_header(rest)):
            return PROSE
    if words >= limits.prose_min and (words >= limits.prose_any or _ends_like_prose(line)):
        return PROSE
    return OTHER


def _may_have_dateline(line: str) -> bool:
    """Cheap test before the dateline regex: only the first paragraph has one, dash near the start."""
    head = line[:80]
    return head.startswith(("-", "–", "—")) or " -" in head or "–" in head or "—" in head


def _ends_with_photo_credit(line: str, cues: Mapping[str, Any]) -> bool:
    if not line.endswith((")", ").")):
        return False
    tail = _PAREN_TAIL.search(line)
    return bool(tail and cues["credit_cue"].search(tail.group("inner").strip()))


def _is_byline(line: str, lowered: str, cues: Mapping[str, Any]) -> bool:
    if cues["byline_start"].match(lowered):
        return True
    # Label-less bylines are short and never end like a sentence; skip their slower patterns otherwise.
    return not _ends_like_prose(line) and any(p.fullmatch(line) for p in cues["name_lines"])


def _parse_byline(line: str, authors: list[str], editors: list[str], cues: Mapping[str, Any]) -> None:
    for pattern in cues["name_lines"]:
        match = pattern.fullmatch(line)
        if match:
            authors.extend(_names(match.group("names")))
            return
    labels = list(cues["byline_label"].finditer(line))
    for here, after in zip(labels, labels[1:] + [None]):
        value = line[here.end(): after.start() if after else len(line)]
        label = here.group("label") or here.group("bare")
        target = authors if cues["author_label"].match(label) else editors
        target.extend(_names(value))


def _names(value: str) -> list[str]:
    names = []
    # A bar or bullet ends the names: "Reporter : Titin Supriatin | Jum'at, 7 Juni 2024 10:05".
    value = _FIELD_BREAK.split(value.strip(" |;,-–"), maxsplit=1)[0]
    for part in _NAME_SPLIT.split(value):
        part = part.strip(" |;,.-–")
        # "Reporter: Tempo.co" credits the outlet, not a person.
        if part and part[0].isalpha() and _word_count(part) <= 6 and not any(map(_is_domain, part.split())):
            names.append(part)
    return names


def _take_vendor_fields(line: str, vendor: dict[str, Any], removed: list[str], cues: Mapping[str, Any],
                        settings: Mapping[str, Any]) -> str:
    """Move export fields ("Kab/Kota: A, B", "FollowSentimen: positif (84.2%)") into ``vendor``."""
    if (":" not in line and len(line) > 40) or _word_count(line) > settings["vendor_max_words"] \
            or not any(label in line for label in cues["vendor_keys"]):
        return line
    match = cues["vendor"].search(line)
    if not match:
        return line
    label, value, rest = match.group("label"), match.group("value"), line[: match.start()].strip()
    key = cues["vendor_keys"][label]
    if value is None:
        # A bare label counts only as a line of its own (or glued to "Follow").
        if rest not in ("", "Follow"):
            return line
        removed.append(match.group(0).strip())
    elif key == "sentiment":
        sentiment = _SENTIMENT.fullmatch(value.strip())
        if not sentiment:
            return line
        vendor["sentiment"] = sentiment.group("label").lower()
        if sentiment.group("score"):
            vendor["sentiment_confidence"] = float(sentiment.group("score").replace(",", "."))
    elif key in cues["vendor_lists"]:
        vendor[key] = [item.strip() for item in _VENDOR_ITEM_SPLIT.split(value) if item.strip()]
    else:
        vendor[key] = value.strip()
    # Fields can share a line; the text before the first one stays a line of its own.
    return _take_vendor_fields(rest, vendor, removed, cues, settings) if rest else ""


# Exports separate list items with commas, semicolons or bars ("Jawa Barat; Jawa Tengah").
_VENDOR_ITEM_SPLIT = re.compile(r"[,;|]")


def _looks_like_header(line: str) -> bool:
    """Outlet, section and date lines: little left once domains and date words are set aside."""
    tokens = [t for t in line.replace(",", " ").replace("|", " ").split() if t not in _HEADER_SEPARATORS]
    if len(tokens) > _HEADER_MAX_TOKENS:
        return False
    domains = sum(map(_is_domain, tokens)) if "." in line else 0  # a domain has a dot: spare titles the per-token calls
    if domains and len(tokens) <= 6:
        return True
    allowed = 2 + domains  # other words; a title fails within its first few
    for token in tokens:
        if not (token[0].isdigit() or token.strip(".()").lower() in _DATE_WORDS):
            allowed -= 1
            if allowed < 0:
                return False
    return True


def _is_domain(token: str) -> bool:
    """``kompas.com``, ``Okezone.com``, ``REPUBLIKA.CO.ID``, ``www.detik.com/berita``."""
    if "." not in token:
        return False
    host = token.strip("()[];:'\"").split("/", 1)[0].lower()
    return host[:1].isalnum() and host.endswith(_TLD_ENDINGS)


def _split_zone(zone: list[str], captions: list[str], cues: Mapping[str, Any],
                settings: Mapping[str, Any]) -> tuple[str, list[str]]:
    """Pick the title from the lines above the body; the rest, in order, is the header.

    The title is the longest line that is not an outlet, section or date line. A photo credit
    inside a header line ("date 2024-06 Photo : KBS News") goes to ``captions`` but stays in the
    header, where it often names the outlet.
    """
    candidates: list[int] = []
    for index, line in enumerate(zone):
        inline = (cues["caption_inline"].search(line)
                  if _word_count(line) <= settings["header_max_words"] and ("oto" in line or "OTO" in line) else None)
        if inline:
            captions.append(inline.group(0).strip())
        if not _looks_like_header(line[: inline.start()] if inline else line):
            candidates.append(index)
    best = max(candidates, key=lambda i: _word_count(zone[i]), default=None)
    if best is None or _word_count(zone[best]) < settings["title_min_words"]:
        return "", zone
    header = zone[:best] + zone[best + 1:]
    match = cues["title_suffix"].search(zone[best]) if any(f" {dash} " in zone[best] for dash in "-|–—") else None
    if not match or _word_count(zone[best][: match.start()]) < settings["title_min_words"]:
        return zone[best], header
    return zone[best][: match.start()].rstrip(), header + [match.group("suffix")]


def _strip_dateline(paragraph: str) -> tuple[str, str]:
    """Split "Bisnis.com, JAKARTA - Presiden ..." into the story and its dateline."""
    match = _DATELINE.match(paragraph) if _may_have_dateline(paragraph) else None
    if match and _dateline_prefix_ok(match):
        story, dateline = paragraph[match.end():], match.group(0).strip()
        prefix = match.group("prefix") or ""
        place = _PLACE_AFTER_DATELINE.match(story) if "," not in prefix and _is_domain(prefix) else None
        if place:
            return story[place.end():], f"{dateline} {place.group(1)}."
        return story, dateline
    colon = _COLON_DATELINE.match(paragraph) if ":" in paragraph[:64] else None
    if colon and _colon_dateline_ok(colon.group("prefix")):
        return paragraph[colon.end():], colon.group(0).strip()
    return paragraph, ""


def _colon_dateline_ok(prefix: str) -> bool:
    """One side a single upper-case word or a domain (the outlet), the other one or two capitalised
    words (the place): "KBRN, Jakarta", "Kuala Lumpur, BERNAMA"; not "Ketua KPU, Hasyim Asy'ari"."""
    sides = [side.split() for side in prefix.split(",")]
    if len(sides) != 2 or not all(1 <= len(side) <= 2 and all(w[0].isupper() for w in side) for side in sides):
        return False
    return any(len(side) == 1 and (side[0].isupper() or _is_domain(side[0])) for side in sides)


def _dateline_prefix_ok(match: re.Match[str]) -> bool:
    prefix = match.group("prefix")
    if prefix is None:
        return True  # a bare leading dash
    tokens = [t for t in _DATELINE_TOKEN.split(prefix) if t]
    if not tokens or len(tokens) > 6:
        return False
    if not all(t[0].isupper() or t[0].isdigit() or "." in t or any(c.isupper() for c in t) for t in tokens):
        return False
    # Two capitalised words and a dash ("Presiden Jokowi - yang ...") are not a dateline.
    return (len(tokens) == 1 or "," in prefix or "(" in prefix or any(map(_is_domain, tokens))
            or all(t.isupper() for t in tokens))


def _strip_desk_code(paragraph: str) -> tuple[str, list[str]]:
    match = _DESK_CODE.search(paragraph) if paragraph.endswith(")") else None
    if not match:
        return paragraph, []
    return paragraph[: match.start()].rstrip(), match.group("codes").split("/")


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
