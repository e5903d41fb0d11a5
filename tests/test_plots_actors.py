"""Tests for warta.plots.actors: traces, sizes, widths, hover text and static charts."""
from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest
from matplotlib.figure import Figure

from warta.cooccurrence import compare_outlets, cooccurrence, cooccurrence_graph, evidence_sentences, top_pairs
from warta.plots import actors as plots

MENTIONS = pd.DataFrame(
    [
        ("a1", 0, "per:vladimir-putin", "Vladimir Putin", "PER"),
        ("a1", 0, "per:kim-jong-un", "Kim Jong Un", "PER"),
        ("a1", 1, "per:vladimir-putin", "Vladimir Putin", "PER"),
        ("a1", 1, "loc:rusia", "Rusia", "LOC"),
        ("a2", 0, "per:vladimir-putin", "Vladimir Putin", "PER"),
        ("a2", 0, "per:kim-jong-un", "Kim Jong Un", "PER"),
        ("a2", 0, "org:nato", "NATO", "ORG"),
        ("a2", 1, "per:vladimir-putin", "Vladimir Putin", "PER"),
    ],
    columns=["article_id", "sentence_id", "actor_id", "name", "type"],
)
ARTICLES = pd.DataFrame({
    "article_id": ["a1", "a2"],
    "outlet": ["Kompas", "Okezone"],
    "body": ["Putin bertemu Kim. Putin tiba di Rusia.", "Putin, Kim dan NATO. Putin pulang."],
})


@pytest.fixture
def pairs():
    return cooccurrence(MENTIONS)


@pytest.fixture
def graph(pairs):
    return cooccurrence_graph(pairs, MENTIONS)


def test_network_traces(graph, pairs):
    figure = plots.network_figure(graph, evidence=evidence_sentences(pairs, ARTICLES))
    names = [trace.name for trace in figure.data]
    assert names.count("edge details") == 1
    assert [name for name in names if name not in {"edges", "edge details"}] == ["LOC", "ORG", "PER"]
    people = next(trace for trace in figure.data if trace.name == "PER")
    assert list(people.text) == ["Kim Jong Un", "Vladimir Putin"]
    # Node size follows mentions: Putin (4) is the largest node of the graph.
    sizes = {name: size for trace in figure.data if trace.name in {"LOC", "ORG", "PER"}
             for name, size in zip(trace.text, trace.marker.size)}
    assert max(sizes, key=sizes.get) == "Vladimir Putin"
    assert sizes["Rusia"] == sizes["NATO"] < sizes["Kim Jong Un"]
    assert people.marker.color == "#1f77b4"


def test_edge_hover_shows_evidence(graph, pairs):
    figure = plots.network_figure(graph, evidence=evidence_sentences(pairs, ARTICLES))
    details = next(trace for trace in figure.data if trace.name == "edge details")
    assert len(details.hovertext) == graph.number_of_edges()
    putin_kim = next(text for text in details.hovertext if text.startswith("<b>Kim Jong Un – Vladimir Putin"))
    assert "count: 2" in putin_kim
    assert "“Putin bertemu Kim.” (Kompas)" in putin_kim
    assert "“Putin, Kim dan NATO.” (Okezone)" in putin_kim


def test_edge_width_follows_weight(graph):
    figure = plots.network_figure(graph)
    lines = [trace for trace in figure.data if trace.name == "edges"]
    widest = max(lines, key=lambda trace: trace.line.width)
    # The only count-2 edge (Kim–Putin) is alone in the widest class: one segment + a gap.
    assert len(widest.x) == 3
    assert len({trace.line.width for trace in lines}) == 2


def test_network_is_deterministic(graph):
    rebuilt = nx.Graph()
    rebuilt.add_nodes_from(reversed(list(graph.nodes(data=True))))
    rebuilt.add_edges_from(reversed(list(graph.edges(data=True))))
    first = plots.network_figure(graph)
    assert first.to_json() == plots.network_figure(graph).to_json()
    assert plots.network_layout(graph) == plots.network_layout(rebuilt)


def test_layout_keeps_components_apart():
    graph = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("x", "y")])
    graph.add_node("lonely")
    positions = plots.network_layout(graph)
    boxes = []
    for nodes in (["a", "b", "c", "d"], ["x", "y"], ["lonely"]):
        xs, ys = zip(*(positions[node] for node in nodes))
        boxes.append((min(xs), max(xs), min(ys), max(ys)))
    for i, first in enumerate(boxes):
        for second in boxes[i + 1:]:
            apart = first[1] < second[0] or second[1] < first[0] or first[3] < second[2] or second[3] < first[2]
            assert apart, (first, second)
    assert positions == plots.network_layout(graph)


def test_network_weight_choice(graph):
    figure = plots.network_figure(graph, weight="jaccard")
    assert any(trace.name == "edges" for trace in figure.data)


def test_top_pairs_figure(pairs):
    top = top_pairs(pairs, n=2)
    figure = plots.top_pairs_figure(top)
    bar = figure.data[0]
    assert list(bar.y) == list(top["pair"])[::-1]
    assert list(bar.x) == list(top["count"])[::-1]


def test_outlet_heatmap(pairs):
    comparison = compare_outlets(MENTIONS, ARTICLES, top_n=3)
    heatmap = plots.outlet_heatmap_figure(comparison).data[0]
    assert list(heatmap.x) == ["Kompas", "Okezone"]
    assert heatmap.y[0] == "Kim Jong Un – Vladimir Putin"
    assert heatmap.z[0].tolist() == [1, 1]
    # Kompas has 2 sentence windows naming an actor, Okezone 2 (a2#0 and a2#1).
    shares = plots.outlet_heatmap_figure(comparison, value="share").data[0]
    assert shares.z[0].tolist() == pytest.approx([0.5, 0.5])
    assert "%" in shares.texttemplate


@pytest.mark.parametrize("builder", [plots.network_chart, plots.top_pairs_chart, plots.outlet_heatmap_chart])
def test_static_charts(builder, graph, pairs):
    table = {plots.network_chart: graph, plots.top_pairs_chart: top_pairs(pairs, n=3),
             plots.outlet_heatmap_chart: compare_outlets(MENTIONS, ARTICLES, top_n=3)}[builder]
    figure = builder(table)
    assert isinstance(figure, Figure)
    assert figure.axes[0].get_title()


def test_empty_inputs_give_empty_figures():
    pairs = cooccurrence(MENTIONS.iloc[:0])
    graph = cooccurrence_graph(pairs, MENTIONS.iloc[:0])
    assert len(plots.network_figure(graph).data) == 0
    assert len(plots.top_pairs_figure(top_pairs(pairs, n=5)).data[0].y) == 0
    comparison = compare_outlets(MENTIONS.iloc[:0], ARTICLES)
    assert plots.outlet_heatmap_figure(comparison).data[0].z.size == 0
    for figure in (plots.network_chart(graph), plots.top_pairs_chart(pairs), plots.outlet_heatmap_chart(comparison)):
        assert isinstance(figure, Figure)
