"""Sentiment engines: the packaged lexicon, trained linear models and a local transformers model.

Every engine turns texts (and the lexicon cues already found in them) into predictions: a
label, a signed score in [-1, 1] and the calibrated probability of the label. Cues always
come from the lexicon, so whichever engine decides, the analyst sees the words behind it.

- ``lexicon``: label from the summed cue weights with a neutral band; probability from a
  Platt calibration fitted by ``python -m warta.sentiment.calibrate`` and stored in
  ``models/sentiment_lexicon_calibration.json``.
- a linear model file written by :func:`train_model`: TF-IDF word n-grams plus the lexicon
  scores, multinomial logistic regression, temperature-scaled on a held-out split. The model is
  a gzipped JSON of weights, not a pickle, so loading one never runs code. The packaged default
  (:func:`build_default_model`) holds two such heads, one for news and one for reviews, and a
  gate that mixes them by how much a text reads like news.
- ``hf:/path`` or a folder holding ``config.json``: a local transformers sequence classifier
  (optional extra ``warta[transformers]``), never downloaded.
"""
from __future__ import annotations

import gzip
import json
import math
import re
from itertools import repeat
from operator import itemgetter
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol, Sequence

import numpy as np

from warta import config
from warta.errors import WartaError
from warta.sentiment.lexicon import Cue, Lexicon, load_lexicon

LABELS = ("negative", "neutral", "positive")
MODEL_FORMAT = "warta-sentiment-linear"
MODELS_DIR = config.PACKAGE_DIR / "models"
CALIBRATION_FILE = MODELS_DIR / "sentiment_lexicon_calibration.json"
_CLITIC_NYA = re.compile(r"(\w{3,})nya\b")
_NEWS_ONLY = 0.99
_WEIGHT = itemgetter(3)  # Cue.weight, read in C
# The token patterns of the packaged model and of its news gate (training.py writes them).
_WORDS = r"(?u)\b\w+\b"
_LETTER_WORDS = r"(?u)\b[^\W\d]+\b"
_DIGIT = re.compile(r"\d")


class Prediction(NamedTuple):
    """One text's label, signed score in [-1, 1] and the probability of the label."""

    label: str
    score: float
    probability: float


class Engine(Protocol):
    name: str

    def predict(self, texts: Sequence[str], cues: Sequence[Sequence[Cue]]) -> list[Prediction]:
        """Predict one label per text, given the lexicon cues found in it."""


def cue_sum(cues: Sequence[Cue]) -> float:
    """The summed final weights of some cues (0.0 for none)."""
    return float(sum(map(_WEIGHT, cues)))


def cue_sums(cue_lists: Sequence[Sequence[Cue]]) -> list[float]:
    """:func:`cue_sum` of each list of cues (most sentences hold none: those skip the sum).

    A sum is never -0.0: ``sum`` starts from 0, and adding to +0.0 never gives -0.0.
    """
    return [float(sum(map(_WEIGHT, cues))) if cues else 0.0 for cues in cue_lists]


def settings() -> dict:
    return config.section("sentiment")


class LexiconEngine:
    """Label from the cue sum with a neutral band; probability from a Platt calibration."""

    name = "lexicon"

    def __init__(self, lexicon: Lexicon | None = None, calibration: dict | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.calibration = calibration if calibration is not None else load_calibration()
        self.threshold = float(settings().get("neutral_threshold", 1.0))

    def predict(self, texts: Sequence[str], cues: Sequence[Sequence[Cue]]) -> list[Prediction]:
        return self.predict_sums(cue_sums(cues))

    def predict_sums(self, totals: Sequence[float]) -> list[Prediction]:
        """:meth:`predict` of texts given by their cue sums (:func:`cue_sums`), for callers that keep them."""
        # from_sum() inlined: one loop with local names, the same arithmetic.
        threshold, tanh, exp, new = self.threshold, math.tanh, math.exp, tuple.__new__
        polar_a, polar_b = self.calibration.get("polar", (0.0, 0.0))
        neutral_a, neutral_b = self.calibration.get("neutral", (0.0, 0.0))
        predictions = []
        for total in totals:
            if total >= threshold or total <= -threshold:
                label = "positive" if total >= threshold else "negative"
                probability = 1.0 / (1.0 + exp(-(polar_a + polar_b * abs(total))))
            else:
                label = "neutral"
                probability = 1.0 / (1.0 + exp(-(neutral_a + neutral_b * abs(total))))
            predictions.append(new(Prediction, (label, tanh(total / 2), probability)))
        return predictions

    def from_sum(self, total: float) -> Prediction:
        """Turn a cue sum into a prediction (also used for length-normalised article sums)."""
        label = label_from_sum(total, self.threshold)
        return Prediction(label, math.tanh(total / 2), self.probability(label, total))

    def probability(self, label: str, total: float) -> float:
        a, b = self.calibration.get("neutral" if label == "neutral" else "polar", (0.0, 0.0))
        return _sigmoid(a + b * abs(total))


@lru_cache(maxsize=1)
def english_engine() -> LexiconEngine:
    """The engine of English text whatever engine reads Indonesian: the English lexicon with the
    lexicon engine's threshold and calibration (no English model is trained; the calibration is
    the Indonesian lexicon's)."""
    engine = LexiconEngine(load_lexicon(language="en"))
    engine.name = "lexicon-en"
    return engine


def label_from_sum(total: float, threshold: float) -> str:
    if total >= threshold:
        return "positive"
    if total <= -threshold:
        return "negative"
    return "neutral"


def label_from_score(score: float, band: float | None = None) -> str:
    """Label a signed score in [-1, 1] (an average over sentences) with a neutral band."""
    band = float(settings().get("score_neutral_band", 0.2)) if band is None else band
    return "positive" if score >= band else "negative" if score <= -band else "neutral"


def load_calibration(path: Path = CALIBRATION_FILE) -> dict:
    """Read the Platt parameters ``{"polar": [a, b], "neutral": [a, b]}``; flat 0.5 if absent."""
    if not path.is_file():
        return {"polar": (0.0, 0.0), "neutral": (0.0, 0.0)}
    return json.loads(path.read_text(encoding="utf-8"))


class LinearHead:
    """One trained linear model: TF-IDF n-grams + lexicon features → softmax over its classes."""

    def __init__(self, part: dict) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.classes = part["classes"]
        vocabulary = {term: index for index, term in enumerate(part["vocabulary"])}
        self.vectorizer = TfidfVectorizer(vocabulary=vocabulary, **part["vectorizer"])
        self.vectorizer.idf_ = np.asarray(part["idf"])
        self.features = _featurizer(vocabulary, self.vectorizer.idf_, part["vectorizer"])
        self.coef = np.asarray(part["coef"])
        self.intercept = np.asarray(part["intercept"])
        self.temperature = float(part.get("temperature", 1.0))

    def probabilities(self, prepared: Sequence[str], cues: Sequence[Sequence[Cue]], *,
                      tokens: Sequence[list[str]] | None = None, grams: Grams | None = None,
                      lexical: np.ndarray | None = None) -> np.ndarray:
        """Class probabilities of prepared texts. Optional, where the caller has them: their
        ``_WORDS`` tokens, their n-grams (:meth:`TfidfFeatures.grams`) and :func:`lexical_matrix`."""
        if self.features is None:
            features = model_features(self.vectorizer, prepared, cues, fit=False, prepared=True)
        else:  # the same matrix, built by the batch featurizer
            if grams is None:
                grams = self.features.grams(self.features.tokenize(prepared) if tokens is None else tokens)
            features = sparse_hstack(self.features.from_grams(grams),
                                     lexical_matrix(cues) if lexical is None else lexical)
        return _softmax(np.asarray((features @ self.coef.T + self.intercept) / self.temperature))

    def shares_grams(self, other: "LinearHead") -> bool:
        """Whether both heads read the same ``_WORDS`` n-grams (so one :class:`Grams` serves both)."""
        return (self.reads_words() and other.reads_words()
                and (self.features.low, self.features.high) == (other.features.low, other.features.high))

    def reads_words(self) -> bool:
        """Whether its featurizer tokenises as ``_WORDS`` (so shared tokens fit it)."""
        return self.features is not None and self.features.pattern.pattern == _WORDS


class LinearEngine:
    """A model written by :func:`train_model` or :func:`build_default_model`.

    A plain model is one :class:`LinearHead`. The default model adds a gate that tells how much a
    text reads like news, and a news head trained on the team's labelled news sentences: each
    text's probabilities are ``p_news · news head + (1 − p_news) · model``. A gated model without a
    news head (the format before it) mixes in the lexicon engine instead.
    """

    def __init__(self, path: str | Path, lexicon: Lexicon | None = None) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.path = Path(path)
        self.name = f"linear:{self.path.name}"
        try:
            with gzip.open(self.path, "rt", encoding="utf-8") as handle:
                model = json.load(handle)
        except (OSError, ValueError) as error:
            raise WartaError(f"{path}: not a warta sentiment model ({error})") from None
        if model.get("format") != MODEL_FORMAT:
            raise WartaError(f"{path}: not a warta sentiment model (format {model.get('format')!r})")
        self.lexicon = lexicon or load_lexicon()
        self.head = LinearHead(model)
        self.classes = self.head.classes
        self.meta = model.get("meta", {})
        self.gate = self.gate_features = self.news_head = self.fallback = None
        if "gate" in model:
            gate = model["gate"]
            gate_vocabulary = {t: i for i, t in enumerate(gate["vocabulary"])}
            self.gate = TfidfVectorizer(vocabulary=gate_vocabulary, **gate["vectorizer"])
            self.gate.idf_ = np.asarray(gate["idf"])
            self.gate_features = _featurizer(gate_vocabulary, self.gate.idf_, gate["vectorizer"])
            self.gate_coef = np.asarray(gate["coef"])
            self.gate_intercept = float(gate["intercept"])
            if "news" in model:
                self.news_head = LinearHead(model["news"])
                if self.news_head.classes != self.classes:
                    raise WartaError(f"{path}: the news head's classes {self.news_head.classes} "
                                     f"differ from the model's {self.classes}")
            else:
                self.fallback = LexiconEngine(self.lexicon)

    def predict(self, texts: Sequence[str], cues: Sequence[Sequence[Cue]]) -> list[Prediction]:
        if not texts:
            return []
        prepared = [prepare_text(text) for text in texts]
        if self.gate is None:
            return _from_matrix(self.head.probabilities(prepared, cues), self.classes)
        # Mix the news reading and the model in proportion to how much the text reads like news;
        # texts the gate is almost sure are news skip the model (their mix would be at least 99%
        # the news reading anyway).
        tokens = None
        if self.head.reads_words() and self.gate_features \
                and self.gate_features.pattern.pattern == _LETTER_WORDS:
            # The gate's tokens are the model's tokens without digits: each text is tokenised once.
            tokens = self.head.features.tokenize(prepared)
            news = self._gate(self.gate_features.from_tokens([_letter_words(words) for words in tokens]))
        else:
            news = self.news_probability(prepared, prepared=True)
        mixed = np.flatnonzero(news < _NEWS_ONLY)
        grams = lexical = None
        if self.news_head is not None:
            # Both heads read the same n-grams and cue features: each is built once.
            if tokens is not None and self.news_head.shares_grams(self.head):
                grams = self.head.features.grams(tokens)
            lexical = lexical_matrix(cues)
            shared = tokens if tokens is not None and self.news_head.reads_words() else None
            probabilities = self.news_head.probabilities(prepared, cues, tokens=shared, grams=grams, lexical=lexical)
        else:
            probabilities = np.asarray([_spread(p, self.classes) for p in self.fallback.predict(texts, cues)])
        if len(mixed):
            everything = len(mixed) == len(texts)  # the usual case: few texts read 99% like news

            def take(items):
                return items if everything else [items[i] for i in mixed]

            model = self.head.probabilities(
                take(prepared), take(cues), tokens=None if tokens is None else take(tokens),
                grams=None if grams is None else grams if everything else grams.rows(mixed),
                lexical=None if lexical is None else lexical[mixed])
            weight = news[mixed][:, None]
            probabilities[mixed] = weight * probabilities[mixed] + (1 - weight) * model
        return _from_matrix(probabilities, self.classes)

    def news_probability(self, texts: Sequence[str], *, prepared: bool = False) -> np.ndarray:
        """How much each text reads like news rather than a review or comment (the gate)."""
        prepared_texts = list(texts) if prepared else [prepare_text(text) for text in texts]
        vectorizer = self.gate_features or self.gate
        return self._gate(vectorizer.transform(prepared_texts))

    def _gate(self, features) -> np.ndarray:
        return 1 / (1 + np.exp(-(features @ self.gate_coef + self.gate_intercept)))


class TransformersEngine:
    """A local Hugging Face sequence classifier; labels are read from its ``id2label``."""

    def __init__(self, path: str | Path) -> None:
        try:
            import torch  # noqa: F401
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError:
            raise WartaError("the transformers engine needs the optional extra: pip install 'warta[transformers]'") from None
        self.path = Path(path)
        if not (self.path / "config.json").is_file():
            raise WartaError(f"{path}: no config.json; expected a local transformers model folder")
        self.name = f"hf:{self.path}"
        self.tokenizer = AutoTokenizer.from_pretrained(self.path, local_files_only=True)
        self.model = AutoModelForSequenceClassification.from_pretrained(self.path, local_files_only=True)
        self.model.eval()
        self.classes = [_canonical_label(self.model.config.id2label[i]) for i in range(self.model.config.num_labels)]

    def predict(self, texts: Sequence[str], cues: Sequence[Sequence[Cue]]) -> list[Prediction]:
        import torch

        predictions: list[Prediction] = []
        batch = int(settings().get("transformers_batch", 32))
        for offset in range(0, len(texts), batch):
            encoded = self.tokenizer(list(texts[offset:offset + batch]), padding=True, truncation=True,
                                     max_length=256, return_tensors="pt")
            with torch.no_grad():
                probabilities = torch.softmax(self.model(**encoded).logits, dim=-1).numpy()
            predictions += [_from_probabilities(row, self.classes) for row in probabilities]
        return predictions


def load_engine(name_or_path: str | Path | None = None) -> Engine:
    """Return an engine: None or ``""`` → the configured default; ``"lexicon"``; a model file;
    ``"hf:/path"`` or a folder with ``config.json`` → transformers. Engines are cached."""
    name = str(name_or_path or settings().get("default_engine", "lexicon"))
    return _load_engine(name)


@lru_cache(maxsize=8)
def _load_engine(name: str) -> Engine:
    if name == "lexicon":
        return LexiconEngine()
    if name.startswith("hf:"):
        return TransformersEngine(name[3:])
    path = Path(name).expanduser()
    if not path.is_absolute() and not path.exists() and (MODELS_DIR / path).exists():
        path = MODELS_DIR / path  # a packaged model named by its file name
    if path.is_dir():
        return TransformersEngine(path)
    if not path.is_file():
        raise WartaError(f"sentiment model not found: {name} (use 'lexicon', a model file or hf:/folder)")
    return LinearEngine(path)


def prepare_text(text: str) -> str:
    """Normalise text for n-gram features: lower case, ``-nya`` split off as in SmSA."""
    lower = text.lower()
    return _CLITIC_NYA.sub(r"\1 nya", lower) if "nya" in lower else lower  # the C test skips most regex runs


class Grams(NamedTuple):
    """The n-grams of a batch of texts: all in one flat list, and how many belong to each text."""

    flat: list[str]
    lengths: list[int]

    def rows(self, rows: Sequence[int]) -> "Grams":
        """The n-grams of some of the texts, in the order of ``rows``."""
        ends = np.cumsum(self.lengths).tolist()
        flat: list[str] = []
        for row in rows:
            flat.extend(self.flat[ends[row] - self.lengths[row]:ends[row]])
        return Grams(flat, [self.lengths[row] for row in rows])


class TfidfFeatures:
    """``TfidfVectorizer.transform`` for lower-cased texts, for the options warta's models store.

    scikit-learn counts n-grams one document at a time through several layers of Python; here
    each text costs one regex ``findall`` and C-level ``map`` lookups, and counting, sublinear tf,
    idf and the l2 norm are done once for the whole batch on the sparse matrix, with the same
    arithmetic as scikit-learn (tests compare the two).
    """

    OPTIONS = frozenset({"ngram_range", "sublinear_tf", "token_pattern"})

    def __init__(self, vocabulary: dict[str, int], idf: np.ndarray, options: dict) -> None:
        self.vocabulary = vocabulary
        self.idf = np.asarray(idf, dtype=np.float64)
        self.pattern = re.compile(options.get("token_pattern", r"(?u)\b\w\w+\b"))
        self.low, self.high = (int(n) for n in options.get("ngram_range", (1, 1)))
        self.sublinear = bool(options.get("sublinear_tf", False))

    def tokenize(self, texts: Sequence[str]) -> list[list[str]]:
        return list(map(self.pattern.findall, texts))

    def transform(self, texts: Sequence[str]):
        return self.from_tokens(self.tokenize(texts))

    def from_tokens(self, token_lists: Sequence[list[str]]):
        """The tf-idf matrix of texts given as their token lists (``tokenize``)."""
        return self.from_grams(self.grams(token_lists))

    def grams(self, token_lists: Sequence[list[str]]) -> Grams:
        """Every text's n-grams (``ngram_range``) from its token lists, in one flat list."""
        flat: list[str] = []
        lengths: list[int] = []
        for tokens in token_lists:
            found = len(flat)
            for n in range(self.low, self.high + 1):
                flat.extend(tokens if n == 1 else map(" ".join, zip(*(tokens[k:] for k in range(n)))))
            lengths.append(len(flat) - found)
        return Grams(flat, lengths)

    def from_grams(self, grams: Grams):
        """The tf-idf matrix of texts given as their n-grams (:meth:`grams`)."""
        from scipy import sparse
        from sklearn.preprocessing import normalize

        lengths = grams.lengths
        rows = np.repeat(np.arange(len(lengths)), lengths)
        # Every n-gram's column, -1 outside the vocabulary (one C-level pass over the batch).
        cols = np.fromiter(map(self.vocabulary.get, grams.flat, repeat(-1)), dtype=np.int64, count=len(grams.flat))
        known = cols >= 0
        # COO → CSR sums repeated (row, column) pairs: the term counts, indices sorted per row.
        matrix = sparse.csr_matrix((np.ones(int(known.sum())), (rows[known], cols[known])),
                                   shape=(len(lengths), len(self.idf)))
        matrix.sum_duplicates()
        if self.sublinear:
            np.log(matrix.data, matrix.data)
            matrix.data += 1.0
        matrix.data *= self.idf[matrix.indices]
        return normalize(matrix, norm="l2", copy=False)


def _letter_words(words: list[str]) -> list[str]:
    """The ``_LETTER_WORDS`` tokens of a text from its ``_WORDS`` tokens: those without a digit.

    ``\\b[^\\W\\d]+\\b`` needs a word boundary at both ends, so it matches exactly the whole
    ``\\w+`` runs that hold no digit.
    """
    alphabetic = list(map(str.isalpha, words))  # letters only: certainly no digit
    if all(alphabetic):
        return words
    return [word for word, alpha in zip(words, alphabetic) if alpha or not _DIGIT.search(word)]


def _featurizer(vocabulary: dict[str, int], idf: np.ndarray, options: dict) -> TfidfFeatures | None:
    """The batch featurizer for a stored vectorizer, or None when it uses options it does not know."""
    return TfidfFeatures(vocabulary, idf, options) if set(options) <= TfidfFeatures.OPTIONS else None


def sparse_hstack(words, dense: np.ndarray):
    """``[words | dense]`` as CSR (the lexicon columns appended to the n-gram columns)."""
    from scipy import sparse

    return sparse.hstack([words, sparse.csr_matrix(dense)]).tocsr()


def lexical_matrix(cue_lists: Sequence[Sequence[Cue]]) -> np.ndarray:
    """:func:`lexicon_features` of each text's cues, scaled as the models read them (n x 4)."""
    scale = float(settings().get("lexicon_feature_scale", 3.0))
    return np.asarray([lexicon_features(found) for found in cue_lists]).reshape(len(cue_lists), 4) * scale


def lexicon_features(cues: Sequence[Cue]) -> list[float]:
    positive = sum(cue.weight for cue in cues if cue.weight > 0)
    negative = -sum(cue.weight for cue in cues if cue.weight < 0)
    return [math.tanh(positive / 3), math.tanh(negative / 3), math.tanh((positive - negative) / 3),
            float(any("negated" in cue.modifiers for cue in cues))]


def model_features(vectorizer, texts: Sequence[str], cues: Sequence[Sequence[Cue]], *, fit: bool,
                   prepared: bool = False):
    from scipy import sparse

    prepared = list(texts) if prepared else [prepare_text(text) for text in texts]
    words = vectorizer.fit_transform(prepared) if fit else vectorizer.transform(prepared)
    return sparse.hstack([words, sparse.csr_matrix(lexical_matrix(cues))]).tocsr()


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def _from_matrix(probabilities: np.ndarray, classes: Sequence[str]) -> list[Prediction]:
    """:func:`_from_probabilities` of every row at once (the first of equal maxima wins, as there)."""
    if len(set(classes)) != len(classes) or not len(probabilities):
        return [_from_probabilities(row, classes) for row in probabilities]
    probabilities = np.asarray(probabilities, dtype=np.float64)
    best = probabilities.argmax(axis=1)
    columns = {label: probabilities[:, index] for index, label in enumerate(classes)}
    zero = np.zeros(len(probabilities))
    scores = (columns.get("positive", zero) - columns.get("negative", zero)).tolist()
    chosen = probabilities[np.arange(len(probabilities)), best].tolist()
    labels = [classes[index] for index in best.tolist()]
    new = tuple.__new__
    return [new(Prediction, row) for row in zip(labels, scores, chosen)]


def _from_probabilities(row: Sequence[float], classes: Sequence[str]) -> Prediction:
    probabilities = dict(zip(classes, (float(p) for p in row)))
    label = max(probabilities, key=probabilities.get)
    score = probabilities.get("positive", 0.0) - probabilities.get("negative", 0.0)
    return Prediction(label, score, probabilities[label])


def _spread(prediction: Prediction, classes: Sequence[str]) -> list[float]:
    """Three-class probabilities from one label's probability (the rest shared equally)."""
    rest = (1 - prediction.probability) / (len(classes) - 1)
    return [prediction.probability if label == prediction.label else rest for label in classes]


def _canonical_label(raw: str) -> str:
    text = str(raw).lower()
    for label, prefixes in {"positive": ("pos",), "negative": ("neg",), "neutral": ("neu", "net")}.items():
        if text.startswith(prefixes):
            return label
    raise WartaError(f"model label {raw!r} is not positive, neutral or negative")


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-value))
