"""Step Jacobians ``∂h_t/∂h_{t−1}`` of every cell, read off a recorded forward pass.

Shapes: ``T`` time, ``B`` batch, ``H`` hidden; ``W_h·`` are ``(H, H)`` blocks of ``weight_hh``
(PyTorch gate order: LSTM ``i, f, g, o``; GRU ``r, z, n``). ``diag(v) W`` is written
``v[..., :, None] * W`` and ``W diag(v)`` is ``W * v[..., None, :]``.

Per cell (``'`` is the derivative, ``σ`` the sigmoid):

- RNN: ``J = diag(φ'(a_t)) W_hh``.
- LSTM with ``c_{t−1}`` held fixed:
  ``∂c_t/∂h = diag(g σ'_i) W_hi + diag(c_{t−1} σ'_f) W_hf + diag(i tanh'_g) W_hg``,
  ``J = diag(tanh(c_t) σ'_o) W_ho + diag(o tanh'(c_t)) ∂c_t/∂h``.
  The full state Jacobian adds ``∂h_t/∂c_{t−1} = diag(o tanh'(c_t) f)`` and
  ``∂c_t/∂c_{t−1} = diag(f_t)``: the constant error path, no matrix and no squashing on it.
- GRU classic (Cho et al. 2014): ``J = diag(1 − z) + diag((n − h_{t−1}) σ'_z) W_hz + diag(z) ∂n/∂h``
  with ``∂n/∂h = diag(tanh'_n) (W_hn diag(r) + W_hn diag(h_{t−1} σ'_r) W_hr)``.
- GRU pytorch: ``J = diag(z) + diag((h_{t−1} − n) σ'_z) W_hz + diag(1 − z) ∂n/∂h``
  with ``∂n/∂h = diag(tanh'_n) (diag(r) W_hn + diag(hn σ'_r) W_hr)``, ``hn = W_hn h_{t−1} + b_hn``.

Seed 001 and the book write the classic GRU (``z`` on the candidate); ``"pytorch"`` is cuDNN's form.
The LSTM and GRU ignore ``nonlinearity`` (their squashings are fixed); the RNN takes ``relu'(0) = 0``.
"""

import numpy as np

from rnnviz.core.activations import activation_grad, sigmoid_grad_from_output, tanh_grad_from_output
from rnnviz.core.validate import CELLS, GRU_VARIANTS


def step_jacobians(trace):
    """``J[t] = ∂h_t/∂h_{t−1}`` for every step, ``(T, B, H, H)``; row index ``h_t``, column ``h_{t−1}``.

    ``J[0]`` is taken with respect to ``h0``. For the LSTM ``c_{t−1}`` is held fixed (the h→h block of
    :func:`state_jacobians`).
    """
    _check_trace(trace)
    return _jacobians(trace, slice(None), slice(None), state=False)


def state_jacobians(trace):
    """LSTM only: ``∂(h_t, c_t)/∂(h_{t−1}, c_{t−1})``, ``(T, B, 2H, 2H)``.

    Blocks: ``[:H, :H]`` h from h, ``[:H, H:]`` h from c, ``[H:, :H]`` c from h, ``[H:, H:]`` c from c
    ``= diag(f_t)`` (see :func:`forget_path`).
    """
    _check_trace(trace)
    if trace.cell != "lstm":
        raise ValueError(f"state_jacobians needs trace.cell == 'lstm'; got {trace.cell!r}")
    return _jacobians(trace, slice(None), slice(None), state=True)


def forget_path(trace):
    """LSTM only: the diagonal of ``∂c_t/∂c_{t−1} = diag(f_t)``, i.e. the forget gate, ``(T, B, H)``.

    This is the constant error path: along it a gradient is multiplied by ``f_t`` and nothing else.
    """
    _check_trace(trace)
    if trace.cell != "lstm":
        raise ValueError(f"forget_path needs trace.cell == 'lstm'; got {trace.cell!r}")
    return np.array(trace.gates["f"], dtype=np.float64)  # (T, B, H)


def cell_jacobian(cell, weight_hh, *, h_prev, c_prev=None, c=None, gates=None, pre=None,
                  nonlinearity="tanh", gru_variant="classic", state=False):
    """The local Jacobian of one cell at given states, for any leading shape ``(...)``.

    ``weight_hh`` ``(G·H, H)``; ``h_prev``, ``c_prev``, ``c`` ``(..., H)``; ``gates`` and ``pre`` dicts of
    ``(..., H)`` as in a Trace (RNN needs ``pre['a']``; GRU pytorch needs ``pre['hn']``).
    Returns ``(..., H, H)`` for ``∂h_t/∂h_{t−1}``, or for the LSTM with ``state=True``
    ``(..., 2H, 2H)`` for ``∂(h_t, c_t)/∂(h_{t−1}, c_{t−1})``.
    """
    w = np.asarray(weight_hh, dtype=np.float64)
    H = w.shape[1]
    if cell == "rnn":
        a = pre["a"]
        dphi = activation_grad(nonlinearity, a, _rnn_output(nonlinearity, a))  # (..., H)
        return dphi[..., :, None] * w
    if cell == "lstm":
        return _lstm_jacobian(w, H, gates, c_prev, c, state)
    if cell == "gru":
        if gru_variant == "classic":
            return _gru_classic_jacobian(w, H, gates, h_prev)
        if gru_variant == "pytorch":
            return _gru_pytorch_jacobian(w, H, gates, pre["hn"], h_prev)
        raise ValueError(f"gru_variant must be one of {GRU_VARIANTS}; got {gru_variant!r}")
    raise ValueError(f"cell must be one of {CELLS}; got {cell!r}")


def _rnn_output(nonlinearity, a):
    return np.tanh(a) if nonlinearity == "tanh" else a  # only tanh' reads the output


def _lstm_jacobian(w, H, gates, c_prev, c, state):
    w_i, w_f, w_g, w_o = (w[k * H:(k + 1) * H] for k in range(4))  # (H, H) each
    i, f, g, o = gates["i"], gates["f"], gates["g"], gates["o"]  # (..., H)
    tc = np.tanh(c)
    dtc = tanh_grad_from_output(tc)
    dc_dh = (_rows(g * sigmoid_grad_from_output(i), w_i)
             + _rows(c_prev * sigmoid_grad_from_output(f), w_f)
             + _rows(i * tanh_grad_from_output(g), w_g))  # (..., H, H)
    dh_dh = _rows(tc * sigmoid_grad_from_output(o), w_o) + (o * dtc)[..., :, None] * dc_dh
    if not state:
        return dh_dh
    out = np.zeros(dh_dh.shape[:-2] + (2 * H, 2 * H))  # (..., 2H, 2H)
    out[..., :H, :H] = dh_dh
    out[..., H:, :H] = dc_dh
    idx = np.arange(H)
    out[..., idx, H + idx] = o * dtc * f  # ∂h_t/∂c_{t−1}, diagonal
    out[..., H + idx, H + idx] = f  # ∂c_t/∂c_{t−1} = diag(f_t)
    return out


def _gru_classic_jacobian(w, H, gates, h_prev):
    w_r, w_z, w_n = (w[k * H:(k + 1) * H] for k in range(3))
    r, z, n = gates["r"], gates["z"], gates["n"]
    through_r = _matmul_right(w_n * (h_prev * sigmoid_grad_from_output(r))[..., None, :], w_r)
    dn_dh = tanh_grad_from_output(n)[..., :, None] * (w_n * r[..., None, :] + through_r)
    jac = _rows((n - h_prev) * sigmoid_grad_from_output(z), w_z) + z[..., :, None] * dn_dh
    return _add_diagonal(jac, 1.0 - z)


def _gru_pytorch_jacobian(w, H, gates, hn, h_prev):
    w_r, w_z, w_n = (w[k * H:(k + 1) * H] for k in range(3))
    r, z, n = gates["r"], gates["z"], gates["n"]
    dn_dh = tanh_grad_from_output(n)[..., :, None] * (
        _rows(r, w_n) + _rows(hn * sigmoid_grad_from_output(r), w_r))
    jac = _rows((h_prev - n) * sigmoid_grad_from_output(z), w_z) + (1.0 - z)[..., :, None] * dn_dh
    return _add_diagonal(jac, z)


def _rows(v, w):
    """``diag(v) W``: ``v`` ``(..., H)``, ``w`` ``(H, H)`` -> ``(..., H, H)``."""
    return v[..., :, None] * w


def _matmul_right(m, w):
    """``m @ w`` for ``m`` ``(..., H, H)`` and ``w`` ``(H, H)`` as one matrix product."""
    return (m.reshape(-1, m.shape[-1]) @ w).reshape(m.shape[:-1] + (w.shape[1],))


def _add_diagonal(m, d):
    idx = np.arange(m.shape[-1])
    m[..., idx, idx] += d
    return m


def _jacobians(trace, times, batches, *, state):
    """Jacobians of ``trace`` for the steps ``times`` and batch rows ``batches`` (two slices)."""
    h_prev, c_prev = _previous_states(trace, times, batches)
    gates = {k: v[times, batches] for k, v in trace.gates.items()}
    pre = {k: v[times, batches] for k, v in trace.pre.items()}
    if trace.cell == "gru" and trace.gru_variant == "pytorch" and "hn" not in pre:
        H = trace.h.shape[-1]
        pre["hn"] = h_prev @ trace.params["weight_hh"][2 * H:].T + trace.params["bias_hh"][2 * H:]
    c = trace.c[times, batches] if trace.cell == "lstm" else None
    return cell_jacobian(trace.cell, trace.params["weight_hh"], h_prev=h_prev, c_prev=c_prev, c=c,
                         gates=gates, pre=pre, nonlinearity=trace.nonlinearity,
                         gru_variant=trace.gru_variant, state=state)


def _previous_states(trace, times, batches):
    """``h_{t−1}`` (and ``c_{t−1}`` for the LSTM) for the selected steps, ``(t, b, H)``."""
    h_prev = np.concatenate([trace.h0[None], trace.h[:-1]])[times, batches]
    if trace.cell != "lstm":
        return h_prev, None
    return h_prev, np.concatenate([trace.c0[None], trace.c[:-1]])[times, batches]


def _check_trace(trace):
    if trace.cell not in CELLS:
        raise ValueError(f"trace.cell must be one of {CELLS}; got {trace.cell!r}")
    if trace.cell == "gru" and trace.gru_variant not in GRU_VARIANTS:
        raise ValueError(f"trace.gru_variant must be one of {GRU_VARIANTS}; got {trace.gru_variant!r}")
    h = np.asarray(trace.h)
    if h.ndim != 3 or h.shape[0] < 1:
        raise ValueError(f"trace.h must have shape (T, B, H) with T >= 1; got {h.shape}")
    if trace.cell == "lstm" and (trace.c is None or trace.c0 is None):
        raise ValueError("an LSTM trace needs c (T, B, H) and c0 (B, H); got None")
