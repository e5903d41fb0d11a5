"""Who appears with whom: actor pair counts, association weights, evidence and the actor graph.

A *window* is one sentence (``article_id``, ``sentence_id``) or one whole article. Each actor
counts at most once per window, so a pair's ``count`` is the number of windows holding both.
Weights compare that count with what the two actors' own window counts would predict:

- ``pmi`` = log2(count · N / (count_a · count_b)), N = number of windows holding any mention;
- ``lift`` = count · N / (count_a · count_b), the same ratio without the log;
- ``jaccard`` = count / (count_a + count_b − count).

Marginals and N always come from the whole mentions table, so filtering by type or watch list
selects pairs without changing their weights. Pairs are generated with numpy from windows
sorted by actor code, which keeps the work linear in the number of pairs (1M mentions in a few
seconds, see ``benchmarks/bench_cooccurrence.py``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import NamedTuple, Sequence

import networkx as nx
import numpy as np
import pandas as pd

from warta import config
from warta.runtime import first_rows, sorted_unique
from warta.text import split_sentences

WINDOWS = ("sentence", "article")
REQUIRED_COLUMNS = ("article_id", "sentence_id", "actor_id", "name", "type")
PAIR_COLUMNS = (
    "source_id", "source_name", "source_type", "target_id", "target_name", "target_type",
    "count", "articles", "source_count", "target_count", "pmi", "lift", "jaccard", "evidence",
)
EVIDENCE_COLUMNS = (
    "source_id", "target_id", "source_name", "target_name", "article_id", "sentence_id", "outlet", "sentence",
)
COMPARISON_COLUMNS = (
    "outlet", "pair", "source_id", "source_name", "target_id", "target_name", "count", "articles", "share",
)
SUMMARY_COLUMNS = ("actor_id", "name", "type", "subtype", "mentions", "articles", "sentences", "surfaces")


def _settings() -> dict:
    return config.section("cooccurrence")


@dataclass(frozen=True)
class PairWindows:
    """Pair occurrences of one mentions table (:func:`pair_windows`): ``rows`` holds int codes
    ``art, sent, a, b`` (a < b), sorted by article, then sentence in sentence mode.

    In sentence mode ``sent`` is the window's sentence; in article mode it is the evidence
    sentence of that article (the first sentence naming both, else the one naming the later one).
    """

    window: str
    rows: pd.DataFrame
    article_ids: pd.Index
    actors: pd.DataFrame  # indexed by actor code: actor_id, name, type
    window_counts: np.ndarray  # windows per actor code
    window_art: np.ndarray  # article code of each window

    @property
    def n_windows(self) -> int:
        return len(self.window_art)


def cooccurrence(
    mentions: pd.DataFrame,
    *,
    window: str = "sentence",
    types: Sequence[str] | None = None,
    min_count: int = 1,
    watchlist: Sequence[str] | None = None,
    windows: PairWindows | None = None,
) -> pd.DataFrame:
    """Count unordered actor pairs per window and weight them (see the module docstring).

    ``types`` keeps pairs whose two ends both have one of these types; ``watchlist`` keeps
    pairs touching an actor whose ``actor_id`` or canonical name matches (case-insensitive).
    Rows are sorted by ``count`` then ``pmi``, descending; ``source_id`` < ``target_id``.
    ``evidence`` lists a few ``(article_id, sentence_id)`` windows of each pair, one per article
    first (articles in id order), then further windows.

    ``windows``: :func:`pair_windows` of these ``mentions`` in this ``window``, to share that
    work with :func:`compare_outlets` (None: collected here).
    """
    windows = _windows_of_mentions(mentions, window, windows)
    rows = windows.rows[_pair_mask(windows, types=types, watchlist=watchlist)]
    groups = _group_by_pair(rows, len(windows.actors))
    keep = groups.counts >= min_count
    if not keep.any():
        return _empty(PAIR_COLUMNS)
    a, b = np.divmod(groups.keys[keep], len(windows.actors))
    count, articles, starts = groups.counts[keep], groups.articles[keep], groups.starts[keep]
    count_a, count_b = windows.window_counts[a], windows.window_counts[b]
    lift = count * windows.n_windows / (count_a * count_b)
    # Sort on codes (code order is id order) before building the string columns.
    order = np.lexsort((b, a, -lift, -count))
    a, b, count, articles, starts = a[order], b[order], count[order], articles[order], starts[order]
    count_a, count_b, lift = count_a[order], count_b[order], lift[order]
    actors = windows.actors
    return pd.DataFrame({
        "source_id": actors["actor_id"].to_numpy()[a],
        "source_name": actors["name"].to_numpy()[a],
        "source_type": actors["type"].to_numpy()[a],
        "target_id": actors["actor_id"].to_numpy()[b],
        "target_name": actors["name"].to_numpy()[b],
        "target_type": actors["type"].to_numpy()[b],
        "count": count.astype("int64"),
        "articles": articles.astype("int64"),
        "source_count": count_a.astype("int64"),
        "target_count": count_b.astype("int64"),
        "pmi": np.log2(lift),
        "lift": lift,
        "jaccard": count / (count_a + count_b - count),
        "evidence": _evidence_lists(starts, count, groups.art, groups.sent, windows.article_ids),
    })


def top_pairs(pairs: pd.DataFrame, *, n: int, types: Sequence[str] | None = None) -> pd.DataFrame:
    """Return the ``n`` strongest pairs (by the table's order), both ends of ``types`` if given,
    with a readable ``pair`` label ("Vladimir Putin – Kim Jong Un")."""
    if types is not None:
        wanted = _normalise_types(types)
        pairs = pairs[pairs["source_type"].isin(wanted) & pairs["target_type"].isin(wanted)]
    top = pairs.head(n).reset_index(drop=True)
    label = pd.Series(top["source_name"], dtype="string") + " – " + pd.Series(top["target_name"], dtype="string")
    return top.assign(pair=label)


def evidence_sentences(pairs: pd.DataFrame, articles: pd.DataFrame, *, limit: int = 3) -> pd.DataFrame:
    """Return the text of up to ``limit`` evidence sentences per pair, one row per sentence.

    Sentences are cut with :func:`warta.text.split_sentences`, so ``sentence_id`` means what it
    means in the mentions table. Evidence whose article or sentence is missing is left out.
    ``evidence`` may also be the JSON text that ``warta analyze`` writes to CSV and Parquet.
    """
    if pairs.empty or articles.empty:
        return _empty(EVIDENCE_COLUMNS)
    long = pairs[["source_id", "target_id", "source_name", "target_name", "evidence"]].assign(
        evidence=pairs["evidence"].map(lambda windows: _windows_of(windows)[:limit])
    ).explode("evidence").dropna(subset=["evidence"])
    if long.empty:
        return _empty(EVIDENCE_COLUMNS)
    long = long.assign(
        article_id=long["evidence"].map(lambda w: str(w[0])),
        sentence_id=long["evidence"].map(lambda w: int(w[1])).astype("int64"),
    ).drop(columns="evidence")
    bodies = articles[["article_id", "body"]].assign(outlet=_outlet_labels(articles))
    bodies = bodies.drop_duplicates("article_id").astype({"article_id": "string"})
    long = long.astype({"article_id": "string"}).merge(bodies, on="article_id", how="inner")
    sentence = [
        _sentence(body, sentence_id) for body, sentence_id in zip(long["body"], long["sentence_id"])
    ]
    long = long.assign(sentence=pd.Series(sentence, index=long.index, dtype="string"))
    long = long[long["sentence"].notna()]
    return long.loc[:, list(EVIDENCE_COLUMNS)].reset_index(drop=True)


def compare_outlets(
    mentions: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    window: str = "sentence",
    top_n: int = 20,
    types: Sequence[str] | None = None,
    watchlist: Sequence[str] | None = None,
    windows: PairWindows | None = None,
) -> pd.DataFrame:
    """Count the corpus's ``top_n`` pairs in each outlet: one row per outlet and pair, zeros kept.

    ``types``, ``watchlist`` and ``windows`` are as in :func:`cooccurrence`.

    ``count`` is windows holding both actors in that outlet, ``articles`` the outlet's articles
    holding the pair, and ``share`` = count / the outlet's windows naming any actor, which
    compares outlets of different sizes. Outlets are the articles' ``outlet`` names
    (``outlet_domain``, then "unknown", when that is empty).
    """
    windows = _windows_of_mentions(mentions, window, windows)
    rows = windows.rows[_pair_mask(windows, types=types, watchlist=watchlist)]
    if rows.empty:
        return _empty(COMPARISON_COLUMNS)
    outlet_by_article = pd.Series(
        _outlet_labels(articles).to_numpy(), index=articles["article_id"].astype("string")
    )
    outlet_by_article = outlet_by_article[~outlet_by_article.index.duplicated()]
    article_outlets = outlet_by_article.reindex(windows.article_ids).fillna("unknown").to_numpy()
    rows = rows.assign(outlet=article_outlets[rows["art"].to_numpy()])
    # Rank as cooccurrence() does: count, then lift (same order as PMI), then ids.
    overall = rows.groupby(["a", "b"]).size().reset_index(name="total")
    marginals = windows.window_counts[overall["a"].to_numpy()] * windows.window_counts[overall["b"].to_numpy()]
    overall = overall.assign(lift=overall["total"].to_numpy() / marginals)
    top = overall.sort_values(["total", "lift", "a", "b"], ascending=[False, False, True, True]).head(top_n)
    rows = rows.merge(top[["a", "b"]], on=["a", "b"])
    per_outlet = rows.groupby(["outlet", "a", "b"]).agg(count=("art", "size"), articles=("art", "nunique"))
    outlets = sorted(set(article_outlets[windows.window_art]))
    grid = pd.MultiIndex.from_tuples(
        [(outlet, a, b) for outlet in outlets for a, b in zip(top["a"], top["b"])], names=["outlet", "a", "b"]
    )
    table = per_outlet.reindex(grid, fill_value=0).reset_index()
    actors = windows.actors
    source_name = actors["name"].to_numpy()[table["a"].to_numpy()]
    target_name = actors["name"].to_numpy()[table["b"].to_numpy()]
    outlet_windows = pd.Series(article_outlets[windows.window_art]).value_counts()
    table = table.assign(
        share=table["count"].to_numpy() / outlet_windows.reindex(table["outlet"]).to_numpy(),
        source_id=actors["actor_id"].to_numpy()[table["a"].to_numpy()],
        source_name=source_name,
        target_id=actors["actor_id"].to_numpy()[table["b"].to_numpy()],
        target_name=target_name,
        pair=[f"{s} – {t}" for s, t in zip(source_name, target_name)],
    )
    return table.loc[:, list(COMPARISON_COLUMNS)].astype({"count": "int64", "articles": "int64"})


def actor_summary(mentions: pd.DataFrame, *, headlines: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per actor: mentions, distinct articles and sentences, and the surface forms seen,
    sorted by mentions (descending) then ``actor_id``.

    ``name``, ``type`` and ``subtype`` are those of the actor's first mention that has one. With
    ``headlines`` (:func:`warta.actors.headline_actors`), ``headlines`` counts the articles whose
    headline names the actor; an actor that only headlines name comes last, with no mention.
    """
    if headlines is not None:
        summary = actor_summary(mentions)
        firsts = headlines.drop_duplicates(["article_id", "actor_id"])
        named = firsts["actor_id"].value_counts()
        summary = summary.assign(headlines=summary["actor_id"].map(named).fillna(0).astype("int64").to_numpy())
        only = firsts[~firsts["actor_id"].isin(summary["actor_id"])].drop_duplicates("actor_id")
        if only.empty:
            return summary
        extra = pd.DataFrame({"actor_id": only["actor_id"].to_numpy(), "name": only["name"].to_numpy(),
                              "type": only["type"].to_numpy(),
                              "subtype": only["subtype"].fillna("").to_numpy() if "subtype" in only else "",
                              "mentions": 0, "articles": 0, "sentences": 0, "surfaces": [[] for _ in range(len(only))],
                              "headlines": only["actor_id"].map(named).astype("int64").to_numpy()})
        extra = extra.sort_values(["headlines", "actor_id"], ascending=[False, True])
        return pd.concat([summary, extra], ignore_index=True) if len(summary) else extra.reset_index(drop=True)
    valid = _valid_mentions(mentions)
    if valid.empty:
        return _empty(SUMMARY_COLUMNS)
    if "subtype" not in valid.columns:
        valid = valid.assign(subtype="")
    if "surface" not in valid.columns:
        valid = valid.assign(surface=valid["name"])
    # Everything on integer codes (actor codes in id order): grouping and de-duplicating the
    # string columns of millions of mentions took 6 s at 100k articles.
    actor, actor_ids = pd.factorize(valid["actor_id"], sort=True)
    if actor_ids.dtype == object:  # as groupby would give it: the type inferred from the values
        actor_ids = pd.Index(actor_ids.tolist())
    article = pd.factorize(valid["article_id"])[0]
    sentence = pd.factorize(valid["sentence_id"], use_na_sentinel=False)[0]
    n_actors = len(actor_ids)
    first = {column: _first_present(valid[column], actor, n_actors) for column in ("name", "type", "subtype")}
    articles_of_actor, sentences_of_actor = _distinct_counts(actor, article, sentence, n_actors)
    surface = valid["surface"]
    present = surface.notna().to_numpy()
    surface_codes, surface_forms = pd.factorize(surface[present], sort=True)
    n_forms = max(len(surface_forms), 1)
    seen_actor, seen_form = np.divmod(sorted_unique(actor[present].astype(np.int64) * n_forms + surface_codes), n_forms)
    forms = np.asarray(surface_forms, dtype=object)[seen_form]
    bounds = np.searchsorted(seen_actor, np.arange(n_actors + 1))
    mentions_per_actor = np.bincount(actor, minlength=n_actors)
    order = np.lexsort((np.arange(n_actors), -mentions_per_actor))
    summary = pd.DataFrame({
        "actor_id": pd.Series(actor_ids).take(order).reset_index(drop=True),
        **{column: pd.Series(values, dtype=values.dtype).take(order).reset_index(drop=True)
           for column, values in first.items()},
        "mentions": mentions_per_actor[order].astype("int64"),
        "articles": articles_of_actor[order].astype("int64"),
        "sentences": sentences_of_actor[order].astype("int64"),
        "surfaces": [forms[bounds[code]:bounds[code + 1]].tolist() for code in order],
    })
    summary["subtype"] = summary["subtype"].fillna("")
    return summary.loc[:, list(SUMMARY_COLUMNS)]


def _first_present(values: pd.Series, actor: np.ndarray, n_actors: int):
    """Each actor's first non-missing value of ``values`` (missing where it has none), as groupby's ``first``."""
    rows = np.flatnonzero(values.notna().to_numpy())
    return pd.api.extensions.take(values.array, first_rows(actor, rows, n_actors), allow_fill=True)


def _distinct_counts(actor: np.ndarray, article: np.ndarray, sentence: np.ndarray,
                     n_actors: int) -> tuple[np.ndarray, np.ndarray]:
    """Distinct articles and distinct (article, sentence) windows per actor code.

    The three codes are packed into one int64 and sorted once; the distinct (actor, article)
    keys are then the changes along that order.
    """
    n_articles, n_sentences = int(article.max()) + 1, int(sentence.max()) + 1
    actor_article = actor.astype(np.int64) * n_articles + article
    if n_actors * n_articles * n_sentences < 2**62:
        windows = sorted_unique(actor_article * n_sentences + sentence) // n_sentences
        pairs = windows[np.r_[True, windows[1:] != windows[:-1]]]
    else:  # too wide to pack: dense (actor, article) codes first
        pairs = sorted_unique(actor_article)
        windows = pairs[sorted_unique(np.searchsorted(pairs, actor_article) * n_sentences + sentence) // n_sentences]
    return (np.bincount(pairs // n_articles, minlength=n_actors),
            np.bincount(windows // n_articles, minlength=n_actors))


def describe(pairs: pd.DataFrame, *, window: str = "sentence") -> str:
    """A short plain-language account of a pair table, for the notebook narrative."""
    if pairs.empty:
        return "No two actors are named in the same window with these filters."
    parts = [f"{_plural(len(pairs), 'actor pair')} {'is' if len(pairs) == 1 else 'are'} named together "
             f"in at least one {window}"]
    strongest = top_pairs(pairs, n=1).iloc[0]
    parts.append(f"the most frequent is {_pair_phrase(strongest, window)}")
    people = top_pairs(pairs, n=1, types=["PER"])
    if len(people):
        parts.append(f"the most frequent pair of people is {_pair_phrase(people.iloc[0], window)}")
    repeated = pairs[pairs["count"] >= 2]
    if len(repeated):
        tight = repeated.sort_values(["pmi", "count"], ascending=False).iloc[0]
        parts.append(
            f"among pairs seen at least twice, {tight['source_name']} and {tight['target_name']} are the most "
            f"tied to each other (PMI {tight['pmi']:.2f}: together {tight['lift']:.1f}× as often as chance)"
        )
    return "; ".join(parts) + "."


def _pair_phrase(pair: pd.Series, window: str) -> str:
    where = _plural(pair["count"], window)
    if window == "sentence":
        where += f" in {_plural(pair['articles'], 'article')}"
    return f"{pair['source_name']} – {pair['target_name']} ({where})"


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def cooccurrence_graph(pairs: pd.DataFrame, mentions: pd.DataFrame, *,
                       summary: pd.DataFrame | None = None) -> nx.Graph:
    """Build an undirected graph of the pairs.

    Nodes are ``actor_id`` with ``name``, ``type``, ``subtype``, ``mentions`` and ``articles``
    (from :func:`actor_summary`; pass ``summary``, its result for ``mentions``, when you have it:
    summarising every mention again is most of the cost); edges carry ``count``, ``articles``,
    ``pmi``, ``lift``, ``jaccard``, the ``evidence`` windows and ``weight`` (= ``count``,
    networkx's default).
    """
    graph = nx.Graph()
    summary = (actor_summary(mentions) if summary is None else summary).set_index("actor_id")
    for side in ("source", "target"):
        ends = pairs[[f"{side}_id", f"{side}_name", f"{side}_type"]].drop_duplicates(f"{side}_id")
        for actor_id, name, kind in ends.itertuples(index=False):
            if actor_id in graph:
                continue
            known = summary.loc[actor_id] if actor_id in summary.index else None
            graph.add_node(
                actor_id,
                name=name,
                type=kind,
                subtype="" if known is None else str(known["subtype"]),
                mentions=0 if known is None else int(known["mentions"]),
                articles=0 if known is None else int(known["articles"]),
            )
    for row in pairs.itertuples(index=False):
        graph.add_edge(
            row.source_id,
            row.target_id,
            weight=int(row.count),
            count=int(row.count),
            articles=int(row.articles),
            pmi=float(row.pmi),
            lift=float(row.lift),
            jaccard=float(row.jaccard),
            evidence=_windows_of(row.evidence),
        )
    return graph


# --- internals -------------------------------------------------------------------------------


def _valid_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    missing = [column for column in REQUIRED_COLUMNS if column not in mentions.columns]
    if missing:
        raise ValueError(f"mentions table lacks column(s) {', '.join(missing)}")
    # Unresolved mentions (no actor_id) and orphans (no article) cannot be placed in a window.
    actor = mentions["actor_id"].astype("string")
    return mentions[actor.notna() & (actor.str.len() > 0) & mentions["article_id"].notna()]


def pair_windows(mentions: pd.DataFrame, *, window: str = "sentence") -> PairWindows:
    """Every actor pair of ``mentions`` in each ``window`` ("sentence" or "article"), as codes.

    :func:`cooccurrence` and :func:`compare_outlets` start from this; pass it to both
    (``windows=``) so that a notebook collects the windows of a large batch once (for the 6.4M
    mentions of 100k articles: 1.5-2.5 s per sentence, 6 s for the 21M pairs per article).
    """
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {', '.join(WINDOWS)}, not {window!r}")
    valid = _valid_mentions(mentions)
    if valid.empty:
        codes = np.zeros(0, dtype=np.int64)
        return PairWindows(window, pd.DataFrame({"art": codes, "sent": codes, "a": codes, "b": codes}),
                           pd.Index([], dtype=object), pd.DataFrame({"actor_id": [], "name": [], "type": []}),
                           codes, codes)
    art, article_ids = pd.factorize(valid["article_id"].astype("string"), sort=True)
    actor, actor_ids = pd.factorize(valid["actor_id"].astype("string"), sort=True)
    # Sorting codes by actor_id makes code order equal id order, so a < b gives source < target.
    # Each actor's name and type are those of its first mention.
    first = first_rows(actor, np.arange(len(actor)), len(actor_ids))  # every actor code has a row
    actors = pd.DataFrame({
        "actor_id": np.asarray(actor_ids, dtype=object),
        "name": valid["name"].iloc[first].astype(object).to_numpy(),
        "type": valid["type"].iloc[first].astype(object).to_numpy(),
    })
    sentence = pd.to_numeric(valid["sentence_id"], errors="coerce").fillna(-1).astype("int64").to_numpy()
    occurrences = _distinct_occurrences(art, sentence, actor)
    # A mention without a sentence id still counts for its article, but for no sentence.
    in_sentences = occurrences[occurrences["sent"] >= 0].reset_index(drop=True)
    shared = _pairs_within(in_sentences, ["art", "sent"])
    # Frames of new arrays take them as they are (copy=False): stacking them into one block
    # copied 0.3 GB at 100k articles.
    if window == "sentence":
        per_window = in_sentences
        rows = pd.DataFrame(shared, copy=False)
    else:
        per_window = _first_in_article(occurrences, len(actors))
        pairs = _pairs_within(per_window, ["art"])
        # Evidence: the first sentence naming both, else the sentence where the later one appears.
        pairs["sent"] = _first_shared_sentence(shared, pairs, len(actors))
        rows = pd.DataFrame(pairs, copy=False)
    # per_window is sorted by its window keys: a window starts where they change.
    window_art = per_window["art"].to_numpy()
    opens = np.r_[True, window_art[1:] != window_art[:-1]] if len(window_art) else np.zeros(0, dtype=bool)
    if window == "sentence" and len(window_art):
        sent = per_window["sent"].to_numpy()
        opens[1:] |= sent[1:] != sent[:-1]
    window_art = window_art[opens]
    window_counts = np.bincount(per_window["actor"].to_numpy(), minlength=len(actors))
    return PairWindows(window, rows, pd.Index(article_ids), actors, window_counts, window_art)


def _windows_of_mentions(mentions: pd.DataFrame, window: str, windows: PairWindows | None) -> PairWindows:
    if windows is None:
        return pair_windows(mentions, window=window)
    if windows.window != window:
        raise ValueError(f"windows were collected per {windows.window}, not per {window}")
    return windows


def _distinct_occurrences(art: np.ndarray, sent: np.ndarray, actor: np.ndarray) -> pd.DataFrame:
    """The distinct (art, sent, actor) rows, sorted by art, sent, actor.

    The three codes are packed into one int64 and sorted once: a third of the time of pandas'
    drop_duplicates and three-key sort on the millions of mentions of a large batch. Sentence
    ids are packed from their lowest (-1 for none, or a stray negative id), so order is kept.
    """
    if not len(art):
        return pd.DataFrame({"art": art, "sent": sent, "actor": actor})
    low = int(sent.min())
    sentences, actors = int(sent.max()) - low + 1, int(actor.max()) + 1
    if (int(art.max()) + 1) * sentences * actors >= 2**62:  # too wide to pack
        frame = pd.DataFrame({"art": art, "sent": sent, "actor": actor}).drop_duplicates()
        return frame.sort_values(["art", "sent", "actor"], ignore_index=True)
    keys = sorted_unique((art.astype(np.int64) * sentences + (sent - low)) * actors + actor)
    rest, actor_codes = np.divmod(keys, actors)
    art_codes, sent_codes = np.divmod(rest, sentences)
    return pd.DataFrame({"art": art_codes, "sent": sent_codes + low, "actor": actor_codes}, copy=False)


def _pairs_within(occurrences: pd.DataFrame, keys: list[str]) -> dict[str, np.ndarray]:
    """All pairs ``i < j`` of rows sharing ``keys`` (columns ``art, sent, a, b``); input sorted by keys then actor.

    Each row pairs with the rows after it in its window, so the pairs of a window of size k are
    built with ``np.repeat`` instead of a self-merge (same result, a fraction of the memory).
    ``sent`` is the later of the two rows' sentences (equal to both in sentence windows).
    """
    n = len(occurrences)
    starts_window = np.ones(n, dtype=bool)
    if n:
        changed = np.zeros(n - 1, dtype=bool)
        for key in keys:
            values = occurrences[key].to_numpy()
            changed |= values[1:] != values[:-1]
        starts_window[1:] = changed
    starts = np.flatnonzero(starts_window)
    ends = np.append(starts[1:], n)
    window_end = np.repeat(ends, ends - starts)
    partners = window_end - np.arange(n) - 1
    left = np.repeat(np.arange(n), partners)
    offsets = np.arange(len(left)) - np.repeat(np.cumsum(partners) - partners, partners)
    right = left + 1 + offsets
    actor = occurrences["actor"].to_numpy()
    sent = occurrences["sent"].to_numpy()
    # Plain arrays: a frame of the 21M article pairs of 100k articles costs a copy per frame.
    return {
        "art": occurrences["art"].to_numpy()[left],
        "sent": np.maximum(sent[left], sent[right]),
        "a": actor[left],
        "b": actor[right],
    }


def _first_in_article(occurrences: pd.DataFrame, n_actors: int) -> pd.DataFrame:
    """Each actor's first row in each article (its first sentence there), sorted by article then actor.

    ``occurrences`` is sorted by article, sentence and actor, so a stable sort on (article,
    actor) keeps each pair's rows in sentence order.
    """
    art, actor = occurrences["art"].to_numpy(), occurrences["actor"].to_numpy()
    keys = art.astype(np.int64) * n_actors + actor
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    taken = order[np.r_[True, ordered[1:] != ordered[:-1]]] if len(order) else order
    return pd.DataFrame({"art": art[taken], "sent": occurrences["sent"].to_numpy()[taken], "actor": actor[taken]})


def _first_shared_sentence(shared: dict[str, np.ndarray], pairs: dict[str, np.ndarray], n_actors: int) -> np.ndarray:
    """For each article pair of ``pairs``, the first sentence of ``shared`` (sentence pairs) naming
    both, else the pair's own ``sent``.

    Pairs are keyed as one int64 (article, a, b), grouped by one stable sort and looked up by
    binary search; where that key would not fit, by pandas.
    """
    n_articles = int(max(shared["art"].max(initial=-1), pairs["art"].max(initial=-1))) + 1
    if not len(shared["art"]) or not len(pairs["art"]):
        return pairs["sent"]
    if n_articles * n_actors * n_actors >= 2**62:
        first = pd.DataFrame(shared).groupby(["art", "a", "b"], sort=False)["sent"].min().rename("shared")
        joined = pd.DataFrame(pairs).join(first, on=["art", "a", "b"])
        return joined["shared"].fillna(joined["sent"]).astype("int64").to_numpy()
    shared_keys = (shared["art"].astype(np.int64) * n_actors + shared["a"]) * n_actors + shared["b"]
    order = np.argsort(shared_keys, kind="stable")
    ordered = shared_keys[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    keys, earliest = ordered[starts], np.minimum.reduceat(shared["sent"][order], starts)
    pair_keys = (pairs["art"].astype(np.int64) * n_actors + pairs["a"]) * n_actors + pairs["b"]
    at = np.minimum(np.searchsorted(keys, pair_keys), len(keys) - 1)
    return np.where(keys[at] == pair_keys, earliest[at], pairs["sent"])


class _PairGroups(NamedTuple):
    """Pair rows grouped by pair: group ``i`` is ``art[starts[i]:starts[i] + counts[i]]``."""

    keys: np.ndarray  # a * n_actors + b of each group
    starts: np.ndarray
    counts: np.ndarray  # windows per pair
    articles: np.ndarray  # distinct articles per pair
    art: np.ndarray
    sent: np.ndarray


def _group_by_pair(rows: pd.DataFrame, n_actors: int) -> _PairGroups:
    """Group pair rows by pair with one stable sort.

    Rows come in window order, so within a pair they stay in article and sentence order; then
    each article's first window is moved ahead of its later ones, so that evidence taken from
    the head of a group spreads over articles.
    """
    keys = rows["a"].to_numpy() * n_actors + rows["b"].to_numpy()
    order = np.argsort(keys, kind="stable")
    keys, art, sent = keys[order], rows["art"].to_numpy()[order], rows["sent"].to_numpy()[order]
    new_pair = np.ones(len(keys), dtype=bool)
    new_pair[1:] = keys[1:] != keys[:-1]
    starts = np.flatnonzero(new_pair)
    counts = np.diff(np.append(starts, len(keys)))
    new_article = new_pair.copy()
    new_article[1:] |= art[1:] != art[:-1]
    articles = np.add.reduceat(new_article, starts) if len(starts) else counts
    if not new_article.all():
        spread = np.argsort(np.cumsum(new_pair) * 2 + ~new_article, kind="stable")
        art, sent = art[spread], sent[spread]
    return _PairGroups(keys[starts], starts, counts, articles, art, sent)


def _pair_mask(windows: PairWindows, *, types: Sequence[str] | None, watchlist: Sequence[str] | None) -> np.ndarray:
    a, b = windows.rows["a"].to_numpy(), windows.rows["b"].to_numpy()
    keep = np.ones(len(a), dtype=bool)
    actors = windows.actors
    if types is not None:
        allowed = actors["type"].astype(str).str.upper().isin(_normalise_types(types)).to_numpy()
        keep &= allowed[a] & allowed[b]
    if watchlist:
        wanted = {str(item).strip().casefold() for item in watchlist}
        watched = (
            actors["actor_id"].astype(str).str.casefold().isin(wanted)
            | actors["name"].astype(str).str.casefold().isin(wanted)
        ).to_numpy()
        keep &= watched[a] | watched[b]
    return keep


def _normalise_types(types: Sequence[str]) -> list[str]:
    if isinstance(types, str):
        types = [types]
    return [str(kind).strip().upper() for kind in types]


def _evidence_lists(
    starts: np.ndarray, counts: np.ndarray, art: np.ndarray, sent: np.ndarray, article_ids: pd.Index
) -> list[list[tuple[str, int]]]:
    """First ``evidence_limit`` windows of each pair group (groups start at ``starts`` in the
    pair-sorted ``art``/``sent`` arrays)."""
    limit = int(_settings().get("evidence_limit", 3))
    taken = np.minimum(counts, limit)
    index = np.repeat(starts, taken) + (np.arange(taken.sum()) - np.repeat(np.cumsum(taken) - taken, taken))
    ids = np.asarray(article_ids, dtype=object)[art[index]].tolist()
    windows = list(zip(ids, sent[index].tolist()))
    bounds = np.cumsum(taken).tolist()
    return [windows[end - size:end] for end, size in zip(bounds, taken.tolist())]


def _windows_of(value: object) -> list[tuple[str, int]]:
    """Evidence windows from a list, an array, or JSON text (tables read back from disk)."""
    if isinstance(value, str):
        value = json.loads(value) if value.strip() else []
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    return [(str(article_id), int(sentence_id)) for article_id, sentence_id in value]


def _outlet_labels(articles: pd.DataFrame) -> pd.Series:
    labels = pd.Series("", index=articles.index, dtype="string")
    for column in ("outlet_domain", "outlet"):  # later columns win where they are filled
        if column in articles.columns:
            values = articles[column].astype("string").str.strip()
            labels = values.where(values.notna() & (values.str.len() > 0), labels)
    return labels.where(labels.str.len() > 0, "unknown")


def _sentence(body: object, sentence_id: int) -> str | None:
    if not isinstance(body, str) or sentence_id < 0:
        return None
    sentences = split_sentences(body)
    return sentences[sentence_id] if sentence_id < len(sentences) else None


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=_dtype(column)) for column in columns})


def _dtype(column: str) -> str:
    if column in {"count", "articles", "source_count", "target_count", "mentions", "sentences", "sentence_id"}:
        return "int64"
    if column in {"pmi", "lift", "jaccard", "share"}:
        return "float64"
    if column in {"evidence", "surfaces"}:
        return "object"
    return "string"
