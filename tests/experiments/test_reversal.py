"""Seed 004's input reversal: the distances it changes and what it does to training."""

import numpy as np
import pytest

from rnnviz.experiments import reversal
from rnnviz.experiments.training import TrainingConfig


def test_copy_task_reversal_shortens_the_first_pairs_but_not_the_mean():
    """The seed: reversed, the first input sits one step from the first output; the mean distance stays."""
    table = reversal.copy_distances(6)
    plain = table[~table["reversed"]]["distance"].to_numpy()
    flipped = table[table["reversed"]]["distance"].to_numpy()
    np.testing.assert_array_equal(plain, 6)
    np.testing.assert_array_equal(flipped, [1, 3, 5, 7, 9, 11])
    assert plain.mean() == flipped.mean() == 6
    assert list(table.columns) == ["j", "reversed", "distance"]


def test_reversal_moves_the_first_token_next_to_the_loss():
    table = reversal.distance_table("first_token", T=30).set_index("reversed")
    assert table.loc[False].tolist() == [29.0, 29, 29] and table.loc[True].tolist() == [0.0, 0, 0]


def test_reversal_does_not_shorten_the_adding_problem_on_average():
    table = reversal.distance_table("adding", T=40, batch_size=20_000).set_index("reversed")
    assert table.loc[False, "mean"] == pytest.approx(table.loc[True, "mean"], abs=0.3)  # both ≈ (T − 1) / 2
    assert table.loc[True, "min"] == 0 and table.loc[True, "max"] == 39


def test_reversal_swaps_the_adding_marks_distances():
    """Reversed, the first mark (first half) comes near the loss and the second one (second half) goes far."""
    T = 40
    table = reversal.distance_ranges("adding", T=T, batch_size=5000).set_index(["input", "reversed"])
    assert table.loc[("mark_1", False), ["min", "max"]].tolist() == [T - T // 2, T - 1]
    assert table.loc[("mark_1", True), ["min", "max"]].tolist() == [0, T // 2 - 1]
    assert table.loc[("mark_2", False), ["min", "max"]].tolist() == [0, T // 2 - 1]
    assert table.loc[("mark_2", True), ["min", "max"]].tolist() == [T - T // 2, T - 1]
    both = reversal.distance_table("adding", T=T, batch_size=5000).set_index("reversed")
    for flipped in (False, True):
        assert table.xs(flipped, level="reversed")["mean"].mean() == pytest.approx(both.loc[flipped, "mean"])
    first = reversal.distance_ranges("first_token", T=T).set_index("reversed")
    assert first.loc[False, "mean"] == T - 1 and first.loc[True, "mean"] == 0


def test_reversed_first_token_is_learned_and_the_plain_one_is_not():
    """T = 20, 60 steps: reversed, the answer is the last input; read forwards it is 19 steps back."""
    config = TrainingConfig(task="first_token", T=20, steps=60, report_every=20)
    runs = reversal.reversal_runs(config, kinds=("rnn", "lstm"))
    for kind in ("rnn", "lstm"):
        assert runs[(kind, True)][-1].ratio < 0.1, kind
        assert runs[(kind, False)][-1].ratio > 0.5, kind
    table = reversal.reversal_table(runs)
    assert list(table.columns) == ["cell", "reversed", "step", "loss", "baseline"]
    assert len(table) == 4 * 4 and table["step"].max() == 60
