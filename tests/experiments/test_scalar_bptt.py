import numpy as np
import pytest

from rnnviz.experiments.scalar_bptt import scalar_bptt, scalar_rnn_forward

XS = np.array([0.5, -1.2, 0.3, 0.9, -0.4])
G = np.array([0.3, -0.2, 0.5, 1.0, -0.7])  # dL/dy_t; L = Σ G_t y_t


def loss(u, w, v, h0, phi):
    return float(np.sum(G * scalar_rnn_forward(u, w, v, XS, h0, phi)["y"]))


@pytest.mark.parametrize("phi,h0", [("tanh", 0.0), ("tanh", 0.4), ("sigmoid", -0.2)])
def test_against_finite_differences(phi, h0):
    u, w, v, eps = 0.8, 1.1, -0.6, 1e-6
    out = scalar_bptt(u, w, v, XS, G, phi=phi, h0=h0)
    fd = {
        "dL_du": (loss(u + eps, w, v, h0, phi) - loss(u - eps, w, v, h0, phi)) / (2 * eps),
        "dL_dw": (loss(u, w + eps, v, h0, phi) - loss(u, w - eps, v, h0, phi)) / (2 * eps),
        "dL_dv": (loss(u, w, v + eps, h0, phi) - loss(u, w, v - eps, h0, phi)) / (2 * eps),
        "dL_dh0": (loss(u, w, v, h0 + eps, phi) - loss(u, w, v, h0 - eps, phi)) / (2 * eps),
    }
    for name, value in fd.items():
        assert out[name] == pytest.approx(value, rel=1e-7, abs=1e-10), name


def test_seed_index_slip_would_be_wrong():
    # the seed's ∂L/∂w uses h^{(t+1)}; the correct factor is h^{(t-1)}
    out = scalar_bptt(0.8, 1.1, -0.6, XS, G)
    h_next = np.concatenate((out["h"][1:], [0.0]))
    assert abs(np.sum(out["dL_dz"] * h_next) - out["dL_dw"]) > 1e-3
    # with h0 = 0 the seed's final sum Σ_{t=1}^{T-1} dL/dz_{t+1} h_t is the right one
    assert np.sum(out["dL_dz"][1:] * out["h"][:-1]) == pytest.approx(out["dL_dw"])


def test_per_step_recursion():
    out = scalar_bptt(0.8, 1.1, -0.6, XS, G)
    assert out["dL_dh"][-1] == pytest.approx(out["dL_dr"][-1] * -0.6)
    assert out["dL_dh"][2] == pytest.approx(out["dL_dr"][2] * -0.6 + out["dL_dz"][3] * 1.1)


def test_bad_input():
    with pytest.raises(ValueError, match="dL_dy"):
        scalar_bptt(1.0, 1.0, 1.0, XS, G[:3])
    with pytest.raises(ValueError, match="xs"):
        scalar_rnn_forward(1.0, 1.0, 1.0, np.ones((2, 2)))
