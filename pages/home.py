"""Home: what the app is, the story of the pages, and a live miniature of the first chart."""

import streamlit as st

from rnnviz import ui

ui.lesson_header("home")
story, preview = st.columns([1, 1])
with story:
    st.markdown(ui.text("home.story"))
with preview:
    st.caption(ui.text("home.preview"))
    values = ui.controls("home", ["book-norms"], container=preview, only=("scale",))
    ui.figure("book-norms", values, table=False)
st.markdown(ui.text("home.sources"))
