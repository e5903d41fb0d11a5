"""Rebuild warta's packaged NER model (lib/warta/models/ner.crfsuite) from labelled CoNLL files.

    .venv/bin/python scripts/train_ner.py \
        --train ../shared/data/ner/nergrit/train.txt:conll \
        --train ../shared/data/ner/idner-news-2k/train.txt:conll3

Training data: NERGrit (IndoNLU benchmark, Apache-2.0, Wilie et al., 2020) and IDNer-news-2k
(khairunnisaor/idner-news-2k, MIT). Only the train splits are used; dev/valid are for evaluation.
"""
from __future__ import annotations

import argparse
import json
import time

from warta.evaluate.ner import read_conll
from warta.tagger import MODEL_PATH, train

DEFAULT_TRAIN = [
    "../shared/data/ner/nergrit/train.txt:conll",
    "../shared/data/ner/idner-news-2k/train.txt:conll3",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", action="append", metavar="FILE:FORMAT",
                        help="labelled file and its format, conll or conll3 (repeatable)")
    parser.add_argument("--out", default=str(MODEL_PATH), help="model file to write")
    parser.add_argument("--c1", type=float, default=0.05, help="L1 penalty (larger: smaller model)")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    parser.add_argument("--iterations", type=int, default=150)
    args = parser.parse_args()
    sentences = []
    for spec in args.train or DEFAULT_TRAIN:
        path, _, file_format = spec.rpartition(":")
        sentences += read_conll(path, file_format=file_format)
    started = time.perf_counter()
    result = train(sentences, args.out, c1=args.c1, c2=args.c2, max_iterations=args.iterations)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
