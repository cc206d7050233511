"""The unrolled computational graph (seed 000's figures 2–6): the gradient travels back through tanh, + and MatMul."""

from typing import Any

import streamlit as st

from rnnviz import ui

PAGE = "unrolled_graph"
FIGURES = ["unrolled-graph", "cell-diagram"]


@ui.section(PAGE, ["unrolled-graph"])
def graph(values: dict[str, Any]) -> None:
    data = ui.figure("unrolled-graph", values)
    if data is not None and data["sentence"]:
        st.caption(ui.text("unrolled_graph.sentence_caption", T=data["graph"].T))


@ui.section(PAGE, ["cell-diagram"])
def cell(values: dict[str, Any]) -> None:
    data = ui.figure("cell-diagram", values)
    if data is not None:
        if data["asked"] != data["step"]:
            st.info(ui.text("unrolled_graph.step_clamped", asked=data["asked"], T=data["T"]))
        sent, arriving = data["backward"]["h_prev"], data["backward"]["h"]
        norm_in = float((arriving ** 2).sum() ** 0.5)
        ratio = float((sent ** 2).sum() ** 0.5) / norm_in if norm_in > 0 else 0.0
        st.latex(rf"t = {data['step']}:\quad \frac{{\|\partial L/\partial h_{{t-1}}\|_{{\text{{step }} t}}}}"
                 rf"{{\|\partial L/\partial h_t\|}} = {ratio:.4g}")


ui.lesson_header(PAGE)
ui.controls(PAGE, FIGURES)
graph()
st.latex(r"\frac{\partial L}{\partial h_{t-1}} = W_h^{\top}\Big(\frac{\partial L}{\partial h_t}\odot"
         r"\big(1-h_t^{2}\big)\Big), \qquad \frac{\partial L}{\partial c_{t-1}} = \frac{\partial L}{\partial c_t}"
         r"\odot f_t")
st.header(ui.text("unrolled_graph.cell_heading"))
st.markdown(ui.text("unrolled_graph.cell_intro"))
cell()
ui.try_this(PAGE)
