"""GRU with gate blocks ``r, z, n`` (PyTorch order), in two variants.

``"classic"`` (Cho et al. 2014, seed 001 and the book)::

    r = σ(x W_ir^T + b_ir + h_{t-1} W_hr^T + b_hr)      z = σ(x W_iz^T + b_iz + h_{t-1} W_hz^T + b_hz)
    n = tanh(x W_in^T + b_in + (r ⊙ h_{t-1}) W_hn^T + b_hn)      h_t = (1 − z) ⊙ h_{t-1} + z ⊙ n

``"pytorch"`` (torch.nn.GRU, cuDNN): the reset gate acts after the matrix product and ``z`` keeps the
old state::

    n = tanh(x W_in^T + b_in + r ⊙ hn),  hn = h_{t-1} W_hn^T + b_hn      h_t = (1 − z) ⊙ n + z ⊙ h_{t-1}

Shapes: ``B`` batch, ``H`` hidden; per step ``(..., B, H)``, or ``(3, ..., B, H)`` for the gates stacked
in that order (see ``rnnviz.core.cells.base``), with any leading dimensions (none for one sequence,
``S`` scales in the sweep).
"""

from functools import cached_property

import numpy as np

from rnnviz.core.activations import sigmoid, sigmoid_grad_from_output, tanh_grad_from_output
from rnnviz.core.cells.base import GateWeights, Kernel, packed, recurrent


def step_forward_classic(ax, h_prev, w_rz, w_n_t, pre, act, h, scale=None):
    """One classic step. ax ``(3, ..., B, H)`` = ``x_t W_ih^T + b_ih + b_hh`` (may broadcast); h_prev
    ``(..., B, H)``; w_rz ``GateWeights`` of ``[W_hr; W_hz]``; w_n_t ``(H, H)`` = ``W_hn^T``; scale None or
    e.g. ``(S, 1, 1)`` (``s · W_hh``).

    Writes the cache: pre, act ``(3, ..., B, H)`` (``r, z, n`` pre-activations and values) and h ``(..., B, H)``.
    """
    pre_rz, pre_n = pre[:2], pre[2]
    w_rz.forward(h_prev, pre_rz, scale)  # [r, z] = σ(s · h_{t-1} [W_hr; W_hz]^T + ax_rz)
    np.add(pre_rz, ax[:2], out=pre_rz)
    sigmoid(pre_rz, out=act[:2])
    r, z, n = act
    recurrent(r * h_prev, w_n_t, scale, out=pre_n)  # n = tanh(s · (r ⊙ h_{t-1}) W_hn^T + ax_n)
    np.add(pre_n, ax[2], out=pre_n)
    np.tanh(pre_n, out=n)
    np.subtract(n, h_prev, out=h)  # h_t = h_{t-1} + z ⊙ (n − h_{t-1})
    h *= z
    h += h_prev


def local_derivatives_classic(act, h_prev, partials=False):
    """What ``step_backward_classic`` reads, from the cache of any number of steps: act ``(3, ..., B, H)``,
    h_prev ``(..., B, H)``. Returns a dict: ``coef (4, ..., B, H)`` =
    ``[h_{t-1} σ'_r, (n − h_{t-1}) σ'_z, z tanh'_n, 1 − z]``, ``r``; with ``partials`` also ``partial``:
    ``∂(r ⊙ h_{t-1})/∂r = h_{t-1}``, ``∂h_t/∂z = n − h_{t-1}`` (split as ``z_lane = −h_{t-1}`` and
    ``z_cand = n``), ``∂h_t/∂n = z``.
    """
    r, z, n = act
    partial = np.empty_like(act)  # (3, ..., B, H): what r, z and n multiply (laid out like act)
    partial[0], partial[2] = h_prev, z
    np.subtract(n, h_prev, out=partial[1])
    out = {"coef": _coefficients(partial, act, 1.0 - z), "r": r}
    if partials:
        out["partial"] = dict(zip("rzn", partial), z_lane=-h_prev, z_cand=n)
    return out


def step_backward_classic(dh, coef, r, w_rz, w_n, dpre, scale=None, partial=None, parts=None):
    """Backward of ``step_forward_classic``. dh ``(..., B, H)`` total ``dL/dh_t``; coef ``(4, ..., B, H)``
    and r ``(..., B, H)`` this step's ``local_derivatives_classic``; w_rz ``GateWeights`` of
    ``[W_hr; W_hz]``, w_n ``(H, H)`` = ``W_hn``.

    Writes dpre ``(3, ..., B, H)`` = ``dL/d[r, z, n]`` pre-activations; returns ``dL/dh_{t-1}``
    ``(..., B, H)``. With ``parts`` (a dict) and ``partial`` it also records the gradient arriving at
    each operation (``gate_parts``, ``pre_activation_parts``, ``d_rh``, ``d_hn`` and the three
    ``dh_prev_*`` paths).
    """
    k_r, k_z, k_n, one_minus_z = coef
    np.multiply(dh, k_n, out=dpre[2])  # dpre_n = dh ⊙ z ⊙ tanh'_n
    np.multiply(dh, k_z, out=dpre[1])  # dpre_z = dh ⊙ (n − h_{t-1}) σ'_z
    d_rh = recurrent(dpre[2], w_n, scale)  # at r ⊙ h_{t-1}: s · dpre_n W_hn
    np.multiply(d_rh, k_r, out=dpre[0])  # dpre_r = d_rh ⊙ h_{t-1} σ'_r
    # dh_{t-1} = s · [dpre_r, dpre_z] [W_hr; W_hz] + dh ⊙ (1 − z) + d_rh ⊙ r
    dh_prev = w_rz.backward(dpre[:2], scale)
    lane = dh * one_minus_z
    through_r = d_rh * r
    if parts is not None:
        parts.update(**gate_parts(dh, d_rh, partial), **pre_activation_parts(dpre), d_rh=d_rh, d_hn=d_rh,
                     dh_prev_mm=dh_prev.copy(), dh_prev_lane=lane, dh_prev_r=through_r)
    dh_prev += lane
    dh_prev += through_r
    if parts is not None:
        parts["dh_prev"] = dh_prev
    return dh_prev


def step_forward_pytorch(ax, h_prev, w_hh, b_hn, pre, act, hn, h, scale=None):
    """One pytorch-variant step. ax ``(3, ..., B, H)`` = ``x_t W_ih^T + b_ih + [b_hr, b_hz, 0]`` (may
    broadcast); h_prev ``(..., B, H)``; w_hh ``GateWeights`` of ``W_hh``; b_hn ``(H,)``; scale None or
    e.g. ``(S, 1, 1)``.

    Writes the cache: pre, act ``(3, ..., B, H)``, hn ``(..., B, H)`` = ``s · h_{t-1} W_hn^T + b_hn`` and h.
    """
    pre_rz, pre_n = pre[:2], pre[2]
    w_hh.forward(h_prev, pre, scale)  # all three gates; n is replaced below
    np.add(pre_n, b_hn, out=hn)  # hn = s · h_{t-1} W_hn^T + b_hn
    np.add(pre_rz, ax[:2], out=pre_rz)  # [r, z] = σ(s · h_{t-1} [W_hr; W_hz]^T + ax_rz)
    sigmoid(pre_rz, out=act[:2])
    r, z, n = act
    np.multiply(r, hn, out=pre_n)  # n = tanh(r ⊙ hn + ax_n)
    np.add(pre_n, ax[2], out=pre_n)
    np.tanh(pre_n, out=n)
    np.subtract(h_prev, n, out=h)  # h_t = n + z ⊙ (h_{t-1} − n)
    h *= z
    h += n


def local_derivatives_pytorch(act, h_prev, hn, partials=False):
    """What ``step_backward_pytorch`` reads, from the cache of any number of steps: act ``(3, ..., B, H)``,
    h_prev, hn ``(..., B, H)``. Returns a dict: ``coef (4, ..., B, H)`` =
    ``[hn σ'_r, (h_{t-1} − n) σ'_z, (1 − z) tanh'_n, z]``, ``r``; with ``partials`` also ``partial``:
    ``∂(r ⊙ hn)/∂r = hn``, ``∂h_t/∂z = h_{t-1} − n`` (``z_lane = h_{t-1}``, ``z_cand = −n``),
    ``∂h_t/∂n = 1 − z``.
    """
    r, z, n = act
    partial = np.empty_like(act)  # (3, ..., B, H): what r, z and n multiply (laid out like act)
    partial[0] = hn
    np.subtract(h_prev, n, out=partial[1])
    np.subtract(1.0, z, out=partial[2])
    out = {"coef": _coefficients(partial, act, z), "r": r}
    if partials:
        out["partial"] = dict(zip("rzn", partial), z_lane=h_prev, z_cand=-n)
    return out


def step_backward_pytorch(dh, coef, r, w_hh, w_rz, w_n, dax, dah, scale=None, partial=None, parts=None):
    """Backward of ``step_forward_pytorch``. dh ``(..., B, H)`` total ``dL/dh_t``; coef ``(4, ..., B, H)``
    and r ``(..., B, H)`` this step's ``local_derivatives_pytorch``; w_hh, w_rz ``GateWeights`` of
    ``W_hh`` and of ``[W_hr; W_hz]``, w_n ``(H, H)`` = ``W_hn``.

    Writes dax ``(3, ..., B, H)`` (gradient of the input-side pre-activations ``x W_i·^T + b_i·``) and
    dah ``(3, ..., B, H)`` (of ``s · h_{t-1} W_h·^T + b_h·``; they differ in the n gate by the factor r);
    returns ``dL/dh_{t-1}`` ``(..., B, H)``. ``parts`` and ``partial`` as in ``step_backward_classic``.
    """
    k_r, k_z, k_n, z = coef
    np.multiply(dh, k_n, out=dax[2])  # dpre_n = dh ⊙ (1 − z) ⊙ tanh'_n, also at r ⊙ hn
    np.multiply(dax[2], k_r, out=dax[0])  # dpre_r = dpre_n ⊙ hn σ'_r
    np.multiply(dh, k_z, out=dax[1])  # dpre_z = dh ⊙ (h_{t-1} − n) σ'_z
    dah[:2] = dax[:2]
    np.multiply(dax[2], r, out=dah[2])  # d_hn = dpre_n ⊙ r, at hn
    # dh_{t-1} = s · [dpre_r, dpre_z, d_hn] W_hh + dh ⊙ z
    if parts is None:
        dh_prev = w_hh.backward(dah, scale)  # the three gates at once
    else:
        through_mm = w_rz.backward(dah[:2], scale)
        through_r = recurrent(dah[2], w_n, scale)
        parts.update(**gate_parts(dh, dax[2], partial), **pre_activation_parts(dax), d_rh=dax[2], d_hn=dah[2],
                     dh_prev_mm=through_mm, dh_prev_r=through_r)
        dh_prev = through_mm + through_r
    lane = dh * z
    dh_prev += lane
    if parts is not None:
        parts.update(dh_prev_lane=lane, dh_prev=dh_prev)
    return dh_prev


def gate_parts(dh, d_rh, partial):
    """The gradients at the gate values, either variant: ``dr`` (from ``d_rh``, the gradient at
    ``r ⊙ h_{t-1}`` or ``r ⊙ hn``), ``dz`` (and its two halves ``dz_lane``, ``dz_cand`` from the two
    products ``z`` enters), ``dn`` at the candidate. Each ``(..., B, H)``."""
    return {"dr": d_rh * partial["r"], "dz": dh * partial["z"], "dn": dh * partial["n"],
            "dz_lane": dh * partial["z_lane"], "dz_cand": dh * partial["z_cand"]}


def pre_activation_parts(dpre):
    """``dpre_r, dpre_z, dpre_n`` ``(..., B, H)`` from ``dpre (3, ..., B, H)``, and ``dpre (..., B, 3H)``,
    ``dpre_rz (..., B, 2H)`` in PyTorch's layout."""
    return {"dpre": packed(dpre), "dpre_rz": packed(dpre[:2]), "dpre_r": dpre[0], "dpre_z": dpre[1],
            "dpre_n": dpre[2]}


def _coefficients(partial, act, lane):
    """``[partial ⊙ [σ'_r, σ'_z, tanh'_n], lane]`` ``(4, ..., B, H)``: each gate's factor times its slope,
    and the factor on the old state's lane."""
    coef = np.empty_like(act, shape=(4,) + act.shape[1:])  # laid out like act
    sigmoid_grad_from_output(act[:2], out=coef[:2])  # each gate's slope, then times its factor
    tanh_grad_from_output(act[2], out=coef[2])
    coef[:3] *= partial
    coef[3] = lane
    return coef


class GRUKernel(Kernel):
    """The GRU's cache over time: ``pre, act (T, 3, ..., B, H)`` and, for the pytorch variant,
    ``hn (T, ..., B, H)``; ``h`` supplied by the unroller."""

    blocks = ("r", "z", "n")

    def __init__(self, params, variant, scale=None):
        super().__init__(params, scale)
        self.variant = variant
        self.separate_dah = variant == "pytorch"
        self.cached_blocks = 5 if variant == "pytorch" else 4  # act (3) and h, plus hn
        n_h = self.n_hidden
        self.weights = GateWeights(self.w_hh, 3)
        self.w_rz = GateWeights(self.w_hh[: 2 * n_h], 2)
        self.w_n = np.ascontiguousarray(self.w_hh[2 * n_h :])  # (H, H)
        self.b_hn = params["bias_hh"][2 * n_h :]

    @cached_property
    def w_n_t(self):
        return np.ascontiguousarray(self.w_n.T)  # (H, H), made once, when a forward step first needs it

    def input_bias(self):
        bias = self.params["bias_ih"] + self.params["bias_hh"]
        if self.variant == "pytorch":
            bias[2 * self.n_hidden :] = self.params["bias_ih"][2 * self.n_hidden :]  # b_hn sits inside r ⊙ (·)
        return bias

    def start(self, n_t, lead, keep_pre=True):
        self.pre, self.act = self.buffers(n_t, lead, keep_pre)
        self.keep_pre = keep_pre
        self.hn = np.empty((n_t,) + tuple(lead) + (self.n_hidden,)) if self.variant == "pytorch" else None

    def step_forward(self, t, ax_t, h_prev, c_prev, h_out, c_out):
        pre = self.pre[t] if self.keep_pre else self.pre[0]  # one step's buffer, reused, when not kept
        if self.variant == "classic":
            step_forward_classic(ax_t, h_prev, self.w_rz, self.w_n_t, pre, self.act[t], h_out, self.scale)
        else:
            step_forward_pytorch(ax_t, h_prev, self.weights, self.b_hn, pre, self.act[t], self.hn[t], h_out, self.scale)

    def records(self):
        pre = self.split(self.pre)
        if self.variant == "pytorch":
            pre["hn"] = self.hn
        return pre, self.split(self.act)

    def load(self, pre, gates):
        self.act = self.stack(gates)
        self.hn = pre.get("hn")

    def derive(self, steps, h_prev, h, c_prev, c, partials=False):
        act = np.moveaxis(self.act[steps], 1, 0)  # (3, steps, ..., B, H)
        if self.variant == "classic":
            d = local_derivatives_classic(act, h_prev, partials)
        else:
            d = local_derivatives_pytorch(act, h_prev, self.hn[steps], partials)
        self.coef, self.r, self.partial = d["coef"], d["r"], d.get("partial")

    def step_backward(self, k, dh, dc_carry, dc_out, dax_out, dah_out, parts=None):
        partial = None if parts is None else {name: v[k] for name, v in self.partial.items()}
        if self.variant == "classic":
            return step_backward_classic(dh, self.coef[:, k], self.r[k], self.w_rz, self.w_n, dax_out, self.scale,
                                         partial, parts), None
        return step_backward_pytorch(dh, self.coef[:, k], self.r[k], self.weights, self.w_rz, self.w_n, dax_out,
                                     dah_out, self.scale, partial, parts), None

    def weight_hh_grad(self, dah2, h_prev2):
        if self.variant == "pytorch":
            return dah2.T @ h_prev2
        n_h = self.n_hidden
        rh2 = self.act[:, 0].reshape(-1, n_h) * h_prev2  # (T*B, H): what W_hn multiplies, r ⊙ h_{t-1}
        return np.concatenate([dah2[:, : 2 * n_h].T @ h_prev2, dah2[:, 2 * n_h :].T @ rh2])
