"""The unrolled computational graph (seed 000's figures 2–6) and the cell diagram of one step."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from rnnviz import core, setups
from rnnviz.core.activations import activation_grad
from rnnviz.figures import cell_diagram
from rnnviz.figures import unrolled_graph as figures
from rnnviz.i18n import Text
from rnnviz.lessons import shared
from rnnviz.lessons.shared import CELL, GRU_VARIANT, HIDDEN, INPUT, NONLINEARITY, SCALE, SEED, SEQ_LEN, WEIGHTS
from rnnviz.lessons.spec import FigureSpec, Page, Param
from rnnviz.core import local_gradients, loss_gradient
from rnnviz.figures.graph_layout import unrolled_graph

PAGE = Page("unrolled_graph", icon=":material/account_tree:", section="causes")

INPUT_SIZE = 4  # I: the inputs are random, a sine, an impulse or a seed sentence embedded in 4 dimensions
INIT = "orthogonal"  # the W_h scale is then exactly W_h's spectral radius

GRAPH_T = replace(
    SEQ_LEN, default=6, max=200, aliases=("T_graph",),
    help=Text("펼칠 시각 수. 24를 넘으면 가운데를 ⋯ 노드로 접습니다.",
              "Time steps to unroll; beyond 24 the middle collapses into a ⋯ node."),
)
LOSS = Param(
    "loss", "choice", "last", Text("손실 위치", "Loss at"),
    help=Text("정답 레이블이 마지막 시각에만 있는지(블로그의 Tom), 매 시각 있는지(언어 모델)",
              "A label at the last step only (the blog's Tom) or at every step (a language model)"),
    choices=("last", "every"),
    choice_labels={"last": Text("마지막 시각", "Last step"), "every": Text("매 시각", "Every step")},
    widget="radio",
)
FORGET_BIAS = replace(shared.FORGET_BIAS, min=0.0, max=5.0)
STEP = Param(
    "step", "int", 6, Text("들여다볼 시각 t", "Step t to inspect"),
    help=Text("셀 다이어그램에 보여 줄 시각 (T보다 크면 T)", "The step the cell diagram shows (T if beyond T)"),
    min=1, max=200, step=1,
)
NETWORK = (CELL, GRU_VARIANT, NONLINEARITY, SCALE, GRAPH_T, HIDDEN, INPUT, LOSS, FORGET_BIAS, SEED, WEIGHTS)


def run_network(*, cell: str, gru_variant: str, nonlinearity: str, scale: float, T: int, H: int,
                input: str, loss: str, forget_bias: float, seed: int,
                weights: setups.UploadedLayer | None) -> dict[str, Any]:
    """Forward and backward pass of the page's network: ``trace``, ``grads``, ``dh_ext (T, B, H)``, tokens."""
    params = setups.make_params(cell, input_size=INPUT_SIZE, hidden_size=H, init=INIT, seed=seed, scale=scale,
                                forget_bias=forget_bias, uploaded=weights)
    n_in, n_h = params["weight_ih"].shape[1], params["weight_hh"].shape[1]  # uploaded weights set I, H
    x = setups.make_input(input, T=T, input_size=n_in, seed=seed)  # (T, 1, I)
    trace = core.forward(cell, params, x, nonlinearity=nonlinearity, gru_variant=gru_variant)
    dh_ext = loss_gradient(trace.T, 1, n_h, loss)  # (T, 1, H)
    grads = core.backward(trace, dh_ext)
    answer = setups.sentence(input)["answer"] if input in setups.SENTENCE_IDS else None
    return {"trace": trace, "grads": grads, "dh_ext": dh_ext, "tokens": setups.tokens_of(input), "answer": answer}


def compute_graph(**values: Any) -> dict[str, Any]:
    """The unrolled graph with every gradient norm, plus the per-step ``‖∂L/∂h_t‖`` (T,) of core.backward."""
    run = run_network(**values)
    graph = unrolled_graph(run["trace"], run["grads"], run["dh_ext"], loss=values["loss"])
    dh_norm = np.sqrt(np.sum(run["grads"].dh ** 2, axis=(1, 2)))  # (T,)
    return {"graph": graph, "tokens": run["tokens"], "answer": run["answer"], "dh_norm": dh_norm,
            "sentence": values["input"] in setups.SENTENCE_IDS}


def graph_table(data: dict[str, Any]) -> pd.DataFrame:
    graph = data["graph"]
    return pd.DataFrame({
        "step": graph.node_step, "node": list(graph.node_key), "kind": list(graph.node_kind),
        "label": list(graph.node_label), "grad_norm": graph.node_norm, "frame": graph.node_order,
    })


def compute_cell(**values: Any) -> dict[str, Any]:
    """Forward values and backward gradients of every part of the cell at every step.

    ``forward``/``backward``: name -> (T, H) arrays of the first batch row (names depend on the cell; row
    ``t − 1`` is step t); ``sent_ratio`` (T,): ``‖∂L/∂h_{t−1}‖`` sent back through step t alone over
    ``‖∂L/∂h_t‖`` (0 where no gradient arrives); ``tokens`` the sentence's words or None.
    """
    run = run_network(**values)
    trace, grads = run["trace"], run["grads"]
    lg = local_gradients(trace, grads)
    h_prev = np.concatenate([trace.h0[None], trace.h[:-1]])[:, 0]  # (T, H)
    fwd = {"h_prev": h_prev, "h": trace.h[:, 0], "x": trace.x[:, 0]}
    bwd = {"h_prev": lg["dh_prev"][:, 0], "h": lg["dh"][:, 0], "x": lg["dx"][:, 0]}
    if trace.cell == "rnn":
        a = trace.pre["a"][:, 0]
        fwd.update(a=a, dphi=activation_grad(trace.nonlinearity, a, trace.h[:, 0]))
        bwd.update(a=lg["da"][:, 0])
    elif trace.cell == "lstm":
        c_prev = np.concatenate([trace.c0[None], trace.c[:-1]])[:, 0]
        fwd.update({name: trace.gates[name][:, 0] for name in "ifgo"}, c_prev=c_prev, c=trace.c[:, 0],
                   tanh_c=np.tanh(trace.c[:, 0]))
        bwd.update({name: lg[f"d_{name}"][:, 0] for name in "ifgo"}, c_prev=lg["dc_prev"][:, 0],
                   c=lg["dc"][:, 0], tanh_c=lg["d_tanh_c"][:, 0])
    else:
        fwd.update({name: trace.gates[name][:, 0] for name in "rzn"})
        z = trace.gates["z"][:, 0]
        fwd["lane"] = 1.0 - z if trace.gru_variant == "classic" else z  # what h_{t−1} is multiplied by
        bwd.update(r=lg["dr"][:, 0], z=lg["dz"][:, 0], n=lg["dn"][:, 0], lane=lg["dh_prev_lane"][:, 0])
    arriving = np.linalg.norm(bwd["h"], axis=-1)  # (T,)
    sent = np.linalg.norm(bwd["h_prev"], axis=-1)
    ratio = np.divide(sent, arriving, out=np.zeros_like(sent), where=arriving > 0)
    return {"cell": trace.cell, "gru_variant": trace.gru_variant, "nonlinearity": trace.nonlinearity,
            "T": trace.T, "forward": fwd, "backward": bwd, "sent_ratio": ratio, "tokens": run["tokens"]}


def cell_table(data: dict[str, Any]) -> pd.DataFrame:
    """One row per (side, quantity, step): mean, norm, min, max and the unit values."""
    rows = []
    for side in ("forward", "backward"):
        for name, values in data[side].items():
            for k, row in enumerate(values):
                rows.append({"side": side, "quantity": name, "step": k + 1, "mean": float(np.mean(row)),
                             "norm": float(np.linalg.norm(row)), "min": float(np.min(row)),
                             "max": float(np.max(row)), "values": " ".join(f"{v:.6g}" for v in row)})
    return pd.DataFrame(rows)


FIGURES = (
    FigureSpec(
        id="unrolled-graph",
        title=Text("펼친 계산 그래프와 기울기의 흐름", "The unrolled graph and the gradient's flow"),
        summary=Text(
            "RNN/LSTM/GRU를 시간 방향으로 펼친 계산 그래프. 노드와 선의 색·크기는 그곳을 지나는 기울기의 노름"
            "(로그 눈금), 재생 버튼으로 손실에서 t = 1까지 역전파를 봅니다.",
            "The RNN/LSTM/GRU unrolled in time; node and line colour and size show the norm of the gradient passing "
            "them (log scale); the play button animates the backward pass from the loss to t = 1.",
        ),
        params=NETWORK, live=("scale",), compute=compute_graph, build=figures.unrolled_graph_figure, table=graph_table,
    ),
    FigureSpec(
        id="cell-diagram",
        title=Text("셀 다이어그램: 게이트 값과 기울기", "Cell diagram: gate values and gradients"),
        summary=Text(
            "시각 t의 셀 하나: 게이트 값 f, i, o, g (또는 r, z, h̃)와 같은 자리의 기울기 노름을 나란히 보여 줍니다.",
            "One cell at step t: the gate values f, i, o, g (or r, z, h̃) beside the gradient norms at the same places.",
        ),
        params=NETWORK, compute=compute_cell, build=cell_diagram.cell_diagram_figure, table=cell_table,
        view=(STEP,), live=("scale", "step"),
    ),
)


# The page's texts, in Korean and English (keys start with the page's name).
STRINGS = {
    "unrolled_graph.nav": Text("펼친 계산 그래프", "Unrolled graph"),
    "unrolled_graph.title": Text("펼친 계산 그래프: 기울기가 시간을 거슬러 가는 길", "The unrolled graph: the gradient's way back in time"),
    "unrolled_graph.intro": Text(
        "RNN을 시간 방향으로 펼치면, 정답 레이블(블로그의 \"Tom\")에서 시작한 기울기는 매 시각 `tanh`, `+`, "
        "`MatMul` 노드를 차례로 지나 과거로 갑니다. 아래 그래프의 숫자는 엔진의 역전파(BPTT) 결과 그대로입니다: "
        "노드의 색과 크기는 그 노드에 도착한 기울기의 노름 ‖∂L/∂·‖(로그 눈금), 선은 그 선을 따라 되돌아가는 기울기입니다. "
        "**▶ 재생**을 누르면 손실에서 t = 1까지 역전파가 진행됩니다. `tanh`에서는 (1 − h²)만큼 줄고, "
        "`MatMul`에서는 W_hᵀ만큼 늘거나 줄며, `+`는 그대로 전달합니다. LSTM은 위쪽 셀 상태 차선 "
        "(c_(t−1) → ×f → + → c_t)에서 원소별 곱 ×f만 거칩니다.",
        "Unrolled in time, an RNN passes the gradient from the label (the blog's \"Tom\") back to the past through "
        "each step's `tanh`, `+` and `MatMul` nodes. The numbers on the graph are the engine's backpropagation "
        "through time: a node's colour and size show the norm ‖∂L/∂·‖ of the gradient arriving at it (log scale), "
        "a line shows the gradient sent back along it. Press **▶ Play** to watch the backward pass go from the loss "
        "to t = 1: `tanh` shrinks the gradient by (1 − h²), `MatMul` rescales it by W_hᵀ, and `+` passes it on "
        "unchanged. In the LSTM the cell-state lane on top (c_(t−1) → ×f → + → c_t) only multiplies by f, element "
        "by element.",
    ),
    "unrolled_graph.try": Text(
        "- **▶ 재생**을 누르고 기울기가 손실에서 h₁까지 가는 동안 색이 어두워지는(소실) 곳을 찾아보세요. 노드에 "
        "마우스를 올리면 정확한 노름과 그 노드가 되돌려 보내는 기울기(×배율)가 나옵니다.\n"
        "- 입력을 **Tom 문장**으로: 블로그의 예. 정답 \"Tom\"은 맨 앞의 \"Tom\"보다 18단계 뒤, 마지막 단어 \"?\"에서 "
        "예측하므로 기울기는 18단계를 거슬러 가야 합니다.\n"
        "- W_h 스케일을 **2.5**로: MatMul에서 기울기가 커지지만 tanh가 포화되어 (1 − h²)가 작아집니다.\n"
        "- 셀을 **LSTM**으로, 망각 게이트 편향을 **3**으로: 위쪽 셀 상태 차선의 색이 거의 변하지 않습니다.\n"
        "- 셀을 **GRU**로: (1 − z) 차선이 같은 역할을 합니다. 형태를 pytorch로 바꾸면 그 차선은 ×z가 됩니다.\n"
        "- T를 **100**으로: 가운데가 ⋯ 노드로 접히고, 접힌 구간의 기울기 비율이 표시됩니다.",
        "- Press **▶ Play** and find where the colour darkens (vanishing) on the way from the loss to h₁. Hover a "
        "node for the exact norm and what it sends back (× factor).\n"
        "- Set the input to the **Tom sentence**: the blog's example. The answer \"Tom\" is predicted at the last "
        "word \"?\", 18 steps after the first \"Tom\", so the gradient must travel 18 steps back.\n"
        "- Set the W_h scale to **2.5**: MatMul amplifies the gradient but tanh saturates, so (1 − h²) gets small.\n"
        "- Choose **LSTM** and a forget-gate bias of **3**: the colour along the top cell-state lane barely changes.\n"
        "- Choose **GRU**: its (1 − z) lane plays the same role (×z in the pytorch variant).\n"
        "- Set T to **100**: the middle collapses into a ⋯ node that reports the gradient ratio across it.",
    ),
    "unrolled_graph.unrolled.title": Text("펼친 계산 그래프: {cell}, T = {T}", "Unrolled graph: {cell}, T = {T}"),
    "unrolled_graph.cell.title": Text("셀 다이어그램: {cell}, t = {step}", "Cell diagram: {cell}, t = {step}"),
    "unrolled_graph.colorbar": Text("log₁₀ ‖∂L/∂·‖", "log₁₀ ‖∂L/∂·‖"),
    "unrolled_graph.play": Text("재생", "Play"),
    "unrolled_graph.pause": Text("정지", "Pause"),
    "unrolled_graph.slider": Text("역전파 진행", "Backward pass at"),
    "unrolled_graph.hover.arriving": Text("도착한 기울기 ‖∂L/∂(출력)‖ = {value}", "arriving ‖∂L/∂(output)‖ = {value}"),
    "unrolled_graph.hover.sends": Text("되돌려 보내는 기울기:", "sends back:"),
    "unrolled_graph.hover.edge": Text("{src} → {dst}<br>되돌아가는 기울기 노름: {value}", "{src} → {dst}<br>gradient sent back: {value}"),
    "unrolled_graph.ellipsis": Text(
        "t = {first}…{last} 접음<br>‖∂L/∂h_{lo}‖ / ‖∂L/∂h_{hi}‖ = {ratio}",
        "t = {first}…{last} collapsed<br>‖∂L/∂h_{lo}‖ / ‖∂L/∂h_{hi}‖ = {ratio}",
    ),
    "unrolled_graph.ellipsis_c": Text("‖∂L/∂c_{lo}‖ / ‖∂L/∂c_{hi}‖ = {ratio}", "‖∂L/∂c_{lo}‖ / ‖∂L/∂c_{hi}‖ = {ratio}"),
    "unrolled_graph.note": Text(
        "노드: 도착한 기울기 ‖∂L/∂(출력)‖, 선: 되돌려 보내는 기울기.<br>색과 크기는 log₁₀ 눈금 하나로 그렸습니다. "
        "손실 L = Σ 1ᵀh_t (블로그의 dh = ones).",
        "Node: the gradient arriving, ‖∂L/∂(output)‖; line: the gradient sent back along it.<br>Colour and size share "
        "one log₁₀ scale. Loss L = Σ 1ᵀh_t (the blog's dh = ones).",
    ),
    "unrolled_graph.sentence_caption": Text(
        "입력이 문장이라 T는 문장 길이({T} 단어)입니다. 각 단어는 고정된 난수 임베딩으로 바꿨습니다.",
        "The input is a sentence, so T is its length ({T} tokens); each word is a fixed random embedding.",
    ),
    "unrolled_graph.step_clamped": Text(
        "선택한 시각(t = {asked})이 T = {T}보다 커서 마지막 시각(t = {T})을 보여 줍니다.",
        "The chosen step t = {asked} is beyond T = {T}; showing t = {T}.",
    ),
    "unrolled_graph.cell_heading": Text("셀 하나 들여다보기", "Inside one cell"),
    "unrolled_graph.cell_intro": Text(
        "선택한 시각 t의 셀 하나를 강의 슬라이드처럼 그렸습니다. 왼쪽은 순전파(게이트 값의 평균, 색 = 값), "
        "오른쪽은 같은 자리의 역전파(기울기 노름, 위 그래프와 같은 색 눈금 방식)입니다. 마우스를 올리면 유닛별 값이 나옵니다.",
        "One cell at the chosen step t, drawn like the lecture slides. Left: the forward pass (mean gate values, "
        "colour = value); right: the backward pass at the same places (gradient norms, log colour scale). Hover "
        "for the per-unit values.",
    ),
    "unrolled_graph.forward": Text("순전파 (값)", "Forward (values)"),
    "unrolled_graph.backward": Text("역전파 (‖∂L/∂·‖)", "Backward (‖∂L/∂·‖)"),
    "unrolled_graph.gate.f": Text("망각 게이트 f", "forget gate f"),
    "unrolled_graph.gate.i": Text("입력 게이트 i", "input gate i"),
    "unrolled_graph.gate.g": Text("후보 g = c̃", "candidate g = c̃"),
    "unrolled_graph.gate.o": Text("출력 게이트 o", "output gate o"),
    "unrolled_graph.gate.r": Text("리셋 게이트 r", "reset gate r"),
    "unrolled_graph.gate.z": Text("갱신 게이트 z", "update gate z"),
    "unrolled_graph.gate.n": Text("후보 h̃", "candidate h̃"),
    "unrolled_graph.gate.a": Text("사전 활성 a", "pre-activation a"),
    "unrolled_graph.cell.mean": Text("평균 {value}", "mean {value}"),
    "unrolled_graph.cell.units": Text("유닛별", "per unit"),
    "unrolled_graph.cell.note": Text(
        "왼쪽 색: 게이트 값(σ는 0…1, tanh는 −1…1). 오른쪽 색: log₁₀ 기울기 노름. 입력은 아래와 왼쪽, 출력은 오른쪽입니다.",
        "Left colours: gate values (σ in 0…1, tanh in −1…1). Right colours: log₁₀ gradient norms. Inputs enter "
        "at the bottom and left, outputs leave on the right.",
    ),
    "unrolled_graph.look": Text(
        "▶ 재생을 누르고 손실에서 t = 1까지 거슬러 가며 노드의 색이 어두워지는 것을 보세요. tanh 노드를 지날 때마다 기울기에 (1 − h²)이 곱해집니다.",
        "Press ▶ Play and watch the nodes darken on the way from the loss back to t = 1: every tanh node multiplies the gradient by (1 − h²).",
    ),
}
