"""Benchmark warta.load_corpus on a synthetic corpus of ~3 KB .txt articles built from the seeds.

Prints articles/s for the whole loader (read, decode, clean, outlet, cited sources, dates,
language, duplicates, the table) by the process's CPU time (the fairer figure on a shared machine;
best and median of ``--repeat`` loads) and by wall clock, the CPU time of each step run alone over
a sample, the machine's load average (other processes slow even a pinned one) and peak RSS. Run
on one core:

    taskset -c 0 .venv/bin/python benchmarks/bench_load.py --n 5000
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
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


def step_costs(files: list[Path], repeat: int) -> dict[str, float]:
    """CPU seconds per article of each loader step, each step run over the whole sample in turn
    (best of ``repeat``), with the inputs the loader gives it."""
    datas = [path.read_bytes() for path in files]
    texts = [decode_bytes(data)[0] for data in datas]
    articles = [clean_article(text) for text in texts]
    cited_texts = ["\n".join([a.title, a.body, *a.captions, *a.credits]) for a in articles]
    steps = {
        "read": (lambda path: path.read_bytes(), files),
        "decode": (decode_bytes, datas),
        "clean": (clean_article, texts),
        "outlet": (lambda a: sources.detect_outlet(a.header + "\n" + a.body.split("\n", 1)[0]), articles),
        "cited": (lambda text: sources.find_cited_sources(text, outlet="Kompas.com"), cited_texts),
        "dates": (lambda a: dates.find_published(a.header, a.body), articles),
        "language": (lambda a: detect_language(a.body[:2000]), articles),
    }
    costs = {}
    for step, (function, inputs) in steps.items():
        best = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            for item in inputs:
                function(item)
            best = min(best, time.process_time() - start)
        costs[step] = best / len(inputs)
    return costs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=5000, help="articles (default: 5000)")
    parser.add_argument("--size", type=int, default=3000, help="bytes per article (default: 3000)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed loads; the best counts, as other processes on a shared machine only slow it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="warta-bench-") as folder:
        corpus = Path(folder)
        written = build_corpus(corpus, args.n, args.size)
        load_corpus(sorted(corpus.rglob("*.txt"))[:50], progress=False)  # warm caches and imports
        runs = []
        for _ in range(max(1, args.repeat)):
            start, cpu_start = time.perf_counter(), time.process_time()
            table = load_corpus(corpus, progress=False)
            runs.append((time.process_time() - cpu_start, time.perf_counter() - start))
        costs = step_costs(sorted(corpus.rglob("*.txt"))[:500], args.repeat)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu, seconds = min(runs)
    median_cpu = statistics.median(run[0] for run in runs)
    print(f"articles            {len(table)} ({written / len(table):.0f} bytes each)")
    print(f"status              {table['status'].value_counts().to_dict()}")
    print(f"load average        {' '.join(f'{load:.1f}' for load in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(f"load_corpus CPU     best {cpu:.2f} s = {len(table) / cpu:,.0f} articles/s, "
          f"median {len(table) / median_cpu:,.0f} articles/s ({len(runs)} runs)")
    print(f"load_corpus wall    {seconds:.2f} s = {len(table) / seconds:,.0f} articles/s (best CPU run)")
    print("steps, each alone over 500 articles (CPU, best run):")
    for step, per_article in costs.items():
        print(f"  {step:<17} {per_article * 1e6:7.1f} µs/article")
    total = sum(costs.values())
    print(f"  {'sum':<17} {total * 1e6:7.1f} µs/article = {1 / total:,.0f} articles/s")
    # What load_corpus spends beyond the steps: files, rows, ids, flags, duplicates, the table, and
    # the caches the steps lose to each other (the loader runs them stage by stage over chunks).
    print(f"  {'rest of loading':<17} {(cpu / len(table) - total) * 1e6:7.1f} µs/article (best load − sum)")
    print(f"peak RSS            {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
