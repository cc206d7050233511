"""tanh and its derivative (seed 000), and what Π φ'(z_k) does to a vanilla RNN's gradient (seeds 001, 004)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from rnnviz import core, setups
from rnnviz.core.sweep import gradient_norms_over_scales
from rnnviz.experiments.derivatives import activation_curves, log10_activation_prime
from rnnviz.experiments.reductions import log10_tail_products
from rnnviz.experiments.spectra import spectrum
from rnnviz.figures import derivatives as figures
from rnnviz.i18n import Text
from rnnviz.lessons.shared import HIDDEN, SCALE, SEED, SEQ_LEN
from rnnviz.lessons.spec import FigureSpec, Page, Param

PAGE = Page("derivatives", icon=":material/show_chart:", section="causes")

INPUT_SIZE = 4  # the trajectory's input x_t ~ N(0, 1), (T, 1, 4)
GRID_POINTS = 401
GAMMA = {"tanh": 1.0, "sigmoid": 0.25}  # Pascanu et al. 2013: the bound on |φ'|

ZMAX = Param(
    "zmax", "float", 5.0, Text("가로축 범위 ±z", "Horizontal range ±z"),
    help=Text("활성화 함수를 그릴 z의 범위", "The range of z over which the activations are drawn"),
    min=1.0, max=10.0, step=0.5, fmt="%.1f",
)


def compute_curves(*, zmax: float) -> dict[str, Any]:
    """tanh, tanh', σ, σ', ReLU and ReLU' on ``GRID_POINTS`` points of ``[-zmax, zmax]`` (each (n,))."""
    return activation_curves(np.linspace(-zmax, zmax, GRID_POINTS))


def curves_table(data: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame({key: data[key] for key in
                         ("x", "tanh", "tanh_prime", "sigmoid", "sigmoid_prime", "relu", "relu_prime")})


def compute_product(*, scale: float, T: int, H: int, seed: int) -> dict[str, Any]:
    """A vanilla RNN (orthogonal ``W_hh`` times ``scale``, so σ₁(W_hh) = scale) on random input.

    Loss at the last step (``∂L/∂h_{T−1} = ones``). Returns, all ``(T,)`` and log10:
    ``log10_grad_tanh``/``log10_grad_linear`` ‖∂L/∂h_t‖ with φ = tanh and φ = identity (same weights,
    same input); ``log10_prod_mean``/``_min``/``_max`` the product ``Π_{k=t+1}^{T−1} tanh'(a_k)`` over
    the tanh trajectory (geometric mean, min and max over the H units); plus ``sigma1``, ``rho``,
    ``mean_dphi`` (mean tanh'(a_t)) and ``T``.
    """
    params = setups.make_params("rnn", input_size=INPUT_SIZE, hidden_size=H, init="orthogonal",
                                seed=seed, scale=scale)
    x = setups.make_input("random", T=T, input_size=INPUT_SIZE, seed=seed)  # (T, 1, I)
    # The linear run's forward states may overflow (3^1000); its backward uses φ' = 1 only and stays exact.
    with np.errstate(over="ignore", invalid="ignore"):
        grads = {
            phi: gradient_norms_over_scales("rnn", params, x, [1.0], nonlinearity=phi, loss="last")[0]  # (T,)
            for phi in ("tanh", "linear")
        }
    return _product_data(params, x, scale, grads["tanh"], grads["linear"])


def _product_data(params: dict[str, np.ndarray], x: np.ndarray, scale: float, grad_tanh: np.ndarray,
                  grad_linear: np.ndarray) -> dict[str, Any]:
    """The figure's data from the network, its input ``x`` (T, 1, I) and the two gradient curves (T,)."""
    T, H = x.shape[0], params["weight_hh"].shape[1]
    trace = core.forward("rnn", params, x, nonlinearity="tanh")
    log_dphi = log10_activation_prime(trace.pre["a"][:, 0], "tanh")  # (T, H)
    product = log10_tail_products(log_dphi)  # (T, H): Π_{k=t+1}^{T−1} tanh'
    summary = spectrum(params["weight_hh"])
    return {
        "t": np.arange(T), "T": T, "H": H, "scale": scale,
        "log10_grad_tanh": grad_tanh, "log10_grad_linear": grad_linear,
        "log10_prod_mean": product.mean(axis=1), "log10_prod_min": product.min(axis=1),
        "log10_prod_max": product.max(axis=1),
        "mean_dphi": float(np.mean(10.0 ** log_dphi)),
        "sigma1": summary.largest_singular_value, "rho": summary.spectral_radius,
        "gamma": dict(GAMMA),
    }


def sweep_product(name: str, grid: tuple[Any, ...], **values: Any) -> list[dict[str, Any]]:
    """``compute_product`` at every value of ``grid`` for parameter ``name``. Over the scale, both gradient
    curves come from one vectorised sweep of the unscaled network (``gradient_norms_over_scales``: the same
    engine, the scale applied after the recurrent product, so equal to the per-scale run to ~1e-13)."""
    if name != "scale":
        return [compute_product(**values, **{name: value}) for value in grid]
    T, H, seed = values["T"], values["H"], values["seed"]
    unscaled = setups.make_params("rnn", input_size=INPUT_SIZE, hidden_size=H, init="orthogonal", seed=seed)
    x = setups.make_input("random", T=T, input_size=INPUT_SIZE, seed=seed)  # (T, 1, I)
    with np.errstate(over="ignore", invalid="ignore"):
        curves = {phi: gradient_norms_over_scales("rnn", unscaled, x, grid, nonlinearity=phi, loss="last")
                  for phi in ("tanh", "linear")}  # (S, T) each
    frames = []
    for k, scale in enumerate(grid):
        params = setups.make_params("rnn", input_size=INPUT_SIZE, hidden_size=H, init="orthogonal", seed=seed,
                                    scale=scale)
        frames.append(_product_data(params, x, scale, curves["tanh"][k], curves["linear"][k]))
    return frames


def product_table(data: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame({
        "t": data["t"], "log10_grad_norm_tanh": data["log10_grad_tanh"],
        "log10_grad_norm_linear": data["log10_grad_linear"],
        "log10_prod_dphi_geomean": data["log10_prod_mean"],
        "log10_prod_dphi_min": data["log10_prod_min"], "log10_prod_dphi_max": data["log10_prod_max"],
    })


FIGURES = (
    FigureSpec(
        id="tanh-derivative",
        title=Text("tanh와 그 미분", "tanh and its derivative"),
        summary=Text(
            "tanh'(z) = 1 − tanh²(z)은 z = 0에서만 1이고 멀어질수록 작아집니다. σ'는 많아야 1/4, ReLU'는 0 또는 1.",
            "tanh'(z) = 1 − tanh²(z) is 1 only at z = 0 and shrinks away from it; σ' is at most 1/4, ReLU' is 0 or 1.",
        ),
        params=(ZMAX,),
        compute=compute_curves, build=figures.curves_figure, table=curves_table,
    ),
    FigureSpec(
        id="derivative-product",
        title=Text("Π φ'(z_k): tanh만으로 줄어드는 기울기", "Π φ'(z_k): tanh alone shrinks the gradient"),
        summary=Text(
            "같은 가중치와 입력으로 tanh RNN과 선형 RNN의 ‖∂L/∂h_t‖를 비교하고, 실제 궤적의 tanh' 곱과 "
            "Pascanu 외(2013)의 충분조건 σ₁(W_hh) < 1/γ를 함께 봅니다.",
            "‖∂L/∂h_t‖ of a tanh RNN and of a linear RNN with the same weights and input, the product of tanh' "
            "along the actual trajectory, and Pascanu et al.'s (2013) sufficient condition σ₁(W_hh) < 1/γ.",
        ),
        params=(SCALE, SEQ_LEN, HIDDEN, SEED), live=("scale", "T"), sweep=sweep_product,
        compute=compute_product, build=figures.product_figure, table=product_table,
    ),
)


# The page's texts, in Korean and English (keys start with the page's name).
STRINGS = {
    "derivatives.nav": Text("tanh와 그 미분", "tanh and its derivative"),
    "derivatives.title": Text("tanh와 그 미분: 활성화 함수가 기울기를 줄이는 방식",
                              "tanh and its derivative: how the activation shrinks the gradient"),
    "derivatives.intro": Text(
        "역전파가 tanh 노드를 지날 때마다 기울기에는 tanh'(z) = 1 − tanh²(z)가 곱해집니다. 이 값은 z = 0에서만 1이고 "
        "나머지에서는 1보다 작습니다 (블로그 000의 그래프, 점선). 그래서 기울기 ∂L/∂h_t에는 W_hh의 곱과 함께 "
        "Π φ'(z_k)가 붙습니다 (강의 12강). 아래에서는 실제 RNN 궤적에서 이 곱을 재고, **같은 가중치**로 "
        "tanh를 뺀 선형 RNN과 기울기를 비교합니다. W_hh는 직교 행렬에 스케일을 곱한 것이라 σ₁(W_hh) = 스케일입니다.",
        "Every time backpropagation passes a tanh node the gradient is multiplied by tanh'(z) = 1 − tanh²(z), "
        "which is 1 only at z = 0 and below 1 everywhere else (seed 000's graph, dashed). So ∂L/∂h_t carries "
        "Π φ'(z_k) next to the powers of W_hh (lecture 12). Below, the product is measured along an actual "
        "RNN trajectory, and the gradient is compared with a linear RNN that has **the same weights**. W_hh is "
        "an orthogonal matrix times the scale, so σ₁(W_hh) equals the scale.",
    ),
    "derivatives.try": Text(
        "- 기본값(스케일 1.0): 선형 RNN의 기울기는 제자리(직교 행렬)인데 tanh RNN의 기울기는 소실합니다. "
        "차이는 오로지 tanh' 때문입니다.\n"
        "- 스케일 **1.5**: 선형이라면 기울기 폭발(σ₁ = 1.5 > 1)이지만 tanh를 거친 기울기는 여전히 줄어듭니다. "
        "오른쪽 그림에서 tanh 점은 경계 1/γ = 1 위에 있으니 소실이 보장되지는 않습니다. 충분조건일 뿐입니다.\n"
        "- 스케일 **0.9**: 두 점 모두 경계 아래, 소실이 보장됩니다 (σ₁ < 1/γ).\n"
        "- 스케일 **3.0**, T = **200**: 기본 H = 3에서는 tanh가 거의 모든 유닛을 포화시켜 t = 0의 기울기가 약 "
        "10⁻⁶⁴·⁶까지 소실합니다 (선형이면 약 10⁹⁵ 폭발). H를 **16**으로 늘리면 포화되지 않은 유닛이 남아 tanh RNN의 "
        "기울기도 10¹⁵ 넘게 커집니다 (H = 12쯤부터; 이 영역은 혼돈이라 정확한 값은 계산 순서에 따라 달라집니다). 포화가 모든 것을 막아주지는 않습니다.\n"
        "- 위 그림에서 가로축 범위를 10으로: |z| > 3이면 tanh' < 0.01, 포화된 유닛은 기울기를 거의 통과시키지 않습니다.",
        "- Defaults (scale 1.0): the linear RNN's gradient stays put (orthogonal matrix) while the tanh RNN's "
        "vanishes. The only difference is tanh'.\n"
        "- Scale **1.5**: a linear RNN would explode (σ₁ = 1.5 > 1), yet the gradient through tanh still shrinks. "
        "In the right panel the tanh point sits above the boundary 1/γ = 1, so vanishing is not guaranteed: "
        "the condition is only sufficient.\n"
        "- Scale **0.9**: both points below the boundary, vanishing is guaranteed (σ₁ < 1/γ).\n"
        "- Scale **3.0**, T = **200**: at the default H = 3 tanh saturates almost every unit and the gradient at "
        "t = 0 vanishes to about 10⁻⁶⁴·⁶ (the linear RNN's explodes to about 10⁹⁵). Raise H to **16**: some units "
        "stay unsaturated and the tanh RNN's gradient grows too, beyond 10¹⁵ (from about H = 12 on; the dynamics are chaotic here, so the exact value depends on the order of the arithmetic). Saturation "
        "does not save everything.\n"
        "- In the top chart set the range to 10: for |z| > 3, tanh' < 0.01; a saturated unit lets almost no "
        "gradient through.",
    ),
    "derivatives.curves.title": Text("tanh, σ와 그 미분", "tanh, σ and their derivatives"),
    "derivatives.product.title": Text("tanh가 있을 때와 없을 때의 기울기 (같은 가중치)",
                                      "The gradient with and without tanh (same weights)"),
    "derivatives.panel.gradient": Text("손실은 마지막 시각, ‖∂L/∂h_t‖", "Loss at the last step, ‖∂L/∂h_t‖"),
    "derivatives.panel.pascanu": Text("Pascanu 외의 충분조건 σ₁ < 1/γ", "Pascanu et al.: σ₁ < 1/γ suffices"),
    "derivatives.axis.z": Text("z (활성화 함수의 입력)", "z (input of the activation)"),
    "derivatives.axis.value": Text("값", "Value"),
    "derivatives.axis.t": Text("시각 t", "Time step t"),
    "derivatives.axis.gradient": Text("노름 / 곱 (로그)", "Norm / product (log)"),
    "derivatives.axis.log10_gradient": Text("log₁₀ 노름 / 곱", "log₁₀ norm / product"),
    "derivatives.axis.gamma": Text("γ = max |φ'| (tanh 1, σ 1/4)", "γ = max |φ'| (tanh 1, σ 1/4)"),
    "derivatives.axis.sigma1": Text("σ₁(W_hh), 가장 큰 특잇값", "σ₁(W_hh), largest singular value"),
    "derivatives.trace.tanh": Text("‖∂L/∂h_t‖, tanh RNN", "‖∂L/∂h_t‖, tanh RNN"),
    "derivatives.trace.linear": Text("‖∂L/∂h_t‖, 선형 (tanh 없음)", "‖∂L/∂h_t‖, linear (no tanh)"),
    "derivatives.trace.prod": Text("Π tanh'(a_k), k > t (유닛 기하평균)", "Π tanh'(a_k), k > t (geometric mean over units)"),
    "derivatives.trace.prod_band": Text("Π tanh'(a_k): 유닛별 최소–최대", "Π tanh'(a_k): min–max over units"),
    "derivatives.trace.boundary": Text("경계 σ₁ = 1/γ", "Boundary σ₁ = 1/γ"),
    "derivatives.trace.vanish_region": Text("σ₁ < 1/γ: 기울기 소실 보장", "σ₁ < 1/γ: vanishing guaranteed"),
    "derivatives.trace.point_vanish": Text("지금 설정, {phi}: 소실 보장", "Current setting, {phi}: vanishing guaranteed"),
    "derivatives.trace.point_open": Text("지금 설정, {phi}: 보장 없음", "Current setting, {phi}: not guaranteed"),
    "derivatives.numbers": Text(
        "σ₁(W_hh) = {sigma:.3f}, ρ(W_hh) = {rho:.3f}, 궤적의 평균 tanh'(a_t) = {dphi:.3f}. "
        "t = 0에서 ‖∂L/∂h_0‖: tanh {tanh}, 선형 {linear}.",
        "σ₁(W_hh) = {sigma:.3f}, ρ(W_hh) = {rho:.3f}, mean tanh'(a_t) on the trajectory = {dphi:.3f}. "
        "At t = 0, ‖∂L/∂h_0‖: tanh {tanh}, linear {linear}.",
    ),
    "derivatives.pascanu.heading": Text("Pascanu 외(2013)의 조건", "Pascanu et al. (2013)"),
    "derivatives.pascanu.text": Text(
        "|φ'| ≤ γ이면 한 단계의 야코비안은 ‖diag(φ'(a)) W_hh‖ ≤ γ σ₁(W_hh)입니다. 그래서 σ₁ < 1/γ이면 "
        "매 단계 기울기가 줄어들어 **소실이 보장**됩니다 (충분조건). 반대로 기울기 폭발이 일어나려면 "
        "σ₁ > 1/γ가 **필요**합니다. tanh는 γ = 1, 시그모이드는 γ = 1/4입니다.",
        "With |φ'| ≤ γ, one step's Jacobian has ‖diag(φ'(a)) W_hh‖ ≤ γ σ₁(W_hh). So σ₁ < 1/γ makes the gradient "
        "shrink at every step: **vanishing is guaranteed** (sufficient). Conversely σ₁ > 1/γ is **necessary** "
        "for exploding. tanh has γ = 1, the sigmoid γ = 1/4.",
    ),
    "derivatives.look": Text(
        "가중치가 같은데도 선형 RNN의 기울기는 t = 0까지 약 1.7로 그대로이고, tanh RNN의 기울기는 약 10⁻⁴·⁷로 줄어듭니다. 차이는 1 이하인 tanh′뿐입니다.",
        "Same weights, yet the linear RNN's gradient stays level (about 1.7) all the way to t = 0 while the tanh RNN's falls to about 10⁻⁴·⁷: the only difference is tanh′ ≤ 1.",
    ),
}
