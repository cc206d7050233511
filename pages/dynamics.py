"""Seed 004's dynamical-systems view: compositions, the cobweb with its exact sink and source, basins."""

from typing import Any

import streamlit as st

from rnnviz import ui

PAGE = "dynamics"
FIGURES = ["logistic-compositions", "cobweb", "basins"]


@ui.section(PAGE, ["logistic-compositions"])
def compositions(values: dict[str, Any]) -> None:
    ui.figure("logistic-compositions", values)


@ui.section(PAGE, ["cobweb"])
def cobweb(values: dict[str, Any]) -> None:
    data = ui.figure("cobweb", values)
    if data is not None:
        c = values["c"]
        st.latex(rf"x^\ast = \frac{{1 \mp \sqrt{{1 - 4\cdot ({c:g})}}}}{{2}},\qquad \begin{{aligned}}"
                 rf"x_{{\mathrm{{sink}}}} &= {data['sink']:.5f}, & f'(x_{{\mathrm{{sink}}}}) = 2x &= {data['sink_slope']:.5f}\\"
                 rf"x_{{\mathrm{{source}}}} &= {data['source']:.5f}, & f'(x_{{\mathrm{{source}}}}) = 2x &= "
                 rf"{data['source_slope']:.5f}\end{{aligned}}")


@ui.section(PAGE, ["basins"])
def basins(values: dict[str, Any]) -> None:
    ui.figure("basins", values, show_live=False)  # follows the cobweb's c slider


ui.lesson_header(PAGE)
ui.controls(PAGE, FIGURES, sections=[compositions, cobweb, basins])

st.header(ui.text("dynamics.comp.heading"))
compositions()
st.latex(r"h^{(4)} = f(f(f(h^{(1)}, x^{(2)}), x^{(3)}), x^{(4)}),\qquad "
         r"\frac{d f^{n}}{dx}(x_0) = \prod_{k=0}^{n-1} f'(x_k)")

st.header(ui.text("dynamics.cobweb.heading"))
st.markdown(ui.text("dynamics.cobweb.exact"))
cobweb()

st.header(ui.text("dynamics.basins.heading"))
st.markdown(ui.text("dynamics.basins.intro"))
basins()
st.latex(r"|f'(x^\ast)| < 1 \Rightarrow \text{sink} \;(\partial L/\partial h \to 0),\qquad "
         r"|f'(x^\ast)| > 1 \Rightarrow \text{source} \;(\partial L/\partial h \to \infty)")

ui.try_this(PAGE)
