"""tanh and its derivative (seed 000), Π φ'(z_k) along a vanilla RNN, and Pascanu et al.'s condition."""

import streamlit as st

from rnnviz import ui

FIGURES = ["tanh-derivative", "derivative-product"]

ui.lesson_header("derivatives")


@st.fragment
def lesson() -> None:
    """The controls and everything they drive: moving a control reruns only this."""
    values = ui.controls("derivatives", FIGURES)

    ui.figure("tanh-derivative", values)
    st.latex(r"\tanh'(z) = 1 - \tanh^2(z) \le 1, \qquad \sigma'(z) = \sigma(z)\,(1 - \sigma(z)) \le \tfrac14")

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
    st.subheader(ui.text("derivatives.pascanu.heading"))
    st.markdown(ui.text("derivatives.pascanu.text"))
    st.latex(r"\Big\| \operatorname{diag}(\varphi'(a_k))\, W_{hh} \Big\| \le \gamma\, \sigma_1(W_{hh}) < 1"
             r"\quad\Longleftarrow\quad \sigma_1(W_{hh}) < \frac{1}{\gamma}")


lesson()
ui.try_this("derivatives")
