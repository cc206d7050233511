"""Seed 004's input reversal: read the input backwards, and see how far the gradient must travel.

The seed: in sequence-to-sequence learning, reversing the input puts the start of the input one step
from the start of the output, so some dependencies become short, "but the average distance stays the
same". Here that is shown twice:

- :func:`copy_distances`: an encoder reads ``L`` inputs, a decoder then writes them back in order
  (output ``j`` at step ``L + j``). Without reversal every pair is ``L`` steps apart; with reversal input
  ``j`` is read at step ``L + 1 − j``, so the pair is ``2j − 1`` apart: from 1 to ``2L − 1``, mean ``L``.
- :func:`reversal_runs`: a many-to-one task whose answer sits at the start (``first_token``): reversed,
  the answer is the last input, 0 steps from the loss instead of ``T − 1``. The training curves with
  and without reversal and :func:`distance_table` show the difference. (In the adding problem the two
  marks are spread over both halves, so reversal helps one and hurts the other.)
"""

import numpy as np
import pandas as pd

from rnnviz.core.validate import check_positive_int
from rnnviz.experiments.tasks import distances_to_loss, get_task, reverse_batch
from rnnviz.experiments.training import TrainingConfig, run

REVERSAL_CONFIG = TrainingConfig(task="first_token", steps=300)  # the answer at t = 0: T − 1 steps back


def copy_distances(length):
    """Distances (in steps) from input ``j`` to output ``j`` in an ``L``-step copy task, ``j = 1 .. L``.

    Returns a tidy table: ``j``, ``reversed`` (False/True), ``distance`` (``L`` or ``2j − 1``).
    """
    n = check_positive_int("length", length)
    j = np.arange(1, n + 1)
    return pd.DataFrame({
        "j": np.concatenate([j, j]),
        "reversed": np.repeat([False, True], n),
        "distance": np.concatenate([np.full(n, n), 2 * j - 1]),
    })


def distance_table(task="first_token", T=50, batch_size=1000, seed=0):
    """How far the relevant inputs of ``task`` lie from the loss, with and without reversal.

    One row per ``reversed`` (False/True): ``mean``, ``min`` and ``max`` of ``T − 1 − t`` over the relevant
    inputs of ``batch_size`` sampled sequences (adding: both marks; first_token: the first token).
    """
    batch = get_task(task).sample(T, batch_size, np.random.default_rng(seed))
    rows = []
    for flipped, b in ((False, batch), (True, reverse_batch(batch))):
        d = distances_to_loss(b)
        rows.append((flipped, float(d.mean()), int(d.min()), int(d.max())))
    return pd.DataFrame(rows, columns=["reversed", "mean", "min", "max"])


RELEVANT_INPUTS = {"adding": ("mark_1", "mark_2"), "first_token": ("first_token",)}  # the columns of Batch.relevant


def distance_ranges(task="first_token", T=50, batch_size=1000, seed=0):
    """:func:`distance_table` per relevant input: how far each input that decides the answer lies from the
    loss, with and without reversal.

    One row per (``input``, ``reversed``): ``input`` is ``mark_1`` / ``mark_2`` (the adding problem's marks
    in the first and the second half) or ``first_token``; ``mean``, ``min`` and ``max`` of ``T − 1 − t``
    over ``batch_size`` sampled sequences.
    """
    batch = get_task(task).sample(T, batch_size, np.random.default_rng(seed))
    rows = []
    for column, name in enumerate(RELEVANT_INPUTS[task]):
        for flipped, b in ((False, batch), (True, reverse_batch(batch))):
            d = distances_to_loss(b)[:, column]  # (B,)
            rows.append((name, flipped, float(d.mean()), int(d.min()), int(d.max())))
    return pd.DataFrame(rows, columns=["input", "reversed", "mean", "min", "max"])


def reversal_runs(config=REVERSAL_CONFIG, kinds=("rnn", "lstm")):
    """Train each kind with and without input reversal: ``{(kind, reversed): [Snapshot, ...]}``."""
    return {(kind, flipped): run(kind, config.replace(reverse_input=flipped))
            for kind in kinds for flipped in (False, True)}


def reversal_table(runs):
    """Tidy curves of :func:`reversal_runs`: ``cell``, ``reversed``, ``step``, ``loss``, ``baseline``."""
    rows = [(kind, flipped, s.step, s.loss, s.baseline) for (kind, flipped), snaps in runs.items() for s in snaps]
    return pd.DataFrame(rows, columns=["cell", "reversed", "step", "loss", "baseline"])
