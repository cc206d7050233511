"""LSTM with gates ``i, f, g, o`` (PyTorch order; the book stacks ``f, g, i, o``).

``[i, f, g, o] = [σ, σ, tanh, σ](x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh)``,
``c_t = f ⊙ c_{t-1} + i ⊙ g`` and ``h_t = o ⊙ tanh(c_t)`` (seed 001: ``g`` is ``c̃_t``).
Shapes: ``B`` batch, ``H`` hidden; per step ``(..., B, H)``, or ``(4, ..., B, H)`` for the gates
stacked in that order (see ``rnnviz.core.cells.base``), with any leading dimensions (none for one
sequence, ``S`` scales in the sweep).
"""

import numpy as np

from rnnviz.core.activations import sigmoid, sigmoid_grad_from_output, tanh_grad_from_output
from rnnviz.core.cells.base import GateWeights, Kernel, packed


def step_forward(ax, h_prev, c_prev, w_hh, pre, act, c, tc, h, scale=None):
    """One step. ax ``(4, ..., B, H)`` = ``x_t W_ih^T + b_ih + b_hh`` (may broadcast); h_prev, c_prev
    ``(..., B, H)``; w_hh ``GateWeights`` of ``W_hh``; scale None or e.g. ``(S, 1, 1)`` (``s · W_hh``).

    Writes the cache: pre ``(4, ..., B, H)`` pre-activations, act ``(4, ..., B, H)`` gate values
    ``i, f, g, o``, c ``(..., B, H)`` cell state, tc = ``tanh(c)`` and h ``(..., B, H)`` hidden state.
    """
    w_hh.forward(h_prev, pre, scale)  # pre = s · h_{t-1} W_hh^T + ax_t
    pre += ax
    sigmoid(pre, out=act)
    np.tanh(pre[2], out=act[2])  # g is tanh, the rest σ
    i, f, g, o = act
    np.multiply(f, c_prev, out=c)  # c_t = f ⊙ c_{t-1} + i ⊙ g
    c += i * g
    np.tanh(c, out=tc)  # h_t = o ⊙ tanh(c_t)
    np.multiply(tc, o, out=h)


def local_derivatives(act, c_prev, tc, partials=False):
    """What ``step_backward`` reads, from the cache of any number of steps (leading dims ``(...)``).

    act ``(4, ..., B, H)``; c_prev, tc = ``tanh(c_t)`` ``(..., B, H)``. Returns a dict:
    ``k_c (..., B, H) = ∂h_t/∂c_t = o ⊙ (1 − tanh²(c_t))`` (so ``dc_t = dh_t ⊙ k_c + dc_next``);
    ``coef (4, ..., B, H)`` = ``[g σ'_i, c_{t-1} σ'_f, i tanh'_g, tanh(c_t) σ'_o]``, so that
    ``dpre = [dc, dc, dc, dh] ⊙ coef``; ``f``; and with ``partials`` the factors each gate multiplies,
    ``∂c_t/∂i = g``, ``∂c_t/∂f = c_{t-1}``, ``∂c_t/∂g = i``, ``∂h_t/∂o = tanh(c_t)`` (``coef`` is their
    product with the gates' slopes) and ``∂h_t/∂tanh(c_t) = o``, as a dict ``partial``.
    """
    i, f, g, o = act
    partial = np.empty_like(act)  # (4, ..., B, H): what each gate multiplies (laid out like act)
    partial[0], partial[1], partial[2], partial[3] = g, c_prev, i, tc
    coef = np.empty_like(act)  # each gate's slope, then times its factor
    sigmoid_grad_from_output(act[:2], out=coef[:2])
    tanh_grad_from_output(g, out=coef[2])
    sigmoid_grad_from_output(o, out=coef[3])
    coef *= partial
    out = {"k_c": o * tanh_grad_from_output(tc), "coef": coef, "f": f}
    if partials:
        out["partial"] = dict(zip("ifgo", partial), tanh_c=o)
    return out


def step_backward(dh, dc_next, k_c, coef, f, w_hh, dc, dpre, scale=None, partial=None, parts=None):
    """Backward of ``step_forward``. dh ``(..., B, H)`` total ``dL/dh_t``; dc_next ``(..., B, H)`` the
    cell-state gradient carried from ``t + 1`` (``f_{t+1} ⊙ dc_{t+1}``), or None when ``dc`` already holds
    the total ``dL/dc_t``; k_c, coef, f this step's ``local_derivatives``; w_hh ``GateWeights`` of ``W_hh``.

    Writes dc ``(..., B, H)`` total ``dL/dc_t`` and dpre ``(4, ..., B, H)`` = ``dL/d(pre-activations)``;
    returns ``(dL/dh_{t-1}, dL/dc_{t-1})``, both ``(..., B, H)``. With ``parts`` (a dict) and ``partial``
    (from ``local_derivatives(..., partials=True)``) it also records the gradient arriving at each
    operation: ``d_i, d_f, d_g, d_o`` (at the gate values), ``d_tanh_c``, ``dc_from_h`` (what
    ``tanh(c_t)`` sends to ``c_t``), ``dc``, ``dc_prev``, ``dc_prev_to_f`` (what the ``×f`` node sends to
    ``f``, = ``d_f``), ``dpre (..., B, 4H)`` in PyTorch's layout and ``dh_prev``.
    """
    if dc_next is not None:
        np.multiply(dh, k_c, out=dc)  # dc_t = dh_t ⊙ o ⊙ tanh'(c_t) + dc_next
        dc += dc_next
    np.multiply(dc, coef[:3], out=dpre[:3])  # dpre_{i,f,g} = dc ⊙ [g σ'_i, c_{t-1} σ'_f, i tanh'_g]
    np.multiply(dh, coef[3], out=dpre[3])  # dpre_o = dh ⊙ tanh(c_t) σ'_o
    dh_prev = w_hh.backward(dpre, scale)  # dh_{t-1} = s · dpre W_hh
    dc_prev = dc * f  # dc_{t-1} = f ⊙ dc_t: the constant error path
    if parts is not None:
        d_f = dc * partial["f"]
        parts.update(
            d_i=dc * partial["i"], d_f=d_f, d_g=dc * partial["g"], d_o=dh * partial["o"],
            d_tanh_c=dh * partial["tanh_c"], dc_from_h=dh * k_c, dc=dc, dc_prev=dc_prev, dc_prev_to_f=d_f,
            dpre=packed(dpre), dh_prev=dh_prev,
        )
    return dh_prev, dc_prev


class LSTMKernel(Kernel):
    """The LSTM's cache over time: ``pre, act (T, 4, ..., B, H)``, ``tanh(c) (T, ..., B, H)``; ``h, c``
    supplied by the unroller."""

    blocks = ("i", "f", "g", "o")
    has_cell_state = True
    cached_blocks = 7  # act (4), h, c and tanh(c)

    def __init__(self, params, scale=None):
        super().__init__(params, scale)
        self.weights = GateWeights(self.w_hh, 4)

    def start(self, n_t, lead, keep_pre=True):
        self.pre, self.act = self.buffers(n_t, lead, keep_pre)
        self.keep_pre = keep_pre
        self.tc = np.empty((n_t,) + tuple(lead) + (self.n_hidden,))

    def step_forward(self, t, ax_t, h_prev, c_prev, h_out, c_out):
        pre = self.pre[t] if self.keep_pre else self.pre[0]  # one step's buffer, reused, when not kept
        step_forward(ax_t, h_prev, c_prev, self.weights, pre, self.act[t], c_out, self.tc[t], h_out, self.scale)

    def records(self):
        return self.split(self.pre), self.split(self.act)

    def load(self, pre, gates):
        self.act = self.stack(gates)
        self.tc = None  # recomputed from c

    def derive(self, steps, h_prev, h, c_prev, c, partials=False):
        tc = np.tanh(c) if self.tc is None else self.tc[steps]
        d = local_derivatives(np.moveaxis(self.act[steps], 1, 0), c_prev, tc, partials)
        self.k_c, self.coef, self.f, self.partial = d["k_c"], d["coef"], d["f"], d.get("partial")

    def step_backward(self, k, dh, dc_carry, dc_out, dax_out, dah_out, parts=None):
        partial = None if parts is None else {name: v[k] for name, v in self.partial.items()}
        return step_backward(dh, dc_carry, self.k_c[k], self.coef[:, k], self.f[k], self.weights, dc_out, dax_out,
                             self.scale, partial, parts)
