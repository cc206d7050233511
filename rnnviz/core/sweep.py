"""Gradient norms ``‖∂L/∂h_t‖`` across scalings ``s · W_hh`` of the recurrent matrix, all scales at once.

Shapes: ``S`` scales, ``T`` time, ``B`` batch, ``I`` input, ``H`` hidden, ``G`` gate blocks. The
scales are stacked into a leading axis, so a state is ``(S, B, H)`` and every step is one matrix
product for all scales. The forward pass stores a small per-step cache ``(T, S, B, H)``; the
backward pass carries only the hidden-state gradient (and the LSTM's cell gradient), written as an
array times ``10**L`` per scale and rescaled whenever its norm leaves ``10**±50``, so exploding and
vanishing cases stay finite.

The cell maths is the cells' own (``rnnviz.core.cells``): their forward and backward steps run on
``(S, B, ·)`` stacks with the scale ``(S, 1, 1)`` on the recurrent product; here are only the loops.
The LSTM and GRU ignore ``nonlinearity``; only ``weight_hh`` is scaled (``bias_hh`` is not).
"""

import numpy as np

from rnnviz.core import jacobian
from rnnviz.core.cells import make_kernel
from rnnviz.core.params import gate_count
from rnnviz.core.unroll import LOSSES, unroll, validate_run
from rnnviz.core.validate import (
    as_float_array,
    check_cell,
    check_finite_scalar,
    check_gru_variant,
    check_nonlinearity,
    check_params,
)

CACHE_BUDGET_BYTES = 512 * 2**20  # above this, scales are swept in groups (one group at page sizes)


def gradient_norms_over_scales(cell, params, x, scales, *, h0=None, c0=None, nonlinearity="tanh",
                               gru_variant="classic", loss="last"):
    """``log10 ‖∂L/∂h_t‖`` (Frobenius over ``(B, H)``) for each scale, ``(S, T)``.

    ``params`` PyTorch layout (see ``rnnviz.core.params``); ``x`` ``(T, B, I)``; ``scales`` ``(S,)``
    finite; ``h0``/``c0`` ``(B, H)`` or ``None`` (zeros; ``c0`` only for the LSTM). Scale ``s`` runs
    the cell with ``s * weight_hh``. ``loss="last"``: upstream gradient ``ones(B, H)`` into
    ``h_{T−1}`` only; ``loss="every"``: into every ``h_t``. An exactly zero gradient gives ``-inf``.
    With ``relu``/``linear`` and an exploding scale the forward states themselves can overflow
    (numpy warns, as ``core.forward`` would): the linear cell's norms stay exact (``φ' = 1``), the
    ReLU's do not. With tanh, above a scale of about 2 the forward is chaotic, so any two
    implementations (this one and a loop over ``core.forward``) agree only for the first ~100 steps.
    """
    if not isinstance(loss, str) or loss not in LOSSES:
        raise ValueError(f"loss must be one of {LOSSES}; got {loss!r}")
    cell, p, x, h0, c0, nonlinearity, gru_variant = validate_run(cell, params, x, h0, c0, nonlinearity, gru_variant)
    T, B, _ = x.shape
    H = p["weight_hh"].shape[1]
    scales = as_float_array("scales", scales)
    if scales.ndim != 1 or scales.size < 1:
        raise ValueError(f"scales must have shape (S,) with S >= 1; got {scales.shape}")

    unscaled = make_kernel(cell, p, nonlinearity, gru_variant)
    ax = unscaled.project_inputs(x, lead=(1, B))  # (T, G, 1, B, H): the same for every scale
    n_cached = unscaled.cached_blocks
    group = max(1, CACHE_BUDGET_BYTES // (8 * T * B * H * n_cached))
    out = np.empty((scales.size, T))
    for lo in range(0, scales.size, group):  # a single pass unless the cache would pass the budget
        s = scales[lo:lo + group, None, None]  # (S, 1, 1)
        kernel = make_kernel(cell, p, nonlinearity, gru_variant, scale=s)
        h, c = unroll(kernel, ax, h0, c0, (s.shape[0], B), keep_pre=False)  # (T, S, B, H)
        out[lo:lo + group] = _backward_log10_norms(kernel, h, c, loss)
    return out


def critical_scale(cell, params, *, nonlinearity="tanh", gru_variant="classic", lo=1e-3, hi=100.0):
    """The scale ``s`` at which the state Jacobian at ``h = 0`` (``c = 0``), ``x = 0`` has spectral radius 1.

    Biases are included; at zero state the gates do not depend on ``s``, so the Jacobian is that of
    :func:`rnnviz.core.jacobian.cell_jacobian` with ``s * weight_hh`` (LSTM: the ``2H × 2H`` state
    Jacobian). The root of ``log ρ(s)`` is bracketed in ``[lo, hi]`` and found by bisection sped up
    with regula falsi (Illinois) steps on ``log s``, to about 1e-13 relative; each step is one
    eigenvalue problem. Returns ``None`` when ``ρ(s) − 1`` has the same sign at ``lo`` and ``hi``
    (never reached, e.g. ReLU with zero biases, where ``relu'(0) = 0`` makes the Jacobian 0; or
    already above 1 at ``lo``). With several crossings in the interval, one of them is returned.
    For the RNN ``ρ`` is linear in ``s``, so the answer is ``1/ρ(diag(φ'(b)) W_hh)``; with tanh
    and zero biases ``1/ρ(W_hh)``.
    """
    cell = check_cell(cell)
    nonlinearity = check_nonlinearity(nonlinearity)
    gru_variant = check_gru_variant(gru_variant)
    p, _, H = check_params(params, gate_count(cell), cell)
    lo = check_finite_scalar("lo", lo)
    hi = check_finite_scalar("hi", hi)
    if not 0.0 < lo < hi:
        raise ValueError(f"lo and hi must satisfy 0 < lo < hi; got lo={lo!r}, hi={hi!r}")
    derivatives = _zero_state_derivatives(cell, p, H, nonlinearity, gru_variant)

    def log_radius(u):  # log ρ(J(e^u)); -inf when J is nilpotent or zero
        jac = jacobian.assemble(cell, np.exp(u) * p["weight_hh"], derivatives, gru_variant=gru_variant,
                                state=cell == "lstm")
        with np.errstate(divide="ignore"):
            return float(np.log(np.max(np.abs(np.linalg.eigvals(jac)))))

    a, b = float(np.log(lo)), float(np.log(hi))
    fa, fb = log_radius(a), log_radius(b)
    if fa == 0.0 or fb == 0.0:
        return lo if fa == 0.0 else hi
    if (fa > 0.0) == (fb > 0.0):
        return None
    return float(np.exp(_bracketed_root(log_radius, a, b, fa, fb)))


def _bracketed_root(f, a, b, fa, fb, tol=1e-13, max_steps=200):
    """A root of ``f`` in ``[a, b]`` given ``f(a)``, ``f(b)`` of opposite signs (Illinois regula falsi).

    Falls back to a bisection step whenever a value is not finite or the secant leaves the bracket.
    """
    stale = 0  # +1: a was kept last time, -1: b was kept
    for _ in range(max_steps):
        m = 0.5 * (a + b)
        if np.isfinite(fa) and np.isfinite(fb):
            secant = b - fb * (b - a) / (fb - fa)
            m = secant if a < secant < b else m
        fm = f(m)
        if abs(fm) <= tol or b - a <= tol:
            return m
        if (fm > 0.0) == (fb > 0.0):
            b, fb = m, fm
            fa = 0.5 * fa if stale == 1 else fa
            stale = 1
        else:
            a, fa = m, fm
            fb = 0.5 * fb if stale == -1 else fb
            stale = -1
    return 0.5 * (a + b)


def _zero_state_derivatives(cell, p, H, nonlinearity, gru_variant):
    """The cell's local derivatives at ``h = 0``, ``c = 0``, ``x = 0``: one forward step of its kernel
    (arrays ``(1, 1, ·)``; at zero state they do not depend on the scale of ``W_hh``)."""
    kernel = make_kernel(cell, p, nonlinearity, gru_variant)
    zero = np.zeros((1, H))  # (B, H) with B = 1
    x = np.zeros((1, 1, p["weight_ih"].shape[1]))  # (T, B, I) with T = B = 1
    h, c = unroll(kernel, kernel.project_inputs(x), zero, zero if cell == "lstm" else None, (1,))
    pre, gates = kernel.records()
    return jacobian.local_derivatives(cell, h_prev=zero[None], c_prev=zero[None], c=c, gates=gates, pre=pre,
                                      nonlinearity=nonlinearity, gru_variant=gru_variant)


# The carried gradient is rescaled only when its squared norm leaves this range (a step's Jacobian
# would have to grow or shrink it by 10**100 or more to overflow or underflow in between).
_SQUARED_NORM_RANGE = (1e-100, 1e100)


def _backward_log10_norms(kernel, h, c, loss):
    """Run the cells' backward steps back from ``T − 1`` over the forward pass that filled ``kernel`` and
    ``h``, ``c`` ``(T, S, B, H)``; returns ``log10 ‖∂L/∂h_t‖`` ``(S, T)``.

    The carried gradient (``h``, and ``c`` for the LSTM) is ``carry · 10**log10_scale`` per scale. It
    is rescaled to unit norm (jointly over its parts) only when its squared norm leaves
    ``_SQUARED_NORM_RANGE``, which keeps it finite and normal at a few numpy calls per step.
    """
    T, S = h.shape[:2]
    with_cell = c is not None
    carry = [np.zeros(h.shape[1:]) for _ in range(2 if with_cell else 1)]  # each (S, B, H)
    dc = np.empty(h.shape[1:]) if with_cell else None  # per-step buffers of the backward step
    dax = np.empty(kernel.gate_shape(h.shape[1:-1]))  # (G, S, B, H)
    dah = np.empty_like(dax) if kernel.separate_dah else dax
    log10_scale = np.zeros(S)  # (S,)
    squared = np.empty((S, T))  # ‖carry_h‖² at each step
    log10_scales = np.empty((S, T))  # log10_scale at each step
    small, big = _SQUARED_NORM_RANGE
    for t in reversed(range(T)):
        if loss == "every" or t == T - 1:  # add ones(B, H) to ∂L/∂h_t without overflow
            top = np.maximum(log10_scale, 0.0)  # (S,)
            k_carry = (10.0 ** (log10_scale - top))[:, None, None]
            carry = [carry[0] * k_carry + (10.0 ** -top)[:, None, None]] + [part * k_carry for part in carry[1:]]
            log10_scale = top
        squared_h = np.einsum("sbh,sbh->s", carry[0], carry[0])  # (S,)
        total = squared_h if not with_cell else squared_h + np.einsum("sbh,sbh->s", carry[1], carry[1])
        if not (small < total.min() and total.max() < big):  # rescale to unit norm (an exact zero stays 0)
            norm = np.sqrt(total)
            norm[norm == 0.0] = 1.0
            carry = [part / norm[:, None, None] for part in carry]
            squared_h = squared_h / (norm * norm)
            log10_scale = log10_scale + np.log10(norm)
        squared[:, t] = squared_h
        log10_scales[:, t] = log10_scale
        if t > 0:  # the backward step of step t: ∂L/∂h_{t−1} (and ∂L/∂c_{t−1})
            step = slice(t, t + 1)
            kernel.derive(step, h[t - 1:t], h[step], c[t - 1:t] if with_cell else None, c[step] if with_cell else None)
            dh_prev, dc_prev = kernel.step_backward(0, carry[0], carry[1] if with_cell else None, dc, dax, dah)
            carry = [dh_prev, dc_prev] if with_cell else [dh_prev]
    with np.errstate(divide="ignore"):
        return log10_scales + 0.5 * np.log10(squared)
