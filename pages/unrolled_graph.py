"""The unrolled computational graph (seed 000's figures 2–6): the gradient travels back through tanh, + and MatMul."""

import streamlit as st

from rnnviz import ui

FIGURES = ["unrolled-graph", "cell-diagram"]

ui.lesson_header("graph")


@st.fragment
def lesson() -> None:
    """The controls and everything they drive: moving a control reruns only this."""
    values = ui.controls("graph", FIGURES)

    data = ui.figure("unrolled-graph", values)
    if data is not None and data["sentence"]:
        st.caption(ui.text("graph.sentence_caption", T=data["graph"].T))
    st.latex(r"\frac{\partial L}{\partial h_{t-1}} = W_h^{\top}\Big(\frac{\partial L}{\partial h_t}\odot"
             r"\big(1-h_t^{2}\big)\Big), \qquad \frac{\partial L}{\partial c_{t-1}} = \frac{\partial L}{\partial c_t}"
             r"\odot f_t")

    st.header(ui.text("graph.cell_heading"))
    st.markdown(ui.text("graph.cell_intro"))
    cell = ui.figure("cell-diagram", values)
    if cell is not None:
        if cell["asked"] != cell["step"]:
            st.info(ui.text("graph.step_clamped", asked=cell["asked"], T=cell["T"]))
        sent, arriving = cell["backward"]["h_prev"], cell["backward"]["h"]
        norm_in = float((arriving ** 2).sum() ** 0.5)
        ratio = float((sent ** 2).sum() ** 0.5) / norm_in if norm_in > 0 else 0.0
        st.latex(rf"t = {cell['step']}:\quad \frac{{\|\partial L/\partial h_{{t-1}}\|_{{\text{{step }} t}}}}"
                 rf"{{\|\partial L/\partial h_t\|}} = {ratio:.4g}")


lesson()
ui.try_this("graph")
