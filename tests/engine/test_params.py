"""Initialisations and the parameter layout."""

import numpy as np
import pytest

from rnnviz import core

CELLS = ("rnn", "lstm", "gru")
INITS = ("pytorch", "xavier", "orthogonal", "identity", "rand", "randn")
G = {"rnn": 1, "lstm": 4, "gru": 3}


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("init", INITS)
def test_shapes_dtype_and_determinism(cell, init):
    a = core.init_params(cell, 3, 5, init=init, seed=7)
    b = core.init_params(cell, 3, 5, init=init, seed=7)
    c = core.init_params(cell, 3, 5, init=init, seed=8)
    g = G[cell]
    shapes = {"weight_ih": (g * 5, 3), "weight_hh": (g * 5, 5), "bias_ih": (g * 5,), "bias_hh": (g * 5,)}
    assert {k: v.shape for k, v in a.items()} == shapes
    assert all(v.dtype == np.float64 for v in a.values())
    for k in shapes:
        np.testing.assert_array_equal(a[k], b[k])
    assert not np.array_equal(a["weight_ih"], c["weight_ih"])


def test_rand_reproduces_seed_000():
    """Seed 000: np.random.seed(3); Wh = np.random.rand(H, H), applied as h @ Wh, so weight_hh = Wh.T."""
    state = np.random.get_state()
    try:
        np.random.seed(3)
        wh = np.random.rand(3, 3)
        np.random.seed(3)
        wh_n = np.random.randn(3, 3)
    finally:
        np.random.set_state(state)
    np.testing.assert_array_equal(core.init_params("rnn", 2, 3, init="rand", seed=3)["weight_hh"], wh.T)
    np.testing.assert_array_equal(core.init_params("rnn", 2, 3, init="randn", seed=3)["weight_hh"], wh_n.T)
    # seed 000's second experiment: Wh = rand(H, H) * 0.5
    np.testing.assert_array_equal(core.init_params("rnn", 2, 3, init="rand", seed=3, scale=0.5)["weight_hh"], wh.T * 0.5)
    assert 0.55 < wh[0, 0] < 0.56  # np.random.seed(3); rand() starts 0.5507979...


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("init", INITS)
def test_scale_multiplies_weight_hh_only(cell, init):
    base = core.init_params(cell, 3, 4, init=init, seed=1)
    scaled = core.init_params(cell, 3, 4, init=init, seed=1, scale=2.5)
    np.testing.assert_allclose(scaled["weight_hh"], 2.5 * base["weight_hh"], rtol=1e-15)
    for k in ("weight_ih", "bias_ih", "bias_hh"):
        np.testing.assert_array_equal(scaled[k], base[k])


def test_forget_bias_is_added_to_the_lstm_forget_block_of_bias_hh():
    base = core.init_params("lstm", 3, 4, seed=1)
    fb = core.init_params("lstm", 3, 4, seed=1, forget_bias=1.0)
    np.testing.assert_allclose(fb["bias_hh"][4:8], base["bias_hh"][4:8] + 1.0, rtol=1e-15)
    np.testing.assert_array_equal(np.delete(fb["bias_hh"], np.s_[4:8]), np.delete(base["bias_hh"], np.s_[4:8]))
    np.testing.assert_array_equal(fb["bias_ih"], base["bias_ih"])
    for cell in ("rnn", "gru"):
        with pytest.raises(ValueError, match="forget_bias"):
            core.init_params(cell, 3, 4, forget_bias=1.0)


@pytest.mark.parametrize("cell", CELLS)
def test_orthogonal_blocks_are_orthogonal(cell):
    p = core.init_params(cell, 3, 6, init="orthogonal", seed=2)
    for gate in core.gate_names(cell):
        q = core.gate_block(p["weight_hh"], gate, cell)
        np.testing.assert_allclose(q.T @ q, np.eye(6), atol=1e-12)
        np.testing.assert_allclose(q @ q.T, np.eye(6), atol=1e-12)
    assert not np.allclose(p["weight_hh"][:6], np.eye(6))
    assert np.all(p["bias_ih"] == 0) and np.all(p["bias_hh"] == 0)


@pytest.mark.parametrize("cell", CELLS)
def test_identity_blocks_are_identity(cell):
    p = core.init_params(cell, 3, 5, init="identity", seed=2, scale=0.9)
    for gate in core.gate_names(cell):
        np.testing.assert_array_equal(core.gate_block(p["weight_hh"], gate, cell), 0.9 * np.eye(5))
    assert 0 < np.max(np.abs(p["weight_ih"])) < 0.01  # N(0, 0.001²)
    assert np.all(p["bias_ih"] == 0) and np.all(p["bias_hh"] == 0)


def test_pytorch_and_xavier_bounds():
    h, i = 16, 3
    p = core.init_params("lstm", i, h, init="pytorch", seed=0)
    k = 1 / np.sqrt(h)
    for v in p.values():
        assert np.max(np.abs(v)) <= k and np.max(np.abs(v)) > 0.9 * k
    x = core.init_params("gru", i, h, init="xavier", seed=0)
    a_ih, a_hh = np.sqrt(6 / (i + h)), np.sqrt(6 / (2 * h))
    assert 0.8 * a_ih < np.max(np.abs(x["weight_ih"])) <= a_ih
    assert 0.8 * a_hh < np.max(np.abs(x["weight_hh"])) <= a_hh
    assert np.all(x["bias_ih"] == 0)


def test_gate_names_and_blocks():
    assert core.gate_names("lstm") == ("i", "f", "g", "o")
    assert core.gate_names("gru") == ("r", "z", "n")
    assert core.gate_names("rnn") == ("a",)
    w = np.arange(12.0 * 2).reshape(12, 2)
    np.testing.assert_array_equal(core.gate_block(w, "z", "gru"), w[4:8])
    np.testing.assert_array_equal(core.gate_block(np.arange(16.0), "o", "lstm"), np.arange(12.0, 16.0))
    with pytest.raises(ValueError, match="gate"):
        core.gate_block(w, "f", "gru")
    with pytest.raises(ValueError, match="array"):
        core.gate_block(np.zeros((10, 2)), "r", "gru")
