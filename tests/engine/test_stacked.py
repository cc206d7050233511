"""Stacked RNN/LSTM/GRU: gradients against centred finite differences, and the gradient-norm map.

Loss ``L = Σ_t Σ dh_t ⊙ h_t^{(top)}`` with random ``dh``. Tolerance 1e-7 relative, float64.
"""

import numpy as np
import pytest
from gradcheck import numerical_gradient, relative_error

from rnnviz import core

TOL = 1e-7
CONFIGS = [("rnn", {"nonlinearity": "tanh"}), ("lstm", {}), ("gru", {"gru_variant": "classic"}),
           ("gru", {"gru_variant": "pytorch"})]
IDS = [f"{cell}-{'-'.join(opts.values()) or 'std'}" for cell, opts in CONFIGS]
T, B, I, H, LAYERS = 4, 2, 3, 3, 3


def setup(cell, opts):
    rng = np.random.default_rng(21)
    params = core.init_stacked_params(cell, I, H, LAYERS, init="pytorch", seed=4)
    for p in params:  # larger than torch's default so the gradients are not tiny
        for name in p:
            p[name] *= 2.0
    x = rng.standard_normal((T, B, I))
    dh_top = rng.standard_normal((T, B, H))
    return params, x, dh_top


def loss(cell, opts, params, x, dh_top, bump=None):
    """``L``; bump = ``(layer, t, d)`` adds ``d`` to ``h_t`` of ``layer`` where the network uses it."""
    inputs = x
    for layer, p in enumerate(params):
        if bump is not None and bump[0] == layer:
            h, c, states = None, None, []
            for t in range(T):
                step = core.forward(cell, p, inputs[t:t + 1], h, c, **opts)
                h = step.h[0] + (bump[2] if bump[1] == t else 0.0)
                c = step.c[0] if step.c is not None else None
                states.append(h)
            inputs = np.stack(states)
        else:
            inputs = core.forward(cell, p, inputs, **opts).h
    return float(np.sum(dh_top * inputs))


@pytest.mark.parametrize(("cell", "opts"), CONFIGS, ids=IDS)
def test_parameter_and_input_gradients(cell, opts):
    params, x, dh_top = setup(cell, opts)
    grads = core.stacked_backward(core.stacked_forward(cell, params, x, **opts), dh_top)
    assert len(grads) == LAYERS
    for layer, p in enumerate(params):
        for name, value in p.items():
            def f(delta, layer=layer, name=name, value=value):
                changed = [dict(q) for q in params]
                changed[layer][name] = value + delta
                return loss(cell, opts, changed, x, dh_top)

            num = numerical_gradient(f, value.shape)
            assert np.linalg.norm(num) > 1e-4, (layer, name)
            assert relative_error(grads[layer].params[name], num) < TOL, (layer, name)
    num_x = numerical_gradient(lambda d: loss(cell, opts, params, x + d, dh_top), x.shape)
    assert relative_error(grads[0].dx, num_x) < TOL


@pytest.mark.parametrize(("cell", "opts"), CONFIGS, ids=IDS)
def test_hidden_state_gradients_in_every_layer(cell, opts):
    """grads[l].dh[t] = ∂L/∂h_t^{(l)}, which arrives both along time and from the layer above."""
    params, x, dh_top = setup(cell, opts)
    grads = core.stacked_backward(core.stacked_forward(cell, params, x, **opts), dh_top)
    for layer in range(LAYERS):
        for t in range(T):
            num = numerical_gradient(lambda d, layer=layer, t=t: loss(cell, opts, params, x, dh_top, (layer, t, d)),
                                     (B, H))
            assert relative_error(grads[layer].dh[t], num) < TOL, (layer, t)


def test_one_layer_is_the_single_layer_network():
    params = core.init_stacked_params("lstm", I, H, 1, seed=9)
    single = core.init_params("lstm", I, H, seed=9)
    for name in single:
        np.testing.assert_array_equal(params[0][name], single[name])
    x = np.random.default_rng(0).standard_normal((T, B, I))
    dh = np.random.default_rng(1).standard_normal((T, B, H))
    (g,) = core.stacked_backward(core.stacked_forward("lstm", params, x), dh)
    expected = core.backward(core.forward("lstm", single, x), dh)
    np.testing.assert_array_equal(g.dh, expected.dh)
    np.testing.assert_array_equal(g.params["weight_hh"], expected.params["weight_hh"])


def test_gradient_norm_map_over_layers_and_time():
    params = core.init_stacked_params("rnn", 4, 8, 4, init="orthogonal", seed=2)
    x = np.random.default_rng(2).standard_normal((30, 1, 4))
    norms = core.stacked_gradient_norms("rnn", params, x)
    assert norms.shape == (4, 30)
    assert norms[-1, -1] == pytest.approx(np.log10(np.sqrt(8)), rel=1e-14)  # ones(1, H) into the top layer's last state
    traces = core.stacked_forward("rnn", params, x)
    dh = np.zeros((30, 1, 8))
    dh[-1] = 1.0
    grads = core.stacked_backward(traces, dh)
    np.testing.assert_allclose(norms[1], np.log10(np.linalg.norm(grads[1].dh[:, 0], axis=1)), rtol=1e-13)
    assert norms[0, 0] < norms[-1, -1] - 1  # the gradient shrinks towards the bottom-left corner


@pytest.mark.parametrize("layers", [0, 7, 2.0, True])
def test_layer_count_is_checked(layers):
    with pytest.raises(ValueError, match="layers"):
        core.init_stacked_params("rnn", 2, 3, layers)


def test_backward_checks_its_arguments():
    traces = core.stacked_forward("gru", core.init_stacked_params("gru", 2, 3, 2), np.zeros((4, 1, 2)))
    with pytest.raises(ValueError, match="dh"):
        core.stacked_backward(traces, np.zeros((4, 1, 2)))
    with pytest.raises(ValueError, match="traces"):
        core.stacked_backward([], np.zeros((4, 1, 3)))
    with pytest.raises(ValueError, match="layer_params"):
        core.stacked_forward("gru", {"weight_ih": 0}, np.zeros((4, 1, 2)))
