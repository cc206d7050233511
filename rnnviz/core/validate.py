"""Argument checks for the engine. Every failure is a ``ValueError`` naming the argument and what was expected.

Shapes: ``T`` time, ``B`` batch, ``I`` input, ``H`` hidden, ``G`` gate blocks.
"""

import numbers

import numpy as np

CELLS = ("rnn", "lstm", "gru")
GRU_VARIANTS = ("classic", "pytorch")
NONLINEARITIES = ("tanh", "relu", "linear")
PARAM_NAMES = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")


def _check_choice(name, value, allowed):
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"{name} must be one of {allowed}; got {value!r}")
    return value


def check_cell(cell):
    """``cell`` in ``("rnn", "lstm", "gru")``."""
    return _check_choice("cell", cell, CELLS)


def check_nonlinearity(nonlinearity):
    """``nonlinearity`` in ``("tanh", "relu", "linear")``."""
    return _check_choice("nonlinearity", nonlinearity, NONLINEARITIES)


def check_gru_variant(gru_variant):
    """``gru_variant`` in ``("classic", "pytorch")``."""
    return _check_choice("gru_variant", gru_variant, GRU_VARIANTS)


def check_init(init, allowed):
    """``init`` in ``allowed``."""
    return _check_choice("init", init, tuple(allowed))


def check_positive_int(name, value):
    """A Python or numpy integer >= 1 (not a bool)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"{name} must be a positive integer; got {value!r}")
    return int(value)


def check_seed(seed):
    """An integer in ``[0, 2**32)`` (what both ``default_rng`` and ``RandomState`` accept)."""
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or not 0 <= seed < 2**32:
        raise ValueError(f"seed must be an integer in [0, 2**32); got {seed!r}")
    return int(seed)


def check_finite_scalar(name, value):
    """A finite real number, returned as float."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value):
        raise ValueError(f"{name} must be a finite real number; got {value!r}")
    return float(value)


def as_float_array(name, value):
    """``value`` as a new float64 array; real numeric input only, every entry finite."""
    try:
        arr = np.array(value)
    except (TypeError, ValueError) as err:
        raise ValueError(f"{name} must be a real numeric array; got {type(value).__name__}") from err
    if arr.dtype.kind not in "biuf":
        raise ValueError(f"{name} must be a real numeric array; got dtype {arr.dtype}")
    arr = arr.astype(np.float64)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must contain only finite values (no nan or inf)")
    return arr


def check_params(params, n_gates, cell):
    """Validate a parameter dict and return ``(float64 copies, I, H)``.

    Expected: ``weight_ih (G*H, I)``, ``weight_hh (G*H, H)``, ``bias_ih (G*H,)``, ``bias_hh (G*H,)``
    with ``G = n_gates``, ``I >= 1``, ``H >= 1``, all entries finite.
    """
    if not isinstance(params, dict):
        raise ValueError(f"params must be a dict with keys {PARAM_NAMES}; got {type(params).__name__}")
    missing = [k for k in PARAM_NAMES if k not in params]
    extra = [k for k in params if k not in PARAM_NAMES]
    if missing or extra:
        raise ValueError(f"params must have exactly the keys {PARAM_NAMES}; missing {missing}, unexpected {extra}")
    out = {k: as_float_array(f"params[{k!r}]", params[k]) for k in PARAM_NAMES}
    w_hh = out["weight_hh"]
    if w_hh.ndim != 2 or w_hh.shape[1] < 1 or w_hh.shape[0] != n_gates * w_hh.shape[1]:
        raise ValueError(
            f"params['weight_hh'] must have shape (G*H, H) with G = {n_gates} for cell {cell!r} and H >= 1; "
            f"got {w_hh.shape}"
        )
    n_h = w_hh.shape[1]
    w_ih = out["weight_ih"]
    if w_ih.ndim != 2 or w_ih.shape[0] != n_gates * n_h or w_ih.shape[1] < 1:
        raise ValueError(
            f"params['weight_ih'] must have shape (G*H, I) = ({n_gates * n_h}, I) with I >= 1 "
            f"(weight_hh is {w_hh.shape}); got {w_ih.shape}"
        )
    for k in ("bias_ih", "bias_hh"):
        if out[k].shape != (n_gates * n_h,):
            raise ValueError(f"params[{k!r}] must have shape (G*H,) = ({n_gates * n_h},); got {out[k].shape}")
    return out, w_ih.shape[1], n_h


def check_x(x, n_in, w_ih_shape):
    """``x`` as float64 ``(T, B, I)`` with ``T, B >= 1`` and ``I`` matching ``weight_ih``."""
    arr = as_float_array("x", x)
    if arr.ndim != 3 or arr.shape[2] != n_in or arr.shape[0] < 1 or arr.shape[1] < 1:
        raise ValueError(
            f"x must have shape (T, B, I) with T >= 1, B >= 1 and I = {n_in} (weight_ih is {w_ih_shape}); "
            f"got {arr.shape}"
        )
    return arr


def check_state(name, state, n_batch, n_hidden):
    """An initial state ``(B, H)`` as float64; ``None`` gives zeros."""
    if state is None:
        return np.zeros((n_batch, n_hidden))
    arr = as_float_array(name, state)
    if arr.shape != (n_batch, n_hidden):
        raise ValueError(f"{name} must have shape (B, H) = ({n_batch}, {n_hidden}) or be None; got {arr.shape}")
    return arr


def check_dh(dh, shape):
    """``dh`` as float64 of the trace's ``(T, B, H)`` shape, finite."""
    arr = as_float_array("dh", dh)
    if arr.shape != tuple(shape):
        raise ValueError(f"dh must have shape (T, B, H) = {tuple(shape)} like trace.h; got {arr.shape}")
    return arr


def check_truncate(truncate, n_steps):
    """``None`` or an integer ``k >= 1``; returns ``None`` for full BPTT (``k >= T``)."""
    if truncate is None:
        return None
    if isinstance(truncate, bool) or not isinstance(truncate, numbers.Integral) or truncate < 1:
        raise ValueError(f"truncate must be None or an integer >= 1 (block length in steps); got {truncate!r}")
    return None if truncate >= n_steps else int(truncate)
