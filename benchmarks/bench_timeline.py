"""Benchmark story clustering: wall time, articles/s, peak memory and quality on a synthetic corpus.

    .venv/bin/python benchmarks/bench_timeline.py --n 100000

The corpus is generated in memory with a fixed seed: stories of 1 to 40 articles, each story with
its own names (people, places, organisations) and date, written from a shared Indonesian-like
vocabulary so that unrelated articles share common words; about 15% of the articles are
near-copies of another article of their story (a few words changed, a sentence added). The
figures printed are measured on this machine; quality compares the clusters with the known
stories (pairwise precision/recall and adjusted Rand index).
"""
from __future__ import annotations

import argparse
import resource
import threading
import time

import numpy as np
import pandas as pd
import psutil

SYLLABLES = ("ka ma ra sa ta na la pa ga ba da ja wa ya ke me re se te ne le pe ge be de ki mi ri si ti ni li "
             "pi gi bi di ko mo ro so to no lo po go bo do ku mu ru su tu nu lu pu gu bu du an in un ang ing "
             "ung ar ir ur").split()


def _words(rng: np.random.Generator, count: int, syllables: tuple[int, int]) -> np.ndarray:
    parts = np.asarray(SYLLABLES)
    lengths = rng.integers(syllables[0], syllables[1] + 1, size=count)
    return np.array(["".join(rng.choice(parts, size=length)) for length in lengths])


def synthetic_articles(n: int, *, seed: int = 7) -> tuple[pd.DataFrame, np.ndarray]:
    """``n`` articles and the true story of each (sentences built for the whole corpus at once)."""
    rng = np.random.default_rng(seed)
    common = list(_words(rng, 3000, (2, 4)))
    frequent = ["Indonesia", "Jakarta", "Presiden", "Pemerintah", "DPR", "Polri", "Menteri"]
    capital = [word.capitalize() for word in _words(rng, max(200, n // 2), (2, 3))]
    sizes = np.minimum(rng.geometric(1 / 8, size=n), 40)
    sizes = sizes[np.cumsum(sizes) <= n]
    sizes = np.append(sizes, n - sizes.sum()) if sizes.sum() < n else sizes
    truth = np.repeat(np.arange(len(sizes)), sizes)
    stories = len(sizes)
    story_names = rng.integers(0, len(capital), size=(stories, 8))
    # Vocabulary: common words, the same capitalised (sentence starts), names, frequent names.
    vocabulary = common + [word.capitalize() for word in common] + capital + frequent
    cap_offset, name_offset, frequent_offset = len(common), 2 * len(common), 2 * len(common) + len(capital)

    per_article = rng.integers(12, 22, size=n)
    sentence_story = np.repeat(truth, per_article)
    words = rng.integers(0, len(common), size=(len(sentence_story), 14))
    words[:, 0] += cap_offset
    slots = np.arange(len(sentence_story))
    for column in rng.choice(np.arange(1, 14), size=2, replace=False):
        words[slots, column] = name_offset + story_names[sentence_story, rng.integers(0, 8, size=len(slots))]
    busy = rng.random(len(slots)) < 0.3
    words[busy, 7] = frequent_offset + rng.integers(0, len(frequent), size=int(busy.sum()))
    words[:, -1] += len(vocabulary)  # the last word carries the full stop
    vocabulary = np.array(vocabulary + [word + "." for word in vocabulary], dtype=object)
    sentences = list(map(" ".join, vocabulary[words].tolist()))
    bounds = np.concatenate([[0], np.cumsum(per_article)])
    bodies = [" ".join(sentences[bounds[k]:bounds[k + 1]]) for k in range(n)]
    title_words = rng.integers(0, len(common), size=(n, 4)).tolist()
    titles = [" ".join([capital[k] for k in story_names[story, :2]] + [common[k] for k in extra])
              for story, extra in zip(truth, title_words)]
    # About 15% of the articles are near-copies of the previous article of their story.
    for index in np.flatnonzero((rng.random(n) < 0.15) & np.r_[False, truth[1:] == truth[:-1]]):
        copied = bodies[index - 1].split()
        for position in rng.integers(0, len(copied), size=max(1, len(copied) // 30)):
            copied[position] = common[int(rng.integers(0, len(common)))]
        bodies[index] = " ".join(copied + [common[k] for k in rng.integers(0, len(common), size=12)]) + "."
        titles[index] = titles[index - 1]
    story_day = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 365, size=stories), unit="D")
    moments = story_day[truth] + pd.to_timedelta(rng.integers(0, 3 * 24 * 60, size=n), unit="min")
    articles = pd.DataFrame({
        "article_id": [f"{index:012x}" for index in range(n)],
        "outlet": rng.choice([f"Outlet {k}" for k in range(60)], size=n),
        "title": titles,
        "body": bodies,
        "published": moments.strftime("%Y-%m-%dT%H:%M:00+07:00"),
        "date_precision": "minute",
        "status": "ok",
    })
    return articles, truth


class PeakMemory:
    """Samples the resident set size every 20 ms in a thread; ``peak`` in MiB."""

    def __init__(self, process: psutil.Process) -> None:
        self.process, self.peak, self._done = process, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, self.process.memory_info().rss / 2**20)
            self._done.wait(0.02)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join()
        self.peak = max(self.peak, self.process.memory_info().rss / 2**20)


def pair_scores(truth: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Pairwise precision and recall of ``labels`` against ``truth`` (counted, not enumerated)."""
    def pairs(counts: np.ndarray) -> float:
        return float((counts * (counts - 1) // 2).sum())

    joint = pd.Series(1, index=pd.MultiIndex.from_arrays([truth, labels])).groupby(level=[0, 1]).size().to_numpy()
    together = pairs(joint)
    predicted = pairs(np.bincount(pd.factorize(labels)[0]))
    actual = pairs(np.bincount(truth))
    return together / max(predicted, 1.0), together / max(actual, 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of articles (default: 100000)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from sklearn.metrics import adjusted_rand_score

    from warta import timeline

    begin = time.perf_counter()
    articles, truth = synthetic_articles(args.n, seed=args.seed)
    generated = time.perf_counter() - begin
    process = psutil.Process()
    before = process.memory_info().rss / 2**20
    with PeakMemory(process) as memory:
        begin = time.perf_counter()
        table = timeline.cluster_stories(articles)
        elapsed = time.perf_counter() - begin
    labels = table.set_index("article_id").loc[articles["article_id"], "story_id"].to_numpy()
    precision, recall = pair_scores(truth, labels)
    print(f"corpus: {args.n:,} articles, {len(np.unique(truth)):,} true stories, "
          f"{articles['body'].str.len().mean():,.0f} chars/article (generated in {generated:.1f} s)")
    print(f"cluster_stories: {elapsed:.1f} s, {args.n / elapsed:,.0f} articles/s")
    print(f"peak RSS while clustering: {memory.peak:,.0f} MiB (before: {before:,.0f} MiB with the corpus in memory; "
          f"process peak incl. generation: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB)")
    print(f"stories found: {table['story_id'].nunique():,}; pair precision {precision:.3f}, "
          f"pair recall {recall:.3f}, adjusted Rand {adjusted_rand_score(truth, labels):.3f}")


if __name__ == "__main__":
    main()
