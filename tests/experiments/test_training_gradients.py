"""Read-out + loss + BPTT: every model gradient of ``loss_and_grads`` against centred finite differences.

Small sizes (T = 4, B = 3, H = 4), random weights away from any initialisation's symmetries, both
losses, every cell kind (the GRU in both variants). Relative error < 1e-7 in float64.
"""

import numpy as np
import pytest

from rnnviz import core
from rnnviz.experiments.finite_diff import numerical_gradient
from rnnviz.experiments.training import CELL_SETUPS, loss_and_grads

TOL = 1e-7
CASES = [(kind, variant, loss) for kind in ("rnn", "irnn", "lstm", "gru")
         for variant in (("classic", "pytorch") if kind == "gru" else ("pytorch",))
         for loss in ("mse", "cross_entropy")]


def random_model(kind, n_in, n_h, n_out, rng):
    g = core.gate_count(CELL_SETUPS[kind][0])
    return {
        "weight_ih": rng.uniform(-0.8, 0.8, (g * n_h, n_in)),
        "weight_hh": rng.uniform(-0.8, 0.8, (g * n_h, n_h)),
        "bias_ih": rng.uniform(-0.3, 0.3, g * n_h),
        "bias_hh": rng.uniform(-0.3, 0.3, g * n_h) + (0.5 if kind == "irnn" else 0.0),  # keep ReLUs mostly on
        "readout_weight": rng.uniform(-0.8, 0.8, (n_out, n_h)),
        "readout_bias": rng.uniform(-0.3, 0.3, n_out),
    }


@pytest.mark.parametrize(("kind", "variant", "loss"), CASES, ids=[f"{k}-{v}-{loss}" for k, v, loss in CASES])
def test_every_model_gradient_matches_finite_differences(kind, variant, loss):
    rng = np.random.default_rng(3)
    n_out = 1 if loss == "mse" else 3
    model = random_model(kind, 2, 4, n_out, rng)
    x = rng.standard_normal((4, 3, 2))  # (T, B, I)
    target = rng.standard_normal((3, 1)) if loss == "mse" else np.array([0, 2, 1])
    value, grads, trace, bptt = loss_and_grads(kind, model, x, target, loss, gru_variant=variant)
    if kind == "irnn":  # a difference step must not cross the ReLU's kink
        assert np.min(np.abs(trace.pre["a"])) > 1e-4
    assert set(grads) == set(model)
    for name, array in model.items():
        num = numerical_gradient(lambda: loss_and_grads(kind, model, x, target, loss, gru_variant=variant)[0], array)
        assert np.linalg.norm(num) > 1e-3, name  # the check is not vacuous
        err = np.linalg.norm(grads[name] - num) / (np.linalg.norm(grads[name]) + np.linalg.norm(num))
        assert err < TOL, (name, err)
    assert bptt.dh.shape == (4, 3, 4) and np.linalg.norm(bptt.dh[0]) > 0  # the loss at T − 1 reaches t = 0


def test_loss_and_grads_rejects_an_unknown_loss_and_cell():
    rng = np.random.default_rng(0)
    model = random_model("rnn", 2, 3, 1, rng)
    with pytest.raises(ValueError, match="loss"):
        loss_and_grads("rnn", model, rng.standard_normal((2, 1, 2)), np.zeros((1, 1)), "hinge")
    with pytest.raises(ValueError, match="cell"):
        loss_and_grads("elman", model, rng.standard_normal((2, 1, 2)), np.zeros((1, 1)), "mse")
