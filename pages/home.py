"""Home: what the app is, the story of the pages, and a live miniature of the first chart."""

from typing import Any

import streamlit as st

from rnnviz import ui

PAGE = "home"


@ui.section(PAGE, ["book-norms"])
def preview(values: dict[str, Any]) -> None:
    ui.figure("book-norms", values, table=False, live=("scale",))


ui.lesson_header(PAGE)
story, right = st.columns([1, 1])
with story:
    st.markdown(ui.text("home.story"))
with right:
    st.caption(ui.text("home.preview"))
    ui.controls(PAGE, ["book-norms"], sections=[preview], container=st.container(), only=("scale",))
    preview()
st.markdown(ui.text("home.sources"))
ui.lesson_footer(PAGE)
