"""Which gate biases make the cell comparison show the gated cells keeping the gradient?

Computes ``log10 ‖∂L/∂h_0‖`` of the RNN, LSTM and GRU with the ``cell-comparison`` figure's own compute
function (``rnnviz.lessons.cell_comparison.compute_comparison``) for several LSTM forget-gate biases
(``forget_bias``) and GRU keep biases (``keep_bias``), at the page's other defaults and then across
seeds, inputs, initialisations, lengths and sizes. The goal: at t = 0 the LSTM's and the GRU's gradient
at least 100× (2 decades) the RNN's. The page's defaults (both biases 1) came from this table.

The keep bias is ``core.gru_keep_bias(b, variant)``: ``−b`` on ``z`` for the classic GRU (it keeps
``h_{t−1}`` with ``1 − z``), ``+b`` for the pytorch GRU (it keeps with ``z``). "Chrono" rows draw
per-unit biases ``log U[1, T − 1)`` (Tallec & Ollivier 2018) for the forget gate (and minus that for the
input gate) and as the GRU's keep bias; those reach the compute function the way an uploaded layer does
(``rnnviz.weights.register`` and the ``weights`` token).

Run: ``OPENBLAS_NUM_THREADS=1 python bench/comparison_defaults.py`` (about a minute).
"""

import itertools
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rnnviz import core, setups, weights  # noqa: E402
from rnnviz.lessons.cell_comparison import compute_comparison  # noqa: E402
from rnnviz.lessons.scale_sweep import INPUT_SIZE  # noqa: E402

# The page's defaults but for the two gate biases, which each row sets.
DEFAULTS = {"scale": 1.0, "forget_bias": 0.0, "keep_bias": 0.0, "gru_variant": "classic", "init": "orthogonal",
            "input": "random", "T": 100, "H": 16, "seed": 3}
GOAL = 2.0  # decades above the RNN at t = 0


def chrono(H, T, seed):
    """Per-unit biases ``log U[1, T − 1)`` (Tallec & Ollivier 2018), (H,)."""
    return np.log(np.random.default_rng(seed).uniform(1.0, max(T - 1.0, 1.0 + 1e-9), size=H))


def log10_at_zero(settings, keep_bias=0.0, chrono_lstm=False, chrono_gru=False):
    """``{cell: log10 ‖∂L/∂h_0‖}`` from the figure's compute function."""
    s = {**DEFAULTS, **settings, "keep_bias": keep_bias}
    values = {}
    if chrono_gru:
        gru = core.init_params("gru", INPUT_SIZE, s["H"], init=s["init"], scale=s["scale"], seed=s["seed"])
        core.gate_block(gru["bias_hh"], "z", "gru")[...] += core.gru_keep_bias(1.0, s["gru_variant"]) * chrono(
            s["H"], s["T"], s["seed"])
        data = compute_comparison(**s, weights=setups.uploaded_layer(weights.register("gru", gru)))
    else:
        data = compute_comparison(**s, weights=None)
    values.update({cell: float(data["log10_grad"][cell][0]) for cell in ("rnn", "gru")})
    if chrono_lstm:
        lstm = core.init_params("lstm", INPUT_SIZE, s["H"], init=s["init"], scale=s["scale"], seed=s["seed"])
        b = chrono(s["H"], s["T"], s["seed"])
        core.gate_block(lstm["bias_hh"], "f", "lstm")[...] += b
        core.gate_block(lstm["bias_hh"], "i", "lstm")[...] -= b
        data = compute_comparison(**s, weights=setups.uploaded_layer(weights.register("lstm", lstm)))
    values["lstm"] = float(data["log10_grad"]["lstm"][0])
    return values


def row(label, v):
    lstm, gru = v["lstm"] - v["rnn"], v["gru"] - v["rnn"]
    ok = "yes" if min(lstm, gru) >= GOAL else "no"
    return f"{label:<34}{v['rnn']:>8.2f}{v['lstm']:>8.2f}{v['gru']:>8.2f}{lstm:>+9.2f}{gru:>+9.2f}{ok:>6}"


def main():
    head = f"{'setting':<34}{'RNN':>8}{'LSTM':>8}{'GRU':>8}{'LSTM−RNN':>9}{'GRU−RNN':>9}{'goal':>6}"
    print("log10 ‖∂L/∂h_0‖ at the page's defaults (T=100, H=16, seed 3, orthogonal, random input, scale 1);")
    print(f"differences in decades; goal: both ≥ {GOAL:+.0f}\n")
    for variant in ("classic", "pytorch"):
        print(f"GRU variant {variant}\n{head}")
        for fb, kb in [(0.0, 0.0), (0.5, 0.5), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0), (2.0, 2.0)]:
            v = log10_at_zero({"forget_bias": fb, "gru_variant": variant}, keep_bias=kb)
            print(row(f"forget_bias {fb:g}, GRU keep bias {kb:g}", v))
        print(row("chrono (LSTM and GRU)", log10_at_zero({"gru_variant": variant}, chrono_lstm=True, chrono_gru=True)))
        print()

    print("forget_bias 1 and GRU keep bias 1 away from the defaults (each line changes one setting; classic GRU)")
    print(head)
    changes = ([{"seed": s} for s in range(10)] + [{"input": i} for i in ("sine", "impulse")]
               + [{"init": i} for i in ("xavier", "pytorch")] + [{"T": t} for t in (20, 50, 200, 1000)]
               + [{"H": h} for h in (4, 64)] + [{"scale": s} for s in (0.5, 1.5)] + [{"gru_variant": "pytorch"}])
    margins = []
    for change in changes:
        v = log10_at_zero({"forget_bias": 1.0, **change}, keep_bias=1.0)
        margins.append(min(v["lstm"], v["gru"]) - v["rnn"])
        print(row(", ".join(f"{k}={val}" for k, val in change.items()), v))
    print(f"\nsmallest margin over these {len(changes)} settings: {min(margins):+.2f} decades; "
          f"goal met in {sum(m >= GOAL for m in margins)} of {len(changes)}")

    print("\nthe same grid with the PyTorch default biases (forget_bias 0, keep 0): goal met in "
          + str(sum(min(v["lstm"], v["gru"]) - v["rnn"] >= GOAL
                    for v in (log10_at_zero(c) for c in changes)))
          + f" of {len(changes)}")
    seeds = list(itertools.product((0.0, 1.0), range(10)))
    print("\nacross seeds 0-9 at the other defaults, smallest margins (decades): "
          + ", ".join(f"bias {b:g}: {min(min(v['lstm'], v['gru']) - v['rnn'] for v in (log10_at_zero({'forget_bias': b, 'seed': s}, keep_bias=b) for bb, s in seeds if bb == b)):+.2f}"
                      for b in (0.0, 1.0)))


if __name__ == "__main__":
    main()
