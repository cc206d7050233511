"""Stacked and bidirectional networks as tidy tables of gradient norms (seeds 001, 003, 004).

Both build their networks and inputs from primitive settings (as the pages do) and call the engine's
``core.stacked_gradient_norms`` / ``core.bidirectional_gradient_norms``. Shapes: ``T`` time, ``H``
hidden; the batch is one sequence of N(0, 1) inputs of size ``I`` drawn from ``default_rng(seed)``.
"""

import numpy as np
import pandas as pd

from rnnviz import core
from rnnviz.core.validate import check_positive_int, check_seed

INPUT_SIZE = 4
DIRECTIONS = ("forward", "backward", "both")


def _biases(cell, forget_bias, update_bias):
    """The gate biases that apply to ``cell`` (the others are ignored, as a page's shared controls need)."""
    return {"forget_bias": forget_bias if cell == "lstm" else 0.0, "update_bias": update_bias if cell == "gru" else 0.0}


def _input(T, seed):
    return np.random.default_rng(check_seed(seed)).standard_normal((check_positive_int("T", T), 1, INPUT_SIZE))


def stacked_gradient_table(cell="rnn", layers=3, T=50, H=16, *, init="orthogonal", scale=1.0, forget_bias=0.0,
                           update_bias=0.0, nonlinearity="tanh", gru_variant="classic", seed=0):
    """``‖∂L/∂h_t^{(l)}‖`` over (layer, t) for a loss at the last step of the top layer.

    Layers from ``core.init_stacked_params(cell, 4, H, layers, ...)``; ``forget_bias`` applies to the LSTM
    only and ``update_bias`` (raw, see ``core.gru_keep_bias``) to the GRU only. Tidy: ``layer`` (0 = bottom),
    ``t``, ``log10_grad_norm`` (``−inf``: exactly zero).
    """
    params = core.init_stacked_params(cell, INPUT_SIZE, check_positive_int("H", H), layers, init=init, scale=scale,
                                      seed=seed, **_biases(cell, forget_bias, update_bias))
    norms = core.stacked_gradient_norms(cell, params, _input(T, seed), nonlinearity=nonlinearity,
                                        gru_variant=gru_variant)  # (L, T)
    n_layers, n_t = norms.shape
    return pd.DataFrame({
        "layer": np.repeat(np.arange(n_layers), n_t),
        "t": np.tile(np.arange(n_t), n_layers),
        "log10_grad_norm": norms.ravel(),
    })


def bidirectional_gradient_table(cell="rnn", T=50, H=16, position=None, *, init="orthogonal", scale=1.0,
                                 forget_bias=0.0, update_bias=0.0, nonlinearity="tanh", gru_variant="classic",
                                 seed=0):
    """Where each direction of a bidirectional network carries the gradient of a loss at ``position``
    (default the middle, ``T // 2``) back to the inputs.

    The two directions are ``core.init_params(cell, 4, H, ..., seed=seed)`` (forward) and ``seed + 1``
    (backward). Tidy, one row per (direction, t): ``direction`` (``forward``, ``backward``, ``both``),
    ``t``, ``log10_grad_norm`` (``log10 ‖∂L/∂x_t‖`` through that direction; ``both`` is the total) and
    ``log10_grad_h`` (that direction's ``log10 ‖∂L/∂h_t‖``; NaN for ``both``). ``−inf``: no path.
    """
    n_h = check_positive_int("H", H)
    seed = check_seed(seed)
    position = T // 2 if position is None else position

    def make(direction_seed):
        return core.init_params(cell, INPUT_SIZE, n_h, init=init, scale=scale, seed=direction_seed,
                                **_biases(cell, forget_bias, update_bias))

    norms = core.bidirectional_gradient_norms(cell, make(seed), make((seed + 1) % 2**32), _input(T, seed),
                                              position, nonlinearity=nonlinearity, gru_variant=gru_variant)
    nan = np.full(T, np.nan)
    columns = {
        "forward": (norms["dx_forward"], norms["dh_forward"]),
        "backward": (norms["dx_backward"], norms["dh_backward"]),
        "both": (norms["dx"], nan),
    }
    return pd.DataFrame({
        "direction": np.repeat(DIRECTIONS, T),
        "t": np.tile(np.arange(T), len(DIRECTIONS)),
        "log10_grad_norm": np.concatenate([columns[d][0] for d in DIRECTIONS]),
        "log10_grad_h": np.concatenate([columns[d][1] for d in DIRECTIONS]),
    })


# --------------------------------------------------------------------- input/output shapes (seed 001)
IO_SHAPES = ("one_to_many", "many_to_one", "many_to_many", "encoder_decoder")


def io_shape_layout(shape, T):
    """Where a shape of seed 001's slide has inputs and where it has a loss: two ``(T,)`` bool arrays.

    ``one_to_many`` (e.g. image captioning): one input at t = 0, an output and its loss at every step.
    ``many_to_one`` (e.g. sentiment): inputs at every step, one loss at the last step.
    ``many_to_many`` (e.g. tagging): an input and a loss at every step.
    ``encoder_decoder`` (e.g. translation): inputs in the first half, losses in the second.
    """
    n_t = check_positive_int("T", T)
    steps = np.arange(n_t)
    half = n_t // 2
    layouts = {
        "one_to_many": (steps == 0, np.ones(n_t, dtype=bool)),
        "many_to_one": (np.ones(n_t, dtype=bool), steps == n_t - 1),
        "many_to_many": (np.ones(n_t, dtype=bool), np.ones(n_t, dtype=bool)),
        "encoder_decoder": (steps < max(half, 1), steps >= max(half, 1) if n_t > 1 else steps == 0),
    }
    if shape not in layouts:
        raise ValueError(f"shape must be one of {IO_SHAPES}; got {shape!r}")
    return layouts[shape]


def io_shape_gradients(T=10, H=8, *, scale=1.0, seed=0, nonlinearity="tanh"):
    """For each input/output shape, how much gradient reaches each hidden state and each input.

    A vanilla RNN (``core.init_params("rnn", 4, H, init="orthogonal", scale=scale, seed=seed)``) reads N(0, 1)
    inputs where the shape has them (zeros elsewhere); the loss is ``L = Σ_{t with a loss} u·h_t`` with
    ``u = ones(H)/√H``. Tidy, one row per (shape, t): ``shape``, ``t``, ``input`` and ``loss`` (bool),
    ``log10_grad_h`` (``log10 ‖∂L/∂h_t‖``), ``log10_grad_x`` (``log10 ‖∂L/∂x_t‖`` where there is an input,
    NaN elsewhere) and ``losses_after`` (how many losses lie at t or later: the paths into h_t).
    """
    n_h = check_positive_int("H", H)
    params = core.init_params("rnn", INPUT_SIZE, n_h, init="orthogonal", scale=scale, seed=check_seed(seed))
    noise = _input(T, seed)  # (T, 1, I)
    rows = []
    for shape in IO_SHAPES:
        has_input, has_loss = io_shape_layout(shape, T)
        x = noise * has_input[:, None, None]
        trace = core.forward("rnn", params, x, nonlinearity=nonlinearity)
        dh = np.zeros_like(trace.h)  # (T, B, H)
        dh[has_loss] = 1.0 / np.sqrt(n_h)
        grads = core.backward(trace, dh)
        with np.errstate(divide="ignore"):
            log_h = np.log10(np.linalg.norm(grads.dh[:, 0], axis=1))
            log_x = np.where(has_input, np.log10(np.linalg.norm(grads.dx[:, 0], axis=1)), np.nan)
        after = np.cumsum(has_loss[::-1])[::-1]
        for t in range(T):
            rows.append((shape, t, bool(has_input[t]), bool(has_loss[t]), float(log_h[t]), float(log_x[t]),
                         int(after[t])))
    return pd.DataFrame(rows, columns=["shape", "t", "input", "loss", "log10_grad_h", "log10_grad_x", "losses_after"])


# ------------------------------------------------------------- weight sharing and the output layer (seed 001)
def unfolded_example(T=5, H=4, V=4, *, scale=1.0, seed=0):
    """A vanilla RNN with seed 001's output layer ``y_t = softmax(W_hy h_t + b_o)`` and a cross-entropy loss at
    every step, ``L = Σ_t −log y_t[target_t]`` (targets drawn from ``default_rng(seed)``).

    The same ``W_xh``, ``W_hh``, ``W_hy`` act at every step (weight sharing), so each one's gradient is the
    sum over t of one contribution per step. Returns a dict: ``loss`` (T,) ``L_t``; ``probs`` (T, V) ``y_t``;
    ``targets`` (T,); ``contrib[name]`` (T,) the norm of step t's contribution to ``∂L/∂W`` for ``name`` in
    ``W_xh``, ``W_hh``, ``W_hy`` (step t's terms: ``da_t x_tᵀ``, ``da_t h_{t−1}ᵀ``, ``(y_t − onehot) h_tᵀ``);
    ``total[name]`` the norm of the whole gradient (the norm of the sum, not the sum of the norms); ``grads``
    {name: array} the whole gradients (``W_hh`` and ``W_xh`` equal ``core.backward``'s ``weight_hh``,
    ``weight_ih``).
    """
    n_h, n_v = check_positive_int("H", H), check_positive_int("V", V)
    rng = np.random.default_rng(check_seed(seed))
    params = core.init_params("rnn", INPUT_SIZE, n_h, init="orthogonal", scale=scale, seed=seed)
    w_hy = rng.uniform(-1.0, 1.0, size=(n_v, n_h)) / np.sqrt(n_h)  # (V, H)
    b_o = np.zeros(n_v)
    targets = rng.integers(0, n_v, size=check_positive_int("T", T))
    x = _input(T, seed)  # (T, 1, I)
    trace = core.forward("rnn", params, x)
    h = trace.h[:, 0]  # (T, H)
    logits = h @ w_hy.T + b_o  # (T, V)
    shifted = logits - logits.max(axis=1, keepdims=True)
    probs = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)  # (T, V)
    loss = -np.log(probs[np.arange(T), targets])
    dlogits = probs.copy()
    dlogits[np.arange(T), targets] -= 1.0  # (T, V): ∂L_t/∂(W_hy h_t + b_o)
    dh = (dlogits @ w_hy)[:, None, :]  # (T, 1, H)
    grads = core.backward(trace, dh)
    da = grads.dh[:, 0] * (1.0 - h**2)  # (T, H): tanh' = 1 − h_t²
    h_prev = np.vstack([np.zeros((1, n_h)), h[:-1]])  # (T, H), h_{−1} = 0
    per_step = {
        "W_xh": np.einsum("th,ti->thi", da, x[:, 0]),
        "W_hh": np.einsum("th,tk->thk", da, h_prev),
        "W_hy": np.einsum("tv,th->tvh", dlogits, h),
    }
    return {
        "loss": loss, "probs": probs, "targets": targets,
        "contrib": {name: np.linalg.norm(terms, axis=(1, 2)) for name, terms in per_step.items()},
        "total": {name: float(np.linalg.norm(terms.sum(axis=0))) for name, terms in per_step.items()},
        "grads": {name: terms.sum(axis=0) for name, terms in per_step.items()},
        "engine": {"W_xh": grads.params["weight_ih"], "W_hh": grads.params["weight_hh"]},
    }
