"""Benchmark the whole-batch analyses on real per-article tables: CPU seconds and peak RSS.

    # once: enrich a corpus into a cache and save its per-article tables (pickles keep list cells)
    .venv/bin/python benchmarks/bench_analyses.py --dump DIR --corpus .warta-cache/bench/corpus-100000-s13
    # then, one analysis per process (pin it to a core for the per-core figure)
    taskset -c 0 .venv/bin/python benchmarks/bench_analyses.py --tables DIR --analysis sentiment_actors

``--dump`` runs ``warta.pipeline.analyze`` on the corpus (warm cache: only the read-back) and
writes each per-article table as ``DIR/<table>.pkl``. ``--analysis`` loads only the tables that
analysis reads and prints its CPU seconds, wall seconds and the process's peak RSS (with the RSS
after loading the tables beside it, since the tables alone are several GB at 100k articles).
``stories`` also saves its table, which ``propagation`` reads.
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import pandas as pd

NEEDS = {
    "cooccurrence": ["mentions"],
    "sentiment_actors": ["articles", "mentions", "quotes", "sentiment_sentences", "stance_words"],
    "stories": ["articles", "mentions"],
    "propagation": ["articles", "quotes", "stories"],
    "copies": ["articles"],
    "headline_actors": ["articles", "mentions"],
}


def _peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def dump(corpus: str, folder: Path) -> None:
    from warta.pipeline import analyze

    started = time.perf_counter()
    tables = analyze(corpus)
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("articles", "mentions", "quotes", "sentiment_sentences", "stance_words", "sentiment_articles", "events"):
        tables[name].to_pickle(folder / f"{name}.pkl")
        print(f"{name}: {len(tables[name]):,} rows")
    print(f"dump: {time.perf_counter() - started:.1f} s wall, peak RSS {_peak_mb():,} MB")


def run(folder: Path, name: str) -> None:
    tables = {table: pd.read_pickle(folder / f"{table}.pkl") for table in NEEDS[name]}
    articles = tables.get("articles")
    if articles is not None:
        articles = articles[articles["status"] != "rejected"]
    loaded = _peak_mb()
    cpu, wall = time.process_time(), time.perf_counter()
    if name == "cooccurrence":
        from warta import cooccurrence

        result = cooccurrence.cooccurrence(tables["mentions"])
    elif name == "sentiment_actors":
        from warta import sentiment

        result = sentiment.score_actors(articles, mentions=tables["mentions"], quotes=tables["quotes"],
                                        sentences=tables["sentiment_sentences"], stances=tables["stance_words"])
    elif name == "stories":
        from warta import timeline

        result = timeline.cluster_stories(articles, mentions=tables["mentions"])
    elif name == "headline_actors":
        from warta import actors

        result = actors.headline_actors(articles, tables["mentions"])
    elif name == "propagation":
        from warta import timeline

        result = timeline.trace_propagation(articles, stories=tables["stories"], quotes=tables["quotes"])
    else:
        from warta import stories

        result = stories.find_copies(articles)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    if name == "stories":
        result.to_pickle(folder / "stories.pkl")
    n = len(articles) if articles is not None else len(tables["mentions"])
    print(f"{name}: {len(result):,} rows from {n:,} {'articles' if articles is not None else 'mentions'}; "
          f"{cpu:.2f} s CPU, {wall:.2f} s wall; peak RSS {_peak_mb():,} MB (tables loaded: {loaded:,} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="write the per-article tables of --corpus into this folder")
    parser.add_argument("--corpus", help="corpus for --dump")
    parser.add_argument("--tables", type=Path, help="folder written by --dump")
    parser.add_argument("--analysis", choices=sorted(NEEDS), help="the analysis to time")
    args = parser.parse_args()
    if args.dump:
        if not args.corpus:
            parser.error("--dump needs --corpus")
        dump(args.corpus, args.dump)
    elif args.tables and args.analysis:
        run(args.tables, args.analysis)
    else:
        parser.error("give --dump DIR --corpus PATH, or --tables DIR --analysis NAME")


if __name__ == "__main__":
    main()
