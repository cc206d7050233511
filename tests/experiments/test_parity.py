import numpy as np
import pytest

from rnnviz.experiments.parity import SEED_INPUT, SEED_PARITY, parity_rnn, parity_truth_table


def test_seed004_parity_bits():
    out = parity_rnn(SEED_INPUT)
    np.testing.assert_array_equal(out["parity"], [0, 1, 1, 0, 1, 1, 0, 0, 1, 0])
    np.testing.assert_array_equal(out["parity"], SEED_PARITY)
    assert out["hidden"].shape == (10, 2)
    # OR unit fires when x or the previous parity is 1; AND when both
    np.testing.assert_array_equal(out["hidden"][:4], [[0, 0], [1, 0], [1, 0], [1, 1]])


def test_equals_cumulative_xor_on_random_strings():
    rng = np.random.RandomState(0)
    for T in (1, 7, 64):
        bits = rng.randint(0, 2, size=T)
        np.testing.assert_array_equal(parity_rnn(bits)["parity"], np.cumsum(bits) % 2)


def test_truth_table_is_xor():
    table = parity_truth_table()
    np.testing.assert_array_equal(table[:, 4], table[:, 0] ^ table[:, 1])


@pytest.mark.parametrize("bits", [[0, 2], [[0, 1]], [0.5]])
def test_bad_input(bits):
    with pytest.raises(ValueError, match="bits"):
        parity_rnn(bits)
