"""Figures of the remedies page: clipping, truncated BPTT, skip connections, IRNN (numbers and contents)."""

import numpy as np
import pytest

from rnnviz import core
from rnnviz.figures.style import CELL_COLORS
from tests.figures.helpers import assert_finite, build

FIGURE_IDS = ("clipping", "truncated-bptt", "skip-connection", "irnn")
LARGEST = {
    "clipping": {"max_norm": 50.0, "clip_value": 0.5, "eta": 20.0, "seed": 9999},
    "truncated-bptt": {"cell": "lstm", "T": 100, "k": 1, "H": 32, "scale": 3.0},
    "skip-connection": {"depth": 200, "w": 3.0, "x0": -3.0},
    "irnn": {"T": 100, "H": 32, "scale": 3.0},
}


@pytest.mark.parametrize("figure_id", FIGURE_IDS)
def test_largest_settings_stay_finite_and_under_a_megabyte(figure_id):
    _, fig = build(figure_id, "ko", "projector", **LARGEST[figure_id])
    assert_finite(fig)
    assert len(fig.to_json()) < 1_000_000


# ------------------------------------------------------------------------------------ clipping
def _seed_code(seed, max_norm):
    """Seed 000's clip_grads, written out again here (not imported) on its dW1, dW2 = rand(3, 3) * 10."""
    rs = np.random.RandomState(seed)
    grads = [rs.rand(3, 3) * 10, rs.rand(3, 3) * 10]
    total = np.sqrt(sum(np.sum(g**2) for g in grads))
    rate = max_norm / (total + 1e-6)
    clipped = [g * rate for g in grads] if rate < 1 else [g.copy() for g in grads]
    return grads, total, rate, clipped


def test_clipping_reproduces_the_seed_code():
    data, fig = build("clipping")
    grads, total, rate, clipped = _seed_code(3, 5.0)
    assert data["norm_before"] == pytest.approx(total, rel=1e-14)
    assert data["rate"] == pytest.approx(rate, rel=1e-14) and rate < 1
    bars = {trace.legendgroup: trace for trace in fig.data if trace.xaxis == "x"}
    np.testing.assert_allclose(bars["original"].y, np.concatenate([g.ravel() for g in grads]), rtol=1e-14)
    np.testing.assert_allclose(bars["norm_clip"].y, np.concatenate([g.ravel() for g in clipped]), rtol=1e-12)
    assert data["norms"]["norm_clip"] == pytest.approx(5.0, abs=1e-5)  # max_norm · ‖g‖/(‖g‖ + 1e-6)
    assert data["cosines"]["norm_clip"] == pytest.approx(1.0, abs=1e-12)  # same direction
    assert data["cosines"]["elementwise"] < 1.0 - 1e-3  # element-wise clipping turns the vector
    assert np.max(np.abs(bars["elementwise"].y)) <= 5.0
    assert data["norms"]["normalized"] == pytest.approx(1.0, rel=1e-12)  # ‖η g/‖g‖‖ = η
    (norm_bars,) = [trace for trace in fig.data if trace.xaxis == "x2"]
    assert list(norm_bars.y) == pytest.approx([data["norms"][k] for k in
                                               ("original", "norm_clip", "elementwise", "normalized")])


def test_clipping_leaves_small_gradients_alone():
    data, _ = build("clipping", max_norm=50.0)
    assert data["rate"] >= 1
    np.testing.assert_array_equal(data["vectors"]["norm_clip"], data["vectors"]["original"])


# ------------------------------------------------------------------------------ truncated BPTT
def _single_loss_norms(cell, T, H, scale, seed, s, k=None):
    """‖∂L_s/∂h_t‖ from one ordinary backward pass with the gradient only at step s (batch of one)."""
    from rnnviz import setups
    params = setups.make_params(cell, input_size=2, hidden_size=H, init="pytorch", seed=seed, scale=scale)
    x = setups.make_input("random", T=T, input_size=2, seed=seed)
    trace = core.forward(cell, params, x)
    dh = np.zeros((T, 1, H))
    dh[s, 0] = 1 / np.sqrt(H)
    return np.linalg.norm(core.backward(trace, dh, truncate=k).dh[:, 0], axis=1)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_truncated_rows_match_single_backward_passes(cell):
    data, fig = build("truncated-bptt", cell=cell, T=12, k=5, H=4)
    for s in (0, 4, 5, 11):
        np.testing.assert_allclose(data["norms_full"][s], _single_loss_norms(cell, 12, 4, 1.0, 3, s), rtol=1e-12)
        np.testing.assert_allclose(data["norms_cut"][s], _single_loss_norms(cell, 12, 4, 1.0, 3, s, 5), rtol=1e-12)
    # the loss at step s = 7 (0-based, block [5, 10)) reaches states 5..7 only when cut, 0..7 in full
    row = data["norms_cut"][7]
    assert np.all(row[5:8] > 0) and np.all(row[:5] == 0) and np.all(row[8:] == 0)
    assert np.all(data["norms_full"][7][:8] > 0)
    full_map, cut_map = fig.data[0].z, fig.data[1].z
    assert cut_map[7][2] is None and full_map[7][2] == pytest.approx(np.log10(data["norms_full"][7][2]), abs=1e-3)
    assert full_map[2][7] is None  # a loss never reaches a later state
    assert fig.data[2].line.color == CELL_COLORS[cell]  # block outlines


def test_truncation_at_T_or_more_is_full_bptt():
    data, _ = build("truncated-bptt", T=10, k=10)
    np.testing.assert_array_equal(data["norms_full"], data["norms_cut"])
    assert data["dwh_rel_diff"] == 0.0


# ---------------------------------------------------------------------------- skip connections
def _chain(x0, w, depth, skip):
    x = x0
    for _ in range(depth):
        x = np.tanh(w * x) + (x if skip else 0.0)
    return x


@pytest.mark.parametrize("w", [0.3, 1.0, 2.5])
def test_skip_gradient_matches_finite_differences(w):
    data, fig = build("skip-connection", depth=12, w=w, x0=0.7)
    eps = 1e-6
    for name, skip in (("plain", False), ("residual", True)):
        numeric = (_chain(0.7 + eps, w, 12, skip) - _chain(0.7 - eps, w, 12, skip)) / (2 * eps)
        assert 10 ** data[f"log10_grad_{name}"][0] == pytest.approx(numeric, rel=1e-6)
    assert np.all(data["local_residual"] >= 1.0)  # f'(x) + 1 ≥ 1 (seed 003)
    np.testing.assert_array_less(data["local_plain"], data["local_residual"])  # the skip always adds
    grad_trace = fig.data[2]  # residual, left panel
    assert "ResNet" in grad_trace.name
    assert min(grad_trace.y) >= 1.0 - 1e-12
    assert fig.layout.yaxis.type == "log"


def test_skip_plain_chain_vanishes_deep():
    data, _ = build("skip-connection", depth=100, w=0.1)
    assert data["log10_grad_plain"][0] < -99  # 0.1^100 at most
    assert data["log10_grad_residual"][0] >= 0.0


# --------------------------------------------------------------------------------------- IRNN
def test_irnn_norms_match_core_backward_and_identity_passes_exactly():
    data, fig = build("irnn", T=20, H=6)
    from rnnviz import setups
    x = setups.make_input("random", T=20, input_size=2, seed=3)
    params = setups.make_params("rnn", input_size=2, hidden_size=6, init="identity", seed=3)
    trace = core.forward("rnn", params, x, nonlinearity="relu")
    dh = np.zeros((20, 1, 6))
    dh[-1, 0] = 1 / np.sqrt(6)
    per_unit = core.backward(trace, dh).dh[:, 0]  # (T, H)
    np.testing.assert_allclose(data["norms"]["irnn"], np.linalg.norm(per_unit, axis=1), rtol=1e-14)
    # with W_h = I every unit's gradient is either passed unchanged (1/√H) or cut to 0 by the ReLU
    assert np.all(np.isclose(per_unit, 0.0) | np.isclose(per_unit, 1 / np.sqrt(6)))
    assert data["norms"]["pytorch_tanh"][0] < data["norms"]["pytorch_tanh"][-1]  # decays into the past
    colours = [trace.line.color for trace in fig.data]
    assert len(set(colours)) == 3 and colours[2] == CELL_COLORS["rnn"]  # one colour per network


def test_irnn_ignores_the_input_amplitude_and_tanh_saturates():
    """ReLU with zero biases is positively homogeneous: the IRNN's gradient does not change with the input's
    size. tanh saturates: identity + tanh lies above the IRNN at ×1 and below it at ×300."""
    small, _ = build("irnn")
    large, _ = build("irnn", amplitude="300")
    np.testing.assert_allclose(large["norms"]["irnn"], small["norms"]["irnn"], rtol=1e-12)
    below = lambda data: int(np.sum(data["norms"]["identity_tanh"] < data["norms"]["irnn"]))  # noqa: E731
    assert below(small) < 15 < below(large)
    assert large["mean_dphi"]["identity_tanh"] < small["mean_dphi"]["identity_tanh"]


def _dense(x0, w, depth):
    z = [x0]
    for _ in range(depth):
        z.append(np.tanh(w * np.mean(z)))
    return np.array(z)


@pytest.mark.parametrize("w", [0.3, 2.5])
def test_dense_gradient_matches_finite_differences_and_stays_at_least_one(w):
    depth = 9
    data, fig = build("skip-connection", depth=depth, w=w, x0=0.7)
    eps = 1e-6
    for layer in range(depth + 1):  # perturb feature z_l and recompute everything after it
        def final(delta):
            z = list(_dense(0.7, w, layer)) if layer else [0.7]
            z[layer] += delta
            for _ in range(depth - layer):
                z.append(np.tanh(w * np.mean(z)))
            return np.array(z)
        column = (final(eps) - final(-eps)) / (2 * eps)
        assert 10 ** data["log10_grad_dense"][layer] == pytest.approx(np.linalg.norm(column), rel=1e-6)
    assert np.all(data["log10_grad_dense"] >= 0.0)  # the concatenation carries z_l itself
    assert data["width"] == depth + 1 and data["connections"] == depth * (depth + 1) // 2
    assert any("DenseNet" in trace.name for trace in fig.data)


def test_irnn_scaled_identity_explodes_and_vanishes():
    up, _ = build("irnn", scale=1.1, T=60)
    down, _ = build("irnn", scale=0.9, T=60)
    assert up["norms"]["irnn"].max() > 10
    assert down["norms"]["irnn"][:10].max() < 0.1
