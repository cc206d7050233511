"""Vanilla RNN: ``h_t = φ(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)``, φ in tanh, relu, linear.

Row-vector form used in the code (the book's): ``a_t = x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh``.
Shapes: ``B`` batch, ``H`` hidden; per step arrays are ``(..., B, H)`` with any leading dimensions
(none for one sequence, ``S`` scales in the sweep). With one block, there is no gate axis.
"""

from functools import cached_property

import numpy as np

from rnnviz.core.activations import activation_function, activation_grad_from_output
from rnnviz.core.cells.base import Kernel, recurrent


def step_forward(ax, h_prev, w_hh_t, phi, a, h, scale=None):
    """One step. ax ``(..., B, H)`` = ``x_t W_ih^T + b_ih + b_hh`` (may broadcast); h_prev ``(..., B, H)``;
    w_hh_t ``(H, H)`` = ``W_hh^T``; phi the activation as a function ``(a, out)``
    (``activations.activation_function``); scale None or e.g. ``(S, 1, 1)`` (``s · W_hh``).

    Writes the cache: a ``(..., B, H)`` pre-activation and h ``(..., B, H)`` = ``φ(a)``.
    """
    recurrent(h_prev, w_hh_t, scale, out=a)  # a_t = s · h_{t-1} W_hh^T + ax_t
    a += ax
    phi(a, out=h)  # h_t = φ(a_t)


def local_derivatives(h, nonlinearity):
    """``φ'(a_t)`` from the cache of any number of steps, ``(..., B, H)``: for every ``φ`` here the output
    ``h_t = φ(a_t)`` is enough (relu: ``a_t > 0`` exactly where ``h_t > 0``)."""
    return activation_grad_from_output(nonlinearity, h)


def step_backward(dh, dphi, w_hh, da, scale=None, parts=None):
    """Backward of ``step_forward``. dh ``(..., B, H)`` total ``dL/dh_t``; dphi ``(..., B, H)`` = ``φ'(a_t)``.

    Writes da ``(..., B, H)`` = ``dL/da_t`` and returns ``dL/dh_{t-1}`` ``(..., B, H)``; ``parts`` (a dict,
    optional) receives ``da`` and ``dh_prev``: the gradient at the ``+``/``φ`` nodes and what the MatMul
    sends back. (The book's ``RNN.backward`` in seed 002 swaps dWx, dh_prev and dx; this is the correct form.)
    """
    np.multiply(dh, dphi, out=da)  # da_t = dh_t ⊙ φ'(a_t)
    dh_prev = recurrent(da, w_hh, scale)  # dh_{t-1} = s · da_t W_hh
    if parts is not None:
        parts.update(da=da, dh_prev=dh_prev)
    return dh_prev


class RNNKernel(Kernel):
    """The vanilla RNN's cache over time: ``h`` supplied by the unroller (and ``a (T, ..., B, H)`` for the
    trace)."""

    blocks = ("a",)
    cached_blocks = 1  # h

    def __init__(self, params, nonlinearity, scale=None):
        super().__init__(params, scale)
        self.nonlinearity = nonlinearity
        self.phi = activation_function(nonlinearity)

    @cached_property
    def w_hh_t(self):
        return np.ascontiguousarray(self.w_hh.T)  # (H, H), made once, when a forward step first needs it

    def project_inputs(self, x, lead=None):
        return super().project_inputs(x, lead)[:, 0]  # (T, 1.., B, H): no gate axis

    def gate_shape(self, lead):
        return tuple(lead) + (self.n_hidden,)

    def rows(self, d):
        return d.reshape(-1, self.n_hidden)

    def start(self, n_t, lead, keep_pre=True):
        self.a = np.empty(((n_t if keep_pre else 1),) + self.gate_shape(lead))  # (T, ..., B, H) for the trace
        self.keep_pre = keep_pre

    def step_forward(self, t, ax_t, h_prev, c_prev, h_out, c_out):
        a = self.a[t] if self.keep_pre else self.a[0]  # one step's buffer, reused, when not kept
        step_forward(ax_t, h_prev, self.w_hh_t, self.phi, a, h_out, self.scale)

    def records(self):
        return {"a": self.a}, {}

    def load(self, pre, gates):
        self.a = pre["a"]

    def derive(self, steps, h_prev, h, c_prev, c, partials=False):
        self.dphi = local_derivatives(h, self.nonlinearity)  # (steps, ..., B, H)

    def step_backward(self, k, dh, dc_carry, dc_out, dax_out, dah_out, parts=None):
        return step_backward(dh, self.dphi[k], self.w_hh, dax_out, self.scale, parts), None
