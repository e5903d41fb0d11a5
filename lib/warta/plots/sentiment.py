"""Sentiment charts: label distributions and shares with Wilson intervals, tone over time, the most
positive and negative sentences, actor sentiment and share of voice.

plotly builders (``*_figure``) feed the interactive pages; matplotlib builders (``*_chart``)
return ``matplotlib.figure.Figure`` objects for static PNGs, never touching pyplot state. Every
share is drawn with its Wilson interval, so five articles are not read like five thousand.
"""
from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from warta.sentiment import LABELS, label_shares

COLORS = {"negative": "#d62728", "neutral": "#9e9e9e", "positive": "#2ca02c"}
_WRAP = 80
# Most day labels along the static tone chart's axis.
MAX_DAY_TICKS = 12


def with_day(articles: pd.DataFrame) -> pd.DataFrame:
    """Add a ``day`` column (``YYYY-MM-DD`` from ``published``; ``unknown`` when absent)."""
    days = articles["published"].map(lambda v: v[:10] if isinstance(v, str) and len(v) >= 10 else "unknown")
    return articles.assign(day=days)


def shares_figure(articles: pd.DataFrame, *, by: str | None = None, title: str = "Sentiment shares") -> go.Figure:
    """Share of each label (overall, or per ``outlet`` / ``day``) with 95% Wilson intervals."""
    frame = with_day(articles) if by == "day" else articles
    shares = label_shares(frame, by=by)
    groups = shares[by].astype(str).tolist() if by else ["all articles"] * len(shares)
    shares = shares.assign(group=groups)
    figure = go.Figure()
    for label in LABELS:
        part = shares[shares["label"] == label]
        figure.add_bar(
            name=label, x=part["group"], y=part["share"], marker_color=COLORS[label],
            error_y={"type": "data", "symmetric": False, "array": part["high"] - part["share"],
                     "arrayminus": part["share"] - part["low"]},
            customdata=np.stack([part["k"], part["n"], part["low"], part["high"]], axis=-1),
            hovertemplate=f"{label}: %{{customdata[0]}} of %{{customdata[1]}} (%{{y:.0%}})<br>"
                          "95% interval %{customdata[2]:.0%} – %{customdata[3]:.0%}<extra></extra>")
    figure.update_layout(title=title, barmode="group", yaxis={"title": "share of articles", "tickformat": ".0%",
                                                                 "range": [0, 1]},
                         xaxis={"title": by or ""}, legend_title="label")
    return figure


def tone_timeline_figure(articles: pd.DataFrame, *, title: str = "Tone over time") -> go.Figure:
    """Mean article score per day (−1 … +1) with its standard error; marker size = articles."""
    daily = tone_by_day(articles)
    figure = go.Figure()
    figure.add_scatter(
        x=daily["day"], y=daily["mean"], mode="lines+markers", name="mean score",
        error_y={"type": "data", "array": daily["error"]},
        marker={"size": 6 + 14 * np.sqrt(daily["n"] / max(1, daily["n"].max())), "color": "#1f77b4"},
        customdata=np.stack([daily["n"], daily["negative"], daily["positive"]], axis=-1),
        hovertemplate="%{x}: mean %{y:+.2f} over %{customdata[0]} articles "
                      "(%{customdata[1]} negative, %{customdata[2]} positive)<extra></extra>")
    figure.add_hline(y=0, line_color="#888", line_width=1)
    figure.update_layout(title=title, yaxis={"title": "mean article score", "range": [-1, 1]}, xaxis={"title": "day"})
    return figure


def tone_by_day(articles: pd.DataFrame) -> pd.DataFrame:
    """Per day: n, mean score, its standard error, and the negative / positive counts."""
    columns = ["day", "n", "mean", "error", "negative", "positive"]
    frame = with_day(articles)
    # Days are cut from one sorted array: a pandas groupby loop cost ~0.6 ms per day. The mean
    # and spread stay pandas' own reductions, so the numbers are the same to the last bit.
    days = frame["day"].to_numpy(dtype=object)
    order = np.argsort(days, kind="stable")
    days, starts = np.unique(days[order], return_index=True)
    scores = np.split(frame["score"].astype(float).to_numpy()[order], starts[1:])
    labels = frame["label"].to_numpy(dtype=object)[order]
    negative = np.add.reduceat(labels == "negative", starts) if len(days) else []
    positive = np.add.reduceat(labels == "positive", starts) if len(days) else []
    rows = []
    for index, (day, values) in enumerate(zip(days, scores)):
        group = pd.Series(values)
        spread = float(group.std(ddof=1)) if len(group) > 1 else 0.5  # one article: a wide prior
        rows.append({"day": day, "n": len(group), "mean": float(group.mean()), "error": spread / np.sqrt(len(group)),
                     "negative": int(negative[index]), "positive": int(positive[index])})
    # Typed even with no rows: a chart of no days must get numbers, not an object column.
    return pd.DataFrame(rows, columns=columns).astype(
        {"n": "int64", "mean": "float64", "error": "float64", "negative": "int64", "positive": "int64"})


def extreme_sentences_figure(sentences: pd.DataFrame, *, n: int = 5,
                             title: str = "Most negative and most positive sentences") -> go.Figure:
    """Horizontal bars of the ``n`` lowest and ``n`` highest sentence scores; hover shows the text."""
    picked = extreme_sentences(sentences, n=n)
    labels = [f"{a[:6]}… #{s}" for a, s in zip(picked["article_id"], picked["sentence_id"])]
    figure = go.Figure(go.Bar(
        x=picked["score"], y=labels, orientation="h", marker_color=[COLORS[l] for l in picked["label"]],
        customdata=[_wrap(t) for t in picked["text"]], hovertemplate="%{customdata}<extra>%{x:+.2f}</extra>"))
    figure.update_layout(title=title, xaxis={"title": "sentence score", "range": [-1, 1]},
                         yaxis={"autorange": "reversed"})
    return figure


def extreme_sentences(sentences: pd.DataFrame, *, n: int = 5) -> pd.DataFrame:
    """The ``n`` most negative then the ``n`` most positive sentences (polar ones only), with cues."""
    # Picked on the two columns, by position, then the 2n rows taken: filtering the sentence table
    # itself copied its text and cue columns (up to 2 s for the 2M sentences of 100k articles).
    label = sentences["label"]
    score = pd.Series(sentences["score"].to_numpy(dtype=float))
    negative = score[(label == "negative").to_numpy(dtype=bool) & (score < 0).to_numpy()].nsmallest(n)
    positive = score[(label == "positive").to_numpy(dtype=bool) & (score > 0).to_numpy()].nlargest(n).iloc[::-1]
    picked = sentences.iloc[np.r_[negative.index, positive.index].astype(np.int64)]
    cues = picked["cues"].map(lambda found: ", ".join(f"{c['term']} {c['weight']:+.1f}" for c in found))
    return picked.assign(cue_list=cues)[["article_id", "sentence_id", "label", "score", "probability", "text",
                                         "cue_list"]].reset_index(drop=True)


# An actor's scores are its sentences' as they read for it: a culprit's crime story reads badly
# for the culprit even where the sentence reads well (warta.sentiment.roles).
ACTOR_SCORE_AXIS = "mean sentence score, as it reads for the actor"


def actor_sentiment_figure(actors: pd.DataFrame, *, top_n: int = 15,
                           title: str = "Sentiment about and voiced by each actor") -> go.Figure:
    """Mean score *about* each actor and *voiced by* it (corpus level), for the most-mentioned actors."""
    table = actor_overview(actors, top_n=top_n)
    figure = go.Figure()
    for side, color in (("about", "#9467bd"), ("voiced", "#ff7f0e")):
        figure.add_bar(
            name=f"{side} ({'said about the actor' if side == 'about' else 'what the actor says'})",
            y=table["name"], x=table[f"{side}_score"], orientation="h", marker_color=color,
            customdata=np.stack([table[f"{side}_n"], table[f"{side}_label"]], axis=-1),
            hovertemplate="%{y}: %{x:+.2f} (%{customdata[1]}) over %{customdata[0]} sentences<extra></extra>")
    figure.add_vline(x=0, line_color="#888", line_width=1)
    figure.update_layout(title=title, barmode="group", xaxis={"title": ACTOR_SCORE_AXIS, "range": [-1, 1]},
                         yaxis={"autorange": "reversed"}, height=160 + 40 * len(table))
    return figure


def actor_overview(actors: pd.DataFrame, *, top_n: int = 15) -> pd.DataFrame:
    """Corpus-level actor rows, most sentences first, with the first evidence sentence of each side."""
    corpus = actors[actors["scope"] == "corpus"].sort_values("n_sentences", ascending=False).head(top_n)
    roles = corpus["about_roles"] if "about_roles" in corpus else pd.Series("", index=corpus.index)
    first = {"about": [_evidence_line(items, role) for items, role in zip(corpus["about_evidence"], roles.fillna(""))],
             "voiced": corpus["voiced_evidence"].map(_evidence_line)}
    return corpus.assign(about_example=first["about"], voiced_example=first["voiced"]).reset_index(drop=True)


def share_of_voice_figure(voice: pd.DataFrame, *, title: str = "Share of voice (who is quoted or speaks)") -> go.Figure:
    """Each actor's share of voiced sentences with 95% Wilson intervals."""
    figure = go.Figure(go.Bar(
        x=voice["share"], y=voice["name"], orientation="h", marker_color="#ff7f0e",
        error_x={"type": "data", "symmetric": False, "array": voice["high"] - voice["share"],
                 "arrayminus": voice["share"] - voice["low"]},
        customdata=np.stack([voice["k"], voice["n"], voice["low"], voice["high"]], axis=-1),
        hovertemplate="%{y}: %{customdata[0]} of %{customdata[1]} voiced sentences (%{x:.0%}),"
                      " 95% interval %{customdata[2]:.0%} – %{customdata[3]:.0%}<extra></extra>"))
    figure.update_layout(title=title, xaxis={"title": "share", "tickformat": ".0%", "range": [0, 1]},
                         yaxis={"autorange": "reversed"}, height=160 + 32 * len(voice))
    return figure


# --------------------------------------------------------------------------- matplotlib


def shares_chart(articles: pd.DataFrame, *, by: str | None = None, title: str = "Sentiment shares") -> Figure:
    """Static grouped bars of label shares with 95% Wilson intervals."""
    frame = with_day(articles) if by == "day" else articles
    shares = label_shares(frame, by=by)
    groups = list(dict.fromkeys(shares[by].astype(str))) if by else ["all articles"]
    figure = Figure(figsize=(max(5, 1.6 * len(groups) + 2), 3.6))
    axis = figure.subplots()
    width = 0.8 / len(LABELS)
    x = np.arange(len(groups))
    for offset, label in enumerate(LABELS):
        part = shares[shares["label"] == label]
        axis.bar(x + (offset - 1) * width, part["share"], width, color=COLORS[label], label=label,
                 yerr=[part["share"] - part["low"], part["high"] - part["share"]], capsize=3)
    axis.set_xticks(x, groups, rotation=30 if len(groups) > 3 else 0, ha="right" if len(groups) > 3 else "center")
    axis.set_ylim(0, 1)
    axis.set_ylabel("share of articles (95% Wilson interval)")
    axis.set_title(title)
    axis.legend(frameon=False, fontsize=8)
    figure.tight_layout()
    return figure


def tone_timeline_chart(articles: pd.DataFrame, *, title: str = "Tone over time") -> Figure:
    """Static mean article score per day with standard-error bars."""
    daily = tone_by_day(articles)
    figure = Figure(figsize=(7, 3.2))
    axis = figure.subplots()
    axis.errorbar(daily["day"], daily["mean"], yerr=daily["error"], marker="o", capsize=3)
    axis.axhline(0, color="#888", linewidth=0.8)
    axis.set_ylim(-1, 1)
    axis.set_ylabel("mean article score")
    axis.set_title(title)
    # A label for every day is unreadable past a few weeks, and laying out hundreds of rotated
    # labels took seconds: label at most MAX_DAY_TICKS days, evenly spaced.
    axis.xaxis.set_major_locator(MaxNLocator(nbins=MAX_DAY_TICKS, integer=True))
    axis.tick_params(axis="x", rotation=30)
    figure.tight_layout()
    return figure


def actor_sentiment_chart(actors: pd.DataFrame, *, top_n: int = 15,
                          title: str = "Sentiment about and voiced by each actor") -> Figure:
    """Static paired horizontal bars: about (purple) and voiced (orange) mean scores."""
    table = actor_overview(actors, top_n=top_n)
    figure = Figure(figsize=(7, 1 + 0.45 * max(1, len(table))))
    axis = figure.subplots()
    y = np.arange(len(table))
    axis.barh(y - 0.2, table["about_score"].fillna(0), 0.4, color="#9467bd", label="about the actor")
    axis.barh(y + 0.2, table["voiced_score"].fillna(0), 0.4, color="#ff7f0e", label="voiced by the actor")
    axis.set_yticks(y, table["name"])
    axis.invert_yaxis()
    axis.axvline(0, color="#888", linewidth=0.8)
    axis.set_xlim(-1, 1)
    axis.set_xlabel(ACTOR_SCORE_AXIS)
    axis.set_title(title)
    axis.legend(frameon=False, fontsize=8)
    figure.tight_layout()
    return figure


def _evidence_line(items: list[dict], roles: str = "") -> str:
    """The first evidence sentence, with where it is, its score and the actor's role in it (if any)."""
    if not items:
        return ""
    item = items[0]
    where = f"{item['article_id'][:8]} #{item['sentence_id']}"
    role = roles.split(",")[0] if roles else "-"
    return f"[{where}, {item['score']:+.2f}{'' if role == '-' else ', ' + role}] {item['text']}"


def _wrap(text: str) -> str:
    return "<br>".join(textwrap.wrap(text, _WRAP))
