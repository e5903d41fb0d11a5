"""Run the whole pipeline over a corpus and collect every result table.

``analyze`` is what the CLI and the notebooks call. Stage order: load → actors → quotes →
sentiment → co-occurrence → stories → propagation → events.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from warta import config

TABLES = (
    "articles",
    "mentions",
    "quotes",
    "cooccurrence",
    "sentiment_articles",
    "sentiment_sentences",
    "sentiment_actors",
    "stories",
    "propagation",
    "events",
)


def analyze(
    source: str | Path | None = None,
    *,
    out: str | Path | None = None,
    engine: str = "pandas",
    scheduler: str | None = None,
    sentiment_model: str | None = None,
) -> dict[str, pd.DataFrame]:
    """Load ``source`` (default: the seeds), run every analysis, optionally write tables to ``out``."""
    from warta.load import load_corpus

    articles = load_corpus(source if source is not None else config.seeds_dir())
    tables = build_tables(articles, sentiment_model=sentiment_model)
    if out is not None:
        write_tables(tables, Path(out))
    return tables


def build_tables(articles: pd.DataFrame, *, sentiment_model: str | None = None) -> dict[str, pd.DataFrame]:
    """Run every analysis over already-loaded articles."""
    from warta import actors, cooccurrence, sentiment, timeline

    usable = articles[articles["status"] != "rejected"]
    mentions = actors.extract_mentions(usable)
    quotes = actors.extract_quotes(usable, mentions)
    sentences = sentiment.score_sentences(usable, model=sentiment_model)
    stories = timeline.cluster_stories(usable, mentions=mentions)
    return {
        "articles": articles,
        "mentions": mentions,
        "quotes": quotes,
        "cooccurrence": cooccurrence.cooccurrence(mentions),
        "sentiment_sentences": sentences,
        "sentiment_articles": sentiment.score_articles(usable, sentences=sentences),
        "sentiment_actors": sentiment.score_actors(usable, mentions=mentions, quotes=quotes, sentences=sentences),
        "stories": stories,
        "propagation": timeline.trace_propagation(usable, stories=stories, quotes=quotes),
        "events": timeline.extract_events(usable),
    }


def write_tables(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """Write each table as ``<name>.parquet`` and ``<name>.csv`` (nested values as JSON text)."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, table in tables.items():
        flat = flatten_for_export(table)
        flat.to_parquet(out / f"{name}.parquet", index=False)
        flat.to_csv(out / f"{name}.csv", index=False)
        written += [out / f"{name}.parquet", out / f"{name}.csv"]
    return written


def flatten_for_export(table: pd.DataFrame) -> pd.DataFrame:
    """Return a copy in which list and dict cells become JSON strings, so CSV and Parquet agree."""
    flat = table.copy()
    for column in flat.columns:
        if flat[column].map(lambda value: isinstance(value, (list, dict, tuple))).any():
            flat[column] = flat[column].map(_to_json)
    return flat


def _to_json(value: Any) -> Any:
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value
