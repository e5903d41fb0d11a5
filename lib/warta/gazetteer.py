"""Gazetteer of known actors: loading the packaged TSV files and matching them in text.

The data lives in ``lib/warta/data/gazetteer/`` (see the README there). Every alias is indexed
as a tuple of case-folded word tokens, so matching is a dictionary walk over the tokens of a
text (longest match first), not a regular expression over thousands of names. Hyphens count as
spaces (``Kim Jong-un`` = ``Kim Jong Un``); aliases without lower-case letters (``AS``, ``PBB``)
or of two letters (``Xi``) match only in exactly that case, other aliases only when the text
capitalises their first word, so the English ``as`` or the noun ``gedung putih`` never match.
"""
from __future__ import annotations

import re
import unicodedata
import operator
from itertools import accumulate, compress, repeat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from warta import config

try:  # the compiled split (see setup.py); without a C compiler the Python path gives the same tokens
    from warta._tokens import gazetteer_spans as _compiled_spans, split_ascii as _split_ascii
except ImportError:  # pragma: no cover - depends on the build machine
    _compiled_spans = _split_ascii = None

GAZETTEER_DIR = config.DATA_DIR / "gazetteer"
TYPES = ("PER", "ORG", "LOC")

# An apostrophe joins a word ("Ma'ruf", "Jum'at") but for the English possessive, which stays in
# the gap: "Indonesia's" is the key of "Indonesia", and a name never runs on over it.
_WORD = r"(?<!\w['’])\w+(?:['’](?!s\b)\w+)*"
_TOKEN = re.compile(_WORD)
_TOKEN_SPLIT = re.compile(f"({_WORD})")
# The same split when no apostrophe and no non-ASCII letter can sit in a word: a character set is
# cheaper for the regex engine than Unicode \w and the apostrophe branch (see :func:`tokenize`).
_ASCII_TOKEN_SPLIT = re.compile(r"([A-Za-z0-9_]+)")
_WORD_CHAR = re.compile(r"\w")
# Gaps that may sit inside one name: spaces, a hyphen, a slash, an ampersand.
_JOINING_GAP = re.compile(r"[\s\-/&]*")


_FIRST_TOKEN = operator.itemgetter(0)
_ONE_WORD = (1,)  # the widths of a first key that opens only one-word aliases (tested by identity)


@dataclass(frozen=True)
class Entry:
    """One actor the gazetteer knows."""

    actor_id: str
    name: str
    type: str
    subtype: str = ""
    source: str = ""


class Tokens:
    """The word tokens of a text as parallel lists (cheap to build, fast to index).

    ``words[k]`` is the token text, ``keys[k]`` its case-folded match key, ``starts[k]`` and
    ``ends[k]`` its character span, ``joined[k]`` whether the next token may continue the same
    name (only spaces, a hyphen or a short abbreviation's dot between them).
    """

    __slots__ = ("text", "words", "keys", "starts", "ends", "joined")

    def __init__(self, text: str, words: list[str], keys: list[str], starts: list[int], ends: list[int],
                 joined: list[bool]) -> None:
        self.text, self.words, self.keys = text, words, keys
        self.starts, self.ends, self.joined = starts, ends, joined

    def __len__(self) -> int:
        return len(self.words)

    def slice(self, first: int, last: int) -> "Tokens":
        """The tokens ``[first, last)`` (offsets stay those of the full text)."""
        joined = self.joined[first:last]
        if joined:
            joined[-1] = False
        return Tokens(self.text, self.words[first:last], self.keys[first:last], self.starts[first:last],
                      self.ends[first:last], joined)


@dataclass(slots=True)
class Match:
    """A gazetteer hit: token range ``[first, last)``, character span and the entry."""

    first: int
    last: int
    start: int
    end: int
    entry: Entry
    alias: str


@dataclass(eq=False)
class Gazetteer:
    """Compiled index: alias token tuples → (entry, alias, the words to match case-exactly or ``None``)."""

    index: dict[tuple[str, ...], tuple[Entry, str, list[str] | None]] = field(default_factory=dict)
    entries: dict[str, Entry] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    lower_first: set[str] = field(default_factory=set)  # first keys of aliases written in lower case
    # First key → the alias lengths (in tokens) that open with it, longest first: matching tries
    # only lengths that exist, not every length up to the longest.
    widths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # The one-word aliases again, by their key alone: most matches are one word, and a str key
    # needs no tuple made and hashed per look-up.
    single: dict[str, tuple[Entry, str, list[str] | None]] = field(default_factory=dict)
    # Subtype → the aliases indexed for its entries: a C-level test of the aliases a text holds
    # tells whether any is of a subtype ("state", "country") before a loop looks.
    subtype_aliases: dict[str, set[str]] = field(default_factory=dict)
    # First key → the aliases written with commas, longest first ("Badan Meteorologi,
    # Klimatologi, dan Geofisika"): a comma ends the matcher's windows, so these are matched apart.
    punctuated: dict[str, list[tuple[tuple[str, ...], Entry, str]]] = field(default_factory=dict)
    # Each such name's first word → the names' words up to their first comma ("Badan " → "Badan
    # Meteorologi,"): a text holding neither (C-level searches, the first word's first) holds none.
    punctuated_marks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Names read by exact match only, never offered to fuzzy matching: the regional bodies' long
    # names ("Badan Pengawas Pemilu Kabupaten Bogor"), thousands of near-identical strings that
    # made every fuzzy look-up of a body slower (+4% of the fast actor stage) for no typo's sake.
    exact_only: set[tuple[str, ...]] = field(default_factory=set)

    @property
    def n_names(self) -> int:
        """Number of distinct indexed names (canonical names and aliases)."""
        return len(self.index)

    def add(self, entry: Entry, alias: str) -> tuple[str, ...]:
        """Index ``alias`` for ``entry`` and return its key; the first entry to claim an alias keeps it."""
        key = alias_key(alias)
        mark = _PUNCTUATION_IN_NAME.search(alias)
        if mark is not None and len(key) > 1:
            listed = self.punctuated.setdefault(key[0], [])
            if all(known != key for known, _, _ in listed):
                listed.append((key, entry, alias))
                listed.sort(key=lambda item: -len(item[0]))
                first, prefix = alias.split()[0] + " ", " ".join(alias[: mark.end()].split())
                # A possessive is written with either apostrophe.
                for apostrophe in ("'", "’"):
                    written_first, written = (first.replace("'", apostrophe).replace("’", apostrophe),
                                              prefix.replace("'", apostrophe).replace("’", apostrophe))
                    if written not in self.punctuated_marks.get(written_first, ()):
                        self.punctuated_marks[written_first] = (*self.punctuated_marks.get(written_first, ()), written)
        if not key or key in self.index:
            return key
        # Aliases without lower-case letters must match case-exactly, and so must one of two
        # letters ("Xi": "XI" in capitals is a numeral, "Komisi XI"): keep their words to compare.
        exact = None if len(alias) > 2 and any(ch.islower() for ch in alias) else _TOKEN.findall(alias)
        self.index[key] = (entry, alias, exact)
        if len(key) == 1:
            self.single[key[0]] = self.index[key]
        lengths = tuple(sorted({*self.widths.get(key[0], ()), len(key)}, reverse=True))
        self.widths[key[0]] = _ONE_WORD if lengths == _ONE_WORD else lengths
        if alias[0].islower():
            self.lower_first.add(key[0])
        self.entries.setdefault(entry.actor_id, entry)
        self.aliases.setdefault(entry.actor_id, []).append(alias)
        self.subtype_aliases.setdefault(entry.subtype, set()).add(alias)
        return key

    def find(self, tokens: Tokens) -> list[Match]:
        """Return the leftmost-longest, non-overlapping matches in ``tokens``."""
        starts, ends = tokens.starts, tokens.ends
        return [Match(first, last, starts[first], ends[last - 1], entry, alias)
                for first, last, entry, alias in self.spans(tokens)]

    def spans(self, tokens: Tokens) -> list[tuple[int, int, Entry, str]]:
        """:meth:`find` as plain ``(first, last, entry, alias)`` tuples (the fast path)."""
        if _compiled_spans is not None:
            spans = _compiled_spans(tokens.keys, tokens.words, tokens.joined, self.index, self.widths,
                                    self.lower_first, _ONE_WORD, self.single)
        else:
            spans = self._spans_python(tokens)
        if self.punctuated_marks and self._may_hold_punctuated(tokens.text):
            spans = self._with_punctuated(tokens, spans)
        return spans

    def _may_hold_punctuated(self, text: str) -> bool:
        """Whether ``text`` may hold a name written with commas (a spacing other than one space
        after the name's words is not looked for)."""
        for first, prefixes in self.punctuated_marks.items():
            at = text.find(first)
            while at >= 0:
                if text.startswith(prefixes, at):
                    return True
                at = text.find(first, at + len(first))
        return False

    def _with_punctuated(self, tokens: Tokens, spans: list[tuple[int, int, Entry, str]]) -> list[tuple[int, int, Entry, str]]:
        """``spans`` with the names written with commas found in ``tokens`` in place of what they cover."""
        keys, words, joined, text = tokens.keys, tokens.words, tokens.joined, tokens.text
        starts, ends = tokens.starts, tokens.ends
        found: list[tuple[int, int, Entry, str]] = []
        for i in compress(range(len(keys)), map(self.punctuated.__contains__, keys)):
            if (found and i < found[-1][1]) or not words[i][0].isupper():
                continue
            for key, entry, alias in self.punctuated[keys[i]]:
                n = len(key)
                if tuple(keys[i : i + n]) == key and all(joined[k] or text[ends[k] : starts[k + 1]].strip() in _NAME_MARKS
                                                         for k in range(i, i + n - 1)):
                    found.append((i, i + n, entry, alias))
                    break
        if not found:
            return spans
        kept = [span for span in spans if not any(span[0] < last and first < span[1] for first, last, _, _ in found)]
        return sorted(kept + found, key=_FIRST_TOKEN)

    def _spans_python(self, tokens: Tokens) -> list[tuple[int, int, Entry, str]]:
        """:meth:`spans` without the compiled module: the reference for its loop."""
        found_spans: list[tuple[int, int, Entry, str]] = []
        index, widths, lower_first, single = self.index, self.widths, self.lower_first, self.single
        keys, joined, words = tokens.keys, tokens.joined, tokens.words
        n_tokens, resume = len(keys), 0
        # Only tokens that open some alias are looked at (a C-level filter); most words open none.
        for i in list(compress(range(n_tokens), map(widths.__contains__, keys))):
            if i < resume:
                continue
            key = keys[i]
            initial = words[i][0]
            capital = initial.isupper() or initial.isdigit()
            if not (capital or key in lower_first):
                continue  # no alias opening with this key may match a lower-case word
            lengths = widths[key]
            if lengths is _ONE_WORD:
                # Only one-word aliases open with this key (most names): no window to build.
                entry, alias, exact = single[key]
                if words[i] == exact[0] if exact is not None else capital or alias[0].islower():
                    found_spans.append((i, i + 1, entry, alias))
                    resume = i + 1
                continue
            span = 1
            while span < lengths[0] and i + span < n_tokens and joined[i + span - 1]:
                span += 1
            for n in lengths:
                if n > span:
                    continue
                found = index.get(tuple(keys[i : i + n])) if n > 1 else single.get(key)
                if found is None:
                    continue
                entry, alias, exact = found
                # Case rules (see the module docstring), inlined: this is the hottest loop.
                if words[i : i + n] == exact if exact is not None else capital or alias[0].islower():
                    found_spans.append((i, i + n, entry, alias))
                    resume = i + n
                    break
        return found_spans


def tokenize(text: str) -> Tokens:
    """Split ``text`` into word tokens with offsets, match keys and joins."""
    # One C-level split gives words and gaps alternately; offsets are running sums of their lengths.
    # Most texts have only ASCII word characters and no apostrophe: the cheaper split is then
    # exact, which the gaps confirm (a non-ASCII letter would sit in one). The split reads a copy
    # with curly quotes, long dashes, ellipses and no-break spaces swapped one for one for ASCII
    # marks that join alike (see _PLAIN_MARKS): most news is then plain ASCII, split as bytes-wide
    # text with no gap to search; offsets, words and joins are those of ``text``. Plain ASCII
    # without apostrophes goes to the compiled split (warta._tokens) where it is built.
    plain = text
    if not text.isascii():
        for mark, same in _PLAIN_MARKS:
            plain = plain.replace(mark, same)
    if _split_ascii is not None and plain.isascii() and "'" not in plain:
        return Tokens(text, *_split_ascii(plain))
    return _tokenize_python(text, plain)


def _tokenize_python(text: str, plain: str) -> Tokens:
    """:func:`tokenize` without the compiled module (and for text that is not plain ASCII)."""
    pieces = _ASCII_TOKEN_SPLIT.split(plain)
    ascii_words = not ("'" in text or "’" in text or (not plain.isascii() and _WORD_CHAR.search("".join(pieces[::2]))))
    if not ascii_words:
        pieces = _TOKEN_SPLIT.split(text)
    if len(pieces) == 1:
        return Tokens(text, [], [], [], [], [])
    words, gaps = pieces[1::2], pieces[2::2]
    bounds = list(accumulate(map(len, pieces)))
    starts, ends = bounds[0:-1:2], bounds[1::2]
    # Most gaps are known (" ", ", "): one C-level lookup each; None marks a lone dot, whose join
    # depends on the word before it ("Kab. Bogor", "A.S.": only after a short abbreviation; three
    # capitals are an acronym ending a sentence, "di GBK. Erick").
    joined = list(map(_GAP_JOINS.__getitem__, gaps))
    for k in list(compress(range(len(gaps)), map(operator.is_, joined, repeat(None)))):
        joined[k] = len(words[k]) < 3 or (len(words[k]) == 3 and not words[k].isupper())
    joined[-1] = False
    keys = list(map(str.lower, words))
    if not ascii_words and not "".join(words).isascii():
        for k in [k for k, word in enumerate(words) if not word.isascii()]:
            keys[k] = fold(words[k])
    return Tokens(text, words, keys, starts, ends, joined)


# Non-ASCII marks common in news, each with an ASCII stand-in that is no word character and joins
# a name alike in a gap (see _GapJoins): quotes stay quotes, the no-break space a space, and long
# dashes and the ellipsis become a mark that is neither a hyphen nor a full stop.
_PLAIN_MARKS = (("“", '"'), ("”", '"'), ("\xa0", " "), ("–", "~"), ("—", "~"), ("…", "~"))


class _GapJoins(dict):
    """Whether a gap may sit inside one name (``None``: a lone dot, see :func:`tokenize`), memoised."""

    def __missing__(self, gap: str) -> bool | None:
        joins = True if _JOINING_GAP.fullmatch(gap) else None if gap.strip() == "." else False
        if len(self) < 10_000:
            self[gap] = joins
        return joins


_GAP_JOINS = _GapJoins()
# Marks a name may hold between its words, which end the matcher's windows: a comma ("Badan
# Meteorologi, Klimatologi, dan Geofisika") and an English possessive ("Attorney General's Office",
# "People's Consultative Assembly"). Such names are matched apart (Gazetteer.punctuated).
_PUNCTUATION_IN_NAME = re.compile(r",|\w['’]s\b")
_NAME_MARKS = frozenset({",", "'s", "’s"})


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Case-fold and strip accents, so ``Erdoğan`` and ``Erdogan`` share a key."""
    word = word.casefold().replace("’", "'")
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def alias_key(alias: str) -> tuple[str, ...]:
    """Return the token key of an alias (``"Kim Jong-un"`` → ``("kim", "jong", "un")``)."""
    return tuple(fold(word) for word in _TOKEN.findall(alias))


def slug(name: str) -> str:
    """Return the id part of an actor id: ``"Kim Jong-un"`` → ``"kim-jong-un"``."""
    return "-".join(alias_key(name)).replace("'", "")


def actor_id(type_: str, name: str) -> str:
    """Return the stable actor id, e.g. ``per:vladimir-putin``."""
    return f"{type_.lower()}:{slug(name)}"


def read_entries(path: Path) -> list[tuple[Entry, list[str]]]:
    """Read one ``type<TAB>subtype<TAB>name<TAB>aliases`` file; raise ``ValueError`` naming bad lines."""
    rows: list[tuple[Entry, list[str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 3 or cells[0] not in TYPES or not cells[2].strip():
            raise ValueError(f"{path}:{number}: expected 'TYPE<TAB>subtype<TAB>name<TAB>aliases' "
                             f"with TYPE one of {', '.join(TYPES)}, got {line!r}")
        type_, subtype, name = cells[0], cells[1].strip(), cells[2].strip()
        aliases = [a.strip() for a in (cells[3] if len(cells) > 3 else "").split("|") if a.strip()]
        rows.append((Entry(actor_id(type_, name), name, type_, subtype, path.name), aliases))
    return rows


def read_regions(path: Path) -> list[tuple[Entry, list[str]]]:
    """Expand ``province<TAB>kab|kota<TAB>name<TAB>aliases`` rows into places and local governments.

    Each kabupaten/kota yields the place (``Kabupaten Bogor`` / ``Kab. Bogor``; ``Kota Bogor``),
    its government (``Pemkab``/``Pemkot``), its council (``DPRD``), its police (``Polres``;
    ``Polresta`` or ``Polrestabes`` in a kota), its prosecutors (``Kejari``), its district court
    (``Pengadilan Negeri Bogor``, ``PN Bogor``: by the bare name) and its disaster, election and
    election-watch bodies (``BPBD``, ``KPU``, ``Bawaslu``). A bare name (``Bogor``)
    goes to the kota when a kota of that name exists, else to the kabupaten, unless it is an
    ordinary word (``settings [actors] no_bare_regions``); so does ``BPBD Bogor``.
    """
    skip_bare = set(config.section("actors").get("no_bare_regions", []))
    places = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 3 or cells[1] not in ("kab", "kota"):
            raise ValueError(f"{path}:{number}: expected 'province<TAB>kab|kota<TAB>name', got {line!r}")
        extra = [a.strip() for a in (cells[3] if len(cells) > 3 else "").split("|") if a.strip()]
        places.append((cells[1], cells[2].strip(), extra))
    kota_names = {name for kind, name, _ in places if kind == "kota"}
    rows: list[tuple[Entry, list[str]]] = []
    for kind, name, extra in places:
        word = "Kabupaten" if kind == "kab" else "Kota"
        place = f"{word} {name}"
        aliases = [f"Kab. {name}", f"Kab {name}"] if kind == "kab" else []
        bare = name not in skip_bare and (kind == "kota" or name not in kota_names)
        if bare:
            aliases += [name, *extra]
        else:
            aliases += [f"{word} {alias}" for alias in extra]
        rows.append((Entry(actor_id("LOC", place), place, "LOC", "kab_kota", path.name), aliases))
        government = f"Pemerintah {place}"
        short = "Pemkab" if kind == "kab" else "Pemkot"
        # The government goes by the place's other names too ("Pemkot Solo", "Pemerintah Kota Solo"):
        # a fuzzy match would otherwise take the nearest spelling, another town's.
        others = [alias for alias in extra if not alias.startswith(f"{word} ")]
        rows.append((Entry(actor_id("ORG", government), government, "ORG", "local_government", path.name),
                     [f"{short} {name}", *(f"{short} {alias}" for alias in others),
                      *(f"Pemerintah {word} {alias}" for alias in others)]))
        council = f"DPRD {place}"
        rows.append((Entry(actor_id("ORG", council), council, "ORG", "local_government", path.name), []))
        metro = _METRO_POLICE.get((kind, name))
        if metro is not None:
            police, police_aliases = metro
        else:
            police = f"Polres {name}" if kind == "kab" else f"Polresta {name}"
            police_aliases = [] if kind == "kab" else [f"Polrestabes {name}"]
        rows.append((Entry(actor_id("ORG", police), police, "ORG", "police", path.name), police_aliases))
        for body, long_names in _REGIONAL_BODIES.items():
            canonical = f"{body} {place}"
            rows.append((Entry(actor_id("ORG", canonical), canonical, "ORG", "local_government", path.name),
                         [*([f"{body} {name}"] if bare else []),
                          *(f"{long} {at}" for long in long_names for at in ([place, name] if bare else [place]))]))
        prosecutor = f"Kejaksaan Negeri {place}"
        rows.append((Entry(actor_id("ORG", prosecutor), prosecutor, "ORG", "state", path.name),
                     [f"Kejari {place}", *([f"Kejari {name}", f"Kejaksaan Negeri {name}"] if bare else [])]))
        if bare:  # a district court goes by its town's name: "Pengadilan Negeri Jakarta Selatan", "PN Bogor"
            court = f"Pengadilan Negeri {name}"
            rows.append((Entry(actor_id("ORG", court), court, "ORG", "state", path.name), [f"PN {name}"]))
    return rows


# The resorts of Polda Metro Jaya go by "Metro" ("Polres Metro Jakarta Barat"), and are written
# without it too; a kota beside its kabupaten's namesake adds "Kota" ("Polres Metro Bekasi Kota").
_METRO_POLICE = {
    **{("kota", name): (f"Polres Metro {name}", [f"Polres {name}", f"Polresta {name}"])
       for name in ("Jakarta Pusat", "Jakarta Utara", "Jakarta Barat", "Jakarta Selatan", "Jakarta Timur", "Depok")},
    ("kab", "Bekasi"): ("Polres Metro Bekasi", ["Polres Bekasi"]),
    ("kota", "Bekasi"): ("Polres Metro Bekasi Kota", ["Polres Bekasi Kota", "Polresta Bekasi"]),
    ("kota", "Tangerang"): ("Polres Metro Tangerang Kota", ["Polres Tangerang Kota"]),
    ("kab", "Tangerang"): ("Polresta Tangerang", ["Polres Tangerang"]),  # under Polda Banten
}

# Bodies that every kabupaten, kota and province has under the national body's short name
# ("BPBD Kabupaten Bogor", "KPU Kota Bandung", "Bawaslu Jawa Barat"), and the long names they go
# by too ("Badan Pengawas Pemilu Kabupaten Bogor": not the national body and a place).
_REGIONAL_BODIES = {
    "BPBD": ("Badan Penanggulangan Bencana Daerah",),
    "KPU": ("Komisi Pemilihan Umum",),
    "Bawaslu": ("Badan Pengawas Pemilu", "Badan Pengawas Pemilihan Umum"),
}


# Each province's narcotics agency by its forms; like the regional bodies' long names, matched
# exactly only (offered to fuzzy matching, such families make every fuzzy look-up of a body slower).
_BNN_FORMS = ("BNNP ", "BNN Provinsi ", "Badan Narkotika Nasional Provinsi ")


def province_bodies(provinces: Iterable[tuple[Entry, list[str]]]) -> list[tuple[Entry, list[str]]]:
    """Government, council, police, prosecutors, courts and regional bodies of each province
    (``Pemprov Jabar``, ``DPRD Jawa Barat``, ``Polda Jabar``, ``Kejati Jabar``, ``Pengadilan Tipikor
    Jakarta``, ``BPBD Jawa Barat``, ``BNNP Bali``)."""
    rows: list[tuple[Entry, list[str]]] = []
    for entry, aliases in provinces:
        if entry.subtype != "province":
            continue
        names = [entry.name, *(a for a in aliases if not a.startswith("Provinsi"))]
        for canonical, forms, kind in (
            (f"Pemerintah Provinsi {entry.name}", ["Pemprov {}", "Pemerintah Provinsi {}"], "local_government"),
            (f"DPRD {entry.name}", ["DPRD {}", "DPRD Provinsi {}"], "local_government"),
            (f"Polda {entry.name}", ["Polda {}"], "police"),
            *((f"{body} {entry.name}", [f"{short} {prefix}{{}}" for short in (body, *long_names)
                                        for prefix in ("", "Provinsi ")], "local_government")
              for body, long_names in _REGIONAL_BODIES.items()),
            (f"Kejaksaan Tinggi {entry.name}", ["Kejati {}", "Kejaksaan Tinggi {}"], "state"),
            (f"BNN Provinsi {entry.name}", [f"{form}{{}}" for form in _BNN_FORMS], "state"),
            (f"Pengadilan Tinggi {entry.name}", ["Pengadilan Tinggi {}"], "state"),
            (f"Pengadilan Tipikor {entry.name}", ["Pengadilan Tipikor {}"], "state"),
        ):
            rows.append((Entry(actor_id("ORG", canonical), canonical, "ORG", kind, "provinces.tsv"),
                         [form.format(n) for form in forms for n in names]))
    return rows


def embassies(countries: Iterable[tuple[Entry, list[str]]]) -> list[tuple[Entry, list[str]]]:
    """Each country's embassy (``Kedutaan Besar Rusia`` / ``Kedubes Rusia``)."""
    rows: list[tuple[Entry, list[str]]] = []
    for entry, _ in countries:
        if entry.subtype == "country":
            name = f"Kedutaan Besar {entry.name}"
            rows.append((Entry(actor_id("ORG", name), name, "ORG", "government", "countries.tsv"),
                         [f"Kedubes {entry.name}", f"Kedutaan {entry.name}"]))
    return rows


def read_english_names(path: Path) -> dict[str, list[str]]:
    """Read ``english.tsv``: ``canonical name<TAB>aliases``, English names of entries of the other files."""
    names: dict[str, list[str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not cells[0].strip() or not cells[1].strip():
            raise ValueError(f"{path}:{number}: expected 'canonical name<TAB>aliases', got {line!r}")
        names.setdefault(cells[0].strip(), []).extend(a.strip() for a in cells[1].split("|") if a.strip())
    return names


# Compass words that end a province's or regency's name, and how English puts them first
# ("Jawa Timur" is "East Java", "Jakarta Pusat" "Central Jakarta"); the two-word ones first.
_COMPASS = {"Barat Daya": "Southwest", "Barat Laut": "Northwest", "Timur Laut": "Northeast", "Utara": "North",
            "Selatan": "South", "Timur": "East", "Barat": "West", "Tengah": "Central", "Tenggara": "Southeast",
            "Pusat": "Central"}
# The English spelling of names the compass forms are made of.
_ENGLISH_SPELLINGS = {"Sumatera": "Sumatra", "Jawa": "Java"}


def english_compass_names(name: str) -> list[str]:
    """The English forms of a place named with a compass word last, also in the English spelling
    of the rest where it differs; ``[]`` without a compass word.

    >>> english_compass_names("Jawa Timur")
    ['East Jawa', 'East Java']
    >>> english_compass_names("Nusa Tenggara Barat")
    ['West Nusa Tenggara']
    """
    for compass, english in _COMPASS.items():
        if name.endswith(f" {compass}") and len(name) > len(compass) + 1:
            base = name[: -len(compass) - 1]
            forms = [f"{english} {base}"]
            spelt = " ".join(_ENGLISH_SPELLINGS.get(word, word) for word in base.split())
            forms += [f"{english} {spelt}"] if spelt != base else []
            return forms
    return []


def _with_english_names(rows: list[tuple[Entry, list[str]]], english: dict[str, list[str]],
                        path: Path) -> tuple[list[tuple[Entry, list[str]]], set[str]]:
    """``rows`` with each entry's English names, and the generated ones (matched
    exactly only, like the regional bodies' long names: offered to fuzzy matching, a family of
    thousands of similar names makes every fuzzy look-up slower).

    Listed names come from ``english.tsv``; generated are a province's or regency's compass forms
    (from its name, or the bare name a regency is called by: "East Java", "South Tangerang"), a
    place head put the English way ("Sungai Ciliwung" is "Ciliwung River", "Gunung Marapi" "Mount
    Marapi", "Kabupaten Bogor" "Bogor Regency"), and the English names of each area's government,
    police and disaster agency ("Bogor Regency administration", "West Java Police", "Jakarta
    Disaster Mitigation Agency").
    """
    known = {entry.name for entry, _ in rows}
    unknown = sorted(set(english) - known)
    if unknown:
        raise ValueError(f"{path}: no entry is named {', '.join(map(repr, unknown))}")
    # Each area's names in English, by the names its bodies are built from, with the head of the
    # area the name stands for ("Kabupaten", "Kota", "Provinsi"): a bare name is one area's.
    areas: dict[str, tuple[str, list[str]]] = {}
    for entry, aliases in rows:
        if entry.type == "LOC" and entry.subtype in ("province", "kab_kota"):
            if entry.subtype == "province":
                head = "Provinsi"
                bare = [entry.name, *(a for a in aliases if not a.startswith("Provinsi") and not a.isupper())]
            else:
                head, bare = entry.name.split()[0], [a for a in aliases if not a.startswith(("Kab", "Kota "))]
            names = list(dict.fromkeys(form for name in bare
                                       for form in (name, *english.get(name, ()), *english_compass_names(name))))
            for name in bare:
                areas.setdefault(name, (head, names))
    out, generated = [], set()
    for entry, aliases in rows:
        extra = list(english.get(entry.name, ()))
        made = _english_forms(entry, aliases, areas)
        generated.update(made)
        extra += made
        out.append((entry, [*aliases, *extra]) if extra else (entry, aliases))
    return out, generated


# Place heads that English puts after the name, or keeps before it.
_ENGLISH_HEADS_AFTER = {"Sungai": "River", "Pulau": "Island", "Selat": "Strait", "Teluk": "Bay",
                        "Bandara": "Airport", "Stadion": "Stadium", "Pantai": "Beach", "Pelabuhan": "Port",
                        "Taman Nasional": "National Park"}
_ENGLISH_HEADS_BEFORE = {"Gunung": "Mount", "Danau": "Lake"}


def _english_forms(entry: Entry, aliases: Sequence[str], areas: dict[str, tuple[str, list[str]]]) -> list[str]:
    """The generated English names of one entry (see :func:`_with_english_names`)."""
    name = entry.name
    head, _, rest = name.partition(" ")
    if entry.type == "LOC" and entry.subtype == "province":
        return english_compass_names(name)
    if entry.type == "LOC" and entry.subtype == "kab_kota":
        bare = [alias for alias in aliases if not alias.startswith(("Kab", "Kota "))]
        kind = "Regency" if head == "Kabupaten" else "City"
        names = dict.fromkeys(form for alias in [rest, *bare] for form in (alias, *english_compass_names(alias)))
        return [*(form for alias in bare for form in english_compass_names(alias)), *(f"{n} {kind}" for n in names)]
    if entry.type == "LOC":
        # From the name or an alias with a head ("Bengawan Solo", alias "Sungai Bengawan Solo":
        # "Bengawan Solo River"; "Taman Nasional Komodo": "Komodo National Park").
        forms = []
        for written in (name, *aliases):
            for local, english in _ENGLISH_HEADS_AFTER.items():
                if written.startswith(local + " ") and len(written) > len(local) + 1:
                    forms.append(f"{written[len(local) + 1:]} {english}")
            for local, english in _ENGLISH_HEADS_BEFORE.items():
                if written.startswith(local + " ") and len(written) > len(local) + 1:
                    forms.append(f"{english} {written[len(local) + 1:]}")
        return list(dict.fromkeys(forms))
    if entry.type != "ORG":
        return []
    for prefix, area_head, forms in _ENGLISH_BODY_FORMS:
        if name.startswith(prefix):
            held = areas.get(name[len(prefix):])
            if held is None or (area_head and held[0] != area_head):
                return []  # "Polres Bogor" where the bare "Bogor" is the kota's: "Bogor Police" is its Polresta
            return [form.format(english) for english in held[1] for form in forms]
    return []


# An area's bodies, by the prefix of their canonical names (see read_regions and province_bodies),
# with the head of the area the rest must name ("" for any).
_ENGLISH_BODY_FORMS = (
    ("Pemerintah Kabupaten ", "", ("{} Regency administration", "{} Regency government")),
    ("Pemerintah Kota ", "", ("{} City administration", "{} City government")),
    ("Pemerintah Provinsi ", "Provinsi", ("{} provincial administration", "{} provincial government")),
    ("Polda ", "Provinsi", ("{} Police", "{} Regional Police")),
    ("Polres ", "Kabupaten", ("{} Police",)),
    ("Polresta ", "Kota", ("{} Police",)),
    ("BPBD Kabupaten ", "", ("{} Regency Disaster Mitigation Agency",)),
    ("BPBD Kota ", "", ("{} Disaster Mitigation Agency",)),
    ("BPBD ", "Provinsi", ("{} Disaster Mitigation Agency",)),
)


def build_gazetteer(extra_files: Sequence[str | Path] = ()) -> Gazetteer:
    """Compile the packaged files plus ``extra_files`` (users' watch lists, read first so they win)."""
    gazetteer = Gazetteer()
    rows: list[tuple[Entry, list[str]]] = []
    for path in extra_files:
        rows += read_entries(Path(path).expanduser())
    packaged = {name: read_entries(GAZETTEER_DIR / name)
                for name in ("persons.tsv", "organizations.tsv", "media.tsv",
                             "countries.tsv", "provinces.tsv", "cities.tsv")}
    rows += packaged["persons.tsv"] + packaged["organizations.tsv"] + packaged["media.tsv"]
    rows += packaged["countries.tsv"] + packaged["provinces.tsv"]
    rows += province_bodies(packaged["provinces.tsv"]) + embassies(packaged["countries.tsv"])
    rows += packaged["cities.tsv"] + read_regions(GAZETTEER_DIR / "kabkota.tsv")
    english = GAZETTEER_DIR / "english.tsv"
    rows, generated = _with_english_names(rows, read_english_names(english), english)
    long_names = tuple(f"{long} " for names in _REGIONAL_BODIES.values() for long in names)
    for entry, aliases in rows:
        gazetteer.add(entry, entry.name)
        for alias in aliases:
            key = gazetteer.add(entry, alias)
            if alias in generated or (entry.subtype == "local_government" and alias.startswith(long_names)) \
                    or alias.startswith(_BNN_FORMS):
                gazetteer.exact_only.add(key)
    return gazetteer


@lru_cache(maxsize=8)
def load_gazetteer(extra_files: tuple[str, ...] | None = None) -> Gazetteer:
    """Return the compiled gazetteer (cached). ``None`` reads ``[actors] watchlists`` from the settings."""
    if extra_files is None:
        extra_files = tuple(config.section("actors").get("watchlists", []))
    return build_gazetteer(extra_files)
