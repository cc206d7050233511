"""The networks and inputs that the pages unroll: parameters and input sequences from primitives.

Pages and the command line describe a setup with primitive values (cell, sizes, init, seed, scale,
input kind); these functions turn them into engine arrays, so every figure builds the same network
from the same description. Shapes: ``T`` time, ``B`` batch, ``I`` input, ``H`` hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from rnnviz import core, weights
from rnnviz.experiments.sentences import token_sequences

INPUT_KINDS = ("random", "sine", "impulse")
SENTENCE_IDS = tuple(entry["id"] for entry in token_sequences())
EMBEDDING_SEED = 2024  # the seeded random embedding of the example sentences


@dataclass(frozen=True)
class UploadedLayer:
    """Weights a user uploaded: one PyTorch-layout layer of ``cell``. It compares and hashes by ``token``,
    the digest of its content, so computations that take it can be cached by the token alone."""

    token: str
    cell: str
    params: dict[str, np.ndarray] = field(compare=False, repr=False)

    @property
    def input_size(self) -> int:
        return self.params["weight_ih"].shape[1]

    @property
    def hidden_size(self) -> int:
        return self.params["weight_hh"].shape[1]


def uploaded_layer(token: str) -> UploadedLayer | None:
    """The uploaded layer a ``weights`` token names on this server, or ``None`` ("none", unknown or expired)."""
    found = weights.lookup(token)
    return None if found is None else UploadedLayer(token, *found)


def make_params(cell: str, *, input_size: int, hidden_size: int, init: str = "pytorch", seed: int = 0,
                scale: float = 1.0, forget_bias: float = 0.0, update_bias: float = 0.0,
                uploaded: UploadedLayer | None = None) -> dict[str, np.ndarray]:
    """PyTorch-layout parameters: the ``uploaded`` layer's when it is one of ``cell`` (then ``scale``
    multiplies its ``weight_hh``; ``input_size`` and ``hidden_size`` are its own), else
    ``core.init_params(...)``. ``forget_bias`` applies to an LSTM only, ``update_bias`` (the raw bias
    on ``z``, see ``core.gru_keep_bias``) to a GRU only; uploaded weights are used as they are."""
    if uploaded is not None and uploaded.cell == cell:
        params = {name: value.copy() for name, value in uploaded.params.items()}
        params["weight_hh"] = params["weight_hh"] * scale
        return params
    return core.init_params(
        cell, input_size, hidden_size, init=init, scale=scale,
        forget_bias=forget_bias if cell == "lstm" else 0.0, update_bias=update_bias if cell == "gru" else 0.0,
        seed=seed,
    )


def sentence(sentence_id: str) -> dict:
    """The seed sentence with this id (tokens, answer, distractor, description)."""
    for entry in token_sequences():
        if entry["id"] == sentence_id:
            return entry
    raise ValueError(f"sentence must be one of {SENTENCE_IDS}; got {sentence_id!r}")


def make_input(kind: str, *, T: int, input_size: int, seed: int = 0, batch: int = 1) -> np.ndarray:
    """An input sequence ``x`` of shape ``(T, B, I)``.

    ``kind``: ``random`` (N(0, 1)), ``sine`` (unit sines with phases spread over the inputs),
    ``impulse`` (ones at t = 0, zeros after), or a sentence id from :data:`SENTENCE_IDS`, embedded
    with a seeded N(0, 1) embedding (then ``T`` is the sentence's length and is ignored here).
    """
    if kind in SENTENCE_IDS:
        tokens = sentence(kind)["tokens"]
        vocab = sorted(set(tokens))
        table = np.random.default_rng(EMBEDDING_SEED).standard_normal((len(vocab), input_size))  # (V, I)
        ids = np.array([vocab.index(token) for token in tokens])
        return np.repeat(table[ids][:, None, :], batch, axis=1)  # (T, B, I)
    if kind == "random":
        return np.random.default_rng(seed).standard_normal((T, batch, input_size))
    if kind == "sine":
        t = np.arange(T)[:, None, None]
        phase = np.linspace(0.0, np.pi, input_size)[None, None, :]
        return np.broadcast_to(np.sin(2 * np.pi * t / 20.0 + phase), (T, batch, input_size)).copy()
    if kind == "impulse":
        x = np.zeros((T, batch, input_size))
        x[0] = 1.0
        return x
    raise ValueError(f"input must be one of {INPUT_KINDS + SENTENCE_IDS}; got {kind!r}")


def tokens_of(kind: str) -> list[str] | None:
    """The sentence's tokens when ``kind`` is a sentence id, else ``None``."""
    return list(sentence(kind)["tokens"]) if kind in SENTENCE_IDS else None
