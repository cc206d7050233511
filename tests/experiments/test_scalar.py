import numpy as np
import pytest

from rnnviz.experiments.scalar import scalar_gradient_path, scalar_power


def test_seed004_numbers():
    assert round(scalar_power(1.1, 50), 1) == 117.4
    assert round(scalar_power(0.9, 50), 5) == 0.00515


def test_linear_path_is_pure_power():
    out = scalar_gradient_path(1.1, 51, h0=0.3, phi="linear")
    assert 10 ** out["log10_gradient"][-1] == pytest.approx(1.1**50, rel=1e-12)
    np.testing.assert_array_equal(out["log10_derivative_product"], 0.0)


def test_tanh_path_matches_direct_product():
    w, T = 1.5, 8
    x = np.linspace(-1, 1, T)
    out = scalar_gradient_path(w, T, h0=0.2, x=x)
    z = out["zs"]
    for j in range(T):
        direct = np.prod([w * (1 - np.tanh(z[k]) ** 2) for k in range(T - j, T)])
        assert out["sign"][j] * 10 ** out["log10_gradient"][j] == pytest.approx(direct, rel=1e-10)


def test_tanh_path_against_finite_difference():
    # ∂h_T/∂h_1 by perturbing h_1 and re-running the recurrence
    w, T, x = 1.3, 6, np.array([0.5, -1.0, 0.2, 0.7, -0.3, 0.1])
    out = scalar_gradient_path(w, T, h0=0.0, x=x)

    def h_T(h1):
        h = h1
        for k in range(1, T):
            h = np.tanh(w * h + x[k])
        return h

    h1, eps = out["hs"][0], 1e-6
    fd = (h_T(h1 + eps) - h_T(h1 - eps)) / (2 * eps)
    assert 10 ** out["log10_gradient"][-1] == pytest.approx(fd, rel=1e-7)


def test_negative_w_sign_and_long_run_finite():
    out = scalar_gradient_path(-0.9, 3000, h0=0.5)
    assert out["sign"][1] == -1 and out["sign"][2] == 1
    assert np.all(np.isfinite(out["log10_gradient"]))


def test_bad_input():
    with pytest.raises(ValueError, match="T"):
        scalar_gradient_path(1.0, 0)
    with pytest.raises(ValueError, match="x must"):
        scalar_gradient_path(1.0, 3, x=np.zeros(2))
    with pytest.raises(ValueError, match="n must"):
        scalar_power(1.1, -1)
