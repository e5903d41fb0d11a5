"""The warta sentiment lexicon and the cue finder that applies it to text.

A lexicon entry is a word or a multiword expression with a signed weight. A single-word entry
that is its own root (``khawatir``) matches every inflection of it (``kekhawatiran``,
``dikhawatirkan``); any other entry (``tersangka``) matches only that form, plus the clitics
``-nya``/``-lah``/``-kah``/``-pun``. Weight 0 pins a form to neutral (``kebijakan`` is not
``bijak``). Modifiers change the cues around them: negators and intensifiers in the same
clause, contrast and concession markers, reporting verbs, and stance verbs whose subject holds
the sentiment. The file format is documented in ``data/lexicon/README.md``.

Speed matters here (thousands of articles per second on one core), so each text is tokenised
once with a regular expression, distinct words are resolved against a per-process cache with C
set operations, and only the cue hits are examined in Python.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from warta import config
from warta.errors import WartaError

LEXICON_DIR = config.DATA_DIR / "lexicon"
MODIFIER_FILE = "modifiers.tsv"
MODIFIER_KINDS = ("negator", "intensifier", "diminisher", "increase", "decrease", "contrast", "concession",
                  "reporting", "stance")
CLITICS = ("nya", "lah", "kah", "pun")

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# A clause ends at punctuation, a quotation mark or a line break; modifiers never cross one.
_CLAUSE_BREAK = re.compile(r"[.,;:!?…\"“”()\[\]\n]")
_SENTENCE_BREAK = re.compile(r"[.!?…\n]")
_BEFORE_CONTRAST = 0.5  # a clause followed by "namun"/"tetapi" counts half
_SCOPE_WORDS = 3  # how far back a negator or intensifier reaches
_CORRELATIVES = {"baik": "maupun"}  # "baik Rusia maupun Korut": "both ... and", not "good"
_POSTPOSED = frozenset({"sekali", "banget", "bgt", "nian"})  # intensifiers that follow their word
_NASAL_PREFIXES = (("meny", "s"), ("peny", "s"), ("meng", "k"), ("peng", "k"), ("mem", "p"), ("pem", "p"),
                   ("men", "t"), ("pen", "t"))
_PREFIXES = ("memper", "diper", "ber", "ter", "per", "me", "pe", "di", "ke", "se", "mem", "men", "meng",
             "meny", "pem", "pen", "peng", "peny", "bel", "pel")
_SUFFIXES = ("kan", "an", "i")


@dataclass(frozen=True)
class Cue:
    """One sentiment cue found in a text: where it is, its lexicon weight and its final weight."""

    term: str
    start: int
    end: int
    weight: float
    base: float
    desk: str
    modifiers: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"term": self.term, "start": self.start, "end": self.end, "weight": round(self.weight, 3),
                "base": self.base, "desk": self.desk, "modifiers": list(self.modifiers)}


@dataclass
class Lexicon:
    """Cue entries and modifiers, with the word-resolution cache used by :meth:`find_cues`."""

    entries: dict[str, tuple[float, str]]
    modifiers: dict[str, tuple[str, float]]
    roots: dict[str, str] = field(default_factory=dict)
    _phrases: dict[str, list[str]] = field(default_factory=dict)
    _resolved: dict[str, str | None] = field(default_factory=dict)
    _cue_words: set[str] = field(default_factory=set)
    _modifier_of: dict[str, tuple[str, float] | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for term in self.entries:
            head, _, rest = term.partition(" ")
            if rest:
                self._phrases.setdefault(head, []).append(term)
            elif stem(term) == term:
                self.roots[term] = term
        for phrases in self._phrases.values():
            phrases.sort(key=len, reverse=True)  # longest phrase wins
        self._phrase_heads = frozenset(self._phrases)
        self._modifier_phrases = {term for term in self.modifiers if " " in term}

    def __len__(self) -> int:
        return len(self.entries)

    def resolve(self, word: str) -> str | None:
        """Return the entry a lower-cased word form matches, or None (cached per process)."""
        if word in self._resolved:
            return self._resolved[word]
        entry = _resolve(word, self.entries, self.roots)
        self._resolved[word] = entry
        if entry is not None and self.entries[entry][0] != 0:
            self._cue_words.add(word)
        return entry

    def modifier(self, word: str) -> tuple[str, float] | None:
        """Return ``(kind, factor)`` for a modifier word form (``ujarnya`` is ``ujar``), or None."""
        if word not in self._modifier_of:
            self._modifier_of[word] = _resolve_modifier(word, self.modifiers)
        return self._modifier_of[word]

    def find_cues(self, text: str) -> list[Cue]:
        """Return the sentiment cues of ``text`` in order, each with its modifiers applied."""
        lower = _lower(text)
        distinct = set(_WORD.findall(lower))
        for word in distinct.difference(self._resolved):
            self.resolve(word)
        hits = distinct & self._cue_words
        heads = distinct & self._phrase_heads
        if not hits and not heads:
            return []
        spans = self._phrase_spans(lower, heads) + self._word_spans(lower, hits)
        spans.sort(key=lambda span: (span[0], -span[1]))
        kept: list[tuple[int, int, str]] = []
        for span in spans:
            if kept and span[0] < kept[-1][1]:
                continue  # inside a longer phrase already taken
            kept.append(span)
        cues = [self._apply_modifiers(lower, start, end, entry) for start, end, entry in kept]
        consumed = {position for cue in cues for position in cue[1]}
        # Zero-weight phrases only shield their words ("hasil imbang"); they are not cues.
        return [cue for cue, _ in cues
                if cue.start not in consumed and cue.base != 0 and not _correlative(lower, cue)]

    def _phrase_spans(self, lower: str, heads: Iterable[str]) -> list[tuple[int, int, str]]:
        return [(start, start + len(phrase), phrase)
                for head in heads for phrase in self._phrases[head]
                for start in _occurrences(lower, phrase)]

    def _word_spans(self, lower: str, hits: Iterable[str]) -> list[tuple[int, int, str]]:
        spans: list[tuple[int, int, str]] = []
        for word in hits:
            entry = self._resolved[word]
            spans += [(start, start + len(word), entry) for start in _occurrences(lower, word)]
        return spans

    def _apply_modifiers(self, lower: str, start: int, end: int, entry: str) -> tuple[Cue, list[int]]:
        base, desk = self.entries[entry]
        weight = base
        modifiers: list[str] = []
        consumed: list[int] = []
        clause_start = _last_break(lower, start, _CLAUSE_BREAK)
        before = list(_WORD.finditer(lower, clause_start, start))[-_SCOPE_WORDS:]
        pairs = [(m.group(), m.start()) for m in before]
        pairs += [(f"{a} {b}", sa) for (a, sa), (b, _) in zip(pairs, pairs[1:])]
        for word, position in pairs:
            found = self.modifier(word)
            if found is None:
                continue
            kind, factor = found
            if kind == "negator":
                # "not worried" is weaker than "pleased": a negated negative moves towards neutral.
                weight *= factor if base > 0 else factor * 0.5
                modifiers.append("negated")
            elif kind in ("intensifier", "diminisher") and word not in _POSTPOSED:
                weight *= factor
                modifiers.append("intensified" if kind == "intensifier" else "diminished")
            else:
                continue
            consumed.append(position)
        # "angka stunting turun" / "penurunan laba": a fall flips a cue, a rise strengthens it.
        clause_end = _next_break(lower, end, _CLAUSE_BREAK)
        following = list(_WORD.finditer(lower, end, clause_end))[:_SCOPE_WORDS]
        for match in before[::-1] + following:
            found = self.modifier(match.group())
            if found and found[0] in ("increase", "decrease"):
                weight *= found[1]
                modifiers.append("reversed" if found[0] == "decrease" else "increased")
                consumed.append(match.start())
                break
        after = _WORD.match(lower, _skip_spaces(lower, end))
        if after and after.group() in _POSTPOSED:
            weight *= self.modifiers[after.group()][1]
            modifiers.append("intensified")
            consumed.append(after.start())
        if modifiers.count("intensified") > 1:  # "sangat enak sekali" is one emphasis, not two
            weight /= self.modifiers["sekali"][1] ** (modifiers.count("intensified") - 1)
        if base > 0 and self._under_negative_stance(lower, clause_start, start):
            # "prihatin atas kerja sama ...": the holder's concern outweighs the good word.
            weight *= -0.5
            modifiers.append("negative_stance")
        weight, shape = self._contrast(lower, start, end, weight)
        modifiers += shape
        return Cue(entry, start, end, weight, base, desk, tuple(modifiers)), consumed

    def _under_negative_stance(self, lower: str, clause_start: int, start: int) -> bool:
        for match in _WORD.finditer(lower, clause_start, start):
            found = self.modifier(match.group())
            if found and found[0] == "stance":
                entry = self.resolve(match.group())
                if entry is not None and self.entries[entry][0] < 0:
                    return True
        return False

    def _contrast(self, lower: str, start: int, end: int, weight: float) -> tuple[float, list[str]]:
        sentence_start = _last_break(lower, start, _SENTENCE_BREAK)
        sentence_end = _next_break(lower, end, _SENTENCE_BREAK)
        modifiers: list[str] = []
        head = lower[sentence_start:start]
        tail = lower[end:sentence_end]
        for word in _WORD.findall(head):
            found = self.modifier(word)
            if found and found[0] == "contrast":
                weight *= found[1]
                modifiers.append("after_contrast")
                break
        else:
            for word in _WORD.findall(tail):
                found = self.modifier(word)
                if found and found[0] == "contrast":
                    weight *= _BEFORE_CONTRAST
                    modifiers.append("before_contrast")
                    break
            else:
                # "Namun ..." opening the next sentence outweighs this one.
                following = _WORD.match(lower, _skip_spaces(lower, sentence_end + 1, quotes=True))
                found = self.modifier(following.group()) if following else None
                if found and found[0] == "contrast":
                    weight *= _BEFORE_CONTRAST
                    modifiers.append("before_contrast")
        clause = lower[_last_break(lower, start, _CLAUSE_BREAK):start]
        for word in _WORD.findall(clause):
            found = self.modifier(word)
            if found and found[0] == "concession":
                weight *= found[1]
                modifiers.append("conceded")
                break
        return weight, modifiers


def stance_spans(lexicon: Lexicon, text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, kind)`` of the stance and reporting words in ``text``.

    Whoever is named before such a word in its clause holds the sentiment of the clause
    ("AS prihatin atas ...", "Washington menuduh Pyongyang ...").
    """
    lower = _lower(text)
    spans = []
    for match in _WORD.finditer(lower):
        found = lexicon.modifier(match.group())
        if found and found[0] in ("stance", "reporting"):
            spans.append((match.start(), match.end(), found[0]))
    return spans


def clause_bounds(text: str, position: int) -> tuple[int, int]:
    """Return the ``(start, end)`` of the clause around ``position``."""
    lower = _lower(text)
    return _last_break(lower, position, _CLAUSE_BREAK), _next_break(lower, position, _CLAUSE_BREAK)


@lru_cache(maxsize=8)
def load_lexicon(paths: tuple[str, ...] | None = None) -> Lexicon:
    """Load the packaged lexicon, plus any extra TSV files (``[sentiment] extra_lexicons``).

    Later files override earlier ones, so a user's file can re-weight or neutralise a term.
    """
    settings = config.section("sentiment")
    files = sorted(p for p in LEXICON_DIR.glob("*.tsv") if p.name != MODIFIER_FILE)
    extra = paths if paths is not None else tuple(settings.get("extra_lexicons", ()))
    files += [Path(p).expanduser() for p in extra]
    entries: dict[str, tuple[float, str]] = {}
    for path in files:
        for line_no, columns in _rows(path, 3):
            try:
                weight = float(columns[1])
            except ValueError:
                raise WartaError(f"{path}:{line_no}: weight {columns[1]!r} is not a number") from None
            entries[normalize_term(columns[0])] = (weight, columns[2])
    modifiers: dict[str, tuple[str, float]] = {}
    for line_no, columns in _rows(LEXICON_DIR / MODIFIER_FILE, 3):
        if columns[1] not in MODIFIER_KINDS:
            raise WartaError(f"{MODIFIER_FILE}:{line_no}: unknown modifier kind {columns[1]!r}")
        modifiers[normalize_term(columns[0])] = (columns[1], float(columns[2]))
    return Lexicon(entries, modifiers)


def normalize_term(term: str) -> str:
    """Lower-case a lexicon term and collapse its inner whitespace."""
    return " ".join(term.lower().split())


def _rows(path: Path, n_columns: int):
    if not path.is_file():
        raise WartaError(f"lexicon file not found: {path}")
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            columns = [c.strip() for c in line.split("\t")]
            if len(columns) != n_columns or not columns[0]:
                raise WartaError(f"{path}:{line_no}: expected {n_columns} tab-separated columns, got {line!r}")
            yield line_no, columns


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Return the Sastrawi root of one word (cached: the stemmer is slow)."""
    if "-" in word:
        return word  # Sastrawi reduces reduplication; keep "porak-poranda" whole
    return _stemmer().stem(word) or word


def _resolve(word: str, entries: dict[str, tuple[float, str]], roots: dict[str, str]) -> str | None:
    if word in entries:
        return word
    for clitic in CLITICS:
        if word.endswith(clitic) and word[: -len(clitic)] in entries:
            return word[: -len(clitic)]
    head, dash, tail = word.partition("-")
    if dash and head and tail.startswith(head[:3]):  # reduplication: "serangan-serangan"
        return _resolve(head, entries, roots)
    if not word.isalpha() or len(word) < 4:
        return None
    root = stem(word)
    if root in roots:
        return roots[root]
    for candidate in _affix_candidates(word):
        if candidate in roots:
            return roots[candidate]
    return None


def _resolve_modifier(word: str, modifiers: dict[str, tuple[str, float]]) -> tuple[str, float] | None:
    if word in modifiers:
        return modifiers[word]
    for clitic in CLITICS:
        if word.endswith(clitic) and word[: -len(clitic)] in modifiers:
            return modifiers[word[: -len(clitic)]]
    if not word.isalpha() or len(word) < 5:
        return None
    found = modifiers.get(stem(word))
    # Only verbs of speech and stance inflect ("mengkritik", "dikhawatirkan").
    return found if found and found[0] in ("reporting", "stance") else None


def _affix_candidates(word: str) -> list[str]:
    """Roots a word may come from, by stripping Indonesian affixes (backs up Sastrawi's misses)."""
    bases = {word}
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            bases.add(word[: -len(suffix)])
    candidates: list[str] = []
    for base in bases:
        for prefix, restored in _NASAL_PREFIXES:
            if base.startswith(prefix) and len(base) > len(prefix) + 2 and base[len(prefix)] in "aeiou":
                candidates.append(restored + base[len(prefix):])
        for prefix in _PREFIXES:
            if base.startswith(prefix) and len(base) - len(prefix) >= 3:
                candidates.append(base[len(prefix):])
                if base.startswith(("ke", "pe", "per")) and base.endswith("an"):
                    candidates.append(base[len(prefix):-2])
    return candidates


def _correlative(lower: str, cue: Cue) -> bool:
    """True for the first half of a correlative pair ("baik X maupun Y"), which is not an evaluation."""
    partner = _CORRELATIVES.get(cue.term)
    return bool(partner) and f" {partner} " in lower[cue.end:_next_break(lower, cue.end, _SENTENCE_BREAK)]


def _lower(text: str) -> str:
    lower = text.lower()
    if len(lower) != len(text):  # a few characters (İ) grow when lower-cased; keep offsets valid
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lower


def _occurrences(lower: str, needle: str) -> list[int]:
    found: list[int] = []
    start = lower.find(needle)
    size = len(needle)
    while start != -1:
        end = start + size
        if _is_boundary(lower, start - 1, start - 2) and _is_boundary(lower, end, end + 1):
            found.append(start)
        start = lower.find(needle, start + 1)
    return found


def _is_boundary(text: str, index: int, beyond: int) -> bool:
    if index < 0 or index >= len(text):
        return True
    char = text[index]
    if char.isalnum() or char == "_":
        return False
    if char in "-'’" and 0 <= beyond < len(text) and text[beyond].isalnum():
        return False  # "serangan-serangan" is one word
    return True


def _last_break(text: str, position: int, pattern: re.Pattern) -> int:
    window_start = max(0, position - 200)
    last = window_start
    for match in pattern.finditer(text, window_start, position):
        last = match.end()
    return last


def _next_break(text: str, position: int, pattern: re.Pattern) -> int:
    match = pattern.search(text, position, position + 400)
    return match.start() if match else min(len(text), position + 400)


def _skip_spaces(text: str, position: int, *, quotes: bool = False) -> int:
    skip = " \t\"'“”‘’" if quotes else " \t"
    while position < len(text) and text[position] in skip:
        position += 1
    return position


def explain(cues: Sequence[Cue]) -> str:
    """Return a short human-readable list of cues, strongest first (``prihatin −2.0``)."""
    ranked = sorted(cues, key=lambda cue: -abs(cue.weight))
    return ", ".join(f"{cue.term} {cue.weight:+.1f}" for cue in ranked)
