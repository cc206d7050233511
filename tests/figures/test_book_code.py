"""Figures of the book-code page (seed 002): the RNN layer's backward and the RNNLM (numbers and contents)."""

import numpy as np
import pytest

from rnnviz import catalogue
from rnnviz.experiments.book_layers import rnn_step_forward
from rnnviz.experiments.rnnlm import init_rnnlm_params, preprocess, rnnlm_forward, train_rnnlm
from rnnviz.figures.style import CELL_COLORS
from rnnviz.experiments.finite_diff import numerical_gradient
from tests.figures.helpers import assert_finite, build

FIGURE_IDS = ("book-backward", "rnnlm")
LARGEST = {
    "book-backward": {"B": 10, "I": 10, "H": 10, "seed": 9999},
    "rnnlm": {"lm_H": 32, "steps": 1000, "seed": 9999},
}


@pytest.mark.parametrize("figure_id", FIGURE_IDS)
def test_largest_settings_stay_finite_and_under_a_megabyte(figure_id):
    _, fig = build(figure_id, "ko", "projector", **LARGEST[figure_id])
    assert_finite(fig)
    assert len(fig.to_json()) < 1_000_000


# ------------------------------------------------------------------------------ the RNN layer
def _bars(fig):
    return {trace.name: trace for trace in fig.data if trace.type == "bar"}


def test_default_runs_the_seed_code_and_shows_its_two_wrong_arrays():
    data, fig = build("book-backward")
    assert (data["B"], data["I"], data["H"]) == (3, 3, 3) and data["runs"]
    bars = _bars(fig)
    correct, seed = bars["Correct backward"], bars["Seed 002's code"]
    assert list(correct.x) == ["dx", "dh_prev", "dWx", "dWh", "db"]
    assert max(correct.y) < 1e-8  # every correct gradient passes the check
    errors = dict(zip(seed.x, seed.y))
    assert errors["dh_prev"] > 0.1 and errors["dWx"] > 0.1  # the seed's swapped formulas: O(1) wrong
    for name in ("dx", "dWh", "db"):  # the seed's other three arrays are right
        assert errors[name] < 1e-8
    assert correct.marker.color == CELL_COLORS["rnn"]
    assert fig.layout.yaxis.type == "log"


def test_correct_backward_matches_independent_finite_differences():
    data, _ = build("book-backward", B=2, I=4, H=3, seed=5)
    rs = np.random.RandomState(5)  # the page's inputs: x, h_prev, Wx, Wh, b, dh_next in this order
    x, h_prev = rs.randn(2, 4), np.tanh(rs.randn(2, 3))
    Wx, Wh, b = rs.randn(4, 3) / 2.0, rs.randn(3, 3) / np.sqrt(3), 0.1 * rs.randn(3)
    dh_next = rs.randn(2, 3)

    def loss():
        return float(np.sum(dh_next * rnn_step_forward(x, h_prev, Wx, Wh, b)[0]))

    for name, arr in (("dx", x), ("dh_prev", h_prev), ("dWx", Wx), ("dWh", Wh), ("db", b)):
        expected = numerical_gradient(loss, arr)
        np.testing.assert_allclose(data["correct"][name], expected, rtol=1e-6, atol=1e-9, err_msg=name)
        np.testing.assert_allclose(data["numerical"][name], expected, rtol=1e-6, atol=1e-9, err_msg=name)
    # the seed's dWx is dx and its dh_prev is the correct dWx, written out: x.T @ dt and dt @ Wx.T
    h_next = np.tanh(h_prev @ Wh + x @ Wx + b)
    dt = dh_next * (1 - h_next**2)
    np.testing.assert_allclose(data["seed"]["dh_prev"], x.T @ dt, rtol=1e-12)
    np.testing.assert_allclose(data["seed"]["dWx"], dt @ Wx.T, rtol=1e-12)


def test_engine_layout_is_the_transpose_of_the_book():
    data, _ = build("book-backward", B=4, I=2, H=5)
    assert max(data["engine_rel_diff"].values()) < 1e-12  # core.backward with weight_ih = Wx.T, weight_hh = Wh.T


@pytest.mark.parametrize(("B", "I", "H"), [(2, 3, 3), (3, 2, 3), (3, 3, 2), (1, 10, 4)])
def test_unequal_sizes_give_the_seed_arrays_wrong_shapes(B, I, H):
    data, fig = build("book-backward", B=B, I=I, H=H)
    assert not data["runs"]
    assert data["seed"]["dh_prev"].shape == (I, H) and data["correct"]["dh_prev"].shape == (B, H)
    assert data["seed"]["dWx"].shape == (B, I) and data["correct"]["dWx"].shape == (I, H)
    seed = dict(zip(_bars(fig)["Seed 002's code"].x, _bars(fig)["Seed 002's code"].y))
    for name in ("dh_prev", "dWx"):
        wrong_shape = data["seed"][name].shape != data["correct"][name].shape
        assert (seed[name] is None) == wrong_shape, name  # no bar where the shape is wrong
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert f"{I}×{H}" in notes or f"{B}×{I}" in notes
    assert "differ" in notes


# ------------------------------------------------------------------------------------- RNNLM
def test_rnnlm_heatmaps_are_the_models_probabilities_before_and_after_training():
    data, fig = build("rnnlm", seed=3, lm_H=5, steps=150)
    corpus, w2i, i2w = preprocess()
    ids, targets = corpus[:-1, None], corpus[1:, None]
    before = rnnlm_forward(init_rnnlm_params(len(w2i), 5, 5, seed=3), ids, targets)["probs"][:, 0]
    after = train_rnnlm(D=5, H=5, steps=150, seed=3)["probs"][:, 0]
    heat_before, heat_after = [trace for trace in fig.data if trace.type == "heatmap"]
    np.testing.assert_allclose(np.array(heat_before.z), before, atol=5e-5)  # rounded to 4 decimals
    np.testing.assert_allclose(np.array(heat_after.z), after, atol=5e-5)
    assert list(heat_before.x) == ["you", "say", "goodbye", "and", "i", "hello", "."]
    assert np.allclose(np.array(heat_after.z).sum(axis=1), 1.0, atol=1e-3)
    assert heat_before.y[0].endswith("you → say") and heat_before.y[-1].endswith("hello → .")


def test_rnnlm_marks_the_argmax_and_checks_you_say():
    data, fig = build("rnnlm")
    vocab = list(fig.data[0].x)
    outlined = {"x": {}, "x2": {}}  # panel -> row -> outlined word
    for shape in fig.layout.shapes:
        if shape.type == "rect":
            outlined[shape.xref][round((shape.y0 + shape.y1) / 2)] = vocab[round((shape.x0 + shape.x1) / 2)]
    after = [outlined["x2"][row] for row in range(7)]
    assert after[0] == "say"  # seed 002: after "you" the model predicts "say"
    assert after == ["say", "goodbye", "and", "i", "say", "hello", "."]
    before = [outlined["x"][row] for row in range(7)]
    assert before == [vocab[int(i)] for i in np.argmax(data["probs_before"], axis=1)]
    assert data["you_say"] and data["correct_after"] == 7
    # before training the distribution is nearly uniform: every probability within 0.02 of 1/7
    assert np.all(np.abs(data["probs_before"] - 1 / 7) < 0.02)


def test_rnnlm_loss_curve_falls_from_about_ln7():
    data, fig = build("rnnlm", steps=200)
    curve = next(trace for trace in fig.data if trace.type == "scatter")
    assert len(curve.y) == 200 and curve.line.color == CELL_COLORS["rnn"]
    assert curve.y[0] == pytest.approx(np.log(7), abs=0.1)  # near-uniform start: ln 7 ≈ 1.946
    assert curve.y[-1] < 0.05 * curve.y[0]
    assert data["loss_after"] == pytest.approx(data["step_loss_after"].mean(), rel=1e-12)
    assert fig.layout.yaxis3.type == "log"


def test_one_training_step_is_not_enough_and_the_table_has_every_row():
    data, _ = build("rnnlm", steps=1)
    assert not data["you_say"]  # seed 3: after one update "you" is still followed by "and"
    table = catalogue.get("rnnlm").table(data)
    assert len(table) == 2 * 7 + 1
    assert all(col.isascii() for col in table.columns)
    p_cols = [c for c in table.columns if c.startswith("p_")]
    np.testing.assert_allclose(table[table.phase == "after"][p_cols].sum(axis=1), 1.0, rtol=1e-12)
