"""tanh and its derivative (seed 000), Π φ'(z_k) along a vanilla RNN, and Pascanu et al.'s condition."""

from typing import Any

import streamlit as st

from rnnviz import ui

PAGE = "derivatives"
FIGURES = ["tanh-derivative", "derivative-product"]


@ui.section(PAGE, ["tanh-derivative"])
def derivative(values: dict[str, Any]) -> None:
    ui.figure("tanh-derivative", values)


@ui.section(PAGE, ["derivative-product"])
def product(values: dict[str, Any]) -> None:
    data = ui.figure("derivative-product", values)
    if data is not None:
        st.info(ui.text(
            "derivatives.numbers", sigma=data["sigma1"], rho=data["rho"], dphi=data["mean_dphi"],
            tanh=f"10^{data['log10_grad_tanh'][0]:.2f}", linear=f"10^{data['log10_grad_linear'][0]:.2f}",
        ))
        st.latex(
            r"\frac{\partial L}{\partial h_t} = \frac{\partial L}{\partial h_{T-1}}"
            r"\prod_{k=t+1}^{T-1} \operatorname{diag}\!\big(\tanh'(a_k)\big)\, W_{hh}, \qquad "
            rf"\sigma_1(W_{{hh}}) = {data['sigma1']:.3f}"
        )


ui.lesson_header(PAGE)
ui.controls(PAGE, FIGURES, sections=[derivative, product])
derivative()
st.latex(r"\tanh'(z) = 1 - \tanh^2(z) \le 1, \qquad \sigma'(z) = \sigma(z)\,(1 - \sigma(z)) \le \tfrac14")
product()
st.subheader(ui.text("derivatives.pascanu.heading"))
st.markdown(ui.text("derivatives.pascanu.text"))
st.latex(r"\Big\| \operatorname{diag}(\varphi'(a_k))\, W_{hh} \Big\| \le \gamma\, \sigma_1(W_{hh}) < 1"
         r"\quad\Longleftarrow\quad \sigma_1(W_{hh}) < \frac{1}{\gamma}")
ui.try_this(PAGE)
