"""Unrolling over time and backpropagation through time, vectorised over the batch.

Shapes: ``T`` time, ``B`` batch, ``I`` input, ``H`` hidden; arrays are ``(T, B, ...)``.

``forward`` runs a cell over ``x`` and records every intermediate in a ``Trace``; ``backward``
takes a trace and the gradient arriving at each ``h_t`` from outside the recurrence (e.g. from an
output layer) and returns every gradient in a ``Grads``, optionally with truncated BPTT;
``local_gradients`` gives the gradient at every operation of every step (the unrolled graph's). The
cell maths lives in ``rnnviz.core.cells``; here are only the loops over time.
"""

from dataclasses import dataclass

import numpy as np

from rnnviz.core.cells import make_kernel
from rnnviz.core.params import gate_count
from rnnviz.core.validate import (
    check_cell,
    check_dh,
    check_gru_variant,
    check_nonlinearity,
    check_params,
    check_state,
    check_truncate,
    check_x,
)

LOSSES = ("last", "every")  # where the read-out loss L = Σ 1ᵀ h_t looks: the last step or every step


@dataclass(frozen=True)
class Trace:
    """Everything one forward pass computed."""

    cell: str  # "rnn", "lstm" or "gru"
    params: dict  # float64 copies: weight_ih (G*H, I), weight_hh (G*H, H), bias_ih, bias_hh (G*H,)
    x: np.ndarray  # (T, B, I) inputs
    h0: np.ndarray  # (B, H) initial hidden state
    c0: np.ndarray | None  # (B, H) initial cell state, LSTM only
    h: np.ndarray  # (T, B, H) hidden states h_1..h_T (index t holds the state after input x[t])
    c: np.ndarray | None  # (T, B, H) cell states, LSTM only
    gates: dict  # name -> (T, B, H) gate values: rnn {}, lstm i f g o, gru r z n (n is the candidate h̃)
    pre: dict  # name -> (T, B, H) pre-activations: rnn a, lstm i f g o, gru r z n (+ hn for "pytorch")
    nonlinearity: str  # the vanilla RNN's φ ("tanh", "relu", "linear"); recorded for every cell
    gru_variant: str  # "classic" or "pytorch"; recorded for every cell

    @property
    def T(self):
        return self.h.shape[0]

    @property
    def B(self):
        return self.h.shape[1]

    @property
    def H(self):
        return self.h.shape[2]

    @property
    def I(self):  # noqa: E743 (the house notation)
        return self.x.shape[2]


@dataclass(frozen=True)
class Grads:
    """Every gradient of one backward pass, for a loss ``L`` whose direct gradients are ``dh``."""

    dh: np.ndarray  # (T, B, H) total dL/dh_t: the external dh[t] plus what flows back from t + 1
    dc: np.ndarray | None  # (T, B, H) total dL/dc_t, LSTM only
    dx: np.ndarray  # (T, B, I) dL/dx_t
    dh0: np.ndarray  # (B, H) dL/dh0 (first truncation block only)
    dc0: np.ndarray | None  # (B, H) dL/dc0, LSTM only
    params: dict  # same keys and shapes as Trace.params


def validate_run(cell, params, x, h0, c0, nonlinearity, gru_variant):
    """The arguments of a run, checked and converted once (float64 copies, zero states for ``None``).

    Shared by ``forward`` and the scale sweep: cell, params (PyTorch layout), x ``(T, B, I)``, h0 and
    c0 ``(B, H)`` (c0 only for the LSTM), nonlinearity and GRU variant; raises ``ValueError``.
    """
    cell = check_cell(cell)
    nonlinearity = check_nonlinearity(nonlinearity)
    gru_variant = check_gru_variant(gru_variant)
    params, n_in, n_h = check_params(params, gate_count(cell), cell)
    x = check_x(x, n_in, params["weight_ih"].shape)
    n_b = x.shape[1]
    h0 = check_state("h0", h0, n_b, n_h)
    if cell == "lstm":
        c0 = check_state("c0", c0, n_b, n_h)
    elif c0 is not None:
        raise ValueError(f"c0 must be None for cell {cell!r} (only the LSTM has a cell state)")
    return cell, params, x, h0, c0, nonlinearity, gru_variant


def forward(cell, params, x, h0=None, c0=None, nonlinearity="tanh", gru_variant="classic"):
    """Run ``cell`` over ``x`` and record everything.

    cell in ``("rnn", "lstm", "gru")``; params in PyTorch layout (see ``rnnviz.core.params``);
    x ``(T, B, I)``; h0, c0 ``(B, H)`` or None for zeros (c0 only for the LSTM); nonlinearity is the
    vanilla RNN's φ; gru_variant ``"classic"`` (seed 001) or ``"pytorch"``. Returns a ``Trace``.
    """
    cell, params, x, h0, c0, nonlinearity, gru_variant = validate_run(
        cell, params, x, h0, c0, nonlinearity, gru_variant)
    kernel = make_kernel(cell, params, nonlinearity, gru_variant)
    h, c = unroll(kernel, kernel.project_inputs(x), h0, c0, (x.shape[1],))
    pre, gates = kernel.records()
    return Trace(cell, params, x, h0, c0, h, c, gates, pre, nonlinearity, gru_variant)


def unroll(kernel, ax, h0, c0, lead, keep_pre=True):
    """The loop over time: run ``kernel``'s forward step from ``h0`` (``c0``) over ``ax``, the inputs as
    ``kernel.project_inputs(x, lead)`` gives them, ``(T, G, 1.., B, H)``.

    ``lead`` is the states' leading shape, ``(B,)`` for one sequence or ``(S, B)`` for the sweep (h0 and
    c0 ``(B, H)`` are then repeated over ``S``); ``keep_pre=False`` keeps only what the backward pass
    reads. Returns ``h`` and ``c`` (LSTM, else None), ``(T, *lead, H)``; the kernel holds the rest.
    """
    n_t = ax.shape[0]
    kernel.start(n_t, lead, keep_pre)
    h = np.empty((n_t,) + lead + (kernel.n_hidden,))  # (T, ..., B, H)
    c = np.empty_like(h) if kernel.has_cell_state else None
    h_prev, c_prev = _repeated(h0, h.shape[1:]), _repeated(c0, h.shape[1:])
    for t in range(n_t):
        h_t = h[t]
        c_t = c[t] if c is not None else None
        kernel.step_forward(t, ax[t], h_prev, c_prev, h_t, c_t)
        h_prev, c_prev = h_t, c_t
    return h, c


def _repeated(state, shape):
    """``state`` ``(B, H)`` as a fresh ``shape`` = ``(..., B, H)`` array (itself when the shapes agree)."""
    if state is None or state.shape == shape:
        return state
    return np.broadcast_to(state, shape).copy()


def backward(trace, dh, truncate=None):
    """Backpropagation through time.

    trace from ``forward``; dh ``(T, B, H)`` the gradient of the loss with respect to each ``h_t``
    coming from outside the recurrence. ``truncate=k`` cuts the backward pass into blocks
    ``[0, k), [k, 2k), ...``: no gradient crosses a block boundary and ``dh0``/``dc0`` get only the
    first block's gradient (the forward pass, recorded in ``trace``, is never cut). ``None`` or
    ``k >= T`` is full BPTT. Returns a ``Grads``.
    """
    if not isinstance(trace, Trace):
        raise ValueError(f"trace must be a Trace returned by forward; got {type(trace).__name__}")
    n_t, n_b, n_h = trace.h.shape
    dh_ext = check_dh(dh, trace.h.shape)
    truncate = check_truncate(truncate, n_t)

    kernel, h_prev = _derived_kernel(trace)

    dh_tot = np.empty((n_t, n_b, n_h))  # (T, B, H)
    dc_tot = np.empty((n_t, n_b, n_h)) if trace.c is not None else None  # (T, B, H)
    dax = np.empty((n_t,) + kernel.gate_shape((n_b,)))  # (T, G, B, H) dL/d(input-side pre-activation)
    dah = np.empty_like(dax) if kernel.separate_dah else dax  # recurrent side
    zeros = np.zeros((n_b, n_h))
    dh_carry = zeros  # dL/dh_t arriving from step t + 1
    dc_carry = zeros if trace.c is not None else None
    for t in reversed(range(n_t)):
        if truncate is not None and (t + 1) % truncate == 0:  # t + 1 starts a new block: cut
            dh_carry = zeros
            dc_carry = zeros if trace.c is not None else None
        dh_t = np.add(dh_ext[t], dh_carry, out=dh_tot[t])
        dc_t = dc_tot[t] if dc_tot is not None else None
        dax_t = dax[t]
        dh_carry, dc_carry = kernel.step_backward(t, dh_t, dc_carry, dc_t, dax_t, dah[t] if dah is not dax else dax_t)

    return Grads(
        dh=dh_tot,
        dc=dc_tot,
        dx=(kernel.rows(dax) @ trace.params["weight_ih"]).reshape(n_t, n_b, -1),
        dh0=dh_carry.copy(),
        dc0=dc_carry.copy() if dc_carry is not None else None,
        params=kernel.param_grads(trace.x, h_prev, dax, dah),
    )


def _derived_kernel(trace, partials=False):
    """A kernel holding ``trace``'s cache and the local derivatives of all its steps, and ``h_{t-1}`` ``(T, B, H)``."""
    kernel = make_kernel(trace.cell, trace.params, trace.nonlinearity, trace.gru_variant)
    kernel.load(trace.pre, trace.gates)
    h_prev = np.concatenate([trace.h0[None], trace.h[:-1]])  # (T, B, H), h_{t-1}
    c_prev = np.concatenate([trace.c0[None], trace.c[:-1]]) if trace.c is not None else None
    kernel.derive(slice(None), h_prev, trace.h, c_prev, trace.c, partials)
    return kernel, h_prev


def local_gradients(trace, grads):
    """The gradient arriving at every operation of every step (the unrolled graph's numbers), ``(T, B, K)``
    with ``K = H`` unless noted: the cells' backward steps run on all steps at once from the totals in
    ``grads`` (``core.backward(trace, ...)``), recording their intermediates.

    Common keys: ``dh`` total ``∂L/∂h_t``, ``dh_prev`` ``∂L/∂h_{t−1}`` through step t only (so
    ``dh_prev[t] + dh_ext[t−1] = dh[t−1]`` and ``dh_prev[0] = dh0``), ``dx (T, B, I)``.
    RNN: ``da = dh ⊙ φ'(a)`` (tanh: ``dh ⊙ (1 − h²)``), ``dh_prev = da W_h`` (the MatMul).
    LSTM: ``dc`` total ``∂L/∂c_t``, ``dc_prev = f ⊙ dc``, ``d_tanh_c = dh ⊙ o``, ``dc_from_h =
    dh ⊙ o ⊙ (1 − tanh²c)``, gate values' gradients ``d_i, d_f, d_g, d_o``, pre-activations
    ``dpre (T, B, 4H)``, ``dc_prev_to_f = dc ⊙ c_{t−1}``.
    GRU: ``dz``, ``dn`` (candidate h̃), ``dpre_n``, ``dr``, ``dpre (T, B, 3H)`` (also ``dpre_rz``,
    ``dpre_r``, ``dpre_z``), ``dh_prev_lane`` (the ``(1 − z)`` lane, ``z`` for the pytorch variant),
    ``dh_prev_mm`` (through ``W_hr, W_hz``), ``dh_prev_r`` (through ``r`` and ``W_hn``), ``d_rh`` (the
    gradient arriving at ``r ⊙ h`` or ``r ⊙ hn``), ``d_hn`` (pytorch: at ``W_hn h_{t−1} + b_hn``; classic:
    equals ``d_rh``) and ``dz_lane``, ``dz_cand`` (what the two products ``z`` enters send to it).
    """
    if not isinstance(trace, Trace) or not isinstance(grads, Grads):
        raise ValueError("trace and grads must be a core Trace and the Grads core.backward returned for it")
    if grads.dh.shape != trace.h.shape:
        raise ValueError(f"grads.dh must have the trace's shape (T, B, H) = {trace.h.shape}; got {grads.dh.shape}")
    kernel, _ = _derived_kernel(trace, partials=True)
    dax = np.empty(kernel.gate_shape(trace.h.shape[:2]))  # (G, T, B, H): every step at once
    dah = np.empty_like(dax) if kernel.separate_dah else dax
    parts = {"dh": grads.dh, "dx": grads.dx}
    kernel.step_backward(slice(None), grads.dh, None, grads.dc, dax, dah, parts=parts)  # dc: the totals
    return parts


def loss_gradient(T, B, H, loss):
    """``dh (T, B, H)`` of the read-out loss ``L = Σ_{t ∈ S} 1ᵀ h_t`` (seed 000's ``dh = ones``).

    ``loss="last"``: ``S = {T}`` (the label at the last step, "Tom" in seed 000); ``"every"``: all steps.
    """
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {LOSSES}; got {loss!r}")
    dh = np.zeros((T, B, H))
    if loss == "last":
        dh[-1] = 1.0
    else:
        dh[:] = 1.0
    return dh
