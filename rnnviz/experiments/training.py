"""Training a tanh RNN, an IRNN, an LSTM and a GRU on a long-term-dependency task, with the engine's BPTT.

The seeds' thesis (000, 001, 003, 004): a plain RNN cannot learn what lies many steps back; gated cells
(and identity initialisation with ReLU, seed 004) can. :func:`train` is a generator: it yields a
:class:`Snapshot` every ``report_every`` optimiser steps, so a page can draw progress as it comes and
stop by dropping the generator. Every snapshot carries the held-out loss, the per-step gradient norm
``‖∂L/∂h_t‖`` over t (from ``core.backward``'s ``grads.dh``) and the LSTM's mean forget gate or the
GRU's mean update gate. Everything is seeded: the same config gives the same numbers.

One training step (:func:`loss_and_grads`, then clipping and the optimiser): ``core.forward`` over
``x`` ``(T, B, I)``, the linear read-out on ``h_{T−1}`` ``(B, H)``, the loss, the read-out's backward
giving ``∂L/∂h_{T−1}``, ``core.backward`` (full BPTT) for the recurrent parameters, the book's
``clip_grads`` on all gradients together, and one Adam (or SGD) step.
"""

import time
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from rnnviz import core
from rnnviz.core import train as optim
from rnnviz.core.validate import (
    PARAM_NAMES,
    check_finite_scalar,
    check_gru_variant,
    check_positive_int,
    check_seed,
)
from rnnviz.experiments.clipping import clip_grads
from rnnviz.experiments.tasks import get_task, reverse_batch

READOUT_NAMES = ("readout_weight", "readout_bias")  # (O, H), (O,)
CELL_KINDS = ("rnn", "irnn", "lstm", "gru")
# How each kind is built: engine cell, initialisation and the vanilla RNN's φ.
CELL_SETUPS = {
    "rnn": ("rnn", "pytorch", "tanh"),  # torch.nn.RNN's default
    "irnn": ("rnn", "identity", "relu"),  # Le, Jaitly & Hinton 2015: W_hh = I, ReLU
    "lstm": ("lstm", "pytorch", "tanh"),  # torch.nn.LSTM's default (forget bias 0 unless set)
    "gru": ("gru", "pytorch", "tanh"),  # torch.nn.GRU's default init
}
WATCHED_GATE = {"lstm": "f", "gru": "z"}  # the gate each snapshot averages


@dataclass(frozen=True)
class TrainingConfig:
    """One training run's settings, the same for every cell. The defaults show the seeds' claim."""

    task: str = "adding"  # "adding" (MSE) or "first_token" (cross-entropy), see experiments.tasks
    T: int = 50  # sequence length; the answer depends on inputs up to T − 1 steps back
    hidden_size: int = 32  # H
    batch_size: int = 32  # B, fresh sequences every step
    steps: int = 1000  # optimiser steps
    optimizer: str = "adam"  # "adam" or "sgd"
    learning_rate: float = 1e-2
    momentum: float = 0.0  # SGD only
    max_norm: float | None = 1.0  # global-norm clipping (the book's clip_grads); None: no clipping
    seed: int = 0  # weights, read-out, training batches and the evaluation batch all follow from it
    report_every: int = 50  # a snapshot every this many steps (and at step 0 and at the end)
    eval_size: int = 256  # sequences in the fixed held-out batch behind Snapshot.loss
    gru_variant: str = "pytorch"  # "classic" (seed 001) or "pytorch"
    forget_bias: float = 0.0  # added to the LSTM's forget-gate bias
    gru_keep_bias: float = 0.0  # pushes the GRU's keep weight towards σ(·) (core.params.gru_keep_bias)
    reverse_input: bool = False  # seed 004's input reversal: every sequence read backwards

    def __post_init__(self):
        get_task(self.task)
        for name in ("T", "hidden_size", "batch_size", "report_every", "eval_size"):
            check_positive_int(name, getattr(self, name))
        if isinstance(self.steps, bool) or not isinstance(self.steps, int) or self.steps < 0:
            raise ValueError(f"steps must be a non-negative integer; got {self.steps!r}")
        if self.optimizer not in optim.OPTIMIZERS:
            raise ValueError(f"optimizer must be one of {optim.OPTIMIZERS}; got {self.optimizer!r}")
        optim.make_optimizer(self.optimizer, self.learning_rate, momentum=self.momentum)  # checks both
        if self.max_norm is not None and check_finite_scalar("max_norm", self.max_norm) <= 0:
            raise ValueError(f"max_norm must be positive or None; got {self.max_norm!r}")
        check_seed(self.seed)
        check_gru_variant(self.gru_variant)
        check_finite_scalar("forget_bias", self.forget_bias)
        check_finite_scalar("gru_keep_bias", self.gru_keep_bias)
        if not isinstance(self.reverse_input, bool):
            raise ValueError(f"reverse_input must be True or False; got {self.reverse_input!r}")
        get_task(self.task).sample(self.T, 1, np.random.default_rng(0))  # checks T against the task

    def replace(self, **changes):
        """A copy with some fields changed (validated again)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return TrainingConfig(**values)


@dataclass(frozen=True)
class Snapshot:
    """The state of one run after ``step`` optimiser steps."""

    cell: str  # "rnn", "irnn", "lstm" or "gru"
    step: int  # optimiser steps taken (0: the untrained network)
    loss: float  # loss on the fixed held-out batch
    baseline: float  # the loss of the best constant answer (1/6 adding, ln K first_token)
    train_loss: float  # mean training-batch loss over the steps since the previous snapshot (nan at step 0)
    grad_norm: float  # global gradient norm, before clipping, on the next training batch
    log10_grad_h: np.ndarray  # (T,) log10 ‖∂L/∂h_t‖ (Frobenius over (B, H)) on that batch; −inf if exactly 0
    gate: str | None  # "f" (LSTM forget gate), "z" (GRU update gate: the weight on h_{t−1} in the pytorch
    #                   variant, on h̃ in the classic one) or None
    gate_mean: float | None  # that gate's mean over (T, B, H) on that batch
    seconds: float  # wall-clock time the run has computed so far (not counting time spent by the consumer)

    @property
    def ratio(self):
        """``loss / baseline``: 1 is no better than a constant answer, 0 is perfect."""
        return self.loss / self.baseline


def init_model(kind, config):
    """The recurrent parameters (PyTorch layout) and the read-out of cell ``kind``, as one flat dict.

    Keys: ``weight_ih, weight_hh, bias_ih, bias_hh`` and ``readout_weight (O, H)``, ``readout_bias (O,)``.
    """
    cell, init, _ = _setup(kind)
    task = get_task(config.task)
    params = core.init_params(
        cell, task.input_size, config.hidden_size, init=init, seed=config.seed,
        forget_bias=config.forget_bias if cell == "lstm" else 0.0,
        update_bias=core.gru_keep_bias(config.gru_keep_bias, config.gru_variant) if cell == "gru" else 0.0,
    )
    readout = optim.init_readout(config.hidden_size, task.output_size, seed=config.seed)
    params["readout_weight"] = readout["weight"]
    params["readout_bias"] = readout["bias"]
    return params


def loss_and_grads(kind, model, x, target, loss, *, gru_variant="pytorch"):
    """Forward, loss and backward of the many-to-one network for one batch.

    model: the flat dict of :func:`init_model`; x ``(T, B, I)``; target ``(B, O)`` floats (``"mse"``)
    or ``(B,)`` labels (``"cross_entropy"``). Returns ``(L, grads, trace, bptt)``: the loss, a dict of
    gradients with the model's keys and shapes, the ``core.Trace`` and the ``core.Grads`` of BPTT
    (``bptt.dh`` ``(T, B, H)`` is ``∂L/∂h_t``).
    """
    cell, _, nonlinearity = _setup(kind)
    trace = core.forward(cell, {k: model[k] for k in PARAM_NAMES}, x, nonlinearity=nonlinearity,
                         gru_variant=gru_variant)
    h_last = trace.h[-1]  # (B, H)
    y = optim.readout_forward(h_last, model["readout_weight"], model["readout_bias"])  # (B, O)
    if loss == "mse":
        value, dy = optim.mse_loss(y, target)
    elif loss == "cross_entropy":
        value, dy = optim.cross_entropy_loss(y, target)
    else:
        raise ValueError(f"loss must be 'mse' or 'cross_entropy'; got {loss!r}")
    dh_last, d_weight, d_bias = optim.readout_backward(dy, h_last, model["readout_weight"])
    dh = np.zeros_like(trace.h)  # (T, B, H): the loss sees only h_{T−1}
    dh[-1] = dh_last
    bptt = core.backward(trace, dh)
    grads = dict(bptt.params)
    grads["readout_weight"] = d_weight
    grads["readout_bias"] = d_bias
    return value, grads, trace, bptt


def evaluate(kind, model, batch, loss, *, gru_variant="pytorch"):
    """The loss of ``model`` on ``batch`` (forward only)."""
    cell, _, nonlinearity = _setup(kind)
    trace = core.forward(cell, {k: model[k] for k in PARAM_NAMES}, batch.x, nonlinearity=nonlinearity,
                         gru_variant=gru_variant)
    y = optim.readout_forward(trace.h[-1], model["readout_weight"], model["readout_bias"])
    if loss == "mse":
        return optim.mse_loss(y, batch.target)[0]
    return optim.cross_entropy_loss(y, batch.target)[0]


def train(kind, config=None):
    """Train cell ``kind`` (one of :data:`CELL_KINDS`) and yield a :class:`Snapshot` every
    ``config.report_every`` steps, at step 0 and after the last step.

    Drop the generator to stop. Each step draws a fresh batch from ``default_rng([seed, 1])``; the
    held-out batch (``eval_size`` sequences) comes from ``default_rng([seed, 2])``, so every cell sees
    the same data. With ``config.reverse_input`` every sequence (training and held-out) is reversed.
    """
    config = TrainingConfig() if config is None else config
    _setup(kind)
    task = get_task(config.task)
    model = init_model(kind, config)
    optimizer = optim.make_optimizer(config.optimizer, config.learning_rate, momentum=config.momentum)
    data_rng = np.random.default_rng([config.seed, 1])
    eval_batch = _maybe_reversed(task.sample(config.T, config.eval_size, np.random.default_rng([config.seed, 2])),
                                 config)
    gate = WATCHED_GATE.get(_setup(kind)[0])
    seconds = 0.0
    resumed = time.perf_counter()
    recent = []
    for step in range(config.steps + 1):
        batch = _maybe_reversed(task.sample(config.T, config.batch_size, data_rng), config)
        value, grads, trace, bptt = loss_and_grads(kind, model, batch.x, batch.target, task.loss,
                                                   gru_variant=config.gru_variant)
        arrays = list(grads.values())
        if step % config.report_every == 0 or step == config.steps:
            with np.errstate(divide="ignore"):
                log10_grad_h = np.log10(np.sqrt(np.sum(bptt.dh**2, axis=(1, 2))))  # (T,)
            held_out = evaluate(kind, model, eval_batch, task.loss, gru_variant=config.gru_variant)
            seconds += time.perf_counter() - resumed
            yield Snapshot(
                cell=kind, step=step, loss=held_out, baseline=task.baseline,
                train_loss=float(np.mean(recent)) if recent else float("nan"),
                grad_norm=float(np.sqrt(sum(np.sum(g * g) for g in arrays))),
                log10_grad_h=log10_grad_h, gate=gate,
                gate_mean=float(np.mean(trace.gates[gate])) if gate else None,
                seconds=seconds,
            )
            resumed = time.perf_counter()  # the consumer's time between snapshots is not counted
            recent = []
        if step == config.steps:
            return
        recent.append(value)
        if config.max_norm is not None:
            clip_grads(arrays, config.max_norm)  # scales the arrays of `grads` in place
        optimizer.step(model, grads)


def run(kind, config=None):
    """Every snapshot of a whole :func:`train` run, as a list."""
    return list(train(kind, config))


def compare(config=None, kinds=CELL_KINDS):
    """:func:`run` for each cell kind with the same config: ``{kind: [Snapshot, ...]}``."""
    return {kind: run(kind, config) for kind in kinds}


def _setup(kind):
    if not isinstance(kind, str) or kind not in CELL_SETUPS:
        raise ValueError(f"cell must be one of {CELL_KINDS}; got {kind!r}")
    return CELL_SETUPS[kind]


def _maybe_reversed(batch, config):
    return reverse_batch(batch) if config.reverse_input else batch


def loss_table(runs):
    """The export table of :func:`compare`'s runs: one row per snapshot, columns ``cell`` (``rnn``,
    ``irnn``, ``lstm``, ``gru``), ``step``, ``loss`` (held-out) and ``baseline`` (the best constant
    answer's loss)."""
    rows = [(s.cell, s.step, s.loss, s.baseline) for snapshots in runs.values() for s in snapshots]
    return pd.DataFrame(rows, columns=["cell", "step", "loss", "baseline"])


def summary_table(runs):
    """One row per cell: ``cell``, ``steps``, ``final_loss``, ``baseline``, ``ratio`` (final loss /
    baseline) and ``seconds`` (the run's wall-clock time)."""
    rows = [(s.cell, s.step, s.loss, s.baseline, s.ratio, s.seconds) for s in (snaps[-1] for snaps in runs.values())]
    return pd.DataFrame(rows, columns=["cell", "steps", "final_loss", "baseline", "ratio", "seconds"])


def gradient_table(snapshots):
    """The per-step gradient norms of one run, tidy: ``step``, ``t``, ``log10_grad_norm``
    (``log10 ‖∂L/∂h_t‖`` on the training batch at that step), for a heatmap over (training step, t)."""
    steps = np.repeat([s.step for s in snapshots], [s.log10_grad_h.size for s in snapshots])
    t = np.concatenate([np.arange(s.log10_grad_h.size) for s in snapshots])
    values = np.concatenate([s.log10_grad_h for s in snapshots])
    return pd.DataFrame({"step": steps, "t": t, "log10_grad_norm": values})
