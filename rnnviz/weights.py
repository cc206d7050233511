"""Uploaded recurrent weights, kept by digest so that pages and caches can refer to them by a token.

The app validates an upload once (:func:`load_npz`) and registers the resulting parameter dict here; figures receive only the short token (a primitive, so caching and
links keep working) and look the weights up. The store is bounded and lives in the server process:
a link that names a token the server no longer holds falls back to generated weights with a notice.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections import OrderedDict

import numpy as np

NO_WEIGHTS = "none"
MAX_STORED = 16
MAX_BYTES = 8 * 1024 * 1024  # largest accepted upload (an LSTM with H = 256, I = 1024 is ~10 MB as float64)
MAX_UNPACKED_BYTES = 4 * MAX_BYTES  # savez_compressed members may not unpack beyond this (zip bombs)
MAX_HIDDEN = 256  # the app's largest hidden size
MAX_INPUT = 1024
# What ``numpy.savez(**{k: v.numpy() for k, v in layer.state_dict().items()})`` writes for a
# single-layer, unidirectional torch.nn.RNN/LSTM/GRU, and the engine's names for them.
NPZ_NAMES = {"weight_ih_l0": "weight_ih", "weight_hh_l0": "weight_hh", "bias_ih_l0": "bias_ih", "bias_hh_l0": "bias_hh"}
CELL_OF_GATES = {1: "rnn", 4: "lstm", 3: "gru"}  # G (gate blocks stacked along rows) -> cell


class WeightsError(ValueError):
    """A rejected upload. ``key`` names the i18n message (``weights.error.<reason>``); ``values`` fill it."""

    def __init__(self, reason: str, message: str, **values: object) -> None:
        super().__init__(message)
        self.reason = reason
        self.key = f"your_weights.error.{reason}"
        self.values = values


def load_npz(file_bytes: bytes, max_bytes: int = MAX_BYTES) -> tuple[str, dict[str, np.ndarray]]:
    """Read and check the ``.npz`` of one PyTorch recurrent layer; returns ``(cell, params)``.

    Expected members: ``weight_ih_l0 (G*H, I)``, ``weight_hh_l0 (G*H, H)``, ``bias_ih_l0 (G*H,)``,
    ``bias_hh_l0 (G*H,)``, real and finite, with ``G`` = 1 (rnn), 4 (lstm) or 3 (gru), inferred from
    the shapes. ``params`` uses the engine's names (``weight_ih`` ...) as float64 copies. Loads with
    ``allow_pickle=False``. Raises :class:`WeightsError` (a ``ValueError``) for anything else.
    """
    if not isinstance(file_bytes, (bytes, bytearray, memoryview)):
        raise WeightsError("not_npz", f"file_bytes must be bytes; got {type(file_bytes).__name__}")
    data = bytes(file_bytes)
    if len(data) > max_bytes:
        raise WeightsError("too_large", f"file has {len(data)} bytes; the limit is {max_bytes}",
                           size=len(data), limit=max_bytes)
    if not data.startswith(b"PK\x03\x04"):
        raise WeightsError("not_npz", "file_bytes is not an .npz archive (no zip header)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            members = len(archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise WeightsError("not_npz", f"file_bytes is not a readable .npz archive: {err}") from err
    if unpacked > MAX_UNPACKED_BYTES or members > 16:
        raise WeightsError("too_large", f"archive unpacks to {unpacked} bytes in {members} members",
                           size=unpacked, limit=MAX_UNPACKED_BYTES)
    arrays = _read_members(data)
    cell = _check_shapes(arrays)
    return cell, {NPZ_NAMES[name]: array for name, array in arrays.items()}


def _read_members(data: bytes) -> dict[str, np.ndarray]:
    try:
        npz = np.load(io.BytesIO(data), allow_pickle=False)
    except Exception as err:  # numpy raises many types for a damaged archive
        raise WeightsError("not_npz", f"file_bytes is not a readable .npz archive: {err}") from err
    with npz:
        names = set(npz.files)
        missing = sorted(set(NPZ_NAMES) - names)
        extra = sorted(names - set(NPZ_NAMES))
        if missing or extra:
            raise WeightsError(
                "names", f"expected exactly {sorted(NPZ_NAMES)}; missing {missing}, unexpected {extra}",
                missing=", ".join(missing) or "-", extra=", ".join(extra) or "-",
            )
        arrays = {}
        for name in NPZ_NAMES:
            try:
                array = npz[name]
            except ValueError as err:  # object arrays need pickle, which is refused
                raise WeightsError("pickled", f"{name} holds Python objects (pickle is not allowed)",
                                   name=name) from err
            except Exception as err:
                raise WeightsError("not_npz", f"{name} cannot be read: {err}") from err
            if array.dtype.kind not in "iuf":
                raise WeightsError("dtype", f"{name} must hold real numbers; got dtype {array.dtype}",
                                   name=name, dtype=str(array.dtype))
            array = array.astype(np.float64)
            if not np.all(np.isfinite(array)):
                raise WeightsError("not_finite", f"{name} contains nan or inf", name=name)
            arrays[name] = array
    return arrays


def _check_shapes(arrays: dict[str, np.ndarray]) -> str:
    w_ih, w_hh = arrays["weight_ih_l0"], arrays["weight_hh_l0"]
    b_ih, b_hh = arrays["bias_ih_l0"], arrays["bias_hh_l0"]
    shapes = ", ".join(f"{name} {tuple(a.shape)}" for name, a in arrays.items())
    if w_hh.ndim != 2 or w_hh.shape[1] < 1 or w_hh.shape[0] % w_hh.shape[1]:
        raise WeightsError("shape", f"weight_hh_l0 must have shape (G*H, H); got {shapes}", shapes=shapes)
    n_h = w_hh.shape[1]
    n_g = w_hh.shape[0] // n_h
    if n_g not in CELL_OF_GATES:
        raise WeightsError("shape", f"weight_hh_l0 rows must be H, 4H or 3H (G = 1, 4, 3); got {shapes}",
                           shapes=shapes)
    rows = n_g * n_h
    if (w_ih.ndim != 2 or w_ih.shape[0] != rows or w_ih.shape[1] < 1
            or b_ih.shape != (rows,) or b_hh.shape != (rows,)):
        raise WeightsError(
            "shape", f"expected weight_ih_l0 ({rows}, I), bias_ih_l0 and bias_hh_l0 ({rows},); got {shapes}",
            shapes=shapes,
        )
    if n_h > MAX_HIDDEN or w_ih.shape[1] > MAX_INPUT:
        raise WeightsError("too_big_layer", f"H = {n_h}, I = {w_ih.shape[1]}; the app takes H ≤ {MAX_HIDDEN}, "
                           f"I ≤ {MAX_INPUT}", H=n_h, I=w_ih.shape[1], max_h=MAX_HIDDEN, max_i=MAX_INPUT)
    return CELL_OF_GATES[n_g]
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
