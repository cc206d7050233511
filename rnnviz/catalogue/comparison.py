"""RNN vs LSTM vs GRU: the same input and initial scale, three gradient curves (seeds 001, 003)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from rnnviz import core, setups
from rnnviz.catalogue.figure import FigureSpec
from rnnviz.catalogue.params import Param
from rnnviz.catalogue.shared import GRU_VARIANT, SCALE, SEED, WEIGHTS
from rnnviz.catalogue.sweep import GRADIENT_H, GRADIENT_T, INIT, INPUT, INPUT_SIZE
from rnnviz.core.activations import sigmoid
from rnnviz.core.jacobian import forget_path
from rnnviz.core.sweep import gradient_norms_over_scales
from rnnviz.experiments.derivatives import log10_activation_prime
from rnnviz.figures import comparison as figures
from rnnviz.i18n import Text

CELLS = ("rnn", "lstm", "gru")

FORGET_BIAS = Param(
    "forget_bias", "float", 0.0, Text("LSTM 망각 게이트 편향 b_f", "LSTM forget-gate bias b_f"),
    help=Text(
        "망각 게이트의 편향에 더하는 값. 크면 f_t가 1에 가까워져 셀 상태의 기울기가 오래 살아남습니다 "
        "(Jozefowicz 외 2015는 1을 권합니다). PyTorch 기본값은 0.",
        "Added to the forget gate's bias. Large values push f_t towards 1, so the cell-state gradient survives "
        "longer (Jozefowicz et al. 2015 recommend 1). PyTorch's default is 0.",
    ),
    min=-3.0, max=6.0, step=0.5, fmt="%.1f",
)


def _all_params(*, init: str, H: int, seed: int, scale: float, forget_bias: float, weights: str
                ) -> dict[str, dict[str, np.ndarray]]:
    """Parameters of the three cells; when uploaded weights change I or H, the others follow those sizes."""
    def build(cell, n_in, n_h):
        return setups.make_params(cell, input_size=n_in, hidden_size=n_h, init=init, seed=seed, scale=scale,
                                  forget_bias=forget_bias, weights_token=weights)
    params = {cell: build(cell, INPUT_SIZE, H) for cell in CELLS}
    for p in params.values():
        n_h, n_in = p["weight_hh"].shape[1], p["weight_ih"].shape[1]
        if (n_in, n_h) != (INPUT_SIZE, H):
            return {cell: build(cell, n_in, n_h) for cell in CELLS}
    return params


def _tail_product(log10_factors: np.ndarray) -> np.ndarray:
    """``log10 Π_{k=t+1}^{T−1}`` of per-unit factors ``(T, H)``, averaged over units: ``(T,)``."""
    tail = np.cumsum(log10_factors[::-1], axis=0)[::-1]
    return np.concatenate([tail[1:], np.zeros((1, log10_factors.shape[1]))]).mean(axis=1)


def compute_comparison(*, scale: float, forget_bias: float, gru_variant: str, init: str, input: str, T: int,
                       H: int, seed: int, weights: str) -> dict[str, Any]:
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
        paths[cell] = _tail_product(factors)
    H_used = params["lstm"]["weight_hh"].shape[1]
    bias_f = core.gate_block(params["lstm"]["bias_ih"] + params["lstm"]["bias_hh"], "f", "lstm")
    return {
        "t": np.arange(T), "T": T, "H": H_used, "gru_variant": gru_variant, "scale": scale,
        "forget_bias": forget_bias, "log10_grad": grads, "log10_path": paths,
        "f_mean": f.mean(axis=1), "f_min": f.min(axis=1), "f_max": f.max(axis=1),
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
