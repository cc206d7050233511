"""The training experiments at their defaults: final loss / baseline and the time each run takes.

Prints, for the default config (adding problem, T = 50, H = 32, B = 32, Adam 1e-2, clip 1, 1000 steps)
and for the same settings on the "first token" task: each cell's final held-out loss / baseline,
wall-clock and CPU seconds; then the delay sweeps on both tasks and the input-reversal runs, with
their costs. Numbers only: nothing is asserted (the claim itself is a test).

Run: ``OPENBLAS_NUM_THREADS=1 python bench/bench_training_runs.py [--quick]`` (``--quick``: the
default runs only).
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rnnviz.experiments import reversal, training  # noqa: E402
from rnnviz.experiments.delay_sweep import delay_sweep  # noqa: E402


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def compare_report(config):
    print(f"{'cell':<6}{'loss/baseline':>15}{'wall s':>9}{'cpu s':>8}")
    total_wall = total_cpu = 0.0
    for kind in training.CELL_KINDS:
        snaps, wall, cpu = timed(lambda kind=kind: training.run(kind, config))
        total_wall += wall
        total_cpu += cpu
        print(f"{kind:<6}{snaps[-1].ratio:>15.3f}{wall:>9.1f}{cpu:>8.1f}", flush=True)
    print(f"{'all':<6}{'':>15}{total_wall:>9.1f}{total_cpu:>8.1f}")


def main():
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '(unset)')}, load average {load:.1f}")
    config = training.TrainingConfig()
    print(f"\ndefault run: {config}\n")
    compare_report(config)
    print("\nthe same settings on the first-token task (cross-entropy, baseline ln 4)\n")
    compare_report(config.replace(task="first_token"))
    if "--quick" in sys.argv:
        return
    for task in ("adding", "first_token"):
        table, wall, cpu = timed(lambda task=task: delay_sweep(config.replace(task=task)))
        print(f"\ndelay sweep, {task} (stops a run once solved): {wall:.1f} s wall, {cpu:.1f} s cpu")
        print(table.pivot(index="cell", columns="T", values="ratio").round(3).to_string())
    runs, wall, cpu = timed(reversal.reversal_runs)
    print(f"\ninput reversal, first token, T = {reversal.REVERSAL_CONFIG.T}, {reversal.REVERSAL_CONFIG.steps} steps: "
          f"{wall:.1f} s wall, {cpu:.1f} s cpu")
    for (kind, flipped), snaps in runs.items():
        print(f"  {kind:<5} reversed={flipped!s:<6} final loss/baseline {snaps[-1].ratio:.3f}")
    print(reversal.distance_table("first_token", T=reversal.REVERSAL_CONFIG.T).to_string(index=False))
    print(reversal.distance_table("adding", T=reversal.REVERSAL_CONFIG.T).to_string(index=False))


if __name__ == "__main__":
    main()
