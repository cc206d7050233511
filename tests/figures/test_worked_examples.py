"""Figures of seed 004's worked examples: the seed's numbers on the charts, in both languages and all themes."""

import numpy as np
import pytest

from rnnviz import catalogue
from rnnviz.figures.style import THEMES
from tests.figures.test_remedies import assert_finite, build

LANGS = ("ko", "en")
FIGURE_IDS = ("worked-linear", "worked-sigmoid", "parity-rnn", "scalar-bptt")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("figure_id", FIGURE_IDS)
def test_every_figure_builds_in_every_language_and_theme(figure_id, lang, theme):
    _, fig = build(figure_id, lang, theme)
    assert fig.layout.title.text.strip()
    assert_finite(fig)
    assert len(fig.to_json()) < 1_000_000


def test_example1_is_the_seeds_numbers():
    _, fig = build("worked-linear")
    x, h, y = fig.data
    assert list(x.y) == [2, -0.5, 1, 1]
    assert list(h.y) == [2, 1.5, 2.5, 3.5] and list(y.y) == [2, 1.5, 2.5, 3.5]
    assert list(h.text) == ["2", "1.5", "2.5", "3.5"]


def test_example1_weight_changes_the_recursion():
    data, _ = build("worked-linear", wh=0.5)
    np.testing.assert_allclose(data["h"], [2, 0.5, 1.25, 1.625])


def test_example2_is_the_seeds_numbers_with_the_sign_fixed():
    data, fig = build("worked-sigmoid")
    assert list(fig.data[0].y) == pytest.approx([4, 0.5, -0.7])
    expected = [1 / (1 + np.exp(-20)), 1 / (1 + np.exp(-2.5)), 1 / (1 + np.exp(3.5))]
    assert list(fig.data[1].y) == pytest.approx(expected, rel=1e-14)
    assert expected[1] == pytest.approx(0.9241, abs=1e-4) and expected[2] == pytest.approx(0.0293, abs=1e-4)
    assert list(fig.data[2].y) == pytest.approx([1 / (1 + np.exp(20)), 1 / (1 + np.exp(2.5)), 1 / (1 + np.exp(-3.5))])


def test_parity_reproduces_the_seed_and_any_bits():
    data, fig = build("parity-rnn")
    grid = np.asarray(fig.data[0].z)
    assert list(grid[0]) == [0, 1, 0, 1, 1, 0, 1, 0, 1, 1]
    assert list(grid[3]) == [0, 1, 1, 0, 1, 1, 0, 0, 1, 0]  # the seed's parity bits
    assert np.all(grid[3] == grid[1] - grid[2])  # XOR = OR − AND
    bits = "1101001110" * 6 + "0111"
    data, fig = build("parity-rnn", "ko", "dark", bits=bits)
    assert list(data["parity"]) == list(np.cumsum([int(b) for b in bits]) % 2)
    assert fig.data[0].texttemplate == ""  # 64 columns: no digits in the cells


@pytest.mark.parametrize("bad", ["", "0102", "1" * 65, "abc"])
def test_parity_refuses_other_bit_strings(bad):
    spec = catalogue.get("parity-rnn")
    values, notices = spec.validate({"bits": bad})
    assert notices and values["bits"] == spec.param("bits").default
    with pytest.raises(ValueError, match="bits"):
        spec.compute(bits=bad)


@pytest.mark.parametrize("loss", ["sum", "last"])
@pytest.mark.parametrize(("u", "w", "v"), [(0.5, 0.8, 1.0), (-1.2, 2.5, 0.3)])
def test_scalar_bptt_matches_finite_differences(loss, u, w, v):
    data, fig = build("scalar-bptt", u=u, w=w, v=v, loss=loss)
    xs = np.array([2.0, -0.5, 1.0, 1.0])

    def total(u_, w_, v_):
        h, out = 0.0, []
        for x in xs:
            h = np.tanh(u_ * x + w_ * h)
            out.append(np.tanh(v_ * h))
        return sum(out) if loss == "sum" else out[-1]

    eps = 1e-6
    assert data["dL_du"] == pytest.approx((total(u + eps, w, v) - total(u - eps, w, v)) / (2 * eps), rel=1e-6)
    assert data["dL_dw"] == pytest.approx((total(u, w + eps, v) - total(u, w - eps, v)) / (2 * eps), rel=1e-6)
    assert data["dL_dv"] == pytest.approx((total(u, w, v + eps) - total(u, w, v - eps)) / (2 * eps), rel=1e-6)
    bars = {trace.name: trace for trace in fig.data}
    np.testing.assert_allclose(bars["∂L/∂h_t"].y, data["dL_dh"])
    # ∂L/∂z_t = ∂L/∂h_t · tanh'(z_t), and ∂L/∂h_T = ∂L/∂r_T · v (no later step)
    np.testing.assert_allclose(bars["∂L/∂z_t"].y, data["dL_dh"] * (1 - np.tanh(data["z"]) ** 2), rtol=1e-12)
    assert data["dL_dh"][-1] == pytest.approx(data["dL_dr"][-1] * v)
    assert f"{data['dL_dw']:.6f}" in fig.layout.annotations[0].text
