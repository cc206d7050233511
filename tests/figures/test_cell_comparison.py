"""RNN vs LSTM vs GRU figures: curves against core.backward, the forget gate, colours, size."""

import numpy as np
import pytest

from rnnviz import core, setups
from rnnviz.figures.style import CELL_COLORS, THEMES
from tests.figures import helpers
from tests.figures.helpers import assert_finite


def build(figure_id="cell-comparison", lang="en", theme="light", **changes):
    return helpers.build(figure_id, lang, theme, **changes)


LANGS = ("ko", "en")
FIGURE_IDS = ("cell-comparison", "cell-small-multiples")


def independent(cell, *, scale, forget_bias, gru_variant, T, H, seed, keep_bias=1.0, init="orthogonal",
                kind="random"):
    """core.forward + core.backward, ∂L/∂h_{T−1} = ones: log10 ‖∂L/∂h_t‖ (T,) and the trace. The GRU's
    keep bias is added to its z block by hand: −b classic (it keeps with 1 − z), +b pytorch (it keeps with z)."""
    params = core.init_params(cell, 4, H, init=init, scale=scale, seed=seed,
                              forget_bias=forget_bias if cell == "lstm" else 0.0)
    if cell == "gru":
        params["bias_hh"][H:2 * H] += -keep_bias if gru_variant == "classic" else keep_bias  # blocks r, z, n
    x = setups.make_input(kind, T=T, input_size=4, seed=seed)
    trace = core.forward(cell, params, x, gru_variant=gru_variant)
    dh = np.zeros((T, 1, H))
    dh[-1] = 1.0
    return np.log10(np.linalg.norm(core.backward(trace, dh).dh[:, 0], axis=1)), trace


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("figure_id", FIGURE_IDS)
def test_builds_in_every_language_and_theme(figure_id, lang, theme):
    _, fig = build(figure_id, lang, theme)
    assert_finite(fig)
    hangul = any("\uac00" <= ch <= "\ud7a3" for ch in fig.layout.title.text)
    assert hangul == (lang == "ko")


@pytest.mark.parametrize(("forget_bias", "keep_bias", "gru_variant", "scale"),
                         [(0.0, 0.0, "classic", 1.0), (2.0, 1.5, "pytorch", 0.6), (1.0, -2.0, "classic", 1.2)])
def test_three_curves_match_core_backward_one_colour_per_cell(forget_bias, keep_bias, gru_variant, scale):
    kw = {"scale": scale, "forget_bias": forget_bias, "keep_bias": keep_bias, "gru_variant": gru_variant, "T": 30,
          "H": 6, "seed": 2}
    data, fig = build(**kw)
    for cell, label in (("rnn", "RNN"), ("lstm", "LSTM"), ("gru", "GRU")):
        expected, _ = independent(cell, **kw)
        np.testing.assert_allclose(data["log10_grad"][cell], expected, atol=1e-9)
        trace = next(tr for tr in fig.data if tr.name == f"{label}: ‖∂L/∂h_t‖")
        assert trace.line.color == CELL_COLORS[cell]
        np.testing.assert_allclose(np.log10(np.asarray(trace.y)), expected, atol=1e-9)


def test_forget_gate_and_constant_error_path_follow_the_bias():
    kw = {"scale": 1.0, "gru_variant": "classic", "keep_bias": 1.0, "T": 25, "H": 5, "seed": 4}
    means = []
    for bias in (-3.0, 0.0, 3.0):
        data, fig = build(forget_bias=bias, **kw)
        _, trace = independent("lstm", forget_bias=bias, **kw)
        f = trace.gates["f"][:, 0]  # (T, H)
        np.testing.assert_allclose(data["f_mean"], f.mean(axis=1), atol=1e-12)
        expected_path = np.array([np.log10(np.prod(f[t + 1:], axis=0)).mean() for t in range(25)])
        np.testing.assert_allclose(data["log10_path"]["lstm"], expected_path, atol=1e-9)
        assert data["f_bias"] == pytest.approx(1.0 / (1.0 + np.exp(-bias)))  # orthogonal init: zero biases
        means.append(float(data["f_mean"].mean()))
    assert means[0] < 0.1 < means[1] < 0.9 < means[2]  # σ(−3) ≈ 0.05, σ(3) ≈ 0.95 near zero state
    big, _ = build(forget_bias=3.0, **kw)
    small, _ = build(forget_bias=0.0, **kw)
    assert big["log10_grad"]["lstm"][0] > small["log10_grad"]["lstm"][0] + 3  # the open path carries the gradient


def test_gru_path_is_one_minus_z_classic_and_z_pytorch():
    kw = {"scale": 1.0, "forget_bias": 0.0, "T": 20, "H": 4, "seed": 1}
    for variant in ("classic", "pytorch"):
        for keep_bias in (0.0, 2.0):
            data, _ = build(gru_variant=variant, keep_bias=keep_bias, **kw)
            _, trace = independent("gru", gru_variant=variant, keep_bias=keep_bias, **kw)
            z = trace.gates["z"][:, 0]
            keep = 1.0 - z if variant == "classic" else z
            expected = np.array([np.log10(np.prod(keep[t + 1:], axis=0)).mean() for t in range(20)])
            np.testing.assert_allclose(data["log10_path"]["gru"], expected, atol=1e-9)
            assert data["keep_weight"] == pytest.approx(1.0 / (1.0 + np.exp(-keep_bias)))  # orthogonal: zero biases


def test_the_default_gate_biases_carry_the_gradient_100_times_farther_than_the_rnn():
    """The page's lesson at its defaults: at t = 0 the LSTM and the GRU keep at least 100× the RNN's gradient;
    with PyTorch's zero biases they do not."""
    data, _ = build()
    grad = {cell: data["log10_grad"][cell][0] for cell in ("rnn", "lstm", "gru")}
    assert grad["lstm"] - grad["rnn"] >= 2 and grad["gru"] - grad["rnn"] >= 2, grad
    failed, _ = build(forget_bias=0.0, keep_bias=0.0)
    assert max(failed["log10_grad"]["lstm"][0], failed["log10_grad"]["gru"][0]) < failed["log10_grad"]["rnn"][0]


def test_small_multiples_has_one_panel_per_cell_in_its_colour():
    _, fig = build("cell-small-multiples")
    assert [a.text for a in fig.layout.annotations[:3]] == ["RNN", "LSTM", "GRU"]
    for axis, cell in zip(("x", "x2", "x3"), ("rnn", "lstm", "gru")):
        colours = {tr.line.color for tr in fig.data if tr.xaxis == axis}
        assert colours == {CELL_COLORS[cell]}


@pytest.mark.parametrize("figure_id", FIGURE_IDS)
def test_largest_settings_stay_finite_and_small(figure_id):
    data, fig = build(figure_id, "ko", "projector", scale=3.0, T=1000, H=64, gru_variant="pytorch")
    assert_finite(fig)
    assert len(fig.to_json()) < 1_000_000


def test_uploaded_weights_flow_in_and_the_other_cells_follow_their_sizes():
    from rnnviz import weights

    uploaded = core.init_params("lstm", 3, 5, init="xavier", seed=9, forget_bias=2.0)
    token = weights.register("lstm", uploaded)
    data, _ = build(weights=token, T=12, scale=1.0)
    assert data["H"] == 5
    x = setups.make_input("random", T=12, input_size=3, seed=3)
    trace = core.forward("lstm", uploaded, x)
    dh = np.zeros((12, 1, 5))
    dh[-1] = 1.0
    expected = np.log10(np.linalg.norm(core.backward(trace, dh).dh[:, 0], axis=1))
    np.testing.assert_allclose(data["log10_grad"]["lstm"], expected, atol=1e-9)
    assert data["log10_grad"]["rnn"].shape == (12,)
