"""Seed 004's dynamical-systems view: compositions, the cobweb with its exact sink and source, basins."""

import streamlit as st

from rnnviz import ui

FIGURES = ["logistic-compositions", "cobweb", "basins"]

ui.lesson_header("dynamics")


@st.fragment
def lesson() -> None:
    """The controls and everything they drive: moving a control reruns only this."""
    values = ui.controls("dynamics", FIGURES)

    st.header(ui.text("dynamics.comp.heading"))
    ui.figure("logistic-compositions", values)
    st.latex(r"h^{(4)} = f(f(f(h^{(1)}, x^{(2)}), x^{(3)}), x^{(4)}),\qquad "
             r"\frac{d f^{n}}{dx}(x_0) = \prod_{k=0}^{n-1} f'(x_k)")

    st.header(ui.text("dynamics.cobweb.heading"))
    st.markdown(ui.text("dynamics.cobweb.exact"))
    cobweb = ui.figure("cobweb", values)
    if cobweb is not None:
        c = values["c"]
        st.latex(rf"x^\ast = \frac{{1 \mp \sqrt{{1 - 4\cdot ({c:g})}}}}{{2}},\qquad \begin{{aligned}}"
                 rf"x_{{\mathrm{{sink}}}} &= {cobweb['sink']:.5f}, & f'(x_{{\mathrm{{sink}}}}) = 2x &= {cobweb['sink_slope']:.5f}\\"
                 rf"x_{{\mathrm{{source}}}} &= {cobweb['source']:.5f}, & f'(x_{{\mathrm{{source}}}}) = 2x &= "
                 rf"{cobweb['source_slope']:.5f}\end{{aligned}}")

    st.header(ui.text("dynamics.basins.heading"))
    st.markdown(ui.text("dynamics.basins.intro"))
    ui.figure("basins", values)
    st.latex(r"|f'(x^\ast)| < 1 \Rightarrow \text{sink} \;(\partial L/\partial h \to 0),\qquad "
             r"|f'(x^\ast)| > 1 \Rightarrow \text{source} \;(\partial L/\partial h \to \infty)")


lesson()
ui.try_this("dynamics")
