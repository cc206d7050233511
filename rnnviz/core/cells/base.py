"""What every cell kernel shares: the input projection and the parameter gradients.

A kernel is the ``Time*`` layer of one cell: it owns the per-step buffers (the cache that the
forward step writes and the backward step reads) and the cell's two step functions; the loops over
time live in ``rnnviz.core.unroll``. Shapes: ``T`` time, ``B`` batch, ``I`` input, ``H`` hidden,
``G`` gate blocks, arrays ``(T, B, ...)``.
"""

import numpy as np


class Kernel:
    """Base for the cell kernels. ``params`` are validated float64 arrays in PyTorch layout."""

    blocks = ()  # gate block names in layout order, G = len(blocks)
    has_cell_state = False
    separate_dah = False  # True where dL/d(recurrent pre-activation) differs from the input side

    def __init__(self, params):
        self.params = params
        self.n_hidden = params["weight_hh"].shape[1]
        self.w_hh = params["weight_hh"]  # (G*H, H), used as dA @ W_hh in backward
        self.w_hh_t = np.ascontiguousarray(params["weight_hh"].T)  # (H, G*H), used as h @ W_hh^T

    def input_bias(self):
        """Bias folded into the input projection, ``(G*H,)``: both biases unless a cell says otherwise."""
        return self.params["bias_ih"] + self.params["bias_hh"]

    def project_inputs(self, x):
        """``x W_ih^T + bias`` for all steps in one matmul: x ``(T, B, I)`` -> ``(T, B, G*H)``."""
        n_t, n_b, n_i = x.shape
        ax = x.reshape(n_t * n_b, n_i) @ self.params["weight_ih"].T
        ax += self.input_bias()
        return ax.reshape(n_t, n_b, -1)

    def split(self, packed):
        """``(..., G*H)`` -> dict of ``(..., H)`` contiguous copies, one per gate block."""
        n_h = self.n_hidden
        return {name: np.ascontiguousarray(packed[..., k * n_h : (k + 1) * n_h]) for k, name in enumerate(self.blocks)}

    def pack(self, arrays):
        """dict of ``(T, B, H)`` per block -> ``(T, B, G*H)`` in layout order."""
        return np.concatenate([arrays[name] for name in self.blocks], axis=-1)

    def weight_hh_grad(self, dah2, h_prev2):
        """``dL/dW_hh`` (G*H, H) from dah2 ``(T*B, G*H)`` and h_prev2 ``(T*B, H)``; overridden where a
        block multiplies something other than ``h_{t-1}`` (classic GRU: ``r ⊙ h_{t-1}``)."""
        return dah2.T @ h_prev2

    def param_grads(self, x, h_prev, dax, dah):
        """Parameter gradients from the per-step pre-activation gradients, in a few big matmuls.

        x ``(T, B, I)``; h_prev ``(T, B, H)`` (``h_{t-1}``, with ``h0`` first); dax ``(T, B, G*H)``
        gradient of the input-side pre-activation ``W_ih x_t + b_ih``; dah ``(T, B, G*H)`` of the
        recurrent-side ``W_hh h_{t-1} + b_hh`` (the same array for every cell but the pytorch GRU).
        """
        n_t, n_b, n_i = x.shape
        dax2 = dax.reshape(n_t * n_b, -1)  # (T*B, G*H)
        dah2 = dah.reshape(n_t * n_b, -1)
        return {
            "weight_ih": dax2.T @ x.reshape(n_t * n_b, n_i),  # (G*H, I)
            "weight_hh": self.weight_hh_grad(dah2, h_prev.reshape(n_t * n_b, -1)),  # (G*H, H)
            "bias_ih": dax2.sum(axis=0),  # (G*H,)
            "bias_hh": dah2.sum(axis=0),
        }
