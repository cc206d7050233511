"""Gradient clipping as the seeds write it.

- ``clip_grads``: the book's norm clipping (seed 000): total L2 norm over all arrays,
  ``rate = max_norm / (total_norm + 1e-6)``, every array scaled in place when ``rate < 1``.
- ``clip_grads_elementwise``: ``np.clip`` of each entry to ``[−c, c]``, in place.
- ``normalize_gradient``: seed 004's ``g ← η g / ‖g‖``.
Shapes: ``grads`` is a list of float64 arrays of any shapes.
"""

import numpy as np


def _check_grads(grads):
    if not isinstance(grads, (list, tuple)) or len(grads) == 0:
        raise ValueError("grads must be a non-empty list of numpy arrays")
    for i, g in enumerate(grads):
        if not isinstance(g, np.ndarray) or not np.issubdtype(g.dtype, np.floating):
            raise ValueError(f"grads[{i}] must be a float numpy array (it is changed in place)")


def _check_positive(name, value):
    value = float(value)
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    return value


def total_norm(grads):
    """``sqrt(Σ_arrays Σ g²)``: the L2 norm of all gradients taken as one vector."""
    _check_grads(grads)
    return float(np.sqrt(sum(np.sum(g.astype(np.float64) ** 2) for g in grads)))


def clip_grads(grads, max_norm):
    """The book's ``clip_grads``: scale every array IN PLACE by ``rate`` when ``rate < 1``.

    Returns ``(total_norm_before, rate)`` for display; ``rate >= 1`` means nothing changed.
    """
    _check_grads(grads)
    max_norm = _check_positive("max_norm", max_norm)
    norm = total_norm(grads)
    rate = max_norm / (norm + 1e-6)
    if rate < 1:
        for g in grads:
            g *= rate
    return norm, rate


def clip_grads_elementwise(grads, clip_value):
    """Clip every entry of every array to ``[−clip_value, clip_value]`` IN PLACE.

    Returns the number of entries that were changed.
    """
    _check_grads(grads)
    clip_value = _check_positive("clip_value", clip_value)
    changed = 0
    for g in grads:
        changed += int(np.count_nonzero(np.abs(g) > clip_value))
        np.clip(g, -clip_value, clip_value, out=g)
    return changed


def normalize_gradient(g, eta):
    """Seed 004's ``g ← η g / ‖g‖`` (a new array; a zero gradient is returned unchanged).

    ``g`` has any shape ``(...)``; ``‖g‖`` is the L2 norm over all its entries.
    """
    g = np.asarray(g, dtype=np.float64)
    eta = _check_positive("eta", eta)
    norm = np.sqrt(np.sum(g**2))
    if norm == 0:
        return g.copy()
    return eta * g / norm
