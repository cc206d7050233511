"""Centred finite differences: the independent check every gradient in the app is held to."""

import numpy as np


def numerical_gradient(f, x, eps=1e-6):
    """``∂f/∂x`` for a scalar function ``f()`` of the array ``x``, which is perturbed in place (and
    restored). Same shape as ``x``; the error is about ``eps² · f''' + 1e-16 / eps`` ≈ 1e-10."""
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        up = f()
        x[i] = old - eps
        down = f()
        x[i] = old
        grad[i] = (up - down) / (2 * eps)
    return grad
