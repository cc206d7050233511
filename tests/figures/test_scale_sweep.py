"""The scaling sweep figure: heatmap numbers against core.backward, aggregation, critical scale, size."""

import numpy as np
import pytest

from rnnviz import catalogue, core, setups
from rnnviz.figures.style import THEMES
from tests.figures import helpers
from tests.figures.helpers import assert_finite, note_texts


def build(lang="en", theme="light", **changes):
    return helpers.build("scale-sweep", lang, theme, **changes)


LANGS = ("ko", "en")


def backward_log10_norms(cell, scale, T, H, seed, init, kind, **kw):
    """Independent: core.forward + core.backward on params built at this scale, ∂L/∂h_{T−1} = ones."""
    params = setups.make_params(cell, input_size=4, hidden_size=H, init=init, seed=seed, scale=scale)
    trace = core.forward(cell, params, setups.make_input(kind, T=T, input_size=4, seed=seed), **kw)
    dh = np.zeros((T, 1, H))
    dh[-1] = 1.0
    return np.log10(np.linalg.norm(core.backward(trace, dh).dh[:, 0], axis=1))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("theme", THEMES)
def test_builds_in_every_language_and_theme(lang, theme):
    data, fig = build(lang, theme)
    assert_finite(fig)
    hangul = any("\uac00" <= ch <= "\ud7a3" for ch in fig.layout.title.text)
    assert hangul == (lang == "ko")
    heat = [tr for tr in fig.data if tr.type == "heatmap"]
    assert len(heat) == 1 and np.asarray(heat[0].z).shape == (60, 100)


@pytest.mark.parametrize(
    ("cell", "extra"),
    [("rnn", {}), ("rnn", {"nonlinearity": "relu"}), ("lstm", {}), ("gru", {}), ("gru", {"gru_variant": "pytorch"})],
)
def test_heatmap_rows_match_core_backward(cell, extra):
    data, fig = build(cell=cell, T=30, H=6, n_scales=8, smax=2.4, init="pytorch", **extra)
    assert data["factor_t"] == data["factor_s"] == 1
    kw = {"nonlinearity": extra.get("nonlinearity", "tanh"), "gru_variant": extra.get("gru_variant", "classic")}
    for row, scale in ((0, 0.3), (3, 1.2), (7, 2.4)):
        assert data["grid_scales"][row] == pytest.approx(scale)
        expected = backward_log10_norms(cell, scale, 30, 6, 3, "pytorch", "random", **kw)
        np.testing.assert_allclose(data["grid"][row], expected, atol=1e-8)
    heat = next(tr for tr in fig.data if tr.type == "heatmap")
    np.testing.assert_allclose(np.asarray(heat.z), data["grid"], atol=0.005)  # rounded to 0.01 decade


def test_linear_rnn_with_orthogonal_weights_is_exactly_s_to_the_distance():
    data, _ = build(nonlinearity="linear", T=40, H=5, n_scales=10, smax=2.0)
    assert data["critical"] == pytest.approx(1.0)  # ρ(W_hh) = 1 for an orthogonal matrix
    distance = 39 - np.arange(40)
    expected = 0.5 * np.log10(5) + np.log10(data["grid_scales"])[:, None] * distance[None, :]
    np.testing.assert_allclose(data["grid"], expected, atol=1e-9)


def test_critical_line_is_drawn_at_the_engines_critical_scale():
    data, fig = build(cell="lstm", init="xavier", n_scales=20)
    params = setups.make_params("lstm", input_size=4, hidden_size=16, init="xavier", seed=3)
    zero_state = core.jacobian.cell_jacobian  # independent check: ρ of the 2H × 2H state Jacobian at h = c = 0
    b = params["bias_ih"] + params["bias_hh"]
    sig = 1.0 / (1.0 + np.exp(-b))
    H = 16
    gates = {"i": sig[:H], "f": sig[H:2 * H], "g": np.tanh(b[2 * H:3 * H]), "o": sig[3 * H:]}
    jac = zero_state("lstm", data["critical"] * params["weight_hh"], h_prev=np.zeros(H), c_prev=np.zeros(H),
                     c=gates["i"] * gates["g"], gates=gates, state=True)
    assert np.max(np.abs(np.linalg.eigvals(jac))) == pytest.approx(1.0, abs=1e-9)
    line = next(tr for tr in fig.data if tr.name.startswith("Critical scale"))
    assert list(line.y) == [pytest.approx(data["critical"])] * 2


def test_long_sequences_are_aggregated_and_said_so():
    data, fig = build(T=1000, H=4, n_scales=200, smax=5.0)
    heat = next(tr for tr in fig.data if tr.type == "heatmap")
    z = np.asarray(heat.z)
    assert z.shape[0] == 200 and z.shape[1] <= 300
    assert data["factor_t"] == 4
    picked = int(np.argmin(np.abs(data["grid_scales"] - data["curve_scales"][2])))  # a full-resolution curve
    np.testing.assert_allclose(data["grid"][picked], data["curves"][2].reshape(-1, 4).mean(axis=1), atol=1e-9)
    assert any("averaged" in text for text in note_texts(fig))
    assert_finite(fig)
    assert len(fig.to_json()) < 1_000_000


def test_table_has_one_row_per_heatmap_cell():
    data, _ = build(T=12, H=3, n_scales=5)
    table = catalogue.get("scale-sweep").table(data)
    assert list(table.columns) == ["scale", "t", "log10_grad_norm"] and len(table) == 60


def test_a_critical_scale_outside_the_range_is_said_not_drawn():
    data, fig = build(cell="gru", gru_variant="pytorch", init="pytorch", T=20, H=16, smax=1.0, n_scales=10)
    assert data["critical"] > 1.0
    assert not any((tr.name or "").startswith("Critical scale") for tr in fig.data)
    assert any("outside the plotted scales" in text and f"{data['critical']:.3f}" in text
               for text in note_texts(fig))
    from rnnviz.lessons.scale_sweep import critical_sentence

    for lang, word in (("en", "above the plotted scales"), ("ko", "그린 스케일")):
        sentence = critical_sentence(data, lang)
        assert f"{data['critical']:.4f}" in sentence and word in sentence and "—" not in sentence


@pytest.mark.parametrize("init", ["orthogonal", "xavier"])
def test_relu_has_no_critical_scale_because_its_zero_state_jacobian_is_zero(init):
    from rnnviz.core import jacobian
    from rnnviz.lessons.scale_sweep import critical_sentence

    data, fig = build(nonlinearity="relu", init=init, T=20, n_scales=10)
    assert data["critical"] is None
    params = setups.make_params("rnn", input_size=4, hidden_size=data["H"], init=init, seed=3, scale=1.0)
    bias = params["bias_ih"] + params["bias_hh"]
    assert np.all(bias == 0.0)  # zero biases: ReLU'(b) = 0 for every unit, so s·diag(ReLU'(b))·W_hh = 0
    jac = jacobian.cell_jacobian("rnn", params["weight_hh"] * 100.0, h_prev=np.zeros((1, data["H"])),
                                 pre={"a": bias[None]}, nonlinearity="relu")
    assert np.all(jac == 0.0)
    assert any("ReLU′ is 1 only where the bias is positive" in text for text in note_texts(fig))
    for lang, words in (("en", ("ReLU's derivative is 1", "zero biases")), ("ko", ("ReLU의 도함수", "편향이 0이면"))):
        sentence = critical_sentence(data, lang)
        assert all(word in sentence for word in words) and "—" not in sentence


def test_relu_with_positive_biases_has_a_critical_scale_from_the_active_units():
    data, _ = build(nonlinearity="relu", init="pytorch", T=20, n_scales=10)
    params = setups.make_params("rnn", input_size=4, hidden_size=data["H"], init="pytorch", seed=3, scale=1.0)
    active = (params["bias_ih"] + params["bias_hh"] > 0).astype(float)  # ReLU'(b)
    rho = np.max(np.abs(np.linalg.eigvals(active[:, None] * params["weight_hh"])))
    assert data["critical"] == pytest.approx(1.0 / rho, rel=1e-9)


def test_a_critical_scale_below_the_plotted_scales_says_which_side_they_are_on():
    from rnnviz.lessons.scale_sweep import critical_sentence

    data, _ = build(T=10, smax=0.5, n_scales=5)
    shifted = {**data, "critical": 0.5 * float(data["grid_scales"][0])}  # what the sentence says when s* < smax/n
    assert "below the smallest plotted scale" in critical_sentence(shifted, "en")
    assert "above the plotted scales" in critical_sentence(data, "en")  # s* = 1 > smax = 0.5


def test_uploaded_rnn_weights_set_the_critical_scale():
    from rnnviz import weights

    uploaded = core.init_params("rnn", 4, 6, init="xavier", seed=21)
    token = weights.register("rnn", uploaded)
    data, _ = build(weights=token, T=10, n_scales=6)
    assert data["critical"] == pytest.approx(1.0 / np.max(np.abs(np.linalg.eigvals(uploaded["weight_hh"]))))


def test_scale_count_is_cut_to_the_work_budget_and_the_chart_says_so():
    from rnnviz.experiments.scale_grid import MIN_SCALES, WORK_BUDGET, affordable_scales
    assert affordable_scales("rnn", 100, 16, 40) == 40  # defaults: nothing cut
    assert affordable_scales("rnn", 1000, 256, 200) == WORK_BUDGET // (1000 * 256 * 256)
    assert affordable_scales("lstm", 1000, 256, 200) == WORK_BUDGET // (1000 * 256 * 256 * 4)
    assert affordable_scales("lstm", 1000, 256, 200) < affordable_scales("gru", 1000, 256, 200)
    assert affordable_scales("lstm", 10**6, 256, 200) == MIN_SCALES
    spec = catalogue.get("scale-sweep")
    values = {**spec.defaults(), "cell": "gru", "T": 1000, "H": 128, "n_scales": 200}
    data = spec.run(values)
    expected = affordable_scales("gru", 1000, 128, 200)
    assert data["n_scales"] == expected < 200 and data["requested_scales"] == 200
    fig = spec.build(data, lang="en", theme="light")
    assert any(f"{expected} of the 200 scales" in text for text in note_texts(fig))
