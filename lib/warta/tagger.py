"""A compact CRF name tagger for Indonesian news (PER / ORG / LOC), trained on labelled CoNLL data.

It tags the word tokens of :func:`warta.gazetteer.tokenize` (punctuation is not a token; the
punctuation between two words is a feature instead), with BIO labels. Features are the word,
its shape and affixes, its neighbours, and whether the gazetteer covers it, so the model
generalises the gazetteer's knowledge to names it does not list. The packaged model
(``lib/warta/models/ner.crfsuite``) is rebuilt by ``scripts/train_ner.py`` (see
``lib/warta/models/README.md``); it loads from the package, never from the network.
"""
from __future__ import annotations

from functools import lru_cache
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

    A word's own features and those it lends its neighbours are built once per word and cached
    (news repeats its words); only what depends on the sentence (gaps, gazetteer tags, runs of
    capitalised words, word pairs) is built per token.
    """

    def __init__(self, *, max_words: int = 200_000) -> None:
        self.max_words = max_words
        self._words: dict[str, _Word] = {}

    def __call__(self, text: str, tokens: Tokens, gazetteer_tags: Sequence[str]) -> list[list[str]]:
        words, starts, ends = tokens.words, tokens.starts, tokens.ends
        n = len(words)
        cache = self._words
        info = [cache.get(word) or self._word(word, key) for word, key in zip(words, tokens.keys)]
        gaps = ["^"] + [text[ends[k - 1] : starts[k]].strip()[:1] for k in range(1, n)]
        runs = _capital_runs([i.capitalised for i in info], gaps)
        tags = gazetteer_tags
        # The strings a token shares with its neighbours are built once per sentence, not per use.
        word_pairs = [a.key + "|" + b.key for a, b in zip(info, info[1:])]
        shape_pairs = [a.shape + "|" + b.shape for a, b in zip(info, info[1:])]
        own_sentence = [("g=" + t, "gap=" + g, "run=" + r) for t, g, r in zip(tags, gaps, runs)]
        lent_before = [("-g=" + t,) for t in tags]
        lent_after = [("+g=" + t, "+gap=" + g) for t, g in zip(tags, gaps)]
        features: list[list[str]] = []
        for k in range(n):
            f = [*info[k].own, *own_sentence[k]]
            if k:
                f += info[k - 1].before
                f += lent_before[k - 1]
                f += ("-s|s=" + shape_pairs[k - 1], "-w|w=" + word_pairs[k - 1])
                if k > 1:
                    f += info[k - 2].before2
            else:
                f.append("BOS")
            if k + 1 < n:
                f += info[k + 1].after
                f += lent_after[k + 1]
                f += ("s|+s=" + shape_pairs[k], "w|+w=" + word_pairs[k])
                if k + 2 < n:
                    f += info[k + 2].after2
            else:
                f.append("EOS")
            features.append(f)
        return features

    def clear(self) -> None:
        """Forget the cached word features (benchmarks time a cold start with it)."""
        self._words.clear()

    def _word(self, word: str, key: str) -> _Word:
        form, cue = shape(word), _cue_class(key)
        common = "1" if is_common_word(key) else "0"
        found = _Word(
            ("w=" + key, "s=" + form, "p3=" + key[:3], "p4=" + key[:4], "x3=" + key[-3:], "x4=" + key[-4:],
             "c=" + cue, "d|s=" + common + "|" + form),
            ("-w=" + key, "-s=" + form, "-c=" + cue, "-d=" + common),
            ("--w=" + key, "--s=" + form),
            ("+w=" + key, "+s=" + form, "+c=" + cue, "+d=" + common),
            ("++w=" + key, "++s=" + form),
            form, key, word[:1].isupper(),
        )
        if len(self._words) < self.max_words:
            self._words[word] = found
        return found


class _Word(NamedTuple):
    own: tuple[str, ...]
    before: tuple[str, ...]
    before2: tuple[str, ...]
    after: tuple[str, ...]
    after2: tuple[str, ...]
    shape: str
    key: str
    capitalised: bool


token_features = Features()
"""The feature extractor that training and tagging share (one word cache for both)."""


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


def is_common_word(key: str) -> bool:
    """Whether ``key`` is an Indonesian dictionary word or one with its affixes stripped (``mengatakan``).

    The dictionary is PySastrawi's root word list; names are rarely in it, so this tells a
    capitalised sentence opener ("Kemarin") from a name.
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


@lru_cache(maxsize=1)
def _root_words() -> frozenset[str]:
    from importlib.resources import files

    text = files("Sastrawi").joinpath("Stemmer/data/kata-dasar.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def _cue_class(key: str) -> str:
    """The cue lexicon a word belongs to (roles, titles, organisation heads, speech verbs …), or ``-``."""
    from warta import actors

    if key in actors.ROLE_HEADS:
        return "role"
    if key in actors.TITLES:
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
        self.features = token_features

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


def sentence_example(tokens_and_tags: Sequence[tuple[str, str]], gazetteer: Gazetteer) -> tuple[list[list[str]], list[str]]:
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
    return token_features(text, tokens, gazetteer_labels(tokens, matches)), labels


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


def train(sentences: Iterable[Sequence[tuple[str, str]]], out: str | Path, *, c1: float = 0.1,
          c2: float = 0.1, max_iterations: int = 150) -> dict[str, object]:
    """Train a CRF on labelled sentences (tags already mapped to PER/ORG/LOC) and write it to ``out``."""
    import pycrfsuite

    gazetteer = load_gazetteer(())
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for sentence in sentences:
        features, labels = sentence_example(sentence, gazetteer)
        if features:
            trainer.append(features, labels)
            n += 1
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True})
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return {"sentences": n, "model": str(out), "bytes": Path(out).stat().st_size}
