"""The book's vanishing/exploding experiment (seed 000), its eigenvalues, and the scalar case."""

import streamlit as st

from rnnviz import ui

FIGURES = ["book-norms", "book-eigenvalues", "scalar-power"]

ui.lesson_header("book")


@st.fragment
def lesson() -> None:
    """The controls and everything they drive: moving a control reruns only this."""
    values = ui.controls("book", FIGURES)

    chart, side = st.columns([3, 2])
    with chart:
        norms = ui.figure("book-norms", values)
    with side:
        ui.figure("book-eigenvalues", values)
    if norms is not None:
        st.info(ui.text("book.spectrum.caption", rho=norms["rho"], sigma=norms["sigma1"]))
    st.latex(r"dh_t = dh_{t-1} W_h^{\top}, \qquad \|dh_t\| \le \sigma_1^{\,t}\,\|dh_0\|, \qquad "
             r"\|dh_t\|^{1/t} \to \rho(W_h)")

    st.header(ui.text("book.scalar.heading"))
    st.markdown(ui.text("book.scalar.intro"))
    scalar = ui.figure("scalar-power", values)
    if scalar is not None:
        st.latex(rf"w^{{n}} = {values['w']:g}^{{{values['n']}}} = {scalar['power'][-1]:.6g}")


lesson()
ui.try_this("book")
