"""A tiny ``TimeRNN``-style unroller of the book's row-vector RNN layer (seed 002), with
truncated BPTT: the forward pass is never cut (the hidden state is carried from block to
block, ``stateful=True``), the backward pass is cut at block boundaries.

Shapes: ``xs (T, B, I)``, ``hs (T, B, H)``, ``Wx (I, H)``, ``Wh (H, H)``, ``b (H,)``.
(The book stores sequences as ``(B, T, ...)``; here time comes first, as everywhere in rnnviz.)
"""

import numpy as np

from rnnviz.experiments.book_layers import rnn_step_backward, rnn_step_forward


def time_rnn_forward(xs, Wx, Wh, b, h0=None):
    """Unroll ``T`` steps from ``h0`` ``(B, H)`` (zeros if None). Returns ``(hs (T, B, H), caches)``."""
    xs = np.asarray(xs, dtype=np.float64)
    if xs.ndim != 3:
        raise ValueError(f"xs must have shape (T, B, I), got {xs.shape}")
    T, B, _ = xs.shape
    H = np.shape(Wh)[0]
    h = np.zeros((B, H)) if h0 is None else np.asarray(h0, dtype=np.float64)
    hs = np.empty((T, B, H))
    caches = []
    for t in range(T):
        h, cache = rnn_step_forward(xs[t], h, Wx, Wh, b)
        hs[t] = h
        caches.append(cache)
    return hs, caches


def time_rnn_backward(dhs, caches, dh_last=None):
    """BPTT over the caches of one forward call; ``dhs`` ``(T, B, H)`` is the gradient from
    above at every step, ``dh_last`` ``(B, H)`` an extra gradient into the last state.

    Returns a dict ``dxs (T, B, I)``, ``dh0 (B, H)``, ``dWx``, ``dWh``, ``db`` (summed over time).
    """
    dhs = np.asarray(dhs, dtype=np.float64)
    if dhs.ndim != 3 or dhs.shape[0] != len(caches):
        raise ValueError(f"dhs must have shape (T, B, H) with T = {len(caches)}, got {dhs.shape}")
    x0, _, _, Wx, Wh = caches[0]
    dxs = np.empty((len(caches),) + x0.shape)
    grads = {"dWx": np.zeros_like(Wx), "dWh": np.zeros_like(Wh), "db": np.zeros(Wh.shape[0])}
    dh = np.zeros_like(dhs[0]) if dh_last is None else np.asarray(dh_last, dtype=np.float64)
    for t in reversed(range(len(caches))):
        g = rnn_step_backward(dhs[t] + dh, caches[t])
        dxs[t], dh = g["dx"], g["dh_prev"]
        for name in grads:
            grads[name] += g[name]
    return {"dxs": dxs, "dh0": dh, **grads}


def truncated_bptt(xs, dhs, Wx, Wh, b, block_len, h0=None):
    """Truncated BPTT with a stateful forward: blocks of ``block_len`` steps.

    Returns a dict: ``hs (T, B, H)`` (identical to the uncut forward), ``blocks``: a list of
    per-block gradient dicts (as ``time_rnn_backward``; each is what one training iteration
    would apply), and ``dWx``, ``dWh``, ``db`` summed over blocks.
    """
    xs = np.asarray(xs, dtype=np.float64)
    dhs = np.asarray(dhs, dtype=np.float64)
    if isinstance(block_len, bool) or not isinstance(block_len, (int, np.integer)) or block_len < 1:
        raise ValueError(f"block_len must be a positive integer, got {block_len!r}")
    if xs.ndim != 3 or dhs.ndim != 3 or dhs.shape[:2] != xs.shape[:2]:
        raise ValueError(f"xs must be (T, B, I) and dhs (T, B, H); got {xs.shape}, {dhs.shape}")
    h = h0
    hs, blocks = [], []
    for start in range(0, xs.shape[0], block_len):
        block_hs, caches = time_rnn_forward(xs[start:start + block_len], Wx, Wh, b, h)
        blocks.append(time_rnn_backward(dhs[start:start + block_len], caches))
        hs.append(block_hs)
        h = block_hs[-1]  # stateful: carry the state, cut the gradient
    total = {name: sum(blk[name] for blk in blocks) for name in ("dWx", "dWh", "db")}
    return {"hs": np.concatenate(hs), "blocks": blocks, **total}


class TimeRNN:
    """Book-style stateful unroller: ``forward(xs)`` starts from the state the previous call
    ended in when ``stateful`` (zeros after ``reset_state``). ``Wx (I, H)``, ``Wh (H, H)``, ``b (H,)``."""

    def __init__(self, Wx, Wh, b, stateful=False):
        self.params = tuple(np.asarray(p, dtype=np.float64) for p in (Wx, Wh, b))
        self.stateful = stateful
        self.h = None
        self._caches = None

    def reset_state(self):
        """Forget the carried hidden state."""
        self.h = None

    def forward(self, xs):
        """``xs (T, B, I) -> hs (T, B, H)``."""
        h0 = self.h if self.stateful else None
        hs, self._caches = time_rnn_forward(xs, *self.params, h0=h0)
        self.h = hs[-1]
        return hs

    def backward(self, dhs):
        """``dhs (T, B, H)`` -> gradient dict of ``time_rnn_backward`` (truncated at this block)."""
        if self._caches is None:
            raise ValueError("backward called before forward")
        return time_rnn_backward(dhs, self._caches)
