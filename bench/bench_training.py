"""Benchmark: one training step of the numpy engine against PyTorch CPU float64 on the same work.

A training step is forward + full BPTT + linear read-out on h_{T−1} + MSE + global-norm clipping
(max_norm 1) + one Adam step (lr 1e-2), on the adding problem at T = 50, H = 32, B = 32 (I = 2). Both
sides start from the same weights and see the same batches; they are timed alternately in the same
run (so load from other processes hits both alike), one thread each. Prints µs per training step
(median), the ratio numpy / PyTorch (below 1: the engine is faster) and the largest difference of
the weights after a few identical steps. Numbers only: nothing is asserted.

Run: ``OPENBLAS_NUM_THREADS=1 python bench/bench_training.py [--whole-runs]``. Without torch it prints
the numpy figures alone and says so. ``--whole-runs`` (needs torch, about a minute) also trains every
cell for the default 1000 steps on both sides from the same weights and batches and prints the final
held-out loss / baseline of each.
"""

import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rnnviz.core import train as optim  # noqa: E402
from rnnviz.experiments import training  # noqa: E402
from rnnviz.experiments.clipping import clip_grads  # noqa: E402
from rnnviz.experiments.tasks import get_task  # noqa: E402

KINDS = ("rnn", "irnn", "lstm", "gru")  # the GRU as torch.nn.GRU computes it: the "pytorch" variant
CONFIG = training.TrainingConfig(T=50, hidden_size=32, batch_size=32, learning_rate=1e-2, max_norm=1.0,
                                 gru_variant="pytorch")
BATCHES = 16  # distinct batches cycled through by both sides
ROUNDS = 15  # alternating rounds; each times STEPS_PER_ROUND steps of each side
STEPS_PER_ROUND = 10
CHECK_STEPS = 5  # identical steps before comparing weights


def batches():
    rng = np.random.default_rng([CONFIG.seed, 1])
    task = get_task(CONFIG.task)
    return [task.sample(CONFIG.T, CONFIG.batch_size, rng) for _ in range(BATCHES)]


class NumpyTrainer:
    """The engine's training step (the loop body of ``training.train``)."""

    def __init__(self, kind):
        self.kind = kind
        self.model = training.init_model(kind, CONFIG)
        self.optimizer = optim.Adam(CONFIG.learning_rate)

    def step(self, batch):
        _, grads, _, _ = training.loss_and_grads(self.kind, self.model, batch.x, batch.target, "mse",
                                                 gru_variant=CONFIG.gru_variant)
        clip_grads(list(grads.values()), CONFIG.max_norm)
        self.optimizer.step(self.model, grads)


class TorchTrainer:
    """The same network in PyTorch, float64, from the engine's initial weights."""

    def __init__(self, torch, kind):
        self.torch = torch
        start = training.init_model(kind, CONFIG)
        n_i, n_h = start["weight_ih"].shape[1], CONFIG.hidden_size
        if kind in ("rnn", "irnn"):
            self.rnn = torch.nn.RNN(n_i, n_h, nonlinearity="relu" if kind == "irnn" else "tanh", dtype=torch.float64)
        else:
            self.rnn = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind](n_i, n_h, dtype=torch.float64)
        self.readout = torch.nn.Linear(n_h, start["readout_weight"].shape[0], dtype=torch.float64)
        with torch.no_grad():
            for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                getattr(self.rnn, f"{name}_l0").copy_(torch.from_numpy(start[name]))
            self.readout.weight.copy_(torch.from_numpy(start["readout_weight"]))
            self.readout.bias.copy_(torch.from_numpy(start["readout_bias"]))
        self.params = list(self.rnn.parameters()) + list(self.readout.parameters())
        self.optimizer = torch.optim.Adam(self.params, lr=CONFIG.learning_rate)

    def step(self, batch):
        torch = self.torch
        self.optimizer.zero_grad(set_to_none=True)
        out, _ = self.rnn(torch.from_numpy(batch.x))
        loss = torch.nn.functional.mse_loss(self.readout(out[-1]), torch.from_numpy(batch.target))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.params, CONFIG.max_norm)
        self.optimizer.step()

    def weights(self):
        state = {f"{k}": getattr(self.rnn, f"{k}_l0").detach().numpy() for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")}
        state["readout_weight"] = self.readout.weight.detach().numpy()
        state["readout_bias"] = self.readout.bias.detach().numpy()
        return state


def torch_or_none():
    try:
        import torch
    except Exception as err:  # noqa: BLE001 (any import failure means: no reference)
        return None, f"{type(err).__name__}: {err}"
    torch.set_num_threads(1)
    return torch, f"torch {torch.__version__}, 1 thread"


def timed_steps(trainer, data, offset):
    """Seconds per step over one round: ``(wall, cpu)``; CPU time is less disturbed by other processes."""
    wall, cpu = time.perf_counter(), time.process_time()
    for i in range(STEPS_PER_ROUND):
        trainer.step(data[(offset + i) % len(data)])
    return (time.perf_counter() - wall) / STEPS_PER_ROUND, (time.process_time() - cpu) / STEPS_PER_ROUND


def main():
    torch, info = torch_or_none()
    print(f"numpy {np.__version__}, OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '(unset)')}; "
          + (info if torch else f"torch is missing ({info}): numpy figures only"))
    print(f"training step: T={CONFIG.T}, H={CONFIG.hidden_size}, B={CONFIG.batch_size}, adding problem, MSE, "
          f"clip {CONFIG.max_norm}, Adam {CONFIG.learning_rate}; µs per step, median of {ROUNDS} rounds "
          f"of {STEPS_PER_ROUND} steps" + (", alternating" if torch else ""))
    data = batches()
    print("wall-clock µs per step, and the same from CPU time (in brackets)" + (
        f"; max|Δw|: largest weight difference after {CHECK_STEPS} identical steps" if torch else ""))
    header = f"{'cell':<6}{'numpy':>16}"
    if torch:
        header += f"{'torch':>16}{'numpy/torch':>18}{'max|Δw|':>10}"
    print(header)
    for kind in KINDS:
        ours = NumpyTrainer(kind)
        theirs = TorchTrainer(torch, kind) if torch else None
        if theirs is not None:
            check_ours, check_theirs = NumpyTrainer(kind), TorchTrainer(torch, kind)
            for i in range(CHECK_STEPS):
                check_ours.step(data[i])
                check_theirs.step(data[i])
            diff = max(float(np.max(np.abs(check_ours.model[k] - v))) for k, v in check_theirs.weights().items())
        timed_steps(ours, data, 0)  # warm-up
        if theirs is not None:
            timed_steps(theirs, data, 0)
        t_ours, t_theirs = [], []
        for r in range(ROUNDS):
            t_ours.append(timed_steps(ours, data, r * STEPS_PER_ROUND))
            if theirs is not None:
                t_theirs.append(timed_steps(theirs, data, r * STEPS_PER_ROUND))
        ours_wall, ours_cpu = np.median(t_ours, axis=0) * 1e6
        row = f"{kind:<6}{f'{ours_wall:.0f} ({ours_cpu:.0f})':>16}"
        if theirs is not None:
            theirs_wall, theirs_cpu = np.median(t_theirs, axis=0) * 1e6
            ratios = f"{ours_wall / theirs_wall:.2f} ({ours_cpu / theirs_cpu:.2f})"
            row += f"{f'{theirs_wall:.0f} ({theirs_cpu:.0f})':>16}{ratios:>18}{diff:>10.1e}"
        print(row, flush=True)
    if torch and "--whole-runs" in sys.argv:
        whole_runs(torch)


def whole_runs(torch):
    """Both sides train for ``CONFIG.steps`` steps on the batches of ``training.train``; final held-out ratio."""
    task = get_task(CONFIG.task)
    held_out = task.sample(CONFIG.T, CONFIG.eval_size, np.random.default_rng([CONFIG.seed, 2]))
    print(f"\nwhole runs, {CONFIG.steps} steps from the same weights and batches: final held-out loss / baseline")
    print(f"{'cell':<6}{'numpy':>10}{'torch':>10}")
    for kind in KINDS:
        theirs = TorchTrainer(torch, kind)
        rng = np.random.default_rng([CONFIG.seed, 1])
        for _ in range(CONFIG.steps):
            theirs.step(task.sample(CONFIG.T, CONFIG.batch_size, rng))
        with torch.no_grad():
            out, _ = theirs.rnn(torch.from_numpy(held_out.x))
            loss = float(np.mean((theirs.readout(out[-1]).numpy() - held_out.target) ** 2))
        ours = training.run(kind, CONFIG.replace(report_every=CONFIG.steps))[-1]
        print(f"{kind:<6}{ours.ratio:>10.4f}{loss / task.baseline:>10.4f}", flush=True)


if __name__ == "__main__":
    main()
