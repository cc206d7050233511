"""Architectures of seeds 001, 003 and 004: stacked and bidirectional RNNs, the input/output shapes with where
the loss sits, and the unfolded view with weight sharing and the output layer ``y_t = softmax(W_hy h_t + b_o)``.

Shapes: ``L`` layers, ``T`` time, ``H`` hidden.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from rnnviz import core
from rnnviz.core.stacked import MAX_LAYERS
from rnnviz.experiments import architectures
from rnnviz.figures import architectures as figures
from rnnviz.i18n import Text
from rnnviz.lessons import shared
from rnnviz.lessons.cell_comparison import FORGET_BIAS, KEEP_BIAS
from rnnviz.lessons.shared import CELL, GRU_VARIANT, SCALE
from rnnviz.lessons.spec import FigureSpec, Page, Param

PAGE = Page("architectures", icon=":material/stacks:", section="causes")

IO_T = 10  # the shapes diagram's length
IO_H = 8
UNFOLDED = {"T": 5, "H": 4, "V": 4}  # the unfolded view's sizes: a few steps, a 4-word vocabulary

LAYERS = Param(
    "layers", "int", 3, Text("층의 수", "Layers"),
    help=Text("쌓은 순환 층의 수 (1이면 한 층짜리 RNN)", "How many recurrent layers are stacked (1: a single layer)"),
    min=1, max=MAX_LAYERS, step=1,
)
SEQ_LEN = replace(shared.SEQ_LEN, default=30, min=2, max=200)
HIDDEN = replace(shared.HIDDEN, default=16, min=1, max=64)
POSITION = Param(
    "position", "int", 15, Text("손실의 위치 p", "Position p of the loss"),
    help=Text("양방향 RNN에서 손실을 주는 시각 (T − 1보다 크면 T − 1)",
              "The time step the bidirectional RNN's loss reads (T − 1 when larger)"),
    min=0, max=199, step=1,
)
SEED = replace(shared.SEED, default=0)
INIT = "orthogonal"  # W_hh per gate block: σ₁ = the scale, as on the scaling-sweep page


def _update_bias(cell: str, keep_bias: float, gru_variant: str) -> float:
    return core.gru_keep_bias(keep_bias, gru_variant) if cell == "gru" else 0.0


def compute_stacked(*, cell: str, layers: int, T: int, H: int, scale: float, forget_bias: float, keep_bias: float,
                    gru_variant: str, seed: int) -> dict[str, Any]:
    """``log10 ‖∂L/∂h_t^{(l)}‖`` over (layer, t) for a loss at the top layer's last step: ``table`` (tidy:
    ``layer``, ``t``, ``log10_grad_norm``) and ``grid`` (L, T), bottom layer first."""
    table = architectures.stacked_gradient_table(
        cell, layers=layers, T=T, H=H, init=INIT, scale=scale, forget_bias=forget_bias,
        update_bias=_update_bias(cell, keep_bias, gru_variant), gru_variant=gru_variant, seed=seed,
    )
    grid = table.pivot(index="layer", columns="t", values="log10_grad_norm").to_numpy()  # (L, T)
    return {"table": table, "grid": grid, "cell": cell, "layers": layers, "T": T}


def stacked_table(data: dict[str, Any]) -> pd.DataFrame:
    return data["table"]


def compute_bidirectional(*, cell: str, T: int, H: int, position: int, scale: float, forget_bias: float,
                          keep_bias: float, gru_variant: str, seed: int) -> dict[str, Any]:
    """Where each direction carries the gradient of a loss at ``position`` (clamped to ``T − 1``) back to the
    inputs: ``table`` (tidy: ``direction``, ``t``, ``log10_grad_norm``, ``log10_grad_h``) and ``position``."""
    p = min(position, T - 1)
    table = architectures.bidirectional_gradient_table(
        cell, T=T, H=H, position=p, init=INIT, scale=scale, forget_bias=forget_bias,
        update_bias=_update_bias(cell, keep_bias, gru_variant), gru_variant=gru_variant, seed=seed,
    )
    return {"table": table, "position": p, "asked": position, "cell": cell, "T": T}


def bidirectional_table(data: dict[str, Any]) -> pd.DataFrame:
    return data["table"]


def compute_io_shapes(*, scale: float, seed: int) -> dict[str, Any]:
    """``architectures.io_shape_gradients`` for the four shapes of seed 001 at ``T = IO_T``, ``H = IO_H``."""
    table = architectures.io_shape_gradients(T=IO_T, H=IO_H, scale=scale, seed=seed)
    return {"table": table, "shapes": architectures.IO_SHAPES, "T": IO_T}


def io_shapes_table(data: dict[str, Any]) -> pd.DataFrame:
    return data["table"]


def compute_unfolded(*, scale: float, seed: int) -> dict[str, Any]:
    """``architectures.unfolded_example`` at the sizes of :data:`UNFOLDED`."""
    example = architectures.unfolded_example(**UNFOLDED, scale=scale, seed=seed)
    return {**example, "T": UNFOLDED["T"]}


def unfolded_table(data: dict[str, Any]) -> pd.DataFrame:
    """One row per step: ``t``, ``target``, ``loss`` (``L_t``), ``p_target`` (``y_t`` at the target) and the norm of
    step t's contribution to each shared weight's gradient (``contrib_W_xh``, ``contrib_W_hh``, ``contrib_W_hy``)."""
    steps = np.arange(data["T"])
    return pd.DataFrame({
        "t": steps, "target": data["targets"], "loss": data["loss"],
        "p_target": data["probs"][steps, data["targets"]],
        **{f"contrib_{name}": values for name, values in data["contrib"].items()},
    })


NETWORK = (CELL, SEQ_LEN, HIDDEN, SCALE, FORGET_BIAS, KEEP_BIAS, GRU_VARIANT, SEED)

FIGURES = (
    FigureSpec(
        id="stacked",
        title=Text("여러 층을 쌓은 RNN의 기울기", "The gradient in a stacked RNN"),
        summary=Text(
            "맨 위 층의 마지막 시각에서 준 손실의 기울기 ‖∂L/∂h_t^(l)‖가 시간을 따라, 그리고 층을 따라 아래로 "
            "내려가는 모습 (층 × 시각 히트맵).",
            "The gradient ‖∂L/∂h_t^(l)‖ of a loss at the top layer's last step, travelling back in time and down "
            "through the layers (heatmap over layer and time step).",
        ),
        params=(CELL, LAYERS, SEQ_LEN, HIDDEN, SCALE, FORGET_BIAS, KEEP_BIAS, GRU_VARIANT, SEED),
        live=("layers", "scale"),
        compute=compute_stacked, build=figures.stacked_figure, table=stacked_table,
    ),
    FigureSpec(
        id="bidirectional",
        title=Text("양방향 RNN: 두 방향이 나르는 기울기", "Bidirectional RNN: the gradient each direction carries"),
        summary=Text(
            "시각 p의 손실이 입력 x_t로 보내는 기울기 ‖∂L/∂x_t‖: 정방향은 t ≤ p, 역방향은 t ≥ p에만 닿습니다.",
            "The gradient ‖∂L/∂x_t‖ that a loss at step p sends to each input: the forward direction reaches only "
            "t ≤ p, the backward direction only t ≥ p.",
        ),
        params=(CELL, SEQ_LEN, HIDDEN, POSITION, SCALE, FORGET_BIAS, KEEP_BIAS, GRU_VARIANT, SEED),
        live=("position", "scale"),
        compute=compute_bidirectional, build=figures.bidirectional_figure, table=bidirectional_table,
    ),
    FigureSpec(
        id="io-shapes",
        title=Text("입력과 출력의 모양: 손실이 어디 있는가", "Input/output shapes: where the loss sits"),
        summary=Text(
            "일대다, 다대일, 다대다, 인코더-디코더 RNN (강의 12강): 입력과 손실의 자리, 그리고 각 은닉 상태와 "
            "입력에 닿는 기울기 (tanh RNN, T = 10).",
            "One-to-many, many-to-one, many-to-many and encoder-decoder RNNs (lecture 12): where the inputs and "
            "the losses sit, and the gradient reaching each hidden state and input (tanh RNN, T = 10).",
        ),
        params=(SCALE, SEED),
        live=("scale",),
        compute=compute_io_shapes, build=figures.io_shapes_figure, table=io_shapes_table,
    ),
    FigureSpec(
        id="unfolded-view",
        title=Text("접은 그림과 펼친 그림: 시간에 걸친 가중치 공유",
                   "Folded and unfolded: weights shared over time"),
        summary=Text(
            "하나의 순환 셀(접은 그림)을 시간 방향으로 펼치면 모든 시각이 같은 W_xh, W_hh, W_hy를 씁니다. 출력층 "
            "y_t = softmax(W_hy h_t + b_o)와 시각마다의 손실, 그리고 공유된 가중치의 기울기가 시각마다의 몫의 합이 "
            "되는 모습.",
            "One recurrent cell (folded) unrolled in time (unfolded): every step uses the same W_xh, W_hh, W_hy. "
            "The output layer y_t = softmax(W_hy h_t + b_o), a loss at every step, and each shared weight's "
            "gradient as the sum of one share per step.",
        ),
        params=(SCALE, SEED),
        live=("scale",),
        compute=compute_unfolded, build=figures.unfolded_figure, table=unfolded_table,
    ),
)


# The page's texts, in Korean and English (keys start with the page's name).
STRINGS = {
    "architectures.nav": Text("여러 층, 양방향, 입출력 모양", "Stacked, bidirectional, shapes"),
    "architectures.title": Text("RNN의 구조: 여러 층, 양방향, 입력과 출력의 모양",
                                "RNN architectures: stacked, bidirectional, input and output shapes"),
    "architectures.intro": Text(
        "강의 12강과 블로그 003이 소개하는 구조들을 같은 엔진으로 펼쳐 봅니다. 구조가 바뀌면 기울기가 지나가는 "
        "길도 바뀝니다: 층을 쌓으면 시간뿐 아니라 층을 따라서도 곱이 길어지고, 양방향 RNN은 두 방향이 서로 다른 "
        "입력에 기울기를 나르며, 손실이 어디 있느냐(입출력 모양)가 어느 기울기가 소실하는지를 정합니다. 모든 "
        "W_hh는 직교 행렬에 스케일을 곱한 것입니다 (σ₁ = 스케일).",
        "The architectures of lecture 12 and seed 003, unrolled by the same engine. The architecture decides the "
        "paths the gradient takes: stacking makes the products longer across layers as well as time, the two "
        "directions of a bidirectional RNN carry gradient to different inputs, and where the loss sits (the "
        "input/output shape) decides which gradients vanish. Every W_hh is an orthogonal matrix times the scale "
        "(σ₁ = the scale).",
    ),
    "architectures.stacked.heading": Text("여러 층 쌓기", "Stacked layers"),
    "architectures.stacked.intro": Text(
        "층 l은 아래 층의 은닉 상태를 입력으로 읽습니다. 손실은 맨 위 층의 마지막 시각에 있고, 기울기는 층 안에서 "
        "시간을 거슬러, 그리고 h_t^(l+1)에서 h_t^(l)로 아래로 갑니다. 이른 시각일수록 곱이 길어지지만, 아래 층으로 "
        "가는 길은 하나가 아닙니다: 어느 시각에서든 한 층 내려갈 수 있으므로 아래 층일수록 길의 수가 많아집니다. "
        "그래서 기본값에서는 아래 층의 t = 0이 오히려 조금 더 많은 기울기를 받습니다.",
        "Layer l reads the hidden states of the layer below. The loss sits at the top layer's last step; the "
        "gradient goes back in time within a layer and down from h_t^(l+1) to h_t^(l). The earlier the step, the "
        "longer the product; but there is more than one way down: the gradient can step down a layer at any time "
        "step, so the lower the layer, the more paths reach it. At the defaults the bottom layer's t = 0 even gets "
        "a little more than the top layer's.",
    ),
    "architectures.bidirectional.heading": Text("양방향 RNN", "Bidirectional RNN"),
    "architectures.bidirectional.intro": Text(
        "정방향 셀은 x_0 … x_t를, 역방향 셀은 x_(T−1) … x_t를 읽고, 시각 t의 출력은 [h→_t, h←_t]입니다. 시각 p의 "
        "손실은 정방향을 통해서는 p 이전의 입력에만, 역방향을 통해서는 p 이후의 입력에만 닿습니다: 두 방향을 합치면 "
        "양쪽 모두 가까운 입력부터 기울기를 받습니다.",
        "The forward cell reads x_0 … x_t, the backward cell x_(T−1) … x_t, and the output at t is [h→_t, h←_t]. "
        "A loss at step p reaches the inputs before p only through the forward direction and those after p only "
        "through the backward one: together, the inputs on both sides get gradient, the nearest first.",
    ),
    "architectures.shapes.heading": Text("입력과 출력의 모양", "Input and output shapes"),
    "architectures.shapes.intro": Text(
        "강의 12강의 네 가지 모양을 같은 tanh RNN(T = 10)으로 펼쳤습니다. 아래 삼각형은 입력, 위 마름모는 손실, "
        "네모의 색은 그 은닉 상태에 닿는 기울기 ‖∂L/∂h_t‖, 삼각형의 색은 그 입력에 닿는 ‖∂L/∂x_t‖입니다 (log₁₀, "
        "같은 척도). 손실이 마지막에 하나뿐인 다대일에서는 첫 입력이 가장 적게 받고, 시각마다 손실이 있는 "
        "다대다에서는 모든 입력이 가까운 손실에서 기울기를 받습니다.",
        "The four shapes of lecture 12, unrolled with the same tanh RNN (T = 10). Triangles below are inputs, "
        "diamonds above are losses; a square's colour is the gradient ‖∂L/∂h_t‖ reaching that hidden state, a "
        "triangle's the ‖∂L/∂x_t‖ reaching that input (log₁₀, one scale). With a single loss at the end "
        "(many-to-one) the first input gets the least; with a loss at every step (many-to-many) every input gets "
        "gradient from a loss nearby.",
    ),
    "architectures.unfolded.heading": Text("접은 그림, 펼친 그림, 가중치 공유", "Folded, unfolded, shared weights"),
    "architectures.unfolded.intro": Text(
        "왼쪽의 접은 그림은 순환 셀 하나와 자기 자신으로 돌아가는 W_hh입니다. 시간 방향으로 펼치면 오른쪽처럼 "
        "시각마다 같은 W_xh, W_hh, W_hy(같은 색)가 쓰입니다. 출력층은 y_t = softmax(W_hy h_t + b_o)이고 손실은 "
        "시각마다 L_t = −log y_t[정답]입니다. 가중치가 하나뿐이므로 그 기울기는 시각마다의 몫을 더한 것입니다: "
        "∂L/∂W_hh = Σ_t ∂L/∂W_hh|_t (아래 막대).",
        "Folded, on the left: one recurrent cell and the W_hh that loops back to it. Unfolded in time, on the "
        "right: every step uses the same W_xh, W_hh and W_hy (one colour each). The output layer is "
        "y_t = softmax(W_hy h_t + b_o), and each step has a loss L_t = −log y_t[target]. Since each weight is "
        "one matrix, its gradient is the sum of one share per step: ∂L/∂W_hh = Σ_t ∂L/∂W_hh|_t (the bars below).",
    ),
    "architectures.try": Text(
        "- 기본값(RNN, 3층, T = 30): t = 0에 닿는 기울기는 맨 위 층이 약 10⁻³·¹, 맨 아래 층이 약 10⁻²·⁵입니다. "
        "아래로 가는 길이 많아 아래 층이 조금 더 받습니다.\n"
        "- 층을 **1**로: 한 층짜리 RNN의 t = 0에는 약 10⁻³·⁹만 닿습니다.\n"
        "- W_h 스케일을 **0.5**로: 모든 층에서 t = 0의 기울기가 약 10⁻¹⁰까지 소실합니다. 길이 많아도 길마다 "
        "소실하면 소용없습니다.\n"
        "- 셀을 **LSTM**으로: 같은 3층에서 t = 0의 기울기가 모든 층에서 10⁻¹보다 큽니다 (망각 게이트 편향 1).\n"
        "- 양방향 RNN에서 손실 위치를 **0**으로: 정방향은 x_0에만 닿고 나머지 입력은 모두 역방향이 나릅니다.\n"
        "- 입출력 모양: 기본값에서 다대일의 첫 입력은 다대다의 첫 입력보다 두 자릿수 넘게 작은 기울기를 받습니다.\n"
        "- 펼친 그림에서 첫 시각의 W_hh 몫은 정확히 0입니다: h_(−1) = 0이라 W_hh가 아직 아무것도 곱하지 않습니다.",
        "- Defaults (RNN, 3 layers, T = 30): the gradient reaching t = 0 is about 10⁻³·¹ in the top layer and "
        "about 10⁻²·⁵ in the bottom one: more paths lead down, so the lower layer gets a little more.\n"
        "- Set the layers to **1**: a single-layer RNN keeps only about 10⁻³·⁹ at t = 0.\n"
        "- Set the W_h scale to **0.5**: in every layer the gradient at t = 0 vanishes to about 10⁻¹⁰. Many paths "
        "do not help when every one of them vanishes.\n"
        "- Switch the cell to **LSTM**: with the same 3 layers the gradient at t = 0 stays above 10⁻¹ in every "
        "layer (forget-gate bias 1).\n"
        "- In the bidirectional RNN set the loss position to **0**: the forward direction reaches only x_0; the "
        "backward one carries the gradient to every other input.\n"
        "- Input/output shapes: at the defaults the first input of the many-to-one network gets more than two "
        "orders of magnitude less gradient than the first input of the many-to-many one.\n"
        "- In the unfolded view the first step's share of the W_hh gradient is exactly 0: h_(−1) = 0, so W_hh "
        "has multiplied nothing yet.",
    ),
    "architectures.axis.t": Text("시각 t", "Time step t"),
    "architectures.axis.layer": Text("층 l (1 = 맨 아래)", "Layer l (1 = bottom)"),
    "architectures.stacked.title": Text("{cell}, {layers}층: log₁₀‖∂L/∂h_t^(l)‖", "{cell}, {layers} layers: log₁₀‖∂L/∂h_t^(l)‖"),
    "architectures.stacked.map": Text("층 × 시각", "Layer × time"),
    "architectures.stacked.first": Text("t = 0에 닿는 기울기", "Gradient reaching t = 0"),
    "architectures.stacked.layer": Text("층 {layer}", "layer {layer}"),
    "architectures.stacked.note": Text("빈 칸: 기울기가 정확히 0 (또는 10⁻³⁰⁸ 아래로 언더플로).",
                                       "Blank: the gradient is exactly 0 (or underflowed below 10⁻³⁰⁸)."),
    "architectures.bidirectional.title": Text("{cell}, 손실은 p = {p}", "{cell}, loss at p = {p}"),
    "architectures.bidirectional.clamped": Text("(p = {asked}은 T − 1 = {p}로 맞춤)", "(p = {asked} clamped to T − 1 = {p})"),
    "architectures.bidirectional.x": Text("입력에 닿는 ‖∂L/∂x_t‖", "‖∂L/∂x_t‖ reaching the inputs"),
    "architectures.bidirectional.h": Text("각 방향의 ‖∂L/∂h_t‖", "Each direction's ‖∂L/∂h_t‖"),
    "architectures.direction.forward": Text("정방향 →", "forward →"),
    "architectures.direction.backward": Text("역방향 ←", "backward ←"),
    "architectures.direction.both": Text("합 (두 방향)", "total (both)"),
    "architectures.loss": Text("손실 p", "loss p"),
    "architectures.shapes.title": Text("손실의 자리가 정하는 기울기 (tanh RNN, T = {T})",
                                       "Where the loss sits decides the gradient (tanh RNN, T = {T})"),
    "architectures.shape.one_to_many": Text("일대다 (예: 이미지 설명)", "one-to-many (e.g. captioning)"),
    "architectures.shape.many_to_one": Text("다대일 (예: 감정 분류)", "many-to-one (e.g. sentiment)"),
    "architectures.shape.many_to_many": Text("다대다 (예: 품사 태깅)", "many-to-many (e.g. tagging)"),
    "architectures.shape.encoder_decoder": Text("인코더-디코더 (예: 번역)", "encoder-decoder (e.g. translation)"),
    "architectures.shapes.state": Text("은닉 상태 h_t", "hidden state h_t"),
    "architectures.shapes.input": Text("입력 x_t", "input x_t"),
    "architectures.shapes.loss": Text("손실 L_t", "loss L_t"),
    "architectures.shapes.first": Text("첫 입력: 10<sup>{value:.1f}</sup>", "first input: 10<sup>{value:.1f}</sup>"),
    "architectures.unfolded.title": Text("접은 그림 = 펼친 그림: 같은 W가 모든 시각에",
                                         "Folded = unfolded: the same W at every step"),
    "architectures.unfolded.folded": Text("접은 그림", "folded"),
    "architectures.unfolded.unfolded": Text("펼친 그림 (T = {T})", "unfolded (T = {T})"),
    "architectures.unfolded.share": Text("시각 t의 몫 ‖∂L/∂W|_t‖", "Step t's share ‖∂L/∂W|_t‖"),
    "architectures.unfolded.weight": Text("{name}: 합의 노름 {total:.3f}", "{name}: norm of the sum {total:.3f}"),
    "architectures.unfolded.output": Text("y_t = softmax(W_hy h_t + b_o)", "y_t = softmax(W_hy h_t + b_o)"),
    "architectures.look": Text(
        "여러 층 RNN에서 t = 0에 닿는 기울기를 보세요. 맨 위층은 약 10⁻³·¹, 맨 아래층은 약 10⁻²·⁵입니다. 아래층으로 가는 길이 더 많기 때문입니다.",
        "In the stacked RNN, watch what reaches t = 0: about 10⁻³·¹ in the top layer and 10⁻²·⁵ in the bottom one, because more paths lead down.",
    ),
}
