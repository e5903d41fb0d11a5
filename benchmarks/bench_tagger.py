"""Benchmark the CRF name tagger alone: tokens/s of feature extraction and of tagging.

    .venv/bin/python benchmarks/bench_tagger.py [--repeat 3] [FILE:FORMAT ...]

Sentences come from labelled CoNLL files (default: the dev splits under ``../shared/data/ner/``;
only their tokens are used). Tokenising and gazetteer matching happen before the clock starts,
as in :func:`warta.actors.extract_actors`, which hands the tagger both. The tagger builds only
the features its model has weights for (the count per token is printed). The first pass starts
with an empty per-word feature cache (``cold``); later passes find it filled (``warm``), as
a long run over a corpus does. Rates are tokens per CPU second: the one-core figure on a
shared machine.
"""
from __future__ import annotations

import argparse
import time

from warta import tagger
from warta.evaluate.ner import read_conll
from warta.gazetteer import load_gazetteer, tokenize

DEFAULT_FILES = ["../shared/data/ner/nergrit/valid.txt:conll", "../shared/data/ner/idner-news-2k/dev.txt:conll3"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", metavar="FILE:FORMAT", default=DEFAULT_FILES)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    gazetteer = load_gazetteer(())
    sentences = []
    for spec in args.files:
        path, _, file_format = spec.rpartition(":")
        for sentence in read_conll(path, file_format=file_format):
            text, _ = tagger.join_tokens([token for token, _ in sentence])
            tokens = tokenize(text)
            if tokens:
                sentences.append((text, tokens, tagger.gazetteer_labels(tokens, gazetteer.find(tokens))))
    n_tokens = sum(len(tokens) for _, tokens, _ in sentences)
    model = tagger.load_tagger()
    print(f"{len(sentences)} sentences, {n_tokens} tokens")
    every = tagger.Features(gazetteer_words=False)  # as the packaged model was trained
    sent = sum(len(f) for s in sentences for f in model.features(*s))
    built = sum(len(f) for s in sentences for f in every(*s))
    print(f"features per token: {built / n_tokens:.1f} built for training, {sent / n_tokens:.1f} sent to the model "
          f"(those it has weights for)")
    model.spans(*sentences[0])  # imports and lexicons load once, before the clock
    model.features.clear()
    for run in range(args.repeat):
        cpu = time.process_time()
        for text, tokens, tags in sentences:
            model.spans(text, tokens, tags)
        spans_cpu = time.process_time() - cpu
        cpu = time.process_time()
        for text, tokens, tags in sentences:
            model.features(text, tokens, tags)
        features_cpu = time.process_time() - cpu
        print(f"{'cold' if run == 0 else 'warm'}: tagging (features + CRF + confidences) "
              f"{n_tokens / spans_cpu:,.0f} tokens/s; features alone (cache filled) {n_tokens / features_cpu:,.0f} tokens/s")

if __name__ == "__main__":
    main()
