"""Figures of seed 004's dynamical-systems view: exact sink/source, orbits, slopes, basins."""

import numpy as np
import pytest

from tests.figures.test_remedies import assert_finite, build

FIGURE_IDS = ("logistic-compositions", "cobweb", "basins")
LARGEST = {"logistic-compositions": {"n_max": 8}, "cobweb": {"steps": 200, "x0": 1.5, "c": -0.5},
           "basins": {"c": 0.25}}


@pytest.mark.parametrize("figure_id", FIGURE_IDS)
def test_largest_settings_stay_finite_and_small(figure_id):
    _, fig = build(figure_id, "en", "projector", **LARGEST[figure_id])
    assert_finite(fig)
    assert len(fig.to_json()) < 1_000_000


def test_cobweb_shows_the_exact_sink_and_source():
    data, fig = build("cobweb", "en")
    sink, source = (1 - np.sqrt(0.4)) / 2, (1 + np.sqrt(0.4)) / 2
    markers = {trace.name.split()[0]: trace for trace in fig.data if trace.mode == "markers+text"}
    assert markers["Sink"].x[0] == pytest.approx(sink, abs=1e-15)
    assert markers["Source"].x[0] == pytest.approx(source, abs=1e-15)
    assert "0.18377" in markers["Sink"].name and "0.36754" in markers["Sink"].name  # not the seed's "0.17"
    assert "0.81623" in markers["Source"].name and "1.63246" in markers["Source"].name
    assert list(markers["Sink"].text) == ["0.18377"]


def test_cobweb_orbit_follows_the_map_and_converges_to_the_sink():
    data, fig = build("cobweb", x0=0.6, steps=60)
    orbit = [0.6]
    for _ in range(60):
        orbit.append(orbit[-1] ** 2 + 0.15)
    np.testing.assert_allclose(data["orbit"], orbit, rtol=1e-14)
    path = fig.data[2]
    assert path.x[1] == pytest.approx(0.6) and path.y[1] == pytest.approx(0.51)  # (x0, f(x0))
    assert orbit[-1] == pytest.approx((1 - np.sqrt(0.4)) / 2, abs=1e-12)
    assert not data["escaped"]


def test_cobweb_just_above_the_source_escapes_and_says_so():
    data, fig = build("cobweb", "ko", x0=0.82, steps=40)
    assert data["escaped"]
    assert np.all(np.abs(np.asarray(fig.data[2].y, dtype=float)) <= 10)
    assert "무한대" in fig.layout.annotations[0].text


def test_compositions_get_steeper_from_3_5():
    data, fig = build("logistic-compositions", n_max=4)
    assert data["max_slopes"][0] == pytest.approx(3.5, rel=1e-6)
    assert data["max_slopes"][1] == pytest.approx(3.5**2, rel=1e-4)  # (f∘f)' at x = 1/2 is f'(f(½))·… = 12.25
    assert np.all(np.diff(data["max_slopes"]) > 0)
    x = np.asarray(fig.data[1].x)
    f = 3.5 * x * (1 - x)
    np.testing.assert_allclose(fig.data[1].y, 3.5 * f * (1 - f), rtol=1e-12)
    assert "12.2" in fig.data[1].name


def test_basins_split_at_the_source_and_slopes_say_sink_or_source():
    data, fig = build("basins", "en")
    source = (1 + np.sqrt(0.4)) / 2
    x0 = data["x0"]
    assert np.all(data["label"][np.abs(x0) < source - 1e-3] == "sink")
    assert np.all(data["label"][np.abs(x0) > source + 1e-3] == "infinity")
    points = {trace.name.split(":")[0]: trace for trace in fig.data if trace.mode == "markers" and trace.xaxis == "x"}
    assert points["Sink"].y[0] == pytest.approx(0.36754, abs=5e-6)  # < 1: attracts
    assert points["Source"].y[0] == pytest.approx(1.63246, abs=5e-6)  # > 1: repels
    lines = [shape.x0 for shape in fig.layout.shapes if shape.type == "line" and shape.x0 == shape.x1]
    assert sorted(set(lines)) == pytest.approx([-source, source])  # one dashed line per panel at ±source
