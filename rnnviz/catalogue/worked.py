"""Seed 004's worked examples: the linear unit, the two-input sigmoid unit, the parity-bit RNN and the
scalar BPTT derivation. Shapes: ``T`` steps, ``I`` inputs per step; the units are scalar.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from rnnviz.catalogue.figure import FigureSpec
from rnnviz.catalogue.params import Param
from rnnviz.experiments.parity import SEED_INPUT, parity_rnn
from rnnviz.experiments.scalar_bptt import scalar_bptt
from rnnviz.experiments.worked_examples import EXAMPLE1_INPUTS, example2, linear_recurrent_unit
from rnnviz.figures import worked as figures
from rnnviz.i18n import Text

W_H = Param(
    "wh", "float", 1.0, Text("순환 가중치 w_h", "Recurrent weight w_h"),
    help=Text("블로그의 값은 1 (w_x = w_y = 1은 고정)", "The seed uses 1 (w_x = w_y = 1 are fixed)"),
    min=-2.0, max=2.0, step=0.1, fmt="%.1f",
)
BITS = Param(
    "bits", "token", "".join(map(str, SEED_INPUT)), Text("입력 비트열", "Input bits"),
    help=Text("0과 1로만, 최대 64자 (기본값은 블로그의 입력)", "Only 0 and 1, at most 64 (default: the seed's input)"),
    pattern=r"[01]{1,64}", widget="text",
)
U = Param("u", "float", 0.5, Text("입력 가중치 u", "Input weight u"), min=-3.0, max=3.0, step=0.1, fmt="%.1f")
W = Param("w", "float", 0.8, Text("순환 가중치 w", "Recurrent weight w"), min=-3.0, max=3.0, step=0.1, fmt="%.1f")
V = Param("v", "float", 1.0, Text("출력 가중치 v", "Output weight v"), min=-3.0, max=3.0, step=0.1, fmt="%.1f")
LOSS = Param(
    "loss", "choice", "sum", Text("손실 L", "Loss L"),
    choices=("sum", "last"),
    choice_labels={"sum": Text("L = Σ_t y_t", "L = Σ_t y_t"), "last": Text("L = y_T (마지막만)", "L = y_T (last only)")},
    widget="radio",
)


def compute_linear(*, wh: float) -> dict[str, Any]:
    """Example 1 (``w_x = w_y = 1``, ``h_0 = 0``) on the inputs 2, −0.5, 1, 1 with ``w_h = wh``."""
    h, y = linear_recurrent_unit(EXAMPLE1_INPUTS, w_h=wh)
    return {"x": np.array(EXAMPLE1_INPUTS), "h": h, "y": y, "wh": wh}


def linear_table(data: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame({"t": np.arange(1, data["x"].size + 1), "x": data["x"], "h": data["h"], "y": data["y"]})


def compute_sigmoid() -> dict[str, Any]:
    """Example 2 exactly as the seed: ``h`` and the corrected ``y = σ(5h)`` and the seed's sign slip."""
    return example2()


def sigmoid_table(data: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame({
        "t": np.arange(1, data["h"].size + 1), "x1": data["x"][:, 0], "x2": data["x"][:, 1], "h": data["h"],
        "y": data["y"], "y_seed_sign_slip": data["y_seed_sign_slip"],
    })


def compute_parity(*, bits: str) -> dict[str, Any]:
    """The parity RNN on the bit string ``bits`` (T ≤ 64 characters '0'/'1')."""
    if not bits or len(bits) > 64 or set(bits) - {"0", "1"}:
        raise ValueError(f"bits must be 1 to 64 characters, each 0 or 1; got {bits[:70]!r}")
    return parity_rnn([int(b) for b in bits])


def parity_table(data: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame({
        "t": np.arange(1, data["x"].size + 1), "x": data["x"],
        "z_or": data["pre_hidden"][:, 0], "z_and": data["pre_hidden"][:, 1],
        "h_or": data["hidden"][:, 0], "h_and": data["hidden"][:, 1], "parity": data["parity"],
    })


def compute_scalar_bptt(*, u: float, w: float, v: float, loss: str) -> dict[str, Any]:
    """Seed 004's derivation with ``φ = tanh`` on example 1's inputs; ``∂L/∂y_t`` is 1 for every t (sum)
    or only at ``t = T`` (last)."""
    xs = np.array(EXAMPLE1_INPUTS)
    dL_dy = np.ones(xs.size) if loss == "sum" else np.eye(xs.size)[-1]
    out = scalar_bptt(u, w, v, xs, dL_dy, phi="tanh")
    out.update(x=xs, dL_dy=dL_dy, loss=loss)
    return out


def scalar_bptt_table(data: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame({
        "t": np.arange(1, data["x"].size + 1), "x": data["x"], "z": data["z"], "h": data["h"], "r": data["r"],
        "y": data["y"], "dL_dy": data["dL_dy"], "dL_dr": data["dL_dr"], "dL_dh": data["dL_dh"], "dL_dz": data["dL_dz"],
    })


FIGURES = (
    FigureSpec(
        id="worked-linear",
        title=Text("예제 1: 선형 순환 유닛", "Example 1: a linear recurrent unit"),
        summary=Text("w_x = w_h = w_y = 1, 입력 2, −0.5, 1, 1 → h = y = 2, 1.5, 2.5, 3.5.",
                     "w_x = w_h = w_y = 1, inputs 2, −0.5, 1, 1 → h = y = 2, 1.5, 2.5, 3.5."),
        params=(W_H,), compute=compute_linear, build=figures.linear_figure, table=linear_table,
    ),
    FigureSpec(
        id="worked-sigmoid",
        title=Text("예제 2: 입력 두 개와 시그모이드 출력", "Example 2: two inputs and a sigmoid output"),
        summary=Text("w_x1 = 1, w_x2 = −1, w_h = 1, w_y = 5: h = 4, 0.5, −0.7, y = σ(5h).",
                     "w_x1 = 1, w_x2 = −1, w_h = 1, w_y = 5: h = 4, 0.5, −0.7, y = σ(5h)."),
        params=(), compute=compute_sigmoid, build=figures.sigmoid_figure, table=sigmoid_table,
    ),
    FigureSpec(
        id="parity-rnn",
        title=Text("예제 3: 패리티 비트 RNN", "Example 3: the parity-bit RNN"),
        summary=Text("계단 함수 활성화의 RNN: 0,1,0,1,1,0,1,0,1,1 → 0,1,1,0,1,1,0,0,1,0.",
                     "An RNN with a step activation: 0,1,0,1,1,0,1,0,1,1 → 0,1,1,0,1,1,0,0,1,0."),
        params=(BITS,), compute=compute_parity, build=figures.parity_figure, table=parity_table,
    ),
    FigureSpec(
        id="scalar-bptt",
        title=Text("스칼라 RNN의 BPTT", "BPTT of a scalar RNN"),
        summary=Text("z = u x + w h, h = φ(z), r = v h, y = φ(r)에서 시각별 ∂L/∂h, ∂L/∂z.",
                     "Per-step ∂L/∂h and ∂L/∂z for z = u x + w h, h = φ(z), r = v h, y = φ(r)."),
        params=(U, W, V, LOSS), compute=compute_scalar_bptt, build=figures.scalar_bptt_figure,
        table=scalar_bptt_table,
    ),
)
