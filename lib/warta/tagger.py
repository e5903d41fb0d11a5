"""A compact CRF name tagger for Indonesian news (PER / ORG / LOC), trained on labelled CoNLL data.

It tags the word tokens of :func:`warta.gazetteer.tokenize` (punctuation is not a token; the
punctuation between two words is a feature instead, and so are brackets glued to a word, which
make "Badan Usaha Milik Negara (BUMN)" one name), with BIO labels. Features are the word,
its shape and affixes, its neighbours, and whether the gazetteer covers it (optionally also
which types of known names use the word), so the model generalises the gazetteer's knowledge
to names it does not list. Tagging builds only the features the model has weights for, from per-word and
per-context caches (see :class:`Features`). The packaged model
(``lib/warta/models/ner.crfsuite``) is rebuilt by ``scripts/train_ner.py`` (see
``lib/warta/models/README.md``); it loads from the package, never from the network.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import compress, repeat
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence

from warta import config
from warta.gazetteer import Gazetteer, Match, Tokens, load_gazetteer, tokenize

MODEL_PATH = config.PACKAGE_DIR / "models" / "ner.crfsuite"


def shape(word: str) -> str:
    """Collapse a word to its character classes: ``Kim`` → ``Xx``, ``2024`` → ``d``, ``PBB`` → ``X``."""
    out = []
    for ch in word:
        cls = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out)


def gazetteer_labels(tokens: Tokens, matches: Iterable[Match]) -> list[str]:
    """Per-token gazetteer tag (``B-PER``, ``I-LOC`` … or ``O``)."""
    labels = ["O"] * len(tokens)
    for match in matches:
        labels[match.first] = "B-" + match.entry.type
        for k in range(match.first + 1, match.last):
            labels[k] = "I-" + match.entry.type
    return labels


class Features:
    """Turns a sentence's tokens into CRF feature strings.

    Everything that depends on one word (its own features and those it lends its neighbours) is
    built once per word and cached (news repeats its words); what depends on two neighbouring
    words' shapes, on the gazetteer tags and punctuation around a token, or on its run of
    capitalised words comes from small caches keyed by those values, so a token costs a few
    dictionary look-ups and tuple joins rather than dozens of string operations.

    With ``known`` (the attributes a trained model has weights for), features the model does not
    know are left out when they are built: CRFsuite ignores unknown attributes, so the labels and
    marginals are the same, but they are never copied into the tagger nor looked up in it.
    Training passes no ``known`` and gets every feature.

    ``gazetteer_words`` adds which types of known names use each word (``tg=``, see
    :func:`gazetteer_word_class`). Training leaves it out unless asked (``train_ner.py
    --gazetteer-words``); a tagger always builds it, and keeps it only when its model knows it.
    """

    def __init__(self, *, max_words: int = 200_000, known: frozenset[str] | None = None,
                 gazetteer_words: bool = True) -> None:
        self.max_words = max_words
        self.known = known
        self.gazetteer_words = gazetteer_words
        self._words: dict[str, _Word] = {}
        self._contexts: dict[tuple, tuple[str, ...]] = {}
        # Word pairs are rarely features of a trained model (~4% of neighbour pairs): keep those
        # it knows, (left key, right key) → (features of the left word, of the right word), so
        # the others cost one look-up.
        self._word_pairs: dict[tuple[str, str], tuple[tuple[bytes, ...], tuple[bytes, ...]]] = {}
        for attribute in known or ():
            for prefix, side in (("w|+w=", 0), ("-w|w=", 1)):
                if attribute.startswith(prefix):
                    pair = tuple(attribute[len(prefix):].split("|", 1))
                    found = list(self._word_pairs.get(pair, ((), ())))
                    found[side] += (attribute.encode(),)
                    self._word_pairs[pair] = (found[0], found[1])

    def __call__(self, text: str, tokens: Tokens, gazetteer_tags: Sequence[str]) -> list[list[str | bytes]]:
        words, keys, starts, ends = tokens.words, tokens.keys, tokens.starts, tokens.ends
        n = len(words)
        if not n:
            return []
        cache = self._words
        info = [cache.get(word) or self._word(word, key) for word, key in zip(words, keys)]
        raw = ["^"] + [text[ends[k - 1] : starts[k]] for k in range(1, n)]
        gaps = [gap.strip()[:1] for gap in raw]
        runs = _capital_runs([i.capitalised for i in info], gaps)
        # A token's context: the gazetteer tags and shapes of it and its neighbours, the
        # punctuation before it and its successor, its capitalised run, the brackets glued to
        # it. These take few values, so each combination's features are built once and cached whole.
        tags = [None, *gazetteer_tags, None]
        shapes = [None, *[i.shape for i in info], None]
        contexts = self._contexts
        context = [contexts.get(c) or self._context(c) for c in zip(
            tags, tags[1:], tags[2:], gaps, [*gaps[1:], None], runs, shapes, shapes[1:], shapes[2:],
            # Brackets glued to the word: "(BUMN)" writes a short form as part of the name; one
            # standing apart ("( BUMN )", as some corpora tokenise) says nothing.
            map(str.endswith, raw, repeat(("(", "["))),
            map(str.startswith, [*raw[1:], ""], repeat((")", "]"))))]
        padded = [_EMPTY, _EMPTY, *info, _EMPTY, _EMPTY]
        # Indices, not attribute names, and list displays: this is the hottest line (see _Word).
        features = [[*w[0], *c, *b[1], *b2[2], *a[3], *a2[4]]
                    for w, c, b2, b, a, a2 in zip(info, context, padded, padded[1:], padded[3:], padded[4:])]
        if n > 1:
            self._add_word_pairs(keys, features)
        return features

    def clear(self) -> None:
        """Forget the cached features (benchmarks time a cold start with it)."""
        self._words.clear()
        self._contexts.clear()

    def _add_word_pairs(self, keys: Sequence[str], features: list[list[str | bytes]]) -> None:
        """Add each neighbour pair's word-pair features (only those the model knows, when it is given)."""
        bigrams = list(zip(keys, keys[1:]))
        if self.known is None:
            for k, (a, b) in enumerate(bigrams):
                pair = a + "|" + b
                features[k].append("w|+w=" + pair)
                features[k + 1].append("-w|w=" + pair)
            return
        known_pairs = self._word_pairs
        for k in compress(range(len(bigrams)), map(known_pairs.__contains__, bigrams)):
            right, left = known_pairs[bigrams[k]]
            features[k] += right
            features[k + 1] += left

    def _keep(self, features: Iterable[str]) -> tuple[str | bytes, ...]:
        """All of ``features`` for training; for tagging, those the model knows, as UTF-8 bytes
        (the tagger copies bytes as they are; a str it would encode on every call)."""
        known = self.known
        return tuple(features) if known is None else tuple(f.encode() for f in features if f in known)

    def _word(self, word: str, key: str) -> _Word:
        form, cue = shape(word), _cue_class(key)
        common = "1" if is_common_word(key) else "0"
        # Only words of known names get the gazetteer class: a "not in a name" value would count
        # against every name the gazetteer does not list, the very names the tagger is for.
        lexicon = gazetteer_word_class(key) if self.gazetteer_words else "-"
        named = lexicon != "-"
        keep = self._keep
        found = _Word(
            keep(("w=" + key, "s=" + form, "p3=" + key[:3], "p4=" + key[:4], "x3=" + key[-3:], "x4=" + key[-4:],
                  "c=" + cue, "d|s=" + common + "|" + form, *(("tg=" + lexicon,) if named else ()))),
            keep(("-w=" + key, "-s=" + form, "-c=" + cue, "-d=" + common, *(("-tg=" + lexicon,) if named else ()))),
            keep(("--w=" + key, "--s=" + form)),
            keep(("+w=" + key, "+s=" + form, "+c=" + cue, "+d=" + common, *(("+tg=" + lexicon,) if named else ()))),
            keep(("++w=" + key, "++s=" + form)),
            form, word[:1].isupper(),
        )
        if len(self._words) < self.max_words:
            self._words[word] = found
        return found

    def _context(self, key: tuple) -> tuple[str | bytes, ...]:
        before, tag, after, gap, next_gap, run, shape_before, form, shape_after, opened, closed = key
        found = ["g=" + tag, "gap=" + gap, "run=" + run]
        if opened or closed:
            found.append("br=" + ("(" if opened else "") + (")" if closed else ""))
        if before is None:
            found.append("BOS")
        else:
            found += ("-g=" + before, "-s|s=" + shape_before + "|" + form)
        if after is None:
            found.append("EOS")
        else:
            found += ("+g=" + after, "+gap=" + next_gap, "s|+s=" + form + "|" + shape_after)
        kept = self._keep(found)
        if len(self._contexts) < 100_000:
            self._contexts[key] = kept
        return kept


class _Word(NamedTuple):
    """A word's cached features; :meth:`Features.__call__` reads fields 0-4 by index."""

    own: tuple[str, ...]
    before: tuple[str, ...]
    before2: tuple[str, ...]
    after: tuple[str, ...]
    after2: tuple[str, ...]
    shape: str
    capitalised: bool


_EMPTY = _Word((), (), (), (), (), "", False)
"""Stands for the missing neighbours beyond a sentence's ends (lends no features)."""


@lru_cache(maxsize=1)
def _gazetteer_words() -> dict[str, str]:
    """Each word of the packaged gazetteer's names → the types of the names it occurs in (``PL`` …)."""
    found: dict[str, set[str]] = {}
    for key, (entry, _, _) in load_gazetteer(()).index.items():
        for word in key:
            found.setdefault(word, set()).add(entry.type)
    return {word: "".join(t[0] for t in ("PER", "ORG", "LOC") if t in types) for word, types in found.items()}


def gazetteer_word_class(key: str) -> str:
    """Which name types of the packaged gazetteer use the word ``key``: ``P``, ``OL`` … or ``-``.

    Words of known names ("Budi", "Universitas", "Barat") generalise to names the gazetteer does
    not list ("Budi Santoso", "Universitas Jember").
    """
    return _gazetteer_words().get(key, "-")


token_features = Features(gazetteer_words=False)
"""The feature extractor that training uses by default (a :class:`Tagger` keeps its own)."""


def _capital_runs(capitalised: Sequence[bool], gaps: Sequence[str]) -> list[str]:
    """Each token's place in its run of capitalised words (``3B`` … ``3E``, ``1S``; ``-`` outside one).

    Punctuation between two words ends a run: "Jakarta, Bandung" are two runs of one.
    """
    n = len(capitalised)
    runs = ["-"] * n
    k = 0
    while k < n:
        if not capitalised[k]:
            k += 1
            continue
        end = k + 1
        while end < n and capitalised[end] and not gaps[end]:
            end += 1
        size = str(min(end - k, 4))
        if end - k == 1:
            runs[k] = size + "S"
        else:
            runs[k] = size + "B"
            for j in range(k + 1, end - 1):
                runs[j] = size + "I"
            runs[end - 1] = size + "E"
        k = end
    return runs


_PREFIXES = ("mempel", "memper", "member", "menge", "meng", "meny", "mem", "men", "me", "di", "ber", "be",
             "ter", "te", "peng", "peny", "pem", "pen", "per", "pe", "ke", "se")
_SUFFIXES = ("kannya", "annya", "nya", "kan", "an", "lah", "kah", "i")


@lru_cache(maxsize=65536)
def is_common_word(key: str) -> bool:
    """Whether ``key`` is an Indonesian dictionary word or one with its affixes stripped (``mengatakan``).

    The dictionary is PySastrawi's root word list; names are rarely in it, so this tells a
    capitalised sentence opener ("Kemarin") from a name. Cached: stripping the affixes costs
    microseconds a word, and the tagger and the actor rules ask about the same words again and again.
    """
    roots = _root_words()
    if key in roots:
        return True
    if not key.isalpha() or len(key) < 5:
        return False
    bases = [key] + [key[: -len(s)] for s in _SUFFIXES if key.endswith(s) and len(key) - len(s) >= 3]
    for base in bases:
        if base in roots:
            return True
        for prefix in _PREFIXES:
            if base.startswith(prefix) and len(base) - len(prefix) >= 3:
                stem = base[len(prefix):]
                # Nasal prefixes eat the root's first consonant: "menulis" ← "tulis", "memukul" ← "pukul".
                if stem in roots or any(c + stem in roots for c in "ptks"):
                    return True
    return False


def is_root_word(key: str) -> bool:
    """Whether ``key`` is an Indonesian dictionary root as it stands, with no affix stripped
    (``panen``, not ``merapi`` as me- + rapi)."""
    return key in _root_words()


@lru_cache(maxsize=1)
def _root_words() -> frozenset[str]:
    from importlib.resources import files

    text = files("Sastrawi").joinpath("Stemmer/data/kata-dasar.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def _cue_class(key: str) -> str:
    """The cue lexicon a word belongs to (roles, titles, organisation heads, speech verbs …), or ``-``."""
    from warta import actors

    if key in actors.TAGGER_ROLE_HEADS:
        return "role"
    if key in actors.TAGGER_TITLES:
        return "title"
    if key in actors.ORG_HEADS:
        return "orghead"
    if key in actors.SPEECH_VERBS:
        return "verb"
    if key in actors.CUES_BEFORE:
        return "cue"
    if key in actors.PLACE_HEADS:
        return "placehead"
    return "-"


class Tagger:
    """A loaded CRF model; :meth:`spans` returns ``(first, last, type, confidence)`` token ranges."""

    def __init__(self, path: str | Path = MODEL_PATH) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self.features = Features(known=model_attributes(self._tagger))

    def spans(self, text: str, tokens: Tokens, gazetteer_tags: Sequence[str]) -> list[tuple[int, int, str, float]]:
        """Tagged names as ``(first, last, type, confidence)``; confidence is the least token marginal."""
        if not tokens:
            return []
        tagger = self._tagger
        labels = tagger.tag(self.features(text, tokens, gazetteer_tags))
        found = []
        for first, last, type_ in bio_spans(labels):
            confidence = min(tagger.marginal(labels[k], k) for k in range(first, last))
            found.append((first, last, type_, round(confidence, 3)))
        return found


def model_attributes(tagger: object) -> frozenset[str]:
    """The attributes (feature strings) that an opened ``pycrfsuite.Tagger`` has weights for."""
    return frozenset(attribute for attribute, _ in tagger.info().state_features)


def bio_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Turn BIO labels into ``(first, last, type)`` ranges; a stray ``I-`` starts a new span."""
    spans: list[tuple[int, int, str]] = []
    start, current = None, None
    for k, label in enumerate([*labels, "O"]):
        prefix, _, type_ = label.partition("-")
        if prefix == "I" and current == type_:
            continue
        if current is not None:
            spans.append((start, k, current))
            start, current = None, None
        if prefix in ("B", "I"):
            start, current = k, type_
    return spans


@lru_cache(maxsize=2)
def load_tagger(path: str | None = None) -> Tagger | None:
    """Return the packaged tagger, or ``None`` when no model file is there (gazetteer and rules only)."""
    model = Path(path) if path else MODEL_PATH
    if not model.is_file():
        return None
    return Tagger(model)


def sentence_example(tokens_and_tags: Sequence[tuple[str, str]], gazetteer: Gazetteer, *,
                     features: Features = token_features) -> tuple[list[list[str]], list[str]]:
    """Turn one labelled CoNLL sentence into (features, labels) over warta's own tokens."""
    text, offsets = join_tokens([token for token, _ in tokens_and_tags])
    tokens = tokenize(text)
    labels = []
    for start in tokens.starts:
        k = token_index(offsets, start)
        tag = tokens_and_tags[k][1]
        # A CoNLL token split into several words ("Jong-un"): only the first keeps its B-.
        if tag.startswith("B-") and start != offsets[k][0]:
            tag = "I-" + tag[2:]
        labels.append(tag)
    matches = gazetteer.find(tokens)
    return features(text, tokens, gazetteer_labels(tokens, matches)), labels


def join_tokens(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join CoNLL tokens with single spaces; return the text and each token's character span."""
    offsets, position = [], 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return " ".join(tokens), offsets


def token_index(offsets: Sequence[tuple[int, int]], char: int) -> int:
    """Index of the CoNLL token whose span holds character ``char`` (offsets are sorted)."""
    from bisect import bisect_right

    return max(0, bisect_right([start for start, _ in offsets], char) - 1)


def train(sentences: Iterable[Sequence[tuple[str, str]]], out: str | Path, *, c1: float = 0.05,
          c2: float = 0.05, max_iterations: int = 150, gazetteer_words: bool = False) -> dict[str, object]:
    """Train a CRF on labelled sentences (tags already mapped to PER/ORG/LOC) and write it to ``out``.

    ``gazetteer_words`` adds the gazetteer word-class features (see :class:`Features`).
    """
    import pycrfsuite

    gazetteer = load_gazetteer(())
    extractor = Features(gazetteer_words=True) if gazetteer_words else token_features
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for sentence in sentences:
        features, labels = sentence_example(sentence, gazetteer, features=extractor)
        if features:
            trainer.append(features, labels)
            n += 1
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True})
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return {"sentences": n, "model": str(out), "bytes": Path(out).stat().st_size}
