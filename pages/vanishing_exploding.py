"""The book's vanishing/exploding experiment (seed 000), its eigenvalues, and the scalar case."""

from typing import Any

import streamlit as st

from rnnviz import ui
from rnnviz.lessons.vanishing_exploding import critical_text

PAGE = "vanishing_exploding"
FIGURES = ["book-norms", "book-eigenvalues", "scalar-power"]


@ui.section(PAGE, ["book-norms", "book-eigenvalues"])
def spectrum(values: dict[str, Any]) -> None:
    chart, side = st.columns([3, 2])
    with chart:
        norms = ui.figure("book-norms", values)
    with side:
        ui.figure("book-eigenvalues", values, show_live=False)  # follows the norms' scale slider
    if norms is not None:
        st.info(ui.text("vanishing_exploding.spectrum.caption", rho=norms["rho"], sigma=norms["sigma1"])
                + " " + critical_text(norms, ui.lang()) + ".")


@ui.section(PAGE, ["scalar-power"])
def scalar(values: dict[str, Any]) -> None:
    data = ui.figure("scalar-power", values)
    if data is not None:
        st.latex(rf"w^{{n}} = {values['w']:g}^{{{values['n']}}} = {data['power'][-1]:.6g}")


ui.lesson_header(PAGE)
ui.controls(PAGE, FIGURES, sections=[spectrum, scalar])
spectrum()
st.latex(r"dh_t = dh_{t-1} W_h^{\top}, \qquad \|dh_t\| \le \sigma_1^{\,t}\,\|dh_0\|, \qquad "
         r"\|dh_t\|^{1/t} \to \rho(W_h)")
st.header(ui.text("vanishing_exploding.scalar.heading"))
st.markdown(ui.text("vanishing_exploding.scalar.intro"))
scalar()
ui.try_this(PAGE)
