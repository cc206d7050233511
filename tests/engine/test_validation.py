"""Bad input raises ValueError naming the argument and the expected shape or values."""

import numpy as np
import pytest

from rnnviz import core

P = core.init_params("lstm", 3, 4, seed=0)
X = np.zeros((5, 2, 3))


def test_unknown_choices():
    with pytest.raises(ValueError, match=r"cell must be one of \('rnn', 'lstm', 'gru'\); got 'transformer'"):
        core.forward("transformer", P, X)
    with pytest.raises(ValueError, match="nonlinearity must be one of"):
        core.forward("rnn", core.init_params("rnn", 3, 4), X, nonlinearity="sigmoid")
    with pytest.raises(ValueError, match="gru_variant must be one of"):
        core.forward("gru", core.init_params("gru", 3, 4), X, gru_variant="keras")
    with pytest.raises(ValueError, match="init must be one of"):
        core.init_params("rnn", 3, 4, init="he")
    with pytest.raises(ValueError, match="cell must be one of"):
        core.gate_names("LSTM")


def test_x_shape_message_names_expected_and_got():
    params = {"weight_ih": np.zeros((128, 16)), "weight_hh": np.zeros((128, 32)), "bias_ih": np.zeros(128), "bias_hh": np.zeros(128)}
    msg = r"x must have shape \(T, B, I\) with T >= 1, B >= 1 and I = 16 \(weight_ih is \(128, 16\)\); got \(5, 2, 3\)"
    with pytest.raises(ValueError, match=msg):
        core.forward("lstm", params, X)
    with pytest.raises(ValueError, match=r"x must have shape \(T, B, I\).*got \(5, 3\)"):
        core.forward("lstm", P, np.zeros((5, 3)))


@pytest.mark.parametrize("shape", [(0, 2, 3), (5, 0, 3)])
def test_zero_T_or_B(shape):
    with pytest.raises(ValueError, match=r"x must have shape \(T, B, I\) with T >= 1, B >= 1"):
        core.forward("lstm", P, np.zeros(shape))


def test_zero_H_or_I():
    with pytest.raises(ValueError, match=r"params\['weight_hh'\] must have shape \(G\*H, H\).*got \(0, 0\)"):
        core.forward("rnn", {"weight_ih": np.zeros((0, 3)), "weight_hh": np.zeros((0, 0)), "bias_ih": np.zeros(0), "bias_hh": np.zeros(0)}, X)
    with pytest.raises(ValueError, match=r"params\['weight_ih'\] must have shape \(G\*H, I\) = \(16, I\) with I >= 1"):
        core.forward("lstm", {**P, "weight_ih": np.zeros((16, 0))}, X)
    with pytest.raises(ValueError, match="hidden_size must be a positive integer; got 0"):
        core.init_params("rnn", 3, 0)
    with pytest.raises(ValueError, match="input_size must be a positive integer"):
        core.init_params("rnn", 2.5, 4)


def test_param_shapes_and_keys():
    with pytest.raises(ValueError, match=r"G = 3 for cell 'gru'"):
        core.forward("gru", P, X)  # LSTM params (16, 4) given to a GRU
    with pytest.raises(ValueError, match=r"params\['bias_hh'\] must have shape \(G\*H,\) = \(16,\); got \(15,\)"):
        core.forward("lstm", {**P, "bias_hh": np.zeros(15)}, X)
    with pytest.raises(ValueError, match=r"missing \['bias_hh'\]"):
        core.forward("lstm", {k: v for k, v in P.items() if k != "bias_hh"}, X)
    with pytest.raises(ValueError, match="params must be a dict"):
        core.forward("lstm", [1, 2], X)


def test_non_finite_weights_and_inputs():
    bad = P["weight_hh"].copy()
    bad[0, 0] = np.nan
    with pytest.raises(ValueError, match=r"params\['weight_hh'\] must contain only finite values"):
        core.forward("lstm", {**P, "weight_hh": bad}, X)
    x = X.copy()
    x[1, 1, 1] = np.inf
    with pytest.raises(ValueError, match="x must contain only finite values"):
        core.forward("lstm", P, x)
    with pytest.raises(ValueError, match="x must be a real numeric array"):
        core.forward("lstm", P, X.astype(complex))
    with pytest.raises(ValueError, match="scale must be a finite real number"):
        core.init_params("rnn", 3, 4, scale=float("inf"))


def test_initial_states():
    with pytest.raises(ValueError, match=r"h0 must have shape \(B, H\) = \(2, 4\) or be None; got \(4,\)"):
        core.forward("lstm", P, X, h0=np.zeros(4))
    with pytest.raises(ValueError, match=r"c0 must have shape \(B, H\) = \(2, 4\)"):
        core.forward("lstm", P, X, c0=np.zeros((3, 4)))
    with pytest.raises(ValueError, match="c0 must be None for cell 'gru'"):
        core.forward("gru", core.init_params("gru", 3, 4), X, c0=np.zeros((2, 4)))


def test_backward_arguments():
    trace = core.forward("lstm", P, X)
    with pytest.raises(ValueError, match=r"dh must have shape \(T, B, H\) = \(5, 2, 4\) like trace.h; got \(5, 2, 3\)"):
        core.backward(trace, np.zeros((5, 2, 3)))
    with pytest.raises(ValueError, match="dh must contain only finite values"):
        core.backward(trace, np.full((5, 2, 4), np.nan))
    for k in (0, -1, 2.0, True, "3"):
        with pytest.raises(ValueError, match="truncate must be None or an integer >= 1"):
            core.backward(trace, np.zeros((5, 2, 4)), truncate=k)
    with pytest.raises(ValueError, match="trace must be a Trace"):
        core.backward({"h": np.zeros((5, 2, 4))}, np.zeros((5, 2, 4)))


def test_seed_validation():
    for seed in (-1, 2**32, 1.5, None):
        with pytest.raises(ValueError, match="seed must be an integer"):
            core.init_params("rnn", 3, 4, seed=seed)
