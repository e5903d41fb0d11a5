"""Corpus overview: what came in, what the loader made of it, and what it flagged.

These tables back the ``00_corpus`` notebook and the input summary on a report's index page.
They account for every input file: rejected rows are counted, never hidden.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from warta import config
from warta.load import hidden_entries, is_duplicate

OVERVIEW_COLUMNS = [
    "article_id", "outlet", "outlet_domain", "media_type", "published", "date_precision", "date_evidence",
    "title", "authors", "cited_sources", "lang", "status", "flags", "path",
]


def article_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One readable row per article, ordered by publication date (undated last), then outlet."""
    table = articles.reindex(columns=OVERVIEW_COLUMNS).copy()
    order = table["published"].fillna("9999").astype(str)
    return table.assign(_order=order).sort_values(["_order", "outlet_domain"], na_position="last").drop(
        columns="_order"
    ).reset_index(drop=True)


def input_summary(articles: pd.DataFrame, *, corpus: str | Path | Sequence[str | Path] | None = None) -> pd.DataFrame:
    """Key figures as an ``item``/``value`` table: files and rows by status, outlets, date range.

    With ``corpus`` (what was loaded), the hidden files and folders its listing skipped are
    counted too (:func:`warta.load.hidden_entries`).
    """
    status = articles["status"].value_counts()
    dated = articles["published"].dropna().astype(str)
    dated = dated[dated != ""]
    # A record file gives rows "a.jsonl#1", "a.jsonl#2": one input file.
    files = articles["path"].astype(str).str.replace(r"#\d+$", "", regex=True).nunique() if len(articles) else 0
    items = [("input files", files)]
    if corpus is not None:
        items.append(("hidden files skipped", len(hidden_entries(corpus))))
    items += [
        ("input rows", len(articles)),
        ("ok", int(status.get("ok", 0))),
        ("flagged", int(status.get("flagged", 0))),
        ("rejected", int(status.get("rejected", 0))),
        (f"duplicates, {_duplicates_fate()}", int(is_duplicate(articles).sum()) if len(articles) else 0),
        ("outlets", int(articles["outlet_domain"].dropna().nunique())),
        ("earliest date", dated.min() if len(dated) else ""),
        ("latest date", dated.max() if len(dated) else ""),
        ("undated", int(len(articles) - len(dated))),
    ]
    return pd.DataFrame(items, columns=["item", "value"]).astype({"value": str})


def flag_counts(articles: pd.DataFrame) -> pd.DataFrame:
    """How often each loader flag occurs (``duplicate_of:<id>`` counted as ``duplicate_of``)."""
    flags = articles["flags"].explode().dropna().astype(str).str.split(":").str[0]
    counts = flags.value_counts().rename_axis("flag").reset_index(name="articles")
    return counts.sort_values(["articles", "flag"], ascending=[False, True]).reset_index(drop=True)


def outlet_counts(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per outlet and status, for the outlet chart."""
    frame = articles.assign(outlet_domain=articles["outlet_domain"].fillna("(unknown)"))
    counts = frame.groupby(["outlet_domain", "status"]).size().rename("articles").reset_index()
    return counts.sort_values(["articles", "outlet_domain"], ascending=[False, True]).reset_index(drop=True)


def removed_boilerplate(articles: pd.DataFrame) -> pd.DataFrame:
    """Every boilerplate span the cleaner removed, one row each, for audit."""
    rows = articles[["article_id", "outlet_domain", "removed"]].explode("removed").dropna(subset=["removed"])
    return rows.rename(columns={"removed": "text"}).reset_index(drop=True)


def describe(articles: pd.DataFrame) -> str:
    """A one-paragraph plain-language account of the batch, for the notebook narrative."""
    status = articles["status"].value_counts()
    published, domains = articles["published"], articles["outlet_domain"]
    dated = (published.notna() & (published.astype(str) != "")).to_numpy()
    parts = [
        f"{len(articles)} input rows: {int(status.get('ok', 0))} ok, "
        f"{int(status.get('flagged', 0))} flagged, {int(status.get('rejected', 0))} rejected",
        f"from {domains.dropna().nunique()} outlets",
    ]
    if dated.any():
        # Only the dates are sorted (stably: the first of the earliest, the last of the latest), not
        # the articles: sorting the whole table copied every column, 2 s at 100k articles.
        order = published[dated].reset_index(drop=True).sort_values(kind="stable").index
        first, last = np.flatnonzero(dated)[[order[0], order[-1]]]
        parts.append(f"dated from {published.iat[first]} ({domains.iat[first]}) "
                     f"to {published.iat[last]} ({domains.iat[last]})")
    undated = len(articles) - int(dated.sum())
    if undated:
        parts.append(f"{undated} without a publication date")
    duplicates = int(is_duplicate(articles).sum()) if len(articles) else 0
    if duplicates:
        parts.append(f"{duplicates} {'is a duplicate' if duplicates == 1 else 'are duplicates'} (the same body "
                     f"from the same outlet as another row), {_duplicates_fate()}")
    return "; ".join(parts) + "."


def _duplicates_fate() -> str:
    counted = config.section("pipeline").get("count_duplicates", False)
    return "counted in the analyses" if counted else "left out of the analyses"
