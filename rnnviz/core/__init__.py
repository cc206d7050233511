"""Numpy engine: cells, unrolled forward pass, BPTT and initialisations.

Shapes: ``T`` time, ``B`` batch, ``I`` input, ``H`` hidden, ``G`` gates; arrays are ``(T, B, ...)``.
"""

from rnnviz.core.params import gate_block, gate_count, gate_names, init_params
from rnnviz.core.unroll import Grads, Trace, backward, forward

__all__ = [
    "Grads",
    "Trace",
    "backward",
    "forward",
    "gate_block",
    "gate_count",
    "gate_names",
    "init_params",
]
