import numpy as np
import pytest

from rnnviz.experiments.worked_examples import example1, example2, two_input_unit


def test_example1_seed_numbers():
    out = example1()
    np.testing.assert_array_equal(out["h"], [2.0, 1.5, 2.5, 3.5])
    np.testing.assert_array_equal(out["y"], [2.0, 1.5, 2.5, 3.5])


def test_example2_hidden_values():
    np.testing.assert_allclose(example2()["h"], [4.0, 0.5, -0.7], atol=1e-12)


def test_example2_logistic_outputs():
    out = example2()
    expected = 1 / (1 + np.exp(-5 * np.array([4.0, 0.5, -0.7])))
    np.testing.assert_allclose(out["y"], expected, rtol=1e-12)
    assert out["y"][0] == pytest.approx(0.9999999979, abs=1e-10)
    assert round(out["y"][1], 4) == 0.9241 and round(out["y"][2], 4) == 0.0293
    # the seed's literal 1/(1 + e^{5·4}) is the mirrored value
    assert out["y_seed_sign_slip"][0] == pytest.approx(1 / (1 + np.exp(20.0)))


def test_bad_input():
    with pytest.raises(ValueError, match="xs must be"):
        two_input_unit(np.ones((3, 3)))
