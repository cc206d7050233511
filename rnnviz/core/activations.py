"""Elementwise activations and their derivatives, float64.

Every function works on arrays of any shape (in the engine: ``(B, H)`` or ``(B, G*H)`` per step).
Derivatives are written in terms of the activation's output where that is cheaper, the way the
backward pass uses them.
"""

import numpy as np

from rnnviz.core.validate import NONLINEARITIES


def sigmoid(x, out=None):
    """Logistic function ``1 / (1 + exp(-x))`` without overflow and with full relative precision.

    Uses ``e = exp(-|x|)``: ``1 / (1 + e)`` for ``x >= 0`` and ``e / (1 + e)`` for ``x < 0``, so the
    exponent is never positive. ``x`` and ``out`` have the same shape (any).
    """
    e = np.abs(x)
    np.negative(e, out=e)
    np.exp(e, out=e)
    num = np.where(x >= 0, 1.0, e)
    e += 1.0
    return np.divide(num, e, out=out)


def sigmoid_grad_from_output(s, out=None):
    """``σ'(x) = σ(x) (1 − σ(x))`` given ``s = σ(x)``; same shape as ``s`` (written to the array ``out`` if given)."""
    if out is None:
        return s * (1.0 - s)
    np.subtract(1.0, s, out=out)
    out *= s
    return out


def tanh_grad_from_output(y, out=None):
    """``tanh'(x) = 1 − tanh(x)²`` given ``y = tanh(x)``; same shape as ``y`` (written to the array ``out`` if given)."""
    if out is None:
        return 1.0 - y * y
    np.multiply(y, y, out=out)
    return np.subtract(1.0, out, out=out)


def activate(nonlinearity, a, out=None):
    """Apply the vanilla RNN's ``φ`` (``"tanh"``, ``"relu"`` or ``"linear"``) to ``a``; any shape."""
    return activation_function(nonlinearity)(a, out=out)


def activation_function(nonlinearity):
    """The vanilla RNN's ``φ`` as a function ``(a, out=None) -> φ(a)``, for a loop that applies it often."""
    if nonlinearity not in _PHI:
        raise ValueError(f"nonlinearity must be one of {NONLINEARITIES}; got {nonlinearity!r}")
    return _PHI[nonlinearity]


def _relu(a, out=None):
    return np.maximum(a, 0.0, out=out)


def _identity(a, out=None):
    if out is None:
        return a.copy()
    out[...] = a
    return out


_PHI = {"tanh": np.tanh, "relu": _relu, "linear": _identity}


def activation_grad(nonlinearity, a, y):
    """``φ'(a)`` for the vanilla RNN's ``φ``, given the pre-activation ``a`` and ``y = φ(a)``.

    ``relu'`` is taken as 0 at the kink ``a = 0``. Same shape as ``a``.
    """
    if nonlinearity == "relu":
        return (a > 0.0).astype(np.float64)
    return activation_grad_from_output(nonlinearity, y)


def activation_grad_from_output(nonlinearity, y):
    """``φ'(a)`` from ``y = φ(a)`` alone: ``tanh' = 1 − y²``, ``relu' = 1`` where ``y > 0`` (exactly where
    ``a > 0``; 0 at the kink) else 0, ``linear' = 1``. Same shape as ``y``."""
    if nonlinearity == "tanh":
        return tanh_grad_from_output(y)
    if nonlinearity == "relu":
        return (y > 0.0).astype(np.float64)
    if nonlinearity == "linear":
        return np.ones_like(y)
    raise ValueError(f"nonlinearity must be one of {NONLINEARITIES}; got {nonlinearity!r}")
