"""Stacked (multi-layer) RNN, LSTM and GRU built on ``core.forward`` / ``core.backward`` (seeds 001, 003).

Layer 0 reads the input ``x`` ``(T, B, I)``; layer ``l > 0`` reads the hidden states of layer
``l − 1`` ``(T, B, H)``. The backward pass runs from the top layer down: the gradient that BPTT
gives a layer's inputs (``grads.dx``) is the external gradient of the layer below, so in layer ``l``
the gradient reaching ``h_t^{(l)}`` has come both along time (within the layer) and down from
``h_t^{(l+1)}``. Shapes: ``L`` layers, ``T`` time, ``B`` batch, ``I`` input, ``H`` hidden.

As in ``core.backward``, nothing is renormalised: a gradient below about ``10^-308`` underflows to 0
(``log10`` gives ``−inf``), so keep ``L · T`` moderate (the seeds' examples use a few layers and tens of steps).
"""

import numpy as np

from rnnviz.core.params import init_params
from rnnviz.core.unroll import Trace, backward, forward
from rnnviz.core.validate import check_dh, check_positive_int, check_seed

MAX_LAYERS = 6


def init_stacked_params(cell, input_size, hidden_size, layers, *, init="pytorch", scale=1.0, forget_bias=0.0,
                        update_bias=0.0, seed=0):
    """Parameters of an ``L``-layer stack, bottom first: layer 0 is ``core.init_params(cell, I, H, ...,
    seed=seed)`` (so one layer is the single-layer network) and layer ``l`` uses input size ``H`` and
    seed ``(seed + l) mod 2**32``. ``layers`` in ``1 .. MAX_LAYERS``."""
    n_layers = check_layers(layers)
    seed = check_seed(seed)
    return [
        init_params(cell, input_size if layer == 0 else hidden_size, hidden_size, init=init, scale=scale,
                    forget_bias=forget_bias, update_bias=update_bias, seed=(seed + layer) % 2**32)
        for layer in range(n_layers)
    ]


def stacked_forward(cell, layer_params, x, *, nonlinearity="tanh", gru_variant="classic"):
    """Run the stack over ``x`` ``(T, B, I)`` from zero states. ``layer_params``: a list of ``L``
    parameter dicts (layer 0 ``(G*H, I)`` input weights, the others ``(G*H, H)``). Returns the ``L``
    :class:`~rnnviz.core.unroll.Trace`\\ s, bottom first; the top layer's states are ``traces[-1].h``."""
    if not isinstance(layer_params, (list, tuple)):
        raise ValueError(f"layer_params must be a list of parameter dicts; got {type(layer_params).__name__}")
    check_layers(len(layer_params))
    traces = []
    inputs = x
    for params in layer_params:
        trace = forward(cell, params, inputs, nonlinearity=nonlinearity, gru_variant=gru_variant)
        traces.append(trace)
        inputs = trace.h
    return traces


def stacked_backward(traces, dh_top):
    """BPTT through the stack for a loss whose gradient with respect to the top layer's ``h_t`` is
    ``dh_top`` ``(T, B, H)``. Returns the ``L`` :class:`~rnnviz.core.unroll.Grads`, bottom first:
    ``grads[l].dh`` ``(T, B, H)`` is the total ``∂L/∂h_t^{(l)}``, ``grads[l].params`` layer ``l``'s
    parameter gradients and ``grads[0].dx`` ``(T, B, I)`` the gradient with respect to ``x``."""
    if not isinstance(traces, (list, tuple)) or not traces or not all(isinstance(t, Trace) for t in traces):
        raise ValueError("traces must be the non-empty list of Traces returned by stacked_forward")
    grads = []
    dh = check_dh(dh_top, traces[-1].h.shape)
    for trace in reversed(traces):
        layer_grads = backward(trace, dh)
        grads.append(layer_grads)
        dh = layer_grads.dx  # the layer below's states are this layer's inputs
    return grads[::-1]


def stacked_gradient_norms(cell, layer_params, x, *, nonlinearity="tanh", gru_variant="classic"):
    """``log10 ‖∂L/∂h_t^{(l)}‖`` (Frobenius over ``(B, H)``) for ``L = Σ h_{T−1}^{(top)}`` (upstream
    gradient ``ones(B, H)`` into the top layer's last state, as the scaling sweep's ``loss="last"``).

    Returns ``(L, T)``, bottom layer first; an exactly zero gradient gives ``−inf``.
    """
    traces = stacked_forward(cell, layer_params, x, nonlinearity=nonlinearity, gru_variant=gru_variant)
    dh_top = np.zeros_like(traces[-1].h)  # (T, B, H)
    dh_top[-1] = 1.0
    grads = stacked_backward(traces, dh_top)
    with np.errstate(divide="ignore"):
        return np.stack([np.log10(np.sqrt(np.sum(g.dh**2, axis=(1, 2)))) for g in grads])


def check_layers(layers):
    """``layers`` an integer in ``1 .. MAX_LAYERS``."""
    n = check_positive_int("layers", layers)
    if n > MAX_LAYERS:
        raise ValueError(f"layers must be between 1 and {MAX_LAYERS}; got {layers!r}")
    return n
