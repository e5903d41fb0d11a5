"""Labelled files, supervised training and the lexicon's probability calibration.

A labelled file is UTF-8 ``text<TAB>label`` with labels positive / neutral / negative (the
Indonesian positif / netral / negatif are accepted too). Malformed lines are never dropped
silently: :func:`read_labelled` returns them with their line numbers.

Rebuild the packaged calibration (``models/sentiment_lexicon_calibration.json``) with::

    python -m warta.sentiment calibrate ../shared/data/sentiment/smsa/train.tsv \
        benchmarks/data/news_train.tsv

The packaged default model (a review model, a news head and the gate between them) is rebuilt
with ``python -m warta.sentiment build-default`` and its news head checked, one news file left out
at a time, with ``python -m warta.sentiment crossval``; ``models/sentiment_README.md`` has both
commands.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

from warta.errors import WartaError
from warta.sentiment.engines import (CALIBRATION_FILE, LABELS, MODEL_FORMAT, LexiconEngine, LinearHead, cue_sum,
                                     model_features, prepare_text, settings)
from warta.sentiment.lexicon import load_lexicon

_ALIASES = {"positif": "positive", "negatif": "negative", "netral": "neutral", "pos": "positive",
            "neg": "negative", "neu": "neutral"}


@dataclass
class LabelledText:
    """The usable rows of a labelled file, and the lines that were skipped (with reasons)."""

    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)


def normalize_label(label: str) -> str:
    """A file's label in lower case, with the Indonesian and short forms as the English label."""
    label = label.strip().lower()
    return _ALIASES.get(label, label)


def read_labelled(path: str | Path) -> LabelledText:
    """Read a ``text<TAB>label`` file; bad lines are listed in ``skipped`` with line numbers."""
    path = Path(path)
    if not path.is_file():
        raise WartaError(f"labelled file not found: {path}")
    data = LabelledText()
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line_no, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            text, sep, label = line.rpartition("\t")
            label = normalize_label(label)
            if not sep or not text.strip():
                data.skipped.append({"line": line_no, "reason": "expected text<TAB>label"})
            elif label not in LABELS:
                data.skipped.append({"line": line_no, "reason": f"unknown label {label!r}"})
            else:
                data.texts.append(text.strip())
                data.labels.append(label)
    if not data.texts:
        raise WartaError(f"{path}: no usable text<TAB>label lines ({len(data.skipped)} skipped)")
    return data


def read_labelled_files(paths: Sequence[str | Path]) -> LabelledText:
    """:func:`read_labelled` of several files, their rows in order; skipped lines name their file."""
    data = LabelledText()
    for one in paths:
        part = read_labelled(one)
        data.texts += part.texts
        data.labels += part.labels
        data.skipped += [{"file": str(one), **row} for row in part.skipped]
    return data


def fit_linear(texts: Sequence[str], labels: Sequence[str], *, weights: Sequence[float] | None = None,
               cues: Sequence | None = None) -> tuple[dict, dict]:
    """Fit one linear head (TF-IDF word 1-2-grams + lexicon features, logistic regression with
    balanced classes) on ``texts``; ``weights``: each row's weight (default 1).

    15% of the rows of weight 1 or more are held out to fit a softmax temperature (so
    probabilities are calibrated) and to report held-out metrics; the final weights are then
    refitted on all rows. Returns the head as stored in a model file and the held-out metrics.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split

    from warta.evaluate.sentiment import classification_metrics

    if len(set(labels)) < 2:
        raise WartaError("training needs at least two different labels")
    options = settings()
    if cues is None:
        lexicon = load_lexicon()
        cues = [lexicon.find_cues(text) for text in texts]
    weights = np.ones(len(texts)) if weights is None else np.asarray(weights, dtype=float)
    vectorizer_options = {"ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True,
                          "max_features": int(options.get("train_max_features", 20_000)),
                          "token_pattern": r"(?u)\b\w+\b"}
    c_value = float(options.get("train_c", 4.0))
    indices = np.arange(len(texts))
    # Rows weighing less than 1 only help the fit: the held-out split, which sets the temperature
    # and is reported, comes from the rows the head is for.
    main = indices[weights >= 1.0]
    if not len(main):
        raise WartaError("training needs rows of weight 1 or more (lighter rows only help the fit)")
    main_labels = [labels[i] for i in main]
    stratify = main_labels if min(main_labels.count(label) for label in set(main_labels)) >= 2 else None
    fit_idx, held_idx = train_test_split(main, test_size=0.15, random_state=13, stratify=stratify)
    if len(main) < len(indices):
        fit_idx = np.concatenate([fit_idx, indices[weights < 1.0]])

    def fit(rows):
        vectorizer = TfidfVectorizer(**vectorizer_options)
        features = model_features(vectorizer, [texts[i] for i in rows], [cues[i] for i in rows], fit=True)
        classifier = LogisticRegression(C=c_value, max_iter=2000, class_weight="balanced")
        classifier.fit(features, [labels[i] for i in rows], sample_weight=weights[rows])
        return vectorizer, classifier

    vectorizer, classifier = fit(fit_idx)
    held_features = model_features(vectorizer, [texts[i] for i in held_idx], [cues[i] for i in held_idx], fit=False)
    held_logits = classifier.decision_function(held_features)
    held_truth = [labels[i] for i in held_idx]
    temperature = _fit_temperature(held_logits, [list(classifier.classes_).index(t) for t in held_truth])
    held_probabilities = _softmax(held_logits / temperature)
    predicted = [classifier.classes_[row.argmax()] for row in held_probabilities]
    held_metrics = classification_metrics(held_truth, predicted, held_probabilities.max(axis=1))

    vectorizer, classifier = fit(indices)
    head = {
        "classes": [str(c) for c in classifier.classes_],
        "vocabulary": [term for term, _ in sorted(vectorizer.vocabulary_.items(), key=lambda item: item[1])],
        "idf": [round(float(v), 5) for v in vectorizer.idf_],
        "vectorizer": {k: v for k, v in vectorizer_options.items() if k not in ("min_df", "max_features")},
        "coef": [[round(float(v), 5) for v in row] for row in classifier.coef_],
        "intercept": [round(float(v), 5) for v in classifier.intercept_],
        "temperature": round(temperature, 4),
    }
    return head, held_metrics


def train_model(path: str | Path | Sequence[str | Path], *, out: str | Path) -> dict:
    """Train a linear model (TF-IDF n-grams + lexicon scores) on labelled text; write it to ``out``
    (see :func:`fit_linear`)."""
    paths = [path] if isinstance(path, (str, Path)) else list(path)
    data = read_labelled_files(paths)
    head, held_metrics = fit_linear(data.texts, data.labels)
    model = {"format": MODEL_FORMAT, "version": 1, **head,
             "meta": {"trained_on": [str(p) for p in paths], "n": len(data.texts)}}
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    _write_model(model, out)
    return {"model": str(out), "bytes": out.stat().st_size, "n_train": len(data.texts),
            "n_skipped": len(data.skipped), "skipped": data.skipped[:20],
            "labels": {label: data.labels.count(label) for label in LABELS},
            "temperature": head["temperature"], "held_out": held_metrics}


def build_default_model(reviews: Sequence[str | Path], news: Sequence[str | Path], news_text: Sequence[str | Path],
                        *, out: str | Path, review_weight: float | None = None) -> dict:
    """Build the default model: a linear model trained on labelled reviews, a news head trained on
    the labelled news (with the reviews at ``review_weight`` each), and a gate that sends
    news-style text to the news head and review-style text to the model.

    ``news_text``: unlabelled news sentences (CoNLL token files or one sentence per line) that
    teach the gate what news reads like. ``review_weight``: None reads ``[sentiment]
    news_review_weight``.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score

    result = train_model(list(reviews), out=out)
    review_rows = read_labelled_files(reviews)
    news_rows = read_labelled_files(news)
    weight = _review_weight(review_weight)
    news_head, news_held = fit_linear(news_rows.texts + review_rows.texts, news_rows.labels + review_rows.labels,
                                      weights=[1.0] * len(news_rows.texts) + [weight] * len(review_rows.texts))
    gate_news = news_rows.texts + [text for path in news_text for text in _plain_sentences(path)]
    texts = review_rows.texts + gate_news
    is_news = [0] * len(review_rows.texts) + [1] * len(gate_news)
    vectorizer = TfidfVectorizer(min_df=2, sublinear_tf=True, max_features=5000, token_pattern=r"(?u)\b[^\W\d]+\b")
    features = vectorizer.fit_transform([prepare_text(text) for text in texts])
    gate = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
    accuracy = cross_val_score(gate, features, is_news, cv=5, scoring="accuracy")
    gate.fit(features, is_news)
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        model = json.load(handle)
    model["news"] = news_head
    model["gate"] = {
        "vocabulary": [term for term, _ in sorted(vectorizer.vocabulary_.items(), key=lambda item: item[1])],
        "idf": [round(float(v), 5) for v in vectorizer.idf_],
        "vectorizer": {"sublinear_tf": True, "token_pattern": vectorizer.token_pattern},
        "coef": [round(float(v), 5) for v in gate.coef_[0]],
        "intercept": round(float(gate.intercept_[0]), 5),
    }
    model["meta"]["news_trained_on"] = {"news": [str(p) for p in news], "reviews": [str(p) for p in reviews],
                                        "review_weight": weight}
    model["meta"]["gate_trained_on"] = {"review": [str(p) for p in reviews],
                                        "news": [str(p) for p in [*news, *news_text]]}
    _write_model(model, Path(out))
    result.update(bytes=Path(out).stat().st_size, gate_cv_accuracy=round(float(accuracy.mean()), 4),
                  gate_n={"review": len(review_rows.texts), "news": len(gate_news)},
                  news_head={"n_news": len(news_rows.texts), "review_weight": weight,
                             "temperature": news_head["temperature"], "held_out": news_held})
    return result


def cross_validate_news(news: Sequence[str | Path], reviews: Sequence[str | Path], *,
                        review_weight: float | None = None) -> dict:
    """Leave one news file out: train the news head on the other files (and the reviews at
    ``review_weight``), read the left-out file with it and with the lexicon; macro-F1 per file and
    over all left-out rows pooled. A sentence of the left-out file that another file holds too is
    not trained on. Honest only for files whose errors no lexicon change was chosen on (the
    lexicon's cues are among the head's features)."""
    from warta.evaluate.sentiment import classification_metrics

    if len(set(map(str, news))) < 2:
        raise WartaError("cross-validation needs two news files or more: each is left out in turn")
    lexicon_engine = LexiconEngine()
    review_rows = read_labelled_files(reviews)
    review_cues = [lexicon_engine.lexicon.find_cues(text) for text in review_rows.texts]
    weight = _review_weight(review_weight)
    files = {str(path): read_labelled(path) for path in news}
    cues = {name: [lexicon_engine.lexicon.find_cues(text) for text in data.texts] for name, data in files.items()}
    truth: list[str] = []
    head_labels: list[str] = []
    lexicon_labels: list[str] = []
    per_file = {}
    for name, data in files.items():
        # The other files' rows, less any sentence the left-out file holds too (no leak).
        left_out = set(data.texts)
        rows = [(text, label, found) for other in files if other != name
                for text, label, found in zip(files[other].texts, files[other].labels, cues[other])
                if text not in left_out]
        texts = [row[0] for row in rows] + review_rows.texts
        labels = [row[1] for row in rows] + review_rows.labels
        weights = [1.0] * len(rows) + [weight] * len(review_rows.texts)
        head, _ = fit_linear(texts, labels, weights=weights, cues=[row[2] for row in rows] + review_cues)
        probabilities = LinearHead(head).probabilities([prepare_text(t) for t in data.texts], cues[name])
        predicted = [head["classes"][row.argmax()] for row in probabilities]
        by_lexicon = [p.label for p in lexicon_engine.predict(data.texts, cues[name])]
        ones = [1.0] * len(data.texts)
        per_file[name] = {"n": len(data.texts),
                          "news_head": round(classification_metrics(data.labels, predicted, ones)["macro_f1"], 4),
                          "lexicon": round(classification_metrics(data.labels, by_lexicon, ones)["macro_f1"], 4)}
        truth += data.labels
        head_labels += predicted
        lexicon_labels += by_lexicon
    ones = [1.0] * len(truth)
    return {"review_weight": weight, "n": len(truth),
            "pooled": {"news_head": round(classification_metrics(truth, head_labels, ones)["macro_f1"], 4),
                       "lexicon": round(classification_metrics(truth, lexicon_labels, ones)["macro_f1"], 4)},
            "files": per_file}


def _review_weight(given: float | None) -> float:
    """A review row's weight in a news head: ``given``, else ``[sentiment] news_review_weight``."""
    return float(settings().get("news_review_weight", 0.03) if given is None else given)


def _write_model(model: dict, out: Path) -> None:
    with gzip.open(out, "wt", encoding="utf-8") as handle:
        json.dump(model, handle, ensure_ascii=False, separators=(",", ":"))


def _plain_sentences(path: str | Path) -> list[str]:
    """Sentences of a CoNLL file (first column joined), or the lines of a plain text file."""
    sentences: list[str] = []
    tokens: list[str] = []
    conll = False
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            columns = line.split()
            if not columns:
                if tokens:
                    sentences.append(" ".join(tokens))
                tokens = []
            elif "\t" in line or len(columns) in (2, 3) and columns[-1][:2] in ("O", "B-", "I-"):
                conll = True
                tokens.append(columns[0])
            else:
                sentences.append(line.strip())
    if tokens:
        sentences.append(" ".join(tokens))
    return sentences if conll or sentences else []


def fit_lexicon_calibration(paths: Sequence[str | Path], *, out: Path = CALIBRATION_FILE) -> dict:
    """Fit Platt parameters P(label correct | |cue sum|), one pair for polar and one for neutral
    predictions, on labelled files; write them to ``out`` and return them with the data's ECE."""
    from sklearn.linear_model import LogisticRegression

    engine = LexiconEngine(calibration={})
    features: dict[str, list[float]] = {"polar": [], "neutral": []}
    correct: dict[str, list[int]] = {"polar": [], "neutral": []}
    weights: dict[str, list[float]] = {"polar": [], "neutral": []}
    files = {}
    for path in paths:
        data = read_labelled(path)
        files[str(path)] = len(data.texts)
        # Each file weighs the same in total, so a large review set does not drown a small news set.
        weight = 1000 / len(data.texts)
        for text, truth in zip(data.texts, data.labels):
            total = cue_sum(engine.lexicon.find_cues(text))
            label = engine.from_sum(total).label
            group = "neutral" if label == "neutral" else "polar"
            features[group].append(abs(total))
            correct[group].append(int(label == truth))
            weights[group].append(weight)
    parameters: dict = {}
    for group in ("polar", "neutral"):
        x = np.asarray(features[group]).reshape(-1, 1)
        y = np.asarray(correct[group])
        if len(set(y)) < 2:
            parameters[group] = [_logit(float(y.mean()) if len(y) else 0.5), 0.0]
            continue
        model = LogisticRegression(C=100.0).fit(x, y, sample_weight=np.asarray(weights[group]))
        parameters[group] = [round(float(model.intercept_[0]), 4), round(float(model.coef_[0][0]), 4)]
    parameters["fitted_on"] = files
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(parameters, indent=2) + "\n", encoding="utf-8")
    return parameters


def _fit_temperature(logits: np.ndarray, truth: Sequence[int]) -> float:
    best, best_loss = 1.0, math.inf
    rows = np.arange(len(truth))
    for temperature in np.linspace(0.3, 4.0, 75):
        probabilities = _softmax(logits / temperature)
        loss = -np.log(np.clip(probabilities[rows, truth], 1e-12, None)).mean()
        if loss < best_loss:
            best, best_loss = float(temperature), loss
    return best


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def _logit(p: float) -> float:
    p = min(max(p, 1e-3), 1 - 1e-3)
    return math.log(p / (1 - p))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m warta.sentiment",
                                     description="Rebuild the packaged lexicon calibration or a model.")
    jobs = parser.add_subparsers(dest="job", required=True)
    calibrate = jobs.add_parser("calibrate", help="fit the lexicon's probability calibration")
    calibrate.add_argument("files", nargs="+")
    train = jobs.add_parser("train", help="train a linear model on one or more labelled files")
    train.add_argument("files", nargs="+")
    train.add_argument("--out", required=True)
    hybrid = jobs.add_parser("build-default", help="train the hybrid default model (model + news gate)")
    hybrid.add_argument("--reviews", nargs="+", required=True, help="labelled review-style files")
    hybrid.add_argument("--news", nargs="+", required=True, help="labelled news files")
    hybrid.add_argument("--news-text", nargs="*", default=[], help="unlabelled news sentences (CoNLL or lines)")
    hybrid.add_argument("--review-weight", type=float, default=None,
                        help="each review row's weight in the news head (default: [sentiment] news_review_weight)")
    hybrid.add_argument("--out", required=True)
    crossval = jobs.add_parser("crossval", help="leave one news file out: the news head against the lexicon")
    crossval.add_argument("--news", nargs="+", required=True, help="labelled news files (one fold each)")
    crossval.add_argument("--reviews", nargs="*", default=[], help="labelled review-style files")
    crossval.add_argument("--review-weight", type=float, default=None)
    args = parser.parse_args(argv)
    if args.job == "calibrate":
        result = fit_lexicon_calibration(args.files)
    elif args.job == "train":
        result = train_model(args.files, out=args.out)
    elif args.job == "crossval":
        result = cross_validate_news(args.news, args.reviews, review_weight=args.review_weight)
    else:
        result = build_default_model(args.reviews, args.news, args.news_text, out=args.out,
                                     review_weight=args.review_weight)
    print(json.dumps(result, indent=2, ensure_ascii=False))

