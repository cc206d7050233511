"""LSTM with gate blocks ``i, f, g, o`` (PyTorch order; the book stacks ``f, g, i, o``).

``[i, f, g, o] = [σ, σ, tanh, σ](x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh)``,
``c_t = f ⊙ c_{t-1} + i ⊙ g`` and ``h_t = o ⊙ tanh(c_t)`` (seed 001: ``g`` is ``c̃_t``).
Shapes: ``B`` batch, ``H`` hidden, per step ``(B, H)`` or ``(B, 4H)`` for the stacked blocks.
"""

import numpy as np

from rnnviz.core.activations import sigmoid, sigmoid_grad_from_output, tanh_grad_from_output
from rnnviz.core.cells.base import Kernel


def step_forward(ax, h_prev, c_prev, w_hh_t, pre, act, c, h):
    """One step. ax ``(B, 4H)`` = ``x_t W_ih^T + b_ih + b_hh``; h_prev, c_prev ``(B, H)``; w_hh_t ``(H, 4H)``.

    Writes the cache: pre ``(B, 4H)`` pre-activations, act ``(B, 4H)`` gate values ``i, f, g, o``,
    c ``(B, H)`` cell state and h ``(B, H)`` hidden state.
    """
    n_h = c.shape[1]
    np.matmul(h_prev, w_hh_t, out=pre)
    pre += ax
    sigmoid(pre, out=act)
    np.tanh(pre[:, 2 * n_h : 3 * n_h], out=act[:, 2 * n_h : 3 * n_h])  # g is tanh, the rest σ
    i, f, g, o = (act[:, k * n_h : (k + 1) * n_h] for k in range(4))
    np.multiply(f, c_prev, out=c)
    c += i * g
    np.tanh(c, out=h)
    h *= o


def local_derivatives(c_prev, act, c):
    """Everything ``step_backward`` needs from the forward cache, for all steps at once.

    c_prev, c ``(T, B, H)``; act ``(T, B, 4H)``. Returns
    ``k_c (T, B, H) = ∂h_t/∂c_t = o ⊙ (1 − tanh²(c_t))`` (so ``dc_t = dh_t ⊙ k_c + dc_next``), and
    ``coef (T, B, 4H)`` with ``dpre = [dc ⊙ g σ'_i, dc ⊙ c_{t-1} σ'_f, dc ⊙ i tanh'_g, dh ⊙ tanh(c_t) σ'_o]``.
    """
    n_h = c.shape[2]
    i, f, g, o = (act[..., k * n_h : (k + 1) * n_h] for k in range(4))
    tc = np.tanh(c)
    k_c = o * tanh_grad_from_output(tc)
    coef = np.concatenate(
        [
            g * sigmoid_grad_from_output(i),
            c_prev * sigmoid_grad_from_output(f),
            i * tanh_grad_from_output(g),
            tc * sigmoid_grad_from_output(o),
        ],
        axis=-1,
    )
    return k_c, coef


def step_backward(dh, dc_next, k_c, coef, f, w_hh, dc, dpre):
    """Backward of ``step_forward``. dh ``(B, H)`` total ``dL/dh_t``; dc_next ``(B, H)`` the cell-state
    gradient carried from ``t + 1`` (``f_{t+1} ⊙ dc_{t+1}``); k_c, coef, f the step's slices of
    ``local_derivatives`` and of the forget gate.

    Writes dc ``(B, H)`` total ``dL/dc_t`` and dpre ``(B, 4H)`` = ``dL/d(pre-activations)``; returns
    ``(dL/dh_{t-1}, f ⊙ dL/dc_t)``, both ``(B, H)``.
    """
    n_b, n_h = dc.shape
    np.multiply(dh, k_c, out=dc)
    dc += dc_next
    dpre4 = dpre.reshape(n_b, 4, n_h)
    np.multiply(dc[:, None, :], coef.reshape(n_b, 4, n_h)[:, :3], out=dpre4[:, :3])  # i, f, g
    np.multiply(dh, coef[:, 3 * n_h :], out=dpre[:, 3 * n_h :])  # o
    return dpre @ w_hh, dc * f


class LSTMKernel(Kernel):
    """The LSTM's buffers over time: ``pre, act (T, B, 4H)``; ``h, c`` supplied by the unroller."""

    blocks = ("i", "f", "g", "o")
    has_cell_state = True

    def start(self, n_t, n_b):
        self.pre = np.empty((n_t, n_b, 4 * self.n_hidden))  # (T, B, 4H)
        self.act = np.empty((n_t, n_b, 4 * self.n_hidden))  # (T, B, 4H)

    def step_forward(self, t, ax_t, h_prev, c_prev, h_out, c_out):
        step_forward(ax_t, h_prev, c_prev, self.w_hh_t, self.pre[t], self.act[t], c_out, h_out)

    def records(self):
        return self.split(self.pre), self.split(self.act)

    def load(self, pre, gates, h, c, h_prev, c_prev):
        self.k_c, self.coef = local_derivatives(c_prev, self.pack(gates), c)
        self.f = gates["f"]

    def step_backward(self, t, dh, dc_carry, dc_out, dax_out, dah_out):
        return step_backward(dh, dc_carry, self.k_c[t], self.coef[t], self.f[t], self.w_hh, dc_out, dax_out)
