"""Sentiment speed on one core: articles per second for ~3 KB articles, and peak memory.

    .venv/bin/python benchmarks/bench_sentiment.py [--n 5000] [--repeat 3] [--tables-n 1000]

The articles are the project's synthetic corpus (``warta.synth.generate_corpus``, seed 13: seed
sentences in real outlet layouts, about 3.2 KB of body each), loaded once; loading is not timed.
Times are CPU seconds of this single-threaded process (``time.process_time``), so a busy machine
slows the wall clock but less the figure; the load average and a reference loop's time are printed
beside them, so that rates from different machines can be compared. Figures:

- ``score_text (lexicon)``: the lexicon engine on whole article bodies (cues, modifiers, label,
  probability). Pass 1 includes resolving every new word (Sastrawi stemming); later passes use
  the per-process word cache, as a long run does. The target is 5,000 articles/s.
- ``tables (lexicon)`` and ``tables (default)``: ``score_sentences`` + ``score_articles``, i.e.
  what ``warta analyze`` does, with the lexicon and with the default (hybrid) engine.
- ``score_actors (lexicon)``: the ``sentiment_actors`` table of those articles from the lexicon
  sentence table and the actors stage's mentions and quotes (found beforehand, not timed).
- peak RSS of the process.
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: keep BLAS single-threaded
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import resource
import sys
import tempfile
import time

import pandas as pd


def make_articles(n: int, seed: int = 13) -> pd.DataFrame:
    """The synthetic corpus of ``n`` articles, loaded (rejected rows dropped)."""
    from warta.load import load_corpus
    from warta.synth import generate_corpus

    with tempfile.TemporaryDirectory() as folder:
        generate_corpus(n=n, out=folder, seed=seed)
        articles = load_corpus(folder)
    return articles[articles["status"] != "rejected"].reset_index(drop=True)


def reference_seconds() -> float:
    """CPU time of a fixed pure-Python loop, best of three: how fast this core runs Python now."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        sum(range(10**7))
        best = min(best, time.process_time() - started)
    return best


def rate(label: str, n: int, seconds: float) -> None:
    print(f"{label:<44} {n:>6} articles {seconds:7.2f} CPU s {n / seconds:>8,.0f} articles/s")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tables-n", type=int, default=1000, help="articles for the table benchmarks")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)

    from warta.sentiment import load_engine, score_articles, score_sentences, score_texts

    articles = make_articles(args.n, args.seed)
    bodies = articles["body"].tolist()
    mean_chars = sum(map(len, bodies)) / len(bodies)
    print(f"python {sys.version.split()[0]}, {len(bodies)} articles, mean body {mean_chars:,.0f} characters, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"machine reference: sum(range(10**7)) takes {reference_seconds():.3f} CPU s"
          "; rates scale inversely with it across machines")
    engine = load_engine("lexicon")
    for attempt in range(args.repeat):
        started = time.process_time()
        score_texts(bodies, engine=engine)
        rate(f"score_text (lexicon) pass {attempt + 1}{' (cold)' if attempt == 0 else ''}", len(bodies),
             time.process_time() - started)

    subset = articles.head(args.tables_n)
    for name in ("lexicon", None):
        engine_name = load_engine(name).name
        started = time.process_time()
        table = score_sentences(subset, model=name)
        score_articles(subset, sentences=table, model=name)
        rate(f"tables ({engine_name})", len(subset), time.process_time() - started)
    from warta.actors import extract_mentions_and_quotes
    from warta.sentiment import attach_speakers, score_actors

    mentions, quotes = extract_mentions_and_quotes(subset)
    sentences = attach_speakers(score_sentences(subset, model="lexicon"), quotes)
    started = time.process_time()
    score_actors(subset, mentions=mentions, quotes=quotes, sentences=sentences, model="lexicon")
    rate("score_actors (lexicon)", len(subset), time.process_time() - started)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
