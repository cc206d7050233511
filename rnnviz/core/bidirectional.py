"""Bidirectional RNN, LSTM and GRU built on ``core.forward`` / ``core.backward`` (seeds 001, 003).

Two independent cells read the same input: the forward direction ``x_0 .. x_{T−1}``, the backward
direction ``x_{T−1} .. x_0``. The output at position ``t`` is ``[h→_t, h←_t]`` ``(B, 2H)``, where
``h→_t`` has read ``x_0 .. x_t`` and ``h←_t`` has read ``x_{T−1} .. x_t``. A loss at position ``p`` so
reaches ``x_t`` through the forward direction only for ``t ≤ p`` and through the backward direction
only for ``t ≥ p``. All arrays here are in the input's time order ``(T, B, ...)``; the backward
direction's own trace runs over the reversed input.
"""

import numbers
from dataclasses import dataclass

import numpy as np

from rnnviz.core.unroll import Grads, Trace, backward, forward
from rnnviz.core.validate import check_dh


@dataclass(frozen=True)
class BidirectionalTrace:
    """Both directions of one forward pass."""

    forward: Trace  # over x in time order
    backward: Trace  # over x[::-1]: its index s holds position T − 1 − s

    @property
    def h_forward(self):
        """``h→_t`` ``(T, B, H)``."""
        return self.forward.h

    @property
    def h_backward(self):
        """``h←_t`` ``(T, B, H)`` in the input's time order."""
        return self.backward.h[::-1]

    @property
    def h(self):
        """The outputs ``[h→_t, h←_t]`` ``(T, B, 2H)``."""
        return np.concatenate([self.h_forward, self.h_backward], axis=-1)


@dataclass(frozen=True)
class BidirectionalGrads:
    """Both directions' gradients, in the input's time order."""

    forward: Grads  # of the forward direction (its own time order is the input's)
    backward: Grads  # of the backward direction, in ITS time order (reversed); see the properties
    dh_forward: np.ndarray  # (T, B, H) total ∂L/∂h→_t
    dh_backward: np.ndarray  # (T, B, H) total ∂L/∂h←_t
    dx_forward: np.ndarray  # (T, B, I) the part of ∂L/∂x_t that flows through the forward direction
    dx_backward: np.ndarray  # (T, B, I) the part through the backward direction

    @property
    def dx(self):
        """``∂L/∂x_t`` ``(T, B, I)``: both directions' parts added."""
        return self.dx_forward + self.dx_backward


def bidirectional_forward(cell, params_forward, params_backward, x, *, nonlinearity="tanh", gru_variant="classic"):
    """Run both directions over ``x`` ``(T, B, I)`` from zero states; params in PyTorch layout, one
    dict per direction (``torch.nn.RNN(bidirectional=True)``'s ``*_l0`` and ``*_l0_reverse``)."""
    x = np.asarray(x)
    fwd = forward(cell, params_forward, x, nonlinearity=nonlinearity, gru_variant=gru_variant)
    bwd = forward(cell, params_backward, fwd.x[::-1], nonlinearity=nonlinearity, gru_variant=gru_variant)
    return BidirectionalTrace(fwd, bwd)


def bidirectional_backward(trace, dh_forward, dh_backward):
    """BPTT through both directions. ``dh_forward``, ``dh_backward`` ``(T, B, H)``: the loss's direct
    gradients with respect to ``h→_t`` and ``h←_t``, in the input's time order."""
    if not isinstance(trace, BidirectionalTrace):
        raise ValueError(f"trace must be a BidirectionalTrace; got {type(trace).__name__}")
    shape = trace.forward.h.shape
    fwd = backward(trace.forward, check_dh(dh_forward, shape))
    bwd = backward(trace.backward, check_dh(dh_backward, shape)[::-1])
    return BidirectionalGrads(
        forward=fwd, backward=bwd, dh_forward=fwd.dh, dh_backward=bwd.dh[::-1],
        dx_forward=fwd.dx, dx_backward=bwd.dx[::-1],
    )


def bidirectional_gradient_norms(cell, params_forward, params_backward, x, position, *, nonlinearity="tanh",
                                 gru_variant="classic"):
    """For ``L = Σ [h→_p, h←_p]`` (upstream gradient ones into both states at position ``p``), the
    log10 norms (Frobenius over ``(B, ·)``) per position t, each ``(T,)``:

    ``dx_forward``, ``dx_backward``, ``dx`` (``‖∂L/∂x_t‖`` through each direction and in total) and
    ``dh_forward``, ``dh_backward`` (``‖∂L/∂h→_t‖``, ``‖∂L/∂h←_t‖``). An exactly zero gradient (no path:
    the forward direction beyond ``p``, the backward one before it) gives ``−inf``.
    """
    trace = bidirectional_forward(cell, params_forward, params_backward, x, nonlinearity=nonlinearity,
                                  gru_variant=gru_variant)
    n_t = trace.forward.T
    if isinstance(position, bool) or not isinstance(position, numbers.Integral) or not 0 <= position < n_t:
        raise ValueError(f"position must be an integer in [0, T) = [0, {n_t}); got {position!r}")
    p = int(position)
    dh = np.zeros_like(trace.forward.h)  # (T, B, H)
    dh[p] = 1.0
    grads = bidirectional_backward(trace, dh, dh)
    arrays = {"dx_forward": grads.dx_forward, "dx_backward": grads.dx_backward, "dx": grads.dx,
              "dh_forward": grads.dh_forward, "dh_backward": grads.dh_backward}
    with np.errstate(divide="ignore"):
        return {name: np.log10(np.sqrt(np.sum(a**2, axis=(1, 2)))) for name, a in arrays.items()}
