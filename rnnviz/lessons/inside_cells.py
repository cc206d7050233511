"""Inside the cells (issue 4, page 3): states, gates and gradients of one RNN, LSTM or GRU unrolled on
an input (random, sine, impulse at t = 1, or a seed sentence), with the loss at the last step.

Every figure unrolls the same setup: ``setups.make_params(init="pytorch", seed=seed, scale=scale,
uploaded=weights)`` (uploaded weights when the token names some for this cell; then ``H`` and ``I``
come from them) and ``setups.make_input(input, seed=seed + 1)`` with ``I = INPUT_SIZE``; batch ``B = 1``.
The loss is ``L = Σ_j h_{T,j}``, so ``∂L/∂h_T = ones(H)`` as in seed 000's ``dh = ones``.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
import pandas as pd

from rnnviz import core, setups
from rnnviz.core.activations import tanh_grad_from_output
from rnnviz.experiments.reductions import bin_centres, bin_mean, log10_norm
from rnnviz.figures import inside_cells as figures
from rnnviz.i18n import Text
from rnnviz.lessons.shared import CELL, GRU_VARIANT, HIDDEN, INPUT, SCALE, SEED, SEQ_LEN, WEIGHTS
from rnnviz.lessons.spec import FigureSpec, Page, Param

PAGE = Page("inside_cells", icon=":material/memory:", section="causes")

INPUT_SIZE = 4  # I of the generated inputs and embeddings
SHOWN_UNITS = 4  # the equations show whole vectors up to this H, else the first 3 units and the norm
STEP = Param(
    "step", "int", 1, Text("살펴볼 시각 t", "Step t to inspect"),
    help=Text("이 시각의 식에 숫자를 채워 보여 줍니다.", "The cell's equations are shown with this step's numbers."),
    min=1, max=SEQ_LEN.max, step=1, widget="hidden",
)
SETUP = (CELL, GRU_VARIANT, INPUT, SEQ_LEN, HIDDEN, SCALE, SEED, WEIGHTS)


@functools.lru_cache(maxsize=8)  # the page's four figures unroll the same network
def _unroll(*, cell: str, gru_variant: str, input: str, T: int, H: int, scale: float, seed: int,
            weights: setups.UploadedLayer | None) -> tuple[core.Trace, bool]:
    """The forward trace of the page's setup (B = 1) and whether the uploaded ``weights`` were used."""
    uploaded = weights is not None and weights.cell == cell
    n_in = weights.input_size if uploaded else INPUT_SIZE
    n_h = weights.hidden_size if uploaded else H
    x = setups.make_input(input, T=T, input_size=n_in, seed=seed + 1)  # (T, 1, I); +1: not the weights' stream
    params = setups.make_params(cell, input_size=n_in, hidden_size=n_h, init="pytorch", seed=seed, scale=scale,
                                uploaded=weights)
    return core.forward(cell, params, x, gru_variant=gru_variant), uploaded


def _grid_data(trace: core.Trace, panels: dict[str, np.ndarray], tokens: list[str] | None) -> dict[str, Any]:
    binned, t_factor, unit_factor = {}, 1, 1
    for name, values in panels.items():
        binned[name], t_factor, unit_factor = bin_mean(values, figures.MAX_T_BINS, figures.MAX_UNIT_BINS)
    return {
        "cell": trace.cell, "T": trace.T, "H": trace.H, "tokens": tokens, "panels": binned,
        "t_factor": t_factor, "unit_factor": unit_factor,
        "t_pos": bin_centres(trace.T, t_factor), "unit_pos": bin_centres(trace.H, unit_factor),
    }


def compute_states(**values: Any) -> dict[str, Any]:
    """Binned ``h_t`` (and ``c_t``) over (t, unit), plus ``detail``: the first ``K = min(H, 4)`` units of
    every state and gate at every step, for the page's equations (see ``figures.cells.equations``)."""
    trace, uploaded = _unroll(**values)
    panels = {"h": trace.h[:, 0]}  # (T, H)
    if trace.c is not None:
        panels["c"] = trace.c[:, 0]
    data = _grid_data(trace, panels, setups.tokens_of(values["input"]))
    k = min(trace.H, SHOWN_UNITS)
    h_all = np.concatenate([trace.h0[None], trace.h])[:, 0]  # (T+1, H)
    c_all = np.concatenate([trace.c0[None], trace.c])[:, 0] if trace.c is not None else None
    data["uploaded"] = uploaded
    data["sentence"] = setups.sentence(values["input"]) if values["input"] in setups.SENTENCE_IDS else None
    data["detail"] = {
        "cell": trace.cell, "gru_variant": trace.gru_variant, "H": trace.H, "I": trace.I,
        "h": h_all[:, :k], "c": c_all[:, :k] if c_all is not None else None,
        "gates": {name: v[:, 0, :k] for name, v in trace.gates.items()},
        "pre": {name: v[:, 0, :k] for name, v in trace.pre.items()},
        "x": trace.x[:, 0, : min(trace.I, SHOWN_UNITS)],
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


def compute_gradients(**values: Any) -> dict[str, Any]:
    """log10 ‖∂L/∂h_t‖, ‖∂L/∂x_t‖ (and ‖∂L/∂c_t‖ for the LSTM) per step for ``L = Σ h_T``."""
    trace, uploaded = _unroll(**values)
    dh = np.zeros_like(trace.h)  # (T, 1, H)
    dh[-1] = 1.0
    with np.errstate(over="ignore", invalid="ignore"):
        grads = core.backward(trace, dh)
    log10 = {"h": log10_norm(grads.dh[:, 0]), "x": log10_norm(grads.dx[:, 0])}  # (T,) each
    if grads.dc is not None:
        log10["c"] = log10_norm(grads.dc[:, 0])
    entry = setups.sentence(values["input"]) if values["input"] in setups.SENTENCE_IDS else {}
    return {
        "cell": trace.cell, "t": np.arange(1, trace.T + 1), "log10": log10,
        "tokens": setups.tokens_of(values["input"]), "answer": entry.get("answer"),
        "distractor": entry.get("distractor"), "uploaded": uploaded,
    }



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
        params=SETUP, live=("scale",), compute=compute_states, build=figures.hidden_states_figure, table=grid_table,
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
        params=SETUP, live=("scale",), compute=compute_gates, build=figures.gates_figure, table=grid_table,
    ),
    FigureSpec(
        id="cell-gradients",
        title=Text("시각별 기울기 노름", "Gradient norm per step"),
        summary=Text(
            "마지막 시각의 손실 L = Σ h_T에 대한 ‖∂L/∂h_t‖와 ‖∂L/∂x_t‖ (LSTM은 ‖∂L/∂c_t‖도), 로그 축.",
            "‖∂L/∂h_t‖ and ‖∂L/∂x_t‖ (and the LSTM's ‖∂L/∂c_t‖) for a loss L = Σ h_T at the last step, log axis.",
        ),
        params=SETUP, compute=compute_gradients, build=figures.gradients_figure, table=gradients_table,
        view=(STEP,), live=("scale", "step"),
    ),
    FigureSpec(
        id="word-gradients",
        title=Text("단어별로 도달하는 기울기", "Gradient reaching each word"),
        summary=Text(
            "마지막 시각의 예측에서 각 단어(입력)까지 거슬러 온 기울기 ‖∂L/∂x_t‖.",
            "How much of the last step's loss flows back to each word (input): ‖∂L/∂x_t‖.",
        ),
        params=SETUP, live=("scale",), compute=compute_gradients, build=figures.word_gradients_figure, table=words_table,
    ),
)


# The cell's equations with the numbers of one step, for the page's step slider.
def _vector(values: np.ndarray, n_units: int) -> str:
    """LaTeX for a vector of ``n_units`` entries of which ``values`` holds the first K."""
    entries = [f"{v:.3f}" for v in values[: min(n_units, SHOWN_UNITS if n_units <= SHOWN_UNITS else 3)]]
    if n_units > SHOWN_UNITS:
        entries.append(r"\cdots")
    return r"\begin{bmatrix}" + r" & ".join(entries) + r"\end{bmatrix}"


def equations(detail: dict[str, Any], step: int) -> list[str]:
    """The cell's equations at 1-based ``step`` with its numbers, as LaTeX lines (row vectors).

    ``detail``: ``cell``, ``gru_variant``, ``H``, ``I``, ``h`` (T+1, K) with row 0 = h_0, ``c`` (T+1, K)
    or None, ``gates`` {name: (T, K)}, ``pre`` {name: (T, K)}, ``x`` (T, min(I, K)), ``h_norm`` (T+1,),
    ``c_norm`` (T+1,) or None, ``x_norm`` (T,). For H > 4 vectors show units 1–3 and ``⋯``, and the
    norms are given.
    """
    n_t = len(detail["h"]) - 1
    if not 1 <= step <= n_t:
        raise ValueError(f"step must be in [1, {n_t}]; got {step}")
    k = step - 1
    n_h, n_i = detail["H"], detail["I"]

    def v(array: np.ndarray, n: int = n_h) -> str:
        return _vector(array, n)

    g = {name: values[k] for name, values in detail["gates"].items()}
    h_prev, h_now = detail["h"][k], detail["h"][k + 1]
    lines = [rf"x_{{{step}}} = {v(detail['x'][k], n_i)}, \quad h_{{{step - 1}}} = {v(h_prev)}"]
    if detail["cell"] == "rnn":
        lines += [
            rf"a_{{{step}}} = W_{{hh}} h_{{{step - 1}}} + W_{{xh}} x_{{{step}}} + b = {v(detail['pre']['a'][k])}",
            rf"h_{{{step}}} = \tanh(a_{{{step}}}) = {v(h_now)}",
        ]
    elif detail["cell"] == "lstm":
        c_prev, c_now = detail["c"][k], detail["c"][k + 1]
        lines += [
            rf"i_{{{step}}} = \sigma(W_i [h_{{{step - 1}}}, x_{{{step}}}] + b_i) = {v(g['i'])}, \quad "
            rf"f_{{{step}}} = \sigma(W_f [h_{{{step - 1}}}, x_{{{step}}}] + b_f) = {v(g['f'])}",
            rf"\tilde c_{{{step}}} = \tanh(W_g [h_{{{step - 1}}}, x_{{{step}}}] + b_g) = {v(g['g'])}, \quad "
            rf"o_{{{step}}} = \sigma(W_o [h_{{{step - 1}}}, x_{{{step}}}] + b_o) = {v(g['o'])}",
            rf"c_{{{step - 1}}} = {v(c_prev)}, \quad c_{{{step}}} = f_{{{step}}} \odot c_{{{step - 1}}} + "
            rf"i_{{{step}}} \odot \tilde c_{{{step}}} = {v(c_now)}",
            rf"h_{{{step}}} = o_{{{step}}} \odot \tanh(c_{{{step}}}) = {v(h_now)}",
        ]
    elif detail["gru_variant"] == "classic":
        lines += [
            rf"r_{{{step}}} = \sigma(W_r [h_{{{step - 1}}}, x_{{{step}}}] + b_r) = {v(g['r'])}, \quad "
            rf"z_{{{step}}} = \sigma(W_z [h_{{{step - 1}}}, x_{{{step}}}] + b_z) = {v(g['z'])}",
            rf"\tilde h_{{{step}}} = \tanh(W_h [r_{{{step}}} \odot h_{{{step - 1}}}, x_{{{step}}}] + b_h) = "
            rf"{v(g['n'])}",
            rf"h_{{{step}}} = (1 - z_{{{step}}}) \odot h_{{{step - 1}}} + z_{{{step}}} \odot \tilde h_{{{step}}} = "
            rf"{v(h_now)}",
        ]
    else:
        lines += [
            rf"r_{{{step}}} = \sigma(W_{{ir}} x_{{{step}}} + b_{{ir}} + W_{{hr}} h_{{{step - 1}}} + b_{{hr}}) = "
            rf"{v(g['r'])}, \quad z_{{{step}}} = \sigma(\cdots) = {v(g['z'])}",
            rf"n_{{{step}}} = \tanh(W_{{in}} x_{{{step}}} + b_{{in}} + r_{{{step}}} \odot (W_{{hn}} h_{{{step - 1}}}"
            rf" + b_{{hn}})) = {v(g['n'])}",
            rf"h_{{{step}}} = (1 - z_{{{step}}}) \odot n_{{{step}}} + z_{{{step}}} \odot h_{{{step - 1}}} = "
            rf"{v(h_now)}",
        ]
    if n_h > SHOWN_UNITS or n_i > SHOWN_UNITS:
        norms = rf"\|x_{{{step}}}\| = {detail['x_norm'][k]:.4g}, \quad \|h_{{{step}}}\| = {detail['h_norm'][k + 1]:.4g}"
        if detail["c_norm"] is not None:
            norms += rf", \quad \|c_{{{step}}}\| = {detail['c_norm'][k + 1]:.4g}"
        lines.append(norms)
    return lines


# The page's texts, in Korean and English (keys start with the page's name).
STRINGS = {
    "inside_cells.nav": Text("셀 내부 들여다보기", "Inside the cells"),
    "inside_cells.title": Text("RNN, LSTM, GRU 셀의 내부", "Inside the RNN, LSTM and GRU cells"),
    "inside_cells.intro": Text(
        "셀 하나를 입력 위로 펼치고, 시각 t마다 은닉 상태 h_t, 셀 상태 c_t(LSTM), 그리고 각 게이트의 값을 "
        "(t, 유닛) 히트맵으로 봅니다. 손실은 마지막 시각에만 있습니다 (L = Σ h_T, 블로그의 `dh = ones`). "
        "기울기 차트는 그 기울기가 과거로 갈수록 얼마나 남는지(‖∂L/∂h_t‖, ‖∂L/∂x_t‖)를 보여 줍니다. "
        "아래 슬라이더로 시각을 하나씩 옮기며 셀의 식에 그 시각의 숫자를 채워 볼 수 있습니다.",
        "One cell is unrolled over an input; the heatmaps show, for every step t and unit, the hidden state h_t, "
        "the LSTM's cell state c_t and every gate. The loss sits at the last step only (L = Σ h_T, the blog's "
        "`dh = ones`); the gradient chart shows how much of its gradient is left as it flows back in time "
        "(‖∂L/∂h_t‖, ‖∂L/∂x_t‖). The slider below steps through the sequence and fills the cell's equations "
        "with that step's numbers.",
    ),
    "inside_cells.try": Text(
        "- 입력을 **Tom 문장**으로, 셀은 **RNN**: 맨 앞 'Tom'에 닿는 기울기(아래 막대)는 약 10⁻⁷·⁶로, 마지막 "
        "단어(약 10⁻⁰·²)보다 일곱 자릿수 작습니다. 블로그 000의 장기 의존 문제입니다.\n"
        "- 같은 문장에서 **LSTM**, **GRU**: 'Tom'에 닿는 기울기가 약 10⁻⁵·², 10⁻³·⁴로 커집니다. LSTM의 셀 상태를 "
        "따라서는 기울기가 망각 게이트 f_t와의 곱셈만 거칩니다 (게이트 히트맵의 f_t). 학습 전이라 f_t ≈ 0.5이며, "
        "셀 비교 페이지의 망각 게이트 편향으로 1에 가깝게 만들 수 있습니다.\n"
        "- **tickets 문장** (003, RNN): 가까운 'printer'(격자 막대)는 약 10⁻², 멀리 있는 'tickets'(빗금 막대)는 약 10⁻¹³의 "
        "기울기를 받습니다. 모델이 'printer'를 예측하게 되는 이유입니다.\n"
        "- 입력을 **임펄스**로, T를 100으로: t = 1의 입력이 은닉 상태에 얼마나 오래 남는지 히트맵에서 보세요.\n"
        "- H를 **32**, T를 **100**으로 두고 W_h 스케일을 1에서 **3**으로: ‖∂L/∂h_1‖이 약 10⁻²⁸(소실)에서 약 10⁴(폭발)로 "
        "바뀝니다. 그동안 tanh'(a_t)의 평균은 0.92에서 0.57로 떨어집니다 (포화).\n"
        "- GRU에서 형태를 **classic ↔ pytorch**로 바꿔 보세요: z의 역할이 바뀌어 갱신 게이트 히트맵의 의미가 "
        "반대가 됩니다.",
        "- Choose the **Tom sentence** and the **RNN**: the gradient reaching the first word 'Tom' (bars below) is "
        "about 10⁻⁷·⁶, seven orders of magnitude below the last word's (about 10⁻⁰·²): seed 000's long-term "
        "dependency problem.\n"
        "- Same sentence, **LSTM** and **GRU**: 'Tom' now gets about 10⁻⁵·² and 10⁻³·⁴. Along the LSTM's cell state "
        "the gradient is only multiplied by the forget gate f_t (see f_t in the gate heatmaps). Untrained, "
        "f_t ≈ 0.5; the forget-gate bias on the cell-comparison page pushes it towards 1.\n"
        "- The **tickets sentence** (003, RNN): the nearby 'printer' (cross-hatched) receives about 10⁻², the distant "
        "'tickets' (hatched) about 10⁻¹³: why a model ends up predicting 'printer'.\n"
        "- Choose the **impulse** input and T = 100: see in the heatmap how long the input at t = 1 stays in "
        "the hidden state.\n"
        "- Set H to **32**, T to **100** and move the W_h scale from 1 to **3**: ‖∂L/∂h_1‖ goes from about 10⁻²⁸ "
        "(vanishing) to about 10⁴ (exploding), while the mean of tanh'(a_t) drops from 0.92 to 0.57 "
        "(saturation).\n"
        "- For the GRU, switch the variant **classic ↔ pytorch**: the roles of z swap, so the update-gate "
        "heatmap means the opposite.",
    ),
    "inside_cells.states.title": Text("{cell}: 은닉 상태 h_t", "{cell}: hidden state h_t"),
    "inside_cells.states.title_c": Text("{cell}: 은닉 상태 h_t와 셀 상태 c_t", "{cell}: hidden state h_t and cell state c_t"),
    "inside_cells.gates.title": Text("{cell}: 게이트 값", "{cell}: gate values"),
    "inside_cells.grads.title": Text("{cell}: 마지막 시각의 손실에서 온 기울기", "{cell}: gradient of the last step's loss"),
    "inside_cells.words.title": Text("{cell}: 각 단어에 도달한 기울기 ‖∂L/∂x_t‖", "{cell}: gradient reaching each word ‖∂L/∂x_t‖"),
    "inside_cells.axis.unit": Text("유닛", "Unit"),
    "inside_cells.axis.time": Text("시각 t", "Time step t"),
    "inside_cells.axis.word": Text("단어 (시각 t)", "Word (time step t)"),
    "inside_cells.axis.grad_norm": Text("기울기 노름 (로그)", "Gradient norm (log)"),
    "inside_cells.trace.grad_h": Text("‖∂L/∂h_t‖ (은닉 상태)", "‖∂L/∂h_t‖ (hidden state)"),
    "inside_cells.trace.grad_c": Text("‖∂L/∂c_t‖ (셀 상태)", "‖∂L/∂c_t‖ (cell state)"),
    "inside_cells.trace.grad_x": Text("‖∂L/∂x_t‖ (입력)", "‖∂L/∂x_t‖ (input)"),
    "inside_cells.note.binned": Text(
        "화면 해상도에 맞춰 평균으로 줄였습니다: 시간 {t_factor}칸, 유닛 {unit_factor}개씩.",
        "Averaged to screen resolution: {t_factor} steps × {unit_factor} units per cell.",
    ),
    "inside_cells.note.dropped": Text(
        "값이 0으로 언더플로되었거나 float64 범위를 넘은 점 {count}개는 그리지 않았습니다.",
        "{count} points that underflowed to 0 or overflowed float64 are left out.",
    ),
    "inside_cells.note.answer": Text("빗금(/): 정답 단어 '{word}'", "Hatched (/): the answer word '{word}'"),
    "inside_cells.note.distractor": Text("격자(x): 헷갈리는 단어 '{word}'", "Cross-hatched (x): the distractor '{word}'"),
    "inside_cells.sentence": Text("문장 ({n}단어, T = {n}): {description}", "Sentence ({n} words, T = {n}): {description}"),
    "inside_cells.words.heading": Text("단어마다 얼마나 기울기가 닿나", "How much gradient reaches each word"),
    "inside_cells.step.heading": Text("한 시각씩 따라가기", "Step through the sequence"),
    "inside_cells.step.label": Text("시각 t", "Time step t"),
    "inside_cells.step.many_units": Text(
        "H = {H} > 4이므로 벡터는 처음 3개 유닛만 보이고(⋯), 아래에 전체 노름을 적었습니다.",
        "H = {H} > 4, so vectors show their first 3 units (⋯) and the full norms are given below.",
    ),
    "inside_cells.step.gradient": Text(
        "이 시각에 남은 기울기: ‖∂L/∂h_t‖ = {h}, ‖∂L/∂x_t‖ = {x}",
        "Gradient left at this step: ‖∂L/∂h_t‖ = {h}, ‖∂L/∂x_t‖ = {x}",
    ),
    "inside_cells.step.gru_classic": Text(
        "classic GRU (강의 슬라이드, Cho 외 2014): W_h[·,·]는 [h, x]에 곱하는 행렬입니다.",
        "Classic GRU (the lecture slides, Cho et al. 2014): W_h[·,·] multiplies the stacked [h, x].",
    ),
    "inside_cells.look": Text(
        "마지막 시각의 손실에서 거슬러 가는 ‖∂L/∂h_t‖를 따라가 보세요. 기본 RNN에서는 t = 1에 이르면 약 10⁻⁷·⁶만 남습니다.",
        "Follow ‖∂L/∂h_t‖ back from the loss at the last step: in the vanilla RNN only about 10⁻⁷·⁶ is left by t = 1.",
    ),
}
