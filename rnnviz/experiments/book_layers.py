"""The book's RNN layer in its row-vector convention (seed 002), with the CORRECT backward.

Forward: ``h_next = tanh(h_prev @ Wh + x @ Wx + b)``. Backward::

    dt = dh_next * (1 − h_next²);  db = dt.sum(0);  dWh = h_prev.T @ dt;  dWx = x.T @ dt
    dh_prev = dt @ Wh.T;  dx = dt @ Wx.T

Seed 002's ``RNN.backward`` instead computes ``dh_prev = x.T @ dt`` (that is the correct
``dWx``) and ``dWx = dt @ Wx.T`` (that is ``dx``); its ``dx``, ``dWh`` and ``db`` are right,
and ``dt @ Wh.T`` is never computed. (Its ``forward`` also omits storing the cache and
returning ``h_next``.) ``seed_buggy_rnn_step_backward`` reproduces it for comparison.

Shapes: ``B`` batch, ``I`` input, ``H`` hidden, ``T`` time; ``x (B, I)``, ``h (B, H)``,
``Wx (I, H)``, ``Wh (H, H)``, ``b (H,)``; sequences are ``(T, B, ...)`` (the book's own
``TimeRNN`` uses ``(B, T, ...)``).
"""

import numpy as np

from rnnviz.core.activations import tanh_grad_from_output


def _check_step(x, h_prev, Wx, Wh, b):
    B, I = x.shape if x.ndim == 2 else (-1, -1)
    H = Wh.shape[0] if Wh.ndim == 2 else -1
    ok = (x.ndim == 2 and h_prev.shape == (B, H) and Wx.shape == (I, H)
          and Wh.shape == (H, H) and b.shape == (H,))
    if not ok:
        raise ValueError(
            "expected x (B, I), h_prev (B, H), Wx (I, H), Wh (H, H), b (H,); got "
            f"x {x.shape}, h_prev {h_prev.shape}, Wx {Wx.shape}, Wh {Wh.shape}, b {b.shape}"
        )


def rnn_step_forward(x, h_prev, Wx, Wh, b):
    """One step ``h_next = tanh(h_prev @ Wh + x @ Wx + b)``. Returns ``(h_next (B, H), cache)``."""
    x, h_prev, Wx, Wh, b = (np.asarray(a, dtype=np.float64) for a in (x, h_prev, Wx, Wh, b))
    _check_step(x, h_prev, Wx, Wh, b)
    h_next = np.tanh(h_prev @ Wh + x @ Wx + b)  # (B, H)
    return h_next, (x, h_prev, h_next, Wx, Wh)


def rnn_step_backward(dh_next, cache):
    """Correct backward of ``rnn_step_forward`` for ``dh_next`` ``(B, H)``.

    Returns a dict ``dx (B, I)``, ``dh_prev (B, H)``, ``dWx (I, H)``, ``dWh (H, H)``, ``db (H,)``.
    """
    x, h_prev, h_next, Wx, Wh = cache
    dt = dh_next * tanh_grad_from_output(h_next)  # (B, H): dh_next * (1 − h_next²)
    return {
        "dx": dt @ Wx.T,  # (B, I)
        "dh_prev": dt @ Wh.T,  # (B, H)
        "dWx": x.T @ dt,  # (I, H)
        "dWh": h_prev.T @ dt,  # (H, H)
        "db": dt.sum(axis=0),  # (H,)
    }


def seed_buggy_rnn_step_backward(dh_next, cache):
    """What seed 002's ``RNN.backward`` computes (WRONG; for display only).

    Same keys as ``rnn_step_backward``; ``dh_prev`` is ``x.T @ dt`` ``(I, H)`` and ``dWx`` is
    ``dt @ Wx.T`` ``(B, I)``, so their shapes are right only when ``B == I == H``.
    """
    x, h_prev, h_next, Wx, Wh = cache
    dt = dh_next * tanh_grad_from_output(h_next)
    return {
        "dx": dt @ Wx.T,
        "dh_prev": x.T @ dt,  # ✗ this is dWx, (I, H)
        "dWx": dt @ Wx.T,  # ✗ this is dx, (B, I)
        "dWh": h_prev.T @ dt,
        "db": dt.sum(axis=0),
    }


def compare_seed_backward(dh_next, cache, rtol=1e-10):
    """Side by side: for each gradient name, a dict with ``correct``, ``seed``, ``same_shape``
    and ``agrees`` (same shape and values within ``rtol``)."""
    good = rnn_step_backward(dh_next, cache)
    bad = seed_buggy_rnn_step_backward(dh_next, cache)
    out = {}
    for name in good:
        same_shape = good[name].shape == bad[name].shape
        agrees = bool(same_shape and np.allclose(good[name], bad[name], rtol=rtol, atol=0.0))
        out[name] = {"correct": good[name], "seed": bad[name], "same_shape": same_shape,
                     "agrees": agrees}
    return out
