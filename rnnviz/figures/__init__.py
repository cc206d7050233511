"""Plotly figure builders: data in, ``go.Figure`` out. Never imports streamlit.

Every builder has the signature ``build(data, *, lang, theme) -> go.Figure`` and is pure. Builders
draw on the plain-dict canvas of :mod:`rnnviz.figures.canvas`: ``build.json(data, lang=..., theme=...)``
returns the same figure's JSON without Plotly's validation, for the pages.
"""
