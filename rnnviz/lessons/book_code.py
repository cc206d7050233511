"""The book's code (seed 002): the RNN layer's backward, correct and as the seed wrote it, and the RNNLM
on "you say goodbye and I say hello .".

Shapes: ``T`` time, ``B`` batch, ``I`` input, ``H`` hidden, ``V`` vocabulary; the book's row vectors
``x (B, I)``, ``h (B, H)``, ``Wx (I, H)``, ``Wh (H, H)``, ``b (H,)``.
"""

from __future__ import annotations

import inspect

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from rnnviz import core
from rnnviz.experiments.book_layers import rnn_step_backward, rnn_step_forward, seed_buggy_rnn_step_backward
from rnnviz.experiments.finite_diff import numerical_gradient
from rnnviz.experiments.rnnlm import init_rnnlm_params, preprocess, rnnlm_forward, train_rnnlm
from rnnviz.figures import book_code as figures
from rnnviz.i18n import Text
from rnnviz.lessons.shared import HIDDEN, SEED
from rnnviz.lessons.spec import FigureSpec, Page, Param

# The code the page shows is the engine's own: the correct step backward and the seed's, as they run here.
LISTINGS = {"correct": inspect.getsource(rnn_step_backward),
            "seed": inspect.getsource(seed_buggy_rnn_step_backward)}

PAGE = Page("book_code", icon=":material/code:", section="seeds")

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
LAYER_HIDDEN = replace(HIDDEN, max=10, help=Text(
    "RNN 계층의 은닉 상태 차원 (W_h는 H × H)", "The RNN layer's hidden size (W_h is H × H)"))
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
    ``losses`` (steps,) mean loss before each update, ``loss_after``, ``sentence_prob_before/after``
    (the whole sentence's probability), ``say_prob_before/after`` (P(say | you)), ``you_say`` (after
    training the first step, input "you", puts most probability on "say").
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
        # Π_t P(w_{t+1} | w_1..w_t) = exp(−T · mean loss): the sentence's probability under the model
        "sentence_prob_before": float(np.exp(-len(targets) * before["loss"])),
        "sentence_prob_after": float(np.exp(-len(targets) * after["loss"])),
        "say_prob_before": float(probs_before[0, vocab.index("say")]),
        "say_prob_after": float(probs_after[0, vocab.index("say")]),
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
            "책의 행 벡터 표기 h_t = tanh(hₜ₋₁ W_h + x_t W_x + b)에서 각 기울기를 중앙 차분과 비교한 상대 오차. "
            "블로그 002의 코드는 dWx와 dh_prev에 틀린 식을 넣습니다.",
            "In the book's row-vector notation h_t = tanh(hₜ₋₁ W_h + x_t W_x + b), the relative error of "
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


# The page's texts, in Korean and English (keys start with the page's name).
STRINGS = {
    "book_code.nav": Text("책의 코드: RNN 계층과 RNNLM", "The book's code: RNN layer and RNNLM"),
    "book_code.title": Text("책의 코드: RNN 계층의 역전파와 RNNLM", "The book's code: the RNN layer's backward and the RNNLM"),
    "book_code.intro": Text(
        "블로그 002는 *밑바닥부터 시작하는 딥러닝 2*를 따라 RNN 계층을 행 벡터로 구현합니다. 그런데 그 "
        "`RNN.backward`는 **틀렸습니다**: `dh_prev`에 `dWx`의 식을, `dWx`에 `dx`의 식을 넣습니다. 이 페이지는 "
        "올바른 역전파와 블로그의 코드를 나란히 놓고 유한 차분으로 확인한 뒤, 같은 글의 RNNLM이 "
        "\"you say goodbye and I say hello .\"에서 다음 단어를 예측하도록 학습하는 모습을 보여 줍니다.",
        "Seed 002 implements the RNN layer in row vectors, after *Deep Learning from Scratch 2*. Its "
        "`RNN.backward` is **wrong**: it puts `dWx`'s formula into `dh_prev` and `dx`'s formula into `dWx`. "
        "This page sets the correct backward next to the seed's code and checks both against finite "
        "differences; then it trains the same text's RNNLM to predict the next word of "
        "\"you say goodbye and I say hello .\".",
    ),
    "book_code.try": Text(
        "- 기본값 B = I = H = 3: 블로그 코드가 돌아가지만 dWx와 dh_prev의 상대 오차가 1 정도입니다. "
        "dx, dWh, db는 맞습니다(약 10⁻¹⁰).\n"
        "- B를 2로: 블로그의 dh_prev는 I×H, dWx는 B×I 모양이라 코드가 아예 돌아가지 않습니다 (막대 대신 모양 표시).\n"
        "- 학습 반복 횟수를 1로 (시드 3): 확률이 아직 거의 고르고 'you' 다음 예측은 'and'입니다. 8번이면 일곱 시각이 "
        "모두 맞습니다.\n"
        "- 2행 'say → goodbye'와 6행 'say → hello': 입력은 같은 'say'인데 예측이 다릅니다. 은닉 상태가 "
        "\"you say\"와 \"I say\"라는 맥락을 기억하기 때문입니다.\n"
        "- RNNLM 은닉 상태 차원을 1로: 맥락을 담을 자리가 부족해 'say' 다음을 둘 다 맞히지 못합니다.",
        "- Defaults B = I = H = 3: the seed's code runs, but dWx and dh_prev have relative errors of order 1; "
        "dx, dWh and db are right (about 10⁻¹⁰).\n"
        "- Set B to 2: the seed's dh_prev is I×H and its dWx B×I, so the code cannot run at all (shapes "
        "shown instead of bars).\n"
        "- Set the training steps to 1 (seed 3): the probabilities are still almost uniform and the "
        "prediction after 'you' is 'and'. After 8 steps all seven steps are right.\n"
        "- Rows 2 'say → goodbye' and 6 'say → hello': the same input 'say', two different predictions. "
        "The hidden state remembers the context (\"you say\" vs \"I say\").\n"
        "- Set the RNNLM hidden size to 1: too little room for the context, and the two words after 'say' "
        "can no longer both be right.",
    ),
    # ------------------------------------------------------------------------- the RNN layer
    "book_code.layer.heading": Text("RNN 계층: 순전파와 역전파", "The RNN layer: forward and backward"),
    "book_code.layer.intro": Text(
        "책은 행 벡터를 씁니다: 미니배치의 각 행이 한 샘플이고 `x (B, I)`, `h (B, H)`, `W_x (I, H)`, "
        "`W_h (H, H)`, `b (H,)`입니다. 순전파와 올바른 역전파는 다음과 같습니다.",
        "The book uses row vectors: each row of a mini-batch is one sample, with `x (B, I)`, `h (B, H)`, "
        "`W_x (I, H)`, `W_h (H, H)`, `b (H,)`. The forward pass and the correct backward pass are:",
    ),
    "book_code.layer.check": Text(
        "아래 그림은 무작위 입력(시드 {seed})에서 `L = Σ dh_next ⊙ h_next`의 기울기를 중앙 차분(ε = 10⁻⁶)과 "
        "비교합니다. 블로그 코드의 모든 배열이 올바른 모양을 갖는 것은 **B = I = H**일 때뿐입니다 "
        "(dh_prev가 I×H, dWx가 B×I이므로). 그래서 기본값은 B = I = H = 3입니다: 코드는 돌아가지만 값이 틀립니다.",
        "The chart compares the gradients of `L = Σ dh_next ⊙ h_next` on random inputs (seed {seed}) with "
        "centred finite differences (ε = 10⁻⁶). The seed's arrays all have the right shapes only when "
        "**B = I = H** (its dh_prev is I×H and its dWx B×I), so the default is B = I = H = 3: the code runs, "
        "and its numbers are wrong.",
    ),
    "book_code.layer.verdict_runs": Text(
        "B = I = H = {H}: 블로그 코드는 오류 없이 돌아가지만 dh_prev의 상대 오차 {dh:.2f}, dWx의 상대 오차 "
        "{dwx:.2f}로 틀립니다. 올바른 역전파의 최대 상대 오차는 {best:.1e}입니다.",
        "B = I = H = {H}: the seed's code runs without an error, yet dh_prev is off by a relative {dh:.2f} "
        "and dWx by {dwx:.2f}. The correct backward's largest relative error is {best:.1e}.",
    ),
    "book_code.layer.verdict_fails": Text(
        "B = {B}, I = {I}, H = {H}: 블로그 코드의 dh_prev는 {dh_shape}, dWx는 {dwx_shape} 모양이라 "
        "`self.grads[0][...] = dWx`나 앞 계층의 역전파에서 오류가 납니다(운이 나쁘면 조용히 브로드캐스트됩니다). "
        "올바른 역전파의 최대 상대 오차는 {best:.1e}입니다.",
        "B = {B}, I = {I}, H = {H}: the seed's dh_prev is {dh_shape} and its dWx {dwx_shape}, so "
        "`self.grads[0][...] = dWx` or the previous layer's backward fails (or, worse, broadcasts silently). "
        "The correct backward's largest relative error is {best:.1e}.",
    ),
    "book_code.code.heading": Text("코드", "The code"),
    "book_code.code.correct_caption": Text(
        "올바른 `RNN.backward`: 이 앱이 실제로 실행하는 코드 (책의 행 벡터 표기)",
        "The correct `RNN.backward`: the code this app runs (the book's row-vector notation)",
    ),
    "book_code.code.seed_caption": Text(
        "블로그 002의 `RNN.backward` (틀림): ✗ 표시한 두 줄이 dWx와 dx의 식을 dh_prev와 dWx에 넣습니다",
        "Seed 002's `RNN.backward` (wrong): the two lines marked ✗ put the formulas of dWx and dx into dh_prev "
        "and dWx",
    ),
    "book_code.mapping.heading": Text("엔진의 PyTorch 배치와의 대응", "Mapping to the engine's PyTorch layout"),
    "book_code.mapping.intro": Text(
        "rnnviz의 엔진은 PyTorch처럼 열 벡터 식 `h_t = tanh(weight_ih x_t + bias_ih + weight_hh h_{{t−1}} + "
        "bias_hh)`를 씁니다. 책의 가중치는 그 전치입니다. 같은 입력으로 엔진의 `core.backward`를 돌린 결과와 "
        "위의 올바른 역전파의 최대 상대 차이: {diff:.1e}.",
        "rnnviz's engine, like PyTorch, writes the column-vector form `h_t = tanh(weight_ih x_t + bias_ih + "
        "weight_hh h_{{t−1}} + bias_hh)`. The book's weights are its transposes. Largest relative difference "
        "between the engine's `core.backward` on the same inputs and the correct backward above: {diff:.1e}.",
    ),
    # ------------------------------------------------------------------------------- TimeRNN
    "book_code.time.heading": Text("TimeRNN과 Truncated BPTT", "TimeRNN and truncated BPTT"),
    "book_code.time.sentence": Text(
        "`TimeRNN`은 이 RNN 계층 T개를 이어 붙이고, `stateful=True`이면 마지막 은닉 상태 `h`를 다음 블록의 "
        "시작 상태로 넘깁니다: 순전파는 끊기지 않고 역전파만 블록마다 끊기는 것이 Truncated BPTT입니다.",
        "`TimeRNN` chains T of these layers and, with `stateful=True`, hands its last hidden state `h` to the "
        "next block: the forward pass is never cut, only the backward pass is cut at block boundaries. "
        "That is truncated BPTT.",
    ),
    "book_code.time.link": Text("해결책 페이지의 Truncated BPTT 그림 보기", "See the truncated-BPTT chart on the remedies page"),
    # --------------------------------------------------------------------------------- RNNLM
    "book_code.rnnlm.heading": Text("RNNLM: 다음 단어 예측", "The RNNLM: predicting the next word"),
    "book_code.rnnlm.intro": Text(
        "언어 모델은 단어 나열의 동시 확률을 사후 확률의 곱으로 분해합니다. RNNLM(Embedding → RNN → Affine → "
        "Softmax)은 시각 t까지의 단어를 은닉 상태에 담아 P(wₜ | w₁, …, wₜ₋₁)를 냅니다. 아래는 "
        "문장 하나로 학습하기 전과 후의 확률입니다 (행: 시각 t의 입력 → 실제 다음 단어, 테두리: 가장 높은 확률).",
        "A language model factorises the joint probability of a word sequence into conditional "
        "probabilities. The RNNLM (Embedding → RNN → Affine → Softmax) keeps the words so far in its hidden "
        "state and outputs P(wₜ | w₁, …, wₜ₋₁). Below: the probabilities before and after training on "
        "the one sentence (rows: the input at step t → the true next word; outlined: the highest probability).",
    ),
    "book_code.rnnlm.you_say": Text(
        "블로그의 관찰 확인: 'you' 다음으로 모델은 'say'를 예측합니다 (P = {p:.3f}). 일곱 시각 중 {correct}개에서 "
        "가장 높은 확률이 실제 다음 단어입니다.",
        "The seed's observation holds: after 'you' the model predicts 'say' (P = {p:.3f}). At {correct} of "
        "the seven steps the most probable word is the true next word.",
    ),
    "book_code.rnnlm.not_yet": Text(
        "아직 아닙니다: 'you' 다음으로 모델이 가장 높은 확률을 준 단어는 '{word}'입니다 (P(say | you) = {p:.3f}). "
        "학습 반복 횟수를 늘려 보세요.",
        "Not yet: after 'you' the model's most probable word is '{word}' (P(say | you) = {p:.3f}). Try more "
        "training steps.",
    ),
    # ----------------------------------------------------------------------- figure strings
    "book_code.backward.title": Text(
        "기울기의 상대 오차 (중앙 차분 기준, B = {B}, I = {I}, H = {H})",
        "Relative error of each gradient vs finite differences (B = {B}, I = {I}, H = {H})",
    ),
    "book_code.backward.correct": Text("올바른 역전파", "Correct backward"),
    "book_code.backward.seed": Text("블로그 002의 코드", "Seed 002's code"),
    "book_code.backward.x_axis": Text("기울기 배열", "Gradient array"),
    "book_code.backward.y_axis": Text("상대 오차 (로그축)", "Relative error (log axis)"),
    "book_code.backward.threshold": Text("10⁻⁶: 기울기 확인 통과", "10⁻⁶: gradient check passes below"),
    "book_code.backward.wrong_shape": Text("블로그: 모양 {seed}<br>(올바른 모양 {correct})",
                                          "seed: shape {seed}<br>(should be {correct})"),
    "book_code.backward.runs": Text(
        "B = I = H라서 블로그 코드가 돌아갑니다. 빗금 막대가 1 근처면 그 배열은 틀린 값입니다.",
        "B = I = H, so the seed's code runs. A hatched bar near 1 means that array is wrong.",
    ),
    "book_code.backward.fails": Text(
        "B, I, H가 같지 않아 블로그의 dh_prev, dWx는 모양부터 틀립니다 (막대 없음).",
        "B, I, H differ, so the seed's dh_prev and dWx have the wrong shapes (no bar).",
    ),
    "book_code.backward.floored": Text("10⁻¹⁶ 미만은 10⁻¹⁶으로 그렸습니다.", "Values below 10⁻¹⁶ are drawn at 10⁻¹⁶."),
    "book_code.rnnlm.title": Text("RNNLM의 다음 단어 확률과 손실", "The RNNLM's next-word probabilities and loss"),
    "book_code.rnnlm.before": Text("학습 전 (손실 {loss:.3g})", "Before training (loss {loss:.3g})"),
    "book_code.rnnlm.after": Text("{steps}번 학습 후 (손실 {loss:.3g})", "After {steps} steps (loss {loss:.3g})"),
    "book_code.rnnlm.loss_title": Text("학습 중의 손실 (평균 교차 엔트로피)", "Loss during training (mean cross-entropy)"),
    "book_code.rnnlm.hover": Text("%{y}<br>P(%{x}) = %{z:.4f}", "%{y}<br>P(%{x}) = %{z:.4f}"),
    "book_code.rnnlm.argmax": Text("주황 테두리: 각 행에서 가장 높은 확률 (모델의 예측)",
                                  "Orange outline: the highest probability in each row (the model's prediction)"),
    "book_code.rnnlm.loss": Text("손실", "Loss"),
    "book_code.rnnlm.loss_hover": Text("반복 %{x}<br>손실 %{y:.4f}", "step %{x}<br>loss %{y:.4f}"),
    "book_code.rnnlm.uniform": Text("ln 7 = {value:.3f} (균등한 추측)", "ln 7 = {value:.3f} (a uniform guess)"),
    "book_code.rnnlm.prob": Text("확률", "Probability"),
    "book_code.rnnlm.x_axis": Text("다음 단어 후보", "Candidate next word"),
    "book_code.rnnlm.y_axis": Text("t: 입력 → 다음 단어", "t: input → next word"),
    "book_code.rnnlm.iteration": Text("학습 반복", "Training step"),
    "book_code.rnnlm.loss_axis": Text("손실 (로그축)", "Loss (log axis)"),
    "book_code.look": Text(
        "교재 코드의 backward는 dWx와 dh_prev의 상대 오차가 1 정도로 틀리고, 올바른 backward는 유한 차분과 약 10⁻¹⁰까지 맞습니다.",
        "The seed's backward gets dWx and dh_prev wrong (relative errors of order 1); the correct one agrees with finite differences to about 10⁻¹⁰.",
    ),
}
