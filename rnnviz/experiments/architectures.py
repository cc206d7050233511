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
