import numpy as np
import pytest

from rnnviz.experiments.rnnlm import (
    init_rnnlm_params, preprocess, rnnlm_backward, rnnlm_forward, train_rnnlm)

from rnnviz.experiments.finite_diff import numerical_gradient


def test_book_vocabulary():
    corpus, word_to_id, id_to_word = preprocess()
    assert word_to_id == {"you": 0, "say": 1, "goodbye": 2, "and": 3, "i": 4, "hello": 5, ".": 6}
    np.testing.assert_array_equal(corpus, [0, 1, 2, 3, 4, 1, 5, 6])
    assert id_to_word[4] == "i"


def test_forward_shapes_and_initial_loss():
    corpus, w2i, _ = preprocess()
    params = init_rnnlm_params(len(w2i), seed=0)
    out = rnnlm_forward(params, corpus[:-1, None], corpus[1:, None])
    assert out["probs"].shape == (7, 1, 7)
    np.testing.assert_allclose(out["probs"].sum(-1), 1.0)
    assert out["loss"] == pytest.approx(np.log(7), abs=0.1)  # near-uniform before training


def test_backward_matches_finite_differences():
    rng = np.random.RandomState(2)
    params = init_rnnlm_params(7, D=3, H=4, seed=1)
    params["embed"] *= 50  # make the embedding gradient non-negligible
    ids = rng.randint(0, 7, size=(5, 2))
    ids[3, 1] = ids[0, 0]  # a repeated word
    targets = rng.randint(0, 7, size=(5, 2))
    grads = rnnlm_backward(params, rnnlm_forward(params, ids, targets)["cache"])
    for name, arr in params.items():
        num = numerical_gradient(lambda: rnnlm_forward(params, ids, targets)["loss"], arr)
        np.testing.assert_allclose(grads[name], num, rtol=1e-5, atol=1e-9, err_msg=name)


def test_training_predicts_next_word():
    # seed 002: after "you" the model should give "say" the highest probability
    out = train_rnnlm(steps=300)
    pred = out["probs"][:, 0].argmax(-1)
    np.testing.assert_array_equal(pred, out["corpus"][1:])
    assert out["id_to_word"][pred[0]] == "say"
    assert out["losses"][-1] < 0.05 * out["losses"][0]


def test_bad_input():
    params = init_rnnlm_params(7)
    with pytest.raises(ValueError, match="ids"):
        rnnlm_forward(params, np.array([[0], [9]]), np.array([[0], [1]]))
    with pytest.raises(ValueError, match="text"):
        preprocess("  ")
    with pytest.raises(ValueError, match="D"):
        init_rnnlm_params(7, D=0)
