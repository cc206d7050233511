"""Seed 004's worked examples: the linear unit, the sigmoid unit, the parity-bit RNN and the scalar BPTT."""

import streamlit as st

from rnnviz import ui

FIGURES = ["worked-linear", "worked-sigmoid", "parity-rnn", "scalar-bptt"]

ui.lesson_header("worked")


@st.fragment
def lesson() -> None:
    """The controls and everything they drive: moving a control reruns only this."""
    values = ui.controls("worked", FIGURES)

    st.header(ui.text("worked.linear.heading"))
    linear = ui.figure("worked-linear", values)
    if linear is not None:
        wh = f"({values['wh']:g})" if values["wh"] < 0 else f"{values['wh']:g}"
        lines = [f"h_{t + 1} &= 1\\cdot({x:g}) + {wh}\\cdot({h_prev:g}) = {h:g}"
                 for t, (x, h, h_prev) in enumerate(zip(linear["x"], linear["h"], [0.0, *linear["h"][:-1]]))]
        st.latex(r"\begin{aligned}" + r" \\ ".join(lines) + r"\end{aligned}")
    st.caption(ui.text("worked.linear.typo"))

    st.header(ui.text("worked.sigmoid.heading"))
    ui.figure("worked-sigmoid", values)
    st.latex(r"y_1 = \frac{1}{1 + e^{-5\cdot 4}},\quad y_2 = \frac{1}{1 + e^{-5\cdot 0.5}},\quad "
             r"y_3 = \frac{1}{1 + e^{-5\cdot(-0.7)}}")
    st.caption(ui.text("worked.sigmoid.typo"))

    st.header(ui.text("worked.parity.heading"))
    st.markdown(ui.text("worked.parity.intro"))
    parity = ui.figure("parity-rnn", values)
    if parity is not None:
        out = ",".join(str(int(p)) for p in parity["parity"])
        st.info(ui.text("worked.parity.custom", bits=",".join(values["bits"]), parity=out))
    st.latex(r"h_t = \mathrm{step}\!\left(\begin{bmatrix}1 & -1\\ 1 & -1\end{bmatrix} h_{t-1} + "
             r"\begin{bmatrix}1\\1\end{bmatrix} x_t + \begin{bmatrix}0\\-1\end{bmatrix}\right),\quad "
             r"p_t = \mathrm{step}\left([1, -1]\, h_t\right)")

    st.header(ui.text("worked.bptt.heading"))
    st.markdown(ui.text("worked.bptt.intro"))
    bptt = ui.figure("scalar-bptt", values)
    if bptt is not None:
        st.latex(rf"\frac{{\partial L}}{{\partial u}} = \sum_t \frac{{\partial L}}{{\partial z_t}} x_t = {bptt['dL_du']:.6f},\quad "
                 rf"\frac{{\partial L}}{{\partial w}} = \sum_t \frac{{\partial L}}{{\partial z_t}} h_{{t-1}} = {bptt['dL_dw']:.6f},\quad "
                 rf"\frac{{\partial L}}{{\partial v}} = \sum_t \frac{{\partial L}}{{\partial r_t}} h_t = {bptt['dL_dv']:.6f}")


lesson()
ui.try_this("worked")
