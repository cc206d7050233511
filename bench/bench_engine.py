"""Benchmark: forward + full BPTT of the numpy engine, and PyTorch CPU autograd on the same work.

Run: ``python bench/bench_engine.py``. Prints µs per time step (median of several repeats) for each
cell at T=1000, B=1, I=16, H=128 and on a small grid of T and H; if torch is importable, also the
ratio torch_time / ours (> 1 means the engine is faster) and the largest gradient difference.
Numbers only: nothing is asserted (machines are shared and noisy).
"""

import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rnnviz import core  # noqa: E402

CELLS = [("rnn", {"nonlinearity": "tanh"}), ("lstm", {}), ("gru", {"gru_variant": "classic"}), ("gru", {"gru_variant": "pytorch"})]
REPEATS = 7


def label(cell, opts):
    return f"{cell}/{opts['gru_variant']}" if cell == "gru" else cell


def problem(cell, n_t, n_h, n_i=16, n_b=1, seed=0):
    rng = np.random.default_rng(seed)
    params = core.init_params(cell, n_i, n_h, seed=seed)
    return params, rng.standard_normal((n_t, n_b, n_i)), rng.standard_normal((n_t, n_b, n_h))


def median_time(fn, repeats=REPEATS):
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def paired_median_times(fn_a, fn_b, repeats=REPEATS):
    """Median times of two functions run alternately, so that load from other processes hits both alike."""
    fn_a()
    fn_b()
    times_a, times_b = [], []
    for _ in range(repeats):
        for fn, times in ((fn_a, times_a), (fn_b, times_b)):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return float(np.median(times_a)), float(np.median(times_b))


def ours(cell, opts, params, x, dh):
    trace = core.forward(cell, params, x, **opts)
    return core.backward(trace, dh)


def torch_setup():
    try:
        import torch
    except Exception as err:  # noqa: BLE001 (any import failure means: no reference)
        return None, f"{type(err).__name__}: {err}"
    threads = int(os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS") or len(os.sched_getaffinity(0)))
    torch.set_num_threads(threads)
    return torch, threads


def torch_module(torch, cell, params, n_i, n_h):
    kinds = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}
    module = kinds[cell](n_i, n_h, dtype=torch.float64)
    with torch.no_grad():
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(module, f"{name}_l0").copy_(torch.from_numpy(params[name]))
    return module


def torch_run(torch, module, x, dh):
    module.zero_grad(set_to_none=True)
    xt = torch.from_numpy(x).requires_grad_(True)
    out, _ = module(xt)
    (out * torch.from_numpy(dh)).sum().backward()
    return xt.grad


def main():
    torch, info = torch_setup()
    print(f"numpy {np.__version__}; " + (f"torch {torch.__version__}, {info} threads" if torch else "torch not importable: ratio skipped"))
    if torch is None:
        print(f"  ({info})")

    print("\nforward + full BPTT, T=1000, B=1, I=16, H=128 (µs per step, median of {})".format(REPEATS))
    print(f"{'cell':<12}{'ours':>10}{'torch':>10}{'torch/ours':>12}{'max|Δgrad|':>14}")
    for cell, opts in CELLS:
        params, x, dh = problem(cell, 1000, 128)
        run_ours = lambda: ours(cell, opts, params, x, dh)  # noqa: E731
        if torch is not None and not (cell == "gru" and opts["gru_variant"] == "classic"):
            module = torch_module(torch, cell, params, 16, 128)
            t_ours, t_torch = paired_median_times(run_ours, lambda: torch_run(torch, module, x, dh))
        else:
            t_ours = median_time(run_ours)
        row = f"{label(cell, opts):<12}{t_ours / 1000 * 1e6:>10.1f}"
        if torch is not None and not (cell == "gru" and opts["gru_variant"] == "classic"):
            grads = ours(cell, opts, params, x, dh)
            dx = torch_run(torch, module, x, dh).numpy()
            diff = max(
                [float(np.max(np.abs(dx - grads.dx)))]
                + [float(np.max(np.abs(getattr(module, f"{k}_l0").grad.numpy() - grads.params[k]))) for k in params]
            )
            row += f"{t_torch / 1000 * 1e6:>10.1f}{t_torch / t_ours:>12.2f}{diff:>14.2e}"
        elif torch is not None:
            row += f"{'(no torch equivalent)':>36}"
        print(row)

    print("\ngrid, ours only (µs per step; B=1, I=16)")
    print(f"{'cell':<12}" + "".join(f"{f'T={t},H={h}':>14}" for t in (100, 1000) for h in (16, 64, 128)))
    for cell, opts in CELLS:
        row = f"{label(cell, opts):<12}"
        for n_t in (100, 1000):
            for n_h in (16, 64, 128):
                params, x, dh = problem(cell, n_t, n_h)
                row += f"{median_time(lambda: ours(cell, opts, params, x, dh), repeats=5) / n_t * 1e6:>14.1f}"
        print(row)


if __name__ == "__main__":
    main()
