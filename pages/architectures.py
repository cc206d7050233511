"""RNN architectures: stacked and bidirectional networks, the input/output shapes, the unfolded view (seeds 001, 003)."""

from typing import Any

import streamlit as st

from rnnviz import ui

PAGE = "architectures"
FIGURES = ["stacked", "bidirectional", "io-shapes", "unfolded-view"]


@ui.section(PAGE, ["stacked"])
def stacked(values: dict[str, Any]) -> None:
    ui.figure("stacked", values)
    st.latex(r"h_t^{(l)} = \phi\!\left(W_{hh}^{(l)} h_{t-1}^{(l)} + W_{xh}^{(l)} h_t^{(l-1)} + b^{(l)}\right),"
             r"\quad h_t^{(0)} = x_t,\quad l = 1, \dots, " + str(values["layers"]))


@ui.section(PAGE, ["bidirectional"])
def bidirectional(values: dict[str, Any]) -> None:
    ui.figure("bidirectional", values)
    st.latex(r"\frac{\partial L_p}{\partial x_t} = \underbrace{\frac{\partial L_p}{\partial \overrightarrow{h}_p}"
             r"\frac{\partial \overrightarrow{h}_p}{\partial x_t}}_{t \le p} + "
             r"\underbrace{\frac{\partial L_p}{\partial \overleftarrow{h}_p}"
             r"\frac{\partial \overleftarrow{h}_p}{\partial x_t}}_{t \ge p}")


@ui.section(PAGE, ["io-shapes"])
def shapes(values: dict[str, Any]) -> None:
    ui.figure("io-shapes", values)


@ui.section(PAGE, ["unfolded-view"])
def unfolded(values: dict[str, Any]) -> None:
    ui.figure("unfolded-view", values)
    st.latex(r"y_t = \mathrm{softmax}(W_{hy} h_t + b_o),\quad L = \sum_t L_t,\quad "
             r"\frac{\partial L}{\partial W_{hh}} = \sum_t \frac{\partial L}{\partial W_{hh}}\Big|_t")


ui.lesson_header(PAGE)
ui.controls(PAGE, FIGURES, sections=[stacked, bidirectional, shapes, unfolded])
for name, draw in [("stacked", stacked), ("bidirectional", bidirectional), ("shapes", shapes),
                   ("unfolded", unfolded)]:
    st.header(ui.text(f"architectures.{name}.heading"))
    st.markdown(ui.text(f"architectures.{name}.intro"))
    draw()
ui.try_this(PAGE)
