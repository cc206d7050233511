"""Gradient norms ``‖∂L/∂h_t‖`` across scalings ``s · W_hh`` of the recurrent matrix, all scales at once.

Shapes: ``S`` scales, ``T`` time, ``B`` batch, ``I`` input, ``H`` hidden, ``G`` gate blocks. The
scales are stacked into a leading axis, so a state is ``(S, B, H)`` and every step is one matrix
product for all scales. The forward pass stores a small per-step cache ``(T, S, B, H)``; the
backward pass carries only the hidden-state gradient (and the LSTM's cell gradient), written as an
array times ``10**L`` per scale and rescaled whenever its norm leaves ``10**±50``, so exploding and
vanishing cases stay finite.

Each cell's forward step sits next to its vector–Jacobian product and they share the cache.
The LSTM and GRU ignore ``nonlinearity``; only ``weight_hh`` is scaled (``bias_hh`` is not).
"""

import numpy as np

from rnnviz.core.activations import activate, activation_grad, sigmoid
from rnnviz.core.jacobian import cell_jacobian
from rnnviz.core.params import gate_count
from rnnviz.core.unroll import validate_run
from rnnviz.core.validate import (
    as_float_array,
    check_cell,
    check_finite_scalar,
    check_gru_variant,
    check_nonlinearity,
    check_params,
)

LOSSES = ("last", "every")
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
    T, B, n_in = x.shape
    H = p["weight_hh"].shape[1]
    scales = as_float_array("scales", scales)
    if scales.ndim != 1 or scales.size < 1:
        raise ValueError(f"scales must have shape (S,) with S >= 1; got {scales.shape}")

    forward, vjp, n_cached = _STEPS[cell if cell != "gru" else f"gru_{gru_variant}"]
    x_proj = (x.reshape(T * B, n_in) @ p["weight_ih"].T + p["bias_ih"]).reshape(T, B, -1)  # (T, B, G·H)
    group = max(1, CACHE_BUDGET_BYTES // (8 * T * B * H * n_cached))
    out = np.empty((scales.size, T))
    for lo in range(0, scales.size, group):  # a single pass unless the cache would pass the budget
        s = scales[lo:lo + group, None, None]  # (S, 1, 1)
        cache = forward(p, x_proj, s, h0, c0, nonlinearity)
        out[lo:lo + group] = _backward_log10_norms(vjp, p, cache, s, (B, H), T, loss, cell == "lstm")
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
    state = _zero_state_gates(cell, p, H, nonlinearity, gru_variant)

    def log_radius(u):  # log ρ(J(e^u)); -inf when J is nilpotent or zero
        jac = cell_jacobian(cell, np.exp(u) * p["weight_hh"], nonlinearity=nonlinearity,
                            gru_variant=gru_variant, state=cell == "lstm", **state)
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


def _zero_state_gates(cell, p, H, nonlinearity, gru_variant):
    """Keyword arguments for ``cell_jacobian`` at ``h = 0``, ``c = 0``, ``x = 0``; every array ``(H,)``."""
    b = p["bias_ih"] + p["bias_hh"]  # pre-activations at zero state and input, (G·H,)
    zero = np.zeros(H)
    if cell == "rnn":
        return {"h_prev": zero, "pre": {"a": b}}
    if cell == "lstm":
        i, f, o = sigmoid(b[:H]), sigmoid(b[H:2 * H]), sigmoid(b[3 * H:])
        g = np.tanh(b[2 * H:3 * H])
        return {"h_prev": zero, "c_prev": zero, "c": i * g, "gates": {"i": i, "f": f, "g": g, "o": o}}
    r, z = sigmoid(b[:H]), sigmoid(b[H:2 * H])
    hn = p["bias_hh"][2 * H:]  # W_hn · 0 + b_hn
    n_pre = p["bias_ih"][2 * H:] + (hn if gru_variant == "classic" else r * hn)
    return {"h_prev": zero, "gates": {"r": r, "z": z, "n": np.tanh(n_pre)}, "pre": {"hn": hn}}


# The carried gradient is rescaled only when its squared norm leaves this range (a step's Jacobian
# would have to grow or shrink it by 10**100 or more to overflow or underflow in between).
_SQUARED_NORM_RANGE = (1e-100, 1e100)


def _backward_log10_norms(vjp, p, cache, s, shape, T, loss, with_cell):
    """Run the vector–Jacobian products back from ``T − 1``; returns ``log10 ‖∂L/∂h_t‖`` ``(S, T)``.

    The carried gradient (``h``, and ``c`` for the LSTM) is ``carry · 10**log10_scale`` per scale. It
    is rescaled to unit norm (jointly over its parts) only when its squared norm leaves
    ``_SQUARED_NORM_RANGE``, which keeps it finite and normal at a few numpy calls per step.
    """
    S = s.shape[0]
    carry = tuple(np.zeros((S,) + shape) for _ in range(2 if with_cell else 1))  # each (S, B, H)
    log10_scale = np.zeros(S)  # (S,)
    squared = np.empty((S, T))  # ‖carry_h‖² at each step
    log10_scales = np.empty((S, T))  # log10_scale at each step
    small, big = _SQUARED_NORM_RANGE
    for t in reversed(range(T)):
        if loss == "every" or t == T - 1:  # add ones(B, H) to ∂L/∂h_t without overflow
            top = np.maximum(log10_scale, 0.0)  # (S,)
            k_carry = (10.0 ** (log10_scale - top))[:, None, None]
            carry = (carry[0] * k_carry + (10.0 ** -top)[:, None, None],) + tuple(c * k_carry for c in carry[1:])
            log10_scale = top
        squared_h = np.einsum("sbh,sbh->s", carry[0], carry[0])  # (S,)
        total = squared_h if not with_cell else squared_h + np.einsum("sbh,sbh->s", carry[1], carry[1])
        if not (small < total.min() and total.max() < big):  # rescale to unit norm (an exact zero stays 0)
            norm = np.sqrt(total)
            norm[norm == 0.0] = 1.0
            carry = tuple(c / norm[:, None, None] for c in carry)
            squared_h = squared_h / (norm * norm)
            log10_scale = log10_scale + np.log10(norm)
        squared[:, t] = squared_h
        log10_scales[:, t] = log10_scale
        if t > 0:
            carry = vjp(p, cache, t, s, carry)
    with np.errstate(divide="ignore"):
        return log10_scales + 0.5 * np.log10(squared)


def _mm(a, w):
    """``a @ w`` for ``a`` ``(..., K)`` and ``w`` ``(K, N)`` as one matrix product -> ``(..., N)``."""
    return (a.reshape(-1, a.shape[-1]) @ w).reshape(a.shape[:-1] + (w.shape[1],))


def _tiled(state, S):
    return np.broadcast_to(state, (S,) + state.shape).copy()  # (S, B, H)


# Vanilla RNN: h_t = φ(x_proj_t + s W_hh h_{t−1} + b_hh); cache φ'(a_t).
def _rnn_forward(p, x_proj, s, h0, c0, nonlinearity):
    T, S = x_proj.shape[0], s.shape[0]
    w_t = p["weight_hh"].T  # (H, H)
    h = _tiled(h0, S)
    dphi = np.empty((T,) + h.shape)  # (T, S, B, H)
    for t in range(T):
        a = x_proj[t] + s * _mm(h, w_t) + p["bias_hh"]
        h = activate(nonlinearity, a)
        dphi[t] = activation_grad(nonlinearity, a, h)
    return {"dphi": dphi}


def _rnn_vjp(p, cache, t, s, carry):
    (dh,) = carry
    return (s * _mm(dh * cache["dphi"][t], p["weight_hh"]),)


# LSTM: c_t = f c_{t−1} + i g, h_t = o tanh(c_t); cache i, f, g, o, tanh(c_t), c_{t−1}.
def _lstm_forward(p, x_proj, s, h0, c0, nonlinearity):
    T, S, H = x_proj.shape[0], s.shape[0], h0.shape[1]
    w_t = p["weight_hh"].T  # (H, 4H)
    h, c = _tiled(h0, S), _tiled(c0, S)
    cache = {k: np.empty((T,) + h.shape) for k in ("i", "f", "g", "o", "tc", "c_prev")}
    for t in range(T):
        pre = x_proj[t] + s * _mm(h, w_t) + p["bias_hh"]  # (S, B, 4H)
        i, f, o = sigmoid(pre[..., :H]), sigmoid(pre[..., H:2 * H]), sigmoid(pre[..., 3 * H:])
        g = np.tanh(pre[..., 2 * H:3 * H])
        cache["c_prev"][t] = c
        c = f * c + i * g
        tc = np.tanh(c)
        h = o * tc
        for k, v in (("i", i), ("f", f), ("g", g), ("o", o), ("tc", tc)):
            cache[k][t] = v
    return cache


def _lstm_vjp(p, cache, t, s, carry):
    dh, dc_next = carry
    i, f, g, o, tc, c_prev = (cache[k][t] for k in ("i", "f", "g", "o", "tc", "c_prev"))
    dc = dc_next + dh * o * (1.0 - tc * tc)
    d_pre = np.concatenate(
        [dc * g * i * (1.0 - i), dc * c_prev * f * (1.0 - f), dc * i * (1.0 - g * g),
         dh * tc * o * (1.0 - o)], axis=-1)  # (S, B, 4H)
    return s * _mm(d_pre, p["weight_hh"]), dc * f


# GRU classic: n = tanh(x_n + s W_hn (r h) + b_hn), h_t = (1 − z) h_{t−1} + z n; cache r, z, n, h_{t−1}.
def _gru_classic_forward(p, x_proj, s, h0, c0, nonlinearity):
    T, S, H = x_proj.shape[0], s.shape[0], h0.shape[1]
    w_rz_t, w_n_t = p["weight_hh"][:2 * H].T, p["weight_hh"][2 * H:].T  # (H, 2H), (H, H)
    h = _tiled(h0, S)
    cache = {k: np.empty((T,) + h.shape) for k in ("r", "z", "n", "h_prev")}
    for t in range(T):
        rz = sigmoid(x_proj[t, :, :2 * H] + s * _mm(h, w_rz_t) + p["bias_hh"][:2 * H])
        r, z = rz[..., :H], rz[..., H:]
        n = np.tanh(x_proj[t, :, 2 * H:] + s * _mm(r * h, w_n_t) + p["bias_hh"][2 * H:])
        for k, v in (("r", r), ("z", z), ("n", n), ("h_prev", h)):
            cache[k][t] = v
        h = (1.0 - z) * h + z * n
    return cache


def _gru_classic_vjp(p, cache, t, s, carry):
    (dh,) = carry
    H = dh.shape[-1]
    r, z, n, h_prev = (cache[k][t] for k in ("r", "z", "n", "h_prev"))
    d_pn = dh * z * (1.0 - n * n)
    d_rh = s * _mm(d_pn, p["weight_hh"][2 * H:])  # ∂L/∂(r ⊙ h_{t−1})
    d_rz = np.concatenate([d_rh * h_prev * r * (1.0 - r), dh * (n - h_prev) * z * (1.0 - z)], axis=-1)
    return (dh * (1.0 - z) + d_rh * r + s * _mm(d_rz, p["weight_hh"][:2 * H]),)


# GRU pytorch: n = tanh(x_n + r (s W_hn h + b_hn)), h_t = (1 − z) n + z h_{t−1}; cache r, z, n, hn, h_{t−1}.
def _gru_pytorch_forward(p, x_proj, s, h0, c0, nonlinearity):
    T, S, H = x_proj.shape[0], s.shape[0], h0.shape[1]
    w_t = p["weight_hh"].T  # (H, 3H)
    h = _tiled(h0, S)
    cache = {k: np.empty((T,) + h.shape) for k in ("r", "z", "n", "hn", "h_prev")}
    for t in range(T):
        rec = s * _mm(h, w_t) + p["bias_hh"]  # (S, B, 3H)
        rz = sigmoid(x_proj[t, :, :2 * H] + rec[..., :2 * H])
        r, z, hn = rz[..., :H], rz[..., H:], rec[..., 2 * H:]
        n = np.tanh(x_proj[t, :, 2 * H:] + r * hn)
        for k, v in (("r", r), ("z", z), ("n", n), ("hn", hn), ("h_prev", h)):
            cache[k][t] = v
        h = (1.0 - z) * n + z * h
    return cache


def _gru_pytorch_vjp(p, cache, t, s, carry):
    (dh,) = carry
    r, z, n, hn, h_prev = (cache[k][t] for k in ("r", "z", "n", "hn", "h_prev"))
    d_pn = dh * (1.0 - z) * (1.0 - n * n)
    d_pre = np.concatenate(
        [d_pn * hn * r * (1.0 - r), dh * (h_prev - n) * z * (1.0 - z), d_pn * r], axis=-1)  # (S, B, 3H)
    return (dh * z + s * _mm(d_pre, p["weight_hh"]),)


_STEPS = {  # forward, vector–Jacobian product, number of (T, S, B, H) arrays cached
    "rnn": (_rnn_forward, _rnn_vjp, 1),
    "lstm": (_lstm_forward, _lstm_vjp, 6),
    "gru_classic": (_gru_classic_forward, _gru_classic_vjp, 4),
    "gru_pytorch": (_gru_pytorch_forward, _gru_pytorch_vjp, 5),
}
