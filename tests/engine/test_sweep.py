"""The vectorised scale sweep against one core.backward per scale, extremes, the seed's norm experiment."""

import numpy as np
import pytest

from rnnviz.core import backward, forward, init_params
from rnnviz.core import sweep
from rnnviz.core.sweep import critical_scale, gradient_norms_over_scales

T, B, I, H = 12, 2, 3, 4
SCALES = np.array([0.05, 0.5, 1.0, 2.0, 6.0])
CASES = [  # (cell, nonlinearity, gru_variant)
    ("rnn", "tanh", "classic"),
    ("rnn", "relu", "classic"),
    ("rnn", "linear", "classic"),
    ("lstm", "tanh", "classic"),
    ("gru", "tanh", "classic"),
    ("gru", "tanh", "pytorch"),
]


def _setup(cell, seed=0):
    rng = np.random.default_rng(seed)
    params = init_params(cell, I, H, init="pytorch", seed=seed)
    x = rng.normal(size=(T, B, I))
    h0 = rng.normal(size=(B, H)) * 0.5
    c0 = rng.normal(size=(B, H)) if cell == "lstm" else None
    return params, x, h0, c0


def _reference(cell, params, x, h0, c0, scale, nonlinearity, variant, loss):
    """log10 ‖∂L/∂h_t‖ from core.forward + core.backward on ``scale * weight_hh``: ``(T,)``."""
    scaled = dict(params, weight_hh=scale * params["weight_hh"])
    trace = forward(cell, scaled, x, h0, c0, nonlinearity=nonlinearity, gru_variant=variant)
    dh = np.zeros(trace.h.shape)
    if loss == "every":
        dh[:] = 1.0
    else:
        dh[-1] = 1.0
    with np.errstate(divide="ignore"):
        return np.log10(np.sqrt(np.sum(backward(trace, dh).dh ** 2, axis=(1, 2))))


@pytest.mark.parametrize("loss", ["last", "every"])
@pytest.mark.parametrize(("cell", "nonlinearity", "variant"), CASES)
def test_sweep_equals_core_backward_for_every_scale(cell, nonlinearity, variant, loss):
    params, x, h0, c0 = _setup(cell)
    out = gradient_norms_over_scales(cell, params, x, SCALES, h0=h0, c0=c0, nonlinearity=nonlinearity,
                                     gru_variant=variant, loss=loss)
    assert out.shape == (SCALES.size, T)
    for k, s in enumerate(SCALES):
        ref = _reference(cell, params, x, h0, c0, s, nonlinearity, variant, loss)
        np.testing.assert_allclose(out[k], ref, rtol=1e-10, atol=1e-12)


def test_seed_000_norm_experiment():
    """Seed 000: N=2, H=3, dh = ones, seed 3, Wh = rand(H, H), then dh = dh @ Wh.T for 20 steps (x0.5 too)."""
    n, hidden, steps = 2, 3, 20
    wh = np.random.RandomState(3).rand(hidden, hidden)  # the seed's row-vector Wh; weight_hh = Wh.T
    params = {"weight_ih": np.zeros((hidden, 1)), "weight_hh": wh.T, "bias_ih": np.zeros(hidden),
              "bias_hh": np.zeros(hidden)}
    out = gradient_norms_over_scales("rnn", params, np.zeros((steps + 1, n, 1)), [1.0, 0.5], nonlinearity="linear")
    for k, factor in enumerate([1.0, 0.5]):
        dh, norms = np.ones((n, hidden)), []
        for _ in range(steps):  # the seed's loop, verbatim apart from the factor
            dh = np.matmul(dh, (wh * factor).T)
            norms.append(np.sqrt(np.sum(dh ** 2)) / n)
        # after j products we are at h_{T−1−j}; the seed divides the Frobenius norm by N
        np.testing.assert_allclose(out[k, ::-1][1:] - np.log10(n), np.log10(norms), rtol=1e-12)
    assert np.all(np.diff(out[0]) < 0) and np.all(np.diff(out[1]) > 0)  # grows going back; shrinks


@pytest.mark.parametrize("loss", ["last", "every"])
def test_exploding_linear_chain_matches_the_closed_form(loss):
    steps, factor = 1000, 3.0  # 3**999 ≈ 10**477: beyond float64
    params = {"weight_ih": np.zeros((H, 1)), "weight_hh": np.eye(H), "bias_ih": np.zeros(H), "bias_hh": np.zeros(H)}
    out = gradient_norms_over_scales("rnn", params, np.zeros((steps, B, 1)), [factor, 1.0 / factor],
                                     nonlinearity="linear", loss=loss)
    j = steps - 1 - np.arange(steps)  # products between h_t and h_{T−1}
    base = 0.5 * np.log10(B * H)
    if loss == "last":
        expected = base + np.outer([1.0, -1.0], j * np.log10(factor))
    else:  # Σ_{k=0}^{j} q^k = (1 − q^{j+1}) / (1 − q), written in logs
        up = (j + 1) * np.log10(factor) + np.log10(1.0 - factor ** -(j + 1.0)) - np.log10(factor - 1.0)
        down = np.log10(1.0 - factor ** -(j + 1.0)) - np.log10(1.0 - 1.0 / factor)
        expected = base + np.stack([up, down])
    assert np.all(np.isfinite(out))
    np.testing.assert_allclose(out, expected, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize(("cell", "variant"), [("rnn", "classic"), ("lstm", "classic"), ("gru", "classic"),
                                                ("gru", "pytorch")])
def test_long_sequences_stay_finite_at_extreme_scales(cell, variant):
    params = init_params(cell, 3, 8, init="orthogonal", seed=1)
    x = np.random.default_rng(1).normal(size=(1000, 1, 3))
    for loss in ("last", "every"):
        out = gradient_norms_over_scales(cell, params, x, [1e-3, 1.0, 3.0, 30.0], gru_variant=variant, loss=loss)
        assert np.all(np.isfinite(out))
    if cell == "rnn":  # at zero input and state, J_t = s·W_hh (tanh'(0) = 1) and W_hh is orthogonal
        out = gradient_norms_over_scales(cell, params, np.zeros((1000, 1, 3)), [3.0])
        np.testing.assert_allclose(out[0], 0.5 * np.log10(8) + np.arange(999, -1, -1) * np.log10(3.0), rtol=1e-10)


def test_scales_swept_in_groups_give_the_same_numbers(monkeypatch):
    params, x, h0, c0 = _setup("lstm")
    whole = gradient_norms_over_scales("lstm", params, x, SCALES, h0=h0, c0=c0, loss="every")
    monkeypatch.setattr(sweep, "CACHE_BUDGET_BYTES", 1)  # forces one scale per group
    grouped = gradient_norms_over_scales("lstm", params, x, SCALES, h0=h0, c0=c0, loss="every")
    np.testing.assert_allclose(grouped, whole, rtol=1e-13)  # equal up to BLAS rounding


def test_dead_relu_gives_minus_infinity_not_nan():
    params = {"weight_ih": np.zeros((H, 1)), "weight_hh": np.eye(H), "bias_ih": -np.ones(H), "bias_hh": np.zeros(H)}
    out = gradient_norms_over_scales("rnn", params, np.zeros((5, 1, 1)), [1.0], nonlinearity="relu")
    assert out[0, -1] == 0.5 * np.log10(H)
    assert np.all(out[0, :-1] == -np.inf)


def _spectral_radius_at_zero_state(cell, params, scale, variant):
    """ρ of the centred-difference state Jacobian of one core.forward step at h = 0, c = 0, x = 0."""
    scaled = dict(params, weight_hh=scale * params["weight_hh"])
    n_h = params["weight_hh"].shape[1]
    dim = 2 * n_h if cell == "lstm" else n_h
    x = np.zeros((1, 1, params["weight_ih"].shape[1]))

    def state_after(v):
        tr = forward(cell, scaled, x, v[None, :n_h], v[None, n_h:] if cell == "lstm" else None, gru_variant=variant)
        return np.concatenate([tr.h[0, 0]] + ([tr.c[0, 0]] if cell == "lstm" else []))

    eps = 1e-6
    jac = np.stack([(state_after(eps * e) - state_after(-eps * e)) / (2 * eps) for e in np.eye(dim)], axis=1)
    return np.max(np.abs(np.linalg.eigvals(jac)))


def test_critical_scale_of_the_tanh_rnn_is_one_over_the_spectral_radius():
    w = np.random.default_rng(4).normal(size=(6, 6))
    params = {"weight_ih": np.ones((6, 2)), "weight_hh": w, "bias_ih": np.zeros(6), "bias_hh": np.zeros(6)}
    rho = np.max(np.abs(np.linalg.eigvals(w)))
    for nonlinearity in ("tanh", "linear"):  # tanh'(0) = 1: the same Jacobian as the linear cell
        np.testing.assert_allclose(critical_scale("rnn", params, nonlinearity=nonlinearity), 1.0 / rho, rtol=1e-12)
    assert critical_scale("rnn", params, nonlinearity="relu") is None  # relu'(0) = 0: J = 0 at zero state
    assert critical_scale("rnn", params, lo=2.0 / rho, hi=100.0) is None  # already above 1 at lo


@pytest.mark.parametrize(("cell", "variant"), [("lstm", "classic"), ("gru", "classic"), ("gru", "pytorch")])
def test_critical_scale_of_gated_cells_puts_the_radius_at_one(cell, variant):
    params = init_params(cell, 2, 5, init="pytorch", seed=3)
    s = critical_scale(cell, params, gru_variant=variant)
    assert s is not None and 1e-3 < s < 100
    np.testing.assert_allclose(_spectral_radius_at_zero_state(cell, params, s, variant), 1.0, atol=1e-8)


def test_bad_arguments_raise_value_error():
    params, x, h0, c0 = _setup("rnn")
    with pytest.raises(ValueError, match="cell"):
        gradient_norms_over_scales("elman", params, x, SCALES)
    with pytest.raises(ValueError, match="loss"):
        gradient_norms_over_scales("rnn", params, x, SCALES, loss="mean")
    with pytest.raises(ValueError, match=r"scales must have shape \(S,\)"):
        gradient_norms_over_scales("rnn", params, x, SCALES[None])
    with pytest.raises(ValueError, match=r"scales must have shape \(S,\)"):
        gradient_norms_over_scales("rnn", params, x, [])
    with pytest.raises(ValueError, match="scales"):
        gradient_norms_over_scales("rnn", params, x, [1.0, np.nan])
    with pytest.raises(ValueError, match="x must have shape"):
        gradient_norms_over_scales("rnn", params, x[0], SCALES)
    with pytest.raises(ValueError, match="h0"):
        gradient_norms_over_scales("rnn", params, x, SCALES, h0=np.zeros((B + 1, H)))
    with pytest.raises(ValueError, match="c0"):
        gradient_norms_over_scales("rnn", params, x, SCALES, c0=np.zeros((B, H)))
    with pytest.raises(ValueError, match="weight_hh"):
        gradient_norms_over_scales("lstm", params, x, SCALES)
    with pytest.raises(ValueError, match="lo and hi"):
        critical_scale("rnn", params, lo=5.0, hi=1.0)
    with pytest.raises(ValueError, match="lo"):
        critical_scale("rnn", params, lo=np.inf)
    with pytest.raises(ValueError, match="gru_variant"):
        critical_scale("gru", init_params("gru", I, H), gru_variant="cudnn")
