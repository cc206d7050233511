"""The book's vanishing/exploding experiment (seed 000) and the scalar case (seeds 001, 004)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from rnnviz.experiments.book_norms import book_norm_experiment
from rnnviz.experiments.scalar import scalar_power
from rnnviz.experiments.spectra import spectrum
from rnnviz.figures import vanishing_exploding as figures
from rnnviz.figures.vanishing_exploding import critical_text  # the page writes it beside the chart too
from rnnviz.i18n import Text
from rnnviz.lessons import shared
from rnnviz.lessons.shared import SCALE, SEED, SEQ_LEN
from rnnviz.lessons.spec import FigureSpec, Page, Param

PAGE = Page("vanishing_exploding", icon=":material/trending_up:", section="problem")

INIT = Param(
    "init", "choice", "rand", Text("W_h 초깃값", "W_h initialisation"),
    help=Text(
        "rand: 블로그 코드의 np.random.rand (0과 1 사이 균등분포). randn: 책 스크립트의 표준정규분포.",
        "rand: the blog's np.random.rand (uniform on [0, 1)). randn: the book script's standard normal.",
    ),
    choices=("rand", "randn"), widget="radio",
)
SCALE_UNIT = Param(
    "scale_unit", "choice", "rho", Text("스케일의 단위", "Scale unit"),
    help=Text(
        "ρ: 슬라이더 값이 곧 W_h의 스펙트럼 반지름입니다 (뽑은 행렬을 자신의 ρ₀로 나눈 뒤 곱함). 그래서 어떤 H에서도 "
        "1이 경계입니다. 배율: 책의 코드 그대로 Wh = rand(H, H) × 스케일, 경계는 1/ρ₀.",
        "ρ: the slider value is W_h's spectral radius itself (the draw is divided by its own ρ₀, then "
        "multiplied), so 1 is the threshold at every H. Raw: the book's code, Wh = rand(H, H) × scale; the "
        "threshold is 1/ρ₀.",
    ),
    choices=("rho", "raw"),
    choice_labels={"rho": Text("ρ (스펙트럼 반지름)", "ρ (spectral radius)"),
                   "raw": Text("배율 (책의 코드)", "Raw factor (the book's code)")},
    widget="radio",
)
VE_SCALE = replace(SCALE, default=1.5, help=Text(
    "단위가 ρ이면 W_h의 스펙트럼 반지름, 배율이면 책의 W_h에 곱하는 값",
    "With unit ρ: W_h's spectral radius; with the raw unit: the factor multiplied into the book's W_h",
))
HIDDEN = replace(shared.HIDDEN, max=64)
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


def compute_norms(*, init: str, scale_unit: str, scale: float, T: int, H: int, N: int, seed: int) -> dict[str, Any]:
    """The seed's experiment plus the bound ``‖dh_t‖/N ≤ σ₁^t ‖dh_0‖/N`` (all curves in log10); ``rho0`` is
    the unscaled draw's spectral radius (with ``scale_unit="raw"`` the critical scale is ``1/rho0``)."""
    run = book_norm_experiment(N=N, H=H, T=T, seed=seed, init=init, scale=scale, scale_unit=scale_unit)
    with np.errstate(divide="ignore"):
        log10_start = np.log10(np.sqrt(N * H) / N)  # ‖ones((N, H))‖_F / N
        log10_bound = log10_start + run.steps * np.log10(run.largest_singular_value)
    return {
        "steps": run.steps, "norms": run.norms, "log10_norms": run.log10_norms,
        "log10_guide": run.log10_guide, "log10_bound": log10_bound,
        "rho": run.spectral_radius, "sigma1": run.largest_singular_value,
        "Wh": run.Wh, "scale_unit": scale_unit, "rho0": run.base_spectral_radius,
        "scale_range": (VE_SCALE.min, VE_SCALE.max),
    }


_PER_STEP = ("steps", "norms", "log10_norms", "log10_guide", "log10_bound")  # arrays indexed by step


def sweep_norms(name: str, grid: tuple[Any, ...], **values: Any) -> list[dict[str, Any]]:
    """``compute_norms`` at every value of ``grid`` for parameter ``name``. For ``T`` one run at the longest
    suffices: a shorter run is its first T steps exactly (the experiment only ever steps forward)."""
    if name != "T":
        return [compute_norms(**values, **{name: value}) for value in grid]
    longest = compute_norms(**values, T=max(grid))
    return [{**longest, **{key: longest[key][:T] for key in _PER_STEP}} for T in grid]


def norms_table(data: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame({
        "t": data["steps"], "norm": data["norms"], "log10_norm": data["log10_norms"],
        "log10_sigma1_bound": data["log10_bound"], "log10_rho_guide": data["log10_guide"],
    })


def compute_eigenvalues(*, init: str, scale_unit: str, scale: float, H: int, seed: int) -> dict[str, Any]:
    """Eigenvalues and singular values of the seed's scaled ``W_h`` (H, H)."""
    run = book_norm_experiment(N=1, H=H, T=1, seed=seed, init=init, scale=scale, scale_unit=scale_unit)
    summary = spectrum(run.Wh)
    return {
        "eigenvalues": summary.eigenvalues, "singular_values": summary.singular_values,
        "rho": summary.spectral_radius, "sigma1": summary.largest_singular_value,
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
        params=(INIT, SCALE_UNIT, VE_SCALE, SEQ_LEN, HIDDEN, BATCH, SEED),
        compute=compute_norms, build=figures.norms_figure, table=norms_table, view=(AXIS,), live=("scale", "T"),
        sweep=sweep_norms,
    ),
    FigureSpec(
        id="book-eigenvalues",
        title=Text("W_h의 고윳값과 단위원", "Eigenvalues of W_h and the unit circle"),
        summary=Text(
            "스케일한 W_h의 고윳값을 복소평면에 찍습니다. 모두 단위원 안이면 기울기가 결국 소실됩니다.",
            "The scaled W_h's eigenvalues in the complex plane; all inside the unit circle means the gradient "
            "eventually vanishes.",
        ),
        params=(INIT, SCALE_UNIT, VE_SCALE, HIDDEN, SEED),
        compute=compute_eigenvalues, build=figures.eigenvalues_figure, table=eigenvalues_table, live=("scale",),
    ),
    FigureSpec(
        id="scalar-power",
        title=Text("스칼라의 경우: wⁿ", "The scalar case: wⁿ"),
        summary=Text(
            "은닉 유닛이 하나인 선형 RNN에서 기울기는 wⁿ: 1.1⁵⁰ ≈ 117.4, 0.9⁵⁰ ≈ 0.00515.",
            "In a linear RNN with one hidden unit the gradient is wⁿ: 1.1⁵⁰ ≈ 117.4, 0.9⁵⁰ ≈ 0.00515.",
        ),
        params=(W, STEPS),
        compute=compute_scalar, build=figures.scalar_power_figure, table=scalar_table, live=("w", "n"),
    ),
)


# The page's texts, in Korean and English (keys start with the page's name).
STRINGS = {
    "vanishing_exploding.nav": Text("기울기 소실과 폭발", "Vanishing and exploding"),
    "vanishing_exploding.title": Text("기울기 소실과 기울기 폭발", "Vanishing and exploding gradients"),
    "vanishing_exploding.intro": Text(
        "BPTT에서 시간 방향으로 흘러가는 기울기는 매 시각 MatMul 노드에서 W_hᵀ와 곱해집니다. "
        "아래 차트는 책(밑바닥부터 시작하는 딥러닝 2, 6장)의 실험 그대로, 상류에서 온 기울기 "
        "`dh = ones((N, H))`에 `dh = dh @ Wh.T`를 T번 반복하며 노름 `sqrt(sum(dh**2)) / N`을 그립니다. "
        "W_h의 **스펙트럼 반지름 ρ**(가장 큰 고윳값의 절댓값)가 1보다 크면 기울기 폭발, 작으면 기울기 소실입니다. "
        "슬라이더는 처음에 ρ 자체를 정하며 1.5에서 시작합니다 (책의 행렬은 ρ = 1.4993). 책의 숫자 그대로는 "
        "스케일의 단위를 '배율'로, 스케일을 1로 두세요.",
        "In backpropagation through time the gradient flowing back along the hidden states is multiplied by "
        "W_hᵀ at every step's MatMul node. The chart repeats the book's experiment (Deep Learning from "
        "Scratch 2, chapter 6): starting from the upstream gradient `dh = ones((N, H))` it applies "
        "`dh = dh @ Wh.T` T times and plots the norm `sqrt(sum(dh**2)) / N`. When W_h's **spectral radius ρ** "
        "(its largest eigenvalue in absolute value) exceeds 1 the gradient explodes; below 1 it vanishes. "
        "The slider sets ρ itself and starts at 1.5 (the book's matrix has ρ = 1.4993); for the book's exact "
        "numbers choose the raw factor as the scale unit and a scale of 1.",
    ),
    "vanishing_exploding.try": Text(
        "- 기본값(시드 3, `rand`, 단위 ρ, 스케일 1.5)에서는 노름이 폭발합니다. 스케일을 **1.0**에 두면 경계 "
        "ρ = 1이라 노름이 소실도 폭발도 하지 않고, **0.95**로 내리면 소실, **1.05**로 올리면 폭발합니다. H를 64까지 "
        "바꿔도 마찬가지입니다.\n"
        "- 단위를 **배율**(책의 코드 `Wh = rand(H, H) * scale`)로, 스케일 1.0: 블로그의 첫 실험입니다. 20단계 만에 "
        "노름이 4322까지 폭발합니다. 이 행렬의 ρ₀는 1.4993이라 임계 스케일은 1/ρ₀ = 0.667입니다.\n"
        "- 배율 단위에서 스케일을 **0.5**로: 블로그의 두 번째 실험(`Wh = rand(H, H) * 0.5`), 기울기 소실.\n"
        "- 배율 단위에서 초깃값을 **randn**, 스케일 **0.5**로: 책 스크립트의 경우. 가장 큰 특잇값 σ₁은 1.33으로 "
        "1보다 크지만 ρ = 0.63이라 결국 소실합니다. σ₁ 때문에 첫 단계에서만 노름이 조금 커집니다 (1.22 → 1.23).\n"
        "- 배율 단위에서 H를 64로: ρ₀ = 32.0이라 임계 스케일 0.031이 슬라이더의 최솟값 0.05보다 작아, 어느 "
        "스케일에서나 폭발합니다. 단위를 ρ로 바꾸면 같은 행렬이 1 아래에서 소실합니다.\n"
        "- 스케일을 0.9로, T를 1000으로, 세로축을 로그로: 직선이 됩니다. 기울기가 ρᵗ(점선)와 평행하게 변합니다.\n"
        "- 스케일을 바꾸며 옆의 고윳값 그림에서 점이 단위원을 넘는 순간을 찾아보세요.",
        "- At the defaults (seed 3, `rand`, unit ρ, scale 1.5) the norm explodes. At a scale of **1.0** it sits "
        "on the threshold ρ = 1 and neither vanishes nor explodes; lower it to **0.95** and it vanishes, raise it "
        "to **1.05** and it explodes, at every H up to 64.\n"
        "- Choose the unit **raw** (the book's code, `Wh = rand(H, H) * scale`) at scale 1.0: the blog's first run, "
        "the norm explodes to 4322 in 20 steps. This draw has ρ₀ = 1.4993, so the critical scale is "
        "1/ρ₀ = 0.667.\n"
        "- In the raw unit, set the scale to **0.5**: the blog's second run (`Wh = rand(H, H) * 0.5`), vanishing.\n"
        "- In the raw unit, choose **randn** and scale **0.5**: the book script's case. Its largest singular value "
        "σ₁ = 1.33 exceeds 1, yet ρ = 0.63, so it vanishes; only the first step grows the norm, slightly "
        "(1.22 → 1.23), because of σ₁.\n"
        "- In the raw unit, set H to 64: ρ₀ = 32.0, so the critical scale 0.031 lies below the slider's smallest "
        "value 0.05 and every scale explodes. With the unit ρ the same matrix vanishes below 1.\n"
        "- Set the scale to 0.9, T to 1000 and the axis to log: the curve becomes a straight line parallel to "
        "ρᵗ (dotted).\n"
        "- Move the scale and watch, in the eigenvalue plot beside the chart, when a point crosses the unit circle.",
    ),
    "vanishing_exploding.norms.title": Text("기울기 노름 ‖dh‖/N의 변화", "Gradient norm ‖dh‖/N over time"),
    "vanishing_exploding.eigen.title": Text("W_h의 고윳값", "Eigenvalues of W_h"),
    "vanishing_exploding.scalar.title": Text("스칼라의 경우: wᵏ", "The scalar case: wᵏ"),
    "vanishing_exploding.axis.time_step": Text("시각 t", "Time step t"),
    "vanishing_exploding.axis.norm": Text("노름", "Norm"),
    "vanishing_exploding.axis.log10_norm": Text("log₁₀ 노름", "log₁₀ norm"),
    "vanishing_exploding.axis.real": Text("실수부 Re λ", "Real part Re λ"),
    "vanishing_exploding.axis.imag": Text("허수부 Im λ", "Imaginary part Im λ"),
    "vanishing_exploding.axis.k": Text("거슬러 올라간 단계 k", "Steps back k"),
    "vanishing_exploding.trace.norm": Text("‖dh‖/N (책의 코드)", "‖dh‖/N (the book's code)"),
    "vanishing_exploding.trace.bound": Text("상한 σ₁ᵗ·‖dh₀‖/N", "Upper bound σ₁ᵗ·‖dh₀‖/N"),
    "vanishing_exploding.trace.guide": Text("기준선 ρᵗ⁻¹ (첫 점에 맞춤)", "Guide ρᵗ⁻¹ (through the first point)"),
    "vanishing_exploding.trace.unit_circle": Text("단위원 |λ| = 1", "Unit circle |λ| = 1"),
    "vanishing_exploding.trace.rho_circle": Text("|λ| = ρ", "|λ| = ρ"),
    "vanishing_exploding.trace.sigma_circle": Text("반지름 σ₁", "Radius σ₁"),
    "vanishing_exploding.trace.eigenvalues": Text("고윳값 λ", "Eigenvalues λ"),
    "vanishing_exploding.verdict.explodes": Text("기울기 폭발", "exploding"),
    "vanishing_exploding.verdict.vanishes": Text("기울기 소실", "vanishing"),
    "vanishing_exploding.verdict.neutral": Text("경계 (ρ = 1)", "borderline (ρ = 1)"),
    "vanishing_exploding.spectrum.caption": Text(
        "스케일한 W_h: 스펙트럼 반지름 ρ = {rho:.4f}, 가장 큰 특잇값 σ₁ = {sigma:.4f}. "
        "긴 시간에서는 ρ가 증가율을 정하고, σ₁은 한 단계에서 늘어날 수 있는 최대 배율입니다.",
        "Scaled W_h: spectral radius ρ = {rho:.4f}, largest singular value σ₁ = {sigma:.4f}. "
        "In the long run ρ sets the rate; σ₁ is the most one step can stretch.",
    ),
    "vanishing_exploding.critical.rho": Text(
        "슬라이더 = ρ: 경계는 1 (아래는 소실, 위는 폭발)",
        "Slider = ρ: the threshold is 1 (below vanishes, above explodes)",
    ),
    "vanishing_exploding.critical.raw_inside": Text(
        "임계 스케일 = 1/ρ₀ = {critical:.4f} (ρ₀ = {rho0:.4f})",
        "Critical scale = 1/ρ₀ = {critical:.4f} (ρ₀ = {rho0:.4f})",
    ),
    "vanishing_exploding.critical.raw_below": Text(
        "임계 스케일 1/ρ₀ = {critical:.4f} < {low:g} (슬라이더 밖): 어느 스케일에서나 폭발",
        "Critical scale 1/ρ₀ = {critical:.4f} < {low:g} (off the slider): every scale explodes",
    ),
    "vanishing_exploding.critical.raw_above": Text(
        "임계 스케일 1/ρ₀ = {critical:.4f} > {high:g} (슬라이더 밖): 어느 스케일에서나 소실",
        "Critical scale 1/ρ₀ = {critical:.4f} > {high:g} (off the slider): every scale vanishes",
    ),
    "vanishing_exploding.critical.none": Text(
        "뽑은 W_h의 ρ₀가 0이라(멱영 행렬) 어떤 스케일에서도 소실합니다",
        "The drawn W_h has ρ₀ = 0 (nilpotent): every scale vanishes",
    ),
    "vanishing_exploding.scalar.heading": Text("스칼라의 경우", "The scalar case"),
    "vanishing_exploding.scalar.intro": Text(
        "은닉 유닛이 하나이고 활성화 함수가 선형이면 기울기는 wⁿ입니다 (강의 12강, 블로그 004). "
        "1보다 0.1만 크거나 작아도 n = 50에서 1.1⁵⁰ ≈ 117.4, 0.9⁵⁰ ≈ 0.00515가 됩니다.",
        "With one hidden unit and a linear activation the gradient is wⁿ (lecture 12, seed 004). "
        "Just 0.1 above or below 1 gives, at n = 50, 1.1⁵⁰ ≈ 117.4 and 0.9⁵⁰ ≈ 0.00515.",
    ),
    "vanishing_exploding.look": Text(
        "노름 곡선을 보세요. 기본값(ρ = 1.5)에서는 20시각 만에 약 4360으로 폭발하고, 스케일을 1 아래로 내려 ρ < 1이 되면 0을 향해 줄어듭니다.",
        "Watch the norm curve: at the defaults (ρ = 1.5) it explodes to about 4360 in 20 steps; below a scale of 1, where ρ < 1, it falls towards zero.",
    ),
}
