"""Chart builders for the notebooks: plotly for interactive pages, matplotlib for static PNGs.

One module per analysis (``corpus``, ``sentiment``, ``actors``, ``timeline``). Builders are
pure: they take tables and return figures; saving and display live in ``warta.report``.
"""
