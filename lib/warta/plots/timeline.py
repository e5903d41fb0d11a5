"""Source-timeline charts: publication spans per outlet, first-reporter lags, the propagation
graph, the share of credited wires, and mentioned events against publication dates.

plotly builders (``*_figure``) feed the interactive pages; matplotlib builders (``*_chart``)
return ``matplotlib.figure.Figure`` objects for static PNGs, never touching pyplot state. A date
is drawn as the span of its precision: a month-only date is a bar over the month, a minute-precise
one a marker (on a bar widened to ``min_span_hours`` so it stays visible).
"""
from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from matplotlib.figure import Figure

from warta import config
from warta.timeline import propagation_edges, spans_of, wire_shares

COARSE = ("day", "month", "year")
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf")


def _min_span() -> pd.Timedelta:
    return pd.Timedelta(hours=float(config.section("timeline").get("min_span_hours", 3)))


def _local(values: pd.Series) -> pd.Series:
    """Timestamps in the display zone without the zone, which both plotly and matplotlib draw as-is."""
    return pd.to_datetime(values).dt.tz_localize(None)


def _iso(values: pd.Series) -> list[str]:
    """Dates as ISO strings: figures must serialise to plain JSON for the notebook display."""
    return pd.to_datetime(values).dt.strftime("%Y-%m-%dT%H:%M:%S").tolist()


def _wrap(text: str, width: int = 70) -> str:
    return "<br>".join(textwrap.wrap(str(text), width)) or ""


def _dated(table: pd.DataFrame) -> pd.DataFrame:
    dated = table[table["start"].notna()].copy()
    dated["start_local"] = _local(dated["start"])
    dated["end_local"] = _local(dated["end"])
    dated["shown_end"] = np.maximum(dated["end_local"], dated["start_local"] + _min_span())
    return dated


def _colors(keys: pd.Series) -> dict:
    return {key: PALETTE[index % len(PALETTE)] for index, key in enumerate(dict.fromkeys(keys))}


# --------------------------------------------------------------------------- plotly


def timeline_figure(table: pd.DataFrame, *, title: str = "Publication timeline by outlet") -> go.Figure:
    """Interactive per-outlet timeline of :func:`warta.timeline.publication_timeline` rows.

    One bar per article over its publication span, coloured by story; minute- and hour-precise
    articles also get a diamond at their exact time.
    """
    dated = _dated(table)
    figure = go.Figure()
    stories = dated["story_id"].fillna("(no story)")
    colors = _colors(stories)
    for story, rows in dated.groupby(stories, sort=False):
        hover = [f"<b>{outlet}</b><br>{_wrap(title_)}<br>published {published} ({precision})"
                 for outlet, title_, published, precision in
                 zip(rows["outlet"], rows["title"], rows["published"], rows["precision"])]
        figure.add_trace(go.Bar(
            y=rows["outlet"], base=_iso(rows["start_local"]),
            x=(rows["shown_end"] - rows["start_local"]).dt.total_seconds() * 1000,
            orientation="h", name=str(story), marker_color=colors[story], opacity=0.55,
            hovertext=hover, hoverinfo="text", legendgroup=str(story)))
        exact = rows[~rows["precision"].isin(COARSE)]
        if len(exact):
            figure.add_trace(go.Scatter(
                y=exact["outlet"], x=_iso(exact["start_local"]), mode="markers", showlegend=False,
                marker=dict(symbol="diamond", size=11, color=colors[story], line=dict(width=1, color="black")),
                hovertext=[hover[rows.index.get_loc(index)] for index in exact.index], hoverinfo="text",
                legendgroup=str(story)))
    figure.update_layout(title=title, barmode="overlay", xaxis=dict(type="date", title="published (WIB)"),
                         yaxis=dict(title="", autorange="reversed"), legend_title_text="story",
                         height=max(300, 60 + 32 * dated["outlet"].nunique()))
    return figure


def lag_figure(reporters: pd.DataFrame, *, story_id: str | None = None) -> go.Figure:
    """Each outlet's lag behind the first reporter of one story (the largest when not given).

    A pale bar spans the possible lag (coarse dates), a marker shows the lag when both dates are
    day-precise or finer.
    """
    rows = _lag_rows(reporters, story_id)
    figure = go.Figure()
    figure.add_trace(go.Bar(
        y=rows["outlet"], base=rows["lag_min_hours"], x=rows["lag_max_hours"] - rows["lag_min_hours"],
        orientation="h", name="possible lag", marker_color="#9ecae1",
        hovertext=[f"{outlet}: between {low:.1f} and {high:.1f} h ({precision})" for outlet, low, high, precision
                   in zip(rows["outlet"], rows["lag_min_hours"], rows["lag_max_hours"], rows["precision"])],
        hoverinfo="text"))
    known = rows[rows["lag_hours"].notna()]
    figure.add_trace(go.Scatter(
        y=known["outlet"], x=known["lag_hours"], mode="markers", name="lag", marker=dict(size=11, color="#08519c"),
        hovertext=[f"{outlet}: {lag:.1f} h after {first}" for outlet, lag, first
                   in zip(known["outlet"], known["lag_hours"], known["first_outlet"])], hoverinfo="text"))
    first = rows["first_outlet"].iloc[0] if len(rows) else ""
    figure.update_layout(title=f"Lag behind the first reporter ({first})", barmode="overlay",
                         xaxis_title="hours after the first report", yaxis=dict(autorange="reversed"),
                         height=max(300, 60 + 32 * len(rows)))
    return figure


def propagation_figure(propagation: pd.DataFrame, *, title: str = "How quotes and claims travelled") -> go.Figure:
    """Graph of :func:`warta.timeline.propagation_edges`: wires on the left, outlets in the order
    they first carried an item; hovering an edge lists the quotes and claims that travelled on it."""
    edges = propagation_edges(propagation)
    positions = _propagation_layout(propagation, edges)
    figure = go.Figure()
    for edge in edges.itertuples():
        (x0, y0), (x1, y1) = positions[edge.source], positions[edge.target]
        color = "#d62728" if edge.via == "copy" else "#2ca02c"
        figure.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip", showlegend=False,
                                    line=dict(width=1.5 + 1.5 * edge.items, color=color)))
        figure.add_annotation(x=x1, y=y1, ax=x0, ay=y0, xref="x", yref="y", axref="x", ayref="y", showarrow=True,
                              arrowhead=3, arrowsize=1.2, arrowcolor=color, text="", standoff=14)
        label = "copied from" if edge.via == "copy" else "credits"
        figure.add_trace(go.Scatter(
            x=[(x0 + x1) / 2], y=[(y0 + y1) / 2], mode="markers", showlegend=False,
            marker=dict(size=10, color=color, symbol="circle-open"), hoverinfo="text",
            hovertext=f"<b>{edge.target}</b> {label} <b>{edge.source}</b><br>"
                      + "<br>".join(_wrap(text) for text in edge.texts)))
    wires = [name for name in positions if positions[name][0] == 0]
    outlets = [name for name in positions if positions[name][0] > 0]
    for names, color, symbol, legend in ((wires, "#2ca02c", "square", "wire / credited source"),
                                         (outlets, "#1f77b4", "circle", "outlet")):
        figure.add_trace(go.Scatter(
            x=[positions[name][0] for name in names], y=[positions[name][1] for name in names],
            mode="markers+text", text=names, textposition="top center", name=legend, hoverinfo="text",
            marker=dict(size=22, color=color, symbol=symbol), hovertext=names))
    figure.update_layout(title=title, xaxis=dict(visible=False), yaxis=dict(visible=False),
                         height=max(350, 120 + 70 * max(len(wires), 1)))
    return figure


def wire_share_figure(articles: pd.DataFrame, *, title: str = "Sources credited by the articles") -> go.Figure:
    """Share of articles crediting each wire or outlet (an article may credit several)."""
    shares = wire_shares(articles)
    figure = go.Figure(go.Bar(x=shares["share"], y=shares["source"], orientation="h",
                              text=[f"{count} ({share:.0%})" for count, share in zip(shares["articles"], shares["share"])],
                              textposition="auto", marker_color="#2ca02c"))
    figure.update_layout(title=title, xaxis=dict(title="share of articles", tickformat=".0%"),
                         yaxis=dict(autorange="reversed"), height=max(300, 60 + 28 * len(shares)))
    return figure


def recent_events(events: pd.DataFrame, *, max_days_before: float = 365) -> pd.DataFrame:
    """Dated mentions at most ``max_days_before`` days before their article's publication (a
    mention of "tahun 2000" would otherwise squeeze the whole chart)."""
    dated = events[events["start"].notna()]
    return dated[~(dated["days_from_publication"] < -max_days_before)].copy()


def events_figure(events: pd.DataFrame, table: pd.DataFrame, *, max_days_before: float = 365,
                  title: str = "Dates mentioned in the text and publication dates") -> go.Figure:
    """Per outlet: publication spans (grey) and the dates the articles mention (markers, or bars
    for month- and year-precise dates), each with its sentence on hover (see :func:`recent_events`)."""
    figure = go.Figure()
    dated = _dated(table)
    figure.add_trace(go.Bar(
        y=dated["outlet"], base=_iso(dated["start_local"]), x=(dated["shown_end"] - dated["start_local"]).dt.total_seconds()
        * 1000, orientation="h", name="published", marker_color="#bdbdbd", opacity=0.8,
        hovertext=[f"{outlet} published {published}" for outlet, published in zip(dated["outlet"], dated["published"])],
        hoverinfo="text"))
    mentioned = recent_events(events, max_days_before=max_days_before)
    mentioned["start_local"] = _local(mentioned["start"])
    mentioned["end_local"] = _local(mentioned["end"])
    hover = [f"<b>{surface}</b> → {date}<br>{_wrap(sentence)}" for surface, date, sentence
             in zip(mentioned["surface"], mentioned["date"], mentioned["sentence"])]
    mentioned["hover"] = hover
    wide = mentioned["precision"].isin(["month", "year"])
    figure.add_trace(go.Bar(
        y=mentioned.loc[wide, "outlet"], base=_iso(mentioned.loc[wide, "start_local"]),
        x=(mentioned.loc[wide, "end_local"] - mentioned.loc[wide, "start_local"]).dt.total_seconds() * 1000,
        orientation="h", name="mentioned (month / year)", marker_color="#fdae6b", opacity=0.5,
        hovertext=mentioned.loc[wide, "hover"], hoverinfo="text"))
    figure.add_trace(go.Scatter(
        y=mentioned.loc[~wide, "outlet"], x=_iso(mentioned.loc[~wide, "start_local"] + pd.Timedelta(hours=12)),
        mode="markers", name="mentioned (day)", marker=dict(size=10, color="#e6550d"),
        hovertext=mentioned.loc[~wide, "hover"], hoverinfo="text"))
    figure.update_layout(title=title, barmode="overlay", xaxis=dict(type="date"), yaxis=dict(autorange="reversed"),
                         height=max(300, 60 + 36 * dated["outlet"].nunique()))
    return figure


def _story_rows(reporters: pd.DataFrame, story_id: str | None) -> pd.DataFrame:
    if reporters.empty:
        return reporters
    if story_id is None:
        story_id = reporters.groupby("story_id")["outlet"].nunique().sort_values(ascending=False, kind="stable").index[0]
    return reporters[reporters["story_id"] == story_id]


def _lag_rows(reporters: pd.DataFrame, story_id: str | None) -> pd.DataFrame:
    """One story's outlets ordered by lag (the middle of the possible range when the lag is unknown)."""
    rows = _story_rows(reporters, story_id)
    middle = (rows["lag_min_hours"] + rows["lag_max_hours"]) / 2
    return rows.assign(_key=rows["lag_hours"].fillna(middle)).sort_values("_key", kind="stable").drop(columns="_key")


def _propagation_layout(propagation: pd.DataFrame, edges: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Credited sources that are not outlets of the corpus in column 0; outlets in columns by the
    time they first carried an item, so that edges run left to right as the story spread."""
    outlets = propagation[["outlet", "published"]].drop_duplicates() if len(propagation) else propagation
    spans = spans_of(outlets["published"]) if len(outlets) else pd.DataFrame(columns=["end"])
    first = (outlets.assign(end=spans["end"].to_numpy()).groupby("outlet")["end"].min()
             .sort_values(kind="stable", na_position="last") if len(outlets) else pd.Series(dtype=object))
    names = list(first.index)
    sources = [name for name in dict.fromkeys(edges["source"]) if name not in names] if len(edges) else []
    sources += [name for name in dict.fromkeys(edges["target"]) if name not in names and name not in sources] \
        if len(edges) else []
    positions = {name: (0.0, float(-index)) for index, name in enumerate(sources)}
    for index, name in enumerate(names):
        positions[name] = (float(index + 1), float(-(index % 3)) - 0.5 * (index // 3 % 2))
    return positions


# --------------------------------------------------------------------------- matplotlib


def timeline_chart(table: pd.DataFrame, *, title: str = "Publication timeline by outlet") -> Figure:
    """Static version of :func:`timeline_figure`."""
    dated = _dated(table)
    outlets = list(dict.fromkeys(dated["outlet"]))
    figure = Figure(figsize=(10, 1.2 + 0.45 * max(len(outlets), 1)))
    axes = figure.subplots()
    stories = dated["story_id"].fillna("(no story)")
    colors = _colors(stories)
    for (_, row), story in zip(dated.iterrows(), stories):
        y = outlets.index(row["outlet"])
        start = mdates.date2num(row["start_local"])
        axes.barh(y, mdates.date2num(row["shown_end"]) - start, left=start, height=0.6, color=colors[story],
                  alpha=0.55)
        if row["precision"] not in COARSE:
            axes.plot(start, y, marker="D", color=colors[story], markeredgecolor="black")
    return _finish_outlet_date_axes(figure, axes, outlets, title)


def lag_chart(reporters: pd.DataFrame, *, story_id: str | None = None) -> Figure:
    """Static version of :func:`lag_figure`."""
    rows = _lag_rows(reporters, story_id)
    figure = Figure(figsize=(8, 1.2 + 0.45 * max(len(rows), 1)))
    axes = figure.subplots()
    y = np.arange(len(rows))
    axes.barh(y, rows["lag_max_hours"] - rows["lag_min_hours"], left=rows["lag_min_hours"], color="#9ecae1",
              label="possible lag")
    known = rows["lag_hours"].notna().to_numpy()
    axes.plot(rows["lag_hours"].to_numpy()[known], y[known], "o", color="#08519c", label="lag")
    axes.set_yticks(y, rows["outlet"])
    axes.invert_yaxis()
    axes.set_xlabel("hours after the first report")
    first = rows["first_outlet"].iloc[0] if len(rows) else ""
    axes.set_title(f"Lag behind the first reporter ({first})")
    axes.legend(loc="lower right")
    figure.tight_layout()
    return figure


def wire_share_chart(articles: pd.DataFrame, *, title: str = "Sources credited by the articles") -> Figure:
    """Static version of :func:`wire_share_figure`."""
    shares = wire_shares(articles)
    figure = Figure(figsize=(8, 1.2 + 0.4 * max(len(shares), 1)))
    axes = figure.subplots()
    axes.barh(shares["source"], shares["share"], color="#2ca02c")
    axes.invert_yaxis()
    axes.xaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    axes.set_xlabel("share of articles")
    axes.set_title(title)
    figure.tight_layout()
    return figure


def events_chart(events: pd.DataFrame, table: pd.DataFrame, *, max_days_before: float = 365,
                 title: str = "Dates mentioned in the text and publication dates") -> Figure:
    """Static version of :func:`events_figure`."""
    dated = _dated(table)
    outlets = list(dict.fromkeys(list(dated["outlet"]) + list(events["outlet"])))
    figure = Figure(figsize=(10, 1.2 + 0.5 * max(len(outlets), 1)))
    axes = figure.subplots()
    for _, row in dated.iterrows():
        start = mdates.date2num(row["start_local"])
        axes.barh(outlets.index(row["outlet"]), mdates.date2num(row["shown_end"]) - start, left=start, height=0.6,
                  color="#bdbdbd")
    for _, row in recent_events(events, max_days_before=max_days_before).iterrows():
        y = outlets.index(row["outlet"])
        start, end = mdates.date2num(_local(pd.Series([row["start"], row["end"]])))
        if row["precision"] in ("month", "year"):
            axes.barh(y, end - start, left=start, height=0.3, color="#fdae6b", alpha=0.6)
        else:
            axes.plot((start + end) / 2, y, "o", color="#e6550d")
    return _finish_outlet_date_axes(figure, axes, outlets, title)


def _finish_outlet_date_axes(figure: Figure, axes, outlets: list, title: str) -> Figure:
    """Outlets down the side (first at the top), concise dates along the bottom."""
    axes.set_yticks(range(len(outlets)), outlets)
    axes.invert_yaxis()
    axes.xaxis_date()
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(axes.xaxis.get_major_locator()))
    axes.set_title(title)
    figure.tight_layout()
    return figure
