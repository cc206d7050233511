"""Activations and their derivatives, and products of derivatives along a trajectory.

Reproduces seed 000's graph of ``tanh`` and its derivative (``tanh' <= 1``, equal to 1 only at
0, shrinking away from 0) and the ``Π φ'(z_k)`` factor of seeds 001 and 004. ``σ' <= 1/4``.
The activations and their derivatives are the engine's (``rnnviz.core.activations``), taking any
shape (scalars too); only the log-space derivative is written here.
Shapes: any array shape ``(...)``; trajectories are ``(T, ...)``.
"""

import numpy as np

from rnnviz.core import activations

ACTIVATIONS = ("tanh", "sigmoid", "relu", "linear")
_LN10 = np.log(10.0)


def _check_phi(phi):
    if phi not in ACTIVATIONS:
        raise ValueError(f"phi must be one of {ACTIVATIONS}, got {phi!r}")


def sigmoid(z):
    """Numerically stable logistic function ``1 / (1 + e^{-z})``, elementwise (the engine's). Shape ``(...)``."""
    z = np.asarray(z, dtype=np.float64)
    return activations.sigmoid(np.atleast_1d(z)).reshape(z.shape)


def sigmoid_prime(z):
    """``σ'(z) = σ(z)(1 − σ(z))``; maximum 1/4 at 0. Shape ``(...)``."""
    return activations.sigmoid_grad_from_output(sigmoid(z))


def tanh(z):
    """``tanh(z)`` in float64. Shape ``(...)``."""
    return activations.activate("tanh", np.asarray(z, dtype=np.float64))


def tanh_prime(z):
    """``tanh'(z) = 1 − tanh²(z)``; equals 1 only at 0 (seed 000). Shape ``(...)``."""
    return activations.tanh_grad_from_output(tanh(z))


def relu(z):
    """``max(z, 0)``. Shape ``(...)``."""
    return activations.activate("relu", np.asarray(z, dtype=np.float64))


def relu_prime(z):
    """``1`` where ``z > 0`` else ``0`` (the value at 0 is taken as 0, as PyTorch does)."""
    return activations.activation_grad("relu", np.asarray(z, dtype=np.float64), None)


def activation(z, phi="tanh"):
    """``φ(z)`` for ``phi`` in ``ACTIVATIONS``. Shape ``(...)``."""
    _check_phi(phi)
    z = np.asarray(z, dtype=np.float64)
    return sigmoid(z) if phi == "sigmoid" else activations.activate(phi, z)


def activation_prime(z, phi="tanh"):
    """``φ'(z)`` for ``phi`` in ``ACTIVATIONS``. Shape ``(...)``."""
    _check_phi(phi)
    z = np.asarray(z, dtype=np.float64)
    if phi == "sigmoid":
        return sigmoid_prime(z)
    return activations.activation_grad(phi, z, activations.activate(phi, z))


def log10_activation_prime(z, phi="tanh"):
    """``log10 φ'(z)`` computed without underflow (``tanh'(30)`` is 0 in float64, its log is not).

    ``relu`` gives ``-inf`` where ``z <= 0`` (the derivative is exactly 0 there). Shape ``(...)``.
    """
    _check_phi(phi)
    z = np.asarray(z, dtype=np.float64)
    a = np.abs(z)
    if phi == "tanh":  # tanh' = sech² = 4 e^{-2|z|} / (1 + e^{-2|z|})²
        ln = np.log(4.0) - 2.0 * a - 2.0 * np.log1p(np.exp(-2.0 * a))
    elif phi == "sigmoid":  # σ' = e^{-|z|} / (1 + e^{-|z|})²
        ln = -a - 2.0 * np.log1p(np.exp(-a))
    elif phi == "relu":
        with np.errstate(divide="ignore"):
            ln = np.log(relu_prime(z))
    else:
        ln = np.zeros_like(z)
    return ln / _LN10


def activation_curves(x):
    """Seed 000's figure 5 and friends on a grid ``x`` of shape ``(n,)``.

    Returns a dict of ``(n,)`` arrays: ``x``, ``tanh``, ``tanh_prime``, ``sigmoid``,
    ``sigmoid_prime``, ``relu``, ``relu_prime``.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"x must be a non-empty 1-D grid of shape (n,), got shape {x.shape}")
    return {
        "x": x,
        "tanh": tanh(x),
        "tanh_prime": tanh_prime(x),
        "sigmoid": sigmoid(x),
        "sigmoid_prime": sigmoid_prime(x),
        "relu": relu(x),
        "relu_prime": relu_prime(x),
    }


def vanilla_trajectory(W, xs, h0, phi="tanh"):
    """Run ``h_t = φ(W h_{t-1} + x_t)`` (column-vector convention of seed 001) and keep ``z_t``.

    ``W`` is ``(H, H)`` (or a scalar for the scalar case), ``xs`` is ``(T, H)`` (or ``(T,)``
    when scalar), ``h0`` is ``(H,)`` (or a scalar). Returns ``(zs, hs)``, both ``(T, H)``
    (or ``(T,)``).
    """
    W = np.asarray(W, dtype=np.float64)
    xs = np.asarray(xs, dtype=np.float64)
    h = np.asarray(h0, dtype=np.float64)
    if W.ndim == 0:
        if xs.ndim != 1 or h.ndim != 0:
            raise ValueError("scalar W needs xs of shape (T,) and a scalar h0")
    else:
        H = h.shape[0] if h.ndim == 1 else -1
        if W.ndim != 2 or W.shape != (H, H) or xs.ndim != 2 or xs.shape[1] != H:
            raise ValueError(
                f"W must be (H, H), xs (T, H), h0 (H,); got W {W.shape}, xs {xs.shape}, h0 {h.shape}"
            )
    zs = np.empty_like(xs)
    hs = np.empty_like(xs)
    for t in range(xs.shape[0]):
        zs[t] = (W * h if W.ndim == 0 else W @ h) + xs[t]
        h = activation(zs[t], phi)
        hs[t] = h
    return zs, hs


def derivative_product_along_trajectory(zs, phi="tanh"):
    """Running product ``Π_{k<=t} φ'(z_k)`` along a trajectory, in log10 (never underflows).

    ``zs`` is ``(T, ...)`` (pre-activations, e.g. from ``vanilla_trajectory``). Returns
    ``log10_products`` of shape ``(T, ...)``: entry ``t`` is ``Σ_{k=0..t} log10 φ'(z_k)``,
    elementwise (the diagonal Jacobian factors; the ``W`` factors are left out).
    """
    zs = np.asarray(zs, dtype=np.float64)
    if zs.ndim < 1 or zs.shape[0] == 0:
        raise ValueError(f"zs must have shape (T, ...) with T >= 1, got {zs.shape}")
    return np.cumsum(log10_activation_prime(zs, phi), axis=0)
