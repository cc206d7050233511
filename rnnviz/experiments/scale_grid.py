"""The scales of ``W_hh`` a sweep computes: an even grid, thinned to what fits a fixed work budget."""

from __future__ import annotations

import numpy as np

from rnnviz.core import gate_count

WORK_BUDGET = 2**31  # multiply-adds of one forward (and again of the backward) sweep
MIN_SCALES = 5


def scale_grid(smax: float, n_scales: int) -> np.ndarray:
    """``n_scales`` evenly spaced scales from ``smax / n_scales`` to ``smax``, (S,)."""
    return np.linspace(smax / n_scales, smax, n_scales)


def affordable_scales(cell: str, T: int, H: int, requested: int) -> int:
    """How many of the ``requested`` scales fit :data:`WORK_BUDGET`, at least :data:`MIN_SCALES`.

    The sweep costs about ``S · T · H · G·H`` multiply-adds each way; at T = 1000 and H = 256 that
    allows 32 scales for the RNN, 10 for the GRU and 8 for the LSTM (one to three seconds here).
    """
    per_scale = T * H * H * gate_count(cell)
    return int(min(requested, max(MIN_SCALES, WORK_BUDGET // per_scale)))
