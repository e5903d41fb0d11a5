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
from typing import Iterable, Sequence

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


def token_features(text: str, tokens: Tokens, gazetteer_tags: Sequence[str]) -> list[list[str]]:
    """Return the CRF feature strings of each token."""
    words, keys, starts, ends = tokens.words, tokens.keys, tokens.starts, tokens.ends
    gaps = [text[ends[k - 1] : starts[k]].strip()[:1] if k else "^" for k in range(len(words))]
    info = [_word_features(word, key) for word, key in zip(words, keys)]
    tags = gazetteer_tags
    n = len(words)
    features: list[list[str]] = []
    for k in range(n):
        own = info[k]
        f = own[0] + ["g=" + tags[k], "gap=" + gaps[k]]
        if k:
            before = info[k - 1]
            f += before[1]
            f += ["-g=" + tags[k - 1], "-s|s=" + before[5] + "|" + own[5], "-w|w=" + before[6] + "|" + own[6]]
            if k > 1:
                f += info[k - 2][2]
        else:
            f.append("BOS")
        if k + 1 < n:
            after = info[k + 1]
            f += after[3]
            f += ["+g=" + tags[k + 1], "+gap=" + gaps[k + 1], "s|+s=" + own[5] + "|" + after[5]]
            if k + 2 < n:
                f += info[k + 2][4]
        else:
            f.append("EOS")
        features.append(f)
    return features


_WORD_FEATURES: dict[str, tuple] = {}


def _word_features(word: str, key: str) -> tuple:
    """A word's own features and those it lends its neighbours (cached: news repeats its words)."""
    found = _WORD_FEATURES.get(word)
    if found is None:
        form, cue = shape(word), _cue_class(key)
        found = (
            ["w=" + key, "s=" + form, "p3=" + key[:3], "x3=" + key[-3:], "x2=" + key[-2:],
             "len=" + str(min(len(word), 8)), "c=" + cue],
            ["-w=" + key, "-s=" + form, "-c=" + cue],
            ["--w=" + key, "--s=" + form],
            ["+w=" + key, "+s=" + form, "+c=" + cue],
            ["++w=" + key, "++s=" + form],
            form,
            key,
        )
        if len(_WORD_FEATURES) < 200_000:
            _WORD_FEATURES[word] = found
    return found


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

    def spans(self, text: str, tokens: Tokens, gazetteer_tags: Sequence[str]) -> list[tuple[int, int, str, float]]:
        if not tokens:
            return []
        labels = self._tagger.tag(token_features(text, tokens, gazetteer_tags))
        found = []
        for first, last, type_ in bio_spans(labels):
            confidence = min(self._tagger.marginal(labels[k], k) for k in range(first, last))
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


def train(sentences: Iterable[Sequence[tuple[str, str]]], out: str | Path, *, c1: float = 0.05,
          c2: float = 0.01, max_iterations: int = 150) -> dict[str, object]:
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
