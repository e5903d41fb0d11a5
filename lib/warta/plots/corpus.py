"""Charts for the corpus overview: articles per outlet and by status."""
from __future__ import annotations

import pandas as pd
import plotly.express as px

STATUS_COLOURS = {"ok": "#1b7f3b", "flagged": "#e0a100", "rejected": "#b00020"}


def outlet_figure(counts: pd.DataFrame):
    """Interactive bar chart of ``corpus.outlet_counts`` (articles per outlet, stacked by status)."""
    figure = px.bar(
        counts, x="articles", y="outlet_domain", color="status", orientation="h",
        color_discrete_map=STATUS_COLOURS, title="Articles per outlet",
        labels={"outlet_domain": "outlet", "articles": "articles"},
    )
    figure.update_layout(yaxis={"categoryorder": "total ascending"}, height=250 + 25 * counts["outlet_domain"].nunique())
    return figure


def outlet_chart(counts: pd.DataFrame):
    """Static matplotlib version of :func:`outlet_figure`, for PNG export."""
    from matplotlib.figure import Figure

    wide = counts.pivot_table(index="outlet_domain", columns="status", values="articles", aggfunc="sum", fill_value=0)
    wide = wide.loc[wide.sum(axis=1).sort_values().index]
    # A bare Figure (no pyplot) keeps no global state and never pops up a duplicate inline image.
    figure = Figure(figsize=(7, 1 + 0.35 * len(wide)))
    axis = figure.subplots()
    left = pd.Series(0, index=wide.index)
    for status in [s for s in STATUS_COLOURS if s in wide.columns]:
        axis.barh(wide.index, wide[status], left=left, color=STATUS_COLOURS[status], label=status)
        left = left + wide[status]
    axis.set_xlabel("articles")
    axis.set_title("Articles per outlet")
    axis.legend(loc="lower right")
    figure.tight_layout()
    return figure
