"""Finite-difference reference for the engine's gradients (a test helper, not a test).

The reference loss is ``L = Σ_t Σ dh_t ⊙ h_t``. It is computed by stepping the cell one time step
at a time (``forward`` on ``T = 1``), which lets it (a) restart each truncation block from the
stored boundary state of the unperturbed run (a stop-gradient at block boundaries) and (b) add a
perturbation to ``h_t`` or ``c_t`` inside the recurrence. Shapes: ``(T, B, ...)``.
"""

from dataclasses import dataclass, field

import numpy as np

from rnnviz import core

EPS = 1e-6


@dataclass
class Case:
    """One configuration to check: the cell, its options, and the point at which to differentiate."""

    cell: str
    params: dict  # PyTorch layout
    x: np.ndarray  # (T, B, I)
    h0: np.ndarray  # (B, H)
    c0: np.ndarray | None  # (B, H), LSTM only
    dh: np.ndarray  # (T, B, H) loss weights
    options: dict = field(default_factory=dict)  # nonlinearity / gru_variant
    truncate: int | None = None

    def block_starts(self):
        n_t = self.x.shape[0]
        k = self.truncate or n_t
        return set(range(k, n_t, k))


def make_case(cell, *, nonlinearity="tanh", gru_variant="classic", truncate=None, seed=0, T=5, B=2, I=3, H=4):
    rng = np.random.default_rng(seed)
    g = core.gate_count(cell)
    params = {
        "weight_ih": rng.uniform(-0.8, 0.8, (g * H, I)),
        "weight_hh": rng.uniform(-0.8, 0.8, (g * H, H)),
        "bias_ih": rng.uniform(-0.3, 0.3, g * H),
        "bias_hh": rng.uniform(-0.3, 0.3, g * H),
    }
    return Case(
        cell=cell,
        params=params,
        x=rng.standard_normal((T, B, I)),
        h0=rng.uniform(-0.5, 0.5, (B, H)),
        c0=rng.uniform(-0.5, 0.5, (B, H)) if cell == "lstm" else None,
        dh=rng.standard_normal((T, B, H)),
        options={"nonlinearity": nonlinearity, "gru_variant": gru_variant},
        truncate=truncate,
    )


def stepped_loss(case, params=None, x=None, h0=None, c0=None, bump=None):
    """``L`` with each block started from the unperturbed run's boundary state.

    params, x, h0, c0 replace the case's values when given; bump = ``(t, dh_t, dc_t)`` adds dh_t (and
    dc_t, LSTM) to the state of step t: a bumped ``c_t`` is used for ``h_t`` and for step t + 1, a
    bumped ``h_t`` for the loss and step t + 1.
    """
    params = case.params if params is None else params
    x = case.x if x is None else x
    h = case.h0 if h0 is None else h0
    c = case.c0 if c0 is None else c0
    boundary = core.forward(case.cell, case.params, case.x, case.h0, case.c0, **case.options)
    starts = case.block_starts()
    total = 0.0
    for t in range(x.shape[0]):
        if t in starts:  # stop-gradient: restart from the unperturbed state
            h = boundary.h[t - 1]
            c = boundary.c[t - 1] if boundary.c is not None else None
        step = core.forward(case.cell, params, x[t : t + 1], h, c, **case.options)
        h = step.h[0].copy()
        c = step.c[0].copy() if step.c is not None else None
        if bump is not None and bump[0] == t:
            if bump[2] is not None:  # c_t feeds h_t = o_t ⊙ tanh(c_t) (seed 001) and c_{t+1}
                c = c + bump[2]
                h = step.gates["o"][0] * np.tanh(c)
            h = h + bump[1]
        total += float(np.sum(case.dh[t] * h))  # the bump counts here too: dL/dh_t is the total
    return total


def numerical_gradient(f, shape):
    """Centred differences of the scalar ``f(delta)`` at ``delta = 0`` for every entry; ``delta`` has ``shape``."""
    grad = np.zeros(shape)
    delta = np.zeros(shape)
    for idx in np.ndindex(*shape):
        delta[idx] = EPS
        up = f(delta)
        delta[idx] = -EPS
        down = f(delta)
        delta[idx] = 0.0
        grad[idx] = (up - down) / (2 * EPS)
    return grad


def relative_error(a, b):
    """``‖a − b‖ / (‖a‖ + ‖b‖)`` over the whole array (0 when both are 0)."""
    den = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if den == 0 else float(np.linalg.norm(a - b) / den)
