"""Compare the mentions and quotes tables of the actor extractor with a stored reference run.

    .venv/bin/python benchmarks/compare_actors.py save    [--ref DIR]   # before a change
    .venv/bin/python benchmarks/compare_actors.py compare [--ref DIR]   # after it: exit 1 on a difference

A speed change to ``warta.actors`` / ``warta.gazetteer`` / ``warta.text`` must leave the tables
as they were. The corpora: the seeds (through the loader), the benchmark's synthetic articles
(``bench_actors.make_articles``, 1,000 of ~3 KB and 300 of ~1.5 KB with another seed) and the NER
dev splits under ``../shared/data/ner/`` read as articles of three sentences each (skipped when
the data is absent); each in the fast mode and with the tagger. The reference is written outside
the repository (default ``benchmarks/results/actors_reference``, ignored by git). A difference
prints the rows that are in one table only. The tagger's model is not ours to freeze: run
``save`` and ``compare`` against the same ``models/ner.crfsuite``.
"""
from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path
from typing import Iterator

import pandas as pd
from pandas.testing import assert_frame_equal

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_actors import make_articles  # noqa: E402

from warta import config  # noqa: E402
from warta.actors import extract_mentions, extract_quotes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NER_DEV = {"idner": (ROOT.parent / "shared/data/ner/idner-news-2k/dev.txt", "conll3"),
           "nergrit": (ROOT.parent / "shared/data/ner/nergrit/valid.txt", "conll")}


def corpora() -> Iterator[tuple[str, pd.DataFrame]]:
    """``(name, articles)`` of every corpus compared."""
    from warta.evaluate.ner import read_conll
    from warta.load import load_corpus
    from warta.tagger import join_tokens

    yield "seeds", load_corpus(config.seeds_dir())
    yield "bench", make_articles(1000)
    yield "bench_small", make_articles(300, size=1500, seed=11)
    for name, (path, file_format) in NER_DEV.items():
        if not path.exists():
            print(f"skipped {name}: {path} not found")
            continue
        texts = [join_tokens([token for token, _ in sentence])[0]
                 for sentence in read_conll(path, file_format=file_format)]
        # Three sentences per article, so that resolution across sentences is exercised too.
        bodies = [" ".join(texts[i : i + 3]) for i in range(0, len(texts), 3)]
        yield name, pd.DataFrame({"article_id": [f"{name}{i}" for i in range(len(bodies))], "status": "ok",
                                  "outlet": "", "body": bodies})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("--ref", default=str(ROOT / "benchmarks/results/actors_reference"),
                        help="folder of the reference tables")
    args = parser.parse_args()
    ref = Path(args.ref)
    ref.mkdir(parents=True, exist_ok=True)
    differences = 0
    for name, articles in corpora():
        for use_model in (False, True):
            mentions = extract_mentions(articles, use_model=use_model)
            quotes = extract_quotes(articles, mentions)
            path = ref / f"{name}_{'model' if use_model else 'fast'}.pkl"
            label = f"{name:12} {'model' if use_model else 'fast':5} {len(mentions):>7,} mentions {len(quotes):>6,} quotes"
            if args.action == "save":
                path.write_bytes(pickle.dumps((mentions, quotes)))
                print(f"saved   {label}")
                continue
            ref_mentions, ref_quotes = pickle.loads(path.read_bytes())
            try:
                assert_frame_equal(mentions, ref_mentions)
                assert_frame_equal(quotes, ref_quotes)
                print(f"same    {label}")
            except AssertionError:
                differences += 1
                print(f"DIFFERS {label} (reference {len(ref_mentions):,} mentions, {len(ref_quotes):,} quotes)")
                for table, mine, theirs in (("mentions", mentions, ref_mentions), ("quotes", quotes, ref_quotes)):
                    both = theirs.astype(str).merge(mine.astype(str), how="outer", indicator=True)
                    only = both[both["_merge"] != "both"]
                    # The indicator is categorical: its new names go in as categories, not as values.
                    only = only.assign(_merge=only["_merge"].cat.rename_categories(
                        {"left_only": "reference only", "right_only": "now only"}))
                    if len(only):
                        print(f"  {table}:\n{only.head(20).to_string()}")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
