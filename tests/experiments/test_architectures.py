"""The stacked and bidirectional gradient tables."""

import numpy as np
import pytest

from rnnviz import core
from rnnviz.experiments import architectures


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_stacked_table_is_the_engine_map_in_tidy_form(cell):
    table = architectures.stacked_gradient_table(cell, layers=3, T=20, H=5, forget_bias=1.0, update_bias=-1.0, seed=4)
    assert list(table.columns) == ["layer", "t", "log10_grad_norm"] and len(table) == 3 * 20
    params = core.init_stacked_params(cell, 4, 5, 3, init="orthogonal", seed=4,
                                      forget_bias=1.0 if cell == "lstm" else 0.0,
                                      update_bias=-1.0 if cell == "gru" else 0.0)
    x = np.random.default_rng(4).standard_normal((20, 1, 4))
    expected = core.stacked_gradient_norms(cell, params, x)
    np.testing.assert_array_equal(table.pivot(index="layer", columns="t", values="log10_grad_norm").to_numpy(), expected)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_bidirectional_table(cell):
    table = architectures.bidirectional_gradient_table(cell, T=9, H=4, seed=2)  # loss at the middle, t = 4
    assert list(table.columns) == ["direction", "t", "log10_grad_norm", "log10_grad_h"]
    assert list(table["direction"].unique()) == ["forward", "backward", "both"] and len(table) == 27
    by = {d: g.set_index("t") for d, g in table.groupby("direction")}
    assert np.isneginf(by["forward"].loc[5:, "log10_grad_norm"]).all()
    assert np.isneginf(by["backward"].loc[:3, "log10_grad_norm"]).all()
    assert np.isfinite(by["both"]["log10_grad_norm"]).all() and by["both"]["log10_grad_h"].isna().all()
    fwd = core.init_params(cell, 4, 4, init="orthogonal", seed=2)
    bwd = core.init_params(cell, 4, 4, init="orthogonal", seed=3)
    norms = core.bidirectional_gradient_norms(cell, fwd, bwd, np.random.default_rng(2).standard_normal((9, 1, 4)), 4)
    np.testing.assert_array_equal(by["backward"]["log10_grad_norm"], norms["dx_backward"])
    np.testing.assert_array_equal(by["forward"]["log10_grad_h"], norms["dh_forward"])
