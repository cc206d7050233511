"""The scaling sweep: log10 ‖∂L/∂h_t‖ over (scale of W_hh, t), the critical scale marked (seeds 000, 003)."""

from typing import Any

import streamlit as st

from rnnviz import ui
from rnnviz.lessons.scale_sweep import critical_sentence

PAGE = "scale_sweep"
FIGURES = ["scale-sweep"]


@ui.section(PAGE, FIGURES)
def sweep(values: dict[str, Any]) -> None:
    ui.weights_notice(values)  # names the uploaded weights, or says why generated ones are drawn
    data = ui.figure("scale-sweep", values)
    if data is not None:
        st.info(critical_sentence(data, ui.lang()))


ui.lesson_header(PAGE)
ui.controls(PAGE, FIGURES, sections=[sweep])
sweep()
st.latex(
    r"\frac{\partial L}{\partial h_t} = \frac{\partial L}{\partial h_{T-1}} \prod_{k=t+1}^{T-1} "
    r"\frac{\partial h_k}{\partial h_{k-1}}\Big|_{s W_{hh}}, \qquad "
    r"\rho\Big(\frac{\partial h_k}{\partial h_{k-1}}\Big|_{h=0,\ s = s^*}\Big) = 1"
)
ui.try_this(PAGE)
