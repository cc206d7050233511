"""RNN vs LSTM vs GRU: the same input and initial scale, three gradient curves (seeds 001, 003)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from rnnviz import core, setups
from rnnviz.core.activations import sigmoid
from rnnviz.core.jacobian import forget_path
from rnnviz.core.sweep import gradient_norms_over_scales
from rnnviz.experiments.derivatives import log10_activation_prime
from rnnviz.experiments.reductions import log10_tail_products
from rnnviz.figures import cell_comparison as figures
from rnnviz.i18n import Text
from rnnviz.lessons.scale_sweep import GRADIENT_H, GRADIENT_T, INIT, INPUT, INPUT_SIZE
from rnnviz.lessons.shared import FORGET_BIAS, GRU_VARIANT, SCALE, SEED, WEIGHTS
from rnnviz.lessons.spec import FigureSpec, Page

PAGE = Page("cell_comparison", icon=":material/compare_arrows:", section="remedies")

CELLS = ("rnn", "lstm", "gru")



def _all_params(*, init: str, H: int, seed: int, scale: float, forget_bias: float,
                weights: setups.UploadedLayer | None
                ) -> dict[str, dict[str, np.ndarray]]:
    """Parameters of the three cells; when uploaded weights change I or H, the others follow those sizes."""
    def build(cell, n_in, n_h):
        return setups.make_params(cell, input_size=n_in, hidden_size=n_h, init=init, seed=seed, scale=scale,
                                  forget_bias=forget_bias, uploaded=weights)
    params = {cell: build(cell, INPUT_SIZE, H) for cell in CELLS}
    for p in params.values():
        n_h, n_in = p["weight_hh"].shape[1], p["weight_ih"].shape[1]
        if (n_in, n_h) != (INPUT_SIZE, H):
            return {cell: build(cell, n_in, n_h) for cell in CELLS}
    return params


def compute_comparison(*, scale: float, forget_bias: float, gru_variant: str, init: str, input: str, T: int,
                       H: int, seed: int, weights: setups.UploadedLayer | None) -> dict[str, Any]:
    """For each cell: ``log10_grad[cell]`` (T,) log10 ‖∂L/∂h_t‖ for a loss at the last step, and
    ``log10_path[cell]`` (T,) the unit-averaged log10 product of its diagonal path after t: tanh'(a_k)
    (RNN), f_k (LSTM, the constant error path ∂c_t/∂c_{t−1} = f_t), 1 − z_k (GRU classic) or z_k (GRU
    pytorch). LSTM extras: ``f_mean``, ``f_min``, ``f_max`` (T,) over units, ``f_bias`` = σ(b_f) at zero
    state and input (unit mean).
    """
    params = _all_params(init=init, H=H, seed=seed, scale=scale, forget_bias=forget_bias, weights=weights)
    n_in = params["rnn"]["weight_ih"].shape[1]
    x = setups.make_input(input, T=T, input_size=n_in, seed=seed)  # (T, 1, I), the same for every cell
    grads, paths = {}, {}
    for cell in CELLS:
        grads[cell] = gradient_norms_over_scales(cell, params[cell], x, [1.0], gru_variant=gru_variant)[0]  # (T,)
        trace = core.forward(cell, params[cell], x, gru_variant=gru_variant)
        with np.errstate(divide="ignore"):
            if cell == "rnn":
                factors = log10_activation_prime(trace.pre["a"][:, 0], "tanh")  # (T, H)
            elif cell == "lstm":
                f = forget_path(trace)[:, 0]  # (T, H)
                factors = np.log10(f)
            else:
                z = trace.gates["z"][:, 0]
                factors = np.log10(1.0 - z if gru_variant == "classic" else z)
        paths[cell] = log10_tail_products(factors).mean(axis=1)  # (T,) mean over units
    H_used = params["lstm"]["weight_hh"].shape[1]
    bias_f = core.gate_block(params["lstm"]["bias_ih"] + params["lstm"]["bias_hh"], "f", "lstm")
    return {
        "t": np.arange(T), "T": T, "H": H_used, "gru_variant": gru_variant, "scale": scale,
        "forget_bias": forget_bias, "log10_grad": grads, "log10_path": paths,
        "f_mean": f.mean(axis=1), "f_min": f.min(axis=1), "f_max": f.max(axis=1), "f_overall": float(f.mean()),
        "f_bias": float(np.mean(sigmoid(bias_f))),
    }


def comparison_table(data: dict[str, Any]) -> pd.DataFrame:
    columns = {"t": data["t"]}
    for cell in CELLS:
        columns[f"log10_grad_norm_{cell}"] = data["log10_grad"][cell]
    for cell in CELLS:
        columns[f"log10_path_product_{cell}"] = data["log10_path"][cell]
    columns.update({"lstm_f_mean": data["f_mean"], "lstm_f_min": data["f_min"], "lstm_f_max": data["f_max"]})
    return pd.DataFrame(columns)


PARAMS = (SCALE, FORGET_BIAS, GRU_VARIANT, INIT, INPUT, GRADIENT_T, GRADIENT_H, SEED, WEIGHTS)

FIGURES = (
    FigureSpec(
        id="cell-comparison",
        title=Text("RNN, LSTM, GRU의 기울기 비교", "RNN vs LSTM vs GRU: the gradient"),
        summary=Text(
            "같은 입력, 같은 초기 스케일에서 세 셀의 ‖∂L/∂h_t‖와 LSTM의 일정한 오차 경로 ∂c_t/∂c_(t−1) = f_t.",
            "‖∂L/∂h_t‖ of the three cells for the same input and initial scale, and the LSTM's constant error "
            "path ∂c_t/∂c_(t−1) = f_t.",
        ),
        params=PARAMS, compute=compute_comparison, build=figures.comparison_figure, table=comparison_table,
    ),
    FigureSpec(
        id="cell-small-multiples",
        title=Text("셀별 작은 그림 (슬라이드용)", "One panel per cell (for slides)"),
        summary=Text(
            "셀마다 ‖∂L/∂h_t‖와 그 셀의 대각 경로(tanh', f, 1 − z)의 곱을 나란히.",
            "Per cell, ‖∂L/∂h_t‖ next to the product along its diagonal path (tanh', f, 1 − z).",
        ),
        params=PARAMS, compute=compute_comparison, build=figures.small_multiples_figure, table=comparison_table,
    ),
)


# The page's texts, in Korean and English (keys start with the page's name).
STRINGS = {
    "cell_comparison.nav": Text("RNN, LSTM, GRU 비교", "RNN vs LSTM vs GRU"),
    "cell_comparison.title": Text("RNN, LSTM, GRU: 기울기는 얼마나 멀리 가는가", "RNN vs LSTM vs GRU: how far the gradient travels"),
    "cell_comparison.intro": Text(
        "세 셀에 **같은 입력**을 넣고 W_hh에 **같은 스케일**을 곱한 뒤, 마지막 시각의 손실에서 거슬러 온 "
        "기울기 ‖∂L/∂h_t‖를 한 차트에 그립니다 (셀마다 한 색). LSTM의 셀 상태에는 행렬도 tanh도 없는 길, "
        "∂c_t/∂c_(t−1) = f_t(망각 게이트)가 있습니다 (강의 12강, 블로그 003의 '메모리'). 망각 게이트 편향 b_f를 "
        "올리면 f_t가 1에 가까워지고 이 길이 열립니다. GRU에서는 갱신 게이트가 같은 역할을 합니다.",
        "The three cells get **the same input**, W_hh is multiplied by **the same scale**, and the gradient "
        "‖∂L/∂h_t‖ from a loss at the last step is drawn on one chart (one colour per cell). The LSTM's cell state "
        "has a path with no matrix and no tanh: ∂c_t/∂c_(t−1) = f_t, the forget gate (lecture 12, seed 003's "
        "\"memory\"). Raising the forget-gate bias b_f pushes f_t towards 1 and opens this path. In the GRU the "
        "update gate plays the same part.",
    ),
    "cell_comparison.try": Text(
        "- 기본값(스케일 1, b_f = 0): f_t ≈ 0.5라 LSTM의 오차 경로 Π f는 한 단계에 절반씩 줄어듭니다.\n"
        "- 망각 게이트 편향을 **1**(Jozefowicz 외 2015의 권장값), 이어서 **3**으로: f_t ≈ 0.95, LSTM의 "
        "기울기가 RNN보다 훨씬 멀리 갑니다.\n"
        "- 편향을 **−3**으로: f_t ≈ 0.05, 셀 상태가 매 단계 잊혀 LSTM도 기울기가 빨리 소실합니다.\n"
        "- 스케일을 **0.5**로: RNN은 급격히 소실하지만 LSTM(큰 b_f)과 GRU는 덜 영향을 받습니다.\n"
        "- 스케일을 **2.5**로: RNN의 기울기는 폭발할 수 있습니다. 게이트가 있는 셀은 어떤가요?\n"
        "- 아래 셀별 그림은 슬라이드용입니다: 테마를 '프로젝터'로 바꾸고 카메라 아이콘으로 PNG를 저장하세요.",
        "- Defaults (scale 1, b_f = 0): f_t ≈ 0.5, so the LSTM's error path Π f halves at every step.\n"
        "- Set the forget-gate bias to **1** (Jozefowicz et al. 2015's advice), then **3**: f_t ≈ 0.95 and the "
        "LSTM's gradient travels much farther than the RNN's.\n"
        "- Set the bias to **−3**: f_t ≈ 0.05, the cell state is forgotten at every step and the LSTM's gradient "
        "vanishes quickly too.\n"
        "- Set the scale to **0.5**: the RNN vanishes steeply, the LSTM (large b_f) and the GRU much less.\n"
        "- Set the scale to **2.5**: the RNN's gradient can explode. What do the gated cells do?\n"
        "- The per-cell panels below are for slides: choose the 'projector' theme and save a PNG with the camera "
        "icon.",
    ),
    "cell_comparison.figure.title": Text("같은 입력, 같은 스케일: ‖∂L/∂h_t‖", "Same input, same scale: ‖∂L/∂h_t‖"),
    "cell_comparison.multiples.title": Text("셀별: ‖∂L/∂h_t‖와 대각 경로의 곱", "Per cell: ‖∂L/∂h_t‖ and the product along its diagonal path"),
    "cell_comparison.multiples.heading": Text("셀별 작은 그림", "One panel per cell"),
    "cell_comparison.panel.gradients": Text("손실은 마지막 시각", "Loss at the last step"),
    "cell_comparison.panel.forget": Text("LSTM 망각 게이트 f_t", "LSTM forget gate f_t"),
    "cell_comparison.axis.t": Text("시간 크기 t", "Time step t"),
    "cell_comparison.axis.norm": Text("‖∂L/∂h_t‖ / 곱 (로그)", "‖∂L/∂h_t‖ / product (log)"),
    "cell_comparison.axis.log10_norm": Text("log₁₀ 값 (너무 커서)", "log₁₀ value (too large)"),
    "cell_comparison.trace.grad": Text("{cell}: ‖∂L/∂h_t‖", "{cell}: ‖∂L/∂h_t‖"),
    "cell_comparison.path.rnn": Text("RNN: Π tanh'(a_k), k > t", "RNN: Π tanh'(a_k), k > t"),
    "cell_comparison.path.lstm": Text("LSTM: Π f_k, k > t (오차 경로)", "LSTM: Π f_k, k > t (error path)"),
    "cell_comparison.path.gru_classic": Text("GRU: Π (1 − z_k), k > t", "GRU: Π (1 − z_k), k > t"),
    "cell_comparison.path.gru_pytorch": Text("GRU: Π z_k, k > t (PyTorch 식)", "GRU: Π z_k, k > t (PyTorch form)"),
    "cell_comparison.trace.f_mean": Text("f_t (유닛 평균)", "f_t (mean over units)"),
    "cell_comparison.trace.f_band": Text("f_t: 유닛별 최소–최대", "f_t: min–max over units"),
    "cell_comparison.trace.f_bias": Text("σ(b_f) = {value:.3f} (입력·상태 0일 때)", "σ(b_f) = {value:.3f} (zero input and state)"),
    "cell_comparison.numbers": Text(
        "LSTM: 평균 f_t = {f:.3f}, 오차 경로 Π f (t = 0 → T−1) = 10^{path:.2f}. t = 0에서 ‖∂L/∂h_0‖: "
        "RNN 10^{rnn:.2f}, LSTM 10^{lstm:.2f}, GRU 10^{gru:.2f}.",
        "LSTM: mean f_t = {f:.3f}, error path Π f (t = 0 → T−1) = 10^{path:.2f}. At t = 0, ‖∂L/∂h_0‖: "
        "RNN 10^{rnn:.2f}, LSTM 10^{lstm:.2f}, GRU 10^{gru:.2f}.",
    ),
}
