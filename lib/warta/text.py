"""Shared text primitives: sentence spans and word tokens.

Actors, sentiment and the timeline all address text by ``sentence_id``, so every stage must
split a body the same way. This module is the one place that does it. Sentences never span a
paragraph break; a full stop ends a sentence only when the next word starts a new one and the
word before it is not a known abbreviation.
"""
from __future__ import annotations

import re
from functools import lru_cache

try:  # the compiled split (reference: _iter_sentence_spans); without a C compiler that one runs
    from warta._tokens import sentence_spans as _compiled_sentence_spans
except ImportError:  # pragma: no cover - only without a C compiler (tests run both paths)
    _compiled_sentence_spans = None

# The sentence id of an article's headline: its body's sentences count from 0.
TITLE_SENTENCE_ID = -1

# Abbreviations whose full stop does not end a sentence (lower-cased, without the dot).
ABBREVIATIONS = frozenset(
    """
    a.n an dll dsb dst dkk dr drs dra ir jl jln kab kec kel no nomor hlm prof sdr sdri yth
    h hj st mr mrs ms jr sr inc ltd co corp vs etc gen lt col kol brigjen mayjen letjen
    jend kapt ust tn ny nn pt tbk u.s u.k s.h s.e m.si m.m m.pd ph.d s.kom s.t s.pd
    jan feb mar apr jun jul agu agt ags sep sept okt nov des
    """.split()
)

# Words after which a name is where, to whom or about whom something was said, never who said
# it: "kata Jokowi di Demak", "ujarnya kepada Seoul". "bagi" and "menurut" are left out: "Bagi
# Prabowo, ..." and "menurut X" name whose view it is.
NOT_SPEAKER_AFTER = frozenset({"di", "ke", "dari", "kepada", "pada", "terhadap", "tentang", "soal", "atas", "untuk"})

# Prefixes of verbs ("menyita", "ditangkap", "bertemu", "terseret").
VERB_PREFIXES = ("me", "di", "ber", "ter")


def reads_as_verb(word: str) -> bool:
    """Whether a lower-case word reads as a verb: five letters or more, opening with a verb prefix
    ("mengunjungi", "menyita"; not "dia", "ini")."""
    return len(word) > 4 and word.startswith(VERB_PREFIXES)

# People named by the place or body they belong to ("Warga Sumenep", "Karyawan PT Sritex").
MEMBERS_BEFORE = frozenset("""
    warga penduduk masyarakat nelayan petani peternak pedagang buruh pekerja karyawan pegawai
    pengemudi sopir siswa pelajar mahasiswa santri guru pasien penumpang pengungsi korban
    """.split())

# Stance words that voice a hardship rather than a view: "Warga Sumenep mengeluhkan kelangkaan
# elpiji" is bad news about Sumenep, voiced by its residents; "Warga Desa Wadas menolak
# penambangan" is the residents' view, and the village holds it with them.
HARDSHIP_STANCES = frozenset({"mengeluhkan", "khawatir", "cemas", "takut",
                              "complained", "complain", "complains", "worried", "feared", "fear"})

# Starting with the mark itself (not a look-behind) lets the regex engine skip to candidate marks.
# The space after the cut is consumed (group 1), so the next sentence starts at its end.
_SENTENCE_END = re.compile(
    r"""
    [.!?…]                 # a terminal mark ...
    ["'”’)\]]*              # ... optionally closed by quotes or brackets
    (\s+)(?=["'“‘(\[]?[A-Z0-9])  # ... then space and the start of a new sentence
    """,
    re.VERBOSE,
)
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
# The last word before a terminal mark, read backwards (see ends_with_abbreviation).
_WORD_RUN = re.compile(r"[\w.]+")
_CLOSERS = frozenset("\"'”’)]")
_MARKS = frozenset(".!?…")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the non-empty lines or paragraphs of ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH.finditer(text):
        _append_trimmed(text, start, match.start(), spans)
        start = match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character spans of the sentences of ``text``, in order.

    >>> text = "Putin tiba. Kim menyambut Dr. Ahmad."
    >>> [text[a:b] for a, b in sentence_spans(text)]
    ['Putin tiba.', 'Kim menyambut Dr. Ahmad.']
    """
    return list(_cached_spans(text))


@lru_cache(maxsize=4096)
def _cached_spans(text: str) -> tuple[tuple[int, int], ...]:
    if _compiled_sentence_spans is not None:
        return tuple(_compiled_sentence_spans(text, ABBREVIATIONS))
    return tuple(_iter_sentence_spans(text))


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` as strings (see :func:`sentence_spans`)."""
    return [text[a:b] for a, b in _cached_spans(text)]


def words(text: str) -> list[str]:
    """Return the word tokens of ``text`` (letters, digits, inner hyphens and apostrophes)."""
    return _WORD.findall(text)


def _iter_sentence_spans(text: str) -> list[tuple[int, int]]:
    # Paragraphs are trimmed, a cut follows a mark or closer and precedes the space, so sentences
    # need no trimming of their own.
    spans: list[tuple[int, int]] = []
    for para_start, para_end in paragraph_spans(text):
        start = para_start
        for match in _SENTENCE_END.finditer(text, para_start, para_end):
            cut, next_start = match.span(1)
            if ends_with_abbreviation(text, start, cut):
                continue
            spans.append((start, cut))
            start = next_start
        spans.append((start, para_end))
    return spans


def ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with a mark that closes a known abbreviation or an
    initial ("dr.", "Tbk.", "Joko S."), not a sentence."""
    # The chunk ends with a mark, maybe closers after it; the last word is the run of word
    # characters and dots right before the mark, within the last 64 characters. A regex search
    # for "([\w.]+)[.!?…]closers*$" would try every start in the window: here the closers are
    # stepped over and the run is matched once on the reversed tail.
    low = max(start, end - 64)
    mark = end - 1
    while mark >= low and text[mark] in _CLOSERS:
        mark -= 1
    if mark <= low or text[mark] not in _MARKS:
        return False
    run = _WORD_RUN.match(text[low:mark][::-1])
    if run is None:
        return False
    word = text[mark - run.end() : mark].lower()
    # Single capital letters are initials ("Joko S. Widodo").
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        start += len(chunk) - len(chunk.lstrip())
        spans.append((start, start + len(stripped)))


def trie_pattern(words) -> str:
    """A regex alternation of ``words`` factored by common prefixes.

    ``me(?:n(?:yatakan|jelaskan)|...)`` lets the engine reject a position after a character or two,
    where the flat ``mengatakan|menyatakan|...`` tries every word there: several times faster on
    whole articles. Matches start where the flat alternation's would; a word that prefixes another
    matches at its longest.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def after_common_relative(text: str, at: int) -> bool:
    """Whether ``text[at]`` follows "yang" after a word in lower case ("pengemudi angkot yang
    menolak"): a relative clause of a common noun, whose stance no name before it holds.

    The reference of the compiled test that ``warta._tokens`` runs in the holder rule.
    """
    if not 0 < at <= len(text):
        return False
    relative = _word_before(text, at)
    if relative is None or text[relative[0]:relative[1]].lower() != "yang":
        return False
    head = _word_before(text, relative[0])
    return head is not None and head[0] < head[1] and text[head[0]].islower()


def word_before_in(text: str, at: int, words: frozenset[str]) -> bool:
    """Whether the word before ``text[at]``, spaces between, is one of ``words`` (lower case).

    The reference of the compiled test that ``warta._tokens`` runs in the holder rule.
    """
    if not words or not 0 < at <= len(text):
        return False
    before = _word_before(text, at)
    return before is not None and text[before[0]:before[1]].lower() in words


def _word_before(text: str, at: int) -> tuple[int, int] | None:
    """``(start, end)`` of the letters before the spaces before ``text[at]`` (empty where no letter
    stands there), or None where no space does."""
    k = at - 1
    while k >= 0 and text[k] == " ":
        k -= 1
    end = k + 1
    if end == at:
        return None
    while k >= 0 and text[k].isalpha():
        k -= 1
    return k + 1, end
