import numpy as np
import pytest

from rnnviz.experiments.book_norms import book_norm_experiment
from tests.seed_code import seed_code



@pytest.mark.parametrize("init,scale", [("rand", 1.0), ("rand", 0.5), ("randn", 1.0), ("randn", 0.5)])
def test_matches_seed_code(init, scale):
    expected, Wh = seed_code(init, scale)
    out = book_norm_experiment(init=init, scale=scale)
    np.testing.assert_array_equal(out.Wh, Wh)
    np.testing.assert_allclose(out.norms, expected, rtol=1e-12, atol=0)
    np.testing.assert_array_equal(out.steps, np.arange(1, 21))


def test_rand_explodes_and_half_vanishes():
    big = book_norm_experiment()
    small = book_norm_experiment(scale=0.5)
    assert np.all(np.diff(big.norms) > 0) and big.norms[-1] > 1e3
    assert np.all(np.diff(small.norms) < 0) and small.norms[-1] < 1e-2
    assert big.spectral_radius > 1 > small.spectral_radius


def test_long_exploding_run_stays_finite():
    out = book_norm_experiment(T=5000, scale=2.0)
    assert np.all(np.isfinite(out.log10_norms))
    assert out.log10_norms[-1] > 308  # beyond float64: honest inf only in `norms`
    assert np.isinf(out.norms[-1]) and np.isfinite(out.norms[0])
    # the growth rate per step approaches log10 ρ
    rate = out.log10_norms[-1] - out.log10_norms[-2]
    assert rate == pytest.approx(np.log10(out.spectral_radius), rel=1e-9)


def test_long_vanishing_run_stays_finite():
    out = book_norm_experiment(T=5000, scale=0.5)
    assert np.all(np.isfinite(out.log10_norms)) and out.log10_norms[-1] < -300


def test_randn_half_sigma_above_one_but_rho_below_one_vanishes():
    # The book's randn * 0.5 (seed 3): σ1 ≈ 1.3297 > 1, yet ρ ≈ 0.6276 < 1, so the norm vanishes.
    out = book_norm_experiment(init="randn", scale=0.5, T=60)
    assert out.largest_singular_value == pytest.approx(1.3297, abs=1e-4)
    assert out.spectral_radius == pytest.approx(0.6276, abs=1e-4)
    assert out.norms[-1] < 1e-8


def test_guide_line_is_rho_power():
    out = book_norm_experiment(T=10)
    np.testing.assert_allclose(np.diff(out.log10_guide), np.log10(out.spectral_radius))
    assert out.log10_guide[0] == out.log10_norms[0]


@pytest.mark.parametrize("kwargs", [{"init": "uniform"}, {"T": 0}, {"N": 1.5}, {"H": -1},
                                    {"scale": np.inf}, {"T": True}])
def test_bad_input(kwargs):
    with pytest.raises(ValueError):
        book_norm_experiment(**kwargs)


def test_default_norms_are_the_seed_codes_numbers_bit_for_bit():
    expected = seed_code()[0].tolist()
    result = book_norm_experiment()
    assert result.norms.tolist() == expected


@pytest.mark.parametrize("init", ["rand", "randn"])
def test_unit_rho_divides_the_draw_by_its_own_spectral_radius(init):
    raw = book_norm_experiment(init=init, H=5, scale=1.0)
    for scale in (0.05, 0.95, 1.0, 1.05, 3.0):
        out = book_norm_experiment(init=init, H=5, scale=scale, scale_unit="rho")
        assert out.spectral_radius == pytest.approx(scale, rel=1e-12)
        assert out.base_spectral_radius == raw.base_spectral_radius == raw.spectral_radius
        np.testing.assert_allclose(out.Wh, raw.Wh / raw.spectral_radius * scale, rtol=1e-15)
    with pytest.raises(ValueError):
        book_norm_experiment(scale_unit="log")
