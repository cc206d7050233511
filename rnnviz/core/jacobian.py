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

Shared pieces: every diagonal factor above (``φ'``, ``g σ'_i``, ``o tanh'(c_t)``, ``z tanh'_n``, ...) is
read from the cell's own ``local_derivatives`` in ``rnnviz.core.cells.<cell>``, the same numbers the
backward steps there multiply by (``Jᵀ`` is the map ``dh_t ↦ dh_{t−1}`` of ``step_backward``). Only the
assembly into matrices lives here.
"""

import numpy as np

from rnnviz.core.activations import activate
from rnnviz.core.cells import gru, lstm, rnn
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
    derivatives = local_derivatives(cell, h_prev=h_prev, c_prev=c_prev, c=c, gates=gates, pre=pre,
                                    nonlinearity=nonlinearity, gru_variant=gru_variant)
    return assemble(cell, weight_hh, derivatives, gru_variant=gru_variant, state=state)


def local_derivatives(cell, *, h_prev, c_prev=None, c=None, gates=None, pre=None, nonlinearity="tanh",
                      gru_variant="classic"):
    """The cell's own ``local_derivatives`` (``rnnviz.core.cells``) at the given states, arrays as in
    :func:`cell_jacobian`: RNN ``{"dphi"}``, LSTM ``{"k_c", "coef", "f"}``, GRU ``{"coef", "r"}``."""
    if cell == "rnn":
        return {"dphi": rnn.local_derivatives(activate(nonlinearity, pre["a"]), nonlinearity)}
    if cell == "lstm":
        return lstm.local_derivatives(_stacked(gates, "ifgo"), c_prev, np.tanh(c))
    if cell == "gru":
        if gru_variant == "classic":
            return gru.local_derivatives_classic(_stacked(gates, "rzn"), h_prev)
        if gru_variant == "pytorch":
            return gru.local_derivatives_pytorch(_stacked(gates, "rzn"), h_prev, pre["hn"])
        raise ValueError(f"gru_variant must be one of {GRU_VARIANTS}; got {gru_variant!r}")
    raise ValueError(f"cell must be one of {CELLS}; got {cell!r}")


def assemble(cell, weight_hh, derivatives, *, gru_variant="classic", state=False):
    """The Jacobian from the cell's ``local_derivatives`` (see :func:`local_derivatives`) and ``weight_hh``
    ``(G·H, H)``: ``(..., H, H)``, or ``(..., 2H, 2H)`` for the LSTM's state Jacobian (``state=True``)."""
    w = np.asarray(weight_hh, dtype=np.float64)
    H = w.shape[1]
    if cell == "rnn":
        return _rows(derivatives["dphi"], w)  # diag(φ'(a_t)) W_hh
    if cell == "lstm":
        return _lstm_jacobian(w, H, derivatives, state)
    if gru_variant == "classic":
        return _gru_classic_jacobian(w, H, derivatives)
    return _gru_pytorch_jacobian(w, H, derivatives)


def _stacked(gates, names):
    """dict of ``(..., H)`` gate values -> ``(G, ..., H)`` stacked in layout order."""
    return np.stack([np.asarray(gates[name], dtype=np.float64) for name in names])


def _lstm_jacobian(w, H, derivatives, state):
    w_i, w_f, w_g, w_o = (w[k * H:(k + 1) * H] for k in range(4))  # (H, H) each
    k_i, k_f, k_g, k_o = derivatives["coef"]  # g σ'_i, c_{t−1} σ'_f, i tanh'_g, tanh(c_t) σ'_o
    k_c, f = derivatives["k_c"], derivatives["f"]  # o tanh'(c_t), f
    dc_dh = _rows(k_i, w_i) + _rows(k_f, w_f) + _rows(k_g, w_g)  # (..., H, H)
    dh_dh = _rows(k_o, w_o) + k_c[..., :, None] * dc_dh
    if not state:
        return dh_dh
    out = np.zeros(dh_dh.shape[:-2] + (2 * H, 2 * H))  # (..., 2H, 2H)
    out[..., :H, :H] = dh_dh
    out[..., H:, :H] = dc_dh
    idx = np.arange(H)
    out[..., idx, H + idx] = k_c * f  # ∂h_t/∂c_{t−1}, diagonal
    out[..., H + idx, H + idx] = f  # ∂c_t/∂c_{t−1} = diag(f_t)
    return out


def _gru_classic_jacobian(w, H, derivatives):
    w_r, w_z, w_n = (w[k * H:(k + 1) * H] for k in range(3))
    k_r, k_z, k_n, one_minus_z = derivatives["coef"]  # h_{t−1} σ'_r, (n − h_{t−1}) σ'_z, z tanh'_n, 1 − z
    r = derivatives["r"]
    through_r = _matmul_right(w_n * k_r[..., None, :], w_r)  # W_hn diag(h_{t−1} σ'_r) W_hr
    jac = _rows(k_z, w_z) + _rows(k_n, w_n * r[..., None, :] + through_r)
    return _add_diagonal(jac, one_minus_z)


def _gru_pytorch_jacobian(w, H, derivatives):
    w_r, w_z, w_n = (w[k * H:(k + 1) * H] for k in range(3))
    k_r, k_z, k_n, z = derivatives["coef"]  # hn σ'_r, (h_{t−1} − n) σ'_z, (1 − z) tanh'_n, z
    r = derivatives["r"]
    jac = _rows(k_z, w_z) + _rows(k_n, _rows(r, w_n) + _rows(k_r, w_r))
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
