"""Uploaded recurrent weights, kept by digest so that pages and caches can refer to them by a token.

The app validates an upload once (see ``load_npz``, added with the upload page) and registers the
resulting parameter dict here; figures receive only the short token (a primitive, so caching and
links keep working) and look the weights up. The store is bounded and lives in the server process:
a link that names a token the server no longer holds falls back to generated weights with a notice.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

import numpy as np

NO_WEIGHTS = "none"
MAX_STORED = 16
_STORE: "OrderedDict[str, tuple[str, dict[str, np.ndarray]]]" = OrderedDict()


def register(cell: str, params: dict[str, np.ndarray]) -> str:
    """Keep validated ``params`` (PyTorch layout) for ``cell``; returns their 16-hex-digit token."""
    digest = hashlib.sha256(cell.encode())
    for name in sorted(params):
        digest.update(name.encode())
        digest.update(np.ascontiguousarray(params[name], dtype=np.float64).tobytes())
    token = digest.hexdigest()[:16]
    _STORE[token] = (cell, {k: np.array(v, dtype=np.float64) for k, v in params.items()})
    _STORE.move_to_end(token)
    while len(_STORE) > MAX_STORED:
        _STORE.popitem(last=False)
    return token


def lookup(token: str) -> tuple[str, dict[str, np.ndarray]] | None:
    """``(cell, params)`` for a registered token, or ``None`` (also for ``"none"``)."""
    if token == NO_WEIGHTS:
        return None
    found = _STORE.get(token)
    if found is None:
        return None
    cell, params = found
    return cell, {k: v.copy() for k, v in params.items()}
