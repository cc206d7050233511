"""The scalar case of the vanishing/exploding gradient (seeds 001 and 004).

With one hidden unit, ``z_k = w h_{k−1} + x_k``, ``h_k = φ(z_k)``, the gradient reaching
``h_1`` from ``h_T`` is ``∂h_T/∂h_1 = Π_{k=2..T} w φ'(z_k) = w^{T−1} Π_{k=2..T} φ'(z_k)``.
Seed 004 quotes ``1.1^50 = 117.4`` and ``0.9^50 = 0.00515`` "for T = 50": these are
``w^50``, i.e. the exponent is the number of backward steps (``T − 1`` = 50 means 51 states).
"""

import numpy as np

from rnnviz.experiments.derivatives import log10_activation_prime, vanilla_trajectory


def scalar_power(w, n):
    """``w ** n`` as a float (seed 004: ``scalar_power(1.1, 50) ≈ 117.39``)."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError(f"n must be a non-negative integer, got {n!r}")
    return float(np.float64(w) ** n)


def scalar_gradient_path(w, T, h0=0.0, x=None, phi="tanh"):
    """Follow ``∂h_T/∂h_{T−j}`` backwards for ``j = 0..T−1`` along the actual trajectory.

    ``x`` is ``(T,)`` inputs (default zeros), ``h0`` the initial state. Returns a dict of
    ``(T,)`` arrays indexed by ``j`` (the number of steps travelled back):
    ``log10_w_power`` (``j·log10|w|``), ``log10_derivative_product``
    (``Σ_{k=T−j+1..T} log10 φ'(z_k)``), ``log10_gradient`` (their sum, ``log10|∂h_T/∂h_{T−j}|``),
    ``sign`` of the gradient, plus ``zs`` and ``hs`` ``(T,)`` (index ``k−1`` for step ``k``).
    """
    if isinstance(T, bool) or not isinstance(T, (int, np.integer)) or T < 1:
        raise ValueError(f"T must be a positive integer, got {T!r}")
    w = float(w)
    xs = np.zeros(T) if x is None else np.asarray(x, dtype=np.float64)
    if xs.shape != (T,):
        raise ValueError(f"x must have shape (T,) = ({T},), got {xs.shape}")
    zs, hs = vanilla_trajectory(np.float64(w), xs, np.float64(h0), phi)
    log_d = log10_activation_prime(zs, phi)  # (T,) for z_1..z_T
    j = np.arange(T)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_w = np.log10(abs(w))
        log10_w_power = np.where(j == 0, 0.0, j * log_w)
    # Σ over the last j derivatives: z_T, z_{T-1}, ..., z_{T-j+1}
    log10_derivative_product = np.concatenate(([0.0], np.cumsum(log_d[::-1])[: T - 1]))
    sign = np.where(w < 0, (-1.0) ** j, 1.0)
    return {
        "steps_back": j,
        "log10_w_power": log10_w_power,
        "log10_derivative_product": log10_derivative_product,
        "log10_gradient": log10_w_power + log10_derivative_product,
        "sign": sign,
        "zs": zs,
        "hs": hs,
    }
