"""Figures of the book's experiment: contents checked on fig.data and fig.layout, not pixels."""

import json

import numpy as np
import pytest

from rnnviz import catalogue
from rnnviz.figures.style import CELL_COLORS, THEMES
from tests.seed_code import seed_code

LANGS = ("ko", "en")


def build(figure_id, lang="en", theme="light", **changes):
    spec = catalogue.get(figure_id)
    values, notices = spec.validate({**spec.defaults(), **changes})
    assert not notices
    data = spec.run(values)
    return spec, data, spec.build(data, lang=lang, theme=theme, **spec.view_values(values))


def finite_traces(fig):
    for trace in fig.data:
        for axis in ("x", "y"):
            values = getattr(trace, axis, None)
            if values is not None:
                assert np.all(np.isfinite(np.asarray(values, dtype=float))), (trace.name, axis)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("figure_id", ["book-norms", "book-eigenvalues", "scalar-power"])
def test_every_figure_builds_in_every_language_and_theme(figure_id, lang, theme):
    spec, _, fig = build(figure_id, lang, theme)
    assert fig.layout.title.text == fig.layout.title.text.strip() != ""
    finite_traces(fig)
    assert len(fig.to_json()) < 1_000_000
    if lang == "ko":
        assert any("\uac00" <= ch <= "\ud7a3" for ch in fig.layout.title.text)


def test_book_norms_curve_is_the_seed_codes_numbers():
    _, data, fig = build("book-norms", scale_unit="raw", scale=1.0)  # the book's own unit: its numbers bit for bit
    norm = fig.data[0]
    expected, _ = seed_code()
    np.testing.assert_allclose(norm.y, expected, rtol=1e-12)
    assert list(norm.x) == list(range(1, 21))
    assert norm.line.color == CELL_COLORS["rnn"]
    assert fig.layout.yaxis.type in (None, "linear", "-")


def test_book_norms_bound_holds_and_guide_has_rate_rho():
    _, data, fig = build("book-norms", scale_unit="raw", init="randn", scale=0.5, T=200, yaxis="log")
    assert np.all(data["log10_norms"] <= data["log10_bound"] + 1e-9)  # ‖dh_t‖ ≤ σ₁ᵗ ‖dh_0‖
    assert data["sigma1"] == pytest.approx(1.3297, abs=1e-4) and data["rho"] == pytest.approx(0.6276, abs=1e-4)
    rate = (data["log10_norms"][-1] - data["log10_norms"][-101]) / 100
    assert rate == pytest.approx(np.log10(data["rho"]), abs=1e-3)
    assert fig.layout.yaxis.type == "log"


def test_book_norms_at_extremes_switches_to_log10_values_and_stays_finite():
    _, data, fig = build("book-norms", scale=3.0, T=1000, H=64)
    assert data["log10_norms"][-1] > 300
    finite_traces(fig)
    assert "log" in fig.layout.yaxis.title.text
    np.testing.assert_allclose(fig.data[0].y, data["log10_norms"])


@pytest.mark.parametrize("init", ["rand", "randn"])
def test_unit_rho_makes_the_slider_the_spectral_radius_at_every_H(init):
    spec = catalogue.get("book-norms")
    low, high = spec.param("scale").min, spec.param("scale").max
    for H in range(1, spec.param("H").max + 1):
        for scale in (low, 0.95, 1.0, 1.05, high):
            _, data, fig = build("book-norms", init=init, H=H, scale=scale, T=200)
            assert data["rho"] == pytest.approx(scale, rel=1e-12), (H, scale)
            verdict = "vanishing" if scale < 1 else "exploding" if scale > 1 else "borderline"
            assert verdict in fig.layout.annotations[0].text and "threshold is 1" in fig.layout.annotations[0].text
            if scale != 1.0:  # crossing 1 flips the curve itself, not just the label
                assert (data["log10_norms"][-1] < data["log10_norms"][0]) == (scale < 1), (H, scale)


def annotation(fig) -> str:
    """The numbers' box beside the curve, as one line (it is wrapped to stay in a corner)."""
    return fig.layout.annotations[0].text.replace("<br>", " ")


def test_unit_raw_names_the_critical_scale_and_says_when_it_is_off_the_slider():
    for lang, words in (("en", ("Critical scale", "off the slider")), ("ko", ("임계 스케일", "슬라이더 밖"))):
        _, data, fig = build("book-norms", lang, scale_unit="raw", scale=1.0)
        note = annotation(fig)
        assert f"{1 / data['rho0']:.4f}" == "0.6670" and "0.6670" in note and words[0] in note
        assert words[1] not in note
        _, big, fig = build("book-norms", lang, scale_unit="raw", H=64, scale=0.05)
        note = annotation(fig)
        assert 1 / big["rho0"] < 0.05 and f"{1 / big['rho0']:.4f}" in note and words[1] in note
        assert big["rho"] > 1  # the smallest scale still explodes: what the note says
        _, small, fig = build("book-norms", lang, scale_unit="raw", scale=1.0, H=1)
        assert 1 / small["rho0"] < 3.0 and words[1] not in annotation(fig)
    # above the range: a draw whose critical scale exceeds 3 (ρ₀ < 1/3)
    seed = next(s for s in range(200) if np.random.RandomState(s).rand(1, 1)[0, 0] < 0.3)
    _, tiny, fig = build("book-norms", scale_unit="raw", H=1, seed=seed, scale=3.0)
    assert tiny["rho"] < 1 and "every scale vanishes" in annotation(fig)


def test_raw_and_rho_units_agree_where_the_slider_value_is_rho0():
    _, raw, _ = build("book-norms", scale_unit="raw", scale=1.0)
    _, rho, _ = build("book-norms", scale=1.5)
    assert raw["rho"] == pytest.approx(1.4993, abs=1e-4) and rho["rho"] == pytest.approx(1.5, rel=1e-12)
    np.testing.assert_allclose(rho["Wh"], raw["Wh"] * 1.5 / raw["rho"], rtol=1e-12)


@pytest.mark.parametrize("changes", [{"scale_unit": "raw"}, {"scale_unit": "rho"}, {"scale_unit": "raw", "H": 64},
                                     {"scale_unit": "rho", "H": 64, "init": "randn"}])
@pytest.mark.parametrize("figure_id", ["book-norms", "book-eigenvalues"])
def test_every_live_frame_is_the_engines_figure_at_that_value_in_both_units(figure_id, changes):
    from tests.figures.test_live import expected, payload, same_figure
    from rnnviz.figures import live

    spec, values, data = payload(figure_id, **changes)
    for slider in data["sliders"]:
        name = slider["name"]
        for index, value in enumerate(slider["values"]):
            at = {**values, name: spec.param(name).parse(value)[0]}
            frame = live.apply(data["base"], slider["patches"][index], slider["reference"])
            assert same_figure(frame, expected(spec, at), sweep=spec.sweep is not None), (name, value)


def test_eigenvalues_figure_marks_unit_circle_and_eigenvalues():
    _, data, fig = build("book-eigenvalues", scale=0.5)
    names = [trace.name for trace in fig.data]
    assert len(names) == 4
    unit = fig.data[0]
    np.testing.assert_allclose(np.hypot(unit.x, unit.y), 1.0)
    eig = fig.data[-1]
    np.testing.assert_allclose(np.sort(np.hypot(eig.x, eig.y)), np.sort(np.abs(data["eigenvalues"])))
    assert max(np.abs(data["eigenvalues"])) == pytest.approx(data["rho"])
    assert fig.layout.yaxis.scaleanchor == "x"


def test_scalar_power_reproduces_the_seeds_numbers():
    spec, data, fig = build("scalar-power")
    assert round(data["power"][-1], 1) == 117.4
    _, down, _ = build("scalar-power", w=0.9)
    assert round(down["power"][-1], 5) == 0.00515
    assert fig.layout.yaxis.type == "log"
    table = spec.table(data)
    assert list(table.columns) == ["k", "w_power", "ref_1.1_power", "ref_0.9_power"]
    assert json.loads(fig.to_json())["data"][-1]["line"]["color"] == CELL_COLORS["rnn"]
