"""Truncated BPTT (seed 002): blocks [0, k), [k, 2k), ... aligned from t = 0, forward never cut."""

import numpy as np
import pytest

from rnnviz import core

T, B, I, H = 7, 2, 3, 4
CONFIGS = [("rnn", {}), ("lstm", {}), ("gru", {"gru_variant": "classic"}), ("gru", {"gru_variant": "pytorch"})]


def _run(cell, opts, seed=4):
    rng = np.random.default_rng(seed)
    params = core.init_params(cell, I, H, seed=seed)
    x = rng.standard_normal((T, B, I))
    h0 = rng.standard_normal((B, H))
    c0 = rng.standard_normal((B, H)) if cell == "lstm" else None
    trace = core.forward(cell, params, x, h0, c0, **opts)
    return params, x, h0, c0, trace, rng.standard_normal((T, B, H))


@pytest.mark.parametrize(("cell", "opts"), CONFIGS)
@pytest.mark.parametrize("k", [1, 2, 3])
def test_truncated_equals_independent_blocks(cell, opts, k):
    """Backward over each block's own trace, started from the carried state, summed, is the truncated result."""
    params, x, h0, c0, trace, dh = _run(cell, opts)
    grads = core.backward(trace, dh, truncate=k)
    total = {name: np.zeros_like(v) for name, v in params.items()}
    for s in range(0, T, k):
        h_s = h0 if s == 0 else trace.h[s - 1]  # stateful: the state is carried across blocks
        c_s = c0 if s == 0 else (trace.c[s - 1] if cell == "lstm" else None)
        block = core.forward(cell, params, x[s : s + k], h_s, c_s, **opts)
        np.testing.assert_allclose(block.h, trace.h[s : s + k], rtol=1e-13, atol=1e-15)
        bg = core.backward(block, dh[s : s + k])
        for name in total:
            total[name] += bg.params[name]
        np.testing.assert_allclose(grads.dh[s : s + k], bg.dh, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(grads.dx[s : s + k], bg.dx, rtol=1e-12, atol=1e-15)
        if s == 0:
            np.testing.assert_allclose(grads.dh0, bg.dh0, rtol=1e-12, atol=1e-15)
            if cell == "lstm":
                np.testing.assert_allclose(grads.dc0, bg.dc0, rtol=1e-12, atol=1e-15)
    for name in total:
        np.testing.assert_allclose(grads.params[name], total[name], rtol=1e-11, atol=1e-14)


@pytest.mark.parametrize(("cell", "opts"), CONFIGS)
def test_truncate_at_or_beyond_T_is_full_bptt(cell, opts):
    *_, trace, dh = _run(cell, opts)
    full = core.backward(trace, dh)
    for k in (T, T + 5):
        cut = core.backward(trace, dh, truncate=k)
        np.testing.assert_array_equal(cut.dh, full.dh)
        np.testing.assert_array_equal(cut.params["weight_hh"], full.params["weight_hh"])


@pytest.mark.parametrize(("cell", "opts"), CONFIGS)
def test_truncate_one_carries_nothing_and_cuts_full_bptt(cell, opts):
    *_, trace, dh = _run(cell, opts)
    one = core.backward(trace, dh, truncate=1)
    np.testing.assert_array_equal(one.dh, dh)  # no gradient from t + 1
    full = core.backward(trace, dh)
    assert not np.allclose(full.dh0, one.dh0)  # truncation changes what reaches h0
    cut = core.backward(trace, dh, truncate=3)
    # the last block [6, 7) sees only its own dh; the block [3, 6) ignores dh[6]
    np.testing.assert_array_equal(cut.dh[6], dh[6])
    dh_late = dh.copy()
    dh_late[3:] = 0.0
    np.testing.assert_array_equal(core.backward(trace, dh_late, truncate=3).dh0, cut.dh0)
