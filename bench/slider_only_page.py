"""The bare page of bench_pages.py without its chart: one slider and the value it sets, nothing else.

Its slider-to-page time is what a Streamlit round trip costs before any chart is drawn; the
benchmark adds each page's own chart drawing to it to get the page's floor.
"""

import streamlit as st

scale = st.slider("scale", min_value=0.05, max_value=3.0, value=1.0, step=0.05, key="scale")
st.write(f"scale = {scale:.2f}")
