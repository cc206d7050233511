"""Numpy engine: cells, unrolled forward pass, BPTT, per-operation gradients, sweeps, Jacobians and
initialisations.

Shapes: ``T`` time, ``B`` batch, ``I`` input, ``H`` hidden, ``G`` gates; arrays are ``(T, B, ...)``.
"""

from rnnviz.core.jacobian import forget_path, state_jacobians, step_jacobians
from rnnviz.core.lognorm import JacobianProducts, jacobian_products
from rnnviz.core.params import gate_block, gate_count, gate_names, init_params
from rnnviz.core.sweep import critical_scale, gradient_norms_over_scales
from rnnviz.core.unroll import Grads, Trace, backward, forward, local_gradients, loss_gradient

__all__ = [
    "Grads",
    "JacobianProducts",
    "Trace",
    "backward",
    "critical_scale",
    "forget_path",
    "forward",
    "gate_block",
    "gate_count",
    "gate_names",
    "gradient_norms_over_scales",
    "init_params",
    "jacobian_products",
    "local_gradients",
    "loss_gradient",
    "state_jacobians",
    "step_jacobians",
]
