"""Sentiment quality on labelled ``text<TAB>label`` files: ``warta eval sentiment FILE.tsv``.

Reports the lines each engine read (``read_by``: English lines are read by the English lexicon
whatever the engine), macro-F1, accuracy, per-class precision / recall / F1, the confusion
matrix (rows are the true label, columns the predicted one, both in ``labels`` order), n, the
lines skipped, and the expected calibration error of the probability given for each predicted
label.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Sequence

import numpy as np

from warta.errors import WartaError
from warta.sentiment.engines import LABELS

ECE_BINS = 10


def evaluate_sentiment(path: str | Path, *, model: str | None = None) -> dict:
    """Score every line of a labelled file with ``model`` (None: the default engine) and return metrics."""
    from warta.sentiment import load_engine, score_texts
    from warta.sentiment.training import read_labelled

    data = read_labelled(path)
    engine = load_engine(model)
    scores = score_texts(data.texts, engine=engine)
    metrics = classification_metrics(data.labels, [s.label for s in scores], [s.probability for s in scores])
    # English lines are read by the English lexicon whatever the engine: say how many each read.
    read_by = dict(Counter(score.engine for score in scores).most_common())
    return {"file": str(path), "engine": engine.name, "read_by": read_by, **metrics,
            "n_skipped": len(data.skipped), "skipped": data.skipped[:50]}


def read_labelled_rows(path: str | Path, fields: Sequence[str]) -> tuple[list[tuple[str, ...]], list[str], list[dict]]:
    """Read a ``<fields...><TAB>label`` file (``fields``: the names of the columns before the label).

    Returns the fields of each usable line, its label (positive / neutral / negative, also
    positif / netral / negatif) and the lines skipped, each with its line number and the reason.
    """
    from warta.sentiment.training import normalize_label

    path = Path(path)
    if not path.is_file():
        raise WartaError(f"labelled file not found: {path}")
    layout = "<TAB>".join([*fields, "label"])
    rows, labels, skipped = [], [], []
    for line_no, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        cells = [part.strip() for part in line.split("\t")]
        label = normalize_label(cells[-1])
        if len(cells) != len(fields) + 1 or not all(cells[:-1]):
            skipped.append({"line": line_no, "reason": f"expected {layout}"})
        elif label not in LABELS:
            skipped.append({"line": line_no, "reason": f"unknown label {cells[-1]!r}"})
        else:
            rows.append(tuple(cells[:-1]))
            labels.append(label)
    if not rows:
        raise WartaError(f"{path}: no usable {layout} lines ({len(skipped)} skipped)")
    return rows, labels, skipped


def classification_metrics(truth: Sequence[str], predicted: Sequence[str], confidence: Sequence[float]) -> dict:
    """Macro-F1, accuracy, per-class scores, confusion matrix and ECE for three-class labels."""
    truth = list(truth)
    predicted = list(predicted)
    per_class = {}
    for label in LABELS:
        tp = sum(t == label and p == label for t, p in zip(truth, predicted))
        fp = sum(t != label and p == label for t, p in zip(truth, predicted))
        fn = sum(t == label and p != label for t, p in zip(truth, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": round(precision, 4), "recall": round(recall, 4),
                            "f1": round(f1, 4), "support": tp + fn}
    present = [label for label in LABELS if per_class[label]["support"] or label in predicted]
    macro_f1 = float(np.mean([per_class[label]["f1"] for label in present])) if present else 0.0
    correct = [t == p for t, p in zip(truth, predicted)]
    return {
        "n": len(truth),
        "macro_f1": round(macro_f1, 4),
        "accuracy": round(float(np.mean(correct)) if truth else 0.0, 4),
        "per_class": per_class,
        "labels": list(LABELS),
        "confusion_matrix": [[sum(t == row and p == col for t, p in zip(truth, predicted)) for col in LABELS]
                             for row in LABELS],
        "ece": round(expected_calibration_error(confidence, correct), 4),
    }


def expected_calibration_error(confidence: Sequence[float], correct: Sequence[bool], bins: int = ECE_BINS) -> float:
    """The mean gap between stated confidence and observed accuracy, over equal-width bins."""
    confidence = np.asarray(confidence, dtype=float)
    correct = np.asarray(correct, dtype=float)
    if not len(confidence):
        return 0.0
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, bins - 1)
    gap = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            gap += mask.mean() * abs(confidence[mask].mean() - correct[mask].mean())
    return float(gap)
