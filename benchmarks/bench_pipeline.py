"""Engine overhead: what the pipeline itself costs, with stand-in stages that do almost nothing.

    .venv/bin/python benchmarks/bench_pipeline.py --n 1000000 --engine dask

``warta bench`` times the real stages; this script isolates the engine around them — listing
and hashing the files, cutting partitions, running them on pandas or Dask, writing the Parquet
parts, re-running after 1% new files, and (up to 200,000 articles) reading the tables back — by
swapping the loader and the stages for trivial ones (read the bytes; one row per article). The
corpus is the one ``warta bench`` uses (``.warta-cache/bench/corpus-<n>-s13``, written once).
Prints wall seconds, articles/s and peak RSS of this process and its children, and the engine's
CPU per article (this process and the Dask workers, planning included, the stand-in stages' own
calls excluded): the figure to keep at or under ~100 µs/article.
"""
from __future__ import annotations

import argparse
import hashlib
import shutil
import tempfile
import time
from pathlib import Path

import pandas as pd

from warta import bench, config, pipeline


def read_files(paths):
    rows = []
    for path in paths:
        body = Path(path).read_bytes().decode("utf-8", "replace")
        rows.append({"article_id": hashlib.blake2b(body.encode(), digest_size=8).hexdigest(), "path": path,
                     "status": "ok", "flags": [], "body": body})
    return pd.DataFrame(rows)


def count_chars(articles, **options):
    return {"lengths": pd.DataFrame({"article_id": articles["article_id"], "chars": articles["body"].str.len()})}


LOADER = pipeline.Stage("load", ("articles",), read_files)
STAGES = (pipeline.Stage("lengths", ("lengths",), count_chars),)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles (default: 100000)")
    parser.add_argument("--engine", choices=["pandas", "dask"], default="dask")
    args = parser.parse_args()
    seed = config.section("bench")["seed"]
    root = config.cache_dir() / "bench"
    rows = [*bench._ensure_corpus(root / f"corpus-{args.n}-s{seed}", args.n, seed, label=args.n),
            *bench._ensure_corpus(root / f"grown-{args.n}-s{seed}", max(1, args.n // 100), seed + 1,
                                  label=args.n, step="synth +1%")]
    corpus, grown = root / f"corpus-{args.n}-s{seed}", root / f"grown-{args.n}-s{seed}"
    store = Path(tempfile.mkdtemp(prefix="engine-", dir=root))
    fingerprints = {"load": "stand-in", "lengths": "stand-in"}
    try:
        for step, source in (("cold run", corpus), ("rerun +1%", [corpus, grown])):
            with bench.peak_rss() as peak:
                started, cpu_started = time.perf_counter(), time.process_time()
                plan = pipeline.make_plan(source, store_root=store, loader=LOADER, stages=STAGES,
                                          fingerprints=fingerprints)
                planned = time.process_time() - cpu_started
                stats = pipeline.execute(plan, engine=args.engine, loader=LOADER, stages=STAGES, progress=False)
                seconds = time.perf_counter() - started
            engine_cpu = planned + stats["engine_cpu_seconds"]
            rows.append(bench._row(args.n, step, stats["processed_files"], seconds, peak.mb,
                                   f"{stats['engine']}; engine CPU {engine_cpu:.2f} s = "
                                   f"{engine_cpu / max(len(plan.manifest), 1) * 1e6:,.0f} µs/article "
                                   f"(planning {planned:.2f} s); stand-in stages {sum(stats['cpu_seconds'].values()):.2f} s"))
        if args.n <= config.section("bench")["full_max"]:
            with bench.peak_rss() as peak:
                started, cpu_started = time.perf_counter(), time.process_time()
                tables = pipeline.collect(plan, loader=LOADER, stages=STAGES)
                seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            rows.append(bench._row(args.n, "collect", len(tables["articles"]), seconds, peak.mb,
                                   f"articles + lengths; CPU {cpu:.2f} s"))
    finally:
        shutil.rmtree(store, ignore_errors=True)
    print(bench.format_table(rows))


if __name__ == "__main__":
    main()
