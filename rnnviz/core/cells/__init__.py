"""One module per cell (rnn, lstm, gru): the step forward and step backward side by side, and a
kernel holding the per-step buffers. ``make_kernel`` picks the kernel for a validated configuration."""

from rnnviz.core.cells.gru import GRUKernel
from rnnviz.core.cells.lstm import LSTMKernel
from rnnviz.core.cells.rnn import RNNKernel


def make_kernel(cell, params, nonlinearity, gru_variant):
    """A fresh kernel for ``cell`` with validated float64 ``params`` (PyTorch layout)."""
    if cell == "rnn":
        return RNNKernel(params, nonlinearity)
    if cell == "lstm":
        return LSTMKernel(params)
    return GRUKernel(params, gru_variant)
