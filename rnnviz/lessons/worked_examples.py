"""Seed 004's worked examples: the linear unit, the two-input sigmoid unit, the parity-bit RNN and the
scalar BPTT derivation. Shapes: ``T`` steps, ``I`` inputs per step; the units are scalar.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from rnnviz.experiments.parity import SEED_INPUT, parity_rnn
from rnnviz.experiments.scalar_bptt import scalar_bptt
from rnnviz.experiments.worked_examples import EXAMPLE1_INPUTS, example2, linear_recurrent_unit
from rnnviz.figures import worked_examples as figures
from rnnviz.i18n import Text
from rnnviz.lessons.spec import FigureSpec, Page, Param

PAGE = Page("worked_examples", icon=":material/calculate:", section="seeds")

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
        params=(W_H,), live=("wh",), compute=compute_linear, build=figures.linear_figure, table=linear_table,
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
        params=(U, W, V, LOSS), live=("u", "w", "v"), compute=compute_scalar_bptt, build=figures.scalar_bptt_figure,
        table=scalar_bptt_table,
    ),
)


# The page's texts, in Korean and English (keys start with the page's name).
STRINGS = {
    "worked_examples.nav": Text("손으로 푸는 예제", "Worked examples"),
    "worked_examples.title": Text("손으로 계산하는 순환 신경망", "Recurrent computations by hand"),
    "worked_examples.intro": Text(
        "블로그 004의 세 가지 예제와 BPTT 유도를 같은 숫자로 다시 계산합니다. 표를 펼치면 정확한 값이 있습니다. "
        "블로그의 식에 있던 오타는 고쳐서 보여 주고, 무엇을 고쳤는지 적어 두었습니다.",
        "Seed 004's three examples and its BPTT derivation, recomputed with the same numbers; open a table for "
        "the exact values. Where the seed's formulas had typos we show the corrected version and say what "
        "was corrected.",
    ),
    "worked_examples.try": Text(
        "- 예제 1에서 w_h를 0.5로: 과거 입력의 영향이 매 시각 절반으로 줄어듭니다.\n"
        "- 패리티 비트열을 `1111`로: 패리티가 1, 0, 1, 0으로 번갈아 나옵니다.\n"
        "- 비트열에 `2`를 넣어 보세요: 입력이 거부되고 기본값이 쓰입니다.\n"
        "- BPTT에서 손실을 'L = y_T'로: 기울기가 과거로 갈수록 w·tanh'(z)배씩 줄어듭니다.\n"
        "- w를 3으로: |w| > 1이어도 tanh'이 작아 기울기가 줄 수 있습니다.",
        "- Example 1 with w_h = 0.5: the effect of past inputs halves at every step.\n"
        "- Parity bits `1111`: the parity alternates 1, 0, 1, 0.\n"
        "- Type a `2` into the bits: the input is refused and the default is used.\n"
        "- BPTT with the loss 'L = y_T': going back, the gradient is multiplied by w·tanh'(z) at each step.\n"
        "- Set w to 3: even with |w| > 1 the gradient can shrink because tanh' is small.",
    ),
    "worked_examples.axis.t": Text("시각 t", "Time step t"),
    "worked_examples.axis.value": Text("값", "Value"),
    "worked_examples.axis.gradient": Text("기울기", "Gradient"),
    "worked_examples.linear.heading": Text("예제 1: 선형 유닛", "Example 1: a linear unit"),
    "worked_examples.linear.title": Text("h_t = x_t + w_h h_(t−1), y_t = h_t (w_h = {wh:g})",
                                "h_t = x_t + w_h h_(t−1), y_t = h_t (w_h = {wh:g})"),
    "worked_examples.linear.typo": Text(
        "블로그의 오타(값은 맞음): h_1 줄의 `1 + 0·2`는 `1·2 + 1·0`이고, y_3, y_4 줄의 `w_y h_2`, `w_y h_3`은 "
        "`w_y h_3`, `w_y h_4`입니다.",
        "Seed typos (its numbers are right): the h_1 line's `1 + 0·2` is `1·2 + 1·0`, and the y_3, y_4 lines' "
        "`w_y h_2`, `w_y h_3` are `w_y h_3`, `w_y h_4`.",
    ),
    "worked_examples.sigmoid.heading": Text("예제 2: 입력 두 개, 시그모이드 출력", "Example 2: two inputs, a sigmoid output"),
    "worked_examples.sigmoid.title": Text("예제 2: w_x1 = 1, w_x2 = −1, w_h = 1, w_y = 5",
                                 "Example 2: w_x1 = 1, w_x2 = −1, w_h = 1, w_y = 5"),
    "worked_examples.sigmoid.correct": Text("y_t = 1/(1 + e^(−5h_t)) (바른 값)", "y_t = 1/(1 + e^(−5h_t)) (correct)"),
    "worked_examples.sigmoid.slip": Text("블로그의 대입식 1/(1 + e^(+5h_t))", "The seed's substitution 1/(1 + e^(+5h_t))"),
    "worked_examples.sigmoid.typo": Text(
        "블로그의 오타: 대입한 식 `1/(1 + e^{5·4})`에서 지수의 음수 부호가 빠졌습니다. 정의 "
        "`1/(1 + e^{−w_y h})`대로면 y = σ(20) ≈ 0.9999999979, σ(2.5) ≈ 0.9241, σ(−3.5) ≈ 0.0293입니다 "
        "(회색 ×는 부호가 빠진 값). 둘째, 셋째 줄도 첫 줄의 이름 x_11, x_12, h_1, y_1을 그대로 씁니다.",
        "Seed typos: the substituted `1/(1 + e^{5·4})` drops the minus sign of the exponent. By the definition "
        "`1/(1 + e^{−w_y h})`, y = σ(20) ≈ 0.9999999979, σ(2.5) ≈ 0.9241, σ(−3.5) ≈ 0.0293 (grey × marks "
        "the slipped values). Its second and third lines also keep the first line's labels x_11, x_12, h_1, y_1.",
    ),
    "worked_examples.parity.heading": Text("예제 3: 패리티 비트", "Example 3: the parity bit"),
    "worked_examples.parity.intro": Text(
        "지금까지 1의 개수가 홀수면 1, 짝수면 0. 은닉층의 두 유닛이 x_t와 이전 패리티의 OR와 AND를 계산하고 "
        "출력은 OR − AND(= XOR)의 계단 함수입니다. 활성화는 블로그대로 z > 0이면 1, z ≤ 0이면 0입니다. "
        "가중치는 블로그의 그림 대신 여기서 정한 정수입니다: W_hh = [[1, −1], [1, −1]], W_xh = [1, 1], "
        "b_h = [0, −1], W_hy = [1, −1].",
        "Output 1 when the number of ones so far is odd, 0 when even. Two hidden units compute the OR and the "
        "AND of x_t and the previous parity; the output is the step of OR − AND (= XOR). The activation is the "
        "seed's: 1 if z > 0, 0 if z ≤ 0. The weights (the seed shows them only in a picture) are integers "
        "chosen here: W_hh = [[1, −1], [1, −1]], W_xh = [1, 1], b_h = [0, −1], W_hy = [1, −1].",
    ),
    "worked_examples.parity.title": Text("패리티 비트 RNN의 은닉 상태와 출력", "Hidden states and output of the parity RNN"),
    "worked_examples.parity.row_x": Text("입력 x_t", "input x_t"),
    "worked_examples.parity.row_or": Text("h_t,1 (OR)", "h_t,1 (OR)"),
    "worked_examples.parity.row_and": Text("h_t,2 (AND)", "h_t,2 (AND)"),
    "worked_examples.parity.row_p": Text("패리티 p_t", "parity p_t"),
    "worked_examples.parity.pre": Text("계단 함수 전의 값 z", "value z before the step"),
    "worked_examples.parity.custom": Text("입력 {bits} → 패리티 {parity}", "Input {bits} → parity {parity}"),
    "worked_examples.bptt.heading": Text("스칼라 RNN의 BPTT 유도", "The BPTT derivation for a scalar RNN"),
    "worked_examples.bptt.intro": Text(
        "블로그 004의 z_t = u x_t + w h_(t−1), h_t = φ(z_t), r_t = v h_t, y_t = φ(r_t), φ = tanh를 예제 1의 입력 "
        "2, −0.5, 1, 1에 적용합니다. 시각을 거꾸로 돌며 ∂L/∂h_t = ∂L/∂r_t·v + ∂L/∂z_(t+1)·w입니다. "
        "블로그의 `∂L/∂w^(t) = ∂L/∂z^(t)·h^(t+1)`은 첨자 오타로, 바른 식은 h^(t−1)입니다 (최종 합 "
        "Σ_{t=1}^{T−1} ∂L/∂z^(t+1) h^(t)는 h_0 = 0이면 맞습니다).",
        "Seed 004's z_t = u x_t + w h_(t−1), h_t = φ(z_t), r_t = v h_t, y_t = φ(r_t) with φ = tanh, on example "
        "1's inputs 2, −0.5, 1, 1. Going back in time, ∂L/∂h_t = ∂L/∂r_t·v + ∂L/∂z_(t+1)·w. The seed's "
        "`∂L/∂w^(t) = ∂L/∂z^(t)·h^(t+1)` has an index slip: the factor is h^(t−1) (its final sum "
        "Σ_{t=1}^{T−1} ∂L/∂z^(t+1) h^(t) is right when h_0 = 0).",
    ),
    "worked_examples.bptt.title": Text("시각별 기울기 (φ = tanh)", "Gradients per step (φ = tanh)"),
    "worked_examples.look": Text(
        "예제를 숫자 그대로 따라가 보세요. 예제 1에서 w_h = 1이면 h_t는 입력을 모두 더한 값이고(h₄ = 3.5), w_h가 1보다 작으면 과거 입력의 영향이 줄어듭니다.",
        "Follow the examples by their numbers: in example 1 with w_h = 1, h_t is the sum of all inputs so far (h₄ = 3.5); with w_h below 1 the past fades.",
    ),
}
