"""The unrolled computational graph (seed 000's figures 2–6): the gradient travels back through tanh, + and MatMul."""

from typing import Any

import streamlit as st

from rnnviz import ui

PAGE = "unrolled_graph"
FIGURES = ["unrolled-graph", "cell-diagram"]


@ui.section(PAGE, ["unrolled-graph"])
def graph(values: dict[str, Any]) -> None:
    ui.weights_notice(values)  # names the uploaded weights, or says why generated ones are drawn
    data = ui.figure("unrolled-graph", values)
    if data is not None and data["sentence"]:
        st.caption(ui.text("unrolled_graph.sentence_caption", T=data["graph"].T))


@ui.section(PAGE, ["cell-diagram"])
def cell(values: dict[str, Any]) -> None:
    data = ui.figure("cell-diagram", values, show_live=["step"])  # follows the graph's scale slider
    if data is not None:
        step = min(values["step"], data["T"])
        if step != values["step"]:
            st.info(ui.text("unrolled_graph.step_clamped", asked=values["step"], T=data["T"]))
        st.latex(rf"t = {step}:\quad \frac{{\|\partial L/\partial h_{{t-1}}\|_{{\text{{step }} t}}}}"
                 rf"{{\|\partial L/\partial h_t\|}} = {data['sent_ratio'][step - 1]:.4g}")


ui.lesson_header(PAGE)
ui.controls(PAGE, FIGURES, sections=[graph, cell])
graph()
st.latex(r"\frac{\partial L}{\partial h_{t-1}} = W_h^{\top}\Big(\frac{\partial L}{\partial h_t}\odot"
         r"\big(1-h_t^{2}\big)\Big), \qquad \frac{\partial L}{\partial c_{t-1}} = \frac{\partial L}{\partial c_t}"
         r"\odot f_t")
st.header(ui.text("unrolled_graph.cell_heading"))
st.markdown(ui.text("unrolled_graph.cell_intro"))
cell()
ui.try_this(PAGE)
