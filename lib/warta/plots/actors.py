"""Actor charts: the co-occurrence network, top pairs and the per-outlet comparison.

plotly builders (``*_figure``) feed the interactive pages; matplotlib builders (``*_chart``)
return ``matplotlib.figure.Figure`` objects for static PNGs, never touching pyplot state. The
network is laid out with a seeded spring layout, so the same graph always gives the same picture.
"""
from __future__ import annotations

import textwrap
from typing import Mapping

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from matplotlib.figure import Figure

from warta import config

# Edges are drawn in this many width classes: plotly gives one width per trace, and one trace
# per edge makes big graphs slow to render.
_WIDTH_CLASSES = 5


def _settings() -> dict:
    return config.section("cooccurrence")


def network_layout(graph: nx.Graph, *, seed: int | None = None) -> dict[str, tuple[float, float]]:
    """Deterministic node positions: each connected component gets its own seeded spring layout,
    and components are packed in rows, largest first.

    One spring layout over a disconnected graph pushes small components to the corners and
    squeezes the main one into a blob; laying them out apart keeps every part readable. The
    layout ignores edge weights (heavy edges would pull nodes on top of each other); widths
    show the weights instead.
    """
    if graph.number_of_nodes() == 0:
        return {}
    seed = int(_settings().get("layout_seed", 7)) if seed is None else seed
    components = sorted((sorted(nodes) for nodes in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    row_width = 2.2 * np.sqrt(len(components[0])) + 2.2 * np.sqrt(sum(len(c) for c in components[1:]))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for nodes in components:
        radius = np.sqrt(len(nodes))  # area grows with the number of nodes
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        local = _component_layout(graph, nodes, seed)
        for node in nodes:
            px, py = local[node]
            positions[node] = (float(x + radius + px * radius), float(y - radius + py * radius))
        x += 2 * radius + 0.2
        row_height = max(row_height, 2 * radius + 0.2)
    return positions


def _component_layout(graph: nx.Graph, nodes: list[str], seed: int) -> dict[str, tuple[float, float]]:
    """Spring layout of one component, scaled into [-1, 1] (a single node sits at the centre)."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    component = nx.Graph()
    component.add_nodes_from(nodes)
    component.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in graph.subgraph(nodes).edges))
    layout = nx.spring_layout(component, seed=seed, weight=None)
    return {node: (float(px), float(py)) for node, (px, py) in layout.items()}


def network_figure(
    graph: nx.Graph,
    *,
    weight: str = "count",
    evidence: pd.DataFrame | None = None,
    seed: int | None = None,
    title: str = "Actor co-occurrence",
) -> go.Figure:
    """Interactive network: node size = mentions, edge width = ``weight``, colour = actor type.

    Hovering a node shows its mentions and articles; hovering an edge midpoint shows the pair's
    counts and weights and, when ``evidence`` (from
    :func:`warta.cooccurrence.evidence_sentences`) is given, its evidence sentences.
    Traces: one per edge width class (``edges``), one of edge midpoints (``edge details``),
    one per actor type (named by type).
    """
    settings = _settings()
    positions = network_layout(graph, seed=seed)
    figure = go.Figure()
    # Ends in id order, so hover labels read like the pair tables ("source – target").
    edges = sorted((min(u, v), max(u, v), data) for u, v, data in graph.edges(data=True))
    if edges:
        values = np.array([float(data.get(weight, 0.0)) for _, _, data in edges])
        classes = _width_classes(values)
        widths = np.linspace(*settings.get("edge_width", [1, 12]), _WIDTH_CLASSES)
        for width_class in range(_WIDTH_CLASSES):
            members = [edge for edge, cls in zip(edges, classes) if cls == width_class]
            if not members:
                continue
            xs, ys = _segments(members, positions)
            figure.add_trace(go.Scatter(
                x=xs, y=ys, mode="lines", name="edges", legendgroup="edges", showlegend=False,
                hoverinfo="skip", line={"width": float(widths[width_class]), "color": "rgba(120,120,120,0.45)"},
            ))
        hover = _edge_hover(graph, edges, evidence, wrap=int(settings.get("hover_wrap", 80)))
        mid_x = [(positions[u][0] + positions[v][0]) / 2 for u, v, _ in edges]
        mid_y = [(positions[u][1] + positions[v][1]) / 2 for u, v, _ in edges]
        figure.add_trace(go.Scatter(
            x=mid_x, y=mid_y, mode="markers", name="edge details", showlegend=False,
            marker={"size": 6, "color": "rgba(120,120,120,0.3)"},
            hovertext=hover, hoverinfo="text",
        ))
    colours: Mapping[str, str] = settings.get("type_colors", {})
    mentions = np.array([graph.nodes[node].get("mentions", 0) for node in graph.nodes], dtype=float)
    sizes = _scale(np.sqrt(mentions), settings.get("node_size", [10, 46]))
    size_of = dict(zip(graph.nodes, sizes))
    for kind in sorted({str(data.get("type", "")) for _, data in graph.nodes(data=True)}):
        nodes = sorted(node for node, data in graph.nodes(data=True) if str(data.get("type", "")) == kind)
        figure.add_trace(go.Scatter(
            x=[positions[node][0] for node in nodes],
            y=[positions[node][1] for node in nodes],
            mode="markers+text",
            name=kind or "other",
            text=[graph.nodes[node].get("name", node) for node in nodes],
            textposition="top center",
            hovertext=[_node_hover(node, graph.nodes[node]) for node in nodes],
            hoverinfo="text",
            marker={"size": [float(size_of[node]) for node in nodes], "color": colours.get(kind, "#7f7f7f"),
                    "opacity": 1.0, "line": {"width": 1, "color": "white"}},
        ))
    figure.update_layout(
        title=title, showlegend=True, hovermode="closest", template="plotly_white",
        xaxis={"visible": False}, yaxis={"visible": False}, legend={"title": {"text": "type"}},
        margin={"l": 10, "r": 10, "t": 50, "b": 10}, height=650,
    )
    return figure


def top_pairs_figure(pairs: pd.DataFrame, *, value: str = "count", title: str = "Top actor pairs") -> go.Figure:
    """Horizontal bars of ``value`` per pair (strongest on top); ``pairs`` from ``top_pairs``."""
    labels = _pair_labels(pairs)
    figure = go.Figure(go.Bar(
        x=pairs[value].to_numpy()[::-1] if len(pairs) else [],
        y=labels[::-1],
        orientation="h",
        name=value,
        customdata=np.column_stack([pairs["articles"], pairs["pmi"]])[::-1] if len(pairs) else None,
        hovertemplate=(f"%{{y}}<br>{value}: %{{x}}<br>articles: %{{customdata[0]}}"
                       "<br>PMI: %{customdata[1]:.2f}<extra></extra>"),
    ))
    figure.update_layout(title=title, template="plotly_white", xaxis_title=value,
                         height=max(320, 26 * len(pairs) + 120), margin={"l": 10, "r": 10, "t": 50, "b": 40})
    figure.update_yaxes(automargin=True)
    return figure


def outlet_heatmap_figure(
    comparison: pd.DataFrame, *, value: str = "count", title: str = "Top pairs per outlet"
) -> go.Figure:
    """Heatmap of ``value`` (``count`` or ``share``) from
    :func:`warta.cooccurrence.compare_outlets`: pairs (rows, in the comparison's order) by outlets."""
    matrix = _outlet_matrix(comparison, value)
    number = "%{z:.1%}" if value == "share" else "%{z}"
    figure = go.Figure(go.Heatmap(
        z=matrix.to_numpy(), x=list(matrix.columns), y=list(matrix.index), colorscale="Blues", texttemplate=number,
        hovertemplate="%{y}<br>%{x}: " + number + "<extra></extra>",
        colorbar={"title": {"text": value}, "tickformat": ".0%" if value == "share" else ""},
    ))
    figure.update_layout(title=title, template="plotly_white", height=max(320, 26 * len(matrix) + 140),
                         margin={"l": 10, "r": 10, "t": 50, "b": 40})
    figure.update_yaxes(autorange="reversed", automargin=True)
    return figure


def network_chart(graph: nx.Graph, *, weight: str = "count", seed: int | None = None,
                  title: str = "Actor co-occurrence") -> Figure:
    """Static version of :func:`network_figure` (same layout, sizes and colours, no hover)."""
    settings = _settings()
    positions = network_layout(graph, seed=seed)
    figure = Figure(figsize=(10, 8))
    axes = figure.add_subplot()
    edges = list(graph.edges(data=True))
    if edges:
        values = np.array([float(data.get(weight, 0.0)) for _, _, data in edges])
        widths = _scale(values, settings.get("edge_width", [1, 12])) / 2
        for (u, v, _), width in zip(edges, widths):
            axes.plot([positions[u][0], positions[v][0]], [positions[u][1], positions[v][1]],
                      color="#888888", alpha=0.45, linewidth=width, zorder=1)
    colours: Mapping[str, str] = settings.get("type_colors", {})
    nodes = list(graph.nodes)
    if nodes:
        mentions = np.array([graph.nodes[node].get("mentions", 0) for node in nodes], dtype=float)
        sizes = _scale(np.sqrt(mentions), settings.get("node_size", [10, 46])) ** 2 / 2
        for kind in sorted({str(graph.nodes[node].get("type", "")) for node in nodes}):
            members = [i for i, node in enumerate(nodes) if str(graph.nodes[node].get("type", "")) == kind]
            axes.scatter([positions[nodes[i]][0] for i in members], [positions[nodes[i]][1] for i in members],
                         s=sizes[members], color=colours.get(kind, "#7f7f7f"), label=kind or "other",
                         edgecolors="white", zorder=2)
        for node, size in zip(nodes, sizes):
            # Labels sit just above the marker: its diameter in points is sqrt(area).
            axes.annotate(graph.nodes[node].get("name", node), positions[node], textcoords="offset points",
                          xytext=(0, np.sqrt(size) / 2 + 2), ha="center", va="bottom", fontsize=8, zorder=3)
        legend = axes.legend(title="type", loc="best")
        for handle in legend.legend_handles:
            handle.set_sizes([60])
    axes.set_title(title)
    axes.set_axis_off()
    figure.tight_layout()
    return figure


def top_pairs_chart(pairs: pd.DataFrame, *, value: str = "count", title: str = "Top actor pairs") -> Figure:
    """Static horizontal bar chart of ``value`` per pair."""
    labels = _pair_labels(pairs)
    figure = Figure(figsize=(9, max(3.0, 0.35 * len(pairs) + 1.2)))
    axes = figure.add_subplot()
    axes.barh(labels[::-1], pairs[value].to_numpy()[::-1] if len(pairs) else [], color="#1f77b4")
    axes.set_xlabel(value)
    axes.set_title(title)
    figure.tight_layout()
    return figure


def outlet_heatmap_chart(
    comparison: pd.DataFrame, *, value: str = "count", title: str = "Top pairs per outlet"
) -> Figure:
    """Static version of :func:`outlet_heatmap_figure`."""
    matrix = _outlet_matrix(comparison, value)
    figure = Figure(figsize=(max(6.0, 1.1 * len(matrix.columns) + 4), max(3.0, 0.35 * len(matrix) + 1.5)))
    axes = figure.add_subplot()
    if not matrix.empty:
        image = axes.imshow(matrix.to_numpy(dtype=float), cmap="Blues", aspect="auto")
        axes.set_xticks(range(len(matrix.columns)), list(matrix.columns), rotation=30, ha="right")
        axes.set_yticks(range(len(matrix.index)), list(matrix.index))
        figure.colorbar(image, ax=axes, label=value)
    axes.set_title(title)
    figure.tight_layout()
    return figure


# --- internals -------------------------------------------------------------------------------


def _pair_labels(pairs: pd.DataFrame) -> list[str]:
    if "pair" in pairs.columns:
        return [str(label) for label in pairs["pair"]]
    return [f"{s} – {t}" for s, t in zip(pairs["source_name"], pairs["target_name"])]


def _outlet_matrix(comparison: pd.DataFrame, value: str) -> pd.DataFrame:
    if comparison.empty:
        return pd.DataFrame()
    order = list(dict.fromkeys(comparison["pair"]))
    matrix = comparison.pivot_table(index="pair", columns="outlet", values=value, aggfunc="sum", fill_value=0)
    return matrix.reindex(order)


def _width_classes(values: np.ndarray) -> np.ndarray:
    """Map values linearly onto ``_WIDTH_CLASSES`` classes (0 = thinnest)."""
    low, high = float(values.min()), float(values.max())
    if high <= low:
        return np.full(len(values), _WIDTH_CLASSES // 2)
    return np.minimum(((values - low) / (high - low) * _WIDTH_CLASSES).astype(int), _WIDTH_CLASSES - 1)


def _scale(values: np.ndarray, bounds) -> np.ndarray:
    low, high = float(bounds[0]), float(bounds[1])
    if len(values) == 0:
        return values
    span = float(values.max() - values.min())
    if span == 0:
        return np.full(len(values), (low + high) / 2)
    return low + (values - values.min()) / span * (high - low)


def _segments(edges, positions) -> tuple[list, list]:
    xs: list = []
    ys: list = []
    for u, v, _ in edges:
        xs += [positions[u][0], positions[v][0], None]
        ys += [positions[u][1], positions[v][1], None]
    return xs, ys


def _node_hover(node: str, data: Mapping) -> str:
    return (f"<b>{data.get('name', node)}</b> ({data.get('type', '')})<br>{node}"
            f"<br>mentions: {data.get('mentions', 0)}<br>articles: {data.get('articles', 0)}")


def _edge_hover(graph: nx.Graph, edges, evidence: pd.DataFrame | None, *, wrap: int) -> list[str]:
    sentences: dict[frozenset, list[str]] = {}
    if evidence is not None and not evidence.empty:
        columns = evidence[["source_id", "target_id", "outlet", "sentence"]]
        for source, target, outlet, sentence in columns.itertuples(index=False):
            text = "<br>  ".join(textwrap.wrap(f"“{sentence}” ({outlet})", wrap))
            sentences.setdefault(frozenset((source, target)), []).append("• " + text)
    hover = []
    for u, v, data in edges:
        head = (f"<b>{graph.nodes[u].get('name', u)} – {graph.nodes[v].get('name', v)}</b>"
                f"<br>count: {data.get('count', 0)}, articles: {data.get('articles', 0)}"
                f"<br>PMI: {data.get('pmi', 0.0):.2f}, lift: {data.get('lift', 0.0):.2f}, "
                f"Jaccard: {data.get('jaccard', 0.0):.2f}")
        hover.append("<br>".join([head, *sentences.get(frozenset((u, v)), [])]))
    return hover
