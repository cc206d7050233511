"""Plotly figure builders: data in, ``go.Figure`` out. Never imports streamlit.

Every builder has the signature ``build(data, *, lang, theme) -> go.Figure`` and is pure.
"""
