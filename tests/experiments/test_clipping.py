import numpy as np
import pytest

from rnnviz.experiments.clipping import (
    clip_grads, clip_grads_elementwise, normalize_gradient, total_norm)


def seed_grads():
    rng = np.random.RandomState(3)
    return [rng.rand(3, 3) * 10, rng.rand(3, 3) * 10]  # seed 000: dW1, dW2


def test_clip_to_max_norm_in_place():
    grads = seed_grads()
    before = [g.copy() for g in grads]
    ids = [id(g) for g in grads]
    norm, rate = clip_grads(grads, 5.0)
    assert norm == pytest.approx(np.sqrt(sum(np.sum(g**2) for g in before)))
    assert rate == pytest.approx(5.0 / (norm + 1e-6)) and rate < 1
    assert [id(g) for g in grads] == ids
    assert total_norm(grads) == pytest.approx(5.0, abs=1e-6)
    for g, b in zip(grads, before):
        np.testing.assert_allclose(g, b * rate)  # same direction


def test_no_change_when_under():
    grads = [np.array([1.0, 2.0]), np.array([[2.0]])]  # norm 3
    norm, rate = clip_grads(grads, 5.0)
    assert norm == 3.0 and rate > 1
    np.testing.assert_array_equal(grads[0], [1.0, 2.0])


def test_elementwise():
    grads = [np.array([-7.0, 0.5, 3.0])]
    assert clip_grads_elementwise(grads, 2.0) == 2
    np.testing.assert_array_equal(grads[0], [-2.0, 0.5, 2.0])


def test_normalize_gradient():
    g = np.array([3.0, 4.0])
    np.testing.assert_allclose(normalize_gradient(g, 0.1), [0.06, 0.08])
    np.testing.assert_array_equal(normalize_gradient(np.zeros(2), 0.1), [0.0, 0.0])


def test_bad_input():
    with pytest.raises(ValueError, match="max_norm"):
        clip_grads(seed_grads(), -1.0)
    with pytest.raises(ValueError, match="grads"):
        clip_grads([[1.0, 2.0]], 1.0)
    with pytest.raises(ValueError, match="grads"):
        clip_grads([], 1.0)
    with pytest.raises(ValueError, match="eta"):
        normalize_gradient(np.ones(2), 0.0)
