"""The unrolled graph's layout and numbers: nodes, edges, norms against core.backward and finite differences,
animation order, collapse of long sequences."""

import numpy as np
import pytest

from rnnviz import core, setups
from rnnviz.core import local_gradients, loss_gradient
from rnnviz.experiments.finite_diff import numerical_gradient
from rnnviz.figures.graph_layout import drawn_steps, unrolled_graph

CASES = [("rnn", "classic"), ("lstm", "classic"), ("gru", "classic"), ("gru", "pytorch")]


def run(cell, variant="classic", T=7, H=3, loss="last", scale=1.0, seed=1):
    params = core.init_params(cell, 2, H, init="orthogonal", scale=scale, seed=seed)
    x = setups.make_input("random", T=T, input_size=2, seed=seed)
    trace = core.forward(cell, params, x, gru_variant=variant)
    dh_ext = loss_gradient(T, 1, H, loss)
    return trace, core.backward(trace, dh_ext), dh_ext


def norm(v):
    return float(np.sqrt(np.sum(np.square(v))))


def test_rnn_three_nodes_tanh_plus_matmul():
    trace, grads, _ = run("rnn", T=5)
    lg = local_gradients(trace, grads)
    w_h = trace.params["weight_hh"]
    for t in range(5):
        da = grads.dh[t] * (1 - trace.h[t] ** 2)  # tanh: × (1 − h²)
        np.testing.assert_allclose(lg["da"][t], da, atol=1e-14)
        np.testing.assert_allclose(lg["dh_prev"][t], da @ w_h, atol=1e-14)  # MatMul: × W_hᵀ (row form)
    graph = unrolled_graph(trace, grads, loss_gradient(5, 1, 3, "last"))
    key = {k: i for i, k in enumerate(graph.node_key)}
    for t in range(1, 6):
        assert graph.node_norm[key[f"h{t}"]] == pytest.approx(norm(grads.dh[t - 1]), rel=1e-12)
        assert graph.node_norm[key[f"add{t}"]] == pytest.approx(norm(lg["da"][t - 1]), rel=1e-12)
        into_add = [e for e in range(graph.edge_src.size) if graph.edge_dst[e] == key[f"add{t}"]]
        assert all(graph.edge_norm[e] == pytest.approx(graph.node_norm[key[f"add{t}"]]) for e in into_add)  # '+'
        assert graph.node_norm[key[f"add{t}"]] <= graph.node_norm[key[f"tanh{t}"]] + 1e-15  # tanh' ≤ 1


@pytest.mark.parametrize(("cell", "variant"), CASES)
def test_graph_matches_finite_differences_of_the_loss(cell, variant):
    """‖∂L/∂h_t‖ on the graph equals the finite-difference gradient of L = Σ 1ᵀh_s with respect to h_t."""
    T, H = 5, 3
    trace, grads, dh_ext = run(cell, variant, T=T, H=H, loss="every")
    graph = unrolled_graph(trace, grads, dh_ext, loss="every")
    key = {k: i for i, k in enumerate(graph.node_key)}
    for t in (1, 3):  # restart the recurrence from a perturbed h_t (and the recorded c_t for the LSTM)
        h_t = trace.h[t - 1].copy()
        c_t = trace.c[t - 1].copy() if cell == "lstm" else None

        def loss():
            rest = core.forward(cell, trace.params, trace.x[t:], h0=h_t, c0=c_t, gru_variant=variant)
            return float(h_t.sum() + rest.h.sum())

        fd = numerical_gradient(loss, h_t)
        np.testing.assert_allclose(fd, grads.dh[t - 1], atol=1e-7)
        assert graph.node_norm[key[f"h{t}"]] == pytest.approx(norm(fd), rel=1e-6)
    x = trace.x.copy()
    x_fd = numerical_gradient(lambda: float(core.forward(cell, trace.params, x, gru_variant=variant).h.sum()), x)
    assert graph.node_norm[key["x2"]] == pytest.approx(norm(x_fd[1]), rel=1e-6)


def test_long_sequences_collapse_with_the_ratio_across_the_span():
    assert drawn_steps(24) == (list(range(1, 25)), [])
    assert drawn_steps(100) == ([1, 2, 3, 4], list(range(93, 101)))
    trace, grads, dh_ext = run("lstm", T=60, scale=0.5)
    graph = unrolled_graph(trace, grads, dh_ext)
    e = graph.ellipsis
    assert (e["first"], e["last"]) == (5, 52)
    assert e["ratio_h"] == pytest.approx(norm(grads.dh[3]) / norm(grads.dh[51]))
    assert e["ratio_c"] == pytest.approx(norm(grads.dc[3]) / norm(grads.dc[51]))
    assert list(graph.steps) == [1, 2, 3, 4] + list(range(53, 61))
    assert "ellipsis" in graph.node_key and "ellipsis_c" in graph.node_key
    assert not any(k in graph.node_key for k in ("h30", "tanhc30", "mulf30"))


def test_animation_order_runs_from_the_loss_back_to_t1():
    trace, grads, dh_ext = run("rnn", T=4)
    graph = unrolled_graph(trace, grads, dh_ext)
    assert list(graph.frame_steps) == [5, 4, 3, 2, 1]
    key = {k: i for i, k in enumerate(graph.node_key)}
    assert graph.node_order[key["L4"]] == 0 and graph.node_order[key["h4"]] == 0
    assert [graph.node_order[key[f"tanh{t}"]] for t in (4, 3, 2, 1)] == [1, 2, 3, 4]
    assert graph.node_order[key["h0"]] == 4  # reached with step 1
    assert graph.edge_order.max() == graph.n_frames - 1


def test_every_node_and_edge_is_finite_and_connected():
    for cell, variant in CASES:
        trace, grads, dh_ext = run(cell, variant, T=30, loss="every")
        graph = unrolled_graph(trace, grads, dh_ext, loss="every")
        assert len(set(graph.node_key)) == len(graph.node_key)
        assert np.all(np.isfinite(graph.node_norm)) and np.all(np.isfinite(graph.edge_norm))
        linked = set(graph.edge_src) | set(graph.edge_dst)
        assert linked == set(range(len(graph.node_key)))


def test_bad_input_raises_value_error():
    trace, grads, dh_ext = run("rnn", T=3)
    with pytest.raises(ValueError, match="dh_ext"):
        unrolled_graph(trace, grads, dh_ext[:2])
    with pytest.raises(ValueError, match="head"):
        unrolled_graph(trace, grads, dh_ext, head=10, tail=20, max_full=24)
