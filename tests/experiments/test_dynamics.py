import numpy as np
import pytest

from rnnviz.experiments.dynamics import (
    basins_quadratic, cobweb_path, compose, fixed_points_quadratic, iterate, logistic,
    max_slope, quadratic)


def test_fixed_points_c015_exact():
    fp = fixed_points_quadratic(0.15)
    assert fp["sink"] == pytest.approx((1 - np.sqrt(0.4)) / 2, abs=1e-15)
    assert fp["source"] == pytest.approx((1 + np.sqrt(0.4)) / 2, abs=1e-15)
    assert round(fp["sink"], 5) == 0.18377 and round(fp["source"], 5) == 0.81623
    assert round(fp["sink_slope"], 5) == 0.36754 and round(fp["source_slope"], 5) == 1.63246
    assert quadratic(fp["sink"]) == pytest.approx(fp["sink"])
    assert quadratic(fp["source"]) == pytest.approx(fp["source"])


def test_sink_attracts_source_repels():
    fp = fixed_points_quadratic(0.15)
    assert iterate(quadratic, 0.5, 60)[-1] == pytest.approx(fp["sink"], abs=1e-12)
    above = iterate(quadratic, fp["source"] + 1e-6, 100)
    below = iterate(quadratic, fp["source"] - 1e-6, 100)
    assert np.isinf(above[-1]) or above[-1] > 1e6
    assert below[-1] == pytest.approx(fp["sink"], abs=1e-9)


def test_basins():
    grid = np.linspace(-1.5, 1.5, 301)
    out = basins_quadratic(grid)
    source = fixed_points_quadratic()["source"]
    inside = np.abs(grid) < source - 1e-3
    outside = np.abs(grid) > source + 1e-3
    assert np.all(out["label"][inside] == "sink")
    assert np.all(out["label"][outside] == "infinity")


def test_iterate_and_cobweb():
    xs = iterate(logistic, 0.2, 3)
    assert xs.shape == (4,) and xs[1] == pytest.approx(3.5 * 0.2 * 0.8)
    pts = cobweb_path(logistic, 0.2, 3)
    assert pts.shape == (7, 2)
    np.testing.assert_allclose(pts[0], [0.2, 0.0])
    np.testing.assert_allclose(pts[1], [xs[0], xs[1]])
    np.testing.assert_allclose(pts[2], [xs[1], xs[1]])
    np.testing.assert_allclose(pts[-1], [xs[3], xs[3]])


def test_compositions_get_steeper():
    grid = np.linspace(0, 1, 20001)
    slopes = [max_slope(logistic, n, grid) for n in (1, 2, 4, 8)]
    assert slopes[0] == pytest.approx(3.5, rel=1e-6)
    assert all(a < b for a, b in zip(slopes, slopes[1:]))
    assert compose(logistic, 2)(0.3) == pytest.approx(logistic(logistic(0.3)))


def test_bad_input():
    with pytest.raises(ValueError, match="c must"):
        fixed_points_quadratic(0.3)
    with pytest.raises(ValueError, match="n must"):
        iterate(quadratic, 0.1, -1)
    with pytest.raises(ValueError, match="n must"):
        compose(quadratic, 0)
    with pytest.raises(ValueError, match="grid"):
        max_slope(logistic, 2, np.zeros(2))
