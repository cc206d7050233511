"""Benchmark: the vectorised scale sweep against a Python loop of core.forward + core.backward.

Run ``python bench/bench_sweep.py`` from the repository root. Prints milliseconds (best of a few
runs) and the speed-up over the loop measured in the same run; asserts nothing (machines are
shared and noisy). Sizes: 64 scales, B = 1, I = 16; T = 200, H = 64 (goal for the RNN: < 100 ms)
and the largest page setting T = 1000, H = 256. On a busy machine, multi-threaded BLAS can be
ten times slower than one thread; ``OPENBLAS_NUM_THREADS=1 python bench/bench_sweep.py`` gives
steadier numbers (the setting in force is printed).
"""

import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rnnviz.core import backward, forward, init_params  # noqa: E402
from rnnviz.core.sweep import gradient_norms_over_scales  # noqa: E402

N_SCALES, B, I = 64, 1, 16
CALM_SCALE = 2.0  # above about this, the tanh dynamics are chaotic: rounding differences between any
# two implementations grow to O(1) within ~100 steps, so their gradient norms cannot be compared


def loop_reference(cell, params, x, scales):
    """One forward + backward per scale: the reference, ``(S, T)`` like the sweep."""
    out = np.empty((len(scales), x.shape[0]))
    for k, s in enumerate(scales):
        trace = forward(cell, dict(params, weight_hh=s * params["weight_hh"]), x)
        dh = np.zeros(trace.h.shape)
        dh[-1] = 1.0
        out[k] = _log10_norms(backward(trace, dh).dh)
    return out


def _log10_norms(dh):
    """log10 of the Frobenius norm of each ``(B, H)`` slice of ``dh`` ``(T, B, H)``, scaled so the squares
    neither overflow nor underflow; NaN where the loop's own gradient already overflowed."""
    top = np.max(np.abs(dh), axis=(1, 2))
    safe = np.where(top > 0, top, 1.0)[:, None, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log10(top) + 0.5 * np.log10(np.sum((dh / safe) ** 2, axis=(1, 2)))


def best_ms(fn, repeat):
    best, result = np.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return 1e3 * best, result


def main():
    scales = np.geomspace(0.1, 10.0, N_SCALES)
    print(f"{N_SCALES} scales in [0.1, 10], B = {B}, I = {I}; "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}")
    print(f"{'cell':5} {'T':>5} {'H':>4}  {'sweep ms':>9}  {'loop ms':>9}  {'speed-up':>8}  max |Δlog10| at scales <= {CALM_SCALE} where the loop is finite")
    for steps, hidden, repeat in ((200, 64, 5), (1000, 256, 1)):
        for cell in ("rnn", "lstm", "gru"):
            params = init_params(cell, I, hidden, seed=0)
            x = np.random.default_rng(0).normal(size=(steps, B, I))
            sweep_ms, fast = best_ms(lambda: gradient_norms_over_scales(cell, params, x, scales), repeat)
            loop_ms, slow = best_ms(lambda: loop_reference(cell, params, x, scales), repeat)
            calm = (scales <= CALM_SCALE)[:, None] & np.isfinite(slow)  # the loop under/overflows, not the sweep
            gap = np.max(np.abs(fast[calm] - slow[calm]))
            print(f"{cell:5} {steps:5d} {hidden:4d}  {sweep_ms:9.1f}  {loop_ms:9.1f}  {loop_ms / sweep_ms:7.1f}x  "
                  f"{gap:.1e}; finite: sweep {bool(np.all(np.isfinite(fast)))}, loop {bool(np.all(np.isfinite(slow)))}")


if __name__ == "__main__":
    main()
