"""The reference page of bench_pages.py: one slider and one Plotly line chart of 20 points, nothing else.

Run by the benchmark with ``streamlit run bench/bare_page.py``; its slider-to-chart time is the
yardstick the app's pages are compared with.
"""

import plotly.graph_objects as go
import streamlit as st

scale = st.slider("scale", min_value=0.05, max_value=3.0, value=1.0, step=0.05, key="scale")
steps = list(range(1, 21))
st.plotly_chart(go.Figure(go.Scatter(x=steps, y=[scale**k for k in steps], mode="lines+markers")), key="chart")
