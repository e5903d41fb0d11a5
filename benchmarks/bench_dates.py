"""Time date, outlet and citation detection on the seed articles and print the figures.

Usage: ``.venv/bin/python benchmarks/bench_dates.py [--repeat 2000]``

Each seed file is split into a header (the lines before the first long paragraph) and a body,
as the loader does, and the seeds are cycled ``--repeat`` times. Prints, per step, the wall time
on one core (CPU time), articles/s, microseconds per article and, for ``find_date_mentions``, mentions/s.
The loader's target is 3,000 articles/s for everything together (333 µs per article), so this
share should stay well under 100 µs.
"""
from __future__ import annotations

import argparse
import time

from warta.config import seeds_dir
from warta.dates import find_date_mentions, find_published
from warta.sources import detect_outlet, find_cited_sources


def seed_articles() -> list[tuple[str, str, str]]:
    """Return ``(text, header, body)`` for each seed file."""
    articles = []
    for path in sorted(seeds_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        first_long = next((i for i, line in enumerate(lines) if len(line) > 200), 0)
        articles.append((text, "\n".join(lines[:first_long]), "\n".join(lines[first_long:])))
    return articles


def timed(label: str, n_articles: int, job) -> int:
    """Run ``job`` and print its rates from CPU time (wall time is shown too: on a busy machine
    it includes waiting for a core)."""
    wall, cpu = time.perf_counter(), time.process_time()
    count = job()
    wall, seconds = time.perf_counter() - wall, time.process_time() - cpu
    extra = f" {count / seconds:10,.0f} mentions/s" if count else ""
    print(f"{label:<30} {seconds:7.3f} s CPU ({wall:6.3f} s wall) {n_articles / seconds:9,.0f} articles/s "
          f"{seconds / n_articles * 1e6:7.1f} µs/article{extra}", flush=True)
    return count


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2000, help="copies of the five seeds (default: 2000)")
    args = parser.parse_args(argv)
    articles = seed_articles() * args.repeat
    n = len(articles)
    size = sum(len(text) for text, _, _ in articles) / n
    print(f"{n:,} articles, {size:,.0f} characters each on average")
    detect_outlet(articles[0][0])  # read the registry once, outside the timings

    timed("find_date_mentions(body)", n, lambda: sum(len(find_date_mentions(body)) for _, _, body in articles))
    timed("find_published(header, body)", n, lambda: [find_published(header, body) for _, header, body in articles] and 0)
    timed("detect_outlet(text)", n, lambda: [detect_outlet(text) for text, _, _ in articles] and 0)
    timed("find_cited_sources(body)", n, lambda: [find_cited_sources(body) for _, _, body in articles] and 0)

    def everything() -> int:
        for text, header, body in articles:
            find_published(header, body)
            detect_outlet(text)
            find_cited_sources(body)
        return 0

    timed("published + outlet + cited", n, everything)


if __name__ == "__main__":
    main()
