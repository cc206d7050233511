"""RNN vs LSTM vs GRU: the same input and scale, three gradient curves, the LSTM's forget gate (seeds 001, 003)."""

from typing import Any

import streamlit as st

from rnnviz import ui
from rnnviz.lessons import cell_comparison as lesson

PAGE = "cell_comparison"
FIGURES = ["cell-comparison", "cell-small-multiples"]


@ui.section(PAGE, ["cell-comparison"])
def comparison(values: dict[str, Any]) -> None:
    ui.weights_notice(values)  # names the uploaded weights, or says why generated ones are drawn
    data = ui.figure("cell-comparison", values)
    if data is not None:
        grad = data["log10_grad"]
        st.info(ui.text("cell_comparison.numbers", f=data["f_overall"], path=float(data["log10_path"]["lstm"][0]),
                        keep=data["keep_weight"], rnn=grad["rnn"][0], lstm=grad["lstm"][0], gru=grad["gru"][0]))
    st.latex(r"c_t = f_t \odot c_{t-1} + i_t \odot \tilde c_t, \qquad "
             r"\frac{\partial c_t}{\partial c_{t-1}} = \operatorname{diag}(f_t), \qquad "
             rf"f_t = \sigma(W_f [h_{{t-1}}, x_t] + b_f),\ b_f \mathrel{{+}}= {values['forget_bias']:g}")
    st.latex(lesson.keep_equation(values["keep_bias"], values["gru_variant"]))


@ui.section(PAGE, ["cell-small-multiples"])
def multiples(values: dict[str, Any]) -> None:
    ui.figure("cell-small-multiples", values, show_live=False)  # follows the comparison's sliders


ui.lesson_header(PAGE)
ui.controls(PAGE, FIGURES, sections=[comparison, multiples])
comparison()
st.subheader(ui.text("cell_comparison.multiples.heading"))
multiples()
ui.try_this(PAGE)
