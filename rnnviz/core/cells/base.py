"""What every cell kernel shares: the recurrent products, the gate layout and the parameter gradients.

A cell module (``rnn``, ``lstm``, ``gru``) holds the cell's maths once, as plain functions over arrays
with any leading dimensions ``(..., B, H)``:

- ``step_forward`` runs one step and writes its cache (pre-activations, gate values, states);
- ``local_derivatives`` reads the cache of one step or of many at once and returns the factors the
  chain rule multiplies by (each gate's slope times what the gate multiplies);
- ``step_backward``, right under it, turns ``dL/dh_t`` (and the LSTM's ``dL/dc_t``) into the gradients
  of the step's pre-activations and of ``h_{t−1}`` (``c_{t−1}``), and on request (``parts``) into the
  gradient arriving at every operation of the step, for the unrolled graph.

The same functions serve one sequence, states ``(B, H)``, and the scale sweep, states ``(S, B, H)``
with ``scale`` ``(S, 1, 1)`` multiplying ``W_hh`` (``b_hh`` is never scaled).

Gate layout. Parameters keep PyTorch's layout (``weight_hh (G·H, H)``, gate order LSTM ``i, f, g, o``,
GRU ``r, z, n``); inside the engine the gates of a step are stacked on a leading axis,
``(G, ..., B, H)``, in the same order, so that each gate is one contiguous ``(..., B, H)`` array for
any leading shape (with ``B = 1`` and no leading axes this is the same memory as PyTorch's
``(B, G·H)``). ``packed`` converts back to ``(..., B, G·H)``.

A kernel is the ``Time*`` layer of one cell: it owns the per-step buffers (the cache that the forward
step writes and the backward step reads) and calls the cell's step functions; the loops over time
live in ``rnnviz.core.unroll`` and ``rnnviz.core.sweep``. Shapes: ``T`` time, ``S`` scales, ``B``
batch, ``I`` input, ``H`` hidden, ``G`` gates.
"""

from functools import cached_property

import numpy as np


def recurrent(a, w, scale=None, out=None):
    """``s · (a @ w)``: a step's recurrent product, ``a`` ``(..., K)``, ``w`` ``(K, N)`` -> ``(..., N)``, as
    one 2-D matrix product (numpy's own matmul would loop over the leading axes, one small product each).

    ``scale`` is None (``s = 1``) or an array broadcasting over the leading axes, e.g. ``(S, 1, 1)``;
    ``out`` ``(..., N)``, optional, must be contiguous.
    """
    if a.ndim == 2:
        out = np.matmul(a, w, out=out)
    elif out is None:
        out = np.matmul(a.reshape(-1, a.shape[-1]), w).reshape(a.shape[:-1] + (w.shape[1],))
    else:
        np.matmul(a.reshape(-1, a.shape[-1]), w, out=_view(out, (-1, out.shape[-1])))
    if scale is not None:
        out *= scale
    return out


class GateWeights:
    """The recurrent weights of a group of ``G`` gates, ``w`` ``(G·H, K)`` (their rows of ``W_hh``), and the
    two products a step makes with them. One row of gates, ``(G, 1, H)``, is laid out as ``(1, G·H)``: one
    matrix product for all gates. With more rows, one product per gate on the way forward (which writes
    every gate contiguously) and per gate, summed, on the way back."""

    def __init__(self, w, n_gates):
        self.n_gates = n_gates
        self.w = np.ascontiguousarray(w)  # (G·H, K)
        self.per_gate = self.w.reshape(n_gates, self.w.shape[0] // n_gates, -1)  # (G, H, K), W_k

    @cached_property
    def w_t(self):
        return np.ascontiguousarray(self.w.T)  # (K, G·H), made once, when a forward step first needs it

    @cached_property
    def per_gate_t(self):
        return np.ascontiguousarray(self.per_gate.transpose(0, 2, 1))  # (G, K, H), W_k^T

    def forward(self, a, out, scale=None):
        """``out[k] = s · a @ W_k^T`` for every gate: ``a`` ``(..., K)``, ``out`` ``(G, ..., H)`` contiguous."""
        if a.ndim == 2 and a.shape[0] == 1 and out.flags.c_contiguous:  # one row
            np.matmul(a, self.w_t, out=out.reshape(1, -1))
        elif a.ndim == 2:
            np.matmul(a, self.per_gate_t, out=out)
        else:
            np.matmul(a.reshape(-1, a.shape[-1]), self.per_gate_t, out=_view(out, (self.n_gates, -1, out.shape[-1])))
        if scale is not None:
            out *= scale
        return out

    def backward(self, d, scale=None):
        """``s · Σ_k d[k] @ W_k``, the way back through ``forward``: ``d`` ``(G, ..., H)`` -> ``(..., K)``."""
        if d.ndim == 3 and d.shape[1] == 1:  # one row
            out = d.reshape(1, -1) @ self.w
        else:
            out = np.matmul(d.reshape(self.n_gates, -1, d.shape[-1]), self.per_gate).sum(axis=0)
            out = out.reshape(d.shape[1:-1] + (out.shape[-1],))
        if scale is not None:
            out *= scale
        return out


def packed(gates):
    """``(G, ..., H)`` gate-stacked -> ``(..., G·H)`` in PyTorch's layout (a view when memory allows)."""
    return np.moveaxis(gates, 0, -2).reshape(gates.shape[1:-1] + (gates.shape[0] * gates.shape[-1],))


def _view(a, shape):
    """Contiguous ``a`` viewed with ``shape``: never a copy, so that a result written into it lands in ``a``."""
    if not a.flags.c_contiguous:
        raise ValueError(f"expected a contiguous array; got shape {a.shape}, strides {a.strides}")
    return a.reshape(shape)


class Kernel:
    """Base for the cell kernels. ``params`` are validated float64 arrays in PyTorch layout; ``scale``
    is None or an array ``(S, 1, 1)`` that multiplies ``W_hh`` for each leading index (the sweep).

    A kernel's life: ``start(T, lead)`` allocates the cache for states ``(*lead, H)`` (``lead`` is
    ``(B,)`` or ``(S, B)``), or ``load(pre, gates)`` takes a trace's records as the cache;
    ``step_forward(t, ...)`` fills step ``t``; ``derive(steps, ...)`` computes the local derivatives of
    a slice of steps (all at once for one sequence, one at a time in the sweep); ``step_backward(k, ...)``
    runs the backward step of the ``k``-th derived step (``k`` may be a slice: those steps at once).
    """

    blocks = ()  # gate names in layout order, G = len(blocks)
    has_cell_state = False
    separate_dah = False  # True where dL/d(recurrent pre-activation) differs from the input side
    cached_blocks = 0  # (..., B, H) arrays a step keeps for the backward pass, states included

    def __init__(self, params, scale=None):
        self.params = params
        self.scale = scale
        self.n_hidden = params["weight_hh"].shape[1]
        self.w_hh = params["weight_hh"]  # (G*H, H)

    def input_bias(self):
        """Bias folded into the input projection, ``(G*H,)``: both biases unless a cell says otherwise."""
        return self.params["bias_ih"] + self.params["bias_hh"]

    def project_inputs(self, x, lead=None):
        """``x W_ih^T + bias`` for all steps in one matmul, x ``(T, B, I)``, as step ``t`` adds it to states
        ``(*lead, H)`` (default ``(B,)``): ``(T, G, 1.., B, H)`` (``1`` for each extra leading axis)."""
        n_t, n_b, n_i = x.shape
        lead = (n_b,) if lead is None else lead
        ax = x.reshape(n_t * n_b, n_i) @ self.params["weight_ih"].T
        ax += self.input_bias()
        ax = ax.reshape(n_t, n_b, -1, self.n_hidden).transpose(0, 2, 1, 3)  # (T, G, B, H), a view
        return ax.reshape(ax.shape[:2] + (1,) * (len(lead) - 1) + ax.shape[2:])

    def gate_shape(self, lead):
        """The shape of a step's gate-stacked array for states ``(*lead, H)``: ``(G, *lead, H)``."""
        return (len(self.blocks),) + tuple(lead) + (self.n_hidden,)

    def buffers(self, n_t, lead, keep_pre):
        """Fresh ``pre`` and ``act`` buffers ``(T, G, *lead, H)``; ``pre`` is one step long (reused by every
        step) unless ``keep_pre``, since only the trace records it."""
        shape = self.gate_shape(lead)
        return np.empty(((n_t if keep_pre else 1),) + shape), np.empty((n_t,) + shape)

    def split(self, stacked):
        """``(T, G, B, H)`` -> dict of ``(T, B, H)`` contiguous copies, one per gate."""
        return {name: np.ascontiguousarray(stacked[:, k]) for k, name in enumerate(self.blocks)}

    def stack(self, arrays):
        """dict of ``(T, B, H)`` per gate -> ``(T, G, B, H)`` in layout order."""
        return np.stack([arrays[name] for name in self.blocks], axis=1)

    def rows(self, d):
        """A backward pass's ``(T, G, B, H)`` gradients as rows ``(T·B, G·H)`` in PyTorch's layout."""
        return np.moveaxis(d, 1, 2).reshape(-1, d.shape[1] * d.shape[-1])

    def weight_hh_grad(self, dah2, h_prev2):
        """``dL/dW_hh`` (G*H, H) from dah2 ``(T*B, G*H)`` and h_prev2 ``(T*B, H)``; overridden where a
        block multiplies something other than ``h_{t-1}`` (classic GRU: ``r ⊙ h_{t-1}``)."""
        return dah2.T @ h_prev2

    def param_grads(self, x, h_prev, dax, dah):
        """Parameter gradients from the per-step pre-activation gradients, in a few big matmuls.

        x ``(T, B, I)``; h_prev ``(T, B, H)`` (``h_{t-1}``, with ``h0`` first); dax ``(T, G, B, H)``
        gradient of the input-side pre-activation ``W_ih x_t + b_ih``; dah ``(T, G, B, H)`` of the
        recurrent-side ``W_hh h_{t-1} + b_hh`` (the same array for every cell but the pytorch GRU).
        """
        n_t, n_b, n_i = x.shape
        dax2 = self.rows(dax)  # (T*B, G*H)
        dah2 = dax2 if dah is dax else self.rows(dah)
        return {
            "weight_ih": dax2.T @ x.reshape(n_t * n_b, n_i),  # (G*H, I)
            "weight_hh": self.weight_hh_grad(dah2, h_prev.reshape(n_t * n_b, -1)),  # (G*H, H)
            "bias_ih": dax2.sum(axis=0),  # (G*H,)
            "bias_hh": dah2.sum(axis=0),
        }
