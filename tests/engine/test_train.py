"""The read-out, the losses and the optimisers of ``rnnviz.core.train``.

Gradients against centred finite differences (relative error < 1e-7); the optimisers against their
update rules worked out by hand for the first steps.
"""

import math

import numpy as np
import pytest

from rnnviz.core import train
from rnnviz.experiments.finite_diff import numerical_gradient

TOL = 1e-7


def relative_error(a, b):
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))


def test_readout_forward_is_affine_and_backward_matches_differences():
    rng = np.random.default_rng(0)
    h, weight, bias = rng.standard_normal((5, 4)), rng.standard_normal((3, 4)), rng.standard_normal(3)
    w_loss = rng.standard_normal((5, 3))  # L = Σ w_loss ⊙ y
    y = train.readout_forward(h, weight, bias)
    np.testing.assert_allclose(y[2], weight @ h[2] + bias, rtol=1e-14)
    dh, dweight, dbias = train.readout_backward(w_loss, h, weight)

    def loss():
        return float(np.sum(w_loss * train.readout_forward(h, weight, bias)))

    for analytic, array in ((dh, h), (dweight, weight), (dbias, bias)):
        assert relative_error(analytic, numerical_gradient(loss, array)) < TOL


def test_init_readout_is_seeded_and_torch_sized():
    a, b, c = (train.init_readout(16, 3, seed=s) for s in (1, 1, 2))
    assert a["weight"].shape == (3, 16) and a["bias"].shape == (3,)
    np.testing.assert_array_equal(a["weight"], b["weight"])
    assert not np.array_equal(a["weight"], c["weight"])
    assert np.max(np.abs(a["weight"])) <= 0.25 and not a["bias"].any()  # U(−1/√16, 1/√16), zero bias


def test_mse_value_and_gradient():
    y = np.array([[1.0], [2.0], [0.5]])
    target = np.array([[0.0], [2.5], [0.5]])
    loss, dy = train.mse_loss(y, target)
    assert loss == pytest.approx((1.0 + 0.25 + 0.0) / 3)
    rng = np.random.default_rng(1)
    y, target = rng.standard_normal((4, 2)), rng.standard_normal((4, 2))
    loss, dy = train.mse_loss(y, target)
    assert relative_error(dy, numerical_gradient(lambda: train.mse_loss(y, target)[0], y)) < TOL


def test_cross_entropy_value_gradient_and_large_logits():
    loss, _ = train.cross_entropy_loss(np.zeros((3, 4)), np.array([0, 1, 3]))
    assert loss == pytest.approx(math.log(4), rel=1e-15)  # the uniform answer: ln K
    rng = np.random.default_rng(2)
    logits, labels = rng.standard_normal((5, 4)) * 3, np.array([0, 3, 2, 2, 1])
    loss, dlogits = train.cross_entropy_loss(logits, labels)
    by_hand = -np.mean([logits[b, labels[b]] - math.log(np.sum(np.exp(logits[b]))) for b in range(5)])
    assert loss == pytest.approx(by_hand, rel=1e-14)
    num = numerical_gradient(lambda: train.cross_entropy_loss(logits, labels)[0], logits)
    assert relative_error(dlogits, num) < TOL
    big, dbig = train.cross_entropy_loss(logits + 1e4, labels)  # exp(1e4) would overflow without the shift
    assert big == pytest.approx(loss, rel=1e-9) and np.all(np.isfinite(dbig))
    perfect, _ = train.cross_entropy_loss(np.array([[1e3, 0.0]]), np.array([0]))
    assert perfect == 0.0 and math.copysign(1.0, perfect) == 1.0


def test_adam_first_two_steps_by_hand():
    """θ = 1, lr = 0.1, g₁ = 0.5, g₂ = −1, β = (0.9, 0.999), ε = 1e-8, written out step by step."""
    params = {"w": np.array([1.0])}
    adam = train.Adam(0.1)
    adam.step(params, {"w": np.array([0.5])})
    m1, v1 = 0.1 * 0.5, 0.001 * 0.25  # 0.05, 0.00025
    theta1 = 1.0 - 0.1 * (m1 / 0.1) / (math.sqrt(v1 / 0.001) + 1e-8)  # m̂ = 0.5, v̂ = 0.25: a step of ≈ lr
    assert params["w"][0] == pytest.approx(theta1, rel=1e-15)
    assert theta1 == pytest.approx(0.9, abs=1e-8)
    adam.step(params, {"w": np.array([-1.0])})
    m2, v2 = 0.9 * m1 + 0.1 * -1.0, 0.999 * v1 + 0.001 * 1.0  # −0.055, 0.00124975
    m_hat, v_hat = m2 / (1 - 0.9**2), v2 / (1 - 0.999**2)
    theta2 = theta1 - 0.1 * m_hat / (math.sqrt(v_hat) + 1e-8)
    assert params["w"][0] == pytest.approx(theta2, rel=1e-14)
    assert adam.count == 2


def test_adam_updates_each_array_from_its_own_moments():
    params = {"a": np.zeros(2), "b": np.zeros((1, 2))}
    adam = train.Adam(0.01)
    grads = {"a": np.array([1e-6, -3.0]), "b": np.array([[2.0, 0.0]])}
    adam.step(params, grads)
    # first step: m̂ = g and √v̂ = |g|, so θ moves by −lr · g / (|g| + ε), about lr against sign(g) whatever |g|
    for name, g in grads.items():
        np.testing.assert_allclose(params[name], -0.01 * g / (np.abs(g) + 1e-8), rtol=1e-12)
    assert params["a"][0] == pytest.approx(-0.0099, rel=1e-3) and params["b"][0, 1] == 0.0


def test_sgd_plain_and_momentum_by_hand():
    params = {"w": np.array([1.0, -1.0])}
    sgd = train.SGD(0.5)
    sgd.step(params, {"w": np.array([0.2, 0.4])})
    np.testing.assert_allclose(params["w"], [0.9, -1.2], rtol=1e-15)
    params = {"w": np.array([0.0])}
    heavy = train.SGD(0.1, momentum=0.9)
    heavy.step(params, {"w": np.array([1.0])})  # v = 1, θ = −0.1
    heavy.step(params, {"w": np.array([1.0])})  # v = 0.9 + 1 = 1.9, θ = −0.1 − 0.19
    assert params["w"][0] == pytest.approx(-0.29, rel=1e-14)


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [("adagrad", {}), ("adam", {"learning_rate": 0.0}), ("sgd", {"learning_rate": -1.0}),
     ("sgd", {"learning_rate": 0.1, "momentum": 1.0}), ("adam", {"learning_rate": float("nan")})],
)
def test_bad_optimizer_settings_raise(name, kwargs):
    with pytest.raises(ValueError):
        train.make_optimizer(name, kwargs.pop("learning_rate", 0.1), **kwargs)
