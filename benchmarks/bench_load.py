"""Benchmark warta.load_corpus on a synthetic corpus of ~3 KB .txt articles built from the seeds.

Prints articles/s for the whole loader (read, clean, outlet, dates, language, duplicates) by
wall clock and by the process's CPU time (the fairer figure on a shared machine), the CPU time of
each step measured on a sample, and peak RSS. Run on one core:

    taskset -c 0 .venv/bin/python benchmarks/bench_load.py --n 5000
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from warta import config, dates, sources
from warta.clean import clean_article
from warta.language import detect_language
from warta.load import decode_bytes, load_corpus


def build_corpus(folder: Path, n: int, size: int, seed: int = 13) -> int:
    """Write ``n`` articles of about ``size`` bytes: each seed's header, then its paragraphs and
    paragraphs of the others, shuffled, so that every body differs. Returns the bytes written."""
    rng = random.Random(seed)
    raws = [p.read_text(encoding="utf-8") for p in sorted(config.seeds_dir().glob("*.txt"))]
    paragraphs = [line for raw in raws for line in raw.split("\n") if len(line) > 200]
    written = 0
    for i in range(n):
        raw = raws[i % len(raws)]
        head, body = raw[: size // 2], [f"Laporan nomor {i} dari meja redaksi pada pekan ini."]
        while len(head) + sum(map(len, body)) < size:
            body.append(rng.choice(paragraphs))
        text = head + "\n" + "\n".join(body)
        path = folder / f"{i // 1000:03d}" / f"{i:06d}.txt"
        path.parent.mkdir(exist_ok=True)
        written += path.write_text(text, encoding="utf-8")
    return written


def step_shares(files: list[Path]) -> dict[str, float]:
    """CPU seconds per article for each loader step, on a sample of files."""
    timings = dict.fromkeys(["read+decode", "clean", "outlet", "cited", "dates", "language"], 0.0)
    for path in files:
        t0 = time.process_time()
        text, _ = decode_bytes(path.read_bytes())
        t1 = time.process_time()
        article = clean_article(text)
        t2 = time.process_time()
        sources.detect_outlet(article.header + "\n" + article.body.split("\n", 1)[0], url=None)
        t3 = time.process_time()
        sources.find_cited_sources(article.body)
        t4 = time.process_time()
        dates.find_published(article.header, article.body)
        t5 = time.process_time()
        detect_language(article.body[:2000])
        t6 = time.process_time()
        for key, seconds in zip(timings, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5)):
            timings[key] += seconds / len(files)
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=5000, help="articles (default: 5000)")
    parser.add_argument("--size", type=int, default=3000, help="bytes per article (default: 3000)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="warta-bench-") as folder:
        corpus = Path(folder)
        written = build_corpus(corpus, args.n, args.size)
        load_corpus(sorted(corpus.rglob("*.txt"))[:50], progress=False)  # warm caches and imports
        start, cpu_start = time.perf_counter(), time.process_time()
        table = load_corpus(corpus, progress=False)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        shares = step_shares(sorted(corpus.rglob("*.txt"))[:500])
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles            {len(table)} ({written / len(table):.0f} bytes each)")
    print(f"status              {table['status'].value_counts().to_dict()}")
    print(f"load_corpus wall    {seconds:.2f} s = {len(table) / seconds:,.0f} articles/s")
    print(f"load_corpus CPU     {cpu:.2f} s = {len(table) / cpu:,.0f} articles/s")
    for step, per_article in shares.items():
        print(f"  {step:<17} {per_article * 1e6:7.0f} µs/article (CPU)")
    print(f"peak RSS            {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
