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
from matplotlib.collections import PolyCollection
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


def _limit(key: str, default: int) -> int:
    return int(config.section("report").get(key, default))


def largest_stories(table: pd.DataFrame, *, limit: int | None = None) -> tuple[pd.DataFrame, str]:
    """The rows of the largest stories, at most ``limit`` (``[report] max_points``) in all, and a
    note for the title when some were left out: a chart of 100,000 bars, each with its hover text,
    is too heavy for a page and unreadable anyway. Stories are taken whole, largest first (ties by
    story id); a first story larger than the limit is cut to its first rows.
    """
    limit = _limit("max_points", 2000) if limit is None else limit
    if len(table) <= limit:
        return table, ""
    stories = table["story_id"].fillna("(no story)") if "story_id" in table else pd.Series("", index=table.index)
    sizes = stories.value_counts().rename_axis("story").reset_index(name="size")
    sizes = sizes.sort_values(["size", "story"], ascending=[False, True], kind="stable")
    kept = sizes[sizes["size"].cumsum() <= limit]["story"]
    if kept.empty:
        rows = table[stories == sizes["story"].iat[0]].head(limit)
        return rows, f" (the largest story, first {len(rows):,} of {len(table):,} articles)"
    rows = table[stories.isin(set(kept))]
    stories_text = "the largest story" if len(kept) == 1 else f"{len(kept):,} largest stories"
    return rows, f" ({stories_text}: {len(rows):,} of {len(table):,} articles)"


def _colors(keys: pd.Series) -> dict:
    return {key: PALETTE[index % len(PALETTE)] for index, key in enumerate(dict.fromkeys(keys))}


# --------------------------------------------------------------------------- plotly


def timeline_figure(table: pd.DataFrame, *, title: str = "Publication timeline by outlet") -> go.Figure:
    """Interactive per-outlet timeline of :func:`warta.timeline.publication_timeline` rows.

    One bar per article over its publication span, coloured by story; minute- and hour-precise
    articles also get a diamond at their exact time. A large batch shows its largest stories
    (see :func:`largest_stories`).
    """
    table, note = largest_stories(table)
    dated = _dated(table)
    stories = dated["story_id"].fillna("(no story)")
    colors = _colors(stories)
    # Added at once: plotly re-validates every trace already in a figure on each add_trace, which
    # grows with the square of the number of stories shown.
    traces = []
    for story, rows in dated.groupby(stories, sort=False):
        hover = [f"<b>{outlet}</b><br>{_wrap(title_)}<br>published {published} ({precision})"
                 for outlet, title_, published, precision in
                 zip(rows["outlet"], rows["title"], rows["published"], rows["precision"])]
        traces.append(go.Bar(
            y=rows["outlet"], base=_iso(rows["start_local"]),
            x=(rows["shown_end"] - rows["start_local"]).dt.total_seconds() * 1000,
            orientation="h", name=str(story), marker_color=colors[story], opacity=0.55,
            hovertext=hover, hoverinfo="text", legendgroup=str(story)))
        exact = rows[~rows["precision"].isin(COARSE)]
        if len(exact):
            traces.append(go.Scatter(
                y=exact["outlet"], x=_iso(exact["start_local"]), mode="markers", showlegend=False,
                marker=dict(symbol="diamond", size=11, color=colors[story], line=dict(width=1, color="black")),
                hovertext=[hover[rows.index.get_loc(index)] for index in exact.index], hoverinfo="text",
                legendgroup=str(story)))
    figure = go.Figure(data=traces)
    figure.update_layout(title=title + note, barmode="overlay", xaxis=dict(type="date", title="published (WIB)"),
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
    limit = _limit("max_edges", 60)
    if len(edges) > limit:  # one trace and one arrow per edge: keep those that carried the most
        title = f"{title} (top {limit} of {len(edges):,} edges)"
        edges = edges.head(limit)
    positions = _propagation_layout(propagation, edges)
    # Traces and arrows are collected and added at once: plotly re-validates every trace (and
    # annotation) already in the figure on each add_trace / add_annotation call.
    traces, arrows = [], []
    for edge in edges.itertuples():
        (x0, y0), (x1, y1) = positions[edge.source], positions[edge.target]
        color = "#d62728" if edge.via == "copy" else "#2ca02c"
        traces.append(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip", showlegend=False,
                                 line=dict(width=1.5 + 1.5 * edge.items, color=color)))
        arrows.append(dict(x=x1, y=y1, ax=x0, ay=y0, xref="x", yref="y", axref="x", ayref="y", showarrow=True,
                           arrowhead=3, arrowsize=1.2, arrowcolor=color, text="", standoff=14))
        label = "copied from" if edge.via == "copy" else "credits"
        traces.append(go.Scatter(
            x=[(x0 + x1) / 2], y=[(y0 + y1) / 2], mode="markers", showlegend=False,
            marker=dict(size=10, color=color, symbol="circle-open"), hoverinfo="text",
            hovertext=f"<b>{edge.target}</b> {label} <b>{edge.source}</b><br>"
                      + "<br>".join(_wrap(text) for text in edge.texts)))
    wires = [name for name in positions if positions[name][0] == 0]
    outlets = [name for name in positions if positions[name][0] > 0]
    for names, color, symbol, legend in ((wires, "#2ca02c", "square", "wire / credited source"),
                                         (outlets, "#1f77b4", "circle", "outlet")):
        traces.append(go.Scatter(
            x=[positions[name][0] for name in names], y=[positions[name][1] for name in names],
            mode="markers+text", text=names, textposition="top center", name=legend, hoverinfo="text",
            marker=dict(size=22, color=color, symbol=symbol), hovertext=names))
    figure = go.Figure(data=traces)
    if arrows:
        figure.update_layout(annotations=arrows)
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
    for month- and year-precise dates), each with its sentence on hover (see :func:`recent_events`).
    A large batch shows the articles of its largest stories (see :func:`largest_stories`)."""
    figure = go.Figure()
    table, events, note = _events_of_largest(events, table)
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
    figure.update_layout(title=title + note, barmode="overlay", xaxis=dict(type="date"),
                         yaxis=dict(autorange="reversed"), height=max(300, 60 + 36 * dated["outlet"].nunique()))
    return figure


def _events_of_largest(events: pd.DataFrame, table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """The publication rows of the largest stories and the events of their articles (at most
    ``[report] max_points`` of each)."""
    kept, note = largest_stories(table)
    if note and "article_id" in events:
        events = events[events["article_id"].isin(set(kept["article_id"]))]
    limit = _limit("max_points", 2000)
    if len(events) > limit:
        note = note or f" (first {limit:,} of {len(events):,} mentioned dates)"
        events = events.head(limit)
    return kept, events, note


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
    """Static version of :func:`timeline_figure`: the bars as one collection, a diamond per exact time."""
    table, note = largest_stories(table)
    dated = _dated(table)
    outlets = list(dict.fromkeys(dated["outlet"]))
    figure = Figure(figsize=(10, 1.2 + 0.45 * max(len(outlets), 1)))
    axes = figure.subplots()
    stories = dated["story_id"].fillna("(no story)")
    colors = _colors(stories)
    row_of = {outlet: index for index, outlet in enumerate(outlets)}
    y = dated["outlet"].map(row_of).to_numpy()
    start = mdates.date2num(dated["start_local"])
    _bars(axes, y, start, mdates.date2num(dated["shown_end"]), height=0.6, color=stories.map(colors), alpha=0.55)
    for story, rows in dated.groupby(stories, sort=False):
        y = rows["outlet"].map(row_of).to_numpy()
        start = mdates.date2num(rows["start_local"])
        exact = ~rows["precision"].isin(COARSE).to_numpy()
        if exact.any():
            axes.plot(start[exact], y[exact], linestyle="none", marker="D", color=colors[story],
                      markeredgecolor="black")
    return _finish_outlet_date_axes(figure, axes, outlets, title + note)


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
    """Static version of :func:`events_figure` (a few vectorised calls, whatever the batch size)."""
    table, events, note = _events_of_largest(events, table)
    dated = _dated(table)
    outlets = list(dict.fromkeys(list(dated["outlet"]) + list(events["outlet"])))
    row_of = {outlet: index for index, outlet in enumerate(outlets)}
    figure = Figure(figsize=(10, 1.2 + 0.5 * max(len(outlets), 1)))
    axes = figure.subplots()
    _bars(axes, dated["outlet"].map(row_of).to_numpy(), mdates.date2num(dated["start_local"]),
          mdates.date2num(dated["shown_end"]), height=0.6, color="#bdbdbd")
    mentioned = recent_events(events, max_days_before=max_days_before)
    if len(mentioned):
        y = mentioned["outlet"].map(row_of).to_numpy()
        start, end = mdates.date2num(_local(mentioned["start"])), mdates.date2num(_local(mentioned["end"]))
        wide = mentioned["precision"].isin(["month", "year"]).to_numpy()
        if wide.any():
            _bars(axes, y[wide], start[wide], end[wide], height=0.3, color="#fdae6b", alpha=0.6)
        if (~wide).any():
            axes.plot(((start + end) / 2)[~wide], y[~wide], "o", linestyle="none", color="#e6550d")
    return _finish_outlet_date_axes(figure, axes, outlets, title + note)


def _bars(axes, y: np.ndarray, start: np.ndarray, end: np.ndarray, *, height: float, color, alpha: float = 1.0) -> None:
    """Horizontal bars from ``start`` to ``end`` (date numbers) centred on rows ``y``, as one artist.

    ``barh`` adds one patch per bar and updates the data limits for each: with the chart's 2,000
    bars that was 2-3 s per chart, drawing included. One collection draws the same rectangles.
    """
    if not len(y):
        return
    low, high = np.asarray(y, dtype=float) - height / 2, np.asarray(y, dtype=float) + height / 2
    corners = np.stack([np.column_stack([start, low]), np.column_stack([start, high]),
                        np.column_stack([end, high]), np.column_stack([end, low])], axis=1)
    colors = color if isinstance(color, str) else list(color)
    axes.add_collection(PolyCollection(corners, facecolors=colors, edgecolors="none", alpha=alpha), autolim=True)
    axes.autoscale_view()


def _finish_outlet_date_axes(figure: Figure, axes, outlets: list, title: str) -> Figure:
    """Outlets down the side (first at the top), concise dates along the bottom."""
    axes.set_yticks(range(len(outlets)), outlets)
    axes.invert_yaxis()
    axes.xaxis_date()
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(axes.xaxis.get_major_locator()))
    axes.set_title(title)
    figure.tight_layout()
    return figure
