"""Home: what the app is, the story of the pages, and a live miniature of the first chart."""

import streamlit as st

from rnnviz import ui


@st.fragment
def preview() -> None:
    """The live miniature and its slider: moving the slider reruns only this."""
    st.caption(ui.text("home.preview"))
    values = ui.controls("home", ["book-norms"], container=st.container(), only=("scale",))
    ui.figure("book-norms", values, table=False)


ui.lesson_header("home")
story, right = st.columns([1, 1])
with story:
    st.markdown(ui.text("home.story"))
with right:
    preview()
st.markdown(ui.text("home.sources"))
