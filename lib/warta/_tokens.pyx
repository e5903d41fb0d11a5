# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled hot paths of the per-article stages and story clustering, each beside its Python reference.

* :func:`split_ascii`: the word split of plain-ASCII text (:func:`warta.gazetteer.tokenize`). The
  Python path makes one C-level regex split and then builds offsets, keys and joins with several
  passes over the pieces; this one does it in one pass over the text's bytes, sharing the ints of
  offsets and the strs of recently seen short words instead of making new ones.
* :func:`gazetteer_spans`: the longest-match loop of :meth:`warta.gazetteer.Gazetteer.spans`.
* :func:`capitalised_runs`: the scan of :func:`warta.actors._person_rule`.
* :func:`capitalised_heads`: the head-word filter of :func:`warta.actors._organisation_rule`.
* :func:`whole_words`: where the speech verbs of :func:`warta.actors._indirect_matches` stand.
* :class:`Candidate` and :func:`seed_candidates`: the candidate record of :mod:`warta.actors` and
  its seeding from the gazetteer matches (the dataclass ``_PythonCandidate`` and ``_seed_candidates``).
* :func:`wanted_words`, :func:`scan_forms` and :func:`cue_loop`: the word split, form scan and cue
  loop of :class:`warta.sentiment.lexicon.Lexicon` (``lexicon._split``, ``_scan_forms_python``,
  ``_cue_loop_python``).
* :func:`stance_holders`: the holder rule of :func:`warta.sentiment.targets.sentence_holders`;
  :func:`holder_pairs` runs it over many sentences at once (``targets._holder_pairs``).
* :func:`new_in_band` and :func:`best_edges`: the pairs a band of story clustering's LSH adds,
  and each article's strongest edge (``stories._new_in_band``, ``stories._best_edges``).
* :func:`hashed_words`: the word scan and hashing of story clustering's tokenizer
  (``stories._hashed_words_numpy``).
* :func:`shingle_minhash`: the MinHash signatures of word shingles (``stories.minhash`` of
  ``stories.shingle_hashes``).
* :func:`unit_keys`: the sentences and paragraphs of ``stories.copy_units`` (``stories._unit_keys_numpy``).
* :func:`sentence_spans`: the sentence split every stage addresses text by
  (``text._iter_sentence_spans``).
* :func:`date_triggers`: where a date can start (``dates._trigger_pattern``'s regex).
* :func:`word_starts`: the words that date a text relative to its publication ("kemarin", "lalu" …;
  ``dates._relative_hits_python``).
* :func:`cue_hits`: the citation cues of :func:`warta.sources.find_cited_sources` (``sources._cue_hits``).
* :func:`plain_data`: whether ``marshal`` can write a value as it is (:class:`warta.runtime.Marshalled`).
* :func:`json_cells`: the JSON text of an object column's nested cells for export
  (``export._json_cells_python``): lists of ints, such as an actor row's evidence sentence ids,
  are written here.

Each gives exactly what its Python reference gives (``tests/test_tokens.py``,
``tests/test_gazetteer.py``, ``tests/test_sentiment.py``, ``tests/test_targets.py``,
``tests/test_stories.py``, ``tests/test_text.py``, ``tests/test_dates.py``, ``tests/test_sources.py``). The module
is built when a C compiler is present (``pip install -e .`` with Cython) and is optional: without
it the Python paths run, and fast actor extraction takes about twice as long
(``benchmarks/bench_actors.py --pure-python``).
"""

cdef extern from "Python.h":
    const void* PyUnicode_DATA(object text)
    Py_ssize_t PyUnicode_GET_LENGTH(object text)
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)
    int PyUnicode_1BYTE_KIND
    int PyUnicode_2BYTE_KIND
    int PyUnicode_KIND(object text)
    Py_UCS4 PyUnicode_READ(int kind, const void* data, Py_ssize_t index)  # no check: callers keep in bounds
    bint Py_UNICODE_ISSPACE(Py_UCS4 c)
    bint Py_UNICODE_ISALNUM(Py_UCS4 c)

from cpython.ref cimport PyObject, Py_INCREF, Py_XDECREF
from libc.stdlib cimport malloc, free
from libc.string cimport memcmp

import numpy as np

# Character classes of ASCII, as in the Python path: a word is a run of [A-Za-z0-9_]; a gap joins
# two words of one name when it holds only whitespace (str.isspace: \t-\r, \x1c-\x1f, space),
# hyphens, slashes and ampersands (gazetteer._JOINING_GAP).
cdef unsigned char WORD = 1, SPACE = 2, JOINER = 4
cdef unsigned char CLASS[128]


cdef void _fill_classes():
    cdef int c
    for c in range(128):
        CLASS[c] = 0
    for c in range(ord("a"), ord("z") + 1):
        CLASS[c] = WORD
    for c in range(ord("A"), ord("Z") + 1):
        CLASS[c] = WORD
    for c in range(ord("0"), ord("9") + 1):
        CLASS[c] = WORD
    CLASS[ord("_")] = WORD
    for c in list(range(0x09, 0x0E)) + list(range(0x1C, 0x20)) + [0x20]:
        CLASS[c] = SPACE | JOINER
    for c in (ord("-"), ord("/"), ord("&")):
        CLASS[c] = JOINER


_fill_classes()


# Making and freeing ~430 words and ~860 offsets per 3 KB article cost more than the split itself.
# Offsets below _N_OFFSETS come from one table of ints made at import (1.8 MB), and short words
# from a small cache of the words last seen, so the common ones ("yang", "di", "Presiden") are
# shared, not made anew. Neither changes a value: ints and strs are immutable.
cdef Py_ssize_t _N_OFFSETS = 65536
cdef tuple _OFFSETS = tuple(range(_N_OFFSETS))
cdef enum:
    _WORD_SLOTS = 8192  # a power of two
    _LONGEST_CACHED = 12  # longer words are rarely repeated
cdef PyObject* _recent_words[_WORD_SLOTS]  # empty (NULL) at load, as C statics are


cdef inline object _offset(Py_ssize_t value):
    return _OFFSETS[value] if value < _N_OFFSETS else value


cdef object _ascii_word(const unsigned char* chars, Py_ssize_t size):
    """The str of ``chars[:size]`` (ASCII), taken from the recent words when it is there."""
    cdef unsigned int slot = 2166136261u  # FNV-1a
    cdef Py_ssize_t k
    cdef PyObject* held
    cdef object word
    if size > _LONGEST_CACHED:
        return PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, chars, size)
    for k in range(size):
        slot = (slot ^ chars[k]) * 16777619u
    slot &= _WORD_SLOTS - 1
    held = _recent_words[slot]
    if held != NULL and PyUnicode_GET_LENGTH(<object> held) == size and memcmp(PyUnicode_DATA(<object> held), chars, size) == 0:
        return <object> held
    word = PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, chars, size)
    Py_INCREF(word)  # the slot's own reference; the word it replaces loses its
    _recent_words[slot] = <PyObject*> word
    Py_XDECREF(held)
    return word


def split_ascii(str text not None):
    """``(words, keys, starts, ends, joined)`` of ``text``, which must be ASCII without apostrophes.

    ``joined[k]`` tells whether the gap after word ``k`` may sit inside a name: only joining
    characters, or a lone dot (with whitespace) after a word of at most three letters ("Kab.
    Bogor"), unless three capitals, an acronym ending a sentence ("di GBK. Erick"); the last word
    joins nothing. The caller checks that ``text`` is ASCII.
    """
    cdef Py_ssize_t n = len(text), i = 0, start, end, k, dots, others
    cdef const unsigned char* s = <const unsigned char*> PyUnicode_DATA(text)
    cdef list words = [], keys = [], starts = [], ends = [], joined = []
    cdef unsigned char c
    cdef bint upper
    cdef char* lowered
    cdef object word
    if not text.isascii():
        raise ValueError("split_ascii reads ASCII text only")
    while i < n and not (CLASS[s[i]] & WORD):
        i += 1
    if i == n:
        return words, keys, starts, ends, joined
    lowered = <char*> malloc(n)
    if lowered == NULL:
        raise MemoryError()
    try:
        while i < n:
            start = i
            upper = False
            while i < n and CLASS[s[i]] & WORD:
                c = s[i]
                if 65 <= c <= 90:
                    upper = True
                i += 1
            end = i
            word = _ascii_word(s + start, end - start)
            words.append(word)
            if upper:
                for k in range(start, end):
                    c = s[k]
                    lowered[k - start] = c + 32 if 65 <= c <= 90 else c
                keys.append(_ascii_word(<const unsigned char*> lowered, end - start))
            else:
                keys.append(word)
            starts.append(_offset(start))
            ends.append(_offset(end))
            dots = others = 0
            while i < n and not (CLASS[s[i]] & WORD):
                c = s[i]
                if not (CLASS[c] & JOINER):
                    if c == 46:  # "."
                        dots += 1
                    else:
                        others += 1
                i += 1
            if dots == 0 and others == 0:
                joined.append(True)
            elif dots == 1 and others == 0 and _only_space_besides_joiners(s, end, i):
                # "Kab. Bogor", "KH. Ma'ruf": a short abbreviation; "GBK. Erick": an acronym's sentence end.
                joined.append(end - start < 3 or (end - start == 3 and not word.isupper()))
            else:
                joined.append(False)
    finally:
        free(lowered)
    joined[len(joined) - 1] = False
    return words, keys, starts, ends, joined


cdef bint _only_space_besides_joiners(const unsigned char* s, Py_ssize_t start, Py_ssize_t end):
    """Whether the gap ``s[start:end]``, which holds one dot, is that dot with whitespace only
    (``gap.strip() == "."``): a hyphen, slash or ampersand beside the dot makes it no abbreviation gap."""
    cdef Py_ssize_t k
    cdef unsigned char c
    for k in range(start, end):
        c = s[k]
        if c != 46 and not (CLASS[c] & SPACE):
            return False
    return True


def gazetteer_spans(list keys not None, list words not None, list joined not None, dict index not None,
                    dict widths not None, lower_first not None, tuple one_word not None, dict single not None):
    """The compiled loop of :meth:`warta.gazetteer.Gazetteer.spans` (same arguments as its fields).

    Leftmost-longest, non-overlapping ``(first, last, entry, alias)`` matches of the alias index
    over the tokens; the case rules are those of the Python loop, which documents them.
    """
    cdef Py_ssize_t n_tokens = len(keys), i = 0, span, n, limit
    cdef list found_spans = []
    cdef object key, found, lengths, exact
    cdef str word, alias
    cdef Py_UCS4 initial
    cdef bint capital, case_ok
    while i < n_tokens:
        key = keys[i]
        lengths = widths.get(key)
        if lengths is None:
            i += 1
            continue
        word = words[i]
        initial = word[0]
        capital = initial.isupper() or initial.isdigit()
        if not (capital or key in lower_first):
            i += 1
            continue
        if lengths is one_word:
            entry, alias, exact = single[key]
            case_ok = (word == exact[0]) if exact is not None else (capital or alias[0].islower())
            if case_ok:
                found_spans.append((i, i + 1, entry, alias))
            i += 1
            continue
        limit = (<tuple> lengths)[0]
        span = 1
        while span < limit and i + span < n_tokens and joined[i + span - 1]:
            span += 1
        for n in lengths:
            if n > span:
                continue
            if n == 1:
                found = single.get(key)
            else:
                found = index.get(tuple(keys[i : i + n]))
            if found is None:
                continue
            entry, alias, exact = found
            case_ok = (words[i : i + n] == exact) if exact is not None else (capital or alias[0].islower())
            if case_ok:
                found_spans.append((i, i + n, entry, alias))
                i += n - 1  # resume after the match
                break
        i += 1
    return found_spans


cdef bint _spaced_dash(str text, Py_ssize_t start, Py_ssize_t end):
    """Whether ``text[start:end]`` (two characters or more) is a dash with spaces beside it."""
    cdef Py_ssize_t dashes = 0, k
    cdef Py_UCS4 c
    for k in range(start, end):
        c = text[k]
        if c == u"-" or c == u"\u2013" or c == u"\u2014":
            dashes += 1
        elif not c.isspace():
            return False
    return dashes == 1


def capitalised_runs(str text not None, list words not None, list keys not None, list joined not None,
                     list owner not None, list starts not None, list ends not None,
                     frozenset particles not None):
    """The scan of :func:`warta.actors._person_rule`: ``(first, last)`` token ranges of capitalised
    runs that no candidate owns, in order (the Python loop there documents the rule).

    A run opens at an unowned word whose first letter is upper case and goes on across joining
    gaps over unowned words that are capitalised or follow a bare hyphen ("Nilsson-wright"), and
    over a name's particle in ``particles`` before such a word ("Omar al-Bashir").
    """
    cdef Py_ssize_t n = len(words), k = 0, last, gap_start
    cdef list runs = []
    cdef str word
    cdef Py_UCS4 initial
    while k < n:
        word = words[k]
        initial = word[0]
        if not initial.isupper() or <Py_ssize_t> owner[k] >= 0 or word == keys[k]:
            k += 1
            continue
        last = k + 1
        while last < n and joined[last - 1] and <Py_ssize_t> owner[last] < 0:
            gap_start = ends[last - 1]
            initial = (<str> words[last])[0]
            if (<Py_ssize_t> starts[last] - gap_start > 1 and initial.isupper() and len(<str> words[last - 1]) > 1
                    and len(<str> words[last]) > 1 and keys[last - 1] not in particles
                    and _spaced_dash(text, gap_start, starts[last])):
                break  # "Syaifuddin - Tatang": two people (actors._spaced_dash_after)
            if not initial.isupper():
                if not (<Py_ssize_t> starts[last] == gap_start + 1 and text[gap_start] == "-"):
                    if not (last + 1 < n and joined[last] and <Py_ssize_t> owner[last + 1] < 0
                            and (<str> words[last + 1])[0].isupper() and keys[last] in particles):
                        break
                    last += 1
            last += 1
        runs.append((k, last))
        k = last
    return runs


cdef class Candidate:
    """The compiled :class:`warta.actors._Candidate` (same fields, same defaults): a token range
    ``[first, last)`` that may name an actor, and what is known of it. Articles hold dozens of them,
    and making the Python dataclass cost about a tenth of actor extraction."""

    # Python objects, not C numbers: fields are read far more often than written, and a C field
    # would make a new int or float at every read.
    cdef public object first, last, type, method, confidence, entry, weak, resolution

    def __init__(self, first, last, type, method, confidence, entry=None, weak=False, resolution=""):
        self.first, self.last, self.type, self.method = first, last, type, method
        self.confidence, self.entry, self.weak, self.resolution = confidence, entry, weak, resolution

    def __repr__(self):
        return (f"Candidate(first={self.first!r}, last={self.last!r}, type={self.type!r}, method={self.method!r}, "
                f"confidence={self.confidence!r}, entry={self.entry!r}, weak={self.weak!r}, "
                f"resolution={self.resolution!r})")


def seed_candidates(list spans not None, confidence_of not None, Py_ssize_t n_tokens):
    """The compiled seeding of :func:`warta.actors._seed_candidates`: a :class:`Candidate` per
    gazetteer match ``(first, last, entry, alias)`` and, per token, the index of the one covering it (or -1)."""
    cdef list candidates = [], owner = [-1] * n_tokens
    cdef Candidate candidate
    cdef Py_ssize_t index = 0, k
    cdef tuple span
    cdef object entry, index_object
    for span in spans:
        entry = span[2]
        candidate = Candidate.__new__(Candidate)
        candidate.first, candidate.last, candidate.type, candidate.method = span[0], span[1], entry.type, "gazetteer"
        candidate.confidence, candidate.entry, candidate.weak, candidate.resolution = confidence_of[span[3]], entry, False, ""
        candidates.append(candidate)
        index_object = _offset(index)
        for k in range(<Py_ssize_t> span[0], <Py_ssize_t> span[1]):
            owner[k] = index_object
        index += 1
    return candidates, owner


def person_name_keys(list candidates not None, list keys not None):
    """The compiled :func:`warta.actors._person_name_keys`: each word key of a person's name of
    two words or more → that candidate's index, or -1 where two such names share the key."""
    cdef dict lenders = {}
    cdef Candidate candidate
    cdef Py_ssize_t index = -1, k, first, last
    cdef object item, previous, index_object
    for item in candidates:
        index += 1
        if item is None:
            continue
        candidate = <Candidate?> item
        first, last = candidate.first, candidate.last
        if last - first < 2 or candidate.type != "PER":
            continue
        index_object = index
        for k in range(first, last):
            previous = lenders.get(keys[k])
            lenders[keys[k]] = index_object if previous is None or previous == index_object else -1
    return lenders


def lower_case_heads(list keys not None, list words not None, frozenset heads not None):
    """The filter of :func:`warta.actors._lower_case_heads`: indices of the words in lower case whose
    key is in ``heads`` and that a capitalised word follows."""
    cdef Py_ssize_t k, n = len(keys)
    cdef list found = []
    cdef Py_UCS4 initial, following
    for k in range(n - 1):
        if keys[k] in heads:
            initial = (<str> words[k])[0]
            following = (<str> words[k + 1])[0]
            if initial.islower() and following.isupper():
                found.append(k)
    return found


def capitalised_heads(list keys not None, list words not None, frozenset heads not None):
    """The filter of :func:`warta.actors._capitalised_heads`: indices of the capitalised words whose key is in ``heads``."""
    cdef Py_ssize_t k, n = len(keys)
    cdef list found = []
    cdef Py_UCS4 initial
    for k in range(n):
        if keys[k] in heads:
            initial = (<str> words[k])[0]
            if initial.isupper():
                found.append(k)
    return found


cdef inline bint _regex_word_char(Py_UCS4 c):
    """A character of the regex ``\\w`` on str: "_" or str.isalnum() (ASCII by table, the rest by
    the Unicode database, whose four look-ups cost more than the rest of a scan)."""
    if c < 128:
        return CLASS[c] & WORD
    return Py_UNICODE_ISALNUM(c)


# The word set last seen by whole_words: its shortest and longest word, the ASCII characters its
# words start with, and whether some word starts outside ASCII.
cdef frozenset _whole_words_set = None
cdef Py_ssize_t _whole_words_shortest = 0, _whole_words_longest = 0
cdef unsigned char _whole_words_first[128]
cdef bint _whole_words_other_first = False


def whole_words(str text not None, frozenset words not None):
    """Where the words of ``text`` that are in ``words`` start, in order: a word is a maximal run
    of the regex ``\\w`` (letters and digits of any script, and "_"), as ``\\b(?:...)\\b`` over
    ``words`` finds them (``actors._indirect_matches``). One pass over the characters; a str is
    made only for a run that starts as some word of ``words`` does and is as long as one."""
    global _whole_words_set, _whole_words_shortest, _whole_words_longest, _whole_words_other_first
    cdef Py_ssize_t code
    if words is not _whole_words_set:
        lengths = [len(word) for word in words] or [0]
        _whole_words_set, _whole_words_shortest, _whole_words_longest = words, min(lengths), max(lengths)
        for code in range(128):
            _whole_words_first[code] = False
        _whole_words_other_first = False
        for word in words:
            if word and ord(word[0]) < 128:
                _whole_words_first[ord(word[0])] = True
            elif word:
                _whole_words_other_first = True
    cdef Py_ssize_t n = len(text), i = 0, start, shortest = _whole_words_shortest, longest = _whole_words_longest
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c, first
    cdef list found = []
    while i < n:
        first = PyUnicode_READ(kind, data, i)
        if not _regex_word_char(first):
            i += 1
            continue
        start = i
        i += 1
        while i < n and _regex_word_char(PyUnicode_READ(kind, data, i)):
            i += 1
        if (shortest <= i - start <= longest
                and (_whole_words_first[first] if first < 128 else _whole_words_other_first)
                and text[start:i] in words):
            found.append(start)
    return found


# ==== Sentiment: the word scan of warta.sentiment.lexicon (owned by the sentiment stage) ========
# Kept apart from the actor loops above; its reference is ``lexicon._wanted_words_python``.

from cpython.dict cimport PyDict_GetItemWithError

# Bytes that ``lexicon._NON_WORD_BYTES`` keeps as word bytes: ASCII letters, digits, "-" and "_".
cdef unsigned char _LEXICON_WORD[128]


cdef void _fill_lexicon_word():
    cdef int c
    for c in range(128):
        _LEXICON_WORD[c] = (CLASS[c] & WORD) != 0 or c == ord("-")


_fill_lexicon_word()

# A cache of its own (not _recent_words, which the actor split fills): a word taken from here
# keeps the hash computed at its first lookup, so the form lookup hashes nothing, and the common
# words of news are not made anew for every text.
cdef enum:
    _FORM_SLOTS = 16384  # a power of two
    _LONGEST_FORM = 24
cdef PyObject* _recent_forms[_FORM_SLOTS]


cdef object _lexicon_word(const unsigned char* chars, Py_ssize_t size):
    """The str of ``chars[:size]`` (ASCII), from the lexicon scan's recent words when it is there."""
    cdef unsigned int slot = 2166136261u  # FNV-1a
    cdef Py_ssize_t k
    cdef PyObject* held
    cdef object word
    if size > _LONGEST_FORM:
        return PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, chars, size)
    for k in range(size):
        slot = (slot ^ chars[k]) * 16777619u
    slot &= _FORM_SLOTS - 1
    held = _recent_forms[slot]
    if held != NULL and PyUnicode_GET_LENGTH(<object> held) == size and memcmp(PyUnicode_DATA(<object> held), chars, size) == 0:
        return <object> held
    word = PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, chars, size)
    Py_INCREF(word)  # the slot's own reference; the word it replaces loses its
    _recent_forms[slot] = <PyObject*> word
    Py_XDECREF(held)
    return word


def wanted_words(str text not None, dict forms not None):
    """``(starts, found, missing)``: the words of ASCII ``text`` that ``forms`` maps to something
    other than None, as their offsets and values in text order, and the words ``forms`` lacks.

    A word is a maximal run of ASCII letters, digits, hyphens and underscores (the ASCII path of
    :func:`warta.sentiment.lexicon._split`). When ``missing`` is not empty the caller adds those
    words to ``forms`` and calls again (``starts`` and ``found`` then leave them out).
    """
    cdef Py_ssize_t n = len(text), i = 0, start
    cdef const unsigned char* s
    cdef list starts = [], found = [], missing = []
    cdef object word
    cdef PyObject* form
    if not text.isascii():
        raise ValueError("wanted_words reads ASCII text only")
    s = <const unsigned char*> PyUnicode_DATA(text)
    while True:
        while i < n and not _LEXICON_WORD[s[i]]:
            i += 1
        if i == n:
            break
        start = i
        i += 1
        while i < n and _LEXICON_WORD[s[i]]:
            i += 1
        word = _lexicon_word(s + start, i - start)
        form = PyDict_GetItemWithError(forms, word)
        if form == NULL:
            missing.append(word)
        elif form != <PyObject*> None:
            starts.append(_offset(start))
            found.append(<object> form)
    return starts, found, missing


cdef extern from "Python.h":
    int PyUnicode_IS_ASCII(object text)
    Py_ssize_t PY_SSIZE_T_MIN


cdef bint _opens_phrase(const unsigned char* text, Py_ssize_t size, Py_ssize_t start, tuple phrases):
    """Whether ASCII ``text`` holds one of ``phrases`` at ``start`` (``str.startswith`` of the tuple)."""
    cdef object phrase
    cdef Py_ssize_t length
    for phrase in phrases:
        length = PyUnicode_GET_LENGTH(phrase)
        if (PyUnicode_IS_ASCII(phrase) and start + length <= size
                and memcmp(text + start, PyUnicode_DATA(phrase), length) == 0):
            return True
    return False


cdef bint _count_after(const unsigned char* text, Py_ssize_t size, Py_ssize_t end):
    """Whether a count follows the word ending at ``end`` after one space: a digit, or "puluhan",
    "ratusan", "ribuan", "jutaan" (see ``lexicon._COUNT``, which the caller then matches)."""
    cdef unsigned char c
    if end + 2 > size or text[end] != 32:
        return False
    c = text[end + 1]
    if 48 <= c <= 57:
        return True
    return ((end + 8 <= size and (memcmp(text + end + 1, b"puluhan", 7) == 0
                                  or memcmp(text + end + 1, b"ratusan", 7) == 0))
            or (end + 7 <= size and (memcmp(text + end + 1, b"ribuan", 6) == 0
                                     or memcmp(text + end + 1, b"jutaan", 6) == 0)))


def scan_forms(list starts not None, list found not None, str text=None):
    """``(spans, kinds, mods, openers)`` of the wanted words :func:`wanted_words` found: the lists
    :meth:`warta.sentiment.lexicon.Lexicon._scan` builds, but for phrases, whose words are listed
    in ``openers`` (their indexes) for the caller to test. Reference: ``lexicon._scan_forms_python``.

    Each form is a ``lexicon._Form`` tuple ``(word, needle, size, entry, phrases, modifier,
    weighing, modifier_phrases)``; ``spans`` holds ``(start, end, entry)``, ``kinds`` ``(start,
    end, kind)`` of every modifier and ``mods`` ``(start, end, kind, factor, word)`` of the weighing ones.
    Given the (ASCII) ``text``, a word is an opener only where one of its phrases starts there,
    or where a count follows it (a phrase may hold one: "membuka 1.000 gerai").
    """
    cdef Py_ssize_t k, n = len(found), start, size = 0
    cdef const unsigned char* chars = NULL
    cdef tuple form, modifier
    cdef object start_object, end_object, entry, modifier_object
    cdef list spans = [], kinds = [], mods = [], openers = []
    if len(starts) != n:
        raise ValueError("starts and found differ in length")
    if text is not None:
        if not text.isascii():
            raise ValueError("scan_forms reads ASCII text only")
        chars = <const unsigned char*> PyUnicode_DATA(text)
        size = len(text)
    for k in range(n):
        form = <tuple> found[k]
        start_object = starts[k]
        start = start_object
        end_object = _offset(start + <Py_ssize_t> form[2])
        if form[4] or form[7]:
            if chars == NULL or _opens_phrase(chars, size, start, <tuple> form[4]) or _opens_phrase(
                    chars, size, start, <tuple> form[7]) or (
                    form[4] and _count_after(chars, size, start + <Py_ssize_t> form[2])):
                openers.append(_offset(k))
        entry = form[3]
        if entry is not None:
            spans.append((start_object, end_object, entry))
        modifier_object = form[5]
        if modifier_object is not None:
            modifier = <tuple> modifier_object
            kinds.append((start_object, end_object, modifier[0]))
            if form[6]:
                mods.append((start_object, end_object, modifier[0], modifier[1], form[0]))
    return spans, kinds, mods, openers


_BEFORE_CONTRAST_MODIFIERS = ("before_contrast",)


def cue_loop(list spans not None, dict entries not None, list breaks not None, dict by_sentence not None,
             wide not None, opens not None, reaches not None, weigh not None, cue_type not None,
             double before_contrast):
    """``(cues, consumed, weighed_zero)``: the loop of :meth:`warta.sentiment.lexicon.Lexicon._cues`
    over a scanned text's ``(start, end, entry)`` spans. Reference: ``lexicon._cue_loop_python``,
    which documents the rule; ``reaches`` and ``weigh`` are called back for the few cues whose
    sentence holds a modifier that may reach them.
    """
    cdef Py_ssize_t n_breaks = len(breaks), k, lo, hi, mid, start, taken_to = -1, sentence
    cdef Py_ssize_t* positions = <Py_ssize_t*> malloc((n_breaks + 1) * sizeof(Py_ssize_t))
    cdef list cues = []
    cdef set consumed = set()
    cdef bint weighed_zero = False
    cdef tuple span, entry_values, weighed
    cdef object start_object, end_object, entry, base, desk, nearby, sentence_object, cue, used
    cdef double base_value
    if positions == NULL:
        raise MemoryError()
    try:
        for k in range(n_breaks):
            positions[k] = breaks[k]
        for span in spans:
            start_object, end_object, entry = span[0], span[1], span[2]
            start = start_object
            if start < taken_to:  # inside a longer phrase already taken
                continue
            taken_to = end_object
            lo, hi = 0, n_breaks  # bisect_right(breaks, start)
            while lo < hi:
                mid = (lo + hi) >> 1
                if start < positions[mid]:
                    hi = mid
                else:
                    lo = mid + 1
            sentence = lo
            sentence_object = _offset(sentence)
            entry_values = <tuple> entries[entry]
            base, desk = entry_values[0], entry_values[1]
            nearby = by_sentence.get(sentence_object)
            if nearby is not None and (sentence_object in wide or reaches(nearby, start_object, end_object, base)):
                weighed = <tuple> weigh(start_object, end_object, entry, sentence_object)
                cue, used = weighed[0], weighed[1]
                if used:
                    consumed.update(used)
                if not (<tuple> cue)[4]:
                    weighed_zero = True
            else:
                base_value = base
                if base_value == 0:
                    continue
                if _offset(sentence + 1) in opens:
                    cue = tuple.__new__(cue_type, (entry, start_object, end_object, base_value * before_contrast, base,
                                                   desk, _BEFORE_CONTRAST_MODIFIERS))
                else:
                    cue = tuple.__new__(cue_type, (entry, start_object, end_object, base, base, desk, ()))
            cues.append(cue)
    finally:
        free(positions)
    return cues, consumed, weighed_zero


cdef inline bint _holder_break(Py_UCS4 c):
    """A character of ``targets._CLAUSE_BREAK``: ``[.,;:!?…"“”\\n]``."""
    return (c == 46 or c == 44 or c == 59 or c == 58 or c == 33 or c == 63 or c == 0x2026 or c == 34
            or c == 0x201C or c == 0x201D or c == 10)


cdef inline bint _holder_gap(Py_UCS4 c):
    """A character that ``str.strip(" \\t-–—'’")`` removes."""
    return c == 32 or c == 9 or c == 45 or c == 0x2013 or c == 0x2014 or c == 39 or c == 0x2019


cdef bint _word_before_in(str text, Py_ssize_t at, frozenset words):
    """Whether the word before ``text[at]``, spaces between, is one of ``words`` (lower case):
    ``warta.text.word_before_in``, its reference."""
    cdef Py_ssize_t start, end
    if not words or at <= 0 or at > len(text):
        return False
    start = _word_before(text, at, &end)
    return start >= 0 and text[start:end].lower() in words


cdef bint _after_common_relative(str text, Py_ssize_t at):
    """Whether ``text[at]`` follows "yang" after a word in lower case: ``warta.text.after_common_relative``,
    its reference."""
    cdef Py_ssize_t start, end, head_start, head_end
    if at <= 0 or at > len(text):
        return False
    start = _word_before(text, at, &end)
    if start < 0 or text[start:end].lower() != u"yang":
        return False
    head_start = _word_before(text, start, &head_end)
    return head_start >= 0 and head_start < head_end and text[head_start].islower()


cdef Py_ssize_t _word_before(str text, Py_ssize_t at, Py_ssize_t* end):
    """Where the letters before the spaces before ``text[at]`` start (sets ``end``; empty where no
    letter stands there), or -1 where no space does: ``warta.text._word_before``."""
    cdef Py_ssize_t k = at - 1
    while k >= 0 and text[k] == u" ":
        k -= 1
    end[0] = k + 1
    if end[0] == at:
        return -1
    while k >= 0 and text[k].isalpha():
        k -= 1
    return k + 1


cdef set _actors_between(list found, Py_ssize_t low, Py_ssize_t high):
    """``{a for s, _, a in found if low <= s < high}``, built in ``found`` order as the comprehension is."""
    cdef set chosen = set()
    cdef tuple mention
    cdef Py_ssize_t s
    for mention in found:
        s = mention[0]
        if low <= s < high:
            chosen.add(mention[2])
    return chosen


cdef Py_ssize_t _clause_of(str text, Py_ssize_t start, Py_ssize_t end, Py_ssize_t* clause_end,
                           bint* leading) except -1:
    """The clause of the stance word ``text[start:end]``: returns where it starts (after the last
    break before the word), sets ``clause_end`` (the first break at or after the word's end) and
    ``leading`` (only gap characters between the clause's start and the word). A word outside
    the text is refused (the scans below read characters unchecked)."""
    cdef Py_ssize_t n = len(text), k, clause_start = 0
    if not 0 <= start <= end <= n:
        raise ValueError(f"stance word {start}:{end} lies outside its sentence of {n} characters")
    for k in range(start - 1, -1, -1):
        if _holder_break(text[k]):
            clause_start = k + 1
            break
    clause_end[0] = n
    for k in range(end, n):
        if _holder_break(text[k]):
            clause_end[0] = k
            break
    leading[0] = True
    for k in range(clause_start, start):
        if not _holder_gap(text[k]):
            leading[0] = False
            break
    return clause_start


cdef Py_ssize_t _first_break(str text):
    """Where the first clause of ``text`` ends: its first break, or its end."""
    cdef Py_ssize_t k
    for k in range(len(text)):
        if _holder_break(text[k]):
            return k
    return len(text)


cdef bint _voices_hardship(str text, list stances, frozenset hardship):
    """Whether one of the stance words ``(start, end, kind)`` in ``text`` is one of ``hardship``."""
    cdef tuple stance
    if not hardship:
        return False
    for stance in stances:
        if text[<Py_ssize_t> stance[0]:<Py_ssize_t> stance[1]].lower() in hardship:
            return True
    return False


def stance_holders(str text not None, Py_ssize_t offset, list found not None, list stances not None,
                   frozenset blocked_after not None, frozenset hardship not None = frozenset(),
                   frozenset members_before not None = frozenset()):
    """The holders :func:`warta.sentiment.targets.sentence_holders` finds in one sentence (its
    reference, which documents the rule) given the sentence's stance spans: the same set, built
    by the same insertions. ``found`` holds ``(start, end, actor)`` with body offsets, ``stances``
    ``(start, end, kind)`` with offsets into ``text``, which starts at ``offset`` in the body.
    A mention right after one of the words ``blocked_after`` ("di Demak") holds nothing; where a
    stance word is one of ``hardship``, neither does one after ``members_before`` ("Warga Sumenep").
    """
    cdef Py_ssize_t start, end, clause_start, clause_end, first_clause_end
    cdef set holders = set(), before
    cdef tuple stance
    cdef bint leading
    if not found or not stances:
        return holders
    if _voices_hardship(text, stances, hardship):
        blocked_after = blocked_after | members_before
    found = [mention for mention in found if not _word_before_in(text, <Py_ssize_t> mention[0] - offset, blocked_after)]
    if not found:
        return holders
    first_clause_end = _first_break(text) + offset
    for stance in stances:
        start, end = stance[0], stance[1]
        if _after_common_relative(text, start):
            continue  # "pengemudi angkot yang menolak": the common noun holds it
        clause_start = _clause_of(text, start, end, &clause_end, &leading)
        clause_start += offset
        clause_end += offset
        start += offset
        end += offset
        if leading and clause_start > offset:
            holders |= _actors_between(found, end, clause_end)  # "..., kata Kirby"
            continue
        before = _actors_between(found, clause_start, start)
        if not before and first_clause_end <= start:
            before = _actors_between(found, PY_SSIZE_T_MIN, first_clause_end)
        holders |= before
    return holders


def holder_pairs(list texts not None, const long long[::1] sentence_start, const long long[::1] sentence_pos,
                 const long long[::1] stance_bounds, const long long[::1] stance_start,
                 const long long[::1] stance_end, const long long[::1] mention_bounds,
                 const long long[::1] mention_start, const long long[::1] mention_actor,
                 frozenset blocked_after not None, frozenset hardship not None = frozenset(),
                 frozenset members_before not None = frozenset()):
    """:func:`stance_holders` over many sentences at once, with integer actors: the (pos, actor)
    pairs of every holder, as two int64 arrays, a sentence's actors in no set order.

    Sentence ``i`` (text ``texts[i]`` starting at body offset ``sentence_start[i]``, numbered
    ``sentence_pos[i]``) has the stance words ``stance_bounds[i]:stance_bounds[i + 1]`` and the
    mentions ``mention_bounds[i]:mention_bounds[i + 1]``, all with body offsets; mentions in table
    order. Per sentence the same holders as ``stance_holders``, without a tuple, list or set per
    sentence (``warta.sentiment.targets._holder_pairs`` made those for a million sentences).
    """
    cdef Py_ssize_t n_sentences = len(texts), i, j, k, m, start, end, clause_start, clause_end
    cdef Py_ssize_t first_clause_end, offset, low, high, m_first, m_count, n_out = 0, widest = 0
    cdef bint leading, any_before, felt
    cdef str text
    if (sentence_start.shape[0] != n_sentences or sentence_pos.shape[0] != n_sentences
            or stance_bounds.shape[0] != n_sentences + 1 or mention_bounds.shape[0] != n_sentences + 1
            or stance_start.shape[0] != stance_end.shape[0] or mention_start.shape[0] != mention_actor.shape[0]
            or (n_sentences and (stance_bounds[n_sentences] > stance_start.shape[0]
                                 or mention_bounds[n_sentences] > mention_start.shape[0]))):
        raise ValueError("holder_pairs: the bounds do not fit the arrays")
    for i in range(n_sentences):
        # Bounds must run forward from 0: the loops below index the arrays unchecked.
        if (stance_bounds[i] < 0 or stance_bounds[i + 1] < stance_bounds[i]
                or mention_bounds[i] < 0 or mention_bounds[i + 1] < mention_bounds[i]):
            raise ValueError("holder_pairs: the bounds do not fit the arrays")
        widest = max(widest, mention_bounds[i + 1] - mention_bounds[i])
    pos_out = np.empty(mention_bounds[n_sentences] if n_sentences else 0, dtype=np.int64)
    actor_out = np.empty_like(pos_out)
    cdef long long[::1] pos_view = pos_out, actor_view = actor_out
    cdef unsigned char* chosen = <unsigned char*> malloc(max(widest, 1))
    if chosen == NULL:
        raise MemoryError()
    try:
        for i in range(n_sentences):
            m_first = mention_bounds[i]
            m_count = mention_bounds[i + 1] - m_first
            if m_count <= 0 or stance_bounds[i + 1] <= stance_bounds[i]:
                continue
            text = texts[i]
            offset = sentence_start[i]
            felt = False  # a hardship voiced: its voicers' place or body is no holder ("Warga Sumenep")
            if hardship:
                for j in range(stance_bounds[i], stance_bounds[i + 1]):
                    if text[stance_start[j] - offset:stance_end[j] - offset].lower() in hardship:
                        felt = True
                        break
            for m in range(m_count):  # 2: after a blocking word ("di Demak"), never a holder
                start = mention_start[m_first + m] - offset
                chosen[m] = 2 if (_word_before_in(text, start, blocked_after)
                                  or felt and _word_before_in(text, start, members_before)) else 0
            first_clause_end = _first_break(text) + offset
            for j in range(stance_bounds[i], stance_bounds[i + 1]):
                start = stance_start[j] - offset
                end = stance_end[j] - offset
                if _after_common_relative(text, start):
                    continue
                clause_start = _clause_of(text, start, end, &clause_end, &leading)
                if leading and clause_start > 0:  # "..., kata Kirby": the names after the word
                    low, high = end + offset, clause_end + offset
                    for m in range(m_count):
                        if chosen[m] != 2 and low <= mention_start[m_first + m] < high:
                            chosen[m] = 1
                    continue
                low, high = clause_start + offset, start + offset
                any_before = False
                for m in range(m_count):
                    if chosen[m] != 2 and low <= mention_start[m_first + m] < high:
                        chosen[m] = 1
                        any_before = True
                if not any_before and first_clause_end <= start + offset:
                    for m in range(m_count):  # "X, di sela ..., mengatakan": the first clause's names
                        if chosen[m] != 2 and mention_start[m_first + m] < first_clause_end:
                            chosen[m] = 1
            for m in range(m_count):  # each chosen actor once
                if chosen[m] != 1:
                    continue
                for k in range(m):
                    if chosen[k] == 1 and mention_actor[m_first + k] == mention_actor[m_first + m]:
                        break
                else:
                    pos_view[n_out] = sentence_pos[i]
                    actor_view[n_out] = mention_actor[m_first + m]
                    n_out += 1
    finally:
        free(chosen)
    return pos_out[:n_out].copy(), actor_out[:n_out].copy()


def new_in_band(const int[::1] left, const int[::1] right, const unsigned long long[:, ::1] keys,
                const int[:, ::1] ranks, Py_ssize_t window):
    """The places ``i`` of the pairs ``(left[i], right[i])`` that no earlier band proposed, in
    order: :func:`warta.stories._new_in_band_numpy` (its reference), one pair at a time, stopping at the
    first band that proposed it, with no gathered copies per band."""
    cdef Py_ssize_t n = left.shape[0], bands = keys.shape[0], i, band, kept = 0
    cdef int a, b
    if right.shape[0] != n or ranks.shape[0] != bands or ranks.shape[1] != keys.shape[1]:
        raise ValueError("new_in_band: the pairs or the bands do not match")
    places = np.empty(n, dtype=np.int64)
    cdef long long[::1] view = places
    for i in range(n):
        a, b = left[i], right[i]
        if a < 0 or b < 0 or a >= keys.shape[1] or b >= keys.shape[1]:
            raise IndexError("new_in_band: a pair's id is out of the bands' range")
        for band in range(bands):
            if keys[band, a] == keys[band, b] and abs(ranks[band, a] - ranks[band, b]) <= window:
                break
        else:
            view[kept] = i
            kept += 1
    return places[:kept].copy()


def best_edges(const long long[::1] row, const unsigned char[::1] joined, const double[::1] strength,
               Py_ssize_t n):
    """Each of ``n`` articles' strongest edge: :func:`warta.stories._best_edges_numpy` (its
    reference) in one pass instead of a three-key sort. Entry ``k`` is edge ``k % m`` seen from
    article ``row[k]`` (``m`` is half the entries); an article's best entry is joined before not,
    then strongest (NaN weakest), then first. -1 for an article with no edge."""
    cdef Py_ssize_t entries = row.shape[0], m = entries // 2, k, r
    if joined.shape[0] != entries or strength.shape[0] != entries or entries % 2:
        raise ValueError("best_edges: row, joined and strength must have one even length")
    best = np.full(n, -1, dtype=np.int64)
    cdef long long[::1] chosen = best
    cdef long long b
    cdef double mine, theirs
    for k in range(entries):
        r = row[k]
        if r < 0 or r >= n:
            raise IndexError("best_edges: an article number is out of range")
        b = chosen[r]  # an entry while the pass runs; made an edge at the end
        if b < 0:
            chosen[r] = k
            continue
        if joined[k] != joined[b]:
            if joined[k]:
                chosen[r] = k
            continue
        mine, theirs = strength[k], strength[b]
        if mine == mine and (theirs != theirs or mine > theirs):
            chosen[r] = k
    for r in range(n):
        if chosen[r] >= m:
            chosen[r] -= m
    return best


cdef inline unsigned long long _splitmix(unsigned long long z):
    z ^= z >> 30
    z *= 0xBF58476D1CE4E5B9ULL
    z ^= z >> 27
    z *= 0x94D049BB133111EBULL
    z ^= z >> 31
    return z


cdef unsigned char _STORY_WORD[256]


cdef void _fill_story_word():
    cdef int c
    for c in range(256):
        _STORY_WORD[c] = (48 <= c <= 57) or (65 <= c <= 90) or (97 <= c <= 122) or c >= 128


_fill_story_word()


def shingle_minhash(const unsigned long long[::1] hashes, const long long[::1] offsets, Py_ssize_t size,
                    const unsigned long long[::1] a, const unsigned long long[::1] b):
    """MinHash signatures of each text's ``size``-word shingles: :func:`warta.stories.minhash` of
    :func:`warta.stories.shingle_hashes` (its reference), with no array of shingles and one pass
    over the words instead of one per permutation. ``hashes[offsets[i]:offsets[i + 1]]`` are the
    words of text ``i``; ``size`` 1 takes the hashes themselves as the set. ``a`` and ``b`` are the
    permutations' multipliers and offsets.
    """
    cdef Py_ssize_t n = offsets.shape[0] - 1, perms = a.shape[0], text, i, step, p
    if size < 1 or b.shape[0] != perms:
        raise ValueError("shingle_minhash: size must be at least 1, and a and b of one length")
    signature = np.full((n, perms), 0xFFFFFFFF, dtype=np.uint32)
    if perms == 0:
        return signature
    cdef unsigned int[:, ::1] out = signature
    cdef unsigned int* row
    cdef unsigned int value, other
    cdef unsigned long long shingle[4]
    cdef unsigned long long h
    cdef Py_ssize_t last, k, ways
    cdef const unsigned long long* multiply = &a[0]
    cdef const unsigned long long* add = &b[0]
    for text in range(n):
        row = &out[text, 0]
        i, last = offsets[text], offsets[text + 1] - size + 1
        # Four shingles per pass over the permutations: each minimum is read and written a quarter
        # as often, and the four products are independent (the multiplier works on all at once).
        while i < last:
            ways = min(4, last - i)
            for k in range(4):
                if k < ways:
                    h = hashes[i + k]
                    for step in range(1, size):
                        h = _splitmix(h * 0x100000001B3ULL ^ hashes[i + k + step])
                shingle[k] = h  # past the last shingle: the one before again, which changes no minimum
            for p in range(perms):
                value = <unsigned int>((shingle[0] * multiply[p] + add[p]) >> 32)
                other = <unsigned int>((shingle[1] * multiply[p] + add[p]) >> 32)
                if other < value:
                    value = other
                other = <unsigned int>((shingle[2] * multiply[p] + add[p]) >> 32)
                if other < value:
                    value = other
                other = <unsigned int>((shingle[3] * multiply[p] + add[p]) >> 32)
                if other < value:
                    value = other
                # Every value fits in 32 bits (the shift), so the all-ones start of an empty text
                # is also the neutral start of a minimum.
                if value < row[p]:
                    row[p] = value
            i += 4
    return signature


def unit_keys(const unsigned long long[::1] hashes, const unsigned char[::1] opens, Py_ssize_t min_words):
    """The units of :func:`warta.stories.copy_units` (its reference): each run of words from one
    that ``opens`` a unit to the next, kept if it has at least ``min_words`` words. Returns the
    kept units' first word, number of words and key (the wrapping sum of each word's hash mixed
    with its position in the unit), in one pass over the words.
    """
    cdef Py_ssize_t n = hashes.shape[0], i, first = -1, kept = 0
    if opens.shape[0] != n:
        raise ValueError("unit_keys: one opening flag per word")
    firsts = np.empty(n, dtype=np.int64)
    lengths = np.empty(n, dtype=np.int64)
    keys = np.empty(n, dtype=np.uint64)
    cdef long long[::1] first_of = firsts, length_of = lengths
    cdef unsigned long long[::1] key_of = keys
    cdef unsigned long long key = 0
    for i in range(n + 1):
        if i == n or opens[i]:
            if first >= 0 and i - first >= min_words:
                first_of[kept], length_of[kept], key_of[kept] = first, i - first, key
                kept += 1
            if i == n:
                break
            first, key = i, 0
        if first >= 0:
            key += _splitmix(hashes[i] ^ (<unsigned long long>(i - first) * 0x9E3779B97F4A7C15ULL))
    return firsts[:kept], lengths[:kept], keys[:kept]


def hashed_words(const unsigned char[::1] raw, const long long[::1] text_starts):
    """The words of ``raw`` (texts joined by line breaks, then 24 zero bytes) and their hashes:
    :func:`warta.stories._hashed_words_numpy` (its reference) in two passes over the bytes, with
    no array per step. Returns the words' byte starts and ends, hashes, whether each follows a
    sentence mark (". ! ?" or a line break) or a line break since the word before it, and the
    text each belongs to (``text_starts``: where each text starts in ``raw``, ascending).
    """
    cdef Py_ssize_t size = raw.shape[0], end = raw.shape[0] - 25, texts = text_starts.shape[0]
    cdef Py_ssize_t i, j, k = 0, count = 0, start, block, keep, clear_until = 0, text = 0
    if end < 0 or (texts and text_starts[0] != 0):
        raise ValueError("hashed_words: the bytes must end with a line break and 24 zero bytes, "
                         "and the first text must start at 0")
    cdef unsigned char b
    # Word bytes: ASCII letters and digits and non-ASCII bytes, except the punctuation of
    # U+2000-U+206F (E2 80/81 xx) and of Latin-1 (C2 xx), exactly as the reference masks them.
    word = np.zeros(size, dtype=np.uint8)
    cdef unsigned char[::1] is_word = word
    for i in range(end):
        b = raw[i]
        if b == 0xE2 and (raw[i + 1] == 0x80 or raw[i + 1] == 0x81):
            clear_until = max(clear_until, i + 3)
        elif b == 0xC2:
            clear_until = max(clear_until, i + 2)
        if i >= clear_until and _STORY_WORD[b]:
            is_word[i] = 1
            if i == 0 or not is_word[i - 1]:
                count += 1
    starts = np.empty(count, dtype=np.int64)
    ends = np.empty(count, dtype=np.int64)
    hashes = np.empty(count, dtype=np.uint64)
    owner = np.empty(count, dtype=np.int64)
    initial = np.empty(count, dtype=bool)
    line_initial = np.empty(count, dtype=bool)
    cdef long long[::1] start_of = starts, end_of = ends, owner_of = owner
    cdef unsigned long long[::1] hash_of = hashes
    cdef unsigned char[::1] after_stop = initial.view(np.uint8), after_break = line_initial.view(np.uint8)
    cdef unsigned long long h, chunk, length
    cdef bint stop = True, line_break = True
    i = 0
    while i < end:
        b = raw[i]
        if not is_word[i]:
            if b == 10:
                stop = line_break = True
            elif b == 46 or b == 33 or b == 63:
                stop = True
            i += 1
            continue
        start = i
        while i < end and is_word[i]:
            i += 1
        length = i - start
        # The hash of the lower-cased word's first 24 bytes and its length, 8 bytes at a time.
        h = length * 0x9E3779B97F4A7C15ULL
        block = 0
        while block == 0 or (block < 3 and <Py_ssize_t>length > 8 * block):
            keep = min(<Py_ssize_t>length - 8 * block, 8)
            chunk = 0
            for j in range(keep):
                b = raw[start + 8 * block + j]
                if 65 <= b <= 90:
                    b += 32
                chunk |= (<unsigned long long>b) << (8 * j)
            h = _splitmix(h ^ chunk)
            block += 1
        while text + 1 < texts and text_starts[text + 1] <= start:
            text += 1
        start_of[k], end_of[k], hash_of[k], owner_of[k] = start, i, h, text
        after_stop[k], after_break[k] = stop, line_break
        stop = line_break = False
        k += 1
    return starts, ends, hashes, initial, line_initial, owner


cdef inline bint _sentence_mark(Py_UCS4 c):
    return c == 46 or c == 33 or c == 63 or c == 0x2026  # . ! ? …


cdef inline bint _sentence_closer(Py_UCS4 c):
    return c == 34 or c == 39 or c == 0x201D or c == 0x2019 or c == 41 or c == 93  # " ' ” ’ ) ]


cdef inline bint _sentence_opener(Py_UCS4 c):
    return c == 34 or c == 39 or c == 0x201C or c == 0x2018 or c == 40 or c == 91  # " ' “ ‘ ( [


cdef inline bint _sentence_start(Py_UCS4 c):
    return 65 <= c <= 90 or 48 <= c <= 57  # [A-Z0-9]


cdef frozenset _abbreviations = None  # the set last seen, and the length of its longest word
cdef Py_ssize_t _longest_abbreviation = 0


def sentence_spans(str text not None, frozenset abbreviations not None):
    """The ``(start, end)`` spans of the sentences of ``text``: :func:`warta.text._iter_sentence_spans`
    (its reference, which documents the rule) one character at a time, with no regex match or
    slice per candidate cut. ``abbreviations``: words whose full stop ends no sentence."""
    cdef Py_ssize_t n = len(text), line = 0, line_end, first, last, start, i, j, k
    global _abbreviations, _longest_abbreviation
    if abbreviations is not _abbreviations:
        _abbreviations, _longest_abbreviation = abbreviations, max(map(len, abbreviations), default=0)
    cdef Py_ssize_t longest = _longest_abbreviation
    # Characters are read straight from the str's buffer (PyUnicode_READ): indexing checks each.
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef list spans = []
    while line <= n:
        line_end = line
        while line_end < n and PyUnicode_READ(kind, data, line_end) != 10:
            line_end += 1
        # The line, trimmed as str.strip() trims it; an empty one is no paragraph.
        first, last = line, line_end
        while first < last and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, first)):
            first += 1
        while last > first and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, last - 1)):
            last -= 1
        if first < last:
            start = i = first
            while i < last:
                if not _sentence_mark(PyUnicode_READ(kind, data, i)):
                    i += 1
                    continue
                j = i + 1
                while j < last and _sentence_closer(PyUnicode_READ(kind, data, j)):
                    j += 1
                k = j
                while k < last and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k)):
                    k += 1
                if k == j or k == last or not (
                        _sentence_start(PyUnicode_READ(kind, data, k))
                        or (_sentence_opener(PyUnicode_READ(kind, data, k)) and k + 1 < last
                            and _sentence_start(PyUnicode_READ(kind, data, k + 1)))):
                    i += 1
                    continue
                if not _ends_with_abbreviation(text, kind, data, start, j, abbreviations, longest):
                    spans.append((_offset(start), _offset(j)))
                    start = k
                i = k
            spans.append((_offset(start), _offset(last)))
        line = line_end + 1
    return spans


cdef bint _ends_with_abbreviation(str text, int kind, const void* data, Py_ssize_t start, Py_ssize_t end,
                                  frozenset abbreviations, Py_ssize_t longest):
    cdef Py_ssize_t low = max(start, end - 64), mark = end - 1, run
    cdef Py_UCS4 c
    while mark >= low and _sentence_closer(PyUnicode_READ(kind, data, mark)):
        mark -= 1
    if mark <= low or not _sentence_mark(PyUnicode_READ(kind, data, mark)):
        return False
    run = mark
    while run > low:
        c = PyUnicode_READ(kind, data, run - 1)
        if not (c == 46 or _regex_word_char(c)):  # [\w.]
            break
        run -= 1
    if run == mark or (mark - run > longest and mark - run > 1):  # too long to be one: no str made
        return False
    word = text[run:mark].lower()
    return word in abbreviations or (len(word) == 1 and word.isalpha())


cdef inline bint _letter_or_digit(Py_UCS4 c):
    """The regex class ``[^\\W_]`` on str: str.isalnum()."""
    return c != 95 and _regex_word_char(c)


cdef inline bint _spelled_at(int kind, const void* data, Py_ssize_t n, Py_ssize_t i, str word):
    """Whether the text (``kind``, ``data``, length ``n``) holds ``word`` at ``i``, whose first
    character the caller has matched."""
    cdef Py_ssize_t j, size = len(word)
    if i + size > n:
        return False
    for j in range(1, size):
        if PyUnicode_READ(kind, data, i + j) != <Py_UCS4> word[j]:
            return False
    return True


def date_triggers(str text not None, dict months not None):
    """Where a date can start in ``text``, in order: what ``dates._trigger_pattern(...).finditer``
    finds (its reference, which documents the rule), one character at a time. ``months``: each
    month name's first letter (ASCII) -> the names starting with it, longest first. A trigger is
    a run of ASCII digits not right after a letter, a digit or one of ``/.,:-``, or a month name
    not right after a letter or digit nor followed by a lowercase ASCII letter; the scan goes on
    after the run or the name."""
    cdef unsigned char first_letter[128]
    cdef Py_ssize_t code, n = len(text), i = 0, size, j
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c, before
    cdef str name
    cdef bint matched
    cdef list found = []
    for code in range(128):
        first_letter[code] = False
    for key in months:
        if len(key) != 1 or ord(key) >= 128:
            raise ValueError("date_triggers: month names must start with an ASCII letter")
        first_letter[ord(key)] = True
    while i < n:
        c = PyUnicode_READ(kind, data, i)
        if 48 <= c <= 57:
            before = PyUnicode_READ(kind, data, i - 1) if i else 32
            if i and (_letter_or_digit(before) or before == 47 or before == 46 or before == 44 or before == 58
                      or before == 45):
                i += 1
                continue
            found.append(i)
            i += 1
            while i < n and 48 <= PyUnicode_READ(kind, data, i) <= 57:
                i += 1
            continue
        if c < 128 and first_letter[c] and not (i and _letter_or_digit(PyUnicode_READ(kind, data, i - 1))):
            matched = False
            for name in months[chr(c)]:
                size = len(name)
                if _spelled_at(kind, data, n, i, name) and (
                        i + size == n or not 97 <= PyUnicode_READ(kind, data, i + size) <= 122):
                    matched = True
                    break
            if matched:
                found.append(i)
                i += size
                continue
        i += 1
    return found


def word_starts(str text not None, dict words not None):
    """``(start, end)`` of the words of ``words`` that stand whole in ``text``, in order: not right
    after or before a letter or digit (the regex ``[^\\W_]``), case as given. ``words``: each word's
    first letter (ASCII) -> the words starting with it, longest first. One pass over the characters
    that stops only at those first letters, over the code units of 1- and 2-byte text (reference:
    ``dates._relative_hits_python``)."""
    cdef unsigned char first_letter[128]
    cdef Py_ssize_t code, n = len(text), i = 0, size = 0, j
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef const unsigned char* chars = <const unsigned char*> data
    cdef const unsigned short* wide = <const unsigned short*> data
    cdef bint one_byte = kind == PyUnicode_1BYTE_KIND, two_bytes = kind == PyUnicode_2BYTE_KIND
    cdef Py_UCS4 c
    cdef str word
    cdef bint matched
    cdef list found = []
    cdef list by_code = [None] * 128
    for code in range(128):
        first_letter[code] = False
    for key, group in words.items():
        if len(key) != 1 or ord(key) >= 128:
            raise ValueError("word_starts: words must start with an ASCII letter")
        first_letter[ord(key)] = True
        by_code[ord(key)] = group
    while i < n:
        if one_byte:
            while i < n and not (chars[i] < 128 and first_letter[chars[i]]):
                i += 1
            if i == n:
                break
            c = chars[i]
        elif two_bytes:  # most news: curly quotes make it 2-byte text
            while i < n and not (wide[i] < 128 and first_letter[wide[i]]):
                i += 1
            if i == n:
                break
            c = wide[i]
        else:
            c = PyUnicode_READ(kind, data, i)
            if not (c < 128 and first_letter[c]):
                i += 1
                continue
        if i:
            c = PyUnicode_READ(kind, data, i - 1)
            # Most stops are inside a word, after an ASCII letter: a range test before the call.
            if (97 <= c <= 122) or (65 <= c <= 90) or (48 <= c <= 57) or (c >= 128 and _letter_or_digit(c)):
                i += 1
                continue
            c = PyUnicode_READ(kind, data, i)
        matched = False
        for word in by_code[<Py_ssize_t> c]:
            size = len(word)
            if _spelled_at(kind, data, n, i, word) and (
                    i + size == n or not _letter_or_digit(PyUnicode_READ(kind, data, i + size))):
                matched = True
                break
        if matched:
            found.append((i, i + size))
            i += size
        else:
            i += 1
    return found


# ==== Sources: the citation cue scan of warta.sources (owned by the load stage) ==================

# The stems last seen by cue_hits: for each ASCII byte, the (needle, stem) pairs whose needle
# starts with it, longest first (None where none does).
cdef tuple _cue_stems = None
cdef list _cue_by_first = None


def cue_hits(str text not None, tuple stems not None):
    """Non-overlapping ``(position, stem)`` hits of the cue ``stems`` in ``text``, leftmost first,
    the longest at a tie: what ``sources._cue_hits`` finds in the text's Latin-1 bytes, ASCII-lowered
    (``sources._cue_hits_in``; each stem may stand inside a word). ``stems`` pairs each needle
    (lowercase ASCII bytes) with its stem. One pass over the characters, with no copy of the text.
    None when the text holds U+0130 or U+212A, which lower to ASCII letters: str.lower's path."""
    global _cue_stems, _cue_by_first
    cdef Py_ssize_t n = len(text), i = 0, j, size, end = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef unsigned int c, d  # code points as numbers: arithmetic on Py_UCS4 makes a str
    cdef bytes needle
    cdef const unsigned char* chars
    cdef list found = []
    if stems is not _cue_stems:
        table = [[] for _ in range(128)]
        for needle, stem in stems:
            if not needle or needle[0] >= 128 or needle != needle.lower():
                raise ValueError("cue_hits: needles must be lowercase ASCII")
            table[needle[0]].append((needle, stem))
        _cue_by_first = [tuple(sorted(pairs, key=lambda pair: -len(pair[0]))) or None for pairs in table]
        _cue_stems = stems
    while i < n:
        c = PyUnicode_READ(kind, data, i)
        if c >= 128:
            if c == 0x130 or c == 0x212A:
                return None
            i += 1
            continue
        if i < end:
            i += 1
            continue
        if 65 <= c <= 90:
            c += 32
        pairs = _cue_by_first[c]
        if pairs is not None:
            for needle, stem in pairs:
                size = len(needle)
                if i + size > n:
                    continue
                chars = needle
                for j in range(1, size):
                    d = PyUnicode_READ(kind, data, i + j)
                    if 65 <= d <= 90:
                        d += 32
                    if d != chars[j]:
                        break
                else:
                    found.append((i, stem))
                    end = i + size
                    break
        i += 1
    return found


def plain_data(object value):
    """True when ``value`` is built only of exact ``str``, ``bytes``, ``int``, ``float``, ``bool``
    and None, in exact lists, tuples and dicts (at most 64 deep): the objects ``marshal`` writes
    as themselves. It writes any other object with a buffer (a NumPy scalar, an array) as bytes,
    so :class:`warta.runtime.Marshalled` pickles a value this rejects.
    """
    return _plain(value, 0)


cdef bint _plain(object value, int depth):
    cdef type kind = type(value)
    cdef object key, item
    if kind is str or kind is int or kind is float or kind is bool or kind is bytes or value is None:
        return True
    if depth >= 64:
        return False
    if kind is dict:
        for key, item in (<dict>value).items():
            if not _plain(key, depth + 1) or not _plain(item, depth + 1):
                return False
        return True
    if kind is list or kind is tuple:
        for item in value:  # Cython indexes exact lists and tuples directly
            if not _plain(item, depth + 1):
                return False
        return True
    return False


cdef extern from "Python.h":
    long long PyLong_AsLongLongAndOverflow(object value, int* overflow) except? -1


def json_cells(list cells not None, object encode not None):
    """Each cell of an object column as :func:`warta.export.flatten_for_export` writes it: a
    list, tuple or dict (or a subclass) as ``encode(cell)``, its compact JSON text, anything else as
    it is. An exact list of exact ints (no bools) is written here, as orjson writes it ("[3,7]")."""
    cdef Py_ssize_t n = len(cells), i
    cdef list out = [None] * n
    cdef object cell, text
    for i in range(n):
        cell = cells[i]
        if type(cell) is list:
            text = _int_list_json(<list>cell)
            out[i] = text if text is not None else encode(cell)
        elif isinstance(cell, (list, dict, tuple)):
            out[i] = encode(cell)
        else:
            out[i] = cell
    return out


cdef object _int_list_json(list items):
    """``"[1,-2,3]"`` for a list of exact ints within 64 bits; None for any other list."""
    cdef Py_ssize_t n = len(items), i, size = 0
    cdef int overflow = 0, k
    cdef long long value
    cdef unsigned long long magnitude
    cdef char digits[20]
    cdef char* buffer
    cdef object item
    for i in range(n):
        if type(items[i]) is not int:
            return None
    # 20 characters hold any long long with its sign, one more its comma; two for the brackets.
    buffer = <char*>malloc(n * 21 + 2)
    if buffer == NULL:
        raise MemoryError()
    try:
        buffer[0] = b"["
        size = 1
        for i in range(n):
            item = items[i]
            value = PyLong_AsLongLongAndOverflow(item, &overflow)
            if overflow:
                return None
            if i:
                buffer[size] = b","
                size += 1
            if value < 0:
                buffer[size] = b"-"
                size += 1
                magnitude = <unsigned long long>(-(value + 1)) + 1  # -value overflows at the minimum
            else:
                magnitude = <unsigned long long>value
            k = 0
            while True:
                digits[k] = <char>(48 + magnitude % 10)
                magnitude //= 10
                k += 1
                if not magnitude:
                    break
            while k:
                k -= 1
                buffer[size] = digits[k]
                size += 1
        buffer[size] = b"]"
        size += 1
        return PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, buffer, size)
    finally:
        free(buffer)
