"""Vanilla RNN: ``h_t = φ(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)``, φ in tanh, relu, linear.

Row-vector form used in the code (the book's): ``a_t = x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh``.
Shapes: ``B`` batch, ``H`` hidden; per step arrays are ``(B, H)``.
"""

import numpy as np

from rnnviz.core.activations import activate, activation_grad
from rnnviz.core.cells.base import Kernel


def step_forward(ax, h_prev, w_hh_t, nonlinearity, a, h):
    """One step. ax ``(B, H)`` = ``x_t W_ih^T + b_ih + b_hh``; h_prev ``(B, H)``; w_hh_t ``(H, H)`` = ``W_hh^T``.

    Writes the cache: a ``(B, H)`` pre-activation and h ``(B, H)`` = ``φ(a)``.
    """
    np.matmul(h_prev, w_hh_t, out=a)
    a += ax
    activate(nonlinearity, a, out=h)


def local_derivatives(a, h, nonlinearity):
    """``φ'(a_t)`` from the forward cache, for all steps at once: a, h ``(T, B, H)`` -> ``(T, B, H)``."""
    return activation_grad(nonlinearity, a, h)


def step_backward(dh, dphi, w_hh, da):
    """Backward of ``step_forward``. dh ``(B, H)`` total ``dL/dh_t``; dphi ``(B, H)`` = ``φ'(a_t)``.

    Writes da ``(B, H)`` = ``dL/da_t = dh ⊙ φ'(a_t)`` and returns ``dL/dh_{t-1} = da W_hh`` ``(B, H)``.
    (The book's ``RNN.backward`` in seed 002 swaps dWx, dh_prev and dx; this is the correct form.)
    """
    np.multiply(dh, dphi, out=da)
    return da @ w_hh


class RNNKernel(Kernel):
    """The vanilla RNN's buffers over time: ``a (T, B, H)``, plus ``h`` supplied by the unroller."""

    blocks = ("a",)

    def __init__(self, params, nonlinearity):
        super().__init__(params)
        self.nonlinearity = nonlinearity

    def start(self, n_t, n_b):
        self.a = np.empty((n_t, n_b, self.n_hidden))  # (T, B, H)

    def step_forward(self, t, ax_t, h_prev, c_prev, h_out, c_out):
        step_forward(ax_t, h_prev, self.w_hh_t, self.nonlinearity, self.a[t], h_out)

    def records(self):
        return {"a": self.a}, {}

    def load(self, pre, gates, h, c, h_prev, c_prev):
        self.dphi = local_derivatives(pre["a"], h, self.nonlinearity)  # (T, B, H)

    def step_backward(self, t, dh, dc_carry, dc_out, dax_out, dah_out):
        return step_backward(dh, self.dphi[t], self.w_hh, dax_out), None
