"""Time co-occurrence counting on a synthetic mentions table and print the figures.

Usage: ``.venv/bin/python benchmarks/bench_cooccurrence.py [--mentions 1000000] [--actors 5000]``

Mentions are drawn like news: articles of ~10 mentions over ~20 sentences, actors picked with a
Zipf-like skew (a few very frequent names, a long tail). Prints one line per step with wall and
CPU time (CPU time is the steadier figure on a shared machine), throughput in mentions per second
of wall time, output rows and the process's peak resident memory.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time

import numpy as np
import pandas as pd

from warta.cooccurrence import actor_summary, compare_outlets, cooccurrence, cooccurrence_graph, pair_windows

TYPES = np.array(["PER", "ORG", "LOC"])


def synthetic_mentions(n_mentions: int, n_actors: int, *, per_article: int = 10, seed: int = 13) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n_articles = max(1, n_mentions // per_article)
    article = np.sort(rng.integers(0, n_articles, n_mentions))
    weights = 1.0 / np.arange(1, n_actors + 1) ** 1.1
    actor = rng.choice(n_actors, size=n_mentions, p=weights / weights.sum())
    ids = np.array([f"{TYPES[i % 3].lower()}:actor-{i:05d}" for i in range(n_actors)], dtype=object)
    return pd.DataFrame({
        "article_id": pd.array([f"art{i:08d}" for i in article], dtype="string"),
        "sentence_id": rng.integers(0, 20, n_mentions),
        "actor_id": pd.array(ids[actor], dtype="string"),
        "name": pd.array([f"Actor {i}" for i in actor], dtype="string"),
        "type": pd.array(TYPES[actor % 3], dtype="string"),
    })


def synthetic_articles(mentions: pd.DataFrame, *, n_outlets: int = 40) -> pd.DataFrame:
    ids = mentions["article_id"].drop_duplicates().reset_index(drop=True)
    return pd.DataFrame({"article_id": ids, "outlet": [f"outlet{i % n_outlets}.id" for i in range(len(ids))]})


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def timed(label: str, n_mentions: int, job) -> object:
    started, cpu_started = time.perf_counter(), time.process_time()
    result = job()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    rows = result.number_of_edges() if hasattr(result, "number_of_edges") else len(getattr(result, "rows", result))
    print(f"{label:<34} {seconds:7.2f} s wall {cpu:7.2f} s CPU {n_mentions / seconds:11,.0f} mentions/s "
          f"{rows:9,d} rows   peak RSS {peak_rss_mib():6,.0f} MiB", flush=True)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)

    mentions = synthetic_mentions(args.mentions, args.actors, seed=args.seed)
    articles = synthetic_articles(mentions)
    n = len(mentions)
    print(f"{n:,} mentions, {articles.shape[0]:,} articles, {mentions['actor_id'].nunique():,} actors; "
          f"peak RSS before {peak_rss_mib():,.0f} MiB")
    sentence_pairs = timed("cooccurrence(window='sentence')", n, lambda: cooccurrence(mentions))
    timed("cooccurrence(window='article')", n, lambda: cooccurrence(mentions, window="article"))
    timed("cooccurrence(types=['PER'], min=5)", n, lambda: cooccurrence(mentions, types=["PER"], min_count=5))
    timed("compare_outlets(top_n=20)", n, lambda: compare_outlets(mentions, articles, top_n=20))
    windows = timed("pair_windows(window='sentence')", n, lambda: pair_windows(mentions))
    timed("cooccurrence(windows=...)", n, lambda: cooccurrence(mentions, windows=windows))
    timed("compare_outlets(windows=...)", n, lambda: compare_outlets(mentions, articles, top_n=20, windows=windows))
    timed("actor_summary", n, lambda: actor_summary(mentions))
    top = sentence_pairs.head(200)
    timed("cooccurrence_graph(top 200 pairs)", n, lambda: cooccurrence_graph(top, mentions))


if __name__ == "__main__":
    main()
