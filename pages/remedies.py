"""Remedies: gradient clipping (seeds 000, 004), truncated BPTT (seed 002), skip connections (seed 003), IRNN (seed 004)."""

from typing import Any

import streamlit as st

from rnnviz import ui

PAGE = "remedies"
FIGURES = ["clipping", "truncated-bptt", "skip-connection", "irnn"]


@ui.section(PAGE, ["clipping"])
def clipping(values: dict[str, Any]) -> None:
    clip = ui.figure("clipping", values)
    if clip is not None:
        verdict = ui.text("remedies.clip.scaled" if clip["rate"] < 1 else "remedies.clip.unchanged")
        st.info(ui.text("remedies.clip.caption", norm=clip["norm_before"], rate=clip["rate"], verdict=verdict,
                        changed=clip["changed"]))
        st.latex(rf"\text{{rate}} = \frac{{\text{{max\_norm}}}}{{\|g\| + 10^{{-6}}}} = "
                 rf"\frac{{{values['max_norm']:g}}}{{{clip['norm_before']:.4f} + 10^{{-6}}}} = {clip['rate']:.4f}, \qquad "
                 rf"g \leftarrow \frac{{\eta\, g}}{{\|g\|}},\ \eta = {values['eta']:g}")


@ui.section(PAGE, ["truncated-bptt"])
def truncated(values: dict[str, Any]) -> None:
    ui.figure("truncated-bptt", values)
    st.latex(r"\frac{\partial L}{\partial h_t} = \sum_{s \ge t,\ \lceil s/k \rceil = \lceil t/k \rceil}"
             r"\frac{\partial L_s}{\partial h_t}\quad(\text{truncated, } k = " + str(values["k"]) + ")")


@ui.section(PAGE, ["skip-connection"])
def skip(values: dict[str, Any]) -> None:
    data = ui.figure("skip-connection", values)
    if data is not None:
        st.latex(rf"\frac{{\partial x_L}}{{\partial x_0}} = \prod_l f'(x_l) = 10^{{{data['log10_grad_plain'][0]:.2f}}}"
                 rf"\quad\text{{vs.}}\quad \prod_l \left(f'(x_l) + 1\right) = 10^{{{data['log10_grad_residual'][0]:.2f}}}"
                 rf"\quad\text{{vs.}}\quad \left\|\frac{{\partial [x_0, \dots, x_L]}}{{\partial x_0}}\right\| = "
                 rf"10^{{{data['log10_grad_dense'][0]:.2f}}} \ge 1")


@ui.section(PAGE, ["irnn"])
def irnn(values: dict[str, Any]) -> None:
    ui.figure("irnn", values)
    st.latex(r"h_t = \mathrm{ReLU}(W_h h_{t-1} + W_x x_t),\quad W_h = " + f"{values['scale']:g}" + r"\, I"
             r"\ \Rightarrow\ \frac{\partial h_t}{\partial h_{t-1}} = " + f"{values['scale']:g}" +
             r"\,\mathrm{diag}(\mathbb{1}[a_t > 0])")


ui.lesson_header(PAGE)
ui.controls(PAGE, FIGURES, sections=[clipping, truncated, skip, irnn])
for name, draw in [("clip", clipping), ("tbptt", truncated), ("skip", skip), ("irnn", irnn)]:
    st.header(ui.text(f"remedies.{name}.heading"))
    st.markdown(ui.text(f"remedies.{name}.intro"))
    draw()
ui.try_this(PAGE)
