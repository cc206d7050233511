"""The training generator: snapshots, reproducibility, clipping, stopping, and the export tables.

Short runs (T ≤ 12, tens of steps); the seeds' claim at the defaults is in test_training_claim.py.
"""

import time

import numpy as np
import pytest

from rnnviz.core import train as optim
from rnnviz.experiments import training
from rnnviz.experiments.clipping import clip_grads
from rnnviz.experiments.tasks import get_task

SMALL = training.TrainingConfig(T=8, hidden_size=6, batch_size=4, steps=12, report_every=5, eval_size=16)
FIELDS = ("cell", "step", "loss", "baseline", "train_loss", "grad_norm", "gate", "gate_mean")


def same(a, b):
    """Two snapshots hold identical numbers (everything but the wall-clock time)."""
    return all(np.array_equal(getattr(a, f), getattr(b, f), equal_nan=True) if isinstance(getattr(a, f), float)
               else getattr(a, f) == getattr(b, f) for f in FIELDS) and np.array_equal(a.log10_grad_h, b.log10_grad_h)


@pytest.mark.parametrize("kind", training.CELL_KINDS)
def test_snapshots_come_at_step_zero_every_k_steps_and_at_the_end(kind):
    snaps = training.run(kind, SMALL)
    assert [s.step for s in snaps] == [0, 5, 10, 12]
    assert all(s.cell == kind and s.baseline == pytest.approx(1 / 6) for s in snaps)
    assert np.isnan(snaps[0].train_loss) and all(np.isfinite(s.train_loss) for s in snaps[1:])
    assert all(s.log10_grad_h.shape == (8,) and np.all(np.isfinite(s.log10_grad_h)) for s in snaps)
    assert all(s.ratio == s.loss / s.baseline for s in snaps)
    assert [s.seconds for s in snaps] == sorted(s.seconds for s in snaps)
    gate = {"lstm": "f", "gru": "z"}.get(kind)
    assert all(s.gate == gate for s in snaps)
    assert all((s.gate_mean is None) if gate is None else 0.0 < s.gate_mean < 1.0 for s in snaps)


def test_snapshot_gradients_are_those_of_the_next_training_batch():
    """Snapshot k's ‖∂L/∂h_t‖, grad norm and gate mean come from BPTT on the batch of step k + 1."""
    config = SMALL.replace(steps=0)
    (snap,) = training.run("lstm", config)
    task = get_task(config.task)
    rng = np.random.default_rng([config.seed, 1])
    batch = task.sample(config.T, config.batch_size, rng)
    model = training.init_model("lstm", config)
    _, grads, trace, bptt = training.loss_and_grads("lstm", model, batch.x, batch.target, task.loss)
    np.testing.assert_allclose(snap.log10_grad_h, np.log10(np.linalg.norm(bptt.dh.reshape(8, -1), axis=1)), rtol=1e-13)
    assert snap.grad_norm == pytest.approx(np.sqrt(sum(np.sum(g**2) for g in grads.values())), rel=1e-13)
    assert snap.gate_mean == pytest.approx(trace.gates["f"].mean(), rel=1e-13)
    eval_batch = task.sample(config.T, config.eval_size, np.random.default_rng([config.seed, 2]))
    assert snap.loss == pytest.approx(training.evaluate("lstm", model, eval_batch, task.loss), rel=1e-13)


@pytest.mark.parametrize("kind", training.CELL_KINDS)
def test_same_seed_same_numbers_other_seed_other_numbers(kind):
    a, b = training.run(kind, SMALL), training.run(kind, SMALL)
    assert len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    c = training.run(kind, SMALL.replace(seed=1))
    assert c[-1].loss != a[-1].loss


def test_the_loss_falls_on_an_easy_setting():
    snaps = training.run("gru", SMALL.replace(T=4, steps=150, report_every=150, hidden_size=8, batch_size=16))
    assert snaps[-1].ratio < 0.5 * snaps[0].ratio and snaps[-1].ratio < 0.7


def test_clipping_bounds_the_update():
    """With SGD at learning rate 1, the first update is −rate · g, of norm max_norm · ‖g‖ / (‖g‖ + 1e-6)."""
    config = SMALL.replace(optimizer="sgd", learning_rate=1.0, max_norm=0.01, steps=1)
    before = training.init_model("rnn", config)
    snaps = training.run("rnn", config)
    g = snaps[0].grad_norm
    assert g > 0.1  # so clipping is active
    trained = _trained_model("rnn", config)
    step = np.sqrt(sum(np.sum((trained[k] - before[k]) ** 2) for k in before))
    assert step == pytest.approx(0.01 * g / (g + 1e-6), rel=1e-10)
    unclipped = _trained_model("rnn", config.replace(max_norm=None))
    step_unclipped = np.sqrt(sum(np.sum((unclipped[k] - before[k]) ** 2) for k in before))
    assert step_unclipped == pytest.approx(g, rel=1e-10)


def _trained_model(kind, config):
    """The model after ``config.steps`` steps, rebuilt the way ``train`` does it (to inspect weights)."""
    task = get_task(config.task)
    model = training.init_model(kind, config)
    opt = optim.make_optimizer(config.optimizer, config.learning_rate, momentum=config.momentum)
    rng = np.random.default_rng([config.seed, 1])
    for _ in range(config.steps):
        batch = task.sample(config.T, config.batch_size, rng)
        _, grads, _, _ = training.loss_and_grads(kind, model, batch.x, batch.target, task.loss)
        if config.max_norm is not None:
            clip_grads(list(grads.values()), config.max_norm)
        opt.step(model, grads)
    return model


def test_rebuilt_training_matches_the_generator():
    """The helper above follows ``train`` exactly: the same final held-out loss."""
    config = SMALL.replace(steps=7)
    task = get_task(config.task)
    eval_batch = task.sample(config.T, config.eval_size, np.random.default_rng([config.seed, 2]))
    loss = training.evaluate("gru", _trained_model("gru", config), eval_batch, task.loss)
    assert training.run("gru", config)[-1].loss == loss


def test_dropping_the_generator_stops_the_run():
    gen = training.train("rnn", SMALL.replace(steps=10**9))  # would take days if run to the end
    first = next(gen)
    assert first.step == 0
    assert next(gen).step == SMALL.report_every
    gen.close()


def test_reversal_and_gate_biases_change_the_run():
    base = training.run("lstm", SMALL)[-1].loss
    assert training.run("lstm", SMALL.replace(reverse_input=True))[-1].loss != base
    assert training.run("lstm", SMALL.replace(forget_bias=1.0))[0].gate_mean > training.run("lstm", SMALL)[0].gate_mean
    keep = training.run("gru", SMALL.replace(gru_keep_bias=2.0))[0].gate_mean  # pytorch variant: z keeps
    assert keep > training.run("gru", SMALL)[0].gate_mean + 0.2


def test_first_token_uses_cross_entropy_with_ln_k_baseline():
    snaps = training.run("rnn", SMALL.replace(task="first_token", steps=5))
    assert snaps[0].baseline == pytest.approx(np.log(4))
    assert 0.8 < snaps[0].ratio < 1.2  # an untrained network answers about uniformly


def test_tables():
    runs = training.compare(SMALL.replace(steps=5), kinds=("rnn", "lstm"))
    table = training.loss_table(runs)
    assert list(table.columns) == ["cell", "step", "loss", "baseline"]
    assert list(table["cell"]) == ["rnn", "rnn", "lstm", "lstm"] and list(table["step"]) == [0, 5, 0, 5]
    assert table["loss"].iloc[-1] == runs["lstm"][-1].loss
    summary = training.summary_table(runs)
    assert list(summary["cell"]) == ["rnn", "lstm"]
    assert summary["ratio"].iloc[1] == runs["lstm"][-1].ratio and (summary["seconds"] > 0).all()
    grads = training.gradient_table(runs["rnn"])
    assert list(grads.columns) == ["step", "t", "log10_grad_norm"] and len(grads) == 2 * 8
    np.testing.assert_array_equal(grads["log10_grad_norm"].to_numpy()[8:], runs["rnn"][1].log10_grad_h)


@pytest.mark.parametrize(
    "changes",
    [{"task": "copy"}, {"T": 1}, {"T": 0}, {"hidden_size": 0}, {"steps": -1}, {"steps": 2.0}, {"optimizer": "rmsprop"},
     {"learning_rate": 0.0}, {"max_norm": 0.0}, {"max_norm": float("nan")}, {"seed": -1}, {"gru_variant": "keras"},
     {"reverse_input": 1}, {"report_every": 0}],
)
def test_bad_settings_raise(changes):
    with pytest.raises(ValueError):
        training.TrainingConfig().replace(**changes)


def test_unknown_cell_raises():
    with pytest.raises(ValueError, match="cell"):
        next(training.train("elman", SMALL))


def test_seconds_count_the_run_not_the_consumer():
    gen = training.train("rnn", SMALL.replace(steps=10))
    first = next(gen)
    time.sleep(0.3)
    rest = list(gen)
    assert rest[-1].seconds < first.seconds + 0.25
