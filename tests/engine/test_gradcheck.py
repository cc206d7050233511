"""Every gradient of ``core.backward`` against centred finite differences, with and without truncation.

Loss ``L = Σ_t Σ dh_t ⊙ h_t`` with random ``dh``, so ``backward(trace, dh)`` is exactly ``dL/d·``.
For truncated BPTT the reference restarts every block from its unperturbed boundary state (see
``gradcheck.stepped_loss``). Tolerance: ``‖a − b‖ / (‖a‖ + ‖b‖) < 1e-7`` in float64.
"""

import numpy as np
import pytest
from gradcheck import make_case, numerical_gradient, relative_error, stepped_loss

from rnnviz import core

TOL = 1e-7
CONFIGS = [
    ("rnn", {"nonlinearity": "tanh"}),
    ("rnn", {"nonlinearity": "relu"}),
    ("rnn", {"nonlinearity": "linear"}),
    ("lstm", {}),
    ("gru", {"gru_variant": "classic"}),
    ("gru", {"gru_variant": "pytorch"}),
]
TRUNCATES = [None, 2, 3]
CASES = [(cell, opts, k) for cell, opts in CONFIGS for k in TRUNCATES]
IDS = [f"{cell}-{'-'.join(opts.values()) or 'std'}-k{k}" for cell, opts, k in CASES]


def _setup(cell, opts, truncate):
    case = make_case(cell, truncate=truncate, seed=11, **opts)
    trace = core.forward(cell, case.params, case.x, case.h0, case.c0, **case.options)
    if opts.get("nonlinearity") == "relu":  # finite differences must not straddle the kink
        assert np.min(np.abs(trace.pre["a"])) > 1e-4  # ≫ what an EPS step moves a by
    return case, trace, core.backward(trace, case.dh, truncate=truncate)


@pytest.mark.parametrize(("cell", "opts", "truncate"), CASES, ids=IDS)
def test_param_gradients(cell, opts, truncate):
    case, _, grads = _setup(cell, opts, truncate)
    for name, value in case.params.items():

        def loss(delta, name=name, value=value):
            return stepped_loss(case, params={**case.params, name: value + delta})

        num = numerical_gradient(loss, value.shape)
        assert np.linalg.norm(num) > 1e-3, name  # the check is not vacuous
        assert relative_error(grads.params[name], num) < TOL, name


@pytest.mark.parametrize(("cell", "opts", "truncate"), CASES, ids=IDS)
def test_input_and_initial_state_gradients(cell, opts, truncate):
    case, _, grads = _setup(cell, opts, truncate)
    num_x = numerical_gradient(lambda d: stepped_loss(case, x=case.x + d), case.x.shape)
    assert relative_error(grads.dx, num_x) < TOL
    num_h0 = numerical_gradient(lambda d: stepped_loss(case, h0=case.h0 + d), case.h0.shape)
    assert np.linalg.norm(num_h0) > 1e-3
    assert relative_error(grads.dh0, num_h0) < TOL
    if cell == "lstm":
        num_c0 = numerical_gradient(lambda d: stepped_loss(case, c0=case.c0 + d), case.c0.shape)
        assert np.linalg.norm(num_c0) > 1e-3
        assert relative_error(grads.dc0, num_c0) < TOL
    else:
        assert grads.dc0 is None and grads.dc is None


@pytest.mark.parametrize(("cell", "opts", "truncate"), CASES, ids=IDS)
def test_total_state_gradients_inside_the_recurrence(cell, opts, truncate):
    """grads.dh[t] (and dc[t]) = dL/dh_t for a perturbation added to h_t where the recurrence uses it."""
    case, trace, grads = _setup(cell, opts, truncate)
    shape = trace.h.shape[1:]
    for t in range(trace.T):
        num_h = numerical_gradient(lambda d, t=t: stepped_loss(case, bump=(t, d, None if cell != "lstm" else 0.0)), shape)
        assert relative_error(grads.dh[t], num_h) < TOL, t
        if cell == "lstm":
            num_c = numerical_gradient(lambda d, t=t: stepped_loss(case, bump=(t, 0.0, d)), shape)
            assert relative_error(grads.dc[t], num_c) < TOL, t
