"""Figures of the architectures page: numbers against the engine, colours, gaps, clamping, sizes."""

import numpy as np
import pytest

from rnnviz import core
from rnnviz.experiments import architectures
from rnnviz.figures.architectures import WEIGHT_COLORS
from rnnviz.figures.style import CELL_COLORS, THEMES
from tests.figures import helpers
from tests.figures.helpers import assert_finite

FIGURE_IDS = ("stacked", "bidirectional", "io-shapes", "unfolded-view")


def build(figure_id, lang="en", theme="light", **changes):
    return helpers.build(figure_id, lang, theme, **changes)


@pytest.mark.parametrize("lang", ("ko", "en"))
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("figure_id", FIGURE_IDS)
def test_builds_in_every_language_and_theme(figure_id, lang, theme):
    _, fig = build(figure_id, lang, theme)
    assert_finite(fig)
    assert any("\uac00" <= ch <= "\ud7a3" for ch in fig.layout.title.text) == (lang == "ko")


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_stacked_map_is_the_engines_with_the_gate_biases(cell):
    data, fig = build("stacked", cell=cell, layers=4, T=15, H=5, forget_bias=2.0, keep_bias=1.5,
                      gru_variant="pytorch", seed=8)
    params = core.init_stacked_params(cell, 4, 5, 4, init="orthogonal", seed=8,
                                      forget_bias=2.0 if cell == "lstm" else 0.0,
                                      update_bias=1.5 if cell == "gru" else 0.0)  # pytorch GRU keeps with +b
    x = np.random.default_rng(8).standard_normal((15, 1, 4))
    expected = core.stacked_gradient_norms(cell, params, x, gru_variant="pytorch")
    np.testing.assert_allclose(data["grid"], expected)
    heat = fig.data[0]
    np.testing.assert_allclose(np.array(heat.z, dtype=float), expected)
    assert list(heat.y) == [1, 2, 3, 4]
    assert fig.data[1].marker.color == CELL_COLORS[cell]


def test_bidirectional_position_is_clamped_and_said_so():
    data, fig = build("bidirectional", T=10, position=50)
    assert data["position"] == 9 and "clamped" in fig.layout.title.text
    forward = next(tr for tr in fig.data if tr.name.startswith("forward"))
    assert all(v is not None for v in forward.y)  # a loss at the last step reaches every input forwards
    backward = next(tr for tr in fig.data if tr.name.startswith("backward"))
    assert [v is None for v in backward.y] == [True] * 9 + [False]  # and only x_9 backwards: gaps, not −inf


def test_io_shapes_diagram_marks_inputs_and_losses_where_the_layout_puts_them():
    data, fig = build("io-shapes", scale=0.8, seed=2)
    expected = architectures.io_shape_gradients(T=10, H=8, scale=0.8, seed=2)
    assert data["table"].equals(expected)
    inputs = [tr for tr in fig.data if tr.marker is not None and tr.marker.symbol == "triangle-up"]
    losses = [tr for tr in fig.data if tr.marker is not None and tr.marker.symbol == "diamond"]
    for shape, inp, loss in zip(architectures.IO_SHAPES, inputs, losses):
        has_input, has_loss = architectures.io_shape_layout(shape, 10)
        assert list(inp.x) == list(np.flatnonzero(has_input)) and list(loss.x) == list(np.flatnonzero(has_loss))
    assert fig.layout.yaxis.ticktext[0].startswith("one-to-many")


def test_unfolded_view_draws_one_colour_per_shared_weight_and_its_shares():
    data, fig = build("unfolded-view", scale=1.3, seed=5)
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert [b.marker.color for b in bars] == list(WEIGHT_COLORS.values())
    for bar, name in zip(bars, WEIGHT_COLORS):
        np.testing.assert_allclose(bar.y, data["contrib"][name])
        assert f"{data['total'][name]:.3f}" in bar.name
    arrows = [a for a in fig.layout.annotations if a.showarrow and a.arrowcolor == WEIGHT_COLORS["W_hh"]]
    assert len(arrows) == data["T"]  # the loop of the folded cell and one W_hh arrow between each two steps


@pytest.mark.parametrize("figure_id", FIGURE_IDS)
def test_largest_settings_stay_finite_and_small(figure_id):
    changes = {"stacked": {"layers": 6, "T": 200, "H": 64, "scale": 3.0},
               "bidirectional": {"T": 200, "H": 64, "scale": 0.05, "cell": "lstm"},
               "io-shapes": {"scale": 3.0}, "unfolded-view": {"scale": 3.0}}[figure_id]
    _, fig = build(figure_id, "ko", "projector", **changes)
    assert_finite(fig)
    assert len(fig.to_json()) < 1_000_000
