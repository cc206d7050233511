"""tanh and its derivative (seed 000), and what Π φ'(z_k) does to a vanilla RNN's gradient (seeds 001, 004)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from rnnviz.catalogue.figure import FigureSpec
from rnnviz.catalogue.params import Param
from rnnviz.catalogue.shared import HIDDEN, SCALE, SEED, SEQ_LEN
from rnnviz import core, setups
from rnnviz.core.sweep import gradient_norms_over_scales
from rnnviz.experiments.derivatives import activation_curves, log10_activation_prime
from rnnviz.figures import derivatives as figures
from rnnviz.i18n import Text

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
    trace = core.forward("rnn", params, x, nonlinearity="tanh")
    log_dphi = log10_activation_prime(trace.pre["a"][:, 0], "tanh")  # (T, H)
    tail = np.cumsum(log_dphi[::-1], axis=0)[::-1]  # tail[t] = Σ_{k>=t}
    product = np.concatenate([tail[1:], np.zeros((1, H))])  # (T, H): Π_{k=t+1}^{T−1}
    w_hh = params["weight_hh"]
    return {
        "t": np.arange(T), "T": T, "H": H, "scale": scale,
        "log10_grad_tanh": grads["tanh"], "log10_grad_linear": grads["linear"],
        "log10_prod_mean": product.mean(axis=1), "log10_prod_min": product.min(axis=1),
        "log10_prod_max": product.max(axis=1),
        "mean_dphi": float(np.mean(10.0 ** log_dphi)),
        "sigma1": float(np.linalg.norm(w_hh, 2)),
        "rho": float(np.max(np.abs(np.linalg.eigvals(w_hh)))),
        "gamma": dict(GAMMA),
    }


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
        params=(SCALE, SEQ_LEN, HIDDEN, SEED),
        compute=compute_product, build=figures.product_figure, table=product_table,
    ),
)
