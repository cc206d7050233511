"""One forward step and its backward step over stacked leading dimensions ``(S, B, H)`` with a per-stack
scale on ``W_hh`` (the sweep's shapes), against centred finite differences of that one step.

Loss ``L = Σ wh ⊙ h_t (+ Σ wc ⊙ c_t for the LSTM)`` with random weights, so the backward step's inputs
are ``dL/dh_t = wh`` and the cell-state gradient from outside ``wc``.
"""

import numpy as np
import pytest

from rnnviz import core
from rnnviz.core.cells import make_kernel
from rnnviz.experiments.finite_diff import numerical_gradient

S, B, I, H = 3, 2, 2, 4
CONFIGS = [("rnn", "tanh", "classic"), ("rnn", "relu", "classic"), ("rnn", "linear", "classic"),
           ("lstm", "tanh", "classic"), ("gru", "tanh", "classic"), ("gru", "tanh", "pytorch")]
IDS = [f"{cell}-{nl}" if cell == "rnn" else f"{cell}-{variant}" for cell, nl, variant in CONFIGS]


class Step:
    """One step of ``cell`` on states ``(S, B, H)`` with ``scale (S, 1, 1)``, at a random point."""

    def __init__(self, cell, nonlinearity, variant, seed=7):
        rng = np.random.default_rng(seed)
        self.cell, self.nonlinearity, self.variant = cell, nonlinearity, variant
        self.params = core.init_params(cell, I, H, init="xavier", seed=seed)
        self.params["bias_hh"] = rng.uniform(-0.5, 0.5, self.params["bias_hh"].shape)
        self.scale = np.array([0.5, 1.0, 2.0])[:, None, None]
        kernel = self.kernel()
        self.ax = rng.normal(size=kernel.gate_shape((S, B)))  # (G, S, B, H), or (S, B, H) for the RNN
        if cell == "rnn" and nonlinearity == "relu":
            self.ax += np.sign(self.ax) * 0.3  # keep the pre-activations away from relu's kink
        self.h_prev = rng.uniform(-1, 1, (S, B, H))
        self.c_prev = rng.uniform(-1, 1, (S, B, H)) if cell == "lstm" else None
        self.wh = rng.normal(size=(S, B, H))
        self.wc = rng.normal(size=(S, B, H)) if cell == "lstm" else None

    def kernel(self, params=None):
        return make_kernel(self.cell, params or self.params, self.nonlinearity, self.variant, scale=self.scale)

    def forward(self, params=None):
        """A kernel that ran the step, and ``h, c`` ``(1, S, B, H)``."""
        kernel = self.kernel(params)
        kernel.start(1, (S, B))
        h = np.empty((1, S, B, H))
        c = np.empty_like(h) if self.c_prev is not None else None
        kernel.step_forward(0, self.ax, self.h_prev, self.c_prev, h[0], None if c is None else c[0])
        return kernel, h, c

    def loss(self, params=None):
        _, h, c = self.forward(params)
        return float(np.sum(self.wh * h[0]) + (np.sum(self.wc * c[0]) if c is not None else 0.0))

    def backward(self):
        """``(dh_prev, dc_prev, dax, dah)`` of the step's backward pass."""
        kernel, h, c = self.forward()
        kernel.derive(slice(0, 1), self.h_prev[None], h, None if c is None else self.c_prev[None], c)
        dax = np.empty(kernel.gate_shape((S, B)))
        dah = np.empty_like(dax) if kernel.separate_dah else dax
        dc = np.empty((S, B, H)) if c is not None else None
        dh_prev, dc_prev = kernel.step_backward(0, self.wh, self.wc, dc, dax, dah)
        return dh_prev, dc_prev, dax, dah


@pytest.mark.parametrize(("cell", "nonlinearity", "variant"), CONFIGS, ids=IDS)
def test_step_backward_matches_finite_differences_over_stacked_scales(cell, nonlinearity, variant):
    step = Step(cell, nonlinearity, variant)
    dh_prev, dc_prev, dax, dah = step.backward()
    assert dh_prev.shape == (S, B, H) and dax.shape == step.ax.shape
    np.testing.assert_allclose(dh_prev, numerical_gradient(step.loss, step.h_prev), rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(dax, numerical_gradient(step.loss, step.ax), rtol=1e-7, atol=1e-9)
    if cell == "lstm":
        np.testing.assert_allclose(dc_prev, numerical_gradient(step.loss, step.c_prev), rtol=1e-7, atol=1e-9)
    else:
        assert dc_prev is None
    if variant == "pytorch":  # b_hn enters the step itself, unscaled, beside s · W_hn h: its gradient is d_hn
        bias = step.params["bias_hh"]
        fd_bias = numerical_gradient(lambda: step.loss(dict(step.params, bias_hh=bias)), bias)
        assert np.linalg.norm(fd_bias[2 * H:]) > 1e-3  # not vacuous
        np.testing.assert_allclose(fd_bias[2 * H:], dah[2].sum(axis=(0, 1)), rtol=1e-7, atol=1e-9)
        np.testing.assert_allclose(dah[:2], dax[:2], rtol=0, atol=0)


@pytest.mark.parametrize(("cell", "nonlinearity", "variant"), CONFIGS, ids=IDS)
def test_a_stack_of_scales_is_the_step_of_each_scaled_matrix(cell, nonlinearity, variant):
    """Row ``s`` of the stacked step equals the plain ``(B, H)`` step with ``s · W_hh`` and no scale."""
    step = Step(cell, nonlinearity, variant)
    _, h, c = step.forward()
    dh_prev, dc_prev, dax, _ = step.backward()
    for k, s in enumerate(step.scale[:, 0, 0]):
        params = dict(step.params, weight_hh=s * step.params["weight_hh"])
        kernel = make_kernel(cell, params, nonlinearity, variant)
        kernel.start(1, (B,))
        h_k = np.empty((1, B, H))
        c_k = np.empty_like(h_k) if c is not None else None
        c_prev = None if c is None else step.c_prev[k]
        kernel.step_forward(0, step.ax[..., k, :, :], step.h_prev[k], c_prev, h_k[0], None if c is None else c_k[0])
        np.testing.assert_allclose(h[0, k], h_k[0], rtol=1e-13, atol=1e-15)
        kernel.derive(slice(0, 1), step.h_prev[k][None], h_k, None if c is None else c_prev[None], c_k)
        dax_k = np.empty(kernel.gate_shape((B,)))
        dah_k = np.empty_like(dax_k) if kernel.separate_dah else dax_k
        dh_k, dc_k = kernel.step_backward(0, step.wh[k], None if c is None else step.wc[k],
                                          None if c is None else np.empty((B, H)), dax_k, dah_k)
        np.testing.assert_allclose(dh_prev[k], dh_k, rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(dax[..., k, :, :], dax_k, rtol=1e-12, atol=1e-14)
        if c is not None:
            np.testing.assert_allclose(dc_prev[k], dc_k, rtol=1e-12, atol=1e-14)
