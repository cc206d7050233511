"""The bare page of bench_pages.py with an app page's own charts: one slider, and the figures that the
page's first control changed, drawn with the app's chart element. Nothing else: no menu, no texts, no
computing (the figures are read from a file the benchmark wrote).

The benchmark opens it with ``?figures=<path>``, a JSON file ``[[before, after, width], ...]`` (one
entry per changed chart: its Plotly JSON before and after one move, and its width in pixels). Each
slider step switches every chart between its two figures, so a move redraws exactly what the app
page redraws. Its time is about the least a Streamlit page can take to show those charts.
"""

import json
from pathlib import Path

import streamlit as st

from rnnviz import ui

st.set_page_config(layout="wide")


@st.cache_resource
def read_figures(path: str) -> list[list]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


STEP = 0.05
with st.sidebar:
    scale = st.slider("scale", min_value=STEP, max_value=3.0, value=1.0, step=STEP, key="scale")
odd_step = round(scale / STEP) % 2 == 1  # the default 1.0 is step 20: the figures before the move
for index, (before, after, width) in enumerate(read_figures(st.query_params["figures"])):
    with st.container(width=max(int(width), 1)):
        ui.chart(after if odd_step else before, key=f"chart.{index}")
