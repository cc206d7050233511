"""Seed 004's worked examples: the linear unit, the sigmoid unit, the parity-bit RNN and the scalar BPTT."""

from typing import Any

import streamlit as st

from rnnviz import ui

PAGE = "worked_examples"
FIGURES = ["worked-linear", "worked-sigmoid", "parity-rnn", "scalar-bptt"]


@ui.section(PAGE, ["worked-linear"])
def linear(values: dict[str, Any]) -> None:
    data = ui.figure("worked-linear", values)
    if data is not None:
        wh = f"({values['wh']:g})" if values["wh"] < 0 else f"{values['wh']:g}"
        lines = [f"h_{t + 1} &= 1\\cdot({x:g}) + {wh}\\cdot({h_prev:g}) = {h:g}"
                 for t, (x, h, h_prev) in enumerate(zip(data["x"], data["h"], [0.0, *data["h"][:-1]]))]
        st.latex(r"\begin{aligned}" + r" \\ ".join(lines) + r"\end{aligned}")


@ui.section(PAGE, ["worked-sigmoid"])
def sigmoid(values: dict[str, Any]) -> None:
    ui.figure("worked-sigmoid", values)


@ui.section(PAGE, ["parity-rnn"])
def parity(values: dict[str, Any]) -> None:
    data = ui.figure("parity-rnn", values)
    if data is not None:
        out = ",".join(str(int(p)) for p in data["parity"])
        st.info(ui.text("worked_examples.parity.custom", bits=",".join(values["bits"]), parity=out))


@ui.section(PAGE, ["scalar-bptt"])
def bptt(values: dict[str, Any]) -> None:
    data = ui.figure("scalar-bptt", values)
    if data is not None:
        st.latex(rf"\frac{{\partial L}}{{\partial u}} = \sum_t \frac{{\partial L}}{{\partial z_t}} x_t = {data['dL_du']:.6f},\quad "
                 rf"\frac{{\partial L}}{{\partial w}} = \sum_t \frac{{\partial L}}{{\partial z_t}} h_{{t-1}} = {data['dL_dw']:.6f},\quad "
                 rf"\frac{{\partial L}}{{\partial v}} = \sum_t \frac{{\partial L}}{{\partial r_t}} h_t = {data['dL_dv']:.6f}")


ui.lesson_header(PAGE)
ui.controls(PAGE, FIGURES)

st.header(ui.text("worked_examples.linear.heading"))
linear()
st.caption(ui.text("worked_examples.linear.typo"))

st.header(ui.text("worked_examples.sigmoid.heading"))
sigmoid()
st.latex(r"y_1 = \frac{1}{1 + e^{-5\cdot 4}},\quad y_2 = \frac{1}{1 + e^{-5\cdot 0.5}},\quad "
         r"y_3 = \frac{1}{1 + e^{-5\cdot(-0.7)}}")
st.caption(ui.text("worked_examples.sigmoid.typo"))

st.header(ui.text("worked_examples.parity.heading"))
st.markdown(ui.text("worked_examples.parity.intro"))
parity()
st.latex(r"h_t = \mathrm{step}\!\left(\begin{bmatrix}1 & -1\\ 1 & -1\end{bmatrix} h_{t-1} + "
         r"\begin{bmatrix}1\\1\end{bmatrix} x_t + \begin{bmatrix}0\\-1\end{bmatrix}\right),\quad "
         r"p_t = \mathrm{step}\left([1, -1]\, h_t\right)")

st.header(ui.text("worked_examples.bptt.heading"))
st.markdown(ui.text("worked_examples.bptt.intro"))
bptt()

ui.try_this(PAGE)
