import numpy as np
import pytest

from rnnviz.experiments.spectra import book_randn_half_example, spectrum, vanishes_or_explodes


def test_book_randn_half_example():
    Wh, spec = book_randn_half_example()
    np.random.seed(3)
    np.testing.assert_array_equal(Wh, np.random.randn(3, 3) * 0.5)
    assert spec.largest_singular_value == pytest.approx(1.3297, abs=1e-4)
    assert spec.spectral_radius == pytest.approx(0.6276, abs=1e-4)
    assert spec.behaviour == "vanishes"
    assert spec.transient_growth_possible


def test_known_matrices():
    assert vanishes_or_explodes(np.diag([0.5, 0.9])) == "vanishes"
    assert vanishes_or_explodes(np.diag([0.5, 1.1])) == "explodes"
    assert vanishes_or_explodes(np.array([[0.0, -1.0], [1.0, 0.0]])) == "neutral"  # rotation
    spec = spectrum(np.array([[0.0, 2.0], [0.0, 0.0]]))  # nilpotent: ρ = 0, σ1 = 2
    assert spec.spectral_radius == 0.0 and spec.largest_singular_value == pytest.approx(2.0)
    np.testing.assert_allclose(spec.singular_values, [2.0, 0.0])


def test_eigenvalues_sorted_by_modulus():
    spec = spectrum(np.diag([0.2, -3.0, 1.0]))
    np.testing.assert_allclose(np.abs(spec.eigenvalues), [3.0, 1.0, 0.2])


@pytest.mark.parametrize("W", [np.ones(3), np.ones((2, 3)), np.array([[np.nan]])])
def test_bad_input(W):
    with pytest.raises(ValueError, match="W"):
        spectrum(W)
