"""Tests for warta.plots.timeline: what each chart draws from small hand-built tables."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from warta import timeline
from warta.plots import timeline as charts


def article(article_id, outlet, published, precision, *, cited=(), title="judul"):
    return {"article_id": article_id, "outlet": outlet, "outlet_domain": outlet.lower() + ".com",
            "published": published, "date_precision": precision, "title": title, "body": "Isi berita.",
            "cited_sources": list(cited), "captions": []}


ARTICLES = pd.DataFrame([
    article("k", "Kompas TV", "2024-06-15T12:30:00+07:00", "minute", cited=["The Guardian"]),
    article("o", "Okezone", "2024-06-18", "day", cited=["BBC"]),
    article("b", "Bisnis", "2024-06-19", "day", cited=["Reuters"]),
    article("d", "bdadinfo", "2024-06-19", "day", cited=["Reuters"]),
    article("m", "KBS", "2024-06", "month"),
    article("u", "Undated", None, None),
])
STORIES = pd.DataFrame({"article_id": ARTICLES["article_id"], "story_id": "s1"})
PROPAGATION = pd.DataFrame([
    {"item_id": "s1:claim:11000", "kind": "claim", "text": "lebih dari 11.000 kontainer amunisi", "article_id": "d",
     "outlet": "bdadinfo", "published": "2024-06-19", "order": 1, "credited": "Reuters", "relation": "first"},
    {"item_id": "s1:claim:11000", "kind": "claim", "text": "lebih dari 11.000 kontainer amunisi", "article_id": "b",
     "outlet": "Bisnis", "published": "2024-06-19", "order": 2, "credited": "Reuters",
     "relation": "same_wire:Reuters"},
    {"item_id": "s1:quote:kirby", "kind": "quote", "text": "semakin dalamnya hubungan", "article_id": "o",
     "outlet": "Okezone", "published": "2024-06-18", "order": 1, "credited": "BBC", "relation": "first"},
    {"item_id": "s1:quote:kirby", "kind": "quote", "text": "hubungan yang semakin erat", "article_id": "m",
     "outlet": "KBS", "published": "2024-06", "order": 2, "credited": "", "relation": "copied_from:Okezone"},
])


@pytest.fixture(scope="module")
def table():
    return timeline.publication_timeline(ARTICLES, stories=STORIES)


def test_propagation_edges_separate_copies_from_credits():
    edges = timeline.propagation_edges(PROPAGATION)
    rows = {(edge.source, edge.target, edge.via): edge.items for edge in edges.itertuples()}
    assert rows == {("Reuters", "bdadinfo", "credit"): 1, ("Reuters", "Bisnis", "credit"): 1,
                    ("BBC", "Okezone", "credit"): 1, ("Okezone", "KBS", "copy"): 1}
    assert edges.set_index("target").at["KBS", "texts"] == ["quote: hubungan yang semakin erat"]


def test_wire_shares_count_each_article_once_per_source():
    shares = timeline.wire_shares(ARTICLES).set_index("source")
    assert shares.at["Reuters", "articles"] == 2
    assert shares.at["(none)", "articles"] == 2
    assert shares.at["Reuters", "share"] == pytest.approx(2 / 6, abs=1e-3)
    assert timeline.wire_shares(ARTICLES)["source"].iloc[0] in {"Reuters", "(none)"}


def test_timeline_figure_draws_spans_and_markers_for_dated_articles(table):
    figure = charts.timeline_figure(table)
    bars = [trace for trace in figure.data if trace.type == "bar"]
    markers = [trace for trace in figure.data if trace.type == "scatter"]
    assert sum(len(trace.y) for trace in bars) == 5  # the undated article has no span
    assert [list(trace.y) for trace in markers] == [["Kompas TV"]]
    widths = dict(zip(bars[0].y, bars[0].x))
    assert widths["KBS"] == pytest.approx(30 * 86_400_000)  # the whole of June
    assert widths["Okezone"] == pytest.approx(86_400_000)
    assert widths["Kompas TV"] == pytest.approx(3 * 3_600_000)  # widened to stay visible


def test_lag_figure_shows_ranges_and_known_lags(table):
    reporters = timeline.first_reporters(ARTICLES, STORIES)
    figure = charts.lag_figure(reporters)
    ranges, points = figure.data
    assert list(ranges.y)[0] == "Kompas TV"
    assert "KBS" in ranges.y and "KBS" not in points.y  # month precision: a range, no point
    assert "Kompas TV" in figure.layout.title.text


def test_propagation_figure_puts_wires_left_and_lists_texts_on_hover():
    figure = charts.propagation_figure(PROPAGATION)
    nodes = {trace.name: trace for trace in figure.data if trace.mode == "markers+text"}
    assert set(nodes["wire / credited source"].text) == {"Reuters", "BBC"}
    assert set(nodes["outlet"].text) == {"Okezone", "bdadinfo", "Bisnis", "KBS"}
    assert all(x == 0 for x in nodes["wire / credited source"].x)
    hovers = " ".join(str(trace.hovertext) for trace in figure.data if trace.mode == "markers")
    assert "11.000 kontainer" in hovers and "copied from" in hovers
    assert len(figure.layout.annotations) == 4


def test_wire_share_figure_orders_sources_by_count():
    figure = charts.wire_share_figure(ARTICLES)
    assert list(figure.data[0].y)[:2] == ["(none)", "Reuters"]


def test_events_figure_leaves_out_old_mentions(table):
    events = pd.DataFrame([
        {"outlet": "KBS", "date": "2024-06-17", "precision": "day", "surface": "Senin (17/06)",
         "sentence": "Kirby berbicara.", "days_from_publication": 16.0},
        {"outlet": "Okezone", "date": "2023-09", "precision": "month", "surface": "bulan September",
         "sentence": "Bertemu pada bulan September.", "days_from_publication": -291.0},
        {"outlet": "Okezone", "date": "2000", "precision": "year", "surface": "tahun 2000",
         "sentence": "Sejak tahun 2000.", "days_from_publication": -8935.0},
    ])
    events[["start", "end", "precision"]] = timeline.spans_of(events["date"], events["precision"])
    figure = charts.events_figure(events, table)
    published, wide, days = figure.data
    assert list(wide.y) == ["Okezone"] and list(days.y) == ["KBS"]
    assert len(charts.recent_events(events, max_days_before=10_000)) == 3


@pytest.mark.parametrize("build", [
    lambda table: charts.timeline_chart(table),
    lambda table: charts.lag_chart(timeline.first_reporters(ARTICLES, STORIES)),
    lambda table: charts.wire_share_chart(ARTICLES),
    lambda table: charts.events_chart(timeline.extract_events(ARTICLES), table),
])
def test_static_charts_are_matplotlib_figures_with_outlet_labels(build, table, tmp_path):
    figure = build(table)
    assert isinstance(figure, Figure)
    labels = {label.get_text() for label in figure.axes[0].get_yticklabels()}
    assert labels & {"Kompas TV", "Reuters", "KBS", "Okezone", ""}
    figure.savefig(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").stat().st_size > 1000


def test_charts_accept_empty_tables():
    empty = timeline.publication_timeline(ARTICLES.iloc[:0])
    assert len(charts.timeline_figure(empty).data) == 0
    assert isinstance(charts.propagation_figure(PROPAGATION.iloc[:0]), type(charts.timeline_figure(empty)))


@pytest.mark.parametrize("build", [
    lambda table: charts.timeline_figure(table),
    lambda table: charts.lag_figure(timeline.first_reporters(ARTICLES, STORIES)),
    lambda table: charts.propagation_figure(PROPAGATION),
    lambda table: charts.wire_share_figure(ARTICLES),
    lambda table: charts.events_figure(timeline.extract_events(ARTICLES), table),
])
def test_figures_serialise_for_the_notebook_display(build, table):
    from jupyter_client.jsonutil import json_default

    json.dumps(build(table).to_plotly_json(), default=json_default)


def _many(sizes: dict[str, int]) -> pd.DataFrame:
    rows = [{"article_id": f"{story}-{i}", "story_id": story, "outlet": f"o{i % 3}", "title": "t",
             "published": "2024-06-15", "precision": "day"} for story, size in sizes.items() for i in range(size)]
    return pd.DataFrame(rows)


@pytest.mark.parametrize("sizes, limit, kept, note", [
    ({"a": 2, "b": 3}, 5, {"a": 2, "b": 3}, ""),  # under the limit: everything
    ({"a": 2, "b": 3, "c": 4}, 7, {"b": 3, "c": 4}, " (2 largest stories: 7 of 9 articles)"),
    ({"a": 3, "b": 3, "c": 1}, 4, {"a": 3}, " (the largest story: 3 of 7 articles)"),  # ties by id
    ({"a": 9, "b": 1}, 4, {"a": 4}, " (the largest story, first 4 of 10 articles)"),
])
def test_largest_stories_keep_whole_stories_up_to_the_limit(sizes, limit, kept, note):
    rows, text = charts.largest_stories(_many(sizes), limit=limit)
    assert rows["story_id"].value_counts().to_dict() == kept
    assert text == note


def test_big_batch_charts_stay_light(monkeypatch):
    monkeypatch.setattr(charts, "_limit", lambda key, default: {"max_points": 50, "max_edges": 1}[key])
    table = _many({f"s{i:03d}": 1 + i % 7 for i in range(400)})
    table[["start", "end"]] = [pd.Timestamp("2024-06-15", tz="+07:00"), pd.Timestamp("2024-06-16", tz="+07:00")]
    figure = charts.timeline_figure(table)
    assert sum(len(trace.y) for trace in figure.data) <= 50
    assert "largest stories" in figure.layout.title.text
    events = pd.DataFrame({"article_id": table["article_id"], "outlet": table["outlet"], "surface": "15/6",
                           "date": "2024-06-15", "sentence": "x", "precision": "day", "start": table["start"],
                           "end": table["end"], "days_from_publication": 0.0})
    figure = charts.events_figure(events, table)
    assert sum(len(trace.y) for trace in figure.data) <= 100
    assert isinstance(charts.timeline_chart(table), Figure)
    assert isinstance(charts.events_chart(events, table), Figure)
    figure = charts.propagation_figure(PROPAGATION)
    assert "top 1 of" in figure.layout.title.text


@pytest.mark.parametrize("y, start, end, height, corners", [
    ([0], [1.0], [3.0], 0.6, [[[1.0, -0.3], [1.0, 0.3], [3.0, 0.3], [3.0, -0.3]]]),
    ([2, 0], [5.0, 1.0], [5.5, 2.0], 0.3, [[[5.0, 1.85], [5.0, 2.15], [5.5, 2.15], [5.5, 1.85]],
                                          [[1.0, -0.15], [1.0, 0.15], [2.0, 0.15], [2.0, -0.15]]]),
])
def test_bars_are_one_collection_of_rectangles(y, start, end, height, corners):
    figure = Figure()
    axes = figure.subplots()
    charts._bars(axes, np.array(y), np.array(start), np.array(end), height=height, color="#bdbdbd")
    assert not axes.patches and len(axes.collections) == 1
    drawn = np.array([path.vertices[:4] for path in axes.collections[0].get_paths()])
    np.testing.assert_allclose(drawn, np.array(corners))
    assert axes.get_xlim()[0] <= min(start) and axes.get_xlim()[1] >= max(end)


def test_big_batch_static_charts_draw_each_bar_once():
    table = _many({f"s{i:03d}": 1 + i % 7 for i in range(100)})
    table[["start", "end"]] = [pd.Timestamp("2024-06-15", tz="+07:00"), pd.Timestamp("2024-06-16", tz="+07:00")]
    axes = charts.timeline_chart(table).axes[0]
    assert not axes.patches
    assert sum(len(collection.get_paths()) for collection in axes.collections) == len(table)
