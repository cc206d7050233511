"""The per-operation gradients of core.local_gradients (the cells' backward steps on every step at once)
against core.backward."""

import numpy as np
import pytest

from rnnviz import core, setups
from rnnviz.core import local_gradients, loss_gradient

CASES = [("rnn", "classic"), ("lstm", "classic"), ("gru", "classic"), ("gru", "pytorch")]


def run(cell, variant="classic", loss="last", batch=1, T=7, H=3):
    """A forward and backward pass on random inputs ``(T, batch, 2)`` for the read-out loss."""
    params = core.init_params(cell, 2, H, init="orthogonal", seed=1)
    trace = core.forward(cell, params, setups.make_input("random", T=T, input_size=2, seed=1, batch=batch),
                         gru_variant=variant)
    dh_ext = loss_gradient(T, batch, H, loss)
    return trace, core.backward(trace, dh_ext), dh_ext


@pytest.mark.parametrize(("cell", "variant"), CASES)
@pytest.mark.parametrize("loss", ["last", "every"])
@pytest.mark.parametrize("batch", [1, 2])
def test_what_each_step_sends_back_adds_up_to_core_backward(cell, variant, loss, batch):
    trace, grads, dh_ext = run(cell, variant, loss=loss, batch=batch)
    lg = local_gradients(trace, grads)
    np.testing.assert_allclose(lg["dh_prev"][1:] + dh_ext[:-1], grads.dh[:-1], atol=1e-12)
    np.testing.assert_allclose(lg["dh_prev"][0], grads.dh0, atol=1e-12)
    if cell == "lstm":  # the cell-state lane: c_{t−1} receives f_t ⊙ dc_t, plus what h_{t−1} adds
        np.testing.assert_allclose(lg["dc_prev"][0], grads.dc0, atol=1e-12)
        np.testing.assert_allclose(lg["dc_prev"], trace.gates["f"] * grads.dc, atol=1e-12)
        np.testing.assert_allclose(lg["dc_from_h"][:-1] + lg["dc_prev"][1:], grads.dc[:-1], atol=1e-12)


@pytest.mark.parametrize(("cell", "variant"), CASES[1:])
def test_gate_gradients_times_the_gates_slopes_are_the_pre_activation_gradients(cell, variant):
    """What arrives at a gate's value, times the gate's slope, is what core.backward's dpre holds (the
    pre-activation gradients that its parameter gradients, checked against finite differences, are built on)."""
    trace, grads, _ = run(cell, variant, loss="every", batch=2)
    lg = local_gradients(trace, grads)
    H = trace.H
    slope = {name: 1 - v * v if name in "gn" else v * (1 - v) for name, v in trace.gates.items()}  # tanh', σ'
    value_grad = {"i": "d_i", "f": "d_f", "g": "d_g", "o": "d_o", "r": "dr", "z": "dz", "n": "dn"}
    for k, name in enumerate(core.gate_names(cell)):
        np.testing.assert_allclose(lg[value_grad[name]] * slope[name], lg["dpre"][..., k * H:(k + 1) * H],
                                   rtol=1e-12, atol=1e-15)
    if cell == "gru":  # z enters two products; its gradient is their sum
        np.testing.assert_allclose(lg["dz_lane"] + lg["dz_cand"], lg["dz"], rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(lg["dh_prev_lane"] + lg["dh_prev_mm"] + lg["dh_prev_r"], lg["dh_prev"], atol=1e-15)


def test_bad_input_raises_value_error():
    _, grads, _ = run("rnn", T=3)
    with pytest.raises(ValueError, match="loss"):
        loss_gradient(3, 1, 3, "first")
    with pytest.raises(ValueError, match="trace"):
        local_gradients("trace", grads)
