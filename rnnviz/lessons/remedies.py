"""Remedies: gradient clipping (seeds 000, 004), truncated BPTT (seed 002), skip connections (seed 003)
and identity initialisation with ReLU (IRNN, seed 004).

Shapes: ``T`` time, ``B`` batch, ``I`` input, ``H`` hidden; ``L`` layers of the skip-connection chain.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from rnnviz import core, setups
from rnnviz.experiments.clipping import clip_grads, clip_grads_elementwise, normalize_gradient, total_norm
from rnnviz.experiments.derivatives import activation, log10_activation_prime
from rnnviz.figures import remedies as figures
from rnnviz.i18n import Text
from rnnviz.lessons import shared
from rnnviz.lessons.shared import CELL, SCALE, SEED, SEQ_LEN
from rnnviz.lessons.spec import FigureSpec, Page, Param

PAGE = Page("remedies", icon=":material/healing:", section="remedies")

INPUT_SIZE = 2  # inputs per step of the unrolled networks (random N(0, 1) sequences)

MAX_NORM = Param(
    "max_norm", "float", 5.0, Text("최대 노름 max_norm", "Maximum norm max_norm"),
    help=Text("clip_grads의 임계값 (책의 값은 5.0)", "The threshold of clip_grads (the book uses 5.0)"),
    min=0.5, max=50.0, step=0.5, fmt="%.1f",
)
CLIP_VALUE = Param(
    "clip_value", "float", 5.0, Text("원소별 클리핑 값 c", "Element-wise clip value c"),
    help=Text("각 원소를 [−c, c]로 자릅니다", "Every entry is clipped to [−c, c]"),
    min=0.5, max=10.0, step=0.5, fmt="%.1f",
)
ETA = Param(
    "eta", "float", 1.0, Text("정규화 크기 η", "Normalised length η"),
    help=Text("블로그 004의 g ← η g / ‖g‖", "Seed 004's g ← η g / ‖g‖"),
    min=0.1, max=20.0, step=0.1, fmt="%.1f",
)
STEPS = replace(SEQ_LEN, default=30, min=2, max=100)
BLOCK = Param(
    "k", "int", 5, Text("잘라낼 블록 길이 k", "Truncation block length k"),
    help=Text(
        "역전파를 k 단계씩 끊습니다 (k ≥ T이면 끊지 않은 BPTT). 순전파는 끊지 않습니다.",
        "The backward pass is cut every k steps (k ≥ T is full BPTT). The forward pass is never cut.",
    ),
    min=1, max=100, step=1,
)
HIDDEN = replace(shared.HIDDEN, default=8, max=32)
DEPTH = Param(
    "depth", "int", 20, Text("층의 수 L", "Number of layers L"),
    help=Text("기울기가 지나가는 층의 수", "How many layers the gradient passes through"), min=1, max=200, step=1,
)
SKIP_W = Param(
    "w", "float", 0.5, Text("층의 가중치 w", "Layer weight w"),
    help=Text("각 층 f(x) = tanh(w x)의 가중치", "The weight of every layer f(x) = tanh(w x)"),
    min=0.05, max=3.0, step=0.05, fmt="%.2f",
)
X0 = Param(
    "x0", "float", 1.0, Text("입력 x₀", "Input x₀"),
    help=Text("첫 층에 들어가는 값", "The value fed to the first layer"), min=-3.0, max=3.0, step=0.1, fmt="%.1f",
)

AMPLITUDES = ("1", "10", "100", "300", "1000")
AMPLITUDE = Param(
    "amplitude", "choice", "1", Text("입력의 크기 (배)", "Input amplitude (×)"),
    help=Text(
        "세 RNN에 같은 무작위 입력 N(0, 1)에 이 값을 곱해 넣습니다. IRNN의 입력 가중치는 Le 외(2015)처럼 "
        "N(0, 0.001²)이라 ×1이면 은닉 상태가 0 근처에 머뭅니다. 입력을 키우면 은닉 상태가 커집니다 (학습이 "
        "하는 일).",
        "The same random input N(0, 1) times this value goes into all three RNNs. The IRNN's input weights are "
        "N(0, 0.001²), as in Le et al. (2015), so at ×1 the hidden states stay near 0. A larger input makes "
        "the states large (as training does).",
    ),
    choices=AMPLITUDES, choice_labels={a: Text(f"× {a}", f"× {a}") for a in AMPLITUDES},
)

IRNN_VARIANTS = (  # (key, init, nonlinearity)
    ("irnn", "identity", "relu"),
    ("identity_tanh", "identity", "tanh"),
    ("pytorch_tanh", "pytorch", "tanh"),
)


# ------------------------------------------------------------------------------------ clipping
def seed_gradients(seed: int) -> list[np.ndarray]:
    """Seed 000's ``dW1 = rand(3, 3) * 10``, ``dW2 = rand(3, 3) * 10`` from ``RandomState(seed)``."""
    rs = np.random.RandomState(seed)
    return [rs.rand(3, 3) * 10, rs.rand(3, 3) * 10]


def compute_clipping(*, seed: int, max_norm: float, clip_value: float, eta: float) -> dict[str, Any]:
    """The seed's two (3, 3) gradients before and after three kinds of clipping, flattened to (18,)."""
    original = seed_gradients(seed)
    by_norm = [g.copy() for g in original]
    norm_before, rate = clip_grads(by_norm, max_norm)  # in place, as the book's code
    by_entry = [g.copy() for g in original]
    changed = clip_grads_elementwise(by_entry, clip_value)
    flat = np.concatenate([g.ravel() for g in original])  # (18,)
    vectors = {
        "original": flat,
        "norm_clip": np.concatenate([g.ravel() for g in by_norm]),
        "elementwise": np.concatenate([g.ravel() for g in by_entry]),
        "normalized": normalize_gradient(flat, eta),
    }
    norms = {name: float(np.linalg.norm(v)) for name, v in vectors.items()}
    cosines = {name: float(v @ flat / (np.linalg.norm(v) * np.linalg.norm(flat))) for name, v in vectors.items()}
    labels = [f"dW{n + 1}[{i},{j}]" for n in range(2) for i in range(3) for j in range(3)]
    return {
        "labels": labels, "vectors": vectors, "norms": norms, "cosines": cosines,
        "norm_before": norm_before, "total_norm": total_norm(original), "rate": rate, "changed": changed,
        "max_norm": max_norm, "clip_value": clip_value, "eta": eta,
    }


def clipping_table(data: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame({"entry": data["labels"], **data["vectors"]})


# ------------------------------------------------------------------------------ truncated BPTT
def compute_truncated(*, cell: str, T: int, k: int, H: int, scale: float, seed: int) -> dict[str, Any]:
    """Which ``h_t`` each step's loss reaches, with full and truncated BPTT on ONE forward run.

    The same input sequence is copied into a batch of ``B = T``; batch row ``s`` gets the unit gradient
    ``∂L_s/∂h_s = 1/√H`` at step ``s`` only, so one backward pass gives ``‖∂L_s/∂h_t‖`` for every
    ``(s, t)``. Returns ``norms_full``, ``norms_cut`` (S, T) with S = T, and ‖∂L/∂W_h‖ of ``L = Σ_s L_s``.
    """
    params = setups.make_params(cell, input_size=INPUT_SIZE, hidden_size=H, init="pytorch", seed=seed,
                                scale=scale)
    x = setups.make_input("random", T=T, input_size=INPUT_SIZE, seed=seed)  # (T, 1, I)
    x = np.repeat(x, T, axis=1)  # (T, B=T, I)
    trace = core.forward(cell, params, x)
    dh = np.zeros((T, T, H))  # (T, B, H)
    dh[np.arange(T), np.arange(T), :] = 1.0 / np.sqrt(H)
    full = core.backward(trace, dh)
    cut = core.backward(trace, dh, truncate=k)
    # (S, T): row s is the loss at step s, column t the state it reaches
    norms_full = np.linalg.norm(full.dh, axis=2).T
    norms_cut = np.linalg.norm(cut.dh, axis=2).T
    dwh_full = full.params["weight_hh"]
    dwh_cut = cut.params["weight_hh"]
    return {
        "steps": np.arange(1, T + 1), "norms_full": norms_full, "norms_cut": norms_cut, "k": k, "T": T,
        "dwh_full": float(np.linalg.norm(dwh_full)), "dwh_cut": float(np.linalg.norm(dwh_cut)),
        "dwh_rel_diff": float(np.linalg.norm(dwh_full - dwh_cut) / max(np.linalg.norm(dwh_full), 1e-300)),
        "cell": cell,
    }


def truncated_table(data: dict[str, Any]) -> pd.DataFrame:
    s, t = np.meshgrid(data["steps"], data["steps"], indexing="ij")
    keep = t <= s  # a loss never reaches later states
    return pd.DataFrame({
        "loss_step_s": s[keep], "state_t": t[keep], "block_of_t": (t[keep] - 1) // data["k"] + 1,
        "norm_full": data["norms_full"][keep], "norm_truncated": data["norms_cut"][keep],
    })


# ---------------------------------------------------------------------------- skip connections
def dense_chain(depth: int, w: float, x0: float) -> dict[str, np.ndarray]:
    """A scalar DenseNet (Huang et al. 2017, seed 003): the features ``z_0 = x0, z_1, ..., z_L``; layer ``l``
    reads the mean of every feature so far, ``z_{l+1} = f(m_l) = tanh(w m_l)`` with ``m_l = mean(z_0..z_l)``,
    and its output is the concatenation ``[z_0, ..., z_{l+1}]`` (nothing is overwritten).

    Returns ``z`` (L + 1,), ``log10_grad`` (L + 1,) ``log10 ‖∂[z_0..z_L]/∂z_l‖`` (the norm of the final
    concatenation's Jacobian column for ``z_l``, at least 1: the concatenation carries ``z_l`` itself), and
    ``local`` (L,) the norm of one layer's column ``‖∂[z_0..z_{l+1}]/∂z_l‖ = √(1 + (w f'(w m_l) / (l + 1))²)``.
    The Jacobian ``J[m, l] = ∂z_m/∂z_l`` follows ``J[m, l] = w tanh'(w m_{m−1}) / m · Σ_{k=l}^{m−1} J[k, l]``.
    """
    z = np.empty(depth + 1)
    z[0] = x0
    slope = np.empty(depth)  # ∂z_{l+1}/∂m_l = w tanh'(w m_l)
    for layer in range(depth):
        m = z[:layer + 1].mean()
        z[layer + 1] = float(activation(w * m, "tanh"))
        slope[layer] = w * 10.0 ** float(log10_activation_prime(np.array([w * m]), "tanh")[0])
    jac = np.zeros((depth + 1, depth + 1))  # (m, l): ∂z_m/∂z_l, lower triangular
    np.fill_diagonal(jac, 1.0)
    for row in range(1, depth + 1):
        jac[row, :row] = slope[row - 1] / row * jac[:row, :row].sum(axis=0)
    layers = np.arange(depth)
    return {
        "z": z,
        "log10_grad": np.log10(np.linalg.norm(jac, axis=0)),
        "local": np.sqrt(1.0 + (slope / (layers + 1)) ** 2),
    }


def compute_skip(*, depth: int, w: float, x0: float) -> dict[str, Any]:
    """A chain of ``L`` scalar layers ``f(x) = tanh(w x)``, plain ``x ← f(x)`` and residual ``x ← f(x) + x``,
    and DenseNet's concatenation (:func:`dense_chain`).

    ``grad_*[l] = ∂x_L/∂x_l`` for ``l = 0..L`` (``(L + 1,)``), from the local factors
    ``f'(x_l) = w tanh'(w x_l)`` (plain) and ``f'(x_l) + 1`` (residual, seed 003). Kept in log10. The dense
    chain's ``width`` is its output's size ``L + 1`` and ``connections`` its ``L(L + 1)/2`` direct links.
    """
    if not w > 0:
        raise ValueError(f"w must be positive, got {w!r}")
    out: dict[str, Any] = {"layers": np.arange(depth + 1), "w": w, "x0": x0, "depth": depth}
    for name, skip in (("plain", False), ("residual", True)):
        x = np.empty(depth + 1)
        x[0] = x0
        for layer in range(depth):
            x[layer + 1] = float(activation(w * x[layer], "tanh")) + (x[layer] if skip else 0.0)
        log10_f_prime = np.log10(w) + log10_activation_prime(w * x[:-1], "tanh")  # (L,)
        local = np.power(10.0, log10_f_prime) + (1.0 if skip else 0.0)
        log10_local = np.log10(1.0 + np.power(10.0, log10_f_prime)) if skip else log10_f_prime
        suffix = np.concatenate([np.cumsum(log10_local[::-1])[::-1], [0.0]])  # (L + 1,) Σ_{j>=l}
        out[f"x_{name}"] = x
        out[f"local_{name}"] = local
        out[f"log10_grad_{name}"] = suffix
    dense = dense_chain(depth, w, x0)
    out.update(x_dense=dense["z"], local_dense=dense["local"], log10_grad_dense=dense["log10_grad"],
               width=depth + 1, connections=depth * (depth + 1) // 2)
    return out


def skip_table(data: dict[str, Any]) -> pd.DataFrame:
    pad = np.append  # the last layer has no local factor
    return pd.DataFrame({
        "layer_l": data["layers"],
        "x_plain": data["x_plain"], "x_residual": data["x_residual"], "z_dense": data["x_dense"],
        "local_plain": pad(data["local_plain"], np.nan), "local_residual": pad(data["local_residual"], np.nan),
        "local_dense": pad(data["local_dense"], np.nan),
        "log10_grad_plain": data["log10_grad_plain"], "log10_grad_residual": data["log10_grad_residual"],
        "log10_grad_dense": data["log10_grad_dense"],
    })


# --------------------------------------------------------------------------------------- IRNN
def compute_irnn(*, T: int, H: int, scale: float, amplitude: str, seed: int) -> dict[str, Any]:
    """``‖∂L/∂h_t‖`` when only the last state is scored (``∂L/∂h_T`` a unit vector), for three vanilla
    RNNs on the same random input times ``amplitude``: identity ``W_h`` + ReLU (IRNN), identity + tanh,
    PyTorch init + tanh.

    ``W_h`` is multiplied by ``scale``. Returns ``norms[key]`` (T,) (exact zeros where ReLU cut every path,
    or where tanh saturated to tanh' = 0 in float64), ``active[key]`` (T,) the share of units with
    ``a_t > 0`` and ``mean_dphi[key]`` the mean of φ'(a_t) over steps and units.
    """
    x = setups.make_input("random", T=T, input_size=INPUT_SIZE, seed=seed) * float(amplitude)  # (T, 1, I)
    dh = np.zeros((T, 1, H))  # (T, B, H)
    dh[-1, 0, :] = 1.0 / np.sqrt(H)
    norms, active, mean_dphi = {}, {}, {}
    for key, init, nonlinearity in IRNN_VARIANTS:
        params = setups.make_params("rnn", input_size=INPUT_SIZE, hidden_size=H, init=init, seed=seed, scale=scale)
        trace = core.forward("rnn", params, x, nonlinearity=nonlinearity)
        grads = core.backward(trace, dh)
        norms[key] = np.linalg.norm(grads.dh[:, 0, :], axis=1)  # (T,)
        active[key] = np.mean(trace.pre["a"][:, 0, :] > 0, axis=1)  # (T,) share of units with a > 0
        mean_dphi[key] = float(np.mean(10.0 ** log10_activation_prime(trace.pre["a"][:, 0, :], nonlinearity)))
    return {"steps": np.arange(1, T + 1), "norms": norms, "active": active, "mean_dphi": mean_dphi, "scale": scale,
            "amplitude": float(amplitude), "H": H}


def irnn_table(data: dict[str, Any]) -> pd.DataFrame:
    table = {"t": data["steps"]}
    for key, _, _ in IRNN_VARIANTS:
        table[f"grad_norm_{key}"] = data["norms"][key]
    table["active_share_irnn"] = data["active"]["irnn"]
    return pd.DataFrame(table)


FIGURES = (
    FigureSpec(
        id="clipping",
        title=Text("기울기 클리핑", "Gradient clipping"),
        summary=Text(
            "블로그 000의 dW1, dW2 = rand(3, 3)·10에 clip_grads(노름 기준), 원소별 클리핑, 블로그 004의 "
            "g ← ηg/‖g‖를 적용합니다. 노름 클리핑은 방향을 지키고 원소별 클리핑은 방향을 바꿉니다.",
            "Seed 000's dW1, dW2 = rand(3, 3)·10 through clip_grads (by norm), element-wise clipping and seed "
            "004's g ← ηg/‖g‖. Norm clipping keeps the direction; element-wise clipping changes it.",
        ),
        params=(SEED, MAX_NORM, CLIP_VALUE, ETA),
        live=("max_norm", "clip_value", "eta"),
        compute=compute_clipping, build=figures.clipping_figure, table=clipping_table,
    ),
    FigureSpec(
        id="truncated-bptt",
        title=Text("Truncated BPTT: 어느 기울기가 어디까지 가는가", "Truncated BPTT: which gradient reaches where"),
        summary=Text(
            "같은 순전파 위에서 시각 s의 손실이 은닉 상태 h_t에 보내는 기울기 ‖∂L_s/∂h_t‖: 끊지 않은 BPTT와 "
            "k 단계씩 끊은 BPTT.",
            "On one forward run, the gradient ‖∂L_s/∂h_t‖ that the loss at step s sends to the hidden state "
            "h_t: full BPTT against BPTT cut every k steps.",
        ),
        params=(CELL, STEPS, BLOCK, HIDDEN, SCALE, SEED),
        live=("k", "scale"),
        compute=compute_truncated, build=figures.truncated_figure, table=truncated_table,
    ),
    FigureSpec(
        id="skip-connection",
        title=Text("스킵 연결: f(x) + x와 [x, f(x)]", "Skip connections: f(x) + x and [x, f(x)]"),
        summary=Text(
            "층마다 f(x) = tanh(w x)를 거칠 때 ∂x_L/∂x_l. ResNet의 스킵 연결은 국소 기울기가 f'(x) + 1 ≥ 1이고, "
            "DenseNet의 이어 붙이기는 x를 그대로 담아 기울기가 1 이상이지만 특성 수가 층마다 늘어납니다.",
            "∂x_L/∂x_l through layers f(x) = tanh(w x). With ResNet's skip connection every local factor is "
            "f'(x) + 1 ≥ 1; DenseNet's concatenation keeps x itself, so the gradient stays at least 1, but the "
            "number of features grows with every layer.",
        ),
        params=(DEPTH, SKIP_W, X0),
        live=("depth", "w", "x0"),
        compute=compute_skip, build=figures.skip_figure, table=skip_table,
    ),
    FigureSpec(
        id="irnn",
        title=Text("항등 행렬 초기화 + ReLU (IRNN)", "Identity initialisation + ReLU (IRNN)"),
        summary=Text(
            "마지막 시각의 손실이 과거 은닉 상태로 보내는 기울기의 크기: W_h = I와 ReLU면 살아 있는 유닛을 따라 "
            "기울기가 그대로 전달됩니다.",
            "How much of the last step's gradient reaches earlier hidden states: with W_h = I and ReLU it "
            "passes unchanged along the units that stay active.",
        ),
        params=(STEPS, HIDDEN, SCALE, AMPLITUDE, SEED),
        live=("scale",),
        compute=compute_irnn, build=figures.irnn_figure, table=irnn_table,
    ),
)


# The page's texts, in Korean and English (keys start with the page's name).
STRINGS = {
    "remedies.nav": Text("네 가지 해결책", "Four remedies"),
    "remedies.title": Text("기울기 문제의 해결책", "Remedies for unstable gradients"),
    "remedies.intro": Text(
        "교재들이 소개하는 네 가지 처방을 같은 숫자로 재현합니다. **기울기 클리핑**은 폭발한 기울기의 크기만 "
        "줄이고(블로그 000, 004), **Truncated BPTT**는 역전파만 블록 단위로 끊으며(블로그 002), "
        "**스킵 연결**은 국소 기울기에 1을 더하고(블로그 003), **항등 행렬 초기화 + ReLU**는 "
        "기울기를 곱할 때 줄어들지 않게 합니다(블로그 004).",
        "Four remedies from the texts, reproduced with their numbers. **Gradient clipping** shrinks only the "
        "size of an exploding gradient (seeds 000, 004), **truncated BPTT** cuts only the backward pass into "
        "blocks (seed 002), a **skip connection** adds 1 to every local derivative (seed 003), and "
        "**identity initialisation with ReLU** keeps the recurrent product from shrinking (seed 004).",
    ),
    "remedies.try": Text(
        "- 시드 3, max_norm = 5.0: 노름이 약 22인 기울기가 정확히 5로 줄고, 코사인은 1 그대로입니다 (방향 유지).\n"
        "- 원소별 클리핑 값 c를 1로: 노름은 줄지만 코사인이 1보다 작아집니다 (방향이 바뀜).\n"
        "- max_norm을 50으로: rate ≥ 1이라 clip_grads는 아무것도 바꾸지 않습니다.\n"
        "- k를 1로: 각 손실은 자기 시각의 은닉 상태에만 기울기를 보냅니다. k ≥ T면 두 그림이 같아집니다.\n"
        "- 스킵 연결에서 w를 0.1로, L을 100으로: 스킵이 없으면 기울기가 10⁻¹⁰⁰까지 떨어지고, 있으면 1 이상입니다. "
        "DenseNet의 이어 붙이기도 1 이상을 지키지만, 출력은 특성 101개, 직접 연결은 5050개가 됩니다.\n"
        "- IRNN에서 W_h 스케일을 1.1로: 항등 행렬도 1보다 크면 기울기가 커집니다 (t = 1에서 약 10¹). 0.9면 "
        "소실하고, ReLU가 경로를 끊어 30단계 중 18단계에서 정확히 0이 됩니다.\n"
        "- 입력의 크기를 **× 300**으로: tanh가 포화되어 항등 + tanh가 30단계 중 28단계에서 IRNN 아래로 내려가고, "
        "PyTorch 초기화 + tanh는 tanh' = 0(float64)이 되어 기울기가 정확히 0인 곳이 생깁니다. IRNN의 곡선은 "
        "움직이지 않습니다: 편향이 0인 ReLU는 입력의 크기에 무관합니다.",
        "- Seed 3, max_norm = 5.0: a gradient of norm about 22 is scaled to exactly 5, its cosine stays 1 "
        "(same direction).\n"
        "- Set the element-wise clip value c to 1: the norm shrinks but the cosine drops below 1 (the "
        "direction changes).\n"
        "- Set max_norm to 50: rate ≥ 1, so clip_grads changes nothing.\n"
        "- Set k to 1: every loss sends gradient only to its own step's state. With k ≥ T both maps agree.\n"
        "- Skip connections with w = 0.1 and L = 100: without the skip the gradient falls to 10⁻¹⁰⁰, with it, it "
        "stays at least 1. DenseNet's concatenation keeps at least 1 too, but its output has 101 features and "
        "5050 direct connections.\n"
        "- IRNN with W_h scale 1.1: even the identity makes the gradient grow when scaled above 1 (about 10¹ at "
        "t = 1). At 0.9 it vanishes, and ReLU cuts every path at 18 of the 30 steps (exactly 0).\n"
        "- Set the input amplitude to **× 300**: tanh saturates, identity + tanh falls below the IRNN at 28 of the "
        "30 steps, and the PyTorch-initialised tanh RNN reaches tanh' = 0 in float64 (exact zeros, gaps). The "
        "IRNN's curve does not move: a ReLU network with zero biases does not care about the input's size.",
    ),
    "remedies.clip.heading": Text("기울기 클리핑", "Gradient clipping"),
    "remedies.clip.intro": Text(
        "블로그 000의 코드 그대로: `dW1 = rand(3, 3) * 10`, `dW2 = rand(3, 3) * 10`, "
        "`rate = max_norm / (total_norm + 1e-6)`이고 `rate < 1`이면 모든 기울기에 rate를 곱합니다. "
        "블로그 004의 `g ← η g / ‖g‖`는 노름을 언제나 η로 맞춥니다. cos은 원래 기울기와의 코사인 유사도입니다.",
        "Seed 000's code as written: `dW1 = rand(3, 3) * 10`, `dW2 = rand(3, 3) * 10`, "
        "`rate = max_norm / (total_norm + 1e-6)`, and every gradient is multiplied by rate when `rate < 1`. "
        "Seed 004's `g ← η g / ‖g‖` always sets the norm to η. cos is the cosine similarity with the "
        "original gradient.",
    ),
    "remedies.clip.title": Text("기울기 클리핑 전과 후", "Gradients before and after clipping"),
    "remedies.clip.entries": Text("dW1, dW2의 원소", "Entries of dW1, dW2"),
    "remedies.clip.norms": Text("전체 노름 ‖g‖", "Total norm ‖g‖"),
    "remedies.clip.original": Text("원래 기울기", "Original"),
    "remedies.clip.norm_clip": Text("clip_grads (노름)", "clip_grads (norm)"),
    "remedies.clip.elementwise": Text("원소별 클리핑", "Element-wise clip"),
    "remedies.clip.normalized": Text("ηg/‖g‖ (블로그 004)", "ηg/‖g‖ (seed 004)"),
    "remedies.clip.value_axis": Text("기울기 값", "Gradient value"),
    "remedies.clip.caption": Text(
        "total_norm = {norm:.6f}, rate = {rate:.6f} → {verdict}. 원소별 클리핑이 바꾼 원소: {changed}개 / 18.",
        "total_norm = {norm:.6f}, rate = {rate:.6f} → {verdict}. Entries changed by element-wise clipping: "
        "{changed} of 18.",
    ),
    "remedies.clip.scaled": Text("모든 기울기에 rate를 곱함", "every gradient is multiplied by rate"),
    "remedies.clip.unchanged": Text("rate ≥ 1이라 그대로", "rate ≥ 1, nothing changes"),
    "remedies.tbptt.heading": Text("Truncated BPTT", "Truncated BPTT"),
    "remedies.tbptt.intro": Text(
        "블로그 002: 순전파는 끊지 않고(은닉 상태를 다음 블록으로 넘김, `stateful=True`) 역전파만 k 단계 "
        "블록으로 끊습니다. 아래 두 그림은 **같은 순전파**에서 시각 s의 손실이 h_t에 보내는 기울기입니다. "
        "오른쪽에서는 기울기가 자기 블록(테두리) 밖으로 나가지 못합니다.",
        "Seed 002: the forward pass is never cut (the hidden state is carried into the next block, "
        "`stateful=True`); only the backward pass is cut into blocks of k steps. Both maps come from **one "
        "forward run**: the gradient the loss at step s sends to h_t. On the right no gradient leaves its "
        "block (outlined).",
    ),
    "remedies.tbptt.title": Text("손실 L_s가 은닉 상태 h_t에 보내는 기울기", "Gradient from the loss L_s to the state h_t"),
    "remedies.tbptt.full": Text("끊지 않은 BPTT", "Full BPTT"),
    "remedies.tbptt.cut": Text("Truncated BPTT (k = {k})", "Truncated BPTT (k = {k})"),
    "remedies.tbptt.x_axis": Text("은닉 상태의 시각 t", "Time step t of the hidden state"),
    "remedies.tbptt.y_axis": Text("손실의 시각 s", "Time step s of the loss"),
    "remedies.tbptt.note": Text(
        "빈 칸: 기울기 0. ‖∂L/∂W_h‖ 전체 {full:.4g}, 잘라냄 {cut:.4g} (상대 차이 {diff:.2f}%).",
        "Blank: no gradient. ‖∂L/∂W_h‖ full {full:.4g}, truncated {cut:.4g} (relative difference {diff:.2f}%).",
    ),
    "remedies.skip.heading": Text("스킵 연결 (ResNet, DenseNet)", "Skip connections (ResNet, DenseNet)"),
    "remedies.skip.intro": Text(
        "블로그 003: ResNet은 입력 x를 마지막 계산에 더해 f(x) + x를 만듭니다. x로 미분하면 f'(x) + 1이라 "
        "f'(x)가 아무리 작아도 1이 남습니다. DenseNet은 더하는 대신 **이어 붙입니다** [x, f(x)]: 모든 층의 출력이 "
        "뒤의 모든 층으로 바로 갑니다. 출력이 x를 그대로 담으므로 야코비 행렬에 단위 블록이 있어 x로 가는 기울기는 "
        "역시 1 이상입니다. 대신 특성의 수가 층마다 늘어 L층이면 L + 1개, 직접 연결은 L(L + 1)/2개입니다 "
        "(Huang 외 2017). 층마다 f(x) = tanh(w x) (w > 0이라 f' > 0)인 사슬로 확인합니다. DenseNet의 각 층은 "
        "지금까지의 모든 특성의 평균을 읽습니다.",
        "Seed 003: a ResNet adds its input x to the last computation, giving f(x) + x. Its derivative is "
        "f'(x) + 1: however small f'(x) is, the 1 remains. A DenseNet **concatenates** instead, [x, f(x)]: every "
        "layer's output goes straight to every later layer. The output holds x itself, so the Jacobian has an "
        "identity block and the gradient to x is again at least 1. The price is width: after L layers there are "
        "L + 1 features and L(L + 1)/2 direct connections (Huang et al. 2017). Checked on a chain of layers "
        "f(x) = tanh(w x) (w > 0, so f' > 0); each DenseNet layer reads the mean of all features so far.",
    ),
    "remedies.skip.title": Text("L개 층을 지나는 기울기 (w = {w:g})", "The gradient through L layers (w = {w:g})"),
    "remedies.skip.grad": Text("|∂x_L/∂x_l| (로그축)", "|∂x_L/∂x_l| (log axis)"),
    "remedies.skip.local": Text("층마다의 국소 기울기", "Local derivative of each layer"),
    "remedies.skip.plain": Text("스킵 없음: f'(x)", "No skip: f'(x)"),
    "remedies.skip.residual": Text("스킵 연결 (ResNet): f'(x) + 1", "Skip connection (ResNet): f'(x) + 1"),
    "remedies.skip.dense": Text("이어 붙이기 (DenseNet): [x, f(x)]", "Concatenation (DenseNet): [x, f(x)]"),
    "remedies.skip.dense_note": Text(
        "DenseNet: 출력은 특성 {width}개, 직접 연결 {connections}개 (ResNet은 특성 1개). 기울기는 출력 전체의 "
        "야코비 열의 노름입니다.",
        "DenseNet: {width} features at the output, {connections} direct connections (ResNet keeps 1 feature). Its "
        "gradient is the norm of the output's Jacobian column.",
    ),
    "remedies.skip.local_axis": Text("국소 기울기", "Local derivative"),
    "remedies.skip.layer_axis": Text("층 l", "Layer l"),
    "remedies.irnn.heading": Text("항등 행렬 초기화와 ReLU (IRNN)", "Identity initialisation with ReLU (IRNN)"),
    "remedies.irnn.intro": Text(
        "블로그 004: 합성된 함수의 기울기가 어려워지는 문제는 항등 함수에 가까운 연산으로 풀 수 있습니다. "
        "W_h = I, 활성화 함수 ReLU(Le 외 2015)이면 살아 있는 유닛을 따라 ∂h_t/∂h_(t−1) = I라, 은닉 상태가 아무리 "
        "커져도 기울기가 그대로 전달됩니다. 마지막 시각에서만 손실을 주고(‖∂L/∂h_T‖ = 1) 과거로 얼마나 전달되는지 "
        "봅니다.\n\n"
        "일의 대부분은 항등 행렬이 합니다. 기본 입력(× 1)에서는 Le 외의 아주 작은 입력 가중치 때문에 은닉 상태가 "
        "0 근처에 머물고 그곳에서 tanh' ≈ 1이라, **항등 + tanh가 IRNN보다 위에** 있습니다. IRNN의 ReLU 유닛은 "
        "꺼지면(a ≤ 0) 그 경로를 완전히 끊기 때문입니다 (끊긴 곳: 남은 경로가 없음). ReLU가 빛나는 것은 학습이 "
        "그렇게 만들듯 은닉 상태가 커질 때입니다: 입력을 × 300으로 키우면 tanh는 포화되지만 ReLU의 기울기는 "
        "1로 남습니다.",
        "Seed 004: the trouble with gradients of composed functions eases when each step is close to the "
        "identity. With W_h = I and a ReLU (Le et al. 2015), ∂h_t/∂h_(t−1) = I along the units that stay "
        "active, so the gradient passes unchanged however large the states grow. Only the last step is scored "
        "(‖∂L/∂h_T‖ = 1); the chart shows how much reaches the past.\n\n"
        "The identity matrix does most of the work. At the default input (× 1), Le et al.'s tiny input weights "
        "keep the states near 0, where tanh' ≈ 1, so **identity + tanh lies above the IRNN**: a ReLU unit that "
        "switches off (a ≤ 0) cuts its path for good (gaps: no path left). ReLU pays off when the states grow, "
        "as training makes them: raise the input to × 300 and tanh saturates while ReLU's slope stays 1.",
    ),
    "remedies.irnn.title": Text("마지막 시각의 기울기가 과거로 전달되는 크기 (W_h × {scale:g}, 입력 × {amplitude:g})",
                                "How much of the last step's gradient reaches the past (W_h × {scale:g}, input × "
                                "{amplitude:g})"),
    "remedies.irnn.irnn": Text("항등 W_h + ReLU (IRNN)", "Identity W_h + ReLU (IRNN)"),
    "remedies.irnn.identity_tanh": Text("항등 W_h + tanh", "Identity W_h + tanh"),
    "remedies.irnn.pytorch_tanh": Text("PyTorch 초기화 + tanh", "PyTorch init + tanh"),
    "remedies.irnn.gaps": Text(
        "끊긴 곳: 기울기가 정확히 0 (ReLU가 모든 경로를 막았거나 tanh' = 0으로 포화) 또는 10⁻³⁰⁰ 미만.",
        "Gaps: the gradient is exactly 0 (ReLU closed every path, or tanh saturated to tanh' = 0) or below 10⁻³⁰⁰.",
    ),
    "remedies.axis.time_step": Text("시각 t", "Time step t"),
    "remedies.note.clipped": Text("10⁻³⁰⁰ 미만의 값은 10⁻³⁰⁰으로 잘라 그렸습니다.", "Values below 10⁻³⁰⁰ are drawn at 10⁻³⁰⁰."),
    "remedies.look": Text(
        "해결책마다 기울기의 무엇을 바꾸는지 보세요. 예를 들어 클리핑은 방향은 그대로 두고(코사인 1) 노름만 약 22에서 5로 줄입니다.",
        "Watch what each remedy changes: clipping, for one, keeps the direction (cosine 1) and only shrinks the norm, from about 22 to 5.",
    ),
}
