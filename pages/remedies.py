"""Remedies: gradient clipping (seeds 000, 004), truncated BPTT (seed 002), skip connections (seed 003), IRNN (seed 004)."""

import streamlit as st

from rnnviz import ui

FIGURES = ["clipping", "truncated-bptt", "skip-connection", "irnn"]

ui.lesson_header("remedies")


@st.fragment
def lesson() -> None:
    """The controls and everything they drive: moving a control reruns only this."""
    values = ui.controls("remedies", FIGURES)

    st.header(ui.text("remedies.clip.heading"))
    st.markdown(ui.text("remedies.clip.intro"))
    clip = ui.figure("clipping", values)
    if clip is not None:
        verdict = ui.text("remedies.clip.scaled" if clip["rate"] < 1 else "remedies.clip.unchanged")
        st.info(ui.text("remedies.clip.caption", norm=clip["norm_before"], rate=clip["rate"], verdict=verdict,
                        changed=clip["changed"]))
        st.latex(rf"\text{{rate}} = \frac{{\text{{max\_norm}}}}{{\|g\| + 10^{{-6}}}} = "
                 rf"\frac{{{values['max_norm']:g}}}{{{clip['norm_before']:.4f} + 10^{{-6}}}} = {clip['rate']:.4f}, \qquad "
                 rf"g \leftarrow \frac{{\eta\, g}}{{\|g\|}},\ \eta = {values['eta']:g}")

    st.header(ui.text("remedies.tbptt.heading"))
    st.markdown(ui.text("remedies.tbptt.intro"))
    ui.figure("truncated-bptt", values)
    st.latex(r"\frac{\partial L}{\partial h_t} = \sum_{s \ge t,\ \lceil s/k \rceil = \lceil t/k \rceil}"
             r"\frac{\partial L_s}{\partial h_t}\quad(\text{truncated, } k = " + str(values["k"]) + ")")

    st.header(ui.text("remedies.skip.heading"))
    st.markdown(ui.text("remedies.skip.intro"))
    skip = ui.figure("skip-connection", values)
    if skip is not None:
        st.latex(rf"\frac{{\partial x_L}}{{\partial x_0}} = \prod_l f'(x_l) = 10^{{{skip['log10_grad_plain'][0]:.2f}}}"
                 rf"\quad\text{{vs.}}\quad \prod_l \left(f'(x_l) + 1\right) = 10^{{{skip['log10_grad_residual'][0]:.2f}}}")

    st.header(ui.text("remedies.irnn.heading"))
    st.markdown(ui.text("remedies.irnn.intro"))
    ui.figure("irnn", values)
    st.latex(r"h_t = \mathrm{ReLU}(W_h h_{t-1} + W_x x_t),\quad W_h = " + f"{values['scale']:g}" + r"\, I"
             r"\ \Rightarrow\ \frac{\partial h_t}{\partial h_{t-1}} = " + f"{values['scale']:g}" +
             r"\,\mathrm{diag}(\mathbb{1}[a_t > 0])")


lesson()
ui.try_this("remedies")
