"""Seed 004's BPTT derivation for a scalar recurrent unit::

    z_t = u x_t + w h_{t−1},  h_t = φ(z_t),  r_t = v h_t,  y_t = φ(r_t)

    ∂L/∂r_t = ∂L/∂y_t φ'(r_t)
    ∂L/∂h_t = ∂L/∂r_t v + ∂L/∂z_{t+1} w        (the second term is 0 at t = T)
    ∂L/∂z_t = ∂L/∂h_t φ'(z_t)
    ∂L/∂u = Σ_t ∂L/∂z_t x_t,  ∂L/∂v = Σ_t ∂L/∂r_t h_t,  ∂L/∂w = Σ_t ∂L/∂z_t h_{t−1}

The seed writes ``∂L/∂w^{(t)} = ∂L/∂z^{(t)} h^{(t+1)}``: an index slip, the factor is
``h^{(t−1)}`` (equivalently its final sum ``Σ_{t=1}^{T−1} ∂L/∂z^{(t+1)} h^{(t)}``, which is
right when ``h_0 = 0``). Shapes: ``T`` steps, all scalars per step.
"""

import numpy as np

from rnnviz.experiments.derivatives import activation, activation_prime


def scalar_rnn_forward(u, w, v, xs, h0=0.0, phi="tanh"):
    """Forward pass; ``xs`` is ``(T,)``. Returns dict of ``(T,)`` arrays ``z, h, r, y``."""
    xs = np.asarray(xs, dtype=np.float64)
    if xs.ndim != 1 or xs.size == 0:
        raise ValueError(f"xs must have shape (T,) with T >= 1, got {xs.shape}")
    T = xs.shape[0]
    z, h = np.empty(T), np.empty(T)
    prev = float(h0)
    for t in range(T):
        z[t] = u * xs[t] + w * prev
        h[t] = activation(z[t], phi)
        prev = h[t]
    r = v * h
    return {"z": z, "h": h, "r": r, "y": activation(r, phi)}


def scalar_bptt(u, w, v, xs, dL_dy, phi="tanh", h0=0.0):
    """Backward pass for a loss whose gradient w.r.t. ``y_t`` is ``dL_dy`` ``(T,)``.

    Returns a dict: ``dL_du``, ``dL_dw``, ``dL_dv``, ``dL_dh0`` (floats) and per-step ``(T,)``
    arrays ``dL_dr``, ``dL_dh``, ``dL_dz``, plus the forward values.
    """
    fwd = scalar_rnn_forward(u, w, v, xs, h0, phi)
    xs = np.asarray(xs, dtype=np.float64)
    dL_dy = np.asarray(dL_dy, dtype=np.float64)
    T = xs.shape[0]
    if dL_dy.shape != (T,):
        raise ValueError(f"dL_dy must have shape (T,) = ({T},), got {dL_dy.shape}")
    h_prev = np.concatenate(([float(h0)], fwd["h"][:-1]))  # (T,) h_{t−1}
    dr = dL_dy * activation_prime(fwd["r"], phi)
    dh, dz = np.empty(T), np.empty(T)
    dz_next = 0.0
    for t in reversed(range(T)):
        dh[t] = dr[t] * v + dz_next * w
        dz[t] = dh[t] * activation_prime(fwd["z"][t], phi)
        dz_next = dz[t]
    return {
        "dL_du": float(np.sum(dz * xs)),
        "dL_dw": float(np.sum(dz * h_prev)),
        "dL_dv": float(np.sum(dr * fwd["h"])),
        "dL_dh0": float(dz[0] * w),
        "dL_dr": dr,
        "dL_dh": dh,
        "dL_dz": dz,
        **fwd,
    }
