"""Figures of the tanh page: tanh/tanh' (seed 000), Π φ'(z_k) along a vanilla RNN, Pascanu's condition."""

import numpy as np
import pytest

from rnnviz import core, setups
from rnnviz.figures.style import CELL_COLORS, THEMES
from tests.figures.helpers import assert_finite, build

LANGS = ("ko", "en")


def trace_named(fig, fragment):
    found = [tr for tr in fig.data if fragment in (tr.name or "")]
    assert len(found) == 1, [tr.name for tr in fig.data]
    return found[0]


def backward_log10_norms(nonlinearity, scale, T, H, seed):
    """Independent: full BPTT by core.backward with ∂L/∂h_{T−1} = ones, no renormalisation."""
    params = setups.make_params("rnn", input_size=4, hidden_size=H, init="orthogonal", seed=seed, scale=scale)
    x = setups.make_input("random", T=T, input_size=4, seed=seed)
    trace = core.forward("rnn", params, x, nonlinearity=nonlinearity)
    dh = np.zeros((T, 1, H))
    dh[-1] = 1.0
    return np.log10(np.linalg.norm(core.backward(trace, dh).dh[:, 0], axis=1)), trace


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("figure_id", ["tanh-derivative", "derivative-product"])
def test_figures_build_in_every_language_and_theme(figure_id, lang, theme):
    _, fig = build(figure_id, lang, theme)
    assert fig.layout.title.text.strip()
    assert_finite(fig)
    hangul = any("\uac00" <= ch <= "\ud7a3" for ch in fig.layout.title.text)
    assert hangul == (lang == "ko")


def test_tanh_derivative_is_dashed_at_most_one_and_shrinks_away_from_zero():
    data, fig = build("tanh-derivative", zmax=5.0)
    tanh_prime = trace_named(fig, "tanh'(z)")
    x, y = np.asarray(tanh_prime.x), np.asarray(tanh_prime.y)
    np.testing.assert_allclose(y, 1.0 / np.cosh(x) ** 2, rtol=1e-12)  # sech² = 1 − tanh²
    assert tanh_prime.line.dash == "dash"
    assert y.max() == pytest.approx(1.0) and x[np.argmax(y)] == pytest.approx(0.0)  # seed 000: 1 only at 0
    right = y[x >= 0]
    assert np.all(np.diff(right) < 0)  # shrinks away from 0
    sig_prime = np.asarray(trace_named(fig, "σ'(z)").y)
    assert sig_prime.max() == pytest.approx(0.25)
    relu_prime = np.asarray(trace_named(fig, "ReLU'").y)
    assert set(np.unique(relu_prime)) == {0.0, 1.0}
    assert x.min() == -5.0 and x.max() == 5.0


@pytest.mark.parametrize("scale", [0.5, 1.0, 1.5])
def test_gradient_curves_match_core_backward(scale):
    data, fig = build("derivative-product", scale=scale, T=40, H=8, seed=5)
    for phi, key in (("tanh", "tanh RNN"), ("linear", "linear")):
        expected, _ = backward_log10_norms(phi, scale, 40, 8, 5)
        np.testing.assert_allclose(data[f"log10_grad_{phi}"], expected, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(np.log10(np.asarray(trace_named(fig, key).y)), expected, atol=1e-9)
    assert trace_named(fig, "tanh RNN").line.color == CELL_COLORS["rnn"]


def test_orthogonal_linear_gradient_is_scale_to_the_power_of_the_distance():
    data, _ = build("derivative-product", scale=1.5, T=30, H=6)
    steps_back = 29 - np.arange(30)
    np.testing.assert_allclose(data["log10_grad_linear"], 0.5 * np.log10(6) + steps_back * np.log10(1.5), atol=1e-9)
    assert data["log10_grad_tanh"][0] < 0.5 * np.log10(6)  # tanh alone makes it shrink although σ₁ = 1.5


def test_product_band_is_the_product_of_tanh_prime_on_the_trajectory():
    data, fig = build("derivative-product", scale=1.2, T=25, H=5, seed=7)
    _, trace = backward_log10_norms("tanh", 1.2, 25, 5, 7)
    dphi = 1.0 - np.tanh(trace.pre["a"][:, 0]) ** 2  # (T, H)
    log_products = np.array([np.log10(np.prod(dphi[t + 1:], axis=0)) for t in range(25)])  # (T, H)
    np.testing.assert_allclose(data["log10_prod_mean"], log_products.mean(axis=1), atol=1e-9)
    np.testing.assert_allclose(data["log10_prod_min"], log_products.min(axis=1), atol=1e-9)
    np.testing.assert_allclose(data["log10_prod_max"], log_products.max(axis=1), atol=1e-9)
    assert data["log10_prod_mean"][-1] == 0.0  # the empty product at the loss step


@pytest.mark.parametrize(("scale", "tanh_side", "sigmoid_side"),
                         [(0.9, "guaranteed", "guaranteed"), (1.5, "not guaranteed", "guaranteed"),
                          (3.0, "not guaranteed", "guaranteed")])
def test_pascanu_points_sit_on_the_right_side_of_the_boundary(scale, tanh_side, sigmoid_side):
    data, fig = build("derivative-product", scale=scale)
    assert data["sigma1"] == pytest.approx(scale)  # orthogonal W_hh times the scale
    tanh_point = trace_named(fig, "Current setting, tanh")
    sigmoid_point = trace_named(fig, "Current setting, sigmoid")
    assert tanh_point.name.endswith(tanh_side) and sigmoid_point.name.endswith(sigmoid_side)
    assert (tanh_point.x[0], tanh_point.y[0]) == (1.0, pytest.approx(scale))
    assert (sigmoid_point.x[0], sigmoid_point.y[0]) == (0.25, pytest.approx(scale))
    boundary = trace_named(fig, "Boundary")
    np.testing.assert_allclose(np.asarray(boundary.x) * np.asarray(boundary.y), 1.0)


def test_largest_settings_stay_finite_and_small():
    data, fig = build("derivative-product", "ko", "projector", scale=3.0, T=1000, H=256)
    assert data["log10_grad_linear"][0] > 300  # 3^999: too large even for a log axis
    assert fig.layout.yaxis.title.text.startswith("log<sub>10</sub>")
    assert any("log<sub>10</sub>" in note.text for note in fig.layout.annotations if note.name == "note")
    assert_finite(fig)
    assert len(fig.to_json()) < 1_000_000
    _, curves = build("tanh-derivative", zmax=10.0)
    assert len(curves.to_json()) < 1_000_000
