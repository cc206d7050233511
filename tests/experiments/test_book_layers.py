import numpy as np
import pytest

from rnnviz.experiments.book_layers import (
    compare_seed_backward, rnn_step_backward, rnn_step_forward, seed_buggy_rnn_step_backward)

from rnnviz.experiments.finite_diff import numerical_gradient


def setup(B=2, I=3, H=4, seed=0):
    rng = np.random.RandomState(seed)
    arrays = {"x": rng.randn(B, I), "h_prev": rng.randn(B, H), "Wx": rng.randn(I, H) * 0.5,
              "Wh": rng.randn(H, H) * 0.5, "b": rng.randn(H) * 0.1}
    return arrays, rng.randn(B, H)


def numeric_grads(arrays, dh_next):
    def loss():
        h, _ = rnn_step_forward(**arrays)
        return float(np.sum(h * dh_next))

    return {"d" + (k if k != "h_prev" else "h_prev"): numerical_gradient(loss, v)
            for k, v in arrays.items()}


def test_forward_formula():
    a, _ = setup()
    h, _ = rnn_step_forward(**a)
    np.testing.assert_allclose(h, np.tanh(a["h_prev"] @ a["Wh"] + a["x"] @ a["Wx"] + a["b"]))


def test_correct_backward_matches_finite_differences():
    a, dh_next = setup()
    _, cache = rnn_step_forward(**a)
    g = rnn_step_backward(dh_next, cache)
    num = numeric_grads(a, dh_next)
    for name in ("dx", "dh_prev", "dWx", "dWh", "db"):
        np.testing.assert_allclose(g[name], num[name], rtol=1e-6, atol=1e-9, err_msg=name)


def test_seed_backward_is_wrong_in_dWx_and_dh_prev():
    a, dh_next = setup(B=3, I=3, H=3)  # equal sizes so the seed's shapes happen to fit
    _, cache = rnn_step_forward(**a)
    cmp = compare_seed_backward(dh_next, cache)
    num = numeric_grads(a, dh_next)
    assert {k for k, v in cmp.items() if not v["agrees"]} == {"dWx", "dh_prev"}
    for name in ("dWx", "dh_prev"):
        assert not np.allclose(cmp[name]["seed"], num[name], rtol=1e-3)
    for name in ("dx", "dWh", "db"):
        np.testing.assert_allclose(cmp[name]["seed"], num[name], rtol=1e-6, atol=1e-9)


def test_seed_backward_shapes_are_wrong_in_general():
    a, dh_next = setup(B=2, I=3, H=4)
    _, cache = rnn_step_forward(**a)
    bad = seed_buggy_rnn_step_backward(dh_next, cache)
    assert bad["dh_prev"].shape == (3, 4) and bad["dWx"].shape == (2, 3)
    cmp = compare_seed_backward(dh_next, cache)
    assert not cmp["dWx"]["same_shape"] and not cmp["dh_prev"]["same_shape"]


def test_bad_shapes():
    a, _ = setup()
    a["Wx"] = np.zeros((5, 4))
    with pytest.raises(ValueError, match="Wx"):
        rnn_step_forward(**a)
