"""Seed 004's example 3: a recurrent network with a step activation that outputs the parity
bit (1 when the number of ones so far is odd) — the XOR of the input and the previous parity.

Weights chosen here (integers; step(z) = 1 if z > 0 else 0, as the seed says):
hidden ``a_t`` (OR) and ``b_t`` (AND) of ``x_t`` and the previous parity ``p_{t−1}``. Because
``a, b ∈ {0, 1}`` and ``a >= b``, ``p_{t−1} = a_{t−1} − b_{t−1}``, so the previous parity is
read straight from the previous hidden state — a plain Elman RNN::

    h_t = step(W_hh h_{t−1} + W_xh x_t + b_h),  W_hh = [[1, −1], [1, −1]], W_xh = [1, 1], b_h = [0, −1]
    p_t = step(W_hy h_t),                        W_hy = [1, −1]

Seed input ``0,1,0,1,1,0,1,0,1,1`` → parity ``0,1,1,0,1,1,0,0,1,0``.
Shapes: ``T`` steps, hidden size 2.
"""

import numpy as np

SEED_INPUT = (0, 1, 0, 1, 1, 0, 1, 0, 1, 1)
SEED_PARITY = (0, 1, 1, 0, 1, 1, 0, 0, 1, 0)

W_HH = np.array([[1, -1], [1, -1]])  # (2, 2) rows: OR unit, AND unit
W_XH = np.array([1, 1])  # (2,)
B_H = np.array([0, -1])  # (2,)
W_HY = np.array([1, -1])  # (2,) output = OR − AND


def step(z):
    """Seed 004's activation: 1 where ``z > 0``, 0 where ``z <= 0`` (integer array)."""
    return (np.asarray(z) > 0).astype(np.int64)


def parity_rnn(bits):
    """Run the parity RNN on ``bits`` ``(T,)`` of 0/1.

    Returns a dict: ``x`` ``(T,)``, ``pre_hidden`` ``(T, 2)`` (``W_hh h_{t−1} + W_xh x_t + b_h``),
    ``hidden`` ``(T, 2)`` (columns OR, AND), ``parity`` ``(T,)``; all integers.
    """
    x = np.asarray(bits)
    if x.ndim != 1 or not np.all((x == 0) | (x == 1)):
        raise ValueError("bits must be a 1-D sequence of shape (T,) containing only 0 and 1")
    x = x.astype(np.int64)
    T = x.shape[0]
    pre = np.zeros((T, 2), dtype=np.int64)
    hidden = np.zeros((T, 2), dtype=np.int64)
    h = np.zeros(2, dtype=np.int64)
    for t in range(T):
        pre[t] = W_HH @ h + W_XH * x[t] + B_H
        h = step(pre[t])
        hidden[t] = h
    parity = step(hidden @ W_HY)
    return {"x": x, "pre_hidden": pre, "hidden": hidden, "parity": parity}


def parity_truth_table():
    """The XOR table the hidden layer solves: rows ``(x_t, p_{t−1}, OR, AND, p_t)``, ``(4, 5)``."""
    rows = []
    for x in (0, 1):
        for p_prev in (0, 1):
            a, b = int(step(x + p_prev)), int(step(x + p_prev - 1))
            rows.append((x, p_prev, a, b, int(step(a - b))))
    return np.array(rows, dtype=np.int64)
