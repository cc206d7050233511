"""The unrolled computational graph (seed 000's figures 2–6) and the cell diagram of one step."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from rnnviz import core, setups
from rnnviz.catalogue.figure import FigureSpec
from rnnviz.core.activations import activation_grad
from rnnviz.catalogue.params import Param
from rnnviz.catalogue.shared import CELL, GRU_VARIANT, HIDDEN, NONLINEARITY, SCALE, SEED, WEIGHTS
from rnnviz.figures import cell_diagram, graph as figures
from rnnviz.i18n import Text
from rnnviz.core import local_gradients, loss_gradient
from rnnviz.figures.graph_layout import unrolled_graph

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
