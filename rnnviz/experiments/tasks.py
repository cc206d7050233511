"""Tasks whose answer lies many steps back: the adding problem and "remember the first token".

Both are many-to-one: the network reads ``x`` ``(T, B, I)`` and answers from its last hidden state
``h_{T−1}``. Each task also says where the inputs that decide the answer sit (``Batch.relevant``),
so the distance the gradient must travel, ``T − 1 − t``, can be shown, with and without input
reversal. Shapes: ``T`` time, ``B`` batch, ``I`` input, ``K`` classes.

- ``adding`` (Hochreiter & Schmidhuber 1997; the form of Le et al. 2015): ``x_t = (u_t, m_t)`` with
  ``u_t ~ U[0, 1)`` and two marks ``m_t = 1``, one at a uniform position in the first half
  ``[0, T//2)`` and one in the second half ``[T//2, T)``. The target is the sum of the two marked
  numbers; the loss is the MSE. The best constant answer is 1, with MSE ``Var(u + u') = 1/6 ≈ 0.167``.
- ``first_token``: the first input is one of ``K`` answer tokens, the other ``T − 1`` inputs are
  tokens drawn from ``D`` distractor tokens (one-hot over ``K + D``); answer the first token, with
  softmax cross-entropy. The best constant answer is uniform over ``K``, with loss ``ln K``.
"""

from dataclasses import dataclass

import numpy as np

from rnnviz.core.validate import check_positive_int

TASK_NAMES = ("adding", "first_token")
FIRST_TOKEN_CLASSES = 4  # K answer tokens
FIRST_TOKEN_DISTRACTORS = 4  # D distractor tokens


@dataclass(frozen=True)
class Batch:
    """One batch of a task."""

    x: np.ndarray  # (T, B, I) inputs
    target: np.ndarray  # adding: (B, 1) float sums; first_token: (B,) integer labels in [0, K)
    relevant: np.ndarray  # (B, R) int time indices of the inputs that decide the answer (R = 2 or 1)


@dataclass(frozen=True)
class Task:
    """What a training run needs to know about a task."""

    name: str  # "adding" or "first_token"
    input_size: int  # I
    output_size: int  # read-out outputs: 1 (a number) or K (logits)
    loss: str  # "mse" or "cross_entropy"
    baseline: float  # the loss of the best constant answer: 1/6 (adding), ln K (first_token)
    min_length: int  # shortest T the task is defined for

    def sample(self, T, batch_size, rng):
        """A fresh batch ``(T, B, ...)`` drawn from ``rng`` (a ``numpy.random.Generator``)."""
        T = check_positive_int("T", T)
        batch_size = check_positive_int("batch_size", batch_size)
        if T < self.min_length:
            raise ValueError(f"T must be at least {self.min_length} for task {self.name!r}; got {T}")
        if self.name == "adding":
            return _adding(T, batch_size, rng)
        return _first_token(T, batch_size, rng)


def _adding(T, n_b, rng):
    values = rng.uniform(0.0, 1.0, size=(T, n_b))  # (T, B)
    half = T // 2
    first = rng.integers(0, half, size=n_b)  # (B,) in [0, T//2)
    second = rng.integers(half, T, size=n_b)  # (B,) in [T//2, T)
    marks = np.zeros((T, n_b))
    rows = np.arange(n_b)
    marks[first, rows] = 1.0
    marks[second, rows] = 1.0
    x = np.stack([values, marks], axis=-1)  # (T, B, 2)
    target = (values[first, rows] + values[second, rows])[:, None]  # (B, 1)
    return Batch(x=x, target=target, relevant=np.stack([first, second], axis=1))


def _first_token(T, n_b, rng):
    n_k, n_d = FIRST_TOKEN_CLASSES, FIRST_TOKEN_DISTRACTORS
    labels = rng.integers(0, n_k, size=n_b)  # (B,)
    tokens = np.empty((T, n_b), dtype=np.int64)
    tokens[0] = labels
    tokens[1:] = n_k + rng.integers(0, n_d, size=(T - 1, n_b))  # distractors: ids K .. K+D−1
    x = np.eye(n_k + n_d)[tokens]  # (T, B, K + D) one-hot
    return Batch(x=x, target=labels, relevant=np.zeros((n_b, 1), dtype=np.int64))


TASKS = {
    "adding": Task("adding", input_size=2, output_size=1, loss="mse", baseline=1.0 / 6.0, min_length=2),
    "first_token": Task(
        "first_token", input_size=FIRST_TOKEN_CLASSES + FIRST_TOKEN_DISTRACTORS, output_size=FIRST_TOKEN_CLASSES,
        loss="cross_entropy", baseline=float(np.log(FIRST_TOKEN_CLASSES)), min_length=1,
    ),
}


def get_task(name):
    """The :class:`Task` called ``name`` (one of :data:`TASK_NAMES`)."""
    if not isinstance(name, str) or name not in TASKS:
        raise ValueError(f"task must be one of {TASK_NAMES}; got {name!r}")
    return TASKS[name]


def reverse_batch(batch):
    """The same batch with every input sequence reversed in time (seed 004's input reversal).

    ``x[t]`` becomes ``x[T − 1 − t]`` and the relevant positions move with it; the targets stay.
    """
    n_t = batch.x.shape[0]
    return Batch(x=batch.x[::-1].copy(), target=batch.target, relevant=n_t - 1 - batch.relevant)


def distances_to_loss(batch):
    """Steps from each relevant input to the loss at ``t = T − 1``: ``T − 1 − relevant`` ``(B, R)``."""
    return batch.x.shape[0] - 1 - batch.relevant
