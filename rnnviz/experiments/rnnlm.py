"""The RNN language model of seed 002 on "you say goodbye and I say hello.":
Embedding → RNN (row-vector, ``tanh(h Wh + x Wx + b)``) → Affine → Softmax with cross-entropy.

Vocabulary as the book's ``preprocess``: lowercase, ``.`` → `` .``, split on spaces, ids in order
of first appearance (you 0, say 1, goodbye 2, and 3, i 4, hello 5, . 6). The model reads
``corpus[:-1]`` and predicts ``corpus[1:]``. Initial weights use the book's scales
(embedding ``randn/100``, ``Wx randn/√D``, ``Wh randn/√H``, affine ``randn/√H``, zero biases)
drawn from ``RandomState(seed)``; float64 throughout.

Shapes: ``T`` time, ``B`` batch, ``V`` vocabulary, ``D`` embedding, ``H`` hidden;
``ids, targets (T, B)`` integers, ``probs (T, B, V)``.
"""

import numpy as np

from rnnviz.experiments.book_time_rnn import time_rnn_backward, time_rnn_forward

BOOK_TEXT = "You say goodbye and I say hello."
PARAM_NAMES = ("embed", "Wx", "Wh", "b", "Wa", "ba")


def preprocess(text=BOOK_TEXT):
    """The book's preprocessing. Returns ``(corpus (n,) int, word_to_id, id_to_word)``."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("text must be a non-empty string")
    words = text.lower().replace(".", " .").split()
    word_to_id, id_to_word = {}, {}
    for word in words:
        if word not in word_to_id:
            id_to_word[len(word_to_id)] = word
            word_to_id[word] = len(word_to_id)
    return np.array([word_to_id[w] for w in words], dtype=np.int64), word_to_id, id_to_word


def init_rnnlm_params(V, D=5, H=5, seed=0):
    """Seeded weights: ``embed (V, D)``, ``Wx (D, H)``, ``Wh (H, H)``, ``b (H,)``,
    ``Wa (H, V)``, ``ba (V,)``."""
    for name, value in (("V", V), ("D", D), ("H", H)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    rng = np.random.RandomState(seed)
    return {
        "embed": rng.randn(V, D) / 100.0,
        "Wx": rng.randn(D, H) / np.sqrt(D),
        "Wh": rng.randn(H, H) / np.sqrt(H),
        "b": np.zeros(H),
        "Wa": rng.randn(H, V) / np.sqrt(H),
        "ba": np.zeros(V),
    }


def _softmax(a):
    a = a - a.max(axis=-1, keepdims=True)
    e = np.exp(a)
    return e / e.sum(axis=-1, keepdims=True)


def rnnlm_forward(params, ids, targets, h0=None):
    """Forward pass. Returns a dict: ``probs (T, B, V)``, ``loss`` (mean cross-entropy over
    ``T·B``), ``step_losses (T, B)``, ``hs (T, B, H)`` and a ``cache`` for ``rnnlm_backward``."""
    ids = np.asarray(ids)
    targets = np.asarray(targets)
    V = params["embed"].shape[0]
    if ids.ndim != 2 or targets.shape != ids.shape:
        raise ValueError(f"ids and targets must both be (T, B); got {ids.shape}, {targets.shape}")
    for name, arr in (("ids", ids), ("targets", targets)):
        if not np.issubdtype(arr.dtype, np.integer) or arr.min() < 0 or arr.max() >= V:
            raise ValueError(f"{name} must be integers in [0, V) = [0, {V})")
    xs = params["embed"][ids]  # (T, B, D)
    hs, caches = time_rnn_forward(xs, params["Wx"], params["Wh"], params["b"], h0)
    probs = _softmax(hs @ params["Wa"] + params["ba"])  # (T, B, V)
    picked = np.take_along_axis(probs, targets[..., None], axis=-1)[..., 0]  # (T, B)
    step_losses = -np.log(np.maximum(picked, 1e-300))
    cache = (ids, targets, hs, caches, probs)
    return {"probs": probs, "loss": float(step_losses.mean()), "step_losses": step_losses,
            "hs": hs, "cache": cache}


def rnnlm_backward(params, cache):
    """Gradients of the mean loss: a dict with one array per name in ``PARAM_NAMES``
    (same shapes as ``params``)."""
    ids, targets, hs, caches, probs = cache
    T, B, V = probs.shape
    dscore = probs.copy()
    np.put_along_axis(dscore, targets[..., None], np.take_along_axis(
        dscore, targets[..., None], axis=-1) - 1.0, axis=-1)
    dscore /= T * B  # (T, B, V)
    grads = {
        "Wa": np.einsum("tbh,tbv->hv", hs, dscore),
        "ba": dscore.sum(axis=(0, 1)),
    }
    g = time_rnn_backward(dscore @ params["Wa"].T, caches)
    grads.update(Wx=g["dWx"], Wh=g["dWh"], b=g["db"])
    dembed = np.zeros_like(params["embed"])
    np.add.at(dembed, ids, g["dxs"])  # repeated words accumulate
    grads["embed"] = dembed
    return grads


def train_rnnlm(text=BOOK_TEXT, D=5, H=5, steps=300, lr=0.05, seed=0):
    """Fit the RNNLM to one sentence with full BPTT and Adam (``β = 0.9, 0.999``).

    Returns a dict: ``params``, ``losses (steps,)``, ``corpus``, ``word_to_id``, ``id_to_word``
    and ``probs (T, 1, V)`` after training (``T = len(corpus) − 1``).
    """
    corpus, word_to_id, id_to_word = preprocess(text)
    if corpus.size < 2:
        raise ValueError("text must contain at least two tokens")
    params = init_rnnlm_params(len(word_to_id), D, H, seed)
    ids, targets = corpus[:-1, None], corpus[1:, None]  # (T, 1)
    m = {k: np.zeros_like(v) for k, v in params.items()}
    s = {k: np.zeros_like(v) for k, v in params.items()}
    losses = np.empty(steps)
    for i in range(steps):
        out = rnnlm_forward(params, ids, targets)
        losses[i] = out["loss"]
        grads = rnnlm_backward(params, out["cache"])
        for k in params:
            m[k] = 0.9 * m[k] + 0.1 * grads[k]
            s[k] = 0.999 * s[k] + 0.001 * grads[k] ** 2
            m_hat, s_hat = m[k] / (1 - 0.9 ** (i + 1)), s[k] / (1 - 0.999 ** (i + 1))
            params[k] -= lr * m_hat / (np.sqrt(s_hat) + 1e-8)
    final = rnnlm_forward(params, ids, targets)
    return {"params": params, "losses": losses, "corpus": corpus, "word_to_id": word_to_id,
            "id_to_word": id_to_word, "probs": final["probs"]}
