"""Step Jacobians against centred differences of one forward step, and renormalised products."""

import numpy as np
import pytest

from rnnviz.core import backward, forward, init_params
from rnnviz.core.jacobian import forget_path, state_jacobians, step_jacobians
from rnnviz.core.lognorm import jacobian_products

T, B, I, H = 3, 2, 3, 4
EPS = 1e-6
CASES = [  # (cell, nonlinearity, gru_variant)
    ("rnn", "tanh", "classic"),
    ("rnn", "relu", "classic"),
    ("rnn", "linear", "classic"),
    ("lstm", "tanh", "classic"),
    ("gru", "tanh", "classic"),
    ("gru", "tanh", "pytorch"),
]


def _trace(cell, nonlinearity="tanh", gru_variant="classic", *, steps=T, seed=0, scale=1.0):
    rng = np.random.default_rng(seed)
    params = init_params(cell, I, H, init="pytorch", seed=seed)
    params = {k: v * 2.0 for k, v in params.items()}  # larger weights: gates far from 1/2
    params["weight_hh"] *= scale
    x = rng.normal(size=(steps, B, I))
    h0 = rng.normal(size=(B, H)) * 0.5
    c0 = rng.normal(size=(B, H)) if cell == "lstm" else None
    return forward(cell, params, x, h0, c0, nonlinearity=nonlinearity, gru_variant=gru_variant)


def _step(trace, t, h_prev, c_prev):
    """One forward step of ``trace``'s cell from the given ``(B, H)`` states: ``(h_t, c_t)``."""
    one = forward(trace.cell, trace.params, trace.x[t:t + 1], h_prev, c_prev,
                  nonlinearity=trace.nonlinearity, gru_variant=trace.gru_variant)
    return one.h[0], (one.c[0] if one.c is not None else None)


def _previous(trace, t):
    h_prev = trace.h0 if t == 0 else trace.h[t - 1]
    c_prev = None if trace.c is None else (trace.c0 if t == 0 else trace.c[t - 1])
    return h_prev, c_prev


def _fd_step_jacobian(trace, t):
    """Centred differences of ``h_t`` in ``h_{t−1}`` with ``c_{t−1}`` fixed: ``(B, H, H)``."""
    h_prev, c_prev = _previous(trace, t)
    out = np.empty((B, H, H))
    for k in range(H):
        e = np.zeros(H)
        e[k] = EPS
        out[:, :, k] = (_step(trace, t, h_prev + e, c_prev)[0] - _step(trace, t, h_prev - e, c_prev)[0]) / (2 * EPS)
    return out


def _fd_state_jacobian(trace, t):
    """Centred differences of ``(h_t, c_t)`` in ``(h_{t−1}, c_{t−1})``: ``(B, 2H, 2H)``."""
    h_prev, c_prev = _previous(trace, t)
    out = np.empty((B, 2 * H, 2 * H))
    for k in range(2 * H):
        e = np.zeros(2 * H)
        e[k] = EPS
        plus = np.concatenate(_step(trace, t, h_prev + e[:H], c_prev + e[H:]), axis=-1)
        minus = np.concatenate(_step(trace, t, h_prev - e[:H], c_prev - e[H:]), axis=-1)
        out[:, :, k] = (plus - minus) / (2 * EPS)
    return out


@pytest.mark.parametrize(("cell", "nonlinearity", "variant"), CASES)
def test_step_jacobians_match_centred_differences(cell, nonlinearity, variant):
    trace = _trace(cell, nonlinearity, variant)
    jac = step_jacobians(trace)
    assert jac.shape == (T, B, H, H)
    for t in range(T):
        np.testing.assert_allclose(jac[t], _fd_step_jacobian(trace, t), rtol=0, atol=1e-8)


def test_lstm_state_jacobian_matches_centred_differences_and_exposes_the_forget_gate():
    trace = _trace("lstm")
    jac = state_jacobians(trace)
    assert jac.shape == (T, B, 2 * H, 2 * H)
    f = forget_path(trace)
    for t in range(T):
        fd = _fd_state_jacobian(trace, t)
        np.testing.assert_allclose(jac[t], fd, rtol=0, atol=1e-8)
        # ∂c_t/∂c_{t−1} is diagonal and its diagonal is the forget gate (the constant error path)
        np.testing.assert_allclose(fd[:, H:, H:], np.stack([np.diag(v) for v in f[t]]), atol=1e-8)
    np.testing.assert_array_equal(step_jacobians(trace), jac[:, :, :H, :H])


@pytest.mark.parametrize(("cell", "nonlinearity", "variant"), CASES)
def test_backward_is_the_transposed_jacobian_chain(cell, nonlinearity, variant):
    trace = _trace(cell, nonlinearity, variant, steps=6)
    dh_ext = np.random.default_rng(5).normal(size=trace.h.shape)
    grads = backward(trace, dh_ext)
    if cell == "lstm":
        jac = state_jacobians(trace)
        # grads.dc is the total dL/dc_t; as a state variable next to h_t, c_t only gets the part
        # that flows back from t + 1, i.e. minus the path through h_t = o ⊙ tanh(c_t)
        through_h = grads.dh * trace.gates["o"] * (1.0 - np.tanh(trace.c) ** 2)
        total = np.concatenate([grads.dh, grads.dc - through_h], axis=-1)  # (T, B, 2H)
        ext = np.concatenate([dh_ext, np.zeros_like(dh_ext)], axis=-1)
    else:
        jac, total, ext = step_jacobians(trace), grads.dh, dh_ext
    for t in range(1, trace.h.shape[0]):
        expected = ext[t - 1] + np.einsum("bij,bi->bj", jac[t], total[t])
        np.testing.assert_allclose(total[t - 1], expected, rtol=1e-12, atol=1e-13)


@pytest.mark.parametrize(("factor", "steps"), [(1.5, 5000), (0.5, 5000)])
def test_products_of_a_long_linear_chain_stay_finite_and_exact(factor, steps):
    params = {"weight_ih": np.zeros((H, 1)), "weight_hh": factor * np.eye(H),
              "bias_ih": np.zeros(H), "bias_hh": np.zeros(H)}
    trace = forward("rnn", params, np.zeros((steps, 1, 1)), nonlinearity="linear")
    out = jacobian_products(trace)
    expected = (steps - 1 - np.arange(steps)) * np.log10(factor)  # 1.5**4999 ≈ 10**880 overflows float64
    assert np.all(np.isfinite(out.log10_norm)) and np.all(np.isfinite(out.log10_spectrum))
    np.testing.assert_allclose(out.log10_norm, expected, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(out.log10_spectrum, np.repeat(expected[:, None], H, axis=1), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(out.log10_step_norm, np.log10(factor), rtol=1e-12)
    np.testing.assert_allclose(out.log10_norm_h0, steps * np.log10(factor), rtol=1e-9)


@pytest.mark.parametrize(("cell", "nonlinearity", "variant"), CASES)
def test_products_match_explicit_matrix_products(cell, nonlinearity, variant):
    steps, b = 9, 1
    trace = _trace(cell, nonlinearity, variant, steps=steps)
    jac = (state_jacobians(trace) if cell == "lstm" else step_jacobians(trace))[:, b]
    out = jacobian_products(trace, batch=b, chunk=4)  # chunks of 4 steps: the chunk seams are covered
    assert out.log10_norm.shape == (steps,) and out.log10_spectrum.shape == (steps, H)
    product = np.eye(jac.shape[-1])
    with np.errstate(divide="ignore"):  # ReLU: some products are exactly 0, log10 = -inf on both sides
        for t in reversed(range(steps)):
            sv = np.linalg.svd(product[:H, :H], compute_uv=False)
            # small singular values are only defined to ~1e-16 of the largest, in both computations
            np.testing.assert_allclose(10.0 ** out.log10_spectrum[t], sv, rtol=0, atol=1e-12 * sv[0])
            np.testing.assert_allclose(out.log10_norm[t], np.log10(sv[0]), rtol=1e-12, atol=1e-12)
            np.testing.assert_allclose(out.log10_step_norm[t], np.log10(np.linalg.norm(jac[t, :H, :H], 2)), rtol=1e-12)
            if cell == "lstm" and t < steps - 1:
                np.testing.assert_allclose(out.log10_norm_from_c[t], np.log10(np.linalg.norm(product[:H, H:], 2)),
                                           rtol=1e-12, atol=1e-12)
            product = product @ jac[t]
        np.testing.assert_allclose(out.log10_norm_h0, np.log10(np.linalg.norm(product[:H, :H], 2)), rtol=1e-12, atol=1e-12)


def test_lstm_products_report_the_forget_path_and_the_h_from_c_block():
    trace = _trace("lstm", steps=7)
    out = jacobian_products(trace, batch=0)
    assert out.log10_norm_from_c[-1] == -np.inf  # ∂h_{T−1}/∂c_{T−1} = 0: h_{T−1} is already computed
    f = trace.gates["f"][:, 0]  # (T, H)
    for t in range(7):
        np.testing.assert_allclose(out.log10_forget_path[t], np.log10(np.prod(f[t + 1:], axis=0)), rtol=1e-12, atol=1e-15)
    assert jacobian_products(_trace("gru")).log10_forget_path is None


def test_every_k_keeps_the_same_values_on_its_rows():
    trace = _trace("gru", steps=10)
    full = jacobian_products(trace)
    sparse = jacobian_products(trace, every=3)
    rows = np.arange(9, -1, -3)  # t = T−1, T−4, …
    np.testing.assert_allclose(sparse.log10_spectrum[rows], full.log10_spectrum[rows], rtol=1e-12, atol=1e-12)
    others = np.setdiff1d(np.arange(10), rows)
    assert np.all(np.isnan(sparse.log10_norm[others])) and np.all(np.isnan(sparse.log10_spectrum[others]))
    np.testing.assert_array_equal(sparse.log10_step_norm, full.log10_step_norm)
    assert sparse.every == 3


def test_dead_relu_gives_minus_infinity_not_nan():
    params = {"weight_ih": np.zeros((H, 1)), "weight_hh": np.eye(H), "bias_ih": -np.ones(H), "bias_hh": np.zeros(H)}
    trace = forward("rnn", params, np.zeros((4, 1, 1)), nonlinearity="relu")
    out = jacobian_products(trace)
    assert out.log10_norm[-1] == 0.0
    assert np.all(out.log10_norm[:-1] == -np.inf) and not np.any(np.isnan(out.log10_spectrum))


def test_bad_arguments_raise_value_error():
    trace = _trace("rnn")
    with pytest.raises(ValueError, match="batch"):
        jacobian_products(trace, batch=B)
    with pytest.raises(ValueError, match="every"):
        jacobian_products(trace, every=0)
    with pytest.raises(ValueError, match="chunk"):
        jacobian_products(trace, chunk=0)
    with pytest.raises(ValueError, match="lstm"):
        state_jacobians(trace)
    with pytest.raises(ValueError, match="lstm"):
        forget_path(trace)
