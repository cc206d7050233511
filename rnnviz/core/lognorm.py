"""Long products of Jacobians kept finite: a unit-norm factor times ``10**log10_scale``.

A product ``P = J_{T−1} … J_{t+1}`` is stored as ``M · 10**L`` with ``‖M‖_F = 1`` after every factor,
so ``log10 σ(P) = L + log10 σ(M)`` never overflows or underflows however long the chain.
An exactly zero product (e.g. every ReLU unit off) is reported as ``-inf``: that is the true value.
"""

from dataclasses import dataclass

import numpy as np

from rnnviz.core.jacobian import _check_trace, _jacobians


@dataclass(frozen=True)
class JacobianProducts:
    """Singular values of ``∂h_{T−1}/∂h_t`` for every step ``t`` of one batch row (all log10).

    Row ``t`` is the product of the ``T − 1 − t`` step Jacobians ``J_{T−1} … J_{t+1}``; row ``T − 1``
    is the identity. ``h0`` is one step further back: ``log10_norm_h0``.
    """

    cell: str  # "rnn" | "lstm" | "gru"
    log10_norm: np.ndarray  # (T,) log10 σ_max(∂h_{T−1}/∂h_t); NaN where not computed (see `every`)
    log10_spectrum: np.ndarray  # (T, H) all singular values, descending; NaN where not computed
    log10_step_norm: np.ndarray  # (T,) log10 σ_max(J_t), J_t = ∂h_t/∂h_{t−1} (LSTM: c_{t−1} fixed)
    log10_norm_h0: float  # log10 σ_max(∂h_{T−1}/∂h0)
    log10_norm_from_c: np.ndarray | None  # (T,) LSTM: log10 σ_max(∂h_{T−1}/∂c_t); else None
    log10_forget_path: np.ndarray | None  # (T, H) LSTM: log10 Π_{s>t} f_s, the constant error path
    every: int  # singular values of the products were taken at t = T−1, T−1−every, …


def unit_and_log10(x, axes):
    """Split ``x`` into ``u · 10**L`` with ``‖u‖_F = 1`` over ``axes``.

    Returns ``(u, L)``: ``u`` the shape of ``x``, ``L`` the shape of ``x`` without ``axes``.
    Where the norm is 0, ``u`` is 0 and ``L`` is ``-inf``.
    """
    n = np.sqrt(np.sum(x * x, axis=axes, keepdims=True))
    safe = np.where(n > 0.0, n, 1.0)
    with np.errstate(divide="ignore"):
        log10 = np.log10(np.squeeze(n, axis=axes))
    return x / safe, log10


def jacobian_products(trace, *, batch=0, every=1, chunk=64):
    """Renormalised products ``∂h_{T−1}/∂h_t`` of a Trace, for batch row ``batch``.

    For the LSTM the products are over the full state ``(h, c)`` (``2H × 2H``) and the h-from-h block
    is reported in ``log10_norm``/``log10_spectrum``, the h-from-c block in ``log10_norm_from_c``.
    ``every`` (>= 1): the singular values of the products (an SVD per step, the dominant cost) are
    taken only at ``t = T−1, T−1−every, …``; other rows are NaN. ``log10_step_norm`` is always full.
    ``chunk`` steps of Jacobians are held in memory at once. Cost: T = 1000, H = 128 takes about
    3 s with ``every=1`` (two batched SVDs of ``(T, H, H)``) on one core.
    """
    _check_trace(trace)
    T, B, H = trace.h.shape
    if not (isinstance(batch, (int, np.integer)) and 0 <= batch < B):
        raise ValueError(f"batch must be an int in [0, {B}); got {batch!r}")
    if not (isinstance(every, (int, np.integer)) and every >= 1):
        raise ValueError(f"every must be an int >= 1; got {every!r}")
    if not (isinstance(chunk, (int, np.integer)) and chunk >= 1):
        raise ValueError(f"chunk must be an int >= 1; got {chunk!r}")
    is_lstm = trace.cell == "lstm"
    D = 2 * H if is_lstm else H
    norm = np.full(T, np.nan)
    spectrum = np.full((T, H), np.nan)
    from_c = np.full(T, np.nan) if is_lstm else None
    step_norm = np.empty(T)
    unit, log10_scale = np.eye(D), 0.0  # the product so far, P = unit · 10**log10_scale
    for stop in range(T, 0, -chunk):
        start = max(0, stop - chunk)
        jac = _jacobians(trace, slice(start, stop), slice(batch, batch + 1), state=is_lstm)[:, 0]
        step_norm[start:stop] = _log10_top(jac[:, :H, :H])
        kept, kept_t, kept_scale = [], [], []
        for t in range(stop - 1, start - 1, -1):
            if (T - 1 - t) % every == 0:
                kept.append(unit[:H])
                kept_t.append(t)
                kept_scale.append(log10_scale)
            unit, step_log10 = unit_and_log10(unit @ jac[t - start], (0, 1))
            log10_scale = log10_scale + float(step_log10)
        if kept:
            rows = np.stack(kept)  # (k, H, D)
            scale = np.array(kept_scale)[:, None]
            with np.errstate(divide="ignore"):
                spectrum[kept_t] = scale + np.log10(np.linalg.svd(rows[:, :, :H], compute_uv=False))
                if is_lstm:
                    from_c[kept_t] = scale[:, 0] + _log10_top(rows[:, :, H:])
            norm[kept_t] = spectrum[kept_t, 0]
    with np.errstate(divide="ignore"):
        norm_h0 = log10_scale + float(np.log10(np.linalg.norm(unit[:H, :H], 2)))
    return JacobianProducts(
        cell=trace.cell, log10_norm=norm, log10_spectrum=spectrum, log10_step_norm=step_norm,
        log10_norm_h0=norm_h0, log10_norm_from_c=from_c,
        log10_forget_path=_log10_forget_path(trace, batch) if is_lstm else None, every=int(every))


def _log10_top(m):
    """log10 of the largest singular value of each matrix in ``m`` ``(k, a, b)`` -> ``(k,)``."""
    with np.errstate(divide="ignore"):
        return np.log10(np.linalg.svd(m, compute_uv=False)[:, 0])


def _log10_forget_path(trace, batch):
    """``log10 Π_{s=t+1}^{T−1} f_s`` per unit, ``(T, H)``: row ``T − 1`` is 0 (empty product)."""
    with np.errstate(divide="ignore"):
        log_f = np.log10(trace.gates["f"][:, batch])  # (T, H)
    tail = np.cumsum(log_f[::-1], axis=0)[::-1]  # tail[t] = Σ_{s>=t}
    return np.concatenate([tail[1:], np.zeros((1, log_f.shape[1]))])
