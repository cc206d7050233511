"""GRU with gate blocks ``r, z, n`` (PyTorch order), in two variants.

``"classic"`` (Cho et al. 2014, seed 001 and the book)::

    r = σ(x W_ir^T + b_ir + h_{t-1} W_hr^T + b_hr)      z = σ(x W_iz^T + b_iz + h_{t-1} W_hz^T + b_hz)
    n = tanh(x W_in^T + b_in + (r ⊙ h_{t-1}) W_hn^T + b_hn)      h_t = (1 − z) ⊙ h_{t-1} + z ⊙ n

``"pytorch"`` (torch.nn.GRU, cuDNN): the reset gate acts after the matrix product and ``z`` keeps the
old state::

    n = tanh(x W_in^T + b_in + r ⊙ hn),  hn = h_{t-1} W_hn^T + b_hn      h_t = (1 − z) ⊙ n + z ⊙ h_{t-1}

Shapes: ``B`` batch, ``H`` hidden, per step ``(B, H)`` or ``(B, 3H)`` for the stacked blocks.
"""

import numpy as np

from rnnviz.core.activations import sigmoid, sigmoid_grad_from_output, tanh_grad_from_output
from rnnviz.core.cells.base import Kernel


def step_forward_classic(ax, h_prev, w_rz_t, w_n_t, pre, act, h):
    """One classic step. ax ``(B, 3H)`` = ``x_t W_ih^T + b_ih + b_hh``; h_prev ``(B, H)``;
    w_rz_t ``(H, 2H)`` = ``[W_hr; W_hz]^T``; w_n_t ``(H, H)`` = ``W_hn^T``.

    Writes the cache: pre, act ``(B, 3H)`` (``r, z, n`` pre-activations and values) and h ``(B, H)``.
    """
    n_h = h.shape[1]
    rz = slice(0, 2 * n_h)
    nb = slice(2 * n_h, 3 * n_h)
    np.matmul(h_prev, w_rz_t, out=pre[:, rz])
    pre[:, rz] += ax[:, rz]
    sigmoid(pre[:, rz], out=act[:, rz])
    r, z = act[:, :n_h], act[:, n_h:rz.stop]
    np.matmul(r * h_prev, w_n_t, out=pre[:, nb])
    pre[:, nb] += ax[:, nb]
    np.tanh(pre[:, nb], out=act[:, nb])
    np.subtract(act[:, nb], h_prev, out=h)  # h = h_prev + z ⊙ (n − h_prev)
    h *= z
    h += h_prev


def local_derivatives_classic(h_prev, act):
    """From the classic cache for all steps: h_prev ``(T, B, H)``, act ``(T, B, 3H)`` -> ``(T, B, 4H)``
    holding ``[h_{t-1} σ'_r, (n − h_{t-1}) σ'_z, z tanh'_n, 1 − z]``."""
    n_h = h_prev.shape[2]
    r, z, n = (act[..., k * n_h : (k + 1) * n_h] for k in range(3))
    return np.concatenate(
        [h_prev * sigmoid_grad_from_output(r), (n - h_prev) * sigmoid_grad_from_output(z), z * tanh_grad_from_output(n), 1.0 - z],
        axis=-1,
    )


def step_backward_classic(dh, coef, r, w_rz, w_n, dpre):
    """Backward of ``step_forward_classic``. dh ``(B, H)`` total ``dL/dh_t``; coef ``(B, 4H)`` this step's
    ``local_derivatives_classic``; r ``(B, H)``; w_rz ``(2H, H)``, w_n ``(H, H)`` blocks of ``W_hh``.

    Writes dpre ``(B, 3H)`` = ``dL/d[r, z, n]`` pre-activations; returns ``dL/dh_{t-1}`` ``(B, H)``.
    """
    n_h = dh.shape[1]
    k_r, k_z, k_n, one_minus_z = (coef[:, k * n_h : (k + 1) * n_h] for k in range(4))
    dn = dpre[:, 2 * n_h :]
    np.multiply(dh, k_n, out=dn)
    np.multiply(dh, k_z, out=dpre[:, n_h : 2 * n_h])
    drh = dn @ w_n  # dL/d(r ⊙ h_{t-1})
    np.multiply(drh, k_r, out=dpre[:, :n_h])
    dh_prev = dpre[:, : 2 * n_h] @ w_rz
    dh_prev += dh * one_minus_z
    dh_prev += drh * r
    return dh_prev


def step_forward_pytorch(ax, h_prev, w_hh_t, b_hn, pre, act, hn, h):
    """One pytorch-variant step. ax ``(B, 3H)`` = ``x_t W_ih^T + b_ih + [b_hr, b_hz, 0]``; h_prev
    ``(B, H)``; w_hh_t ``(H, 3H)``; b_hn ``(H,)``.

    Writes the cache: pre, act ``(B, 3H)``, hn ``(B, H)`` = ``h_{t-1} W_hn^T + b_hn`` and h ``(B, H)``.
    """
    n_h = h.shape[1]
    rz = slice(0, 2 * n_h)
    nb = slice(2 * n_h, 3 * n_h)
    np.matmul(h_prev, w_hh_t, out=pre)  # all three blocks in one product; n is replaced below
    np.add(pre[:, nb], b_hn, out=hn)
    pre[:, rz] += ax[:, rz]
    sigmoid(pre[:, rz], out=act[:, rz])
    np.multiply(act[:, :n_h], hn, out=pre[:, nb])
    pre[:, nb] += ax[:, nb]
    np.tanh(pre[:, nb], out=act[:, nb])
    np.subtract(h_prev, act[:, nb], out=h)  # h = n + z ⊙ (h_prev − n)
    h *= act[:, n_h : 2 * n_h]
    h += act[:, nb]


def local_derivatives_pytorch(h_prev, act, hn):
    """From the pytorch-variant cache for all steps: h_prev, hn ``(T, B, H)``, act ``(T, B, 3H)`` ->
    ``(T, B, 4H)`` holding ``[hn σ'_r, (h_{t-1} − n) σ'_z, (1 − z) tanh'_n, z]``."""
    n_h = h_prev.shape[2]
    r, z, n = (act[..., k * n_h : (k + 1) * n_h] for k in range(3))
    return np.concatenate(
        [hn * sigmoid_grad_from_output(r), (h_prev - n) * sigmoid_grad_from_output(z), (1.0 - z) * tanh_grad_from_output(n), z],
        axis=-1,
    )


def step_backward_pytorch(dh, coef, r, w_hh, dax, dah):
    """Backward of ``step_forward_pytorch``. dh ``(B, H)`` total ``dL/dh_t``; coef ``(B, 4H)`` this step's
    ``local_derivatives_pytorch``; r ``(B, H)``; w_hh ``(3H, H)``.

    Writes dax ``(B, 3H)`` (gradient of the input-side pre-activations ``x W_i·^T + b_i·``) and dah
    ``(B, 3H)`` (of ``h_{t-1} W_h·^T + b_h·``; they differ in the n block by the factor r); returns
    ``dL/dh_{t-1}`` ``(B, H)``.
    """
    n_h = dh.shape[1]
    k_r, k_z, k_n, z = (coef[:, k * n_h : (k + 1) * n_h] for k in range(4))
    dn = dax[:, 2 * n_h :]
    np.multiply(dh, k_n, out=dn)
    np.multiply(dn, k_r, out=dax[:, :n_h])
    np.multiply(dh, k_z, out=dax[:, n_h : 2 * n_h])
    dah[:, : 2 * n_h] = dax[:, : 2 * n_h]
    np.multiply(dn, r, out=dah[:, 2 * n_h :])
    dh_prev = dah @ w_hh
    dh_prev += dh * z
    return dh_prev


class GRUKernel(Kernel):
    """The GRU's buffers over time: ``pre, act (T, B, 3H)`` and, for the pytorch variant, ``hn (T, B, H)``."""

    blocks = ("r", "z", "n")

    def __init__(self, params, variant):
        super().__init__(params)
        self.variant = variant
        self.separate_dah = variant == "pytorch"
        n_h = self.n_hidden
        self.w_rz = np.ascontiguousarray(self.w_hh[: 2 * n_h])  # (2H, H)
        self.w_n = np.ascontiguousarray(self.w_hh[2 * n_h :])  # (H, H)
        self.w_rz_t = np.ascontiguousarray(self.w_rz.T)  # (H, 2H)
        self.w_n_t = np.ascontiguousarray(self.w_n.T)  # (H, H)
        self.b_hn = params["bias_hh"][2 * n_h :]

    def input_bias(self):
        bias = self.params["bias_ih"] + self.params["bias_hh"]
        if self.variant == "pytorch":
            bias[2 * self.n_hidden :] = self.params["bias_ih"][2 * self.n_hidden :]  # b_hn sits inside r ⊙ (·)
        return bias

    def start(self, n_t, n_b):
        self.pre = np.empty((n_t, n_b, 3 * self.n_hidden))  # (T, B, 3H)
        self.act = np.empty((n_t, n_b, 3 * self.n_hidden))  # (T, B, 3H)
        self.hn = np.empty((n_t, n_b, self.n_hidden)) if self.variant == "pytorch" else None  # (T, B, H)

    def step_forward(self, t, ax_t, h_prev, c_prev, h_out, c_out):
        if self.variant == "classic":
            step_forward_classic(ax_t, h_prev, self.w_rz_t, self.w_n_t, self.pre[t], self.act[t], h_out)
        else:
            step_forward_pytorch(ax_t, h_prev, self.w_hh_t, self.b_hn, self.pre[t], self.act[t], self.hn[t], h_out)

    def records(self):
        pre = self.split(self.pre)
        if self.variant == "pytorch":
            pre["hn"] = self.hn
        return pre, self.split(self.act)

    def load(self, pre, gates, h, c, h_prev, c_prev):
        act = self.pack(gates)
        self.r = gates["r"]
        if self.variant == "classic":
            self.coef = local_derivatives_classic(h_prev, act)
            self.rh = self.r * h_prev  # what W_hn multiplies, for dW_hn
        else:
            self.coef = local_derivatives_pytorch(h_prev, act, pre["hn"])

    def step_backward(self, t, dh, dc_carry, dc_out, dax_out, dah_out):
        if self.variant == "classic":
            return step_backward_classic(dh, self.coef[t], self.r[t], self.w_rz, self.w_n, dax_out), None
        return step_backward_pytorch(dh, self.coef[t], self.r[t], self.w_hh, dax_out, dah_out), None

    def weight_hh_grad(self, dah2, h_prev2):
        if self.variant == "pytorch":
            return dah2.T @ h_prev2
        n_h = self.n_hidden
        rh2 = self.rh.reshape(-1, n_h)  # (T*B, H)
        return np.concatenate([dah2[:, : 2 * n_h].T @ h_prev2, dah2[:, 2 * n_h :].T @ rh2])
