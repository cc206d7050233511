"""Centred finite differences for the gradient checks."""

import numpy as np


def numerical_gradient(f, x, eps=1e-6):
    """d f / d x for a scalar function ``f()`` of the array ``x`` (perturbed in place)."""
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + eps
        up = f()
        x[i] = old - eps
        down = f()
        x[i] = old
        grad[i] = (up - down) / (2 * eps)
    return grad
