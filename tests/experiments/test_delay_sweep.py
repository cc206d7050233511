"""The delay sweep: one run per (cell, T), stopped when solved."""

import numpy as np

from rnnviz.experiments.delay_sweep import delay_sweep
from rnnviz.experiments.training import TrainingConfig, run


def test_sweep_table_and_early_stop():
    config = TrainingConfig(task="first_token", steps=100, report_every=20, hidden_size=8)
    table = delay_sweep(config, lengths=(3, 12), kinds=("rnn", "gru"))
    assert list(table.columns) == ["cell", "T", "delay", "ratio", "solved", "steps", "seconds"]
    assert list(table["cell"]) == ["rnn", "gru", "rnn", "gru"] and list(table["T"]) == [3, 3, 12, 12]
    np.testing.assert_array_equal(table["delay"], table["T"] - 1)
    np.testing.assert_array_equal(table["solved"], table["ratio"] < 0.3)
    assert table["solved"].any() and not table["solved"].all()
    for row in table.itertuples():
        snaps = run(row.cell, config.replace(T=row.T))
        first_solved = next((s for s in snaps if s.ratio < 0.3), snaps[-1])  # where the sweep stopped
        assert row.steps == first_solved.step and row.ratio == first_solved.ratio
        assert row.solved or row.steps == config.steps
