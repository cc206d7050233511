"""The finite-difference check itself, against derivatives known in closed form."""

import numpy as np

from rnnviz.experiments.finite_diff import numerical_gradient


def test_matches_closed_form_derivatives_and_restores_the_input():
    x = np.random.default_rng(0).standard_normal((3, 4))
    original = x.copy()
    grad = numerical_gradient(lambda: float(np.sum(np.sin(x) * x**2)), x)
    np.testing.assert_allclose(grad, np.cos(original) * original**2 + 2 * original * np.sin(original), rtol=1e-8)
    np.testing.assert_array_equal(x, original)


def test_sees_coupling_between_entries():
    w = np.array([[0.3, -1.2], [0.7, 0.1]])
    v = np.array([1.0, 2.0])
    grad = numerical_gradient(lambda: float(v @ w @ v), w)
    np.testing.assert_allclose(grad, np.outer(v, v), atol=1e-8)
