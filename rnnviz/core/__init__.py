"""Numpy engine: cells, unrolled forward pass, BPTT, per-operation gradients, sweeps, Jacobians and
initialisations.

Shapes: ``T`` time, ``B`` batch, ``I`` input, ``H`` hidden, ``G`` gates; arrays are ``(T, B, ...)``.
Training (read-out, losses, optimisers) lives in ``rnnviz.core.train``.
"""

from rnnviz.core.bidirectional import (
    BidirectionalGrads,
    BidirectionalTrace,
    bidirectional_backward,
    bidirectional_forward,
    bidirectional_gradient_norms,
)
from rnnviz.core.jacobian import forget_path, state_jacobians, step_jacobians
from rnnviz.core.lognorm import JacobianProducts, jacobian_products
from rnnviz.core.params import gate_block, gate_count, gate_names, gru_keep_bias, init_params
from rnnviz.core.stacked import init_stacked_params, stacked_backward, stacked_forward, stacked_gradient_norms
from rnnviz.core.sweep import critical_scale, gradient_norms_over_scales
from rnnviz.core.unroll import Grads, Trace, backward, forward, local_gradients, loss_gradient

__all__ = [
    "BidirectionalGrads",
    "BidirectionalTrace",
    "Grads",
    "JacobianProducts",
    "Trace",
    "backward",
    "bidirectional_backward",
    "bidirectional_forward",
    "bidirectional_gradient_norms",
    "critical_scale",
    "forget_path",
    "forward",
    "gate_block",
    "gate_count",
    "gate_names",
    "gradient_norms_over_scales",
    "gru_keep_bias",
    "init_params",
    "init_stacked_params",
    "jacobian_products",
    "local_gradients",
    "loss_gradient",
    "stacked_backward",
    "stacked_forward",
    "stacked_gradient_norms",
    "state_jacobians",
    "step_jacobians",
]
