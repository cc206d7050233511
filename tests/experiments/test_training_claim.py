"""The seeds' claim at the training defaults (adding problem, T = 50, H = 32, B = 32, Adam 1e-2, clip 1,
1000 steps): the LSTM and the GRU learn what lies many steps back, the tanh RNN does not.

One test, about 20–40 s on a 2-core machine (three full training runs).
"""

from rnnviz.experiments.training import TrainingConfig, compare


def test_gated_cells_learn_the_adding_problem_and_the_tanh_rnn_does_not():
    runs = compare(TrainingConfig(), kinds=("rnn", "lstm", "gru"))
    ratio = {kind: snaps[-1].ratio for kind, snaps in runs.items()}  # final held-out loss / best constant's
    assert ratio["lstm"] <= 0.3, ratio
    assert ratio["gru"] <= 0.3, ratio
    assert ratio["rnn"] >= 0.7, ratio
    assert all(snaps[0].ratio > 1.0 for snaps in runs.values())  # all start worse than the constant answer
