"""The unrolled computational graph (seed 000's figures 2–6) and the cell diagram of one step."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from rnnviz import core, setups
from rnnviz.lessons.spec import FigureSpec, Page
from rnnviz.core.activations import activation_grad
from rnnviz.lessons.spec import Param
from rnnviz.lessons.shared import CELL, GRU_VARIANT, HIDDEN, NONLINEARITY, SCALE, SEED, WEIGHTS
from rnnviz.figures import cell_diagram, unrolled_graph as figures
from rnnviz.i18n import Text
from rnnviz.unrolled import local_gradients, loss_gradient, unrolled_graph

PAGE = Page("unrolled_graph", icon=":material/account_tree:", section="causes")

INPUT_SIZE = 4  # I: the inputs are random, a sine, an impulse or a seed sentence embedded in 4 dimensions
INIT = "orthogonal"  # the W_h scale is then exactly W_h's spectral radius

GRAPH_T = Param(
    "T_graph", "int", 6, Text("시계열 길이 T", "Sequence length T"),
    help=Text("펼칠 시간 크기. 24를 넘으면 가운데를 ⋯ 노드로 접습니다.",
              "Time steps to unroll; beyond 24 the middle collapses into a ⋯ node."),
    min=1, max=200, step=1,
)
INPUT_CHOICES = ("random", "sine", "impulse") + setups.SENTENCE_IDS
INPUT = Param(
    "input", "choice", "random", Text("입력 x_t", "Input x_t"),
    help=Text("입력 시계열. 문장을 고르면 T는 문장의 길이가 됩니다.", "The input sequence; a sentence sets T to its length."),
    choices=INPUT_CHOICES,
    choice_labels={
        "random": Text("난수", "Random"), "sine": Text("사인파", "Sine"),
        "impulse": Text("임펄스 (t = 1에만)", "Impulse (t = 1 only)"),
        "tom": Text("Tom 문장 (블로그 000)", "Tom sentence (seed 000)"),
        "tickets": Text("tickets 문장 (CS224n)", "tickets sentence (CS224n)"),
        "writer_of_the_books": Text("The writer of the books (CS224n)", "The writer of the books (CS224n)"),
        "you_say_goodbye": Text("you say goodbye (RNNLM)", "you say goodbye (RNNLM)"),
    },
    widget="select",
)
LOSS = Param(
    "loss", "choice", "last", Text("손실 위치", "Loss at"),
    help=Text("정답 레이블이 마지막 시각에만 있는지(블로그의 Tom), 매 시각 있는지(언어 모델)",
              "A label at the last step only (the blog's Tom) or at every step (a language model)"),
    choices=("last", "every"),
    choice_labels={"last": Text("마지막 시각", "Last step"), "every": Text("매 시각", "Every step")},
    widget="radio",
)
FORGET_BIAS = Param(
    "forget_bias", "float", 0.0, Text("망각 게이트 편향 (LSTM)", "Forget-gate bias (LSTM)"),
    help=Text("LSTM 망각 게이트 편향에 더하는 값. 크면 f ≈ 1, 셀 상태 차선으로 기울기가 그대로 흐릅니다.",
              "Added to the LSTM's forget-gate bias; large values give f ≈ 1 and a clear cell-state lane."),
    min=0.0, max=5.0, step=0.5, fmt="%.1f",
)
STEP = Param(
    "step", "int", 6, Text("들여다볼 시각 t", "Step t to inspect"),
    help=Text("셀 다이어그램에 보여 줄 시각 (T보다 크면 T)", "The step the cell diagram shows (T if beyond T)"),
    min=1, max=200, step=1,
)
NETWORK = (CELL, GRU_VARIANT, NONLINEARITY, SCALE, GRAPH_T, HIDDEN, INPUT, LOSS, FORGET_BIAS, SEED, WEIGHTS)


def run_network(*, cell: str, gru_variant: str, nonlinearity: str, scale: float, T_graph: int, H: int,
                input: str, loss: str, forget_bias: float, seed: int, weights: str) -> dict[str, Any]:
    """Forward and backward pass of the page's network: ``trace``, ``grads``, ``dh_ext (T, B, H)``, tokens."""
    params = setups.make_params(cell, input_size=INPUT_SIZE, hidden_size=H, init=INIT, seed=seed, scale=scale,
                                forget_bias=forget_bias, weights_token=weights)
    n_in, n_h = params["weight_ih"].shape[1], params["weight_hh"].shape[1]  # uploaded weights set I, H
    x = setups.make_input(input, T=T_graph, input_size=n_in, seed=seed)  # (T, 1, I)
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


def compute_cell(*, step: int, **values: Any) -> dict[str, Any]:
    """Forward values and backward gradients of every part of the cell at ``step`` (clamped to 1..T).

    ``forward``/``backward``: name -> (H,) vectors of the first batch row; names depend on the cell.
    """
    run = run_network(**values)
    trace, grads = run["trace"], run["grads"]
    shown = min(step, trace.T)
    i = shown - 1
    lg = local_gradients(trace, grads)
    h_prev = trace.h0[0] if i == 0 else trace.h[i - 1, 0]
    fwd = {"h_prev": h_prev, "h": trace.h[i, 0], "x": trace.x[i, 0]}
    bwd = {"h_prev": lg["dh_prev"][i, 0], "h": lg["dh"][i, 0], "x": lg["dx"][i, 0]}
    if trace.cell == "rnn":
        a = trace.pre["a"][i, 0]
        fwd.update(a=a, dphi=activation_grad(trace.nonlinearity, a, trace.h[i, 0]))
        bwd.update(a=lg["da"][i, 0])
    elif trace.cell == "lstm":
        c_prev = trace.c0[0] if i == 0 else trace.c[i - 1, 0]
        fwd.update({name: trace.gates[name][i, 0] for name in "ifgo"}, c_prev=c_prev, c=trace.c[i, 0],
                   tanh_c=np.tanh(trace.c[i, 0]))
        bwd.update({name: lg[f"d_{name}"][i, 0] for name in "ifgo"}, c_prev=lg["dc_prev"][i, 0],
                   c=lg["dc"][i, 0], tanh_c=lg["d_tanh_c"][i, 0])
    else:
        fwd.update({name: trace.gates[name][i, 0] for name in "rzn"})
        z = trace.gates["z"][i, 0]
        fwd["lane"] = 1.0 - z if trace.gru_variant == "classic" else z  # what h_{t−1} is multiplied by
        bwd.update(r=lg["dr"][i, 0], z=lg["dz"][i, 0], n=lg["dn"][i, 0], lane=lg["dh_prev_lane"][i, 0])
    return {"cell": trace.cell, "gru_variant": trace.gru_variant, "nonlinearity": trace.nonlinearity,
            "step": shown, "asked": step, "T": trace.T, "forward": fwd, "backward": bwd,
            "token": None if run["tokens"] is None else run["tokens"][i]}


def cell_table(data: dict[str, Any]) -> pd.DataFrame:
    rows = []
    for side in ("forward", "backward"):
        for name, values in data[side].items():
            rows.append({"side": side, "quantity": name, "step": data["step"], "mean": float(np.mean(values)),
                         "norm": float(np.linalg.norm(values)), "min": float(np.min(values)),
                         "max": float(np.max(values)), "values": " ".join(f"{v:.6g}" for v in values)})
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
        params=NETWORK, compute=compute_graph, build=figures.unrolled_graph_figure, table=graph_table,
    ),
    FigureSpec(
        id="cell-diagram",
        title=Text("셀 다이어그램: 게이트 값과 기울기", "Cell diagram: gate values and gradients"),
        summary=Text(
            "시각 t의 셀 하나: 게이트 값 f, i, o, g (또는 r, z, h̃)와 같은 자리의 기울기 노름을 나란히 보여 줍니다.",
            "One cell at step t: the gate values f, i, o, g (or r, z, h̃) beside the gradient norms at the same places.",
        ),
        params=NETWORK + (STEP,), compute=compute_cell, build=cell_diagram.cell_diagram_figure, table=cell_table,
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
        "(c_{t−1} → ×f → + → c_t)에서 원소별 곱 ×f만 거칩니다.",
        "Unrolled in time, an RNN passes the gradient from the label (the blog's \"Tom\") back to the past through "
        "each step's `tanh`, `+` and `MatMul` nodes. The numbers on the graph are the engine's backpropagation "
        "through time: a node's colour and size show the norm ‖∂L/∂·‖ of the gradient arriving at it (log scale), "
        "a line shows the gradient sent back along it. Press **▶ Play** to watch the backward pass go from the loss "
        "to t = 1: `tanh` shrinks the gradient by (1 − h²), `MatMul` rescales it by W_hᵀ, and `+` passes it on "
        "unchanged. In the LSTM the cell-state lane on top (c_{t−1} → ×f → + → c_t) only multiplies by f, element "
        "by element.",
    ),
    "unrolled_graph.try": Text(
        "- **▶ 재생**을 누르고 기울기가 손실에서 h₁까지 가는 동안 색이 어두워지는(소실) 곳을 찾아보세요. 노드에 "
        "마우스를 올리면 정확한 노름과 그 노드가 되돌려 보내는 기울기(×배율)가 나옵니다.\n"
        "- 입력을 **Tom 문장**으로: 블로그의 예, 19단계 뒤의 정답 \"Tom\"에서 맨 앞의 \"Tom\"까지.\n"
        "- W_h 스케일을 **2.5**로: MatMul에서 기울기가 커지지만 tanh가 포화되어 (1 − h²)가 작아집니다.\n"
        "- 셀을 **LSTM**으로, 망각 게이트 편향을 **3**으로: 위쪽 셀 상태 차선의 색이 거의 변하지 않습니다.\n"
        "- 셀을 **GRU**로: (1 − z) 차선이 같은 역할을 합니다. 형태를 pytorch로 바꾸면 그 차선은 ×z가 됩니다.\n"
        "- T를 **100**으로: 가운데가 ⋯ 노드로 접히고, 접힌 구간의 기울기 비율이 표시됩니다.",
        "- Press **▶ Play** and find where the colour darkens (vanishing) on the way from the loss to h₁. Hover a "
        "node for the exact norm and what it sends back (× factor).\n"
        "- Set the input to the **Tom sentence**: the blog's example, from the answer \"Tom\" 19 steps later back "
        "to the first \"Tom\".\n"
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
    "unrolled_graph.input.random": Text("난수 입력", "Random input"),
    "unrolled_graph.input.sine": Text("사인파", "Sine"),
    "unrolled_graph.input.impulse": Text("임펄스 (t = 1에만 1)", "Impulse (1 at t = 1 only)"),
    "unrolled_graph.input.tom": Text("Tom 문장 (블로그 000)", "Tom sentence (seed 000)"),
    "unrolled_graph.input.tickets": Text("tickets 문장 (CS224n)", "tickets sentence (CS224n)"),
    "unrolled_graph.input.writer_of_the_books": Text("writer of the books (CS224n)", "writer of the books (CS224n)"),
    "unrolled_graph.input.you_say_goodbye": Text("you say goodbye (RNNLM)", "you say goodbye (RNNLM)"),
    "unrolled_graph.sentence_caption": Text(
        "입력이 문장이라 T는 문장 길이({T} 단어)입니다. 각 단어는 고정된 난수 임베딩으로 바꿨습니다.",
        "The input is a sentence, so T is its length ({T} tokens); each word is a fixed random embedding.",
    ),
    "unrolled_graph.step_clamped": Text(
        "선택한 시각 t = {asked}이(가) T = {T}보다 커서 t = {T}을(를) 보여 줍니다.",
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
    "unrolled_graph.latex_caption": Text(
        "시각 t = {step}에서 기울기가 h_t에서 h_(t−1)로 가며 바뀐 배율: ‖∂L/∂h_(t−1)에 보낸 값‖ / ‖∂L/∂h_t‖ = {ratio}",
        "At t = {step} the gradient changes by ‖sent to h_(t−1)‖ / ‖∂L/∂h_t‖ = {ratio} on its way from h_t to h_(t−1)",
    ),
}
