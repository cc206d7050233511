"""The scaling sweep: log10 ‖∂L/∂h_t‖ over (scale of W_hh, t) for a loss at the last step (seeds 000, 003)."""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from rnnviz import setups
from rnnviz.core.sweep import critical_scale, gradient_norms_over_scales
from rnnviz.experiments.reductions import block_mean
from rnnviz.experiments.scale_grid import affordable_scales, scale_grid
from rnnviz.figures import scale_sweep as figures
from rnnviz.figures.scale_sweep import critical_sentence  # the page writes it beside the chart
from rnnviz.i18n import Text
from rnnviz.lessons import shared
from rnnviz.lessons.shared import CELL, GRU_VARIANT, HIDDEN, NONLINEARITY, SEED, SEQ_LEN, WEIGHTS
from rnnviz.lessons.spec import FigureSpec, Page, Param

PAGE = Page("scale_sweep", icon=":material/grid_on:", section="causes")

INPUT_SIZE = 4
MAX_COLUMNS = 300  # the heatmap is averaged (in log10) over blocks of t beyond this many columns
MAX_ROWS = 300
FLOOR = -300.0  # an exactly zero gradient (log10 = -inf, e.g. ReLU units all off) is drawn at 10^-300 or lower
CURVES = 5  # how many scales get a curve beside the heatmap

GRADIENT_T = replace(SEQ_LEN, default=100, min=2, help=Text(
    "펼칠 시각 수 (손실은 마지막 시각)", "Number of time steps to unroll (the loss is at the last one)"))
GRADIENT_H = replace(HIDDEN, default=16)
INIT = Param(
    "init", "choice", "orthogonal", Text("가중치 초기화", "Weight initialisation"),
    help=Text(
        "orthogonal: W_hh의 각 블록이 직교 행렬 (스케일 1에서 모든 특잇값이 1). xavier: Glorot 균등분포. "
        "pytorch: torch.nn의 기본값 U(−1/√H, 1/√H), 편향 포함.",
        "orthogonal: every block of W_hh orthogonal (all singular values 1 at scale 1). xavier: Glorot uniform. "
        "pytorch: torch.nn's default U(−1/√H, 1/√H), biases included.",
    ),
    choices=("orthogonal", "xavier", "pytorch"), widget="radio",
)
INPUT = replace(shared.INPUT, choices=setups.INPUT_KINDS, widget="radio")
SCALE_MAX = Param(
    "smax", "float", 3.0, Text("가장 큰 스케일", "Largest scale"),
    help=Text("W_hh에 곱할 스케일을 smax/n부터 smax까지 n개 고릅니다",
              "The scales multiplied into W_hh run from smax/n to smax in n steps"),
    min=0.5, max=5.0, step=0.1, fmt="%.1f",
)
HIGHLIGHT = Param(
    "highlight", "float", 1.0, Text("강조할 스케일", "Highlighted scale"),
    help=Text("히트맵에 선으로 표시하고 아래에 그 기울기 곡선을 굵게 그립니다 (계산한 스케일 중 가장 가까운 것)",
              "Marked by a line on the heatmap, its gradient curve drawn bold below (the nearest scale computed)"),
    min=0.05, max=5.0, step=0.05, fmt="%.2f",
)
SCALE_COUNT = Param(
    "n_scales", "int", 60, Text("스케일 개수 n", "Number of scales n"),
    help=Text("히트맵의 세로 칸 수", "Rows of the heatmap"), min=5, max=200, step=1,
)


def compute_sweep(*, cell: str, gru_variant: str, nonlinearity: str, init: str, input: str, T: int, H: int,
                  seed: int, smax: float, n_scales: int, weights: setups.UploadedLayer | None) -> dict[str, Any]:
    """log10 ‖∂L/∂h_t‖ for every scale and step, aggregated to screen resolution.

    ``grid`` (S', T') the heatmap (mean of log10 over blocks; S' ≤ MAX_ROWS, T' ≤ MAX_COLUMNS) on
    ``grid_t`` (T',) block centres and ``grid_scales`` (S',); ``curves`` (C, T) full-resolution rows
    for ``curve_scales`` (C,); ``critical`` the scale where the zero-state Jacobian has spectral
    radius 1 (``None`` when not in [1e-3, 100]); ``factor_t``/``factor_s`` the aggregation factors.
    """
    params = setups.make_params(cell, input_size=INPUT_SIZE, hidden_size=H, init=init, seed=seed, scale=1.0,
                                uploaded=weights)
    n_in = params["weight_ih"].shape[1]
    x = setups.make_input(input, T=T, input_size=n_in, seed=seed)  # (T, 1, I)
    requested = n_scales
    n_scales = affordable_scales(cell, T, params["weight_hh"].shape[1], requested)
    scales = scale_grid(smax, n_scales)  # (S,)
    with np.errstate(over="ignore", invalid="ignore"):  # a linear RNN's forward may overflow; its backward does not
        log10 = gradient_norms_over_scales(cell, params, x, scales, nonlinearity=nonlinearity,
                                           gru_variant=gru_variant, loss="last")  # (S, T)
    zero = ~np.isfinite(log10)  # an exactly zero gradient (-inf); the renormalised engine never overflows
    if np.any(zero):
        log10 = np.where(zero, min(FLOOR, float(np.min(log10, where=~zero, initial=0.0))), log10)
    grid, factor_t = block_mean(log10, 1, MAX_COLUMNS)
    grid, factor_s = block_mean(grid, 0, MAX_ROWS)
    steps = np.arange(T, dtype=np.float64)
    picks = np.unique(np.linspace(0, n_scales - 1, CURVES).round().astype(int))
    critical = _critical_scale(cell, gru_variant, nonlinearity, init, H, seed, weights)
    return {
        "cell": cell, "nonlinearity": nonlinearity, "T": T, "H": params["weight_hh"].shape[1],
        "grid": grid, "grid_t": block_mean(steps, 0, MAX_COLUMNS)[0], "grid_scales": block_mean(scales, 0, MAX_ROWS)[0],
        "factor_t": factor_t, "factor_s": factor_s,
        "curves": log10[picks], "curve_scales": scales[picks], "t": steps.astype(int),
        "rows": log10, "scales": scales,  # every scale's full curve, for the highlighted one
        "critical": critical, "start": float(0.5 * np.log10(params["weight_hh"].shape[1])),  # ‖ones(1, H)‖
        "floored": bool(np.any(zero)),
        "n_scales": n_scales, "requested_scales": requested,
    }


@functools.lru_cache(maxsize=32)
def _critical_scale(cell: str, gru_variant: str, nonlinearity: str, init: str, H: int, seed: int,
                    weights: setups.UploadedLayer | None) -> float | None:
    """``critical_scale`` of the network these settings build; it depends on neither T nor the scale
    grid, and an LSTM with H = 256 takes seconds (eigenvalues of 512 × 512 Jacobians), so it is kept."""
    params = setups.make_params(cell, input_size=INPUT_SIZE, hidden_size=H, init=init, seed=seed, scale=1.0,
                                uploaded=weights)
    return critical_scale(cell, params, nonlinearity=nonlinearity, gru_variant=gru_variant)


def sweep_table(data: dict[str, Any]) -> pd.DataFrame:
    S, T = data["grid"].shape
    return pd.DataFrame({
        "scale": np.repeat(data["grid_scales"], T), "t": np.tile(data["grid_t"], S),
        "log10_grad_norm": data["grid"].ravel(),
    })


FIGURES = (
    FigureSpec(
        id="scale-sweep",
        title=Text("W_hh 스케일에 따른 기울기 (스케일 × 시간)", "The gradient across scales of W_hh (scale × time)"),
        summary=Text(
            "마지막 시각의 손실에서 거슬러 온 log₁₀ ‖∂L/∂h_t‖를 W_hh의 스케일과 시각 t마다 칠합니다. "
            "선은 선형 부분의 스펙트럼 반지름이 1이 되는 임계 스케일.",
            "log₁₀ ‖∂L/∂h_t‖ from a loss at the last step, coloured over the scale of W_hh and the step t. "
            "The line is the critical scale, where the linear part's spectral radius is 1.",
        ),
        params=(CELL, GRU_VARIANT, NONLINEARITY, INIT, INPUT, GRADIENT_T, GRADIENT_H, SCALE_MAX, SCALE_COUNT, SEED,
                WEIGHTS),
        compute=compute_sweep, build=figures.sweep_figure, table=sweep_table, view=(HIGHLIGHT,),
        live=("highlight",),
    ),
)


# The page's texts, in Korean and English (keys start with the page's name).
STRINGS = {
    "scale_sweep.note.fewer_scales": Text(
        "계산량을 줄이려고 스케일 {requested}개 대신 {n}개를 계산했습니다 (T·H²가 클 때).",
        "{n} of the {requested} scales computed, to keep the page responsive at this T and H.",
    ),
    "scale_sweep.nav": Text("스케일 스윕", "Scaling sweep"),
    "scale_sweep.title": Text("W_hh의 스케일을 훑어보기", "Sweeping the scale of W_hh"),
    "scale_sweep.intro": Text(
        "순환 가중치 W_hh에 스케일 s를 곱해 가며, 마지막 시각의 손실에서 거슬러 온 기울기 ‖∂L/∂h_t‖를 "
        "한 장의 히트맵에 모았습니다 (세로: s, 가로: 시각 t, 색: log₁₀ 노름; 파랑은 기울기 소실, 빨강은 기울기 폭발). "
        "점선은 **임계 스케일**, 은닉 상태가 0일 때 선형화한 야코비안의 스펙트럼 반지름이 1이 되는 s입니다 "
        "(블로그 003: 가장 큰 고윳값이 1보다 작으면 소실, 크면 폭발). 아래 곡선은 몇 개의 s에서 자른 단면입니다.",
        "The recurrent matrix W_hh is multiplied by a scale s, and the gradient ‖∂L/∂h_t‖ flowing back from a loss "
        "at the last step is collected in one heatmap (vertical: s, horizontal: step t, colour: log₁₀ norm; blue "
        "vanishes, red explodes). The dashed line is the **critical scale**, where the Jacobian linearised at a zero "
        "hidden state has spectral radius 1 (seed 003: largest eigenvalue below 1 vanishes, above explodes). The "
        "curves below are slices at a few scales.",
    ),
    "scale_sweep.try": Text(
        "- 기본값(RNN, tanh, 직교 초기화): 임계 스케일은 정확히 1입니다. 무작위 입력이 tanh를 포화시키므로 "
        "실제 경계는 1보다 위(더 큰 스케일)에 있습니다.\n"
        "- 입력을 **임펄스**로: t = 0 뒤에는 입력이 0이라 은닉 상태가 0 근처에 머물고, 색의 경계가 점선에 붙습니다.\n"
        "- 활성화 함수를 **linear**로: 경계가 정확히 s = 1, 그 위로는 시간에 따라 지수적으로 폭발합니다.\n"
        "- 셀을 **LSTM**이나 **GRU**로: 같은 스케일에서도 기울기가 훨씬 천천히 변합니다. 게이트가 곱을 조절합니다.\n"
        "- T를 **1000**, H를 **256**으로: 히트맵은 화면 해상도에 맞춰 평균됩니다 (아래 안내문).",
        "- Defaults (RNN, tanh, orthogonal init): the critical scale is exactly 1. Random inputs saturate tanh, so the "
        "real boundary lies above it (at larger scales).\n"
        "- Set the input to **impulse**: after t = 0 the input is zero, the hidden state stays near 0, and the colour "
        "boundary hugs the dashed line.\n"
        "- Set the activation to **linear**: the boundary is exactly s = 1, and above it the gradient explodes "
        "exponentially in time.\n"
        "- Switch the cell to **LSTM** or **GRU**: at the same scale the gradient changes far more slowly; the gates "
        "control the product.\n"
        "- Set T to **1000** and H to **256**: the heatmap is averaged to screen resolution (see the note).",
    ),
    "scale_sweep.title.figure": Text("{cell}: log₁₀ ‖∂L/∂h_t‖, 손실은 마지막 시각", "{cell}: log₁₀ ‖∂L/∂h_t‖, loss at the last step"),
    "scale_sweep.panel.heatmap": Text("스케일 s × 시각 t", "Scale s × step t"),
    "scale_sweep.panel.curves": Text("몇 개의 스케일에서 자른 단면", "Slices at a few scales"),
    "scale_sweep.axis.t": Text("시각 t", "Time step t"),
    "scale_sweep.axis.scale": Text("W_hh 스케일 s", "Scale s of W_hh"),
    "scale_sweep.axis.norm": Text("‖∂L/∂h_t‖ (로그)", "‖∂L/∂h_t‖ (log)"),
    "scale_sweep.axis.log10_norm": Text("log₁₀ ‖∂L/∂h_t‖", "log₁₀ ‖∂L/∂h_t‖"),
    "scale_sweep.hover": Text("t = %{x}<br>s = %{y:.3f}<br>log₁₀ ‖∂L/∂h_t‖ = %{z:.2f}",
                        "t = %{x}<br>s = %{y:.3f}<br>log₁₀ ‖∂L/∂h_t‖ = %{z:.2f}"),
    "scale_sweep.trace.critical": Text("임계 스케일 s* = {s:.3f}", "Critical scale s* = {s:.3f}"),
    "scale_sweep.trace.curve": Text("s = {s:.2f}", "s = {s:.2f}"),
    "scale_sweep.trace.highlight": Text("강조: s = {s:.2f}", "Highlighted: s = {s:.2f}"),
    "scale_sweep.note.aggregated": Text(
        "화면 해상도에 맞춰 히트맵을 평균했습니다 (log₁₀ 평균: t {ft}칸, s {fs}칸씩).",
        "Heatmap averaged to screen resolution (mean of log₁₀ over {ft} steps × {fs} scales).",
    ),
    "scale_sweep.note.floored": Text("정확히 0인 기울기는 가장 작은 값(10⁻³⁰⁰ 이하)으로 그렸습니다.",
                               "Exactly zero gradients are drawn at the smallest value (10⁻³⁰⁰ or below)."),
    "scale_sweep.note.no_critical": Text(
        "[0.001, 100] 안에 임계 스케일이 없습니다: h = 0에서의 야코비안의 ρ가 1의 한쪽에만 있습니다.",
        "No critical scale in [0.001, 100]: the Jacobian at h = 0 keeps ρ on one side of 1.",
    ),
    "scale_sweep.note.no_critical_relu": Text(
        "임계 스케일 없음: h = 0에서 ReLU′은 편향이 양수인 유닛에서만 1이라, 선형화한 야코비안의 ρ가 1에 닿지 않습니다.",
        "No critical scale: at h = 0, ReLU′ is 1 only where the bias is positive, so the linearised "
        "Jacobian's ρ never reaches 1.",
    ),
    "scale_sweep.note.critical_outside": Text(
        "임계 스케일 s* = {s:.3f}은 그린 스케일({low:.3g}–{high:.3g}) 밖이라 선이 보이지 않습니다.",
        "The critical scale s* = {s:.3f} lies outside the plotted scales ({low:.3g}–{high:.3g}): no line.",
    ),
    "scale_sweep.critical.none": Text(
        "임계 스케일이 없습니다: 은닉 상태 0에서의 야코비안 ∂h_t/∂h_(t−1)의 스펙트럼 반지름이 [0.001, 100]의 "
        "모든 스케일에서 1의 한쪽에만 있어, 이 선형화로는 소실과 폭발을 가르는 스케일이 없습니다.",
        "No critical scale: the spectral radius of the Jacobian ∂h_t/∂h_(t−1) at a zero hidden state stays on one "
        "side of 1 for every scale in [0.001, 100], so this linearisation has no scale that separates vanishing "
        "from exploding.",
    ),
    "scale_sweep.critical.none_relu": Text(
        "임계 스케일이 없습니다. ReLU의 도함수는 입력이 양수이면 1, 아니면 0입니다 (0에서는 0으로 둡니다). 은닉 상태 "
        "0, 입력 0에서 각 유닛의 입력은 편향뿐이라, 선형화한 야코비안 s·diag(φ′(b))·W_hh는 편향이 양수인 유닛만 "
        "남깁니다. 편향이 0이면(orthogonal과 xavier 초기화) 이 야코비안은 0이어서 어떤 스케일에서도 스펙트럼 "
        "반지름이 1을 지나지 않습니다. 실제 실행에서는 그 시각에 켜진 유닛으로 제한한 s·W_hh가 기울기를 나르므로, "
        "히트맵에서 직접 경계를 읽으세요.",
        "No critical scale. ReLU's derivative is 1 for a positive input and 0 otherwise (taken as 0 at 0). At a zero "
        "hidden state and zero input each unit's input is its bias alone, so the linearised Jacobian "
        "s·diag(φ′(b))·W_hh keeps only the units whose bias is positive. With zero biases (the orthogonal and "
        "xavier inits) it is zero, and its spectral radius crosses 1 at no scale. Along the actual run the "
        "gradient is carried by s·W_hh restricted to the units active at each step, so read the threshold from "
        "the heatmap itself.",
    ),
    "scale_sweep.critical.above": Text(
        "임계 스케일 s* = {s}은 그린 스케일({low}–{high})보다 커서 선이 히트맵 밖에 있습니다: 그린 스케일은 모두 "
        "임계값 아래입니다. 가장 큰 스케일을 s*보다 크게 하면 경계가 보입니다.",
        "Critical scale s* = {s} lies above the plotted scales ({low} to {high}), so its line is off the heatmap: "
        "every plotted scale is below the threshold. Raise the largest scale past s* to see the crossing.",
    ),
    "scale_sweep.critical.below": Text(
        "임계 스케일 s* = {s}은 가장 작은 그린 스케일 {low}보다 작아 선이 히트맵 밖에 있습니다: 그린 스케일은 모두 "
        "임계값 위입니다. 스케일 개수를 늘리거나 가장 큰 스케일을 줄이면 (가장 작은 스케일은 smax/n) 경계가 보입니다.",
        "Critical scale s* = {s} lies below the smallest plotted scale {low}, so its line is off the heatmap: every "
        "plotted scale is above the threshold. More scales or a smaller largest scale (the smallest is smax/n) "
        "bring it into view.",
    ),
    "scale_sweep.critical.caption": Text(
        "임계 스케일 s* = {s}. 이 값에서 은닉 상태 0에서의 야코비안 ∂h_t/∂h_(t−1)의 스펙트럼 반지름이 1입니다.",
        "Critical scale s* = {s}: there the Jacobian ∂h_t/∂h_(t−1) at a zero hidden state has spectral radius 1.",
    ),
    "scale_sweep.look": Text(
        "히트맵에서 파란색(소실)이 빨간색(폭발)으로 바뀌는 곳을 보세요. 무작위 입력이 tanh를 포화시켜, 색의 경계는 임계 스케일 s* = 1보다 한참 큰 스케일에 있습니다.",
        "In the heatmap, see where blue (vanishing) turns red (exploding): random inputs saturate tanh, so the boundary lies well above the critical scale s* = 1.",
    ),
}
