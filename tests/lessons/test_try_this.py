"""Every "try this" sentence that states a number or a direction is computed here, with the catalogue, at the
settings it names.

Each claim names its page, the bullet it checks (0-based), the numbers the bullet states (``quotes``, which must
appear in the Korean and the English text alike, so a text changed without its check fails) and a function
that computes the claim. A last test makes sure that every bullet stating a number or a direction has a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pytest

from rnnviz import catalogue, core, setups
from rnnviz.experiments import architectures as arch
from rnnviz.i18n import strings
from rnnviz.lessons import training, unrolled_graph, worked_examples

DIRECTIONS = re.compile(r"vanish|explod|grow|shrink|above|below|rise|falls?\b|drops?|larger|smaller|less|more|"
                        r"farther|halves|alternat|steep", re.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    page: str
    bullet: int
    quotes: tuple[str, ...]
    check: Callable[[], None]

    @property
    def id(self) -> str:
        return f"{self.page}-{self.bullet}-{self.check.__name__}"


CLAIMS: list[Claim] = []


def claim(page: str, bullet: int, *quotes: str):
    def register(check: Callable[[], None]) -> Callable[[], None]:
        CLAIMS.append(Claim(page, bullet, quotes, check))
        return check
    return register


def run(figure_id: str, **changes):
    """A figure's data at its defaults with ``changes`` (which must be valid)."""
    spec = catalogue.get(figure_id)
    values, notices = spec.validate({**spec.defaults(), **changes})
    assert not notices, notices
    return spec.run(values)


def near(value: float, stated: float, tolerance: float) -> None:
    assert abs(value - stated) <= tolerance, (value, stated)


def bullets(page: str, lang: str) -> list[str]:
    return [line[2:] for line in strings()[f"{page}.try"](lang).splitlines() if line.startswith("- ")]


# --------------------------------------------------------------------------------- vanishing_exploding
@claim("vanishing_exploding", 0, "1.5", "1.0", "0.95", "1.05", "64")
def unit_rho_puts_the_threshold_at_one_at_every_H():
    data = run("book-norms")
    assert data["scale_unit"] == "rho" and data["rho"] == pytest.approx(1.5, abs=1e-12)
    assert data["log10_norms"][-1] > data["log10_norms"][0] + 3  # 1.5^20 ≈ 3300
    flat = run("book-norms", scale=1.0, T=1000)["log10_norms"]
    assert abs(flat[-1] - flat[0]) < 1.0  # on the threshold: within a factor 10 after 1000 steps
    for H in range(1, 65):
        for init in ("rand", "randn"):
            below = run("book-norms", init=init, H=H, scale=0.95, T=1000)
            above = run("book-norms", init=init, H=H, scale=1.05, T=1000)
            near(below["rho"], 0.95, 1e-9)
            near(above["rho"], 1.05, 1e-9)
            assert below["log10_norms"][-1] < below["log10_norms"][0] - 10, (init, H)  # 0.95^1000 ≈ 1e-22
            assert above["log10_norms"][-1] > above["log10_norms"][0] + 10, (init, H)  # 1.05^1000 ≈ 1e21


@claim("vanishing_exploding", 1, "1.0", "4322", "20", "1.4993", "0.667")
def seed_000_first_run_explodes_to_4322():
    data = run("book-norms", scale_unit="raw", scale=1.0)
    assert len(data["norms"]) == 20 and round(float(data["norms"][-1])) == 4322
    assert round(data["rho0"], 4) == 1.4993 and round(1 / data["rho0"], 3) == 0.667


@claim("vanishing_exploding", 2, "0.5")
def seed_000_second_run_vanishes():
    norms = run("book-norms", scale_unit="raw", scale=0.5)["norms"]
    assert norms[-1] < 0.01 * norms[0] and np.all(np.diff(norms) < 0)


@claim("vanishing_exploding", 3, "0.5", "1.33", "0.63", "1.22 → 1.23")
def randn_half_has_sigma_above_one_but_vanishes():
    data = run("book-norms", scale_unit="raw", init="randn", scale=0.5)
    near(data["sigma1"], 1.33, 0.005)
    near(data["rho"], 0.63, 0.005)
    norms = data["norms"]
    start = np.sqrt(2 * 3) / 2  # the seed's dh = ones((N, H)), N = 2, H = 3: ‖dh‖ / N
    near(start, 1.22, 0.005)
    near(norms[0], 1.23, 0.005)
    assert norms[0] > start and np.all(np.diff(norms) < 0) and norms[-1] < 1e-3


@claim("vanishing_exploding", 4, "64", "32.0", "0.031", "0.05", "1")
def raw_unit_at_H_64_explodes_at_every_scale_but_rho_unit_vanishes():
    spec = catalogue.get("book-norms")
    smallest = spec.param("scale").min
    assert smallest == 0.05
    raw = run("book-norms", scale_unit="raw", H=64, scale=smallest)
    near(raw["rho0"], 32.0, 0.05)
    near(1 / raw["rho0"], 0.031, 0.0005)
    assert raw["rho"] > 1 and raw["log10_norms"][-1] > raw["log10_norms"][0]
    rho = run("book-norms", H=64, scale=0.99)
    assert rho["log10_norms"][-1] < rho["log10_norms"][0]


@claim("vanishing_exploding", 5, "0.9", "1000")
def long_run_is_parallel_to_rho_power_t():
    data = run("book-norms", scale=0.9, T=1000)
    logs = np.asarray(data["log10_norms"], dtype=float)
    slope = np.polyfit(np.arange(500, 1000), logs[500:], 1)[0]
    near(slope, np.log10(data["rho"]), 1e-3 * abs(np.log10(data["rho"])))


# -------------------------------------------------------------------------------------- derivatives
@claim("derivatives", 0, "1.0")
def linear_stays_and_tanh_vanishes():
    data = run("derivative-product")
    assert abs(data["log10_grad_linear"][0] - data["log10_grad_linear"][-1]) < 1e-9  # orthogonal: norm kept
    assert data["log10_grad_tanh"][0] < data["log10_grad_tanh"][-1] - 3


@claim("derivatives", 1, "1.5", "1/γ = 1")
def scale_one_and_a_half():
    data = run("derivative-product", scale=1.5)
    assert data["log10_grad_linear"][0] > data["log10_grad_linear"][-1] + 2  # linear: explodes
    assert data["log10_grad_tanh"][0] < data["log10_grad_tanh"][-1]  # tanh: still shrinks
    assert data["sigma1"] * data["gamma"]["tanh"] > 1.0  # the tanh point lies above 1/γ


@claim("derivatives", 2, "0.9")
def scale_point_nine_guarantees_vanishing():
    data = run("derivative-product", scale=0.9)
    assert all(data["sigma1"] * gamma < 1.0 for gamma in data["gamma"].values())


@claim("derivatives", 3, "3.0", "200", "3", "10⁻⁶⁴·⁶", "10⁹⁵", "16", "10¹⁵", "12")
def scale_three_grows_from_about_twelve_units():
    small = run("derivative-product", scale=3.0, T=200)
    near(small["log10_grad_tanh"][0], -64.6, 0.05)
    near(small["log10_grad_linear"][0], 95, 0.5)
    assert run("derivative-product", scale=3.0, T=200, H=16)["log10_grad_tanh"][0] > 15  # chaotic: a bound, no value
    assert run("derivative-product", scale=3.0, T=200, H=8)["log10_grad_tanh"][0] < 0  # H = 8: still vanishes
    assert run("derivative-product", scale=3.0, T=200, H=12)["log10_grad_tanh"][0] > 0  # from about H = 12


@claim("derivatives", 4, "10", "3", "0.01")
def tanh_prime_is_tiny_beyond_three():
    data = run("tanh-derivative", zmax=10.0)
    far = np.abs(data["x"]) > 3
    assert np.all(data["tanh_prime"][far] < 0.01)


# -------------------------------------------------------------------------------------- scale_sweep
def _boundary(data):
    """The smallest plotted scale at which the gradient reaching t = 0 is at least its starting size."""
    first = data["grid"][:, 0]
    above = np.flatnonzero(first >= data["start"])
    return float(data["grid_scales"][above[0]]) if above.size else np.inf


@claim("scale_sweep", 0, "1")
def critical_scale_is_one_and_the_real_boundary_lies_right_of_it():
    data = run("scale-sweep")
    near(data["critical"], 1.0, 1e-9)
    assert _boundary(data) > 1.1


@claim("scale_sweep", 1)
def impulse_boundary_hugs_the_critical_scale():
    assert abs(_boundary(run("scale-sweep", input="impulse")) - 1.0) < abs(_boundary(run("scale-sweep")) - 1.0)
    near(_boundary(run("scale-sweep", input="impulse")), 1.0, 0.2)


@claim("scale_sweep", 2, "1")
def linear_boundary_is_exactly_one_and_explodes_above():
    data = run("scale-sweep", nonlinearity="linear")
    near(_boundary(data), 1.0, 0.06)  # the grid's scales are 0.05 apart
    curve = data["curves"][-1]  # the largest scale: log10 grows linearly into the past
    steps = np.arange(curve.size)
    fit = np.polyfit(steps, curve, 1)
    assert fit[0] < -0.1 and np.max(np.abs(np.polyval(fit, steps) - curve)) < 1.0


@claim("scale_sweep", 3)
def gated_cells_change_far_more_slowly():
    spread = {cell: float(np.ptp(run("scale-sweep", cell=cell)["grid"][:, 0])) for cell in ("rnn", "lstm", "gru")}
    assert spread["lstm"] < spread["rnn"] / 3 and spread["gru"] < spread["rnn"] / 3, spread


@claim("scale_sweep", 4, "1000", "256")
def large_heatmap_is_averaged():
    data = run("scale-sweep", T=1000, H=256)
    assert data["factor_t"] > 1


# ----------------------------------------------------------------------------------- unrolled_graph
@claim("unrolled_graph", 0)
def the_gradient_darkens_on_the_way_to_h1():
    norms = run("unrolled-graph")["dh_norm"]
    assert norms[0] < norms[-1]


@claim("unrolled_graph", 1, "18")
def tom_is_eighteen_steps_before_the_answer():
    tokens = setups.sentence("tom")["tokens"]
    assert tokens[0] == "Tom" and tokens[-1] == "?" and len(tokens) - 1 == 18
    assert run("unrolled-graph", input="tom")["tokens"] == tokens


@claim("unrolled_graph", 2, "2.5")
def scale_two_and_a_half_saturates_tanh():
    low = run("cell-diagram", scale=1.0)["forward"]["dphi"].mean()
    high = run("cell-diagram", scale=2.5)["forward"]["dphi"].mean()
    assert high < low


@claim("unrolled_graph", 3, "3")
def a_large_forget_bias_keeps_the_cell_state_gradient():
    spec = catalogue.get("unrolled-graph")
    values, _ = spec.validate({**spec.defaults(), "cell": "lstm", "forget_bias": 3.0})
    grads = unrolled_graph.run_network(**spec.compute_args(values))["grads"]
    norms = np.linalg.norm(grads.dc[:, 0], axis=1)
    assert norms.min() > 0.3 * norms.max()  # along the lane the colour barely changes


@claim("unrolled_graph", 5, "100")
def long_sequences_collapse_into_an_ellipsis():
    graph = run("unrolled-graph", T=100)["graph"]
    assert "ellipsis" in graph.node_kind and graph.ellipsis is not None and "ratio_h" in graph.ellipsis


# -------------------------------------------------------------------------------------- inside_cells
def _word_gradients(cell, sentence, **changes):
    data = run("word-gradients", cell=cell, input=sentence, **changes)
    return dict(zip(range(len(data["tokens"])), data["log10"]["x"])), data["tokens"]


@claim("inside_cells", 0, "10⁻⁷·⁶", "10⁻⁰·²")
def tom_rnn():
    logs, tokens = _word_gradients("rnn", "tom")
    near(logs[0], -7.6, 0.05)
    near(logs[len(tokens) - 1], -0.2, 0.05)


@claim("inside_cells", 1, "10⁻⁵·²", "10⁻³·⁴", "0.5")
def tom_gated():
    near(_word_gradients("lstm", "tom")[0][0], -5.2, 0.05)
    near(_word_gradients("gru", "tom")[0][0], -3.4, 0.05)
    gates = run("gates", cell="lstm", input="tom")["panels"]["f"]
    near(float(np.mean(gates)), 0.5, 0.05)


@claim("inside_cells", 2, "10⁻²", "10⁻¹³")
def tickets_rnn():
    logs, tokens = _word_gradients("rnn", "tickets")
    near(logs[len(tokens) - 1 - tokens[::-1].index("printer")], -2, 0.5)  # the nearby one (the last)
    near(logs[tokens.index("tickets")], -13, 0.5)


@claim("inside_cells", 4, "32", "100", "3", "10⁻²⁸", "10⁴", "0.92", "0.57")
def scale_one_to_three_goes_from_vanishing_to_exploding():
    kw = {"H": 32, "T": 100}
    near(run("cell-gradients", scale=1.0, **kw)["log10"]["h"][0], -28, 0.5)
    near(run("cell-gradients", scale=3.0, **kw)["log10"]["h"][0], 4, 0.5)
    near(float(np.mean(run("gates", scale=1.0, **kw)["panels"]["dtanh"])), 0.92, 0.005)
    near(float(np.mean(run("gates", scale=3.0, **kw)["panels"]["dtanh"])), 0.57, 0.005)


# ------------------------------------------------------------------------------------------ dynamics
@claim("dynamics", 0, "8", "19 600", "3.5⁸ ≈ 22 500", "3.5")
def compositions_get_steep():
    slopes = run("logistic-compositions", n_max=8)["max_slopes"]
    near(slopes[0], 3.5, 1e-3)
    near(slopes[7], 19_600, 50)
    near(3.5**8, 22_500, 50)
    assert np.all(np.diff(slopes) > 0) and slopes[7] <= 3.5**8


@claim("dynamics", 1, "0.81", "0.82", "0.81623")
def either_side_of_the_source():
    below = run("cobweb", x0=0.81)
    distance = np.abs(below["orbit"] - below["sink"])
    assert not below["escaped"] and distance[-1] < 0.01 and np.all(np.diff(distance[3:]) < 0)
    assert run("cobweb", x0=0.82)["escaped"]
    near(run("cobweb")["source"], 0.81623, 5e-6)


@claim("dynamics", 2, "0.25", "0.5", "1")
def sink_and_source_meet():
    data = run("cobweb", c=0.25)
    near(data["sink"], 0.5, 1e-12)
    near(data["source"], 0.5, 1e-12)
    near(data["sink_slope"], 1.0, 1e-12)
    assert abs(data["orbit"][-1] - 0.5) > 1e-3  # still far from 0.5 after the steps drawn: very slow


@claim("dynamics", 3, "−0.5")
def negative_sink_alternates():
    data = run("cobweb", c=-0.5, x0=0.0)
    assert data["sink"] < 0 and data["sink_slope"] < 0
    offsets = data["orbit"][5:30] - data["sink"]
    assert np.all(offsets[:-1] * offsets[1:] < 0)  # the orbit changes side at every step


# ---------------------------------------------------------------------------------- cell_comparison
def _at_zero(**changes):
    return {cell: float(v[0]) for cell, v in run("cell-comparison", **changes)["log10_grad"].items()}


@claim("cell_comparison", 0, "10⁻⁵·⁹", "10⁻⁸·¹", "10⁻¹³·⁷")
def defaults_carry_the_gradient():
    grad = _at_zero()
    near(grad["lstm"], -5.9, 0.05)
    near(grad["gru"], -8.1, 0.05)
    near(grad["rnn"], -13.7, 0.05)


@claim("cell_comparison", 1, "0", "0.5", "10⁻³²", "10⁻¹⁷·³", "10⁻¹⁵·⁷", "10⁻¹³·⁷")
def zero_biases_fail():
    data = run("cell-comparison", forget_bias=0.0, keep_bias=0.0)
    near(data["f_overall"], 0.5, 0.01)
    near(float(data["log10_path"]["lstm"][0]), -32, 0.5)
    grad = {cell: float(v[0]) for cell, v in data["log10_grad"].items()}
    near(grad["lstm"], -17.3, 0.05)
    near(grad["gru"], -15.7, 0.05)
    assert max(grad["lstm"], grad["gru"]) < grad["rnn"]


@claim("cell_comparison", 2, "3", "0.95", "10⁻⁰·²", "10⁻¹·⁰")
def biases_of_three():
    data = run("cell-comparison", forget_bias=3.0, keep_bias=3.0)
    near(data["f_overall"], 0.95, 0.01)
    near(float(data["log10_grad"]["lstm"][0]), -0.2, 0.05)
    near(float(data["log10_grad"]["gru"][0]), -1.0, 0.05)


@claim("cell_comparison", 3, "−3", "0.05", "10⁻⁶⁰")
def forget_bias_minus_three():
    data = run("cell-comparison", forget_bias=-3.0)
    near(data["f_overall"], 0.05, 0.01)
    near(float(data["log10_grad"]["lstm"][0]), -60, 0.5)


@claim("cell_comparison", 4, "0.5", "10⁻⁴⁰", "10⁻¹¹")
def scale_one_half():
    grad = _at_zero(scale=0.5)
    near(grad["rnn"], -40, 0.5)
    near(grad["lstm"], -11, 0.5)
    near(grad["gru"], -11, 0.5)


@claim("cell_comparison", 5, "2.5", "10⁴·³", "1")
def scale_two_and_a_half():
    grad = _at_zero(scale=2.5)
    near(grad["rnn"], 4.3, 0.05)
    assert grad["lstm"] < 0 and grad["gru"] < 0


# ------------------------------------------------------------------------------------------- remedies
@claim("remedies", 0, "3", "5.0", "22", "5", "1")
def clip_grads_to_exactly_five():
    data = run("clipping")
    near(data["norm_before"], 22, 0.5)
    near(data["norms"]["norm_clip"], 5.0, 1e-5)
    near(data["cosines"]["norm_clip"], 1.0, 1e-12)


@claim("remedies", 1, "1")
def elementwise_changes_the_direction():
    data = run("clipping", clip_value=1.0)
    assert data["norms"]["elementwise"] < data["norms"]["original"] and data["cosines"]["elementwise"] < 1 - 1e-3


@claim("remedies", 2, "50", "1")
def a_large_max_norm_changes_nothing():
    data = run("clipping", max_norm=50.0)
    assert data["rate"] >= 1 and np.array_equal(data["vectors"]["norm_clip"], data["vectors"]["original"])


@claim("remedies", 3, "1")
def truncation_every_step_and_no_truncation():
    data = run("truncated-bptt", k=1)
    off_diagonal = data["norms_cut"] * (1 - np.eye(data["T"]))
    assert np.all(off_diagonal == 0) and np.all(np.diag(data["norms_cut"]) > 0)
    full = run("truncated-bptt", k=30)
    assert np.array_equal(full["norms_full"], full["norms_cut"])


@claim("remedies", 4, "0.1", "100", "10⁻¹⁰⁰", "1", "101", "5050")
def skip_connections_keep_at_least_one():
    data = run("skip-connection", w=0.1, depth=100)
    near(data["log10_grad_plain"][0], -100, 0.05)
    assert data["log10_grad_residual"].min() >= 0 and data["log10_grad_dense"].min() >= 0
    assert data["width"] == 101 and data["connections"] == 5050


@claim("remedies", 5, "1.1", "10¹", "0.9", "18", "30")
def irnn_scaled_identity():
    up = run("irnn", scale=1.1)["norms"]["irnn"]
    near(np.log10(up[0]), 1, 0.1)
    down = run("irnn", scale=0.9)["norms"]["irnn"]
    assert down.size == 30 and int(np.sum(down == 0)) == 18 and np.all(down <= 1.0 + 1e-12)


@claim("remedies", 6, "300", "28", "30", "0")
def amplitude_three_hundred():
    small, large = run("irnn"), run("irnn", amplitude="300")
    assert int(np.sum(large["norms"]["identity_tanh"] < large["norms"]["irnn"])) == 28
    assert np.any(large["norms"]["pytorch_tanh"] == 0)
    np.testing.assert_allclose(large["norms"]["irnn"], small["norms"]["irnn"], rtol=1e-12)


# ------------------------------------------------------------------------------------- worked_examples
@claim("worked_examples", 0, "0.5")
def past_inputs_halve():
    xs = worked_examples.EXAMPLE1_INPUTS
    base = run("worked-linear", wh=0.5)["h"]
    for k in range(len(xs)):
        bumped = list(xs)
        bumped[k] += 1.0
        h, _ = worked_examples.linear_recurrent_unit(bumped, w_h=0.5)
        np.testing.assert_allclose((h - base)[k:], 0.5 ** np.arange(len(xs) - k))


@claim("worked_examples", 1, "1111", "1, 0, 1, 0")
def parity_alternates():
    assert list(run("parity-rnn", bits="1111")["parity"]) == [1, 0, 1, 0]


@claim("worked_examples", 2, "2")
def a_two_is_refused():
    spec = catalogue.get("parity-rnn")
    value, notice = spec.param("bits").parse("0120")
    assert notice is not None and value == spec.param("bits").default


@claim("worked_examples", 3)
def each_step_multiplies_by_w_tanh_prime():
    data = run("scalar-bptt", loss="last")
    w = catalogue.get("scalar-bptt").param("w").default
    for t in range(1, len(data["x"])):
        near(data["dL_dh"][t - 1], w * (1 - data["h"][t] ** 2) * data["dL_dh"][t], 1e-12)


@claim("worked_examples", 4, "3", "1")
def a_large_w_can_still_shrink():
    data = run("scalar-bptt", loss="last", w=3.0)
    assert abs(data["dL_dh"][0]) < abs(data["dL_dh"][-1])


# ------------------------------------------------------------------------------------------- book_code
@claim("book_code", 0, "3", "1", "10⁻¹⁰")
def the_seeds_backward_is_wrong_where_it_says():
    data = run("book-backward")
    for name in ("dWx", "dh_prev"):
        assert 0.1 < data["rel_err_seed"][name] < 10
    for name in ("dx", "dWh", "db"):
        assert data["rel_err_seed"][name] < 1e-8


@claim("book_code", 1, "2")
def the_seeds_code_cannot_run_with_two_rows():
    data = run("book-backward", B=2)
    assert not data["runs"] and all(np.isnan(data["rel_err_seed"][name]) for name in ("dWx", "dh_prev"))


@claim("book_code", 2, "1", "3", "8")
def rnnlm_after_one_and_eight_steps():
    one = run("rnnlm", steps=1)
    assert one["vocab"][int(one["argmax_after"][0])] == "and"
    assert one["probs_after"].max() < 0.3  # still almost uniform over the 7 words
    assert run("rnnlm", steps=8)["correct_after"] == 7


@claim("book_code", 3, "2", "6")
def say_leads_to_two_words():
    data = run("rnnlm")
    predicted = [data["vocab"][int(i)] for i in data["argmax_after"]]
    assert data["inputs"][1] == data["inputs"][5] == "say"
    assert predicted[1] == "goodbye" and predicted[5] == "hello"


@claim("book_code", 4, "1")
def one_hidden_unit_cannot_hold_the_context():
    data = run("rnnlm", lm_H=1)
    predicted = [data["vocab"][int(i)] for i in data["argmax_after"]]
    assert not (predicted[1] == "goodbye" and predicted[5] == "hello")


# ------------------------------------------------------------------------------------------- training
def _training(**changes):
    return training.compute_runs(**{**training.default_settings(), **changes})


@claim("training", 0, "0.3", "0.7", "10⁻¹¹", "200", "10⁻³", "10⁻⁴")
def defaults_learn_with_the_gated_cells():
    data = _training()
    ratio = training.final_ratios(data)
    assert ratio["lstm"] <= 0.3 and ratio["gru"] <= 0.3 and ratio["rnn"] >= 0.7 and ratio["irnn"] >= 0.7
    lstm = data["runs"]["lstm"]
    assert next(s.step for s in lstm if s.ratio < 0.3) > 500  # late, after half of the steps
    gru = data["runs"]["gru"]
    near(gru[0].log10_grad_h[0], -11, 0.5)
    assert max(s.log10_grad_h[0] for s in gru if 0 < s.step <= 200) > -3
    assert max(s.log10_grad_h[0] for s in data["runs"]["rnn"]) < -4


@claim("training", 1, "0.5", "0.85")
def the_gru_learns_to_keep():
    gru = _training()["runs"]["gru"]
    near(gru[0].gate_mean, 0.5, 0.02)
    assert gru[-1].gate_mean > 0.85


@claim("training", 2, "50", "1000", "0.3", "0.65", "19")
def first_token_changes_the_verdict():
    ratio = training.final_ratios(_training(task="first_token"))
    assert max(ratio.values()) > min(ratio.values()) > 0.3
    assert min(ratio, key=ratio.get) == "rnn"
    near(ratio["rnn"], 0.65, 0.01)
    sweep = training.compute_summary(**{**training.default_settings(), "task": "first_token"})["table"]
    at19 = sweep[sweep["delay"] == 19].set_index("cell")["solved"]
    assert not at19["lstm"] and at19["rnn"] and at19["irnn"] and at19["gru"]
    assert not sweep[(sweep["cell"] == "lstm") & (sweep["delay"] >= 19)]["solved"].any()


@claim("training", 3, "0.01")
def reversed_first_token_is_learned():
    data = training.compute_reversal(**{**training.default_settings(), "task": "first_token"})
    for kind in training.REVERSAL_KINDS:
        assert data["runs"][(kind, True)][-1].ratio < 0.01


@claim("training", 4, "0.01", "1000", "0.9")
def sgd_solves_nothing():
    ratio = training.final_ratios(_training(optimizer="sgd"))
    assert min(ratio.values()) > 0.9, ratio


# -------------------------------------------------------------------------------------- architectures
@claim("architectures", 0, "3", "30", "10⁻³·¹", "10⁻²·⁵")
def stacked_defaults():
    grid = run("stacked")["grid"]
    near(grid[-1, 0], -3.1, 0.05)
    near(grid[0, 0], -2.5, 0.05)


@claim("architectures", 1, "1", "10⁻³·⁹")
def one_layer():
    near(run("stacked", layers=1)["grid"][0, 0], -3.9, 0.05)


@claim("architectures", 2, "0.5", "10⁻¹⁰")
def stacked_half_scale_vanishes():
    first = run("stacked", scale=0.5)["grid"][:, 0]
    assert np.all(np.abs(first + 10) < 0.5), first


@claim("architectures", 3, "3", "10⁻¹", "1")
def stacked_lstm_keeps_it():
    assert np.all(run("stacked", cell="lstm")["grid"][:, 0] > -1)


@claim("architectures", 4, "0")
def bidirectional_loss_at_zero():
    table = run("bidirectional", position=0)["table"]
    forward = table[table["direction"] == "forward"]["log10_grad_norm"].to_numpy()
    backward = table[table["direction"] == "backward"]["log10_grad_norm"].to_numpy()
    assert np.isfinite(forward[0]) and np.all(np.isneginf(forward[1:])) and np.all(np.isfinite(backward))


@claim("architectures", 5)
def many_to_one_first_input_gets_far_less():
    table = run("io-shapes")["table"]
    first = table[table["t"] == 0].set_index("shape")["log10_grad_x"]
    assert first["many_to_many"] - first["many_to_one"] > 2


@claim("architectures", 6, "0")
def first_step_adds_nothing_to_w_hh():
    data = run("unfolded-view")
    assert data["contrib"]["W_hh"][0] == 0.0 and np.all(data["contrib"]["W_hh"][1:] > 0)


# ------------------------------------------------------------------------------------------- the tests
@pytest.mark.parametrize("case", CLAIMS, ids=[c.id for c in CLAIMS])
def test_try_this_claim_holds_and_its_numbers_are_in_both_texts(case):
    for lang in ("ko", "en"):
        text = bullets(case.page, lang)[case.bullet]
        for quote in case.quotes:
            assert quote in text, (lang, case.page, case.bullet, quote)
    case.check()


# Bullets that state neither a number nor a direction, with what they ask the reader to do instead.
NOTHING_TO_COMPUTE = {
    ("vanishing_exploding", 6): "watch a point cross the unit circle",
    ("cell_comparison", 6): "save slides",
    ("unrolled_graph", 4): "the GRU's lane (a label)",
    ("inside_cells", 3): "look at a heatmap",
    ("inside_cells", 5): "the roles of z swap (a definition)",
}


def test_every_bullet_with_a_number_or_a_direction_has_a_claim():
    pages = sorted({key.removesuffix(".try") for key in strings() if key.endswith(".try")})
    covered = {(c.page, c.bullet) for c in CLAIMS}
    missing = []
    for page in pages:
        for index, text in enumerate(bullets(page, "en")):
            states = bool(re.search(r"\d", text)) or bool(DIRECTIONS.search(text))
            if states and (page, index) not in covered and (page, index) not in NOTHING_TO_COMPUTE:
                missing.append((page, index, text[:80]))
    assert missing == []
    assert len(bullets(page, "ko")) == len(bullets(page, "en"))
