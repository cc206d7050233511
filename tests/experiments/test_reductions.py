"""The reductions behind the charts: log10 norms, tail products, block and bin averages."""

import numpy as np
import pytest

from rnnviz.experiments.reductions import bin_centres, bin_mean, block_mean, log10_norm, log10_tail_products


def test_bin_mean_averages_blocks_and_keeps_small_arrays():
    values = np.arange(35, dtype=np.float64).reshape(7, 5)
    same, f_t, f_h = bin_mean(values, 10, 10)
    assert (f_t, f_h) == (1, 1) and np.array_equal(same, values)
    binned, f_t, f_h = bin_mean(values, 3, 2)
    assert (f_t, f_h) == (3, 3) and binned.shape == (3, 2)
    assert binned[0, 0] == pytest.approx(values[0:3, 0:3].mean())
    assert binned[2, 1] == pytest.approx(values[6:7, 3:5].mean())  # a short last block
    assert np.allclose(bin_centres(7, 3), [2.0, 5.0, 7.0])


@pytest.mark.parametrize("bad", [np.zeros(4), np.zeros((0, 3)), np.zeros((2, 2, 2))])
def test_bin_mean_rejects_non_matrices(bad):
    with pytest.raises(ValueError, match="values must have shape"):
        bin_mean(bad, 4, 4)


def test_block_mean_averages_along_one_axis_with_a_short_last_block():
    values = np.arange(10, dtype=np.float64).reshape(2, 5)
    same, factor = block_mean(values, 1, 5)
    assert factor == 1 and same is values
    means, factor = block_mean(values, 1, 2)
    assert factor == 3 and np.allclose(means, [[1.0, 3.5], [6.0, 8.5]])


def test_log10_norm_is_nan_where_the_norm_is_zero_or_not_finite():
    values = np.array([[3.0, 4.0], [0.0, 0.0], [np.inf, 1.0]])
    out = log10_norm(values)
    assert out[0] == pytest.approx(np.log10(5.0)) and np.isnan(out[1]) and np.isnan(out[2])


def test_log10_tail_products_sum_the_factors_after_each_step():
    rng = np.random.default_rng(0)
    factors = rng.uniform(0.1, 2.0, size=(6, 3))
    tails = log10_tail_products(np.log10(factors))
    for t in range(6):
        assert np.allclose(tails[t], np.log10(np.prod(factors[t + 1:], axis=0)))
