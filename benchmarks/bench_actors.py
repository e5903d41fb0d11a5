"""Benchmark actor extraction: articles/s of ``extract_mentions`` on ~3 KB articles, and peak RSS.

    .venv/bin/python benchmarks/bench_actors.py [--n 2000] [--no-model] [--spacy]

The machine is shared, so both wall-clock and CPU-time rates are printed; the CPU rate is the
one-core figure. Articles are built from the seed paragraphs (shuffled, ~3 KB each) so the text looks like the
news warta reads. The gazetteer is compiled once before timing, as in a real run; the figure
printed covers tokenising, gazetteer matching, rules, the CRF (unless --no-model) and resolution.
``--spacy`` also times spaCy's EntityRuler with the same names on the same articles (a blank
Indonesian pipeline, phrase patterns, no model), for a same-machine comparison.
"""
from __future__ import annotations

import argparse
import random
import resource
import time
from pathlib import Path

import pandas as pd

from warta import config
from warta.actors import extract_mentions
from warta.gazetteer import load_gazetteer


def make_articles(n: int, size: int = 3000, seed: int = 7) -> pd.DataFrame:
    paragraphs = [line.strip() for path in sorted(Path(config.seeds_dir()).glob("*.txt"))
                  for line in path.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 80]
    rng = random.Random(seed)
    bodies = []
    for _ in range(n):
        chosen, length = [], 0
        while length < size:
            paragraph = rng.choice(paragraphs)
            chosen.append(paragraph)
            length += len(paragraph) + 1
        bodies.append("\n".join(chosen)[:size])
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(n)], "status": "ok", "outlet": "", "body": bodies})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--no-model", action="store_true", help="gazetteer and rules only")
    parser.add_argument("--spacy", action="store_true", help="also time spaCy's EntityRuler with the same names")
    args = parser.parse_args()
    articles = make_articles(args.n)
    started = time.perf_counter()
    gazetteer = load_gazetteer()
    compile_s = time.perf_counter() - started
    extract_mentions(articles.head(20), use_model=not args.no_model)  # warm caches (model load)
    started, cpu_started = time.perf_counter(), time.process_time()
    mentions = extract_mentions(articles, use_model=not args.no_model)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mean_kb = articles["body"].str.len().mean() / 1000
    print(f"gazetteer names         {gazetteer.n_names:>10,}")
    print(f"gazetteer compile       {compile_s:>10.2f} s")
    print(f"model                   {'off' if args.no_model else 'on':>10}")
    print(f"articles                {len(articles):>10,} (mean {mean_kb:.1f} KB)")
    print(f"mentions                {len(mentions):>10,}")
    print(f"seconds (wall)          {elapsed:>10.2f}")
    print(f"seconds (CPU)           {cpu:>10.2f}")
    print(f"articles/s (wall)       {len(articles) / elapsed:>10,.0f}")
    print(f"articles/s (CPU)        {len(articles) / cpu:>10,.0f}")
    print(f"peak RSS                {peak_mib:>10,.0f} MiB")
    if args.spacy:
        spacy_rate = entity_ruler_rate(articles, gazetteer)
        print(f"spaCy EntityRuler       {spacy_rate:>10,.0f} articles/s (CPU), same names and articles")


def entity_ruler_rate(articles: pd.DataFrame, gazetteer) -> float:
    """Articles per CPU second of spaCy's EntityRuler holding the gazetteer's aliases."""
    import spacy

    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns([{"label": entry.type, "pattern": alias} for entry, alias, _ in gazetteer.index.values()])
    bodies = list(articles["body"])
    started = time.process_time()
    for _ in nlp.pipe(bodies, batch_size=64):
        pass
    return len(bodies) / (time.process_time() - started)


if __name__ == "__main__":
    main()
