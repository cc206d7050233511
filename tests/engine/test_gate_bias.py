"""The GRU's update-gate bias option of ``core.init_params`` and ``core.gru_keep_bias``."""

import numpy as np
import pytest

from rnnviz import core
from rnnviz.core.activations import sigmoid


@pytest.mark.parametrize("init", ["pytorch", "orthogonal", "rand"])
def test_update_bias_adds_to_the_z_block_of_bias_hh_only(init):
    base = core.init_params("gru", 3, 4, init=init, seed=5)
    biased = core.init_params("gru", 3, 4, init=init, seed=5, update_bias=-1.5)
    for name in ("weight_ih", "weight_hh", "bias_ih"):
        np.testing.assert_array_equal(biased[name], base[name])
    diff = biased["bias_hh"] - base["bias_hh"]
    np.testing.assert_allclose(core.gate_block(diff, "z", "gru"), -1.5, rtol=1e-15)
    assert not core.gate_block(diff, "r", "gru").any() and not core.gate_block(diff, "n", "gru").any()


@pytest.mark.parametrize("cell", ["rnn", "lstm"])
def test_update_bias_is_for_the_gru_only(cell):
    with pytest.raises(ValueError, match="update_bias"):
        core.init_params(cell, 2, 3, update_bias=1.0)
    with pytest.raises(ValueError, match="update_bias"):
        core.init_params("gru", 2, 3, update_bias=float("inf"))


@pytest.mark.parametrize(("variant", "keep_gate"), [("classic", lambda z: 1.0 - z), ("pytorch", lambda z: z)])
@pytest.mark.parametrize("keep", [1.0, 2.5, -0.5])
def test_keep_bias_sets_the_weight_on_the_old_state(variant, keep_gate, keep):
    """With zero biases otherwise, zero input and zero state, the weight on h_{t−1} is σ(keep)."""
    bias = core.gru_keep_bias(keep, variant)
    assert bias == (-keep if variant == "classic" else keep)
    params = core.init_params("gru", 2, 3, init="orthogonal", update_bias=bias, seed=0)
    trace = core.forward("gru", params, np.zeros((1, 1, 2)), gru_variant=variant)
    np.testing.assert_allclose(keep_gate(trace.gates["z"][0, 0]), sigmoid(np.array([keep]))[0], rtol=1e-14)


def test_keep_bias_checks_its_arguments():
    with pytest.raises(ValueError, match="gru_variant"):
        core.gru_keep_bias(1.0, "keras")
    with pytest.raises(ValueError, match="keep_bias"):
        core.gru_keep_bias(float("nan"), "classic")
