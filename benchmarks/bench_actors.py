"""Benchmark actor extraction: articles/s of ``extract_mentions`` on ~3 KB articles, and peak RSS.

    taskset -c 0 .venv/bin/python benchmarks/bench_actors.py [--n 2000] [--mode fast|model|both] [--spacy] [--stages]
        [--cold] [--skeleton] [--pure-python]

Two modes: ``fast`` (``use_model=False``, ``[actors] model = false``: gazetteer and rules) and
``model`` (the CRF tagger on, the default setting). The machine is shared, so the rate that counts
is CPU time (``time.process_time``) on one pinned core (``taskset -c 0``), the best of ``--repeat``
runs; wall-clock rates are printed too. Articles are built from the seed paragraphs (shuffled,
~3 KB each) so the text looks like the news warta reads. The gazetteer is compiled once before
timing, as in a real run; the figure covers tokenising, gazetteer matching, rules, the CRF (model
mode), resolution, sentence ids and the table. ``--spacy`` also times spaCy's EntityRuler with the
same names on the same articles (a blank Indonesian pipeline, phrase patterns, no model) and
prints each mode's speed as a multiple of it. ``--stages`` splits the fast mode's CPU time per
article into tokenising, gazetteer matching, the rules with resolution, and the table with its
sentence ids.

``--cold`` empties the sentence-span cache of :mod:`warta.text` before each timed run. Without it
the second and third runs find the spans of the same bodies cached by the run before (about 70
µs/article less); a corpus larger than the cache, or one the actors read first, gets no such help.
``--pure-python`` runs the pure-Python token loops that stand in for the compiled module
(:mod:`warta._tokens`) where no C compiler built it. ``--skeleton`` times a lower bound for a pure-Python, candidate-driven fast path (see
:func:`skeleton_time`): what such a rewrite of the fast mode could reach at best.
"""
from __future__ import annotations

import argparse
import os
import random
import re
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
    # The loader's language, as the pipeline passes it (the seeds are Indonesian): without it each
    # article's language would be detected again.
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(n)], "status": "ok", "outlet": "", "lang": "id",
                         "body": bodies})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--mode", choices=("fast", "model", "both"), default="both",
                        help="fast: gazetteer and rules; model: with the CRF tagger (default both)")
    parser.add_argument("--no-model", action="store_true", help="same as --mode fast")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per mode; the best counts (default 3)")
    parser.add_argument("--spacy", action="store_true", help="also time spaCy's EntityRuler with the same names")
    parser.add_argument("--stages", action="store_true",
                        help="also print the fast mode's CPU time per article by stage (tokens, gazetteer, rest)")
    parser.add_argument("--cold", action="store_true",
                        help="empty the sentence-span cache before each timed run (no help from the run before)")
    parser.add_argument("--pure-python", action="store_true",
                        help="run the Python token loops instead of the compiled ones (warta._tokens), to compare")
    parser.add_argument("--skeleton", action="store_true",
                        help="also time the lower bound of a candidate-driven fast path (regex runs, no rules)")
    args = parser.parse_args()
    if args.pure_python:
        use_pure_python()
    modes = ["fast"] if args.no_model or args.mode == "fast" else ["model"] if args.mode == "model" else ["fast", "model"]
    articles = make_articles(args.n)
    started = time.perf_counter()
    gazetteer = load_gazetteer()
    compile_s = time.perf_counter() - started
    mean_kb = articles["body"].str.len().mean() / 1000
    print(f"gazetteer names         {gazetteer.n_names:>10,}")
    print(f"gazetteer compile       {compile_s:>10.2f} s")
    print(f"articles                {len(articles):>10,} (mean {mean_kb:.1f} KB)")
    print(f"token loops             {'Python' if args.pure_python else 'compiled' if compiled() else 'Python (not built)':>10}")
    print(f"CPU affinity            {','.join(map(str, sorted(os.sched_getaffinity(0)))):>10} (pin with taskset -c 0)")
    rates = {}
    for mode in modes:
        use_model = mode == "model"
        extract_mentions(articles.head(20), use_model=use_model)  # warm caches (model load)
        best_cpu, best_wall = float("inf"), float("inf")
        for _ in range(max(1, args.repeat)):
            if args.cold:
                clear_text_cache()
            started, cpu_started = time.perf_counter(), time.process_time()
            mentions = extract_mentions(articles, use_model=use_model)
            best_wall = min(best_wall, time.perf_counter() - started)
            best_cpu = min(best_cpu, time.process_time() - cpu_started)
        rates[mode] = len(articles) / best_cpu
        print(f"[{mode}] mentions          {len(mentions):>10,}")
        print(f"[{mode}] articles/s (wall) {len(articles) / best_wall:>10,.0f}")
        print(f"[{mode}] articles/s (CPU)  {rates[mode]:>10,.0f}  (best of {max(1, args.repeat)})")
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS                {peak_mib:>10,.0f} MiB")
    if args.stages:
        for stage, micros in stage_times(articles, gazetteer, max(1, args.repeat)).items():
            print(f"[fast] {stage:<16} {micros:>10,.0f} µs/article (CPU)")
    if args.skeleton:
        micros, runs = skeleton_time(articles, gazetteer, max(1, args.repeat), cold=args.cold)
        print(f"[skeleton] runs          {runs:>10,.1f} capitalised runs/article")
        print(f"[skeleton] lower bound   {micros:>10,.0f} µs/article (CPU) = {1e6 / micros:,.0f} articles/s at best")
    if args.spacy:
        spacy_rate = max(entity_ruler_rate(articles, gazetteer) for _ in range(max(1, args.repeat)))
        print(f"spaCy EntityRuler       {spacy_rate:>10,.0f} articles/s (CPU), same names and articles")
        for mode, rate in rates.items():
            print(f"[{mode}] / EntityRuler     {rate / spacy_rate:>10.1f}x")


def stage_times(articles: pd.DataFrame, gazetteer, repeat: int) -> dict[str, float]:
    """CPU µs per article of the fast mode's stages (best of ``repeat``): where the time goes."""
    from warta import actors
    from warta.gazetteer import tokenize

    bodies = list(articles["body"])
    tokens = [tokenize(body) for body in bodies]
    options = actors.settings()
    work = {
        "tokenize": lambda: [tokenize(body) for body in bodies],
        "gazetteer": lambda: [gazetteer.spans(words) for words in tokens],
        "all passes": lambda: [actors._mention_rows(body, gazetteer, options, False, "") for body in bodies],
        "whole table": lambda: extract_mentions(articles, use_model=False),
    }
    times = {}
    for stage, run in work.items():
        best = float("inf")
        for _ in range(repeat):
            started = time.process_time()
            run()
            best = min(best, time.process_time() - started)
        times[stage] = best * 1e6 / len(bodies)
    return {"tokenize": times["tokenize"], "gazetteer": times["gazetteer"],
            "rules+resolve": times["all passes"] - times["tokenize"] - times["gazetteer"],
            "table+ids": times["whole table"] - times["all passes"], "total": times["whole table"]}


def compiled() -> bool:
    """Whether the compiled token loops (warta._tokens) are in use."""
    from warta import actors, gazetteer

    return None not in (gazetteer._split_ascii, gazetteer._compiled_spans, actors._compiled_runs,
                        actors._compiled_heads, actors._compiled_seed, actors._CompiledCandidate)


def use_pure_python() -> None:
    """Switch this process to the pure-Python token loops and candidates (the fallback without a C compiler)."""
    from warta import actors, gazetteer

    gazetteer._split_ascii = gazetteer._compiled_spans = actors._compiled_runs = None
    actors._compiled_heads = actors._compiled_seed = None
    actors._Candidate = actors._PythonCandidate


def clear_text_cache() -> None:
    """Forget the sentence spans :mod:`warta.text` cached for bodies already split."""
    from warta import text

    text._cached_spans.cache_clear()


# A capitalised word (or one opening with a digit), then more of them across spaces, hyphens,
# slashes, ampersands or an abbreviation's full stop, or a name particle.
_RUN = re.compile(r"[A-Z0-9][A-Za-z0-9_]*(?:(?:[ \-/&]+|\. )(?:[A-Z0-9][A-Za-z0-9_]*|(?:bin|binti|van|de|al|von|el)\b))*")
_LAST_WORD = re.compile(r"(\w+)\W*\Z")
_NEXT_WORD = re.compile(r"[ ,]*(\w+)")


def skeleton_time(articles: pd.DataFrame, gazetteer, repeat: int, *, cold: bool = False) -> tuple[float, float]:
    """CPU µs per article of the least work a pure-Python, candidate-driven fast mode must do
    (best of ``repeat``), and the capitalised runs per article.

    One C-level regex scan finds the capitalised runs (no per-token lists); each run is looked
    up whole in the gazetteer, gets the word before and after it (the context the rules read) and
    a row tuple; sentence ids come by bisect. No rules, roles, resolution, partial matches or
    table: a rewrite along these lines cannot be faster than this, so it bounds what one could
    gain over the token path without compiled code.
    """
    from bisect import bisect_right

    from warta.text import sentence_spans

    index = gazetteer.index
    bodies = list(articles["body"])

    def run(text: str) -> list[tuple]:
        rows = []
        for match in _RUN.finditer(text):
            start, end = match.span()
            surface = match.group()
            found = index.get(tuple(surface.replace("-", " ").lower().split()))
            before = _LAST_WORD.match(text, text.rfind(" ", 0, start - 1) + 1, start)
            after = _NEXT_WORD.match(text, end)
            rows.append((start, end, surface, found, before and before.group(1), after and after.group(1)))
        sentence_starts = [start for start, _ in sentence_spans(text)]
        return [row + (bisect_right(sentence_starts, row[0]) - 1,) for row in rows]

    best, n_runs = float("inf"), 0
    for _ in range(repeat):
        if cold:
            clear_text_cache()
        started = time.process_time()
        n_runs = sum(len(run(body)) for body in bodies)
        best = min(best, time.process_time() - started)
    return best * 1e6 / len(bodies), n_runs / len(bodies)


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
