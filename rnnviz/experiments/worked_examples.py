"""Seed 004's first two worked recurrent computations, with their numbers.

Example 1: linear unit, ``w_x = w_h = w_y = 1``, ``h_0 = 0``, inputs ``2, −0.5, 1, 1``:
``h = y = 2, 1.5, 2.5, 3.5``. Seed typos (numbers are right, indices/products are not):
its ``h_1`` line reads ``1 + 0·2`` for ``1·2 + 1·0``, and its ``y_3``/``y_4`` lines write
``w_y h_2``/``w_y h_3`` where ``w_y h_3``/``w_y h_4`` is meant.

Example 2: two inputs, ``w_{x1} = 1``, ``w_{x2} = −1``, ``w_h = 1``, ``w_y = 5``, logistic output
``y = 1/(1 + e^{−w_y h}) = σ(w_y h)``; inputs ``(2, −2), (0, 3.5), (1, 2.2)`` give
``h = 4, 0.5, −0.7``. The seed's substituted expressions drop the minus sign of the exponent
(``1/(1 + e^{5·4})``), which would be ``σ(−w_y h)``; the correct outputs are
``σ(20) ≈ 0.9999999979``, ``σ(2.5) ≈ 0.9241``, ``σ(−3.5) ≈ 0.0293``. Its 2nd and 3rd lines
also keep the labels ``x_{11}, x_{12}, h_1, y_1`` of the first step.
Shapes: ``T`` steps, ``I`` inputs per step; the unit is scalar.
"""

import numpy as np

from rnnviz.experiments.derivatives import sigmoid

EXAMPLE1_INPUTS = (2.0, -0.5, 1.0, 1.0)
EXAMPLE2_INPUTS = ((2.0, -2.0), (0.0, 3.5), (1.0, 2.2))


def linear_recurrent_unit(xs, w_x=1.0, w_h=1.0, w_y=1.0, h0=0.0):
    """Example 1: ``h_t = w_x x_t + w_h h_{t−1}``, ``y_t = w_y h_t``.

    ``xs`` is ``(T,)``. Returns ``(hs (T,), ys (T,))``.
    """
    xs = np.asarray(xs, dtype=np.float64)
    if xs.ndim != 1:
        raise ValueError(f"xs must have shape (T,), got {xs.shape}")
    hs = np.empty_like(xs)
    h = float(h0)
    for t, x in enumerate(xs):
        h = w_x * x + w_h * h
        hs[t] = h
    return hs, w_y * hs


def example1():
    """Seed 004 example 1 with its defaults: dict with ``x``, ``h``, ``y`` (each ``(4,)``)."""
    hs, ys = linear_recurrent_unit(EXAMPLE1_INPUTS)
    return {"x": np.array(EXAMPLE1_INPUTS), "h": hs, "y": ys}


def two_input_unit(xs, w_x=(1.0, -1.0), w_h=1.0, w_y=5.0, h0=0.0):
    """Example 2: ``h_t = w_x · x_t + w_h h_{t−1}``, ``y_t = σ(w_y h_t)``.

    ``xs`` is ``(T, I)``, ``w_x`` is ``(I,)``. Returns a dict of ``(T,)`` arrays: ``h``,
    ``y`` (correct ``σ(w_y h)``) and ``y_seed_sign_slip`` (the seed's literal
    ``1/(1 + e^{+w_y h})``, shown only to explain the slip).
    """
    xs = np.asarray(xs, dtype=np.float64)
    w_x = np.asarray(w_x, dtype=np.float64)
    if xs.ndim != 2 or w_x.shape != (xs.shape[1],):
        raise ValueError(f"xs must be (T, I) and w_x (I,); got xs {xs.shape}, w_x {w_x.shape}")
    hs = np.empty(xs.shape[0])
    h = float(h0)
    for t in range(xs.shape[0]):
        h = float(xs[t] @ w_x) + w_h * h
        hs[t] = h
    return {"h": hs, "y": sigmoid(w_y * hs), "y_seed_sign_slip": sigmoid(-w_y * hs)}


def example2():
    """Seed 004 example 2 with its defaults: dict with ``x`` ``(3, 2)``, ``h``, ``y``,
    ``y_seed_sign_slip`` (each ``(3,)``)."""
    out = two_input_unit(EXAMPLE2_INPUTS)
    out["x"] = np.array(EXAMPLE2_INPUTS)
    return out
