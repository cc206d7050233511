"""Inside the cells (issue 4, page 3): states, gates and gradients of one RNN, LSTM or GRU unrolled on
an input (random, sine, impulse at t = 1, or a seed sentence), with the loss at the last step.

Every figure unrolls the same setup: ``setups.make_params(init="pytorch", seed=seed, scale=scale,
weights_token=weights)`` (uploaded weights when the token names some for this cell; then ``H`` and ``I``
come from them) and ``setups.make_input(input, seed=seed + 1)`` with ``I = INPUT_SIZE``; batch ``B = 1``.
The loss is ``L = Σ_j h_{T,j}``, so ``∂L/∂h_T = ones(H)`` as in seed 000's ``dh = ones``.
"""

from __future__ import annotations

import functools

from typing import Any

import numpy as np
import pandas as pd

from rnnviz import core, setups
from rnnviz import weights as weight_store
from rnnviz.catalogue.figure import FigureSpec
from rnnviz.catalogue.params import Param
from rnnviz.catalogue.shared import CELL, GRU_VARIANT, HIDDEN, SCALE, SEED, SEQ_LEN, WEIGHTS
from rnnviz.core.activations import tanh_grad_from_output
from rnnviz.figures import cells as figures
from rnnviz.i18n import Text

INPUT_SIZE = 4  # I of the generated inputs and embeddings
INPUT_LABELS = {
    "random": Text("무작위 N(0, 1)", "Random N(0, 1)"),
    "sine": Text("사인파", "Sine wave"),
    "impulse": Text("임펄스 (t = 1에만 1)", "Impulse (1 at t = 1 only)"),
    "you_say_goodbye": Text("문장: you say goodbye and I say hello (002)", "Sentence: you say goodbye and I say hello (002)"),
    "tom": Text("문장: Tom … Mary said hi to ? (000)", "Sentence: Tom … Mary said hi to ? (000)"),
    "tickets": Text("문장: … printed her ? (tickets, 003)", "Sentence: … printed her ? (tickets, 003)"),
    "writer_of_the_books": Text("문장: The writer of the books ? (003)", "Sentence: The writer of the books ? (003)"),
}
INPUT = Param(
    "input", "choice", "random", Text("입력", "Input"),
    help=Text(
        "문장은 시드를 고정한 무작위 임베딩으로 벡터가 됩니다. 문장을 고르면 T는 단어 수입니다.",
        "Sentences are embedded with a seeded random embedding; for a sentence T is its number of words.",
    ),
    choices=setups.INPUT_KINDS + setups.SENTENCE_IDS,
    choice_labels={k: INPUT_LABELS[k] for k in setups.INPUT_KINDS + setups.SENTENCE_IDS},
    widget="select",
)
STEP = Param(
    "step", "int", 1, Text("살펴볼 시각 t", "Step t to inspect"),
    help=Text("이 시각의 식에 숫자를 채워 보여 줍니다.", "The cell's equations are shown with this step's numbers."),
    min=1, max=SEQ_LEN.max, step=1, widget="hidden",
)
SETUP = (CELL, GRU_VARIANT, INPUT, SEQ_LEN, HIDDEN, SCALE, SEED, WEIGHTS)


@functools.lru_cache(maxsize=8)  # the page's four figures unroll the same network
def _unroll(*, cell: str, gru_variant: str, input: str, T: int, H: int, scale: float, seed: int,
            weights: str) -> tuple[core.Trace, bool]:
    """The forward trace of the page's setup (B = 1) and whether uploaded weights were used."""
    found = weight_store.lookup(weights)
    uploaded = found is not None and found[0] == cell
    n_in = found[1]["weight_ih"].shape[1] if uploaded else INPUT_SIZE
    n_h = found[1]["weight_hh"].shape[1] if uploaded else H
    x = setups.make_input(input, T=T, input_size=n_in, seed=seed + 1)  # (T, 1, I); +1: not the weights' stream
    params = setups.make_params(cell, input_size=n_in, hidden_size=n_h, init="pytorch", seed=seed, scale=scale,
                                weights_token=weights)
    return core.forward(cell, params, x, gru_variant=gru_variant), uploaded


def _grid_data(trace: core.Trace, panels: dict[str, np.ndarray], tokens: list[str] | None) -> dict[str, Any]:
    binned, t_factor, unit_factor = {}, 1, 1
    for name, values in panels.items():
        binned[name], t_factor, unit_factor = figures.bin_mean(values, figures.MAX_T_BINS, figures.MAX_UNIT_BINS)
    return {
        "cell": trace.cell, "T": trace.T, "H": trace.H, "tokens": tokens, "panels": binned,
        "t_factor": t_factor, "unit_factor": unit_factor,
        "t_pos": figures.bin_centres(trace.T, t_factor), "unit_pos": figures.bin_centres(trace.H, unit_factor),
    }


def compute_states(**values: Any) -> dict[str, Any]:
    """Binned ``h_t`` (and ``c_t``) over (t, unit), plus ``detail``: the first ``K = min(H, 4)`` units of
    every state and gate at every step, for the page's equations (see ``figures.cells.equations``)."""
    trace, uploaded = _unroll(**values)
    panels = {"h": trace.h[:, 0]}  # (T, H)
    if trace.c is not None:
        panels["c"] = trace.c[:, 0]
    data = _grid_data(trace, panels, setups.tokens_of(values["input"]))
    k = min(trace.H, figures.SHOWN_UNITS)
    h_all = np.concatenate([trace.h0[None], trace.h])[:, 0]  # (T+1, H)
    c_all = np.concatenate([trace.c0[None], trace.c])[:, 0] if trace.c is not None else None
    data["uploaded"] = uploaded
    data["detail"] = {
        "cell": trace.cell, "gru_variant": trace.gru_variant, "H": trace.H, "I": trace.I,
        "h": h_all[:, :k], "c": c_all[:, :k] if c_all is not None else None,
        "gates": {name: v[:, 0, :k] for name, v in trace.gates.items()},
        "pre": {name: v[:, 0, :k] for name, v in trace.pre.items()},
        "x": trace.x[:, 0, : min(trace.I, figures.SHOWN_UNITS)],
        "x_norm": np.linalg.norm(trace.x[:, 0], axis=-1),
        "h_norm": np.linalg.norm(h_all, axis=-1),
        "c_norm": np.linalg.norm(c_all, axis=-1) if c_all is not None else None,
    }
    return data


def compute_gates(**values: Any) -> dict[str, Any]:
    """Binned gate values over (t, unit): LSTM i, f, g, o; GRU r, z, n; RNN a and tanh'(a)."""
    trace, uploaded = _unroll(**values)
    if trace.cell == "rnn":
        panels = {"a": trace.pre["a"][:, 0], "dtanh": tanh_grad_from_output(trace.h[:, 0])}
    else:
        panels = {name: gate[:, 0] for name, gate in trace.gates.items()}
    data = _grid_data(trace, panels, setups.tokens_of(values["input"]))
    data["gate_names"] = tuple(panels)
    data["uploaded"] = uploaded
    return data


def _log10_norm(values: np.ndarray) -> np.ndarray:
    """log10 of the norm over the last axis; nan where the norm is 0 (underflow) or not finite."""
    with np.errstate(all="ignore"):
        norm = np.linalg.norm(values, axis=-1)
        out = np.log10(norm)
    out[~np.isfinite(out)] = np.nan
    return out


def compute_gradients(*, step: int = 1, **values: Any) -> dict[str, Any]:
    """log10 ‖∂L/∂h_t‖, ‖∂L/∂x_t‖ (and ‖∂L/∂c_t‖ for the LSTM) per step for ``L = Σ h_T``."""
    trace, uploaded = _unroll(**values)
    dh = np.zeros_like(trace.h)  # (T, 1, H)
    dh[-1] = 1.0
    with np.errstate(over="ignore", invalid="ignore"):
        grads = core.backward(trace, dh)
    log10 = {"h": _log10_norm(grads.dh[:, 0]), "x": _log10_norm(grads.dx[:, 0])}  # (T,) each
    if grads.dc is not None:
        log10["c"] = _log10_norm(grads.dc[:, 0])
    entry = setups.sentence(values["input"]) if values["input"] in setups.SENTENCE_IDS else {}
    return {
        "cell": trace.cell, "t": np.arange(1, trace.T + 1), "log10": log10, "step": min(step, trace.T),
        "tokens": setups.tokens_of(values["input"]), "answer": entry.get("answer"),
        "distractor": entry.get("distractor"), "uploaded": uploaded,
    }


def compute_words(**values: Any) -> dict[str, Any]:
    """``log10 ‖∂L/∂x_t‖`` per input step (per word for a sentence), ``L = Σ h_T``."""
    return compute_gradients(step=1, **values)


def grid_table(data: dict[str, Any]) -> pd.DataFrame:
    """One row per (panel, time bin, unit bin): the numbers the heatmaps draw."""
    frames = []
    for name, grid in data["panels"].items():
        t_pos, unit_pos = np.meshgrid(data["t_pos"], data["unit_pos"], indexing="ij")
        frames.append(pd.DataFrame({"panel": name, "t": t_pos.ravel(), "unit": unit_pos.ravel(),
                                    "value": grid.ravel()}))
    return pd.concat(frames, ignore_index=True)


def gradients_table(data: dict[str, Any]) -> pd.DataFrame:
    table = pd.DataFrame({"t": data["t"]})
    if data["tokens"]:
        table["token"] = data["tokens"]
    for name, values in data["log10"].items():
        table[f"log10_grad_{name}_norm"] = values
    return table


def words_table(data: dict[str, Any]) -> pd.DataFrame:
    tokens = data["tokens"] or [str(int(s)) for s in data["t"]]
    return pd.DataFrame({"t": data["t"], "token": tokens, "log10_grad_x_norm": data["log10"]["x"]})


FIGURES = (
    FigureSpec(
        id="hidden-states",
        title=Text("은닉 상태와 셀 상태", "Hidden state and cell state"),
        summary=Text(
            "시각 t와 유닛별 은닉 상태 h_t (LSTM은 셀 상태 c_t도) 히트맵.",
            "Heatmap over (t, unit) of the hidden state h_t (and the LSTM's cell state c_t).",
        ),
        params=SETUP, compute=compute_states, build=figures.hidden_states_figure, table=grid_table,
    ),
    FigureSpec(
        id="gates",
        title=Text("게이트 값", "Gate values"),
        summary=Text(
            "게이트마다 (t, 유닛) 히트맵: LSTM 입력·망각·출력 게이트와 후보 c̃, GRU 리셋·갱신 게이트와 후보 h̃, "
            "기본 RNN은 a_t와 tanh'(a_t).",
            "A heatmap over (t, unit) per gate: the LSTM's input, forget, output gates and candidate c̃; the GRU's "
            "reset and update gates and candidate h̃; for the vanilla RNN a_t and tanh'(a_t).",
        ),
        params=SETUP, compute=compute_gates, build=figures.gates_figure, table=grid_table,
    ),
    FigureSpec(
        id="cell-gradients",
        title=Text("시각별 기울기 노름", "Gradient norm per step"),
        summary=Text(
            "마지막 시각의 손실 L = Σ h_T에 대한 ‖∂L/∂h_t‖와 ‖∂L/∂x_t‖ (LSTM은 ‖∂L/∂c_t‖도), 로그 축.",
            "‖∂L/∂h_t‖ and ‖∂L/∂x_t‖ (and the LSTM's ‖∂L/∂c_t‖) for a loss L = Σ h_T at the last step, log axis.",
        ),
        params=SETUP + (STEP,), compute=compute_gradients, build=figures.gradients_figure, table=gradients_table,
    ),
    FigureSpec(
        id="word-gradients",
        title=Text("단어별로 도달하는 기울기", "Gradient reaching each word"),
        summary=Text(
            "마지막 시각의 예측에서 각 단어(입력)까지 거슬러 온 기울기 ‖∂L/∂x_t‖.",
            "How much of the last step's loss flows back to each word (input): ‖∂L/∂x_t‖.",
        ),
        params=SETUP, compute=compute_words, build=figures.word_gradients_figure, table=words_table,
    ),
)
