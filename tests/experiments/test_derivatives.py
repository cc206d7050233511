import numpy as np
import pytest

from rnnviz.experiments.derivatives import (
    activation, activation_curves, activation_prime, derivative_product_along_trajectory,
    log10_activation_prime, sigmoid, tanh_prime, vanilla_trajectory)



def test_known_values():
    assert tanh_prime(0.0) == 1.0
    assert activation_prime(0.0, "sigmoid") == 0.25
    assert activation_prime(0.0, "relu") == 0.0 and activation_prime(2.0, "relu") == 1.0
    assert sigmoid(-1000.0) == 0.0 and sigmoid(1000.0) == 1.0  # no overflow warning


def test_seed000_tanh_graph_claims():
    c = activation_curves(np.linspace(-4, 4, 801))
    assert np.all(c["tanh_prime"] <= 1.0)
    assert c["x"][np.argmax(c["tanh_prime"])] == 0.0
    right = c["tanh_prime"][c["x"] >= 0]
    assert np.all(np.diff(right) < 0)  # shrinks away from 0
    assert c["sigmoid_prime"].max() == pytest.approx(0.25)


@pytest.mark.parametrize("phi", ["tanh", "sigmoid", "linear"])
def test_derivative_matches_finite_differences(phi):
    z = np.linspace(-3, 3, 13)
    num = (activation(z + 1e-6, phi) - activation(z - 1e-6, phi)) / 2e-6
    np.testing.assert_allclose(activation_prime(z, phi), num, rtol=1e-8, atol=1e-10)


@pytest.mark.parametrize("phi", ["tanh", "sigmoid", "relu"])
def test_log10_derivative_is_stable(phi):
    z = np.array([-2.0, 0.5, 3.0])
    with np.errstate(divide="ignore"):
        np.testing.assert_allclose(log10_activation_prime(z, phi), np.log10(activation_prime(z, phi)))
    assert np.isfinite(log10_activation_prime(np.array([400.0]), "tanh")[0])
    assert log10_activation_prime(np.array([400.0]), "tanh")[0] == pytest.approx(
        (np.log(4) - 800) / np.log(10))


def test_product_along_scalar_trajectory():
    zs, hs = vanilla_trajectory(0.8, np.array([1.0, -0.5, 2.0]), 0.0)
    assert zs[1] == pytest.approx(0.8 * np.tanh(1.0) - 0.5)
    logp = derivative_product_along_trajectory(zs)
    np.testing.assert_allclose(10**logp, np.cumprod(1 - np.tanh(zs) ** 2))


def test_vector_trajectory():
    W = np.array([[0.5, -0.2], [0.1, 0.3]])
    xs = np.array([[1.0, 0.0], [0.0, 1.0]])
    zs, hs = vanilla_trajectory(W, xs, np.zeros(2))
    np.testing.assert_allclose(zs[1], W @ np.tanh(xs[0]) + xs[1])
    assert derivative_product_along_trajectory(zs).shape == (2, 2)


def test_bad_input():
    with pytest.raises(ValueError, match="phi"):
        activation(0.0, "gelu")
    with pytest.raises(ValueError, match="W must be"):
        vanilla_trajectory(np.eye(2), np.zeros((3, 3)), np.zeros(2))
    with pytest.raises(ValueError, match="x must"):
        activation_curves(np.zeros((2, 2)))
