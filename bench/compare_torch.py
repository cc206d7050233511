"""Compare the engine with PyTorch on weights exported the way the "Your own weights" page expects.

For torch.nn.RNN, LSTM and GRU: export ``state_dict()`` with ``numpy.savez``, read it back with
``rnnviz.weights.load_npz``, unroll with ``rnnviz.core.forward`` (GRU: the pytorch variant) and print the
largest difference from torch's own hidden states. Needs torch; not part of the pytest suite.

Run: ``python bench/compare_torch.py``
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rnnviz import core, weights  # noqa: E402

LAYERS = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}


def main(n_in: int = 5, n_h: int = 16, n_t: int = 50, n_b: int = 3) -> None:
    torch.manual_seed(0)
    x = np.random.default_rng(1).standard_normal((n_t, n_b, n_in))  # (T, B, I)
    for cell, make in LAYERS.items():
        layer = make(n_in, n_h).double()
        buffer = io.BytesIO()
        np.savez(buffer, **{k: v.detach().numpy() for k, v in layer.state_dict().items()})
        found, params = weights.load_npz(buffer.getvalue())
        with torch.no_grad():
            expected = layer(torch.from_numpy(x))[0].numpy()  # (T, B, H)
        got = core.forward(found, params, x, gru_variant="pytorch").h
        print(f"{cell:5s} inferred={found:5s} max |h_engine - h_torch| = {np.max(np.abs(got - expected)):.3e}")


if __name__ == "__main__":
    main()
