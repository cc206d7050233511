"""Uploaded recurrent weights, kept by digest so that pages and caches can refer to them by a token.

The app validates an upload once (:func:`load_npz`) and registers the resulting parameter dict here;
figures receive only the short token (a primitive, so caching and links keep working) and look the
weights up. The store lives in the server process and is bounded three ways (:class:`WeightsStore`):
at most :data:`MAX_STORED` uploads and :data:`MAX_STORED_BYTES` of arrays, the least recently used
going first, and an upload nobody has used for :data:`STORE_TTL_S` is forgotten. A link that names a
token the server no longer holds falls back to generated weights with a notice.
"""

from __future__ import annotations

import hashlib
import io
import threading
import time
import zipfile
from collections import OrderedDict
from typing import Callable

import numpy as np

NO_WEIGHTS = "none"
MAX_STORED = 64  # uploads kept at once: a class of 40, each with one upload, keeps all of them
MAX_STORED_BYTES = 256 * 2**20  # float64 bytes of all kept uploads (about 25 of the largest layers)
STORE_TTL_S = 4 * 3600.0  # an upload unused for this long (seconds) is forgotten: a lecture and its break
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


Params = dict[str, np.ndarray]


class WeightsStore:
    """Validated weights by token: least recently used first out, bounded in count and bytes, with expiry.

    ``put`` keeps float64 copies; ``get`` returns fresh copies (callers may scale them in place) and
    counts as a use. An entry is dropped when it has not been used for ``ttl_s`` seconds, or when
    keeping it would exceed ``max_entries`` or ``max_bytes`` (the least recently used go first; the
    newest entry is always kept, and one larger than ``max_bytes`` alone is refused). Safe to share
    between the threads that run Streamlit sessions.
    """

    def __init__(self, max_entries: int = MAX_STORED, max_bytes: int = MAX_STORED_BYTES,
                 ttl_s: float = STORE_TTL_S, clock: Callable[[], float] = time.monotonic) -> None:
        if max_entries < 1 or max_bytes < 1 or ttl_s <= 0:
            raise ValueError(f"max_entries, max_bytes and ttl_s must be positive; got {max_entries}, "
                             f"{max_bytes}, {ttl_s}")
        self.max_entries, self.max_bytes, self.ttl_s = max_entries, max_bytes, ttl_s
        self._clock = clock
        self._lock = threading.Lock()
        # token -> (cell, params, bytes, time of last use); least recently used first
        self._entries: OrderedDict[str, tuple[str, Params, int, float]] = OrderedDict()
        self._bytes = 0

    def put(self, token: str, cell: str, params: Params) -> bool:
        """Keep ``params`` for ``cell`` under ``token``; False (nothing kept) when they exceed ``max_bytes``."""
        kept = {name: np.array(value, dtype=np.float64) for name, value in params.items()}
        size = sum(value.nbytes for value in kept.values())
        if size > self.max_bytes:
            return False
        with self._lock:
            self._drop(token)
            self._entries[token] = (cell, kept, size, self._clock())
            self._bytes += size
            self._evict()
        return True

    def get(self, token: str) -> tuple[str, Params] | None:
        """``(cell, params)`` for ``token`` (copies), or None when it is unknown or has expired."""
        with self._lock:
            self._evict()
            found = self._entries.get(token)
            if found is None:
                return None
            cell, params, size, _ = found
            self._entries[token] = (cell, params, size, self._clock())
            self._entries.move_to_end(token)
        return cell, {name: value.copy() for name, value in params.items()}

    def __len__(self) -> int:
        with self._lock:
            self._evict()
            return len(self._entries)

    @property
    def nbytes(self) -> int:
        """Bytes of the arrays kept now."""
        with self._lock:
            self._evict()
            return self._bytes

    def _drop(self, token: str) -> None:
        found = self._entries.pop(token, None)
        if found is not None:
            self._bytes -= found[2]

    def _evict(self) -> None:
        """Drop expired entries, then the least recently used while over a bound (lock held)."""
        deadline = self._clock() - self.ttl_s
        for token in [token for token, entry in self._entries.items() if entry[3] <= deadline]:
            self._drop(token)
        while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
            self._drop(next(iter(self._entries)))


_STORE = WeightsStore()


def token_of(cell: str, params: Params) -> str:
    """The 16-hex-digit digest of ``cell`` and ``params`` (the same weights always get the same token)."""
    digest = hashlib.sha256(cell.encode())
    for name in sorted(params):
        digest.update(name.encode())
        digest.update(np.ascontiguousarray(params[name], dtype=np.float64).tobytes())
    return digest.hexdigest()[:16]


def register(cell: str, params: Params) -> str:
    """Keep validated ``params`` (PyTorch layout) for ``cell`` in the server's store; returns their token."""
    token = token_of(cell, params)
    _STORE.put(token, cell, params)
    return token


def lookup(token: str) -> tuple[str, Params] | None:
    """``(cell, params)`` for a registered token still held, or ``None`` (also for ``"none"``)."""
    if token == NO_WEIGHTS:
        return None
    return _STORE.get(token)
