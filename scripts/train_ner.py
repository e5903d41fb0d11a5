"""Rebuild warta's packaged NER model (lib/warta/models/ner.crfsuite) from labelled CoNLL files.

    .venv/bin/python scripts/train_ner.py \\
        --train ../shared/data/ner/nergrit/train.txt:conll \\
        --train ../shared/data/ner/idner-news-2k/train.txt:conll3

(the two ``--train`` files are the defaults; about 30-80 s on one core, ~3 MB.)

Training data: NERGrit (IndoNLU benchmark, Apache-2.0, Wilie et al., 2020) and IDNer-news-2k
(khairunnisaor/idner-news-2k, MIT). Only the train splits are used; dev/valid are for evaluation.
Features and penalties are chosen by cross-validation on the train files, never on dev/valid:
``--folds 5`` trains on four fifths of every file (a fixed shuffle) five times and prints the
tagger's F1 on the held-out fifths, per file, without writing a model; ``--holdout 0.2`` is the
one-split variant that also writes the model. ``--gazetteer-words`` adds, per word, which types of the
gazetteer's names use it (``tg=`` features): about +0.8 point of 5-fold F1, but it is off for the
packaged model, because it makes unknown given names ("Budiman …") and names after a rank
("Kapolda Metro Jaya Irjen Karyoto") fail the extractor's tests in tests/test_actors.py. The same
data and code give the same model file.
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from warta.evaluate.ner import gold_spans, read_conll, score
from warta.gazetteer import load_gazetteer, tokenize
from warta.tagger import MODEL_PATH, Tagger, gazetteer_labels, join_tokens, token_index, train

DEFAULT_TRAIN = [
    "../shared/data/ner/nergrit/train.txt:conll",
    "../shared/data/ner/idner-news-2k/train.txt:conll3",
]


def split(sentences: list, fraction: float, *, seed: int = 0) -> tuple[list, list]:
    """Shuffle with a fixed seed; return (kept for training, held out)."""
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    cut = int(len(sentences) * fraction)
    return [sentences[k] for k in order[cut:]], [sentences[k] for k in order[:cut]]


def cross_validate(files: dict[str, list], folds: int, out: str, **options) -> dict[str, object]:
    """Score the tagger alone on each train file by ``folds``-fold cross-validation (a fixed shuffle).

    Each fold trains on the other folds of every file and scores the held-out fold per file; the
    counts are summed over folds. This is how the features and penalties are chosen, never on dev/valid.
    """
    shuffled = {path: split(sentences, 1.0)[1] for path, sentences in files.items()}
    counts: dict[str, list[dict]] = {path: [] for path in files}
    for fold in range(folds):
        training = [s for sentences in shuffled.values() for k, s in enumerate(sentences) if k % folds != fold]
        train(training, out, **options)
        model = Tagger(out)
        for path, sentences in shuffled.items():
            counts[path].append(score_tagger(model, [s for k, s in enumerate(sentences) if k % folds == fold])["micro"])
    result = {}
    for path, parts in counts.items():
        tp, gold, pred = (sum(part[key] for part in parts) for key in ("tp", "gold", "pred"))
        precision, recall = tp / pred if pred else 0.0, tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[path] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
    return result


def score_tagger(model: Tagger, sentences: list) -> dict[str, object]:
    """Exact span-and-type scores of the tagger alone on labelled sentences."""
    gazetteer = load_gazetteer(())
    gold, predicted = [], []
    for sentence in sentences:
        text, offsets = join_tokens([token for token, _ in sentence])
        tokens = tokenize(text)
        tags = gazetteer_labels(tokens, gazetteer.find(tokens))
        gold.append(gold_spans([tag for _, tag in sentence]))
        predicted.append({(token_index(offsets, tokens.starts[first]), token_index(offsets, tokens.ends[last - 1] - 1) + 1, type_)
                          for first, last, type_, _ in model.spans(text, tokens, tags)})
    return score(gold, predicted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", action="append", metavar="FILE:FORMAT",
                        help="labelled file and its format, conll or conll3 (repeatable)")
    parser.add_argument("--out", default=str(MODEL_PATH), help="model file to write")
    parser.add_argument("--c1", type=float, default=0.05, help="L1 penalty (larger: smaller model)")
    parser.add_argument("--c2", type=float, default=0.05, help="L2 penalty")
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--gazetteer-words", action="store_true",
                        help="add gazetteer word-class features (which name types use each word)")
    parser.add_argument("--holdout", type=float, default=0.0, metavar="FRACTION",
                        help="hold out this fraction of each train file and score the tagger on it")
    parser.add_argument("--folds", type=int, default=0, metavar="K",
                        help="only cross-validate: K-fold scores of the tagger alone per train file (writes no model)")
    args = parser.parse_args()
    options = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations, "gazetteer_words": args.gazetteer_words}
    sentences, held_out, files = [], {}, {}
    for spec in args.train or DEFAULT_TRAIN:
        path, _, file_format = spec.rpartition(":")
        kept = files[path] = read_conll(path, file_format=file_format)
        if args.holdout:
            kept, held_out[path] = split(kept, args.holdout)
        sentences += kept
    started = time.perf_counter()
    if args.folds:
        with tempfile.TemporaryDirectory() as folder:
            scores = cross_validate(files, args.folds, str(Path(folder) / "fold.crfsuite"), **options)
        print(json.dumps({"folds": args.folds, **options, "f1": scores,
                          "seconds": round(time.perf_counter() - started, 1)}, indent=2))
        return
    result = train(sentences, args.out, **options)
    result["seconds"] = round(time.perf_counter() - started, 1)
    if held_out:
        model = Tagger(args.out)
        result["holdout"] = {path: score_tagger(model, part) for path, part in held_out.items()}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
