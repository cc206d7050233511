"""One module per cell (rnn, lstm, gru): the step forward, the local derivatives and the step backward
side by side over arrays ``(..., B, ·)``, and a kernel holding the per-step buffers. ``make_kernel``
picks the kernel for a validated configuration."""

from rnnviz.core.cells.gru import GRUKernel
from rnnviz.core.cells.lstm import LSTMKernel
from rnnviz.core.cells.rnn import RNNKernel


def make_kernel(cell, params, nonlinearity, gru_variant, scale=None):
    """A fresh kernel for ``cell`` with validated float64 ``params`` (PyTorch layout); ``scale`` None or
    ``(S, 1, 1)``, multiplying ``W_hh`` per leading index (see ``rnnviz.core.cells.base``)."""
    if cell == "rnn":
        return RNNKernel(params, nonlinearity, scale)
    if cell == "lstm":
        return LSTMKernel(params, scale)
    return GRUKernel(params, gru_variant, scale)
