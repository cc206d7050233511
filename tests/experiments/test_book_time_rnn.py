import numpy as np
import pytest

from rnnviz.experiments.book_time_rnn import (
    TimeRNN, time_rnn_backward, time_rnn_forward, truncated_bptt)

from rnnviz.experiments.finite_diff import numerical_gradient

T, B, I, H = 6, 2, 3, 4


def setup(seed=1):
    rng = np.random.RandomState(seed)
    return (rng.randn(T, B, I), rng.randn(I, H) * 0.5, rng.randn(H, H) * 0.5,
            rng.randn(H) * 0.1, rng.randn(B, H) * 0.3, rng.randn(T, B, H))


def test_full_bptt_matches_finite_differences():
    xs, Wx, Wh, b, h0, dhs = setup()
    hs, caches = time_rnn_forward(xs, Wx, Wh, b, h0)
    g = time_rnn_backward(dhs, caches)

    def loss():
        return float(np.sum(time_rnn_forward(xs, Wx, Wh, b, h0)[0] * dhs))

    for name, arr in (("dWx", Wx), ("dWh", Wh), ("db", b), ("dh0", h0), ("dxs", xs)):
        np.testing.assert_allclose(g[name], numerical_gradient(loss, arr), rtol=1e-6, atol=1e-9,
                                   err_msg=name)


def test_truncation_keeps_forward_and_cuts_backward():
    xs, Wx, Wh, b, h0, dhs = setup()
    full_hs, caches = time_rnn_forward(xs, Wx, Wh, b, h0)
    full = time_rnn_backward(dhs, caches)
    whole = truncated_bptt(xs, dhs, Wx, Wh, b, block_len=T, h0=h0)
    np.testing.assert_allclose(whole["dWh"], full["dWh"])
    cut = truncated_bptt(xs, dhs, Wx, Wh, b, block_len=4, h0=h0)
    np.testing.assert_allclose(cut["hs"], full_hs)  # forward never cut
    assert len(cut["blocks"]) == 2
    assert not np.allclose(cut["dWh"], full["dWh"])  # backward cut


def test_block_gradient_treats_incoming_state_as_constant():
    xs, Wx, Wh, b, h0, dhs = setup()
    cut = truncated_bptt(xs, dhs, Wx, Wh, b, block_len=4, h0=h0)
    h_start = cut["hs"][3]  # state carried into block 2, held fixed

    def block2_loss():
        return float(np.sum(time_rnn_forward(xs[4:], Wx, Wh, b, h_start)[0] * dhs[4:]))

    np.testing.assert_allclose(cut["blocks"][1]["dWh"], numerical_gradient(block2_loss, Wh),
                               rtol=1e-6, atol=1e-9)


def test_stateful_class_carries_state():
    xs, Wx, Wh, b, _, dhs = setup()
    full_hs, _ = time_rnn_forward(xs, Wx, Wh, b)
    layer = TimeRNN(Wx, Wh, b, stateful=True)
    parts = [layer.forward(xs[:3]), layer.forward(xs[3:])]
    np.testing.assert_allclose(np.concatenate(parts), full_hs)
    assert layer.backward(dhs[3:])["dxs"].shape == (3, B, I)
    layer.reset_state()
    np.testing.assert_allclose(layer.forward(xs[:3]), full_hs[:3])
    stateless = TimeRNN(Wx, Wh, b)
    stateless.forward(xs[:3])
    assert not np.allclose(stateless.forward(xs[3:]), full_hs[3:])


def test_bad_input():
    xs, Wx, Wh, b, h0, dhs = setup()
    with pytest.raises(ValueError, match="block_len"):
        truncated_bptt(xs, dhs, Wx, Wh, b, block_len=0)
    with pytest.raises(ValueError, match="xs"):
        time_rnn_forward(xs[0], Wx, Wh, b)
    with pytest.raises(ValueError, match="backward called before forward"):
        TimeRNN(Wx, Wh, b).backward(dhs)
