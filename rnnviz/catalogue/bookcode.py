"""The book's code (seed 002): the RNN layer's backward, correct and as the seed wrote it, and the RNNLM
on "you say goodbye and I say hello .".

Shapes: ``T`` time, ``B`` batch, ``I`` input, ``H`` hidden, ``V`` vocabulary; the book's row vectors
``x (B, I)``, ``h (B, H)``, ``Wx (I, H)``, ``Wh (H, H)``, ``b (H,)``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from rnnviz import core
from rnnviz.catalogue.figure import FigureSpec
from rnnviz.catalogue.params import Param
from rnnviz.catalogue.shared import SEED
from rnnviz.experiments.book_layers import rnn_step_backward, rnn_step_forward, seed_buggy_rnn_step_backward
from rnnviz.experiments.rnnlm import init_rnnlm_params, preprocess, rnnlm_forward, train_rnnlm
from rnnviz.figures import bookcode as figures
from rnnviz.i18n import Text
from rnnviz.experiments.finite_diff import numerical_gradient

GRAD_NAMES = ("dx", "dh_prev", "dWx", "dWh", "db")
FD_EPS = 1e-6  # centred differences: error about eps² + 1e-16/eps ≈ 1e-10
EMBED_SIZE = 5  # the RNNLM's word-vector size D (fixed; the control is the hidden size)

BATCH = Param(
    "B", "int", 3, Text("미니배치 크기 B", "Batch size B"),
    help=Text("x와 h의 행 수. 블로그 코드는 B = I = H일 때만 (틀린 값으로) 돌아갑니다.",
              "Rows of x and h. The seed's code only runs (with wrong values) when B = I = H."),
    min=1, max=10, step=1,
)
INPUT = Param(
    "I", "int", 3, Text("입력 차원 I", "Input size I"),
    help=Text("x_t의 차원 (W_x는 I × H)", "Dimension of x_t (W_x is I × H)"), min=1, max=10, step=1,
)
LAYER_HIDDEN = Param(
    "H", "int", 3, Text("은닉 상태 차원 H", "Hidden size H"),
    help=Text("RNN 계층의 은닉 상태 차원 (W_h는 H × H)", "The RNN layer's hidden size (W_h is H × H)"),
    min=1, max=10, step=1,
)
LM_HIDDEN = Param(
    "lm_H", "int", 5, Text("RNNLM 은닉 상태 차원", "RNNLM hidden size"),
    help=Text("RNNLM의 RNN 계층 은닉 상태 차원 (단어 벡터 차원 D = 5로 고정)",
              "Hidden size of the RNNLM's RNN layer (word vectors have D = 5)"),
    min=1, max=32, step=1,
)
TRAIN_STEPS = Param(
    "steps", "int", 150, Text("학습 반복 횟수", "Training steps"),
    help=Text("문장 하나로 Adam(lr = 0.05) 갱신을 반복하는 횟수",
              "How many Adam updates (lr = 0.05) on the one sentence"),
    min=1, max=1000, step=1,
)


# ------------------------------------------------------------------------------ the RNN layer
def _layer_inputs(B: int, I: int, H: int, seed: int) -> dict[str, np.ndarray]:
    rs = np.random.RandomState(seed)
    return {
        "x": rs.randn(B, I),  # (B, I)
        "h_prev": np.tanh(rs.randn(B, H)),  # (B, H)
        "Wx": rs.randn(I, H) / np.sqrt(I),  # (I, H)
        "Wh": rs.randn(H, H) / np.sqrt(H),  # (H, H)
        "b": 0.1 * rs.randn(H),  # (H,)
        "dh_next": rs.randn(B, H),  # (B, H) gradient from above
    }


def _relative_error(grad: np.ndarray, reference: np.ndarray) -> float:
    """``‖g − r‖ / max(‖g‖, ‖r‖)`` (Frobenius), or NaN when the shapes differ."""
    if grad.shape != reference.shape:
        return float("nan")
    scale = max(float(np.linalg.norm(grad)), float(np.linalg.norm(reference)), 1e-300)
    return float(np.linalg.norm(grad - reference)) / scale


def compute_backward(*, B: int, I: int, H: int, seed: int) -> dict[str, Any]:
    """The book's RNN step on seeded inputs; the correct backward and the seed's, each array against
    centred finite differences of ``L = Σ dh_next ⊙ h_next``, and the correct one against the engine
    (``core.backward`` with ``weight_ih = Wx.T``, ``weight_hh = Wh.T``, ``bias_ih = b``, ``bias_hh = 0``).

    Returns ``names``, per-name dicts ``correct``, ``seed``, ``numerical`` (arrays), ``rel_err_correct``,
    ``rel_err_seed`` (NaN where the seed's array has the wrong shape), ``engine_rel_diff``, and
    ``runs`` (``B == I == H``: the only case where every seed array has the right shape).
    """
    arrays = _layer_inputs(B, I, H, seed)
    x, h_prev, Wx, Wh, b, dh_next = (arrays[k] for k in ("x", "h_prev", "Wx", "Wh", "b", "dh_next"))
    _, cache = rnn_step_forward(x, h_prev, Wx, Wh, b)
    correct = rnn_step_backward(dh_next, cache)
    buggy = seed_buggy_rnn_step_backward(dh_next, cache)

    def loss() -> float:
        return float(np.sum(dh_next * rnn_step_forward(x, h_prev, Wx, Wh, b)[0]))

    inputs = {"dx": x, "dh_prev": h_prev, "dWx": Wx, "dWh": Wh, "db": b}
    numerical = {name: numerical_gradient(loss, inputs[name], eps=FD_EPS) for name in GRAD_NAMES}

    engine_params = {"weight_ih": Wx.T.copy(), "weight_hh": Wh.T.copy(), "bias_ih": b.copy(), "bias_hh": np.zeros(H)}
    trace = core.forward("rnn", engine_params, x[None], h0=h_prev)  # T = 1: x (1, B, I)
    grads = core.backward(trace, dh_next[None])
    engine = {"dx": grads.dx[0], "dh_prev": grads.dh0, "dWx": grads.params["weight_ih"].T,
              "dWh": grads.params["weight_hh"].T, "db": grads.params["bias_ih"]}
    return {
        "names": GRAD_NAMES, "B": B, "I": I, "H": H, "runs": B == I == H,
        "correct": correct, "seed": buggy, "numerical": numerical,
        "rel_err_correct": {n: _relative_error(correct[n], numerical[n]) for n in GRAD_NAMES},
        "rel_err_seed": {n: _relative_error(buggy[n], numerical[n]) for n in GRAD_NAMES},
        "engine_rel_diff": {n: _relative_error(engine[n], correct[n]) for n in GRAD_NAMES},
    }


def _shape_text(arr: np.ndarray) -> str:
    return "x".join(str(n) for n in arr.shape)


def backward_table(data: dict[str, Any]) -> pd.DataFrame:
    names = data["names"]
    shape = _shape_text
    return pd.DataFrame({
        "array": names,
        "shape_correct": [shape(data["correct"][n]) for n in names],
        "shape_seed": [shape(data["seed"][n]) for n in names],
        "rel_err_correct": [data["rel_err_correct"][n] for n in names],
        "rel_err_seed": [data["rel_err_seed"][n] for n in names],
        "rel_diff_engine": [data["engine_rel_diff"][n] for n in names],
    })


# ------------------------------------------------------------------------------------- RNNLM
def compute_rnnlm(*, seed: int, lm_H: int, steps: int) -> dict[str, Any]:
    """Next-word probabilities of the RNNLM before and after ``steps`` Adam updates on the sentence.

    Returns ``vocab`` (V,), ``inputs``, ``targets`` (T,) words, ``probs_before``, ``probs_after`` (T, V),
    ``argmax_before``, ``argmax_after`` (T,) ids, ``step_loss_before``, ``step_loss_after`` (T,),
    ``losses`` (steps,) mean loss before each update, ``loss_after``, ``you_say`` (after training
    the first step, input "you", puts most probability on "say").
    """
    corpus, word_to_id, id_to_word = preprocess()
    vocab = [id_to_word[i] for i in range(len(word_to_id))]
    ids, targets = corpus[:-1, None], corpus[1:, None]  # (T, 1)
    before = rnnlm_forward(init_rnnlm_params(len(vocab), EMBED_SIZE, lm_H, seed), ids, targets)
    trained = train_rnnlm(D=EMBED_SIZE, H=lm_H, steps=steps, seed=seed)
    after = rnnlm_forward(trained["params"], ids, targets)
    probs_before, probs_after = before["probs"][:, 0], after["probs"][:, 0]  # (T, V)
    argmax_after = probs_after.argmax(axis=1)
    return {
        "vocab": vocab, "inputs": [id_to_word[int(i)] for i in corpus[:-1]],
        "targets": [id_to_word[int(i)] for i in corpus[1:]], "target_ids": corpus[1:],
        "probs_before": probs_before, "probs_after": probs_after,
        "argmax_before": probs_before.argmax(axis=1), "argmax_after": argmax_after,
        "step_loss_before": before["step_losses"][:, 0], "step_loss_after": after["step_losses"][:, 0],
        "losses": trained["losses"], "loss_before": before["loss"], "loss_after": after["loss"],
        "you_say": vocab[int(argmax_after[0])] == "say",
        "correct_after": int(np.sum(argmax_after == corpus[1:])), "lm_H": lm_H, "steps": steps,
    }


def rnnlm_table(data: dict[str, Any]) -> pd.DataFrame:
    """One row per (phase, time step t) with every next-word probability, then one row per training step."""
    columns = [f"p_{'period' if w == '.' else w}" for w in data["vocab"]]
    rows = []
    for phase in ("before", "after"):
        probs = data[f"probs_{phase}"]
        for t, (word, target) in enumerate(zip(data["inputs"], data["targets"])):
            rows.append({
                "phase": phase, "t": t + 1, "input_word": word, "target_word": target,
                "predicted_word": data["vocab"][int(data[f"argmax_{phase}"][t])],
                "loss": data[f"step_loss_{phase}"][t], "training_step": None,
                **dict(zip(columns, probs[t])),
            })
    for i, loss in enumerate(data["losses"]):
        rows.append({"phase": "training", "training_step": i + 1, "loss": loss})
    table = pd.DataFrame(rows, columns=["phase", "t", "input_word", "target_word", "predicted_word", "loss",
                                        "training_step", *columns])
    return table.astype({"t": "Int64", "training_step": "Int64"})


FIGURES = (
    FigureSpec(
        id="book-backward",
        title=Text("RNN 계층의 역전파: 올바른 식과 블로그 코드", "The RNN layer's backward: correct vs the seed's code"),
        summary=Text(
            "책의 행 벡터 표기 h_t = tanh(h_{t−1} W_h + x_t W_x + b)에서 각 기울기를 중앙 차분과 비교한 상대 오차. "
            "블로그 002의 코드는 dWx와 dh_prev에 틀린 식을 넣습니다.",
            "In the book's row-vector notation h_t = tanh(h_{t−1} W_h + x_t W_x + b), the relative error of "
            "each gradient against centred finite differences. Seed 002's code puts wrong formulas into dWx "
            "and dh_prev.",
        ),
        params=(BATCH, INPUT, LAYER_HIDDEN, SEED),
        compute=compute_backward, build=figures.backward_figure, table=backward_table,
    ),
    FigureSpec(
        id="rnnlm",
        title=Text("RNNLM: \"you say goodbye and I say hello .\"", "RNNLM: \"you say goodbye and I say hello .\""),
        summary=Text(
            "Embedding → RNN → Affine → Softmax. 시각마다 다음 단어의 확률을 학습 전과 후에 보여 주고, "
            "손실 곡선을 그립니다.",
            "Embedding → RNN → Affine → Softmax. The next-word probabilities at every step before and after "
            "training, and the loss curve.",
        ),
        params=(SEED, LM_HIDDEN, TRAIN_STEPS),
        compute=compute_rnnlm, build=figures.rnnlm_figure, table=rnnlm_table,
    ),
)
