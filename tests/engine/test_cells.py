"""One forward step against the seeds' equations written out by hand, plus the Trace's contents."""

import numpy as np
import pytest

from rnnviz import core
from rnnviz.core.activations import sigmoid

B, I, H = 2, 3, 4


def _sig(v):
    return 1.0 / (1.0 + np.exp(-v))  # the textbook form; fine for the moderate values used here


def _setup(cell, seed=5):
    rng = np.random.default_rng(seed)
    params = core.init_params(cell, I, H, init="xavier", seed=seed)
    params["bias_ih"] = rng.uniform(-0.5, 0.5, params["bias_ih"].shape)
    params["bias_hh"] = rng.uniform(-0.5, 0.5, params["bias_hh"].shape)
    return params, rng.standard_normal((1, B, I)), rng.uniform(-1, 1, (B, H)), rng.uniform(-1, 1, (B, H))


def _seed001_blocks(params, cell, gate):
    """Seed 001's W_gate acting on the column [h_{t-1}; x_t], and b_gate."""
    w = np.hstack([core.gate_block(params["weight_hh"], gate, cell), core.gate_block(params["weight_ih"], gate, cell)])
    b = core.gate_block(params["bias_ih"], gate, cell) + core.gate_block(params["bias_hh"], gate, cell)
    return w, b


def test_rnn_step_matches_the_books_row_vector_form():
    params, x, h0, _ = _setup("rnn")
    wx, wh, b = params["weight_ih"].T, params["weight_hh"].T, params["bias_ih"] + params["bias_hh"]
    expected = np.tanh(h0 @ wh + x[0] @ wx + b)  # seed 002: h_t = tanh(h_{t-1} W_h + x_t W_x + b)
    trace = core.forward("rnn", params, x, h0)
    np.testing.assert_allclose(trace.h[0], expected, rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize(("nonlinearity", "phi"), [("tanh", np.tanh), ("relu", lambda a: np.maximum(a, 0)), ("linear", lambda a: a)])
def test_rnn_step_matches_seed_001_column_form(nonlinearity, phi):
    params, x, h0, _ = _setup("rnn")
    b_h = params["bias_ih"] + params["bias_hh"]
    for n in range(B):  # seed 001: h_t = φ(W_hh h_{t-1} + W_xh x_t + b_h), column vectors
        expected = phi(params["weight_hh"] @ h0[n] + params["weight_ih"] @ x[0, n] + b_h)
        trace = core.forward("rnn", params, x, h0, nonlinearity=nonlinearity)
        np.testing.assert_allclose(trace.h[0, n], expected, rtol=1e-13, atol=1e-15)


def test_lstm_step_matches_seed_001():
    params, x, h0, c0 = _setup("lstm")
    trace = core.forward("lstm", params, x, h0, c0)
    for n in range(B):
        hx = np.concatenate([h0[n], x[0, n]])  # [h_{t-1}, x_t]
        w_f, b_f = _seed001_blocks(params, "lstm", "f")
        w_i, b_i = _seed001_blocks(params, "lstm", "i")
        w_c, b_c = _seed001_blocks(params, "lstm", "g")
        w_o, b_o = _seed001_blocks(params, "lstm", "o")
        f = _sig(w_f @ hx + b_f)  # f_t = σ(W_f[h_{t-1}, x_t] + b_f)
        i = _sig(w_i @ hx + b_i)
        c_tilde = np.tanh(w_c @ hx + b_c)
        o = _sig(w_o @ hx + b_o)
        c = c0[n] * f + i * c_tilde  # c_t = c_{t-1} ⊙ f_t + i_t ⊙ c̃_t
        h = o * np.tanh(c)  # h_t = o_t ⊙ tanh(c_t)
        np.testing.assert_allclose(trace.c[0, n], c, rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(trace.h[0, n], h, rtol=1e-13, atol=1e-15)
        for name, value in {"i": i, "f": f, "g": c_tilde, "o": o}.items():
            np.testing.assert_allclose(trace.gates[name][0, n], value, rtol=1e-13, atol=1e-15)


def test_gru_classic_step_matches_seed_001():
    params, x, h0, _ = _setup("gru")
    trace = core.forward("gru", params, x, h0, gru_variant="classic")
    for n in range(B):
        hx = np.concatenate([h0[n], x[0, n]])
        w_r, b_r = _seed001_blocks(params, "gru", "r")
        w_z, b_z = _seed001_blocks(params, "gru", "z")
        w_h, b_h = _seed001_blocks(params, "gru", "n")
        r = _sig(w_r @ hx + b_r)
        z = _sig(w_z @ hx + b_z)
        h_tilde = np.tanh(w_h @ np.concatenate([r * h0[n], x[0, n]]) + b_h)  # W_h[r ⊙ h_{t-1}, x_t] + b_h
        h = (1 - z) * h0[n] + z * h_tilde
        np.testing.assert_allclose(trace.h[0, n], h, rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(trace.gates["n"][0, n], h_tilde, rtol=1e-13, atol=1e-15)


def test_gru_pytorch_step_matches_torch_docs_formula():
    params, x, h0, _ = _setup("gru")
    trace = core.forward("gru", params, x, h0, gru_variant="pytorch")

    def blk(name, gate):
        return core.gate_block(params[name], gate, "gru")

    r = _sig(x[0] @ blk("weight_ih", "r").T + blk("bias_ih", "r") + h0 @ blk("weight_hh", "r").T + blk("bias_hh", "r"))
    z = _sig(x[0] @ blk("weight_ih", "z").T + blk("bias_ih", "z") + h0 @ blk("weight_hh", "z").T + blk("bias_hh", "z"))
    hn = h0 @ blk("weight_hh", "n").T + blk("bias_hh", "n")
    n = np.tanh(x[0] @ blk("weight_ih", "n").T + blk("bias_ih", "n") + r * hn)
    np.testing.assert_allclose(trace.h[0], (1 - z) * n + z * h0, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(trace.pre["hn"][0], hn, rtol=1e-13, atol=1e-15)
    assert not np.allclose(trace.h[0], core.forward("gru", params, x, h0, gru_variant="classic").h[0])


def test_books_lstm_gate_order_maps_onto_ours():
    """The book stacks f, g, i, o along the columns of its row-vector Wx (I, 4H); ours is i, f, g, o."""
    params, x, h0, c0 = _setup("lstm")
    wx_book = np.hstack([core.gate_block(params["weight_ih"], k, "lstm").T for k in "fgio"])
    wh_book = np.hstack([core.gate_block(params["weight_hh"], k, "lstm").T for k in "fgio"])
    b_book = np.concatenate([core.gate_block(params["bias_ih"] + params["bias_hh"], k, "lstm") for k in "fgio"])
    a = h0 @ wh_book + x[0] @ wx_book + b_book  # the book's TimeLSTM step, row vectors
    f, g, i, o = _sig(a[:, :H]), np.tanh(a[:, H : 2 * H]), _sig(a[:, 2 * H : 3 * H]), _sig(a[:, 3 * H :])
    c = f * c0 + g * i
    np.testing.assert_allclose(core.forward("lstm", params, x, h0, c0).h[0], o * np.tanh(c), rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize(("cell", "opts"), [("rnn", {}), ("lstm", {}), ("gru", {"gru_variant": "classic"}), ("gru", {"gru_variant": "pytorch"})])
def test_trace_records_every_step(cell, opts):
    rng = np.random.default_rng(2)
    params = core.init_params(cell, I, H, seed=2)
    x = rng.standard_normal((6, B, I))
    trace = core.forward(cell, params, x, **opts)
    assert (trace.T, trace.B, trace.I, trace.H) == (6, B, I, H)
    expected_gates = {"rnn": set(), "lstm": set("ifgo"), "gru": set("rzn")}[cell]
    expected_pre = {"rnn": {"a"}, "lstm": set("ifgo"), "gru": set("rzn")}[cell] | ({"hn"} if opts.get("gru_variant") == "pytorch" else set())
    assert set(trace.gates) == expected_gates and set(trace.pre) == expected_pre
    for arr in [trace.h, *trace.gates.values(), *trace.pre.values()]:
        assert arr.shape == (6, B, H) and arr.dtype == np.float64
    assert (trace.c is None) == (trace.c0 is None) == (cell != "lstm")
    np.testing.assert_array_equal(trace.h0, np.zeros((B, H)))
    # stepping one time step at a time from the recorded state gives the same states
    h, c = trace.h0, trace.c0
    for t in range(6):
        step = core.forward(cell, params, x[t : t + 1], h, c, **opts)
        h, c = step.h[0], (step.c[0] if step.c is not None else None)
        np.testing.assert_allclose(trace.h[t], h, rtol=1e-14, atol=1e-15)
    # the trace keeps its own float64 copies
    params["weight_hh"][...] = 0.0
    assert np.any(trace.params["weight_hh"] != 0.0)


def test_sigmoid_is_stable_and_precise():
    v = np.array([-1000.0, -745.0, -40.0, -1.0, 0.0, 1.0, 40.0, 1000.0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        s = sigmoid(v)
    assert np.all((s >= 0) & (s <= 1))
    assert s[0] == 0.0 and s[-1] == 1.0 and s[4] == 0.5
    np.testing.assert_allclose(s[2], np.exp(-40.0) / (1 + np.exp(-40.0)), rtol=1e-15)  # relative precision in the tail
    np.testing.assert_allclose(s[3] + s[5], 1.0, rtol=1e-15)
