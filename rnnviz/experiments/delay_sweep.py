"""Which cells solve a long-term-dependency task at which delays: one training run per (cell, T).

A run stops at the first snapshot whose held-out loss is below ``solved_below`` × baseline (the task
is solved) or after ``config.steps`` steps. Cost: a training step of length ``T`` costs about ``T``
cell steps, so a sweep costs at most ``Σ T / config.T`` default runs, less where cells solve early.
With the defaults (T = 5, 10, 20, 40; 1000 steps; four cells), measured on a shared 2-core machine
with ``OPENBLAS_NUM_THREADS=1`` (``bench/bench_training_runs.py``): about 14 s of CPU time on the
adding problem and 23 s on the first-token task (wall-clock 50–60 s under heavy load). Cache it.
"""

import numpy as np
import pandas as pd

from rnnviz.core.validate import check_finite_scalar
from rnnviz.experiments.training import CELL_KINDS, TrainingConfig, train

SWEEP_LENGTHS = (5, 10, 20, 40)
SOLVED_BELOW = 0.3  # a run "solves" the task when its final held-out loss is below this fraction of the baseline


def delay_sweep(config=None, lengths=SWEEP_LENGTHS, kinds=CELL_KINDS, solved_below=SOLVED_BELOW):
    """Train every cell kind at every sequence length ``T`` in ``lengths`` (other settings from ``config``).

    Returns a tidy table, one row per run: ``cell``, ``T``, ``delay`` (``T − 1``: how far back the
    farthest relevant input can lie; in the adding problem the first marked number lies between
    ``T − T//2`` and ``T − 1`` steps back, in ``first_token`` exactly ``T − 1``), ``ratio`` (held-out
    loss / baseline when the run stopped), ``solved`` (``ratio < solved_below``), ``steps`` (steps
    taken) and ``seconds``.
    """
    config = TrainingConfig() if config is None else config
    solved_below = check_finite_scalar("solved_below", solved_below)
    lengths = [int(T) for T in np.atleast_1d(lengths)]
    rows = []
    for T in lengths:
        settings = config.replace(T=T)
        for kind in kinds:
            for last in train(kind, settings):
                if last.ratio < solved_below:
                    break  # dropping the generator stops the run
            rows.append((kind, T, T - 1, last.ratio, bool(last.ratio < solved_below), last.step, last.seconds))
    return pd.DataFrame(rows, columns=["cell", "T", "delay", "ratio", "solved", "steps", "seconds"])
