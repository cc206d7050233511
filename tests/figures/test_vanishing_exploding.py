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
    data = spec.compute(**values)
    return spec, data, spec.build(data, lang=lang, theme=theme)


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
    _, data, fig = build("book-norms")
    norm = fig.data[0]
    expected, _ = seed_code()
    np.testing.assert_allclose(norm.y, expected, rtol=1e-12)
    assert list(norm.x) == list(range(1, 21))
    assert norm.line.color == CELL_COLORS["rnn"]
    assert fig.layout.yaxis.type in (None, "linear", "-")


def test_book_norms_bound_holds_and_guide_has_rate_rho():
    _, data, fig = build("book-norms", init="randn", scale=0.5, T=200, yaxis="log")
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
