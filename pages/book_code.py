"""Seed 002's code: the RNN layer's backward (correct vs the seed's), TimeRNN, and the RNNLM."""

from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from rnnviz import ui
from rnnviz.lessons.book_code import LISTINGS

PAGE = "book_code"
FIGURES = ["book-backward", "rnnlm"]


def _latex_number(value: float) -> str:
    """``0.985`` or ``1.18 \\times 10^{-6}`` for small values."""
    if value >= 1e-3:
        return f"{value:.3f}"
    mantissa, exponent = f"{value:.2e}".split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


@ui.section(PAGE, ["book-backward"])
def layer(values: dict[str, Any]) -> None:
    st.markdown(ui.text("book_code.layer.check", seed=values["seed"]))
    data = ui.figure("book-backward", values)
    if data is not None:
        best = max(data["rel_err_correct"].values())
        if data["runs"]:
            st.info(ui.text("book_code.layer.verdict_runs", H=values["H"], dh=data["rel_err_seed"]["dh_prev"],
                            dwx=data["rel_err_seed"]["dWx"], best=best))
        else:
            shape = {name: "×".join(map(str, data["seed"][name].shape)) for name in ("dh_prev", "dWx")}
            st.info(ui.text("book_code.layer.verdict_fails", B=values["B"], I=values["I"], H=values["H"],
                            dh_shape=shape["dh_prev"], dwx_shape=shape["dWx"], best=best))


@ui.section(PAGE, ["book-backward"])
def mapping(values: dict[str, Any]) -> None:
    data = ui.compute_or_none("book-backward", values)
    if data is None:  # the layer's section above says what went wrong
        return
    st.markdown(ui.text("book_code.mapping.intro", diff=max(data["engine_rel_diff"].values())))


@ui.section(PAGE, ["rnnlm"])
def rnnlm(values: dict[str, Any]) -> None:
    data = ui.figure("rnnlm", values)
    if data is not None:
        p_before, p_after = data["say_prob_before"], data["say_prob_after"]
        if data["you_say"]:
            st.success(ui.text("book_code.rnnlm.you_say", p=p_after, correct=data["correct_after"]))
        else:
            word = data["vocab"][int(data["argmax_after"][0])]
            st.info(ui.text("book_code.rnnlm.not_yet", word=word, p=p_after))
        n = len(data["targets"])
        st.latex(rf"P(\text{{say}} \mid \text{{you}}):\ {p_before:.3f} \to {p_after:.3f},\qquad "
                 rf"\prod_{{t=1}}^{{{n}}} P(w_{{t+1}} \mid w_1, \ldots, w_t) = e^{{-{n} L}}:\ "
                 rf"{_latex_number(data['sentence_prob_before'])} \to {_latex_number(data['sentence_prob_after'])}")


ui.lesson_header(PAGE)
ui.controls(PAGE, FIGURES, sections=[layer, mapping, rnnlm])

st.header(ui.text("book_code.layer.heading"))
st.markdown(ui.text("book_code.layer.intro"))
st.latex(r"h_t = \tanh(h_{t-1} W_h + x_t W_x + b)")
st.latex(r"\begin{aligned} dt &= dh_t \odot (1 - h_t^2), & db &= \textstyle\sum_{\text{rows}} dt, & "
         r"dW_h &= h_{t-1}^\top dt, \\ dW_x &= x_t^\top dt, & dh_{t-1} &= dt\, W_h^\top, & "
         r"dx_t &= dt\, W_x^\top \end{aligned}")
layer()

st.subheader(ui.text("book_code.code.heading"))
left, right = st.columns(2)
left.caption(ui.text("book_code.code.correct_caption"))
left.code(LISTINGS["correct"], language="python")
right.caption(ui.text("book_code.code.seed_caption"))
right.code(LISTINGS["seed"], language="python")

st.subheader(ui.text("book_code.mapping.heading"))
mapping()
st.latex(r"\begin{gathered} W_x = \texttt{weight\_ih}^\top \;(I \times H),\qquad W_h = \texttt{weight\_hh}^\top \;(H \times H),"
         r"\qquad b = \texttt{bias\_ih} + \texttt{bias\_hh} \\ dW_x = (\partial L / \partial\, \texttt{weight\_ih})^\top,"
         r"\qquad dW_h = (\partial L / \partial\, \texttt{weight\_hh})^\top \end{gathered}")

st.header(ui.text("book_code.time.heading"))
st.markdown(ui.text("book_code.time.sentence"))
try:
    st.page_link("pages/remedies.py", label=ui.text("book_code.time.link"), icon=":material/arrow_forward:",
                 query_params={"lang": ui.lang()})
except StreamlitAPIException:  # the remedies page is not part of this app
    pass

st.header(ui.text("book_code.rnnlm.heading"))
st.latex(r"P(w_1, \ldots, w_m) = \prod_{t=1}^{m} P(w_t \mid w_1, \ldots, w_{t-1})")
st.markdown(ui.text("book_code.rnnlm.intro"))
rnnlm()

ui.try_this(PAGE)
