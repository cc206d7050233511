"""The book's vanishing/exploding experiment (seed 000) and the scalar case (seeds 001, 004)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from rnnviz.catalogue.figure import FigureSpec
from rnnviz.catalogue.params import Param
from rnnviz.catalogue.shared import SCALE, SEED, SEQ_LEN
from rnnviz.experiments.book_norms import book_norm_experiment
from rnnviz.experiments.scalar import scalar_power
from rnnviz.figures import book as figures
from rnnviz.i18n import Text

INIT = Param(
    "init", "choice", "rand", Text("W_h 초깃값", "W_h initialisation"),
    help=Text(
        "rand: 블로그 코드의 np.random.rand (0과 1 사이 균등분포). randn: 책 스크립트의 표준정규분포.",
        "rand: the blog's np.random.rand (uniform on [0, 1)). randn: the book script's standard normal.",
    ),
    choices=("rand", "randn"), widget="radio",
)
HIDDEN = Param(
    "H", "int", 3, Text("은닉 상태 차원 H", "Hidden size H"),
    help=Text("은닉 상태 벡터의 차원 수", "Dimension of the hidden state"), min=1, max=64, step=1,
)
BATCH = Param(
    "N", "int", 2, Text("미니배치 크기 N", "Mini-batch size N"),
    help=Text("기울기 dh의 행 수 (노름을 N으로 나눕니다)", "Rows of dh (the norm is divided by N)"),
    min=1, max=16, step=1,
)
AXIS = Param(
    "yaxis", "choice", "linear", Text("세로축", "Vertical axis"), choices=("linear", "log"),
    choice_labels={"linear": Text("선형 (책의 그림)", "Linear (as in the book)"), "log": Text("로그", "Log")},
    widget="radio",
)
W = Param(
    "w", "float", 1.1, Text("스칼라 가중치 w", "Scalar weight w"),
    help=Text("은닉 유닛이 하나일 때의 순환 가중치", "The recurrent weight of a single hidden unit"),
    min=0.5, max=1.5, step=0.01, fmt="%.2f",
)
STEPS = Param(
    "n", "int", 50, Text("거슬러 올라간 단계 수 n", "Steps travelled back n"),
    help=Text("기울기가 지나는 순환 연결의 수", "How many recurrent connections the gradient crosses"),
    min=1, max=500, step=1,
)


def compute_norms(*, init: str, scale: float, T: int, H: int, N: int, seed: int, yaxis: str) -> dict[str, Any]:
    """The seed's experiment plus the bound ``‖dh_t‖/N ≤ σ₁^t ‖dh_0‖/N`` (all curves in log10)."""
    run = book_norm_experiment(N=N, H=H, T=T, seed=seed, init=init, scale=scale)
    with np.errstate(divide="ignore"):
        log10_start = np.log10(np.sqrt(N * H) / N)  # ‖ones((N, H))‖_F / N
        log10_bound = log10_start + run.steps * np.log10(run.largest_singular_value)
    return {
        "steps": run.steps, "norms": run.norms, "log10_norms": run.log10_norms,
        "log10_guide": run.log10_guide, "log10_bound": log10_bound,
        "rho": run.spectral_radius, "sigma1": run.largest_singular_value,
        "Wh": run.Wh, "yaxis": yaxis,
    }


def norms_table(data: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame({
        "t": data["steps"], "norm": data["norms"], "log10_norm": data["log10_norms"],
        "log10_sigma1_bound": data["log10_bound"], "log10_rho_guide": data["log10_guide"],
    })


def compute_eigenvalues(*, init: str, scale: float, H: int, seed: int) -> dict[str, Any]:
    """Eigenvalues and singular values of the seed's scaled ``W_h`` (H, H)."""
    run = book_norm_experiment(N=1, H=H, T=1, seed=seed, init=init, scale=scale)
    eig = np.linalg.eigvals(run.Wh)
    eig = eig[np.argsort(-np.abs(eig), kind="stable")]
    return {
        "eigenvalues": eig, "singular_values": np.linalg.svd(run.Wh, compute_uv=False),
        "rho": run.spectral_radius, "sigma1": run.largest_singular_value,
    }


def eigenvalues_table(data: dict[str, Any]) -> pd.DataFrame:
    eig = data["eigenvalues"]
    return pd.DataFrame({
        "index": np.arange(1, eig.size + 1), "real": eig.real, "imag": eig.imag,
        "modulus": np.abs(eig), "singular_value": data["singular_values"],
    })


def compute_scalar(*, w: float, n: int) -> dict[str, Any]:
    """``log10 w^k`` for ``k = 0..n`` and the seed's references ``1.1^k``, ``0.9^k``."""
    k = np.arange(n + 1)
    return {
        "k": k, "w": w, "power": np.array([scalar_power(w, int(i)) for i in k]),
        "log10_power": k * np.log10(w),
        "log10_ref_up": k * np.log10(1.1), "log10_ref_down": k * np.log10(0.9),
    }


def scalar_table(data: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame({
        "k": data["k"], "w_power": data["power"],
        "ref_1.1_power": np.power(1.1, data["k"]), "ref_0.9_power": np.power(0.9, data["k"]),
    })


FIGURES = (
    FigureSpec(
        id="book-norms",
        title=Text("기울기 노름의 변화 (책의 실험)", "Gradient norm over time (the book's experiment)"),
        summary=Text(
            "dh ← dh·W_hᵀ를 T번 반복할 때 ‖dh‖/N: W_h의 스펙트럼 반지름이 1보다 크면 폭발, 작으면 소실.",
            "‖dh‖/N while dh ← dh·W_hᵀ is repeated T times: explodes when W_h's spectral radius exceeds 1, "
            "vanishes below.",
        ),
        params=(INIT, SCALE, SEQ_LEN, HIDDEN, BATCH, SEED, AXIS),
        compute=compute_norms, build=figures.norms_figure, table=norms_table,
    ),
    FigureSpec(
        id="book-eigenvalues",
        title=Text("W_h의 고윳값과 단위원", "Eigenvalues of W_h and the unit circle"),
        summary=Text(
            "스케일한 W_h의 고윳값을 복소평면에 찍습니다. 모두 단위원 안이면 기울기가 결국 소실됩니다.",
            "The scaled W_h's eigenvalues in the complex plane; all inside the unit circle means the gradient "
            "eventually vanishes.",
        ),
        params=(INIT, SCALE, HIDDEN, SEED),
        compute=compute_eigenvalues, build=figures.eigenvalues_figure, table=eigenvalues_table,
    ),
    FigureSpec(
        id="scalar-power",
        title=Text("스칼라의 경우: wⁿ", "The scalar case: wⁿ"),
        summary=Text(
            "은닉 유닛이 하나인 선형 RNN에서 기울기는 wⁿ: 1.1⁵⁰ ≈ 117.4, 0.9⁵⁰ ≈ 0.00515.",
            "In a linear RNN with one hidden unit the gradient is wⁿ: 1.1⁵⁰ ≈ 117.4, 0.9⁵⁰ ≈ 0.00515.",
        ),
        params=(W, STEPS),
        compute=compute_scalar, build=figures.scalar_power_figure, table=scalar_table,
    ),
)
