"""Bidirectional RNN/LSTM/GRU: states, gradients against centred finite differences, and where each
direction carries the gradient of a loss at one position."""

import numpy as np
import pytest
from gradcheck import numerical_gradient, relative_error

from rnnviz import core

TOL = 1e-7
CONFIGS = [("rnn", {"nonlinearity": "tanh"}), ("lstm", {}), ("gru", {"gru_variant": "classic"}),
           ("gru", {"gru_variant": "pytorch"})]
IDS = [f"{cell}-{'-'.join(opts.values()) or 'std'}" for cell, opts in CONFIGS]
T, B, I, H = 5, 2, 3, 3


def setup(cell):
    rng = np.random.default_rng(8)
    fwd = {k: 2.0 * v for k, v in core.init_params(cell, I, H, seed=1).items()}
    bwd = {k: 2.0 * v for k, v in core.init_params(cell, I, H, seed=2).items()}
    return fwd, bwd, rng.standard_normal((T, B, I)), rng.standard_normal((T, B, H)), rng.standard_normal((T, B, H))


def loss(cell, opts, fwd, bwd, x, dh_f, dh_b):
    trace = core.bidirectional_forward(cell, fwd, bwd, x, **opts)
    return float(np.sum(dh_f * trace.h_forward) + np.sum(dh_b * trace.h_backward))


@pytest.mark.parametrize(("cell", "opts"), CONFIGS, ids=IDS)
def test_backward_state_at_t_has_read_the_inputs_from_the_end_down_to_t(cell, opts):
    fwd, bwd, x, _, _ = setup(cell)
    trace = core.bidirectional_forward(cell, fwd, bwd, x, **opts)
    for t in range(T):
        alone = core.forward(cell, bwd, x[t:][::-1], **opts).h[-1]
        np.testing.assert_allclose(trace.h_backward[t], alone, rtol=1e-13, atol=1e-15)
    np.testing.assert_array_equal(trace.h_forward, core.forward(cell, fwd, x, **opts).h)
    assert trace.h.shape == (T, B, 2 * H)


@pytest.mark.parametrize(("cell", "opts"), CONFIGS, ids=IDS)
def test_gradients_match_finite_differences(cell, opts):
    fwd, bwd, x, dh_f, dh_b = setup(cell)
    grads = core.bidirectional_backward(core.bidirectional_forward(cell, fwd, bwd, x, **opts), dh_f, dh_b)
    for direction, params, got in (("forward", fwd, grads.forward), ("backward", bwd, grads.backward)):
        for name, value in params.items():
            def f(delta, direction=direction, name=name, value=value):
                changed = {**params, name: value + delta}
                pair = (changed, bwd) if direction == "forward" else (fwd, changed)
                return loss(cell, opts, *pair, x, dh_f, dh_b)

            num = numerical_gradient(f, value.shape)
            assert np.linalg.norm(num) > 1e-4, (direction, name)
            assert relative_error(got.params[name], num) < TOL, (direction, name)
    num_x = numerical_gradient(lambda d: loss(cell, opts, fwd, bwd, x + d, dh_f, dh_b), x.shape)
    assert relative_error(grads.dx, num_x) < TOL
    only_f = numerical_gradient(lambda d: loss(cell, opts, fwd, bwd, x + d, dh_f, 0 * dh_b), x.shape)
    assert relative_error(grads.dx_forward, only_f) < 1e-6  # dx_forward is the part through h→ alone


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_each_direction_reaches_only_its_side_of_the_loss(cell):
    fwd, bwd, _, _, _ = setup(cell)
    x = np.random.default_rng(3).standard_normal((12, 1, I))
    norms = core.bidirectional_gradient_norms(cell, fwd, bwd, x, 4)
    assert all(v.shape == (12,) for v in norms.values())
    assert np.all(np.isneginf(norms["dx_forward"][5:])) and np.all(np.isfinite(norms["dx_forward"][:5]))
    assert np.all(np.isneginf(norms["dx_backward"][:4])) and np.all(np.isfinite(norms["dx_backward"][4:]))
    np.testing.assert_array_equal(norms["dx"][:4], norms["dx_forward"][:4])
    np.testing.assert_array_equal(norms["dx"][5:], norms["dx_backward"][5:])
    assert norms["dh_forward"][4] == norms["dh_backward"][4] == pytest.approx(np.log10(np.sqrt(H)), rel=1e-14)


@pytest.mark.parametrize("position", [-1, 12, 2.0, True])
def test_position_is_checked(position):
    fwd, bwd, _, _, _ = setup("rnn")
    with pytest.raises(ValueError, match="position"):
        core.bidirectional_gradient_norms("rnn", fwd, bwd, np.zeros((12, 1, I)), position)
