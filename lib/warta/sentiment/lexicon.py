"""The warta sentiment lexicon and the cue finder that applies it to text.

A lexicon entry is a word or a multiword expression with a signed weight. A single-word entry
that is its own root (``khawatir``) matches every inflection of it (``kekhawatiran``,
``dikhawatirkan``); any other entry (``tersangka``) matches only that form, plus the clitics
``-nya``/``-lah``/``-kah``/``-pun``. Weight 0 pins a form to neutral (``kebijakan`` is not
``bijak``). Modifiers change the cues around them: negators and intensifiers in the same
clause, contrast and concession markers, reporting verbs, and stance verbs whose subject holds
the sentiment. The file format is documented in ``data/lexicon/README.md``.

English copy has a lexicon of its own (``data/lexicon/en/``, ``load_lexicon(language="en")``):
each word's inflections are listed at load (:func:`english_forms`) instead of found by stemming,
and the weighing reads English word order where it reads Indonesian morphology (the
``_english_*`` reaches).

Speed matters here (issue #5 asks for 5,000 articles/s on one core; on the 2-core development
machine, busy, ``find_cues`` took about 120-140 µs per ~3 KB body, about 30% less CPU than the
set-based finder before it, and the compiled passes of issue #7 take about 40% less again), so
each text is lower-cased once (curly double quotes made ASCII first, so most news takes the ASCII
path) and three compiled passes of ``warta._tokens``, each with a pure-Python reference here, do
the per-word work: ``wanted_words`` looks every word up in a per-process cache of resolved word
forms and returns the few that matter with their offsets, in text order; ``scan_forms`` lists
their cue spans and modifiers; ``cue_loop`` turns the spans into cues. A cue is weighed (in
Python) only when a modifier of its own sentence can reach it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple, Sequence

from warta import config
from warta.errors import WartaError
from warta.roots import stem
from warta.text import VERB_PREFIXES

# The compiled scan and cue loop (references: _wanted_words_python, _scan_forms_python,
# _cue_loop_python); without a C compiler the Python ones run.
try:
    from warta._tokens import cue_loop as _cue_loop, scan_forms as _scan_forms, wanted_words as _wanted_words
except ImportError:  # pragma: no cover - only without a C compiler (tests run both paths)
    _cue_loop = _scan_forms = _wanted_words = None

LEXICON_DIR = config.DATA_DIR / "lexicon"
# The languages with a lexicon: Indonesian in LEXICON_DIR, each other one in a folder of its code.
LEXICON_LANGUAGES = ("id", "en")
MODIFIER_FILE = "modifiers.tsv"
AMOUNT_FILE = "amounts.tsv"
MODIFIER_KINDS = ("negator", "intensifier", "diminisher", "increase", "decrease", "remedy", "repair", "recovery",
                  "failure", "contrast", "concession", "reporting", "stance")
CLITICS = ("nya", "lah", "kah", "pun")
# The modifier kinds whose word makes whoever is named before it in its clause a holder.
HOLDER_KINDS = ("stance", "reporting")

# A word: letters and digits, joined inside by hyphens or apostrophes ("serangan-serangan", "Ma’ruf").
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# A clause ends at punctuation, a quotation mark or a line break; modifiers never cross one. A
# point or comma between digits is a number's ("1.200 mahasiswa", "Rp 1,5 triliun"), not a break.
CLAUSE_BREAK = re.compile(r"[;:!?…\"“”()\[\]\n]|(?<!\d)[.,]|[.,](?!\d)")
_CLAUSE_MARK = re.compile(r"[.,;:!?…\"“”()\[\]\n]")  # the same marks, numbers' too: a cheaper first test
_SENTENCE_BREAK = re.compile(r"[!?…\n]|(?<!\d)\.|\.(?!\d)")
_DIGITS = frozenset("0123456789")
_ZERO_DIGITS = bytes(48 if 48 <= c <= 57 else c for c in range(256))
_BEFORE_CONTRAST = 0.5  # a clause followed by "namun"/"tetapi" counts half
_NEGATED_NEGATIVE = 0.7  # "tidak khawatir" is milder than "senang": a negated negative keeps 70% of the flip
# Calling off a bad thing is news in full ("membatalkan kenaikan tarif listrik"), not a milder "not";
# a hearing put off is procedure ("menunda sidang gugatan ... terhadap Google" cancels no lawsuit).
_CALLING_OFF = frozenset({"membatalkan", "batalkan", "menunda", "tunda", "menangguhkan"})
_PROCEDURES = frozenset({"sidang", "persidangan", "pembacaan", "pemeriksaan"})
_PROCEDURE_PUT_OFF = 0.2
_SCOPE_WORDS = 3  # a negator or intensifier reaches the cue up to two words away
_OPENING = " \t\n\"'“”‘’"
_CORRELATIVES = {"baik": "maupun"}  # "baik Rusia maupun Korut": "both ... and", not "good"
_POSTPOSED = frozenset({"sekali", "banget", "bgt", "nian"})  # intensifiers that follow their word
# One-character typographic marks and their ASCII twins (same length, so offsets hold).
_TYPOGRAPHIC = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("–", " "), ("—", " "), ("…", "."))
# Bytes that are not part of a word become spaces; hyphens stay ("serangan-serangan", "di-phk").
_NON_WORD_BYTES = bytes(c if chr(c).isalnum() or chr(c) in "-_" else 32 for c in range(128)) + bytes(range(128, 256))
# Sentence-break bytes become NUL (a NUL in the text becomes a space first).
_BREAK_BYTES = bytes(0 if chr(c) in ".!?\n" else 32 if c == 0 else c for c in range(256))
_NASAL_PREFIXES = (("meny", "s"), ("peny", "s"), ("meng", "k"), ("peng", "k"), ("mem", "p"), ("pem", "p"),
                   ("men", "t"), ("pen", "t"))
_PREFIXES = ("memper", "diper", "ber", "ter", "per", "me", "pe", "di", "ke", "se", "mem", "men", "meng",
             "meny", "pem", "pen", "peng", "peny", "bel", "pel")
_SUFFIXES = ("kan", "an", "i")


class Cue(NamedTuple):
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


# Cue(...) runs a Python-level __new__; the tuple constructor builds the same object in C.
_new_cue = tuple.__new__
# Only these kinds change cue weights; reporting words and positive stance words do not.
_WEIGHING = frozenset({"negator", "intensifier", "diminisher", "increase", "decrease", "remedy", "repair",
                       "recovery", "failure", "contrast", "concession"})


# Per language: a contrast, a concession and an intensifier word, whose factors weighing applies.
_FACTOR_WORDS = {"id": ("namun", "meski", "sekali"), "en": ("but", "although", "very")}


class _Form(NamedTuple):
    """What the cue finder wants of one word form, resolved once per process.

    The scan unpacks it positionally: it is built for the few forms that matter (the others map
    to None), so that one dict lookup per word of a text both finds unknown forms and picks the
    words worth locating, and the scan then needs no further lookups.
    """

    word: str
    needle: str  # " word ": finds the word's next occurrence in the space-separated ASCII text
    size: int
    entry: str | None  # the cue entry it matches (never one of weight 0)
    phrases: tuple[str, ...]  # cue phrases it may open, longest first
    modifier: tuple[str, float] | None  # (kind, factor) of any modifier kind
    weighing: bool  # a modifier that changes cue weights
    modifier_phrases: tuple[str, ...]  # weighing modifier phrases it may open


@dataclass
class Lexicon:
    """Cue entries and modifiers, with the word-resolution cache used by :meth:`find_cues`."""

    entries: dict[str, tuple[float, str]]
    modifiers: dict[str, tuple[str, float]]
    # Amounts, neutral alone, whose rise or fall is news: the weight of a rise ("inflasi": -1).
    amounts: dict[str, float] = field(default_factory=dict)
    roots: dict[str, str] = field(default_factory=dict)
    _phrases: dict[str, list[str]] = field(default_factory=dict)
    _resolved: dict[str, str | None] = field(default_factory=dict)
    _modifier_of: dict[str, tuple[str, float] | None] = field(default_factory=dict)
    # "id": a root entry matches its inflections (Sastrawi). "en": every form is an entry of its
    # own (load_lexicon lists an English word's inflections), and "n't" is a word.
    language: str = "id"

    def __post_init__(self) -> None:
        indonesian = self.language == "id"
        for term in self.entries:
            head, _, rest = term.partition(" ")
            if rest:
                self._phrases.setdefault(head, []).append(term)
            elif indonesian and stem(term) == term:
                self.roots[term] = term
        for phrases in self._phrases.values():
            phrases.sort(key=len, reverse=True)  # longest phrase wins
        self._modifier_phrases: dict[str, list[str]] = {}
        for term, (kind, _) in self.modifiers.items():
            if " " in term and kind in _WEIGHING:
                self._modifier_phrases.setdefault(term.split()[0], []).append(term)
        # Every word form resolve() has met: its _Form, or None when the cue finder wants nothing of it.
        self._forms: dict[str, _Form | None] = {}
        self._pinned_phrases = frozenset(term for term, (weight, _) in self.entries.items()
                                         if " " in term and not weight and term not in self.amounts)
        self._gate_entries = _ARRESTS | _HARMS | _RESCUES | _CORRELATIVES.keys() | self._pinned_phrases
        # The factors weighing applies after a contrast, inside a concession and to repeated
        # emphasis: those of one word of each kind in this language's modifiers.
        contrast, concession, emphasis = _FACTOR_WORDS.get(self.language, _FACTOR_WORDS["id"])
        self.contrast_factor = self.modifiers.get(contrast, ("contrast", 1.5))[1]
        self.concession_factor = self.modifiers.get(concession, ("concession", 0.5))[1]
        self.emphasis_factor = self.modifiers.get(emphasis, ("intensifier", 1.5))[1]

    def __len__(self) -> int:
        return len(self.entries)

    def resolve(self, word: str) -> str | None:
        """Return the entry a lower-cased word form matches, or None (cached per process)."""
        if word in self._resolved:
            return self._resolved[word]
        entry = (_resolve(word, self.entries, self.roots) if self.language == "id"
                 else _resolve_english(word, self.entries))
        self._resolved[word] = entry
        cue = entry if entry is not None and (self.entries[entry][0] != 0 or entry in self.amounts) else None
        found = self.modifier(word)
        weighing = bool(found) and (found[0] in _WEIGHING or found[0] == "stance" and self._negative(word))
        phrases = tuple(self._phrases.get(word, ()))
        modifier_phrases = tuple(self._modifier_phrases.get(word, ()))
        wanted = cue is not None or phrases or found or modifier_phrases
        form = (_Form(word, f" {word} ", len(word), cue, phrases, found or None, weighing, modifier_phrases)
                if wanted else None)
        self._forms[word] = form
        return entry

    def modifier(self, word: str) -> tuple[str, float] | None:
        """Return ``(kind, factor)`` for a modifier word form (``ujarnya`` is ``ujar``), or None."""
        if word not in self._modifier_of:
            self._modifier_of[word] = (_resolve_modifier(word, self.modifiers) if self.language == "id"
                                       else self.modifiers.get(_resolve_english(word, self.modifiers)))
        return self._modifier_of[word]

    def modifier_spans(self, text: str, *, kinds: Sequence[str]) -> list[tuple[int, int, str]]:
        """Return ``(start, end, kind)`` of the single-word modifiers of the given kinds, in order."""
        return [span for span in self._scan(text).kinds if span[2] in kinds]

    def modifier_spans_of(self, texts: Sequence[str], *, kinds: Sequence[str],
                          chunk_chars: int = 1 << 20) -> list[list[tuple[int, int, str]]]:
        """:meth:`modifier_spans` of each text, the same lists, for many short texts (sentences).

        Texts that :func:`_split` takes down its ASCII path are joined, one line each, into chunks
        of about ``chunk_chars`` and each chunk is split once: a word's form, and so whether it is
        a modifier of these kinds, depends on its own bytes only, and a line break separates words
        as any non-word byte does. Only the words of those kinds are located. Other texts are
        scanned one by one.
        """
        wanted = frozenset(kinds)
        result: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        batch: list[int] = []
        size = 0
        # Usually every text is ASCII: one test of them all spares a test per text.
        every = "".join(texts).replace("“", '"').replace("”", '"').isascii()
        for index, text in enumerate(texts):
            if every or text.replace("“", '"').replace("”", '"').isascii():
                batch.append(index)
                size += len(text) + 1
                if size >= chunk_chars:
                    self._joined_modifier_spans(texts, batch, wanted, result)
                    batch, size = [], 0
            else:
                result[index] = self.modifier_spans(text, kinds=kinds)
        if batch:
            self._joined_modifier_spans(texts, batch, wanted, result)
        return result

    def _joined_modifier_spans(self, texts: Sequence[str], batch: list[int], kinds: frozenset[str],
                               result: list[list[tuple[int, int, str]]]) -> None:
        """Fill ``result[i]`` for the ASCII texts ``texts[i]`` of ``batch``, scanned as one text."""
        _, plain = self._split("\n".join([texts[index] for index in batch]))
        starts, found = self._wanted_ascii(plain)
        # Every modifier word's (start, end, kind), listed in C; Python sees only those of these kinds.
        spans = [span for span in (_scan_forms or _scan_forms_python)(starts, found)[1] if span[2] in kinds]
        if not spans:
            return
        # Line k starts after the k earlier lines and their breaks; each span's line by bisection in C.
        line_starts = list(accumulate([len(texts[index]) + 1 for index in batch[:-1]], initial=0))
        span_starts = list(map(_FIRST, spans))
        for (start, end, kind), line in zip(spans, map(bisect_right, repeat(line_starts), span_starts)):
            offset = line_starts[line - 1]
            result[batch[line - 1]].append((start - offset, end - offset, kind))

    def cues_and_spans(self, text: str, *, kinds: Sequence[str]) -> tuple[list[Cue], list[tuple[int, int, str]]]:
        """:meth:`find_cues` and :meth:`modifier_spans` of one text, which is tokenised once."""
        scan = self._scan(text)
        return self._cues(scan), [span for span in scan.kinds if span[2] in kinds]

    def _scan(self, text: str) -> _Scan:
        """Tokenise ``text`` once and list, in text order, its cue spans and modifiers.

        Each word costs one dict lookup, in C (:func:`_wanted_words`, or ``map`` over the word
        regex's matches for non-ASCII text); Python sees only the words that matter, with their
        offsets, in order, and the compiled :func:`_scan_forms` lists their spans and modifiers.
        Python then tests only the words that may open a phrase, and sorts only when one does.
        """
        lower, plain = self._split(text)
        starts, found = self._wanted_ascii(plain) if plain is not None else self._wanted_unicode(lower)
        # spans: (start, end, entry), the longer of two at one start first; kinds: (start, end, kind) of
        # every single-word modifier; mods: (start, end, kind, factor, word) of the weighing modifiers.
        # Where lower is ASCII, the phrase words whose phrases do not start there are left out in C.
        spans, kinds, mods, openers = (_scan_forms or _scan_forms_python)(starts, found,
                                                                          lower if plain is lower else None)
        if openers:
            phrase_spans: list[tuple[int, int, str]] = []
            phrase_mods: list[tuple[int, int, str, float, str]] = []
            for index in openers:
                start = starts[index]
                phrases, modifier_phrases = found[index][4], found[index][7]
                if phrases and lower.startswith(phrases, start):  # one C test of every candidate
                    for phrase in phrases:  # longest first
                        if _phrase_at(lower, phrase, start):
                            phrase_spans.append((start, start + len(phrase), phrase))
                            break
                elif phrases:
                    counted = _counted_phrase(lower, phrases, start + found[index][2])
                    if counted is not None:
                        phrase_spans.append((start, counted[1], counted[0]))
                if modifier_phrases and lower.startswith(modifier_phrases, start):
                    phrase_mods += sorted((start, start + len(phrase), *self.modifiers[phrase], phrase)
                                          for phrase in modifier_phrases if _phrase_at(lower, phrase, start))
            # A phrase comes before the word span at its start (it is longer): before the first span
            # that starts there or later, which ``(start,)`` precedes. A modifier phrase comes after
            # the word's own modifier (the sort is stable and the word's comes first).
            for span in phrase_spans:
                spans.insert(bisect_left(spans, (span[0],)), span)
            if phrase_mods:
                mods = sorted(mods + phrase_mods, key=_FIRST)
                # The phrase is what the word means there: "mengungkap kasus" solves a case, it
                # reports nothing (no holder for the actor before it).
                phrase_starts = {mod[0] for mod in phrase_mods}
                kinds = [kind for kind in kinds if kind[0] not in phrase_starts]
        # A word of a name is no cue: "Istana Merdeka", "Partai Keadilan Sejahtera", "Polda Metro Jaya".
        if len(text) == len(lower):  # offsets of the text are those of the spans
            named = [span for span in spans if span[0] and text[span[0]].isupper()
                     and _inside_name(text, span[0], span[1])]
            if named:
                spans = [span for span in spans if span not in named]
        return _Scan(lower, plain, spans, mods, kinds)

    def _split(self, text: str) -> tuple[str, str | None]:
        """:func:`_split`; in English the "n't" of a contraction joined to its word ("didn_t"),
        which the ASCII word reader would otherwise split off (and "won't" would read "won")."""
        lower, plain = _split(text)
        if self.language == "id" or plain is None or "n't" not in plain:
            return lower, plain
        joined = plain.replace("n't", "n_t")
        return (joined if lower is plain else lower), joined

    def _wanted_ascii(self, plain: str) -> tuple[list[int], list[_Form]]:
        """Offsets and forms of the wanted words of ASCII text, in order (unknown forms resolved first)."""
        scan = _wanted_words or _wanted_words_python
        starts, found, missing = scan(plain, self._forms)
        if missing:  # word forms never seen before (rare in a long run)
            for word in set(missing):
                self.resolve(word)
            starts, found, _ = scan(plain, self._forms)
        return starts, found

    def _wanted_unicode(self, lower: str) -> tuple[list[int], list[_Form]]:
        """:meth:`_wanted_ascii` of other text, whose words are those of the word regex."""
        matches = list(WORD.finditer(lower))
        words = [match.group() for match in matches]
        forms = self._forms
        try:
            found = list(map(forms.__getitem__, words))
        except KeyError:  # a word form never seen before
            for word in set(words).difference(forms):
                self.resolve(word)
            found = list(map(forms.__getitem__, words))
        return [match.start() for match in compress(matches, found)], list(filter(None, found))

    def _negative(self, word: str) -> bool:
        entry = self._resolved.get(word) if word in self._resolved else self.resolve(word)
        return entry is not None and self.entries[entry][0] < 0

    def find_cues(self, text: str) -> list[Cue]:
        """Return the sentiment cues of ``text`` in order, each with its modifiers applied.

        The text is tokenised once; cue and modifier words are picked out in C and located in
        text order, and each cue then looks only at the modifiers of its own sentence.
        """
        return self._cues(self._scan(text))

    def _cues(self, scan: _Scan) -> list[Cue]:
        """The cues of a scanned text."""
        spans = scan.spans
        if not spans:
            return []
        lower = scan.lower
        mods = scan.mods
        if any(head in lower for head in _PHRASE_HEADS):  # C-level tests first: most texts name none
            mods = _without_phrase_heads(mods, spans)
        # The entries that switch a rule on, found in one pass in C (usually none): a scan of the
        # whole text per rule, or a pass over the entries per rule, would cost more.
        gates = self._gate_entries.intersection(map(_THIRD, spans))
        if mods and gates and not self._pinned_phrases.isdisjoint(gates):
            # A pin's words are no modifiers either ("pekerja berpenghasilan rendah" lowers nothing).
            pinned = [(start, end) for start, end, entry in spans if entry in self._pinned_phrases]
            mods = [mod for mod in mods if not any(start < mod[0] < end for start, end in pinned)]
        context = _Context(self, lower, _sentence_breaks(lower, scan.plain), mods)
        cues, consumed, weighed_zero = (_cue_loop or _cue_loop_python)(
            scan.spans, self.entries, context.sentences, context.by_sentence, context.wide,
            context.opens_with_contrast, _reaches if self.language == "id" else _english_reaches, context.weigh, Cue,
            _BEFORE_CONTRAST)
        if any(hint in lower for hint in _AID_HINTS):  # C-level tests first: most texts bring no relief
            cues = _relief_recipients(lower, cues, context.sentences)
        if context.turned:
            cues = _described_deeds(lower, cues, context.turned)
        if gates:
            if not _ARRESTS.isdisjoint(gates):
                cues = _caught_deeds(lower, cues)
            if not _HARMS.isdisjoint(gates):
                cues = _harmless_events(lower, cues)
            if not _RESCUES.isdisjoint(gates):
                cues = _rescued_plights(lower, cues)
        # Some cue may need dropping: zero weight after weighing, used up, correlative. The last
        # is known up front (checking when no such cue is kept only costs the final filter).
        checked = weighed_zero or (gates and not _CORRELATIVES.keys().isdisjoint(gates))
        if not checked and not consumed:
            return cues
        return [cue for cue in cues if cue.base != 0 and cue.start not in consumed
                and (cue.term not in _CORRELATIVES or not _correlative(lower, cue))]


# Relief and its recipients: victims named after "kepada", "bagi", "untuk" or "ke" (up to three
# words between), past a word of relief in their sentence, are whom it reaches ("Relawan
# menyalurkan bantuan makanan kepada korban gempa", "dapur umum ... untuk memenuhi kebutuhan makan
# pengungsi", "Pemerintah Serahkan Rumah untuk Korban Gempa Cianjur", "menerjunkan tim dokter ke
# wilayah terdampak bencana"), and so are victims who receive it ("Ribuan Korban Banjir Demak
# Terima Bantuan"): the sentence's news is the relief, not the disaster.
_AID_HINTS = ("bantuan", "relawan", "dapur umum", "posko", "santunan", "sembako", "logistik", "menyalurkan",
              "membagikan", "mendistribusikan", "beasiswa", "menyerahkan", "serahkan", "tim medis",
              "tim dokter", "tenaga medis")
_AID = re.compile(r"\b(?:" + "|".join(_AID_HINTS) + r")\b")
# Up to four words of who they are, a count among them ("kepada 1.200 mahasiswa dari keluarga miskin").
# A comma ends the reach, except inside a number ("Rp 1,5 juta").
_RECIPIENT = re.compile(r"\b(?:kepada|bagi|untuk|ke)\s+(?:[\w.-]+(?:,\d+)*\s+){0,4}$")
_RECEIVES = re.compile(r"(?:\s+(?!belum\b|tidak\b|tak\b|tanpa\b)[\w-]+){0,2}"  # not "belum menerima"
                       r"\s+(?:menerima|terima|mendapat|mendapatkan|memperoleh)(?:\s+[\w-]+){0,2}?"
                       r"\s+(?:bantuan|santunan|sembako|logistik)\b")


def _relief_recipients(lower: str, cues: list[Cue], breaks: list[int]) -> list[Cue]:
    """``cues`` with the bad ones that name relief's recipients weighing 0 (modifier "recipient")."""
    found = []
    for cue in cues:
        if cue.weight < 0:
            sentence = bisect_right(breaks, cue.start)
            aid = _AID.search(lower, breaks[sentence - 1] + 1 if sentence else 0, cue.start)
            if (aid is not None and _RECIPIENT.search(lower, aid.end(), cue.start) is not None) \
                    or _RECEIVES.match(lower, cue.end) is not None:
                cue = cue._replace(weight=0.0, modifiers=(*cue.modifiers, "recipient"))
        found.append(cue)
    return found


# What a turned bad thing did: a bad cue in a "yang" clause right after a bad thing that a remedy
# or a fall turned ("membongkar sindikat penipuan daring yang merugikan korban hingga miliaran
# rupiah", "menangkap komplotan pencuri yang meresahkan warga") describes what was fought; it
# weighs 0, and so do the bad cues that follow it in its clause. Not after a negator ("tidak ada
# pelaku yang ditangkap" is no arrest).
_DESCRIPTION_OPENS = re.compile(r"(?:\s+[\w-]+){0,2}\s+yang(?:\s+[\w-]+)?\s+")
_DESCRIPTION_GOES_ON = re.compile(r"(?:\s+[\w-]+){0,2}\s+")


def _described_deeds(lower: str, cues: list[Cue], turned: list[int]) -> list[Cue]:
    """``cues`` (changed in place) with the bad ones that describe a bad thing turned good (the
    cues starting at ``turned``) weighing 0 (modifier "described"), and a bad noun right after one
    turned ("tersangka korupsi") turned as it was. Only the few cues after a turned one are read."""
    for start in turned:
        k = bisect_left(cues, start, key=_START)
        if k == len(cues) or cues[k].start != start or "reversed" not in cues[k].modifiers:
            continue
        end, described = cues[k].end, False
        for j in range(k + 1, len(cues)):
            cue = cues[j]
            if cue.weight >= 0:
                break
            if not described and cue.start - end <= 1 and cue.base < 0:
                turn = cues[j - 1].weight / cues[j - 1].base
                cues[j] = cue._replace(weight=cue.weight * turn, modifiers=(*cue.modifiers, "reversed"))
            elif (_DESCRIPTION_GOES_ON if described else _DESCRIPTION_OPENS).fullmatch(lower, end, cue.start):
                cues[j] = cue._replace(weight=0.0, modifiers=(*cue.modifiers, "described"))
                described = True
            else:
                break
            end = cue.end
    return cues


# A culprit caught: "berhasil" before a passive arrest makes the arrest the news ("Pelaku pencurian
# sepeda motor di Bekasi berhasil diringkus polisi"), as "berhasil menangkap" does before its
# culprit: the bad cues before it in its clause name what was caught and weigh 0. The arrests are
# phrase cues of hukum.tsv.
_ARRESTS = frozenset({"berhasil ditangkap", "berhasil diringkus", "berhasil dibekuk", "berhasil diciduk",
                      "berhasil diamankan"})


def _caught_deeds(lower: str, cues: list[Cue]) -> list[Cue]:
    """``cues`` with the bad ones before a successful arrest in its clause weighing 0 (modifier "caught")."""
    return _cleared_before(lower, cues, [cue.start for cue in cues if cue.term in _ARRESTS], "caught")


def _cleared_before(lower: str, cues: list[Cue], news: list[int], modifier: str, *,
                    spared: frozenset[str] = frozenset(), stop: re.Pattern | None = None) -> list[Cue]:
    """``cues`` with each bad one before a cue starting at one of ``news`` in its clause weighing 0
    (``modifier``): the news is that cue's (an arrest, a rescue), not what it came after. Cues in
    ``spared`` keep their weight, and so do those with a ``stop`` match between."""
    if not news:
        return cues
    return [cue._replace(weight=0.0, modifiers=(*cue.modifiers, modifier))
            if cue.weight < 0 and cue.term not in spared and any(
                cue.end <= at and not _breaks_clause(lower, cue.end, at)
                and (stop is None or stop.search(lower, cue.end, at) is None) for at in news)
            else cue for cue in cues]


# An event that did no harm: "Gempa bermagnitudo 4,2 mengguncang Bengkulu tanpa menimbulkan
# kerusakan" reports a quake felt, neither bad news nor good. The bad cues before the harm denied
# in its clause, and the harm denied, weigh 0.
_HARM_VERBS = ("menimbulkan", "menyebabkan", "mengakibatkan")
_HARMS = frozenset({"kerusakan", "korban", "korban jiwa"})  # the harm's cue entries
_HARM = re.compile(r"\s+(?:kerusakan|korban)\b")
_DENIAL = re.compile(r"\b(?:tanpa|tidak|tak)\s+$")


def _harmless_events(lower: str, cues: list[Cue]) -> list[Cue]:
    """``cues`` with an event that did no harm and the harm it denies weighing 0 (modifier "harmless")."""
    denials = []
    for verb in _HARM_VERBS:  # each verb found by C-level search, its neighbours read only there
        at = lower.find(verb)
        while at >= 0:
            harm = _HARM.match(lower, at + len(verb))
            denial = _DENIAL.search(lower, max(0, at - 8), at) if harm is not None else None
            if denial is not None:
                denials.append((denial.start(), harm.end()))
            at = lower.find(verb, at + len(verb))
    if not denials:
        return cues
    return [cue._replace(weight=0.0, modifiers=(*cue.modifiers, "harmless"))
            if any(start <= cue.start < end or cue.weight < 0 and cue.end <= start
                   and not _breaks_clause(lower, cue.end, start) for start, end in denials)
            else cue for cue in cues]


# A rescue is the news of whom it saved: the plight named before it in its clause weighs 0
# ("Seluruh penumpang kapal yang tenggelam berhasil diselamatkan", "Tim SAR menemukan pendaki
# yang hilang di Gunung Marapi dalam keadaan selamat"); not a death, nor past a conjunction ("Tiga
# orang tewas dan dua lainnya berhasil diselamatkan").
_RESCUES = frozenset({"berhasil diselamatkan", "diselamatkan", "ditemukan selamat", "ditemukan dalam keadaan selamat",
                      "dievakuasi dengan selamat", "berhasil dievakuasi", "berhasil dievakuasi dengan selamat",
                      "keadaan selamat", "kondisi selamat"})  # the rescue's cue entries
_DEATHS = frozenset({"tewas", "meninggal", "meninggal dunia", "korban jiwa", "korban tewas", "menewaskan", "jenazah",
                     "mayat", "kematian"})
_OTHER_CLAUSE = re.compile(r"\b(?:dan|serta|sedangkan|sementara|namun|tetapi)\b")


def _rescued_plights(lower: str, cues: list[Cue]) -> list[Cue]:
    """``cues`` with the plight before a rescue in its clause weighing 0 (modifier "rescued")."""
    rescues = [cue.start for cue in cues if cue.term in _RESCUES and cue.weight > 0]
    return _cleared_before(lower, cues, rescues, "rescued", spared=_DEATHS, stop=_OTHER_CLAUSE)


# Modifier words that are no modifier where they open a phrase cue.
_PHRASE_HEADS = ("gagal", "batal", "menembus")


def _without_phrase_heads(mods: list[tuple[int, int, str, float, str]],
                          spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str, float, str]]:
    """The modifiers less one of _PHRASE_HEADS that opens a phrase cue: "gagal ginjal", "gagal panen",
    "gagal bayar" name a disease or a loss, not a failed attempt at the good thing after them;
    "batal demi hukum" voids a charge; "menembus pasar" (a market entered) passes no mark."""
    phrase_starts = {start for start, _, entry in spans if " " in entry}
    return [mod for mod in mods if mod[4] not in _PHRASE_HEADS or mod[0] not in phrase_starts]


def _cue_loop_python(spans: list[tuple[int, int, str]], entries: dict[str, tuple[float, str]], breaks: list[int],
                     by_sentence: dict[int, list[tuple]], wide: set[int], opens: set[int], reaches, weigh,
                     cue_type: type, before_contrast: float) -> tuple[list[Cue], set[int], bool]:
    """The reference of the compiled ``warta._tokens.cue_loop``: ``(cues, consumed, weighed_zero)``.

    Each span not inside a longer phrase already taken becomes a cue. Where a modifier of its
    sentence (``by_sentence``, sentence k lying after k ``breaks``) may reach it (``wide`` sentences,
    or ``reaches``), ``weigh`` makes it and names the modifiers it used up (``consumed``); a
    zero-weight result sets ``weighed_zero``. Otherwise it keeps its lexicon weight, halved when
    the next sentence opens with a contrast (``opens``); zero-weight phrases only shield their words.
    """
    cues: list[Cue] = []
    consumed: set[int] = set()
    weighed_zero = False
    taken_to = -1
    # Each span's sentence by bisection in C (a cue never starts on a break character).
    for (start, end, entry), sentence in zip(spans, map(bisect_right, repeat(breaks), map(_FIRST, spans))):
        if start < taken_to:  # inside a longer phrase already taken
            continue
        taken_to = end
        base, desk = entries[entry]
        nearby = by_sentence.get(sentence)
        if nearby is not None and (sentence in wide or reaches(nearby, start, end, base)):
            cue, used = weigh(start, end, entry, sentence)
            if used:
                consumed.update(used)
            weighed_zero |= not cue[4]
        else:
            if not base:  # zero-weight phrases only shield their words ("hasil imbang"); not cues
                continue
            if sentence + 1 in opens:
                cue = _new_cue(cue_type, (entry, start, end, base * before_contrast, base, desk, ("before_contrast",)))
            else:  # most cues: nothing in their sentence modifies them
                cue = _new_cue(cue_type, (entry, start, end, base, base, desk, ()))
        cues.append(cue)
    return cues, consumed, weighed_zero


class _Scan(NamedTuple):
    """One tokenised text: its cue spans, weighing modifiers and modifier kinds, in text order."""

    lower: str
    plain: str | None  # the ASCII twin of ``lower`` (typographic marks replaced), or None
    spans: list[tuple[int, int, str]]
    mods: list[tuple[int, int, str, float, str]]
    kinds: list[tuple[int, int, str]]


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]{3,}")
# A sentence, quote or bracket opens after these: a capital there says nothing of a name.
_OPENINGS = frozenset(".!?:;\"'“”‘’(\n")
_SENTENCE_OPENINGS = frozenset(".!?\n")


def _inside_name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised word at ``start``-``end`` is part of a name: a capitalised word
    stands right before it (past spaces only, and not itself opening the sentence: "Kasus DBD")
    or right after it, it does not open a sentence, a quote or a bracket, it is no acronym ("PHK",
    "DBD": cues in capitals by nature), and the words around it are not all capitalised (a
    title-case headline, "Banjir Rendam Ratusan Rumah", whose every word would look like a name).
    String methods, not regexes, until a neighbour is capitalised: a 3 KB body has a few such words."""
    if text[start:end].isupper():
        return False
    head = text[max(0, start - 40):start]
    stripped = head.rstrip(" \t")
    if len(stripped) == len(head) or not stripped or stripped[-1] in _OPENINGS:
        return False  # glued to what precedes it, or opening a sentence, a quote, a bracket
    parts = stripped.rsplit(None, 1)
    previous = parts[-1]
    named = (previous[0].isupper() and previous[-1].isalnum() and len(parts) == 2
             and parts[0][-1] not in _SENTENCE_OPENINGS)
    if not named:
        tail = text[end:end + 40]
        following = tail.split(None, 1)[0] if tail[:1] in (" ", "\t") and tail.strip() else ""
        named = following[:1].isupper()
    if not named:
        return False
    # Title case: fewer than two lower-case words of four letters or more around the word.
    found = _LOWER_WORD.finditer(text, max(0, start - 80), min(len(text), end + 80))
    return next(found, None) is not None and next(found, None) is not None


def _split(text: str) -> tuple[str, str | None]:
    """The lower-cased text and its ASCII twin: ``(lower, plain)``.

    In ``plain`` typographic punctuation is replaced by ASCII marks of the same length, so its
    offsets are those of ``lower``; it is None when other non-ASCII characters remain (then the
    words are those of the word regex, see :meth:`Lexicon._wanted_unicode`). Mostly-ASCII text
    (nearly all news) has a twin, whose words :func:`_wanted_words` reads.
    """
    # Curly double quotes act exactly like '"' in every test the cue finder makes (clause and
    # sentence breaks, word boundaries, words, openings, spaces), so they are replaced before
    # lower-casing: most news is then ASCII, which lower-cases several times faster.
    quoted = text.replace("“", '"').replace("”", '"')
    if quoted.isascii():
        lower = quoted.lower()
        return lower, lower
    lower = plain = _lower(text)
    for fancy, ascii_twin in _TYPOGRAPHIC:
        if fancy in plain:
            plain = plain.replace(fancy, ascii_twin)
    return lower, plain if plain.isascii() else None


def _wanted_words_python(text: str, forms: dict[str, _Form | None]) -> tuple[list[int], list[_Form], list[str]]:
    """The reference of the compiled ``warta._tokens.wanted_words``: ``(starts, found, missing)``.

    The words of ASCII ``text`` (runs of letters, digits, ``-`` and ``_``) that ``forms`` maps to
    a form, as offsets and forms in text order, and the words ``forms`` lacks; when any are
    missing, ``starts`` and ``found`` are incomplete and the caller asks again once they are added.
    Each word costs one dict lookup in C; a wanted word is located with ``str.find`` of `` word ``
    from the end of the previous wanted word: no word in between equals it, or it would be wanted too.
    """
    spaced = text.encode("ascii").translate(_NON_WORD_BYTES).decode("ascii")
    words = spaced.split()
    try:
        found = list(filter(None, map(forms.__getitem__, words)))
    except KeyError:
        return [], [], [word for word in dict.fromkeys(words) if word not in forms]
    padded = f" {spaced} "
    starts: list[int] = []
    at = 0
    for form in found:
        start = padded.find(form[1], at)  # the leading space's offset in padded is the word's in text
        at = start + form[2] + 1
        starts.append(start)
    return starts, found, []


def _scan_forms_python(starts: list[int], found: list[_Form],
                       text: str | None = None) -> tuple[list, list, list, list[int]]:
    """The reference of the compiled ``warta._tokens.scan_forms``: ``(spans, kinds, mods, openers)``.

    From the wanted words' offsets and forms: ``(start, end, entry)`` of the cue words, ``(start,
    end, kind)`` of every modifier word, ``(start, end, kind, factor, word)`` of the weighing ones,
    and the indexes of the words that may open a cue or modifier phrase (which the caller tests):
    given the ASCII ``text``, only those where one of their phrases starts.
    """
    spans: list[tuple[int, int, str]] = []
    kinds: list[tuple[int, int, str]] = []
    mods: list[tuple[int, int, str, float, str]] = []
    openers: list[int] = []
    for index, (start, (word, _, size, entry, phrases, modifier, weighing, modifier_phrases)) in enumerate(
            zip(starts, found)):
        end = start + size
        if (phrases or modifier_phrases) and (text is None or text.startswith(phrases + modifier_phrases, start)
                                              or (phrases and _COUNT_START.match(text, end) is not None)):
            openers.append(index)
        if entry is not None:
            spans.append((start, end, entry))
        if modifier is not None:
            kinds.append((start, end, modifier[0]))
            if weighing:
                mods.append((start, end, *modifier, word))
    return spans, kinds, mods, openers


_FIRST = itemgetter(0)
_THIRD = itemgetter(2)
_START = itemgetter(1)  # Cue.start


def _sentence_breaks(lower: str, plain: str | None) -> list[int]:
    """Offsets of the sentence-break characters, in order."""
    if plain is None:
        return [m.start() for m in _SENTENCE_BREAK.finditer(lower)]
    # Breaks become NUL and the text is split on them, in C; break k follows the first k + 1
    # parts and k earlier breaks. ("…" is already ".", of the same length.)
    data = plain.encode("ascii")
    parts = data.translate(_BREAK_BYTES).split(b"\0")
    ends = list(accumulate(map(len, parts)))
    breaks = [end + index for index, end in enumerate(ends[:-1])]
    # A point between digits is a number's ("1.200"): found in C, with every digit made "0".
    numbers = data.translate(_ZERO_DIGITS)
    at = numbers.find(b"0.0")
    if at < 0:
        return breaks
    points = set()
    while at >= 0:
        points.add(at + 1)
        at = numbers.find(b"0.0", at + 2)
    return [at for at in breaks if at not in points]


# Prices of what farmers, breeders and fishers sell: weighed for the buyer (a rise is bad news),
# but for the seller in a sentence that names them ("Petani merugi karena harga bawang merah
# anjlok", "Peternak senang harga telur naik"). Not what they buy (fuel, fertiliser).
_FARM_PRICES = frozenset({"harga beras", "harga cabai", "harga cabe", "harga bawang", "harga bawang merah",
                          "harga bawang putih", "harga telur", "harga daging", "harga daging sapi",
                          "harga daging ayam"})
_PRODUCERS = re.compile(r"\b(?:petani|peternak|nelayan|petambak|pembudidaya|pekebun)\b")


class _Context:
    """Clause and sentence boundaries and modifier positions of one text, computed once."""

    def __init__(self, lexicon: Lexicon, lower: str, sentences: list[int],
                 mods: list[tuple[int, int, str, float, str]]) -> None:
        self.lexicon = lexicon
        self.lower = lower
        self.sentences = sentences
        # Modifiers are plain tuples (start, end, kind, factor, word), in order: there are tens of
        # thousands per second. Each sentence's modifiers (sentence k lies after k sentence breaks); the sentences that hold
        # a contrast or concession, which reach every cue of their sentence or clause (the other
        # kinds reach only a cue a few words away or, for stance, a positive cue after them); and
        # those that open with "Namun"/"Tetapi", which outweigh the sentence before them.
        self.by_sentence: dict[int, list[tuple[int, int, str, float, str]]] = {}
        self.wide: set[int] = set()
        self.opens_with_contrast: set[int] = set()
        # The failure words a negator right before negates ("tidak gagal menang" is a win), by start.
        self.negated_failures: set[int] = set()
        # Where weigh() turned a bad cue good: the cues a "yang" clause after may describe.
        self.turned: list[int] = []
        by_sentence = self.by_sentence
        previous_mod = None
        for mod in mods:
            mod_start, kind = mod[0], mod[2]
            if kind == "failure" and previous_mod is not None and previous_mod[2] == "negator" \
                    and not lower[previous_mod[1]:mod_start].strip():
                self.negated_failures.add(mod_start)
            previous_mod = mod
            sentence = bisect_right(sentences, mod_start)  # a modifier never starts on a break
            if sentence in by_sentence:
                by_sentence[sentence].append(mod)
            else:
                by_sentence[sentence] = [mod]
            if kind in _WIDE:
                self.wide.add(sentence)
                if kind == "contrast":
                    previous = sentences[sentence - 1] + 1 if sentence else 0
                    if not lower[previous:mod_start].strip(_OPENING):
                        self.opens_with_contrast.add(sentence)

    def producers_in(self, sentence: int) -> bool:
        """Whether sentence number ``sentence`` names farmers, breeders or fishers (see _FARM_PRICES)."""
        breaks = self.sentences
        start = breaks[sentence - 1] + 1 if sentence else 0
        end = breaks[sentence] if sentence < len(breaks) else len(self.lower)
        return _PRODUCERS.search(self.lower, start, end) is not None

    def weigh(self, start: int, end: int, entry: str, sentence: int) -> tuple[Cue, Sequence[int]]:
        """The cue at ``start:end`` in sentence number ``sentence``, and the modifiers it used up."""
        lexicon, lower = self.lexicon, self.lower
        english = lexicon.language == "en"
        base, desk = lexicon.entries[entry]
        # An amount weighs only with its rise or fall: the weight of a rise, reversed by a fall.
        amount = lexicon.amounts.get(entry) if not base else None
        if amount is None and not base:  # a pin ("bersubsidi") shields its words; it uses up no modifier
            return _new_cue(Cue, (entry, start, end, 0.0, 0.0, desk, ())), ()
        if amount is not None and entry in _FARM_PRICES and self.producers_in(sentence):
            amount = -amount  # "Petani merugi karena harga bawang merah anjlok": the growers' price
        weight = base if amount is None else amount
        modifiers: list[str] = []
        used: list[int] = []
        direction: tuple | None = None
        after_contrast = before_contrast = conceded = negative_stance = negated_after = False
        recovered = 1.0  # the factor of a recovery the (bad) cue lies after
        failed_at = -1  # the end of a failure word before the cue ("gagal mencegah ...")
        # "tidak gagal menekan inflasi" succeeded: a negator right before a failure word negates
        # the failure, not the cue the failure governs.
        negated_failures = self.negated_failures
        for mod_start, mod_end, kind, factor, word in self.by_sentence[sentence]:
            before = mod_end <= start
            if kind == "contrast":
                after_contrast |= before
                before_contrast |= mod_start >= end
                continue
            # Outside the cue's clause: a clause break lies between them (breaks are never inside a word).
            # (A mark found is a break unless it is a number's point or comma: the rarer, slower test.)
            if (mod_start < start and (mark := _CLAUSE_MARK.search(lower, mod_start, start)) is not None
                    and _breaks_clause(lower, mark.start(), start)
                    or mod_end > end and (mark := _CLAUSE_MARK.search(lower, end, mod_end)) is not None
                    and _breaks_clause(lower, mark.start(), mod_end)):
                continue
            if kind == "concession":
                conceded |= before
            elif kind == "stance":
                negative_stance |= before
            elif kind == "remedy":
                # A verb or noun of fighting a problem turns the bad thing it governs good:
                # "memberantas korupsi", "pencegahan stunting", "menangkap pelaku pencurian";
                # not where the fight failed ("gagal mencegah korupsi").
                if base < 0 and before and (_english_remedy_reach(lower, mod_end, start) if english
                                            else _near_past_amounts(lower, mod_end, start)) and not (
                        failed_at >= 0 and _near(lower, failed_at, mod_start)):
                    direction = (mod_start, kind, factor)  # the nearest one before wins
            elif kind == "repair":
                # Mending reaches the damage past the thing mended ("memperbaiki 50 ruas jalan
                # rusak"), but not past a cause ("... setelah banjir"). Restoring is a recovery
                # too: the outage it came after is behind it ("PLN memulihkan aliran listrik di
                # Bali setelah padam total"), as a mended dyke's flood is not.
                if (base < 0 and before and direction is None and start - mod_end <= (60 if english else 40)
                        and _mended(_english_content(lower, mod_end, start) if english
                                    else WORD.findall(lower, mod_end, start), lexicon)
                        and not (failed_at >= 0 and _near(lower, failed_at, mod_start))):
                    direction = (mod_start, kind, factor)
                elif (word in _RESTORING and base < 0 and before and start - mod_end <= 50
                        and _after_recovery(WORD.findall(lower, mod_end, start))):
                    recovered = lexicon.modifiers["pulih"][1]  # as after "pulih"
            elif kind == "recovery":
                # What a recovery came after is behind it: "Penerbangan kembali normal setelah
                # sempat terganggu abu vulkanik" is news of the recovery.
                if (base < 0 and before and start - mod_end <= 40
                        and _after_recovery(WORD.findall(lower, mod_end, start), lexicon.language)):
                    recovered = factor
            elif kind == "failure":
                # Failing turns the good thing it governs bad: "gagal melaju ke final", "gagal
                # menang", "gagal meraih medali emas"; the failure word's own cue is then used up.
                if before and mod_start in negated_failures:
                    if base > 0 and _near(lower, mod_end, start):
                        used.append(mod_start)  # "tidak gagal menang": the win stands
                elif before:
                    failed_at = mod_end
                    if base > 0 and _near(lower, mod_end, start):
                        direction = (mod_start, kind, factor)
                elif (base > 0 and direction is None and mod_start - end <= 12 and mod_start not in negated_failures
                      and WORD.findall(lower, end, mod_start) in _FAILED_SUBJECT_GAPS):
                    # The good thing that failed: "Upaya damai gagal", "perundingan damai itu gagal".
                    direction = (mod_start, kind, factor)
            elif (kind == "increase" or kind == "decrease") and (
                    entry in _NOT_AMOUNTS or amount is None and word in _RECORDS):
                continue  # an outcome is neither reversed nor scaled: "Upaya menekan kasus berhasil"
            elif english and (kind == "increase" or kind == "decrease"):
                # English: a change word before its thing ("reduce pollution", "lowered the alert
                # level", "a drop in exports", "higher prices"), or the thing's own change after it
                # ("inflation rose", "the price of chili in Surabaya soared"); not a negated one.
                if before:
                    if start - mod_end <= 40 and _english_change_reach(_english_content(lower, mod_end, start)):
                        direction = (mod_start, kind, factor)  # the nearest one before wins
                elif direction is None and not negated_after and _english_own_change(
                        lower, end, mod_start, lexicon.amounts, own_amount=amount is not None, word=word):
                    direction = (mod_start, kind, factor)
            elif kind == "increase" or kind == "decrease":
                # Before the cue only nouns and transitive verbs count ("penurunan laba", "menekan
                # angka stunting"); "IHSG anjlok akibat aksi jual" does not reverse "aksi jual".
                # After it only a rise or fall of the cue itself ("kemiskinan turun"): a transitive
                # verb acts on what follows it ("korupsi menurunkan kepercayaan").
                if (before and word.endswith(("an", "kan", "i"))
                        and (_near(lower, mod_end, start) or kind == "decrease" and _near_coordinated(lower, mod_end, start))
                        and (amount is None or not word.startswith(("me", "di"))
                             or word.startswith("me") and (kind == "increase" or amount < 0))):
                    # An amount's change before it is a noun ("penurunan ekspor"), a raise
                    # ("meningkatkan omzet") or a cost cut ("menurunkan tarif listrik"); cutting a
                    # good one ("mengurangi produksi gas metana") is the subject's deed.
                    direction = (mod_start, kind, factor)  # the nearest one before wins
                elif (mod_start >= end and direction is None and not _transitive_verb(word)
                      and not word.endswith("nya")  # "menyambut baik turunnya harga": its object
                      and word not in _BEFORE_ONLY
                      and not (word in _LEVELS and lower.startswith(_DEED_PREFIXES, start) and end - start > 4)
                      and not negated_after and _own_change(lower, start, end, mod_start, lexicon.amounts)
                      and (word not in _CHANGE_NOUNS or _undergoes(lower, end, mod_start))):
                    # "kemiskinan tidak turun": a negated change is none.
                    direction = (mod_start, kind, factor)
            elif before and word not in _POSTPOSED and _near(lower, mod_end, start):
                if kind == "negator" and negated_failures and _negates_failure_of(negated_failures, lower,
                                                                                  mod_end, start):
                    used.append(mod_start)  # it negates the failure word between them, not the cue
                    continue
                if (kind == "negator" and word in _CALLING_OFF
                        and not _PROCEDURES.isdisjoint(WORD.findall(lower, mod_end, start)[:1])):
                    weight *= _PROCEDURE_PUT_OFF
                    modifiers.append("diminished")
                elif kind == "negator":
                    # "not worried" is weaker than "pleased": a negated negative moves towards neutral.
                    weight *= factor if base > 0 or word in _CALLING_OFF else factor * _NEGATED_NEGATIVE
                    modifiers.append("negated")
                else:
                    weight *= factor
                    modifiers.append("intensified" if kind == "intensifier" else "diminished")
                used.append(mod_start)
            elif kind == "negator" and mod_start >= end:
                negated_after = True
            elif word in _POSTPOSED and mod_start >= end and not lower[end:mod_start].strip():
                weight *= factor
                modifiers.append("intensified")
                used.append(mod_start)
        if direction is not None:
            direction_start, direction_kind, direction_factor = direction
            weight *= direction_factor
            modifiers.append("increased" if direction_kind == "increase" else "reversed")
            used.append(direction_start)
            if amount is not None:
                # A change word that is a cue of its own keeps its strength: "IHSG anjlok" is as bad
                # as "anjlok" (−2), "inflasi anjlok" as good.
                changed = lexicon.resolve(lower[direction_start:_word_end(lower, direction_start)])
                strength = abs(lexicon.entries[changed][0]) if changed is not None else 0.0
                if strength > abs(direction_factor):
                    weight *= strength / abs(direction_factor)
                base = amount
        elif amount is not None:
            return _new_cue(Cue, (entry, start, end, 0.0, 0.0, desk, ())), ()
        if recovered != 1.0:
            weight *= recovered
            modifiers.append("recovered")
        if modifiers.count("intensified") > 1:  # "sangat enak sekali" is one emphasis, not two
            weight /= lexicon.emphasis_factor ** (modifiers.count("intensified") - 1)
        if base > 0 and weight > 0 and negative_stance:
            # "prihatin atas kerja sama ...": the holder's concern outweighs the good word.
            weight *= -0.5
            modifiers.append("negative_stance")
        if after_contrast:
            weight *= lexicon.contrast_factor
            modifiers.append("after_contrast")
        elif before_contrast or sentence + 1 in self.opens_with_contrast:
            weight *= _BEFORE_CONTRAST
            modifiers.append("before_contrast")
        if conceded:
            weight *= lexicon.concession_factor
            modifiers.append("conceded")
        if direction is not None and base < 0 < weight:
            self.turned.append(start)
        return _new_cue(Cue, (entry, start, end, weight, base, desk, tuple(modifiers))), used


# What may stand between a good thing and its failure word: nothing, or a determiner
# ("perundingan damai itu gagal"); any other word may be the subject that failed.
_FAILED_SUBJECT_GAPS = ([], ["itu"], ["ini"], ["tersebut"], ["pun"], ["juga"])


# A record high or low is the rise or fall only of an amount ("pendapatan asli daerah tertinggi");
# "rupiah melemah ke level terendah" is no fall of the fall.
_RECORDS = frozenset({"tertinggi", "terendah"})
# Outcomes, not amounts: a rise or fall never reverses them ("berhasil menekan inflasi" is good
# news, "gagal menekan inflasi" bad, "inflasi berhasil ditekan" good).
_NOT_AMOUNTS = frozenset({"berhasil", "keberhasilan", "sukses", "gagal", "kegagalan"})


# Between a cue and its own rise or fall may stand a place or time ("kemiskinan di kabupaten itu
# turun", "kasus korupsi pada Juni meningkat"); a conjunction opens another clause, whose subject
# is what moves ("membaik setelah hujan turun", "kualitas membaik dan harga turun"), and so does
# a causative verb.
_PLACE_OR_TIME_OPENERS = frozenset({
    "di", "ke", "dari", "pada", "per", "sejak", "selama", "sepanjang", "tahun", "bulan", "kuartal", "semester", "pekan",
    "tahunan", "bulanan", "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
    "september", "oktober", "november", "desember"})
_OTHER_SUBJECT = frozenset({
    "setelah", "sesudah", "sebelum", "karena", "akibat", "sehingga", "saat", "ketika", "usai", "seiring",
    "berkat", "sementara", "meski", "walau", "hingga", "agar", "supaya", "jika", "bila", "kalau", "dan",
    "serta", "atau",
    # A causative verb: what it makes rise or fall is its object ("utang membuat saham anjlok").
    "membuat", "menyebabkan", "mengakibatkan", "memicu", "mendorong", "menjadikan", "bikin"})
# Words of aspect right before a rise or fall are part of it: "harga cabai di pasar Jakarta mulai
# turun", "jumlah penumpang terus bertambah".
_ASPECT = frozenset("mulai masih terus kembali sudah telah akan semakin makin juga pun tetap cenderung".split())
_OWN_CHANGE_WORDS = 5  # the longest place or time phrase read between a cue and its rise or fall
_COUNTED_WORDS = 2  # words of what an amount counts before that phrase
_OWN_CHANGE_CHARS = 60


def _own_change(lower: str, start: int, end: int, mod_start: int, amounts: dict[str, float]) -> bool:
    """True when the rise or fall at ``mod_start`` is the cue's own (the cue spans ``start:end``)."""
    if mod_start - end > _OWN_CHANGE_CHARS:
        return False
    words = WORD.findall(lower, end, mod_start)
    if not _OTHER_SUBJECT.isdisjoint(words):
        return False
    # An amount between is what moves: "khawatir penjualan rumah melemah" is no weaker worry.
    if any(word in amounts or (k + 1 < len(words) and word + " " + words[k + 1] in amounts)
           for k, word in enumerate(words)):
        return False
    while words and words[-1] in _ASPECT:
        words.pop()
    # A change right after another noun's "yang" is that noun's ("sesuai dengan kuota yang telah dipangkas").
    if len(words) > 1 and words[-1] == "yang":
        return False
    # Up to three words of what the amount counts ("jumlah penumpang kereta cepat Whoosh bertambah").
    if len(words) <= _SCOPE_WORDS and mod_start - end <= 40:
        return True
    # Otherwise a place or time phrase must stand there, after at most two words of what a noun
    # counts ("harga cabai rawit di Pasar Kramat Jati melonjak"; a verb's object is no such
    # words: "mengeluhkan sepinya pembeli sejak harga naik"); a gap of bare spaces is no phrase.
    # A noun's relative clause may stand there too ("Wisatawan mancanegara yang berkunjung ke Bali naik").
    counted = 0 if lower.startswith(VERB_PREFIXES, start) else _COUNTED_WORDS
    for position, word in enumerate(words[:counted + 1]):
        if word in _PLACE_OR_TIME_OPENERS or (counted and word == "yang"):
            return len(words) - position <= _OWN_CHANGE_WORDS
    return False


# After a cue a noun of change is its own only where the cue undergoes it ("kasus DBD mengalami
# kenaikan"); otherwise it names what someone wants or causes ("berunjuk rasa menuntut kenaikan
# upah" is no growing protest).
_CHANGE_NOUNS = frozenset("kenaikan peningkatan penurunan lonjakan pengurangan".split())
_UNDERGOES = frozenset("mengalami alami terjadi ada".split())
# Growth names what grows after it ("pertumbuhan penjualan"), never the cue before it
# ("memangkas proyeksi pertumbuhan ekonomi", "mendukung pertumbuhan"); so does a cut ("tersangka
# pemotongan insentif" is no fall of the suspect).
_BEFORE_ONLY = frozenset({"pertumbuhan", "pemotongan", "pemangkasan"})
# A level is a thing's, not a deed's (an active or passive verb): "mencegah dari kondisi terlalu
# rendah" lowers no prevention; "kredit bermasalah yang rendah" lowers the trouble.
_LEVELS = frozenset({"rendah"})
_DEED_PREFIXES = ("me", "di")


def _undergoes(lower: str, end: int, mod_start: int) -> bool:
    """Whether nothing, or a verb of undergoing, lies between a cue ending at ``end`` and the
    noun of change at ``mod_start``."""
    words = WORD.findall(lower, end, mod_start)
    return not words or words[-1] in _UNDERGOES


def _word_end(lower: str, start: int) -> int:
    match = WORD.match(lower, start)
    return match.end() if match else start


def _transitive_verb(word: str) -> bool:
    """An active verb with an object ("menurunkan", "mengurangi", "menekan"): me-…-kan / me-…-i."""
    return word.startswith("me") and word.endswith(("kan", "i"))


_WIDE = frozenset({"contrast", "concession"})


def _reaches(nearby: list[tuple], start: int, end: int, base: float) -> bool:
    """False when none of these (non-contrast, non-concession) modifiers can change the cue.

    A cheap necessary test before the full one in :meth:`_Context.weigh`: a negator, intensifier,
    diminisher or direction word acts within two words (``_near``: at most 40 characters), a
    cue's own rise or fall up to ``_OWN_CHANGE_CHARS`` after it, a postposed intensifier right
    after the cue, and a stance word only on a positive cue after it.
    """
    for mod_start, mod_end, kind, _, word in nearby:
        if mod_end <= start:
            if base > 0 if kind == "stance" else start - mod_end <= 40:
                return True
        elif mod_start >= end and kind != "stance" and (mod_start - end <= _OWN_CHANGE_CHARS or word in _POSTPOSED):
            return True
    return False


def _english_reaches(nearby: list[tuple], start: int, end: int, base: float) -> bool:
    """:func:`_reaches` for English, whose words reach further: a remedy past the people it
    catches to their deed, a change past a phrase of place or of what is counted."""
    for mod_start, mod_end, kind, _, word in nearby:
        if mod_end <= start:
            if base > 0 if kind == "stance" else start - mod_end <= 100:
                return True
        elif mod_start >= end and kind != "stance" and mod_start - end <= 60:
            return True
    return False


def _negates_failure_of(negated_failures: set[int], lower: str, negator_end: int, start: int) -> bool:
    """Whether the negator ending at ``negator_end`` negates a failure word (one of
    ``negated_failures``, by start) that lies between it and the cue at ``start``."""
    return any(negator_end < failure < start and not lower[negator_end:failure].strip()
               for failure in negated_failures)


# A repair reaches the damage up to four words on, unless one of them names a cause or a time
# ("memperbaiki tanggul setelah banjir", "pembenahan pasar usai kebakaran").
_REPAIR_WORDS = 4
_NOT_MENDED = frozenset({"akibat", "karena", "setelah", "usai", "pasca", "sesudah", "sejak", "saat", "ketika",
                         "oleh", "dan", "tetapi", "namun"})


# The contaminant of what a recall takes back ("menarik peredaran obat sirup yang tercemar etilen
# glikol"); the victims whose disaster a saving reaches past are the role words' (_mended_through).
_CONTAMINATED = frozenset({"tercemar", "terkontaminasi", "cemaran"})


@lru_cache(maxsize=1)
def _mended_through() -> frozenset[str]:
    """The words a repair reaches past: the role words' victims ("korban", "pengungsi" ...) and
    :data:`_CONTAMINATED`. Read on a repair's first use, not at import (roles imports this module)."""
    from warta.sentiment.roles import load_role_words

    return frozenset(word for word, kind in load_role_words().kinds.items() if kind == "victim") | _CONTAMINATED


# A recovery reaches back to the trouble past "setelah" (or "usai", "pasca"), perhaps after a place
# ("kembali normal di Bandara Juanda setelah ..."), not past another clause's conjunction.
_AFTER_WORDS = frozenset({"setelah", "usai", "seusai", "pasca", "sesudah"})
_RESTORING = frozenset({"memulihkan"})  # a repair word that names a recovery
_NOT_RECOVERED = frozenset({"dan", "tetapi", "namun", "karena", "akibat", "sehingga", "yang"})


def _after_recovery(between: list[str], language: str = "id") -> bool:
    """Whether the words between a recovery and a cue after it put the cue before the recovery
    in time: an after-word among the first five, no conjunction before it."""
    after_words, not_recovered = ((_AFTER_WORDS, _NOT_RECOVERED) if language == "id"
                                  else (_ENGLISH_AFTER_WORDS, _ENGLISH_NOT_RECOVERED))
    for word in between[:5]:
        if word in after_words:
            return True
        if word in not_recovered:
            return False
    return False


def _mended(between: list[str], lexicon: Lexicon) -> bool:
    """Whether a repair word reaches the cue past these words (the thing mended): it mends the
    first damage only ("perbaikan jalan rusak yang lambat": the slowness stays bad), and the
    disaster of the victims it saves ("menyelamatkan korban banjir")."""
    if len(between) > _REPAIR_WORDS or not (_NOT_MENDED if lexicon.language == "id"
                                            else _ENGLISH_NOT_MENDED).isdisjoint(between):
        return False
    for word in (between[:-1] if between and between[-1] in _mended_through() else between):
        entry = lexicon.resolve(word)
        if entry is not None and lexicon.entries[entry][0]:
            return False
    return True


# --- English reaches ----------------------------------------------------------------------------
# Determiners and possessives stand between a word and the thing it acts on without counting as
# words ("extinguish the fire", "cut its rate"); so do numbers ("arrested 14 suspects").
_ENGLISH_DETERMINERS = frozenset("the a an its their his her this that these those our some all any".split())
# A plan or attempt foiled is its deed's ("foiled an attempt to smuggle ...").
_ENGLISH_ATTEMPTS = frozenset("attempt attempts plan plans effort efforts bid to".split())
# A catch reaches the deed past the people caught: "arrested two men suspected of smuggling ...",
# "arrested 14 suspects in an online fraud case", "for allegedly selling ...".
_ENGLISH_DEED_LINKS = frozenset("suspected accused alleged allegedly for over of in involved".split())
_ENGLISH_DEED_STOPS = frozenset("who which after before when while because and but as".split())
_ENGLISH_DEED_WORDS = 8
# A repair does not reach past a cause or a time ("rebuilt the dyke after the flood").
_ENGLISH_NOT_MENDED = frozenset("after because following since due when as and but caused".split())
_ENGLISH_AFTER_WORDS = frozenset({"after", "following", "since"})
_ENGLISH_NOT_RECOVERED = frozenset({"and", "but", "because", "which", "so"})
# Between an amount and its own rise or fall: aspect and degree words, then a phrase of place,
# time or what is counted ("the price of chili in Surabaya soared").
_ENGLISH_ASPECT = frozenset(("has have had been was were is are also further again slightly sharply significantly "
                             "reportedly continued continue continues expected likely set projected").split())
# "to" before the change is aspect only after these ("prices continued to rise"); elsewhere it opens
# a purpose ("planted trees to reduce pollution": the trees do not fall).
_ENGLISH_TO_AFTER = frozenset("continued continue continues expected likely set projected".split())
_ENGLISH_PHRASE_OPENERS = frozenset("in at on of across during for from since throughout this last".split())
_ENGLISH_OWN_CHANGE_WORDS = 6
_ENGLISH_PREPOSITIONS = frozenset("in by for of at on with from".split())
_ENGLISH_PASSIVE = frozenset("was were been is are be".split())
# Change verbs that take an object: after a thing they are its own change only in the passive
# ("fuel prices were raised", "the fire was extinguished").
_ENGLISH_TRANSITIVE = frozenset(("cut cuts cutting reduce reduces reduced reducing lower lowers lowered lowering "
                                  "raise raises raised raising lift lifts lifted lifting extinguish extinguishes "
                                  "extinguished extinguishing contain contains contained containing hike hikes hiked "
                                  "hiking").split())
# Units of a count, passed over like numbers: "smuggling 20 kilograms of crystal meth".
_ENGLISH_MEASURES = frozenset(("kilograms kilogram kg grams gram tons tonnes ton liters litres hectares units packs "
                               "pieces sacks bottles").split())


def _english_content(lower: str, a: int, b: int) -> list[str]:
    """The words between a and b that count towards a reach: no determiner, no number."""
    return [word for word in WORD.findall(lower, a, b) if word not in _ENGLISH_DETERMINERS and not word[0].isdigit()]


def _english_remedy_reach(lower: str, a: int, b: int) -> bool:
    """Whether a remedy ending at ``a`` governs the bad thing at ``b``: at most two words between
    (after a foiled attempt's own), or the deed of the people it catches ("arrested two men
    suspected of smuggling ...")."""
    if b - a > 100:
        return False
    words = [word for word in _english_content(lower, a, b)
             if word not in _ENGLISH_ATTEMPTS and word not in _ENGLISH_MEASURES]
    if len(words) < _SCOPE_WORDS:
        return True
    return (len(words) <= _ENGLISH_DEED_WORDS and not _ENGLISH_DEED_LINKS.isdisjoint(words)
            and _ENGLISH_DEED_STOPS.isdisjoint(words))


def _english_change_reach(between: list[str]) -> bool:
    """Whether a change word reaches the thing past these words: one word, or what a change noun
    is of or in ("a drop in net profit", "a rise of food prices")."""
    return len(between) <= 1 or len(between) == 2 and between[0] in ("in", "of")


def _english_own_change(lower: str, end: int, mod_start: int, amounts: dict[str, float], *, own_amount: bool,
                        word: str = "") -> bool:
    """Whether the rise or fall at ``mod_start`` is that of the thing ending at ``end``.

    Another amount between moves instead, unless it is right after a cue that names what it
    counts ("dengue cases rose", "the poverty rate fell": the cue's own change).
    """
    if mod_start - end > 60:
        return False
    words = WORD.findall(lower, end, mod_start)
    if not own_amount and words and (words[0] in amounts or len(words) > 1 and " ".join(words[:2]) in amounts):
        words = words[2:] if " ".join(words[:2]) in amounts else words[1:]
    if any(word in amounts or (k + 1 < len(words) and word + " " + words[k + 1] in amounts)
           for k, word in enumerate(words)):
        return False
    passive = False
    while words and (words[-1] in _ENGLISH_ASPECT
                     or words[-1] == "to" and len(words) > 1 and words[-2] in _ENGLISH_TO_AFTER):
        passive |= words.pop() in _ENGLISH_PASSIVE
    if word in _ENGLISH_TRANSITIVE and not passive:
        return False  # "floods cut off access", "the company cut jobs": what follows changes
    if words and words[-1] in _ENGLISH_PREPOSITIONS or words and words[-1] == "to":
        return False  # "effective in reducing congestion": a verb with its object, not the cue's change
    if len(words) <= 1:
        return True
    # ... or a participle's ("tourists visiting Labuan Bajo rose").
    return (words[0] in _ENGLISH_PHRASE_OPENERS or words[0].endswith("ing")) and len(words) <= _ENGLISH_OWN_CHANGE_WORDS


# The units a count may take ("50 kilogram sabu", "2 juta ton gabah", "1.200 orang pekerja").
_UNITS = frozenset("kilogram kg gram gr ton liter butir batang bungkus paket unit ekor keping lembar "
                   "hektare hektar ha meter km kilometer orang persen".split())
# Counts and their units between a remedy and what it seizes are no words of its reach
# ("menggagalkan penyelundupan 50 kilogram sabu", "menyita 2 ton ganja").
_MEASURES = _UNITS | frozenset("ribu juta miliar triliun puluhan ratusan ribuan jutaan".split())


def _near_past_amounts(lower: str, a: int, b: int) -> bool:
    """:func:`_near`, not counting numbers and their units between a and b."""
    if _near(lower, a, b):
        return True
    if b - a > 60:
        return False
    between = WORD.findall(lower, a, b)
    words = [word for word in between if not word.isdigit() and word not in _MEASURES]
    # After a count the thing counted may take three words ("memusnahkan ribuan pakaian bekas impor ilegal").
    counted = len(words) < len(between)
    # What is seized reaches its owner ("menyita aset mewah milik tersangka korupsi").
    owned = "milik" in words
    return len(words) - owned < _SCOPE_WORDS + counted


def _breaks_clause(lower: str, a: int, b: int) -> bool:
    """Whether a clause break (:data:`CLAUSE_BREAK`) lies between positions a and b: a mark, but
    not a number's point or comma ("1.200", "2,5")."""
    match = _CLAUSE_MARK.search(lower, a, b)
    while match is not None:
        at = match.start()
        if not (lower[at] in ".," and 0 < at < len(lower) - 1 and lower[at - 1] in _DIGITS
                and lower[at + 1] in _DIGITS):
            return True
        match = _CLAUSE_MARK.search(lower, at + 1, b)
    return False


def _near(lower: str, a: int, b: int) -> bool:
    """True when at most two words lie between positions a and b (a modifier's reach)."""
    return b - a <= 40 and len(WORD.findall(lower, a, b)) < _SCOPE_WORDS


def _near_coordinated(lower: str, a: int, b: int) -> bool:
    """Whether the cue at ``b`` is the second of two things a cut at ``a`` reaches: "mengurangi
    polusi udara dan kemacetan" (two words of the first, then "dan" or "serta")."""
    words = WORD.findall(lower, a, b)
    return b - a <= 50 and 2 <= len(words) <= _SCOPE_WORDS and words[-1] in ("dan", "serta")


def stance_spans(lexicon: Lexicon, text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, kind)`` of the stance and reporting words in ``text``.

    Whoever is named before such a word in its clause holds the sentiment of the clause
    ("AS prihatin atas ...", "Washington menuduh Pyongyang ...").
    """
    return lexicon.modifier_spans(text, kinds=HOLDER_KINDS)


@lru_cache(maxsize=8)
def load_lexicon(paths: tuple[str, ...] | None = None, *, language: str = "id") -> Lexicon:
    """Load the packaged lexicon of ``language`` (``"id"``, ``"en"``), plus any extra TSV files
    (``paths``, else, for Indonesian, ``[sentiment] extra_lexicons``).

    Later files override earlier ones, so a user's file can re-weight or neutralise a term. The
    English lexicon (``data/lexicon/en/``) lists base forms; each word's regular inflections
    are added (:func:`english_forms`), and a form written in the file keeps its own weight.
    """
    if language not in LEXICON_LANGUAGES:
        raise WartaError(f"no sentiment lexicon for language {language!r} (known: {', '.join(LEXICON_LANGUAGES)})")
    folder = LEXICON_DIR if language == "id" else LEXICON_DIR / language
    files = sorted(p for p in folder.glob("*.tsv") if p.name not in (MODIFIER_FILE, AMOUNT_FILE))
    extra = paths if paths is not None else tuple(config.section("sentiment").get("extra_lexicons", ())) \
        if language == "id" else ()
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
    for line_no, columns in _rows(folder / MODIFIER_FILE, 3):
        if columns[1] not in MODIFIER_KINDS:
            raise WartaError(f"{folder / MODIFIER_FILE}:{line_no}: unknown modifier kind {columns[1]!r}")
        modifiers[normalize_term(columns[0])] = (columns[1], float(columns[2]))
    amounts: dict[str, float] = {}
    for line_no, columns in _rows(folder / AMOUNT_FILE, 3):
        term = normalize_term(columns[0])
        try:
            amounts[term] = float(columns[1])
        except ValueError:
            raise WartaError(f"{folder / AMOUNT_FILE}:{line_no}: weight {columns[1]!r} is not a number") from None
        entries.setdefault(term, (0.0, columns[2]))  # scanned like a cue; a cue's own weight wins
    if language == "en":
        # The amounts are entries already (above): their forms are generated with every entry's.
        entries = _with_english_forms(entries)
        modifiers = {**_with_english_forms({term: value for term, value in modifiers.items()
                                            if value[0] in _INFLECTING_KINDS}), **modifiers}
        amounts = _with_english_forms(amounts)
    return Lexicon(entries, modifiers, amounts, language=language)


# English modifiers that are verbs or nouns ("criticised", "rising", "arrests"); a negator,
# intensifier or conjunction does not inflect ("not" is no "noted").
_INFLECTING_KINDS = frozenset({"reporting", "stance", "increase", "decrease", "remedy", "repair", "failure"})


def english_forms(word: str) -> list[str]:
    """The regular inflections of an English word: plural or third person, past, gerund.

    Over-generating is harmless (a form no text holds is never looked up), so both spellings of
    a final consonant are listed ("commited", "committed"): the doubling depends on stress.

    >>> english_forms("flood")
    ['floods', 'flooded', 'flooding']
    >>> english_forms("rob")
    ['robs', 'robed', 'robing', 'robbed', 'robbing']
    >>> english_forms("die")
    ['dies', 'died', 'dying']
    """
    if not word.isalpha() or len(word) < 3:
        return []
    if word.endswith("ie"):
        return [word + "s", word + "d", word[:-2] + "ying"]
    if word.endswith("e"):
        return [word + "s", word + "d", word[:-1] + "ing"]
    if word.endswith("y") and word[-2] not in "aeiou":
        return [word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    plural = word + ("es" if word.endswith(("s", "x", "z", "ch", "sh")) else "s")
    forms = [plural, word + "ed", word + "ing"]
    if word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and (word[-3] not in "aeiou" or word[-4:-2] == "qu"):
        forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    return forms


def _with_english_forms(terms: dict) -> dict:
    """``terms`` with the inflections of each word (a phrase's first word: "cracked down"); a
    form listed itself keeps its own value, and an earlier word's form wins over a later's."""
    generated: dict = {}
    for term, value in terms.items():
        head, space, rest = term.partition(" ")
        for form in english_forms(head):
            generated.setdefault(form + space + rest, value)
    return {**generated, **terms}


def _resolve_english(word: str, entries: dict) -> str | None:
    """The entry an English word form is ("disaster's" is "disaster"), else None."""
    if word in entries:
        return word
    if word.endswith(("'s", "’s")) and word[:-2] in entries:
        return word[:-2]
    return None


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
        if candidate in roots and root not in _NOT_FORMS_OF.get(candidate, ()):
            return roots[candidate]
    return None


# Entries that stripping affixes finds in forms of another word, by the root Sastrawi gives that
# form: a nasal prefix ate its first letter ("pemindahan": pindah, not indah; "mengenakan": kena,
# not enak; "mengerahkan": kerah). Where Sastrawi errs the stripping is right ("memenangi": Sastrawi
# says tang), so it is not skipped wholesale.
_NOT_FORMS_OF = {"indah": frozenset({"pindah"}), "enak": frozenset({"kena"}), "gerah": frozenset({"kerah"}),
                 "rapi": frozenset({"api"})}


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


# A count inside a phrase, after its first word ("membuka 1.000 gerai baru", "menanam 10.000
# pohon", "memangkas ratusan karyawan"); the compiled scan's _count_after finds where one may start.
_COUNT = re.compile(r" (?:\d[\d.,]*|puluhan|ratusan|ribuan|jutaan)(?: (?:ribu|juta|miliar|triliun))?(?= )")
_COUNT_START = re.compile(r" (?:\d|puluhan|ratusan|ribuan|jutaan)")
_COUNT_UNIT = re.compile(" (?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + ")(?= )")


def _counted_phrase(lower: str, phrases: Sequence[str], head_end: int) -> tuple[str, int] | None:
    """``(phrase, end)`` of the first of ``phrases`` (longest first) whose first word ends at
    ``head_end`` and whose rest follows a count there, or None."""
    match = _COUNT.match(lower, head_end)
    if match is None:
        return None
    # The count's unit, where one follows, stands before the phrase's rest too ("menyerap 2 juta
    # ton gabah"); the rest may also be the unit itself.
    unit = _COUNT_UNIT.match(lower, match.end())
    for at in (match.end(), unit.end()) if unit is not None else (match.end(),):
        for phrase in phrases:
            tail = phrase[phrase.index(" "):]
            end = at + len(tail)
            if lower.startswith(tail, at) and _is_boundary(lower, end, end + 1):
                return phrase, end
    return None


def _phrase_at(lower: str, phrase: str, start: int) -> bool:
    end = start + len(phrase)
    return lower.startswith(phrase, start) and _is_boundary(lower, end, end + 1)


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


def _next_break(text: str, position: int, pattern: re.Pattern) -> int:
    match = pattern.search(text, position, position + 400)
    return match.start() if match else min(len(text), position + 400)


def explain(cues: Sequence[Cue]) -> str:
    """Return a short human-readable list of cues, strongest first (``prihatin −2.0``)."""
    ranked = sorted(cues, key=lambda cue: -abs(cue.weight))
    return ", ".join(f"{cue.term} {cue.weight:+.1f}" for cue in ranked)
