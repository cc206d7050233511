"""The adding problem, "remember the first token", and input reversal."""

import math

import numpy as np
import pytest

from rnnviz.core.train import cross_entropy_loss
from rnnviz.experiments import tasks


def test_adding_problem_marks_one_number_in_each_half_and_sums_them():
    batch = tasks.get_task("adding").sample(11, 200, np.random.default_rng(0))
    assert batch.x.shape == (11, 200, 2) and batch.target.shape == (200, 1) and batch.relevant.shape == (200, 2)
    values, marks = batch.x[..., 0], batch.x[..., 1]
    assert np.all((values >= 0) & (values < 1))
    np.testing.assert_array_equal(marks.sum(axis=0), 2.0)
    first, second = batch.relevant[:, 0], batch.relevant[:, 1]
    assert np.all(first < 5) and np.all(second >= 5)  # halves [0, 11//2) and [11//2, 11)
    assert set(first) == set(range(5)) and set(second) == set(range(5, 11))  # every position is used
    rows = np.arange(200)
    np.testing.assert_array_equal(marks[first, rows], 1.0)
    np.testing.assert_array_equal(marks[second, rows], 1.0)
    np.testing.assert_allclose(batch.target[:, 0], values[first, rows] + values[second, rows], rtol=1e-15)


def test_adding_baseline_is_the_variance_of_the_sum():
    """The best constant answer is the mean 1; its MSE is Var(u + u') = 2/12."""
    task = tasks.get_task("adding")
    target = task.sample(4, 200_000, np.random.default_rng(1)).target
    assert task.baseline == pytest.approx(1 / 6, rel=1e-15)
    assert np.mean(target) == pytest.approx(1.0, abs=0.005)
    assert np.mean((target - 1.0) ** 2) == pytest.approx(task.baseline, rel=0.01)


def test_first_token_is_one_hot_with_the_answer_first_and_distractors_after():
    task = tasks.get_task("first_token")
    n_k = tasks.FIRST_TOKEN_CLASSES
    batch = task.sample(7, 300, np.random.default_rng(2))
    assert batch.x.shape == (7, 300, task.input_size) and batch.target.shape == (300,)
    np.testing.assert_array_equal(batch.x.sum(axis=-1), 1.0)
    tokens = batch.x.argmax(axis=-1)  # (T, B)
    np.testing.assert_array_equal(tokens[0], batch.target)
    assert set(batch.target) == set(range(n_k))
    assert set(tokens[1:].ravel()) == set(range(n_k, n_k + tasks.FIRST_TOKEN_DISTRACTORS))
    np.testing.assert_array_equal(batch.relevant, 0)
    uniform, _ = cross_entropy_loss(np.zeros((300, n_k)), batch.target)  # the best constant answer
    assert task.baseline == pytest.approx(uniform, rel=1e-15) == math.log(n_k)


def test_reversal_flips_time_and_the_distances():
    batch = tasks.get_task("adding").sample(9, 50, np.random.default_rng(3))
    flipped = tasks.reverse_batch(batch)
    np.testing.assert_array_equal(flipped.x, batch.x[::-1])
    np.testing.assert_array_equal(flipped.target, batch.target)
    np.testing.assert_array_equal(tasks.distances_to_loss(flipped), batch.relevant)
    np.testing.assert_array_equal(tasks.distances_to_loss(batch), 8 - batch.relevant)
    rows = np.arange(50)
    np.testing.assert_array_equal(flipped.x[flipped.relevant[:, 0], rows, 1], 1.0)  # the marks moved along


def test_sampling_is_seeded():
    task = tasks.get_task("first_token")
    a, b = (task.sample(5, 8, np.random.default_rng(4)) for _ in range(2))
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_array_equal(a.target, b.target)


@pytest.mark.parametrize(("name", "T", "batch"), [("adding", 1, 3), ("adding", 5, 0), ("first_token", 0, 2),
                                                  ("first_token", 2.5, 2)])
def test_bad_lengths_raise(name, T, batch):
    with pytest.raises(ValueError):
        tasks.get_task(name).sample(T, batch, np.random.default_rng(0))


def test_unknown_task_raises():
    with pytest.raises(ValueError, match="task"):
        tasks.get_task("copy")
