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


def test_io_shapes_put_inputs_and_losses_where_seed_001_draws_them():
    layouts = {shape: architectures.io_shape_layout(shape, 6) for shape in architectures.IO_SHAPES}
    assert [list(v) for v in layouts["one_to_many"]] == [[True] + [False] * 5, [True] * 6]
    assert [list(v) for v in layouts["many_to_one"]] == [[True] * 6, [False] * 5 + [True]]
    assert [list(v) for v in layouts["many_to_many"]] == [[True] * 6, [True] * 6]
    assert [list(v) for v in layouts["encoder_decoder"]] == [[True] * 3 + [False] * 3, [False] * 3 + [True] * 3]
    with pytest.raises(ValueError, match="shape"):
        architectures.io_shape_layout("many_to_few", 6)


def test_io_shape_gradients_match_core_backward_and_where_the_loss_sits_decides_what_vanishes():
    T, H = 12, 6
    table = architectures.io_shape_gradients(T=T, H=H, seed=5)
    assert list(table.columns) == ["shape", "t", "input", "loss", "log10_grad_h", "log10_grad_x", "losses_after"]
    params = core.init_params("rnn", 4, H, init="orthogonal", seed=5)
    noise = np.random.default_rng(5).standard_normal((T, 1, 4))
    for shape, rows in table.groupby("shape", sort=False):
        has_input, has_loss = architectures.io_shape_layout(shape, T)
        trace = core.forward("rnn", params, noise * has_input[:, None, None])
        dh = np.zeros((T, 1, H))
        dh[has_loss] = 1 / np.sqrt(H)
        grads = core.backward(trace, dh)
        np.testing.assert_allclose(rows["log10_grad_h"], np.log10(np.linalg.norm(grads.dh[:, 0], axis=1)))
        x_rows = rows[rows["input"]]
        np.testing.assert_allclose(x_rows["log10_grad_x"], np.log10(np.linalg.norm(grads.dx[has_input, 0], axis=1)))
        assert rows[~rows["input"]]["log10_grad_x"].isna().all()
    by = {shape: rows.set_index("t") for shape, rows in table.groupby("shape")}
    # one loss at the end: the first input gets far less than the last; a loss at every step keeps them close
    assert by["many_to_one"].loc[0, "log10_grad_x"] < by["many_to_one"].loc[T - 1, "log10_grad_x"] - 1
    assert by["many_to_many"].loc[0, "log10_grad_x"] > by["many_to_one"].loc[0, "log10_grad_x"] + 1
    assert list(by["many_to_one"]["losses_after"]) == [1] * T


def test_weight_sharing_each_weights_gradient_is_the_sum_of_one_term_per_step():
    example = architectures.unfolded_example(T=6, H=3, V=5, scale=1.2, seed=2)
    np.testing.assert_allclose(example["grads"]["W_hh"], example["engine"]["W_hh"], atol=1e-14)
    np.testing.assert_allclose(example["grads"]["W_xh"], example["engine"]["W_xh"], atol=1e-14)
    assert example["contrib"]["W_hh"][0] == 0.0  # h_{−1} = 0: the first step adds nothing to ∂L/∂W_hh
    assert example["total"]["W_hh"] <= example["contrib"]["W_hh"].sum() + 1e-12  # norm of a sum ≤ sum of norms
    np.testing.assert_allclose(example["probs"].sum(axis=1), 1.0)

    # finite differences of L = Σ_t −log softmax(W_hy h_t + b_o)[target_t] with respect to W_hh
    params = core.init_params("rnn", 4, 3, init="orthogonal", scale=1.2, seed=2)
    rng = np.random.default_rng(2)
    w_hy = rng.uniform(-1.0, 1.0, size=(5, 3)) / np.sqrt(3)
    targets = rng.integers(0, 5, size=6)
    x = np.random.default_rng(2).standard_normal((6, 1, 4))

    def total_loss(weight_hh):
        h = core.forward("rnn", {**params, "weight_hh": weight_hh}, x).h[:, 0]
        logits = h @ w_hy.T
        log_p = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        return -log_p[np.arange(6), targets].sum()

    np.testing.assert_allclose(example["loss"].sum(), total_loss(params["weight_hh"]), rtol=1e-12)
    eps = 1e-6
    numeric = np.zeros((3, 3))
    for i in range(3):
        for j in range(3):
            step = np.zeros((3, 3))
            step[i, j] = eps
            numeric[i, j] = (total_loss(params["weight_hh"] + step) - total_loss(params["weight_hh"] - step)) / (2 * eps)
    np.testing.assert_allclose(example["grads"]["W_hh"], numeric, rtol=1e-7, atol=1e-10)
