"""Reductions the charts need from the engine's arrays: norms in log10, block averages down to screen
resolution, and products over the rest of a sequence kept in log space.

Shapes: ``T`` time, ``H`` hidden (or any last axis).
"""

from __future__ import annotations

import numpy as np


def log10_norm(values: np.ndarray) -> np.ndarray:
    """log10 of the norm over the last axis, ``(..., K) -> (...)``; nan where the norm is 0 (an underflowed
    gradient) or not finite."""
    with np.errstate(all="ignore"):
        out = np.log10(np.linalg.norm(values, axis=-1))
    out[~np.isfinite(out)] = np.nan
    return out


def log10_tail_products(log10_factors: np.ndarray) -> np.ndarray:
    """``log10 Π_{k=t+1}^{T−1} f_k`` for every t, per unit, from ``log10 f`` of shape ``(T, H)``: ``(T, H)``
    (0 at the last step, where the product is empty)."""
    tail = np.cumsum(log10_factors[::-1], axis=0)[::-1]  # tail[t] = Σ_{k>=t}
    return np.concatenate([tail[1:], np.zeros((1,) + log10_factors.shape[1:])])


def block_mean(values: np.ndarray, axis: int, limit: int) -> tuple[np.ndarray, int]:
    """Average ``values`` over consecutive blocks along ``axis`` so that at most ``limit`` remain.

    Returns ``(aggregated, factor)``; the last block may be shorter. ``factor`` 1 means unchanged.
    """
    n = values.shape[axis]
    factor = int(np.ceil(n / limit))
    if factor <= 1:
        return values, 1
    starts = np.arange(0, n, factor)
    return np.add.reduceat(values, starts, axis=axis) / np.diff(np.append(starts, n)).reshape(
        [-1 if a == axis else 1 for a in range(values.ndim)]), factor


def bin_mean(values: np.ndarray, max_rows: int, max_cols: int) -> tuple[np.ndarray, int, int]:
    """Average ``values (T, H)`` over blocks so that at most ``max_rows × max_cols`` remain, ignoring nan.

    Returns ``(binned (Tb, Hb), t_factor, unit_factor)``; a factor of 1 means no aggregation. The last
    block may be shorter (it is averaged over the entries it has).
    """
    values = np.asarray(values, dtype=np.float64)
    if values.ndim != 2 or values.shape[0] < 1 or values.shape[1] < 1:
        raise ValueError(f"values must have shape (T, H) with T, H >= 1; got {values.shape}")
    if max_rows < 1 or max_cols < 1:
        raise ValueError(f"max_rows and max_cols must be >= 1; got {max_rows}, {max_cols}")
    n_t, n_h = values.shape
    f_t = -(-n_t // max_rows)
    f_h = -(-n_h // max_cols)
    rows, cols = -(-n_t // f_t), -(-n_h // f_h)
    padded = np.full((rows * f_t, cols * f_h), np.nan)
    padded[:n_t, :n_h] = values
    blocks = padded.reshape(rows, f_t, cols, f_h)
    counts = np.sum(np.isfinite(blocks), axis=(1, 3))  # (Tb, Hb)
    sums = np.nansum(blocks, axis=(1, 3))
    return sums / counts, f_t, f_h


def bin_centres(n: int, factor: int) -> np.ndarray:
    """1-based positions of the centres of ``ceil(n / factor)`` bins of width ``factor`` over ``1..n``."""
    starts = np.arange(1, n + 1, factor)
    ends = np.minimum(starts + factor - 1, n)
    return (starts + ends) / 2.0
