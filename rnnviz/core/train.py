"""What training adds to the engine: a linear read-out, two losses and two optimisers.

Shapes: ``B`` batch, ``H`` hidden, ``O`` outputs (``K`` classes for cross-entropy). The read-out sits
on the last hidden state ``h_{T−1}`` ``(B, H)``; its forward and backward share nothing but their
inputs, so they take the same arguments. A loss returns its value and ``∂L/∂y`` together. The
optimisers update a dict of named float64 arrays in place (the recurrent parameters and the
read-out's, side by side); gradient clipping is ``rnnviz.experiments.clipping.clip_grads``.
"""

import numpy as np

from rnnviz.core.validate import check_finite_scalar, check_seed


def init_readout(hidden_size, output_size, *, seed=0):
    """A linear read-out ``y = h W^T + b``: ``{"weight": (O, H), "bias": (O,)}``.

    ``weight`` ~ U(−1/√H, 1/√H) and ``bias`` = 0 (``torch.nn.Linear`` draws its bias too; zero keeps the
    first answer at the mean of the targets' scale). Deterministic in ``seed``.
    """
    rng = np.random.default_rng(check_seed(seed))
    k = 1.0 / np.sqrt(hidden_size)
    return {"weight": rng.uniform(-k, k, size=(output_size, hidden_size)), "bias": np.zeros(output_size)}


def readout_forward(h, weight, bias):
    """``y = h W^T + b``: h ``(B, H)``, weight ``(O, H)``, bias ``(O,)`` -> y ``(B, O)``."""
    return h @ weight.T + bias


def readout_backward(dy, h, weight):
    """Backward of ``readout_forward``: dy ``(B, O)`` = ``∂L/∂y``.

    Returns ``(dh (B, H), dweight (O, H), dbias (O,))`` with ``dh = dy W``, ``dW = dy^T h``,
    ``db = Σ_batch dy``.
    """
    return dy @ weight, dy.T @ h, dy.sum(axis=0)


def mse_loss(y, target):
    """Mean squared error over every entry: y, target ``(B, O)``.

    Returns ``(L, dy)`` with ``L = mean((y − target)²)`` and ``dy = 2 (y − target) / (B·O)`` ``(B, O)``.
    """
    diff = y - target
    return float(np.mean(diff * diff)), (2.0 / diff.size) * diff


def cross_entropy_loss(logits, labels):
    """Softmax cross-entropy averaged over the batch: logits ``(B, K)``, labels ``(B,)`` integers in ``[0, K)``.

    Returns ``(L, dlogits)`` with ``L = −mean log softmax(logits)[label]`` (computed with the log-sum-exp
    shift, so large logits do not overflow) and ``dlogits = (softmax − onehot) / B`` ``(B, K)``.
    """
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_z = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    log_p = shifted - log_z  # (B, K)
    rows = np.arange(logits.shape[0])
    loss = -float(np.mean(log_p[rows, labels])) + 0.0  # + 0.0: a perfect answer gives 0.0, not −0.0
    dlogits = np.exp(log_p)
    dlogits[rows, labels] -= 1.0
    dlogits /= logits.shape[0]
    return loss, dlogits


class SGD:
    """Stochastic gradient descent, optionally with momentum (PyTorch's form).

    ``v ← μ v + g`` and ``θ ← θ − η v`` (``μ = 0``: plain ``θ ← θ − η g``).
    """

    def __init__(self, learning_rate, momentum=0.0):
        self.learning_rate = _positive("learning_rate", learning_rate)
        self.momentum = check_finite_scalar("momentum", momentum)
        if not 0.0 <= self.momentum < 1.0:
            raise ValueError(f"momentum must be in [0, 1); got {momentum!r}")
        self.velocity = {}

    def step(self, params, grads):
        """Update every array of ``params`` in place from the same-named array of ``grads``."""
        for name, grad in grads.items():
            if self.momentum:
                v = self.velocity.setdefault(name, np.zeros_like(grad))
                v *= self.momentum
                v += grad
                grad = v
            params[name] -= self.learning_rate * grad


class Adam:
    """Adam (Kingma & Ba 2015), as ``torch.optim.Adam`` computes it.

    At step ``k`` (from 1): ``m ← β₁ m + (1 − β₁) g``, ``v ← β₂ v + (1 − β₂) g²``,
    ``θ ← θ − η · (m / (1 − β₁^k)) / (√v / √(1 − β₂^k) + ε)``.
    """

    def __init__(self, learning_rate, beta1=0.9, beta2=0.999, eps=1e-8):
        self.learning_rate = _positive("learning_rate", learning_rate)
        self.beta1 = check_finite_scalar("beta1", beta1)
        self.beta2 = check_finite_scalar("beta2", beta2)
        if not (0.0 <= self.beta1 < 1.0 and 0.0 <= self.beta2 < 1.0):
            raise ValueError(f"beta1 and beta2 must be in [0, 1); got {beta1!r}, {beta2!r}")
        self.eps = _positive("eps", eps)
        self.count = 0  # k, the number of steps taken
        self.m = {}
        self.v = {}

    def step(self, params, grads):
        """Update every array of ``params`` in place from the same-named array of ``grads``."""
        self.count += 1
        step_size = self.learning_rate / (1.0 - self.beta1**self.count)
        root_correction = np.sqrt(1.0 - self.beta2**self.count)
        for name, grad in grads.items():
            m = self.m.setdefault(name, np.zeros_like(grad))
            v = self.v.setdefault(name, np.zeros_like(grad))
            m *= self.beta1
            m += (1.0 - self.beta1) * grad
            v *= self.beta2
            v += (1.0 - self.beta2) * grad * grad
            denom = np.sqrt(v)
            denom /= root_correction
            denom += self.eps
            params[name] -= step_size * m / denom


OPTIMIZERS = ("adam", "sgd")


def make_optimizer(name, learning_rate, *, momentum=0.0):
    """``Adam(learning_rate)`` for ``"adam"``, ``SGD(learning_rate, momentum)`` for ``"sgd"``."""
    if name == "adam":
        return Adam(learning_rate)
    if name == "sgd":
        return SGD(learning_rate, momentum)
    raise ValueError(f"optimizer must be one of {OPTIMIZERS}; got {name!r}")


def _positive(name, value):
    value = check_finite_scalar(name, value)
    if value <= 0:
        raise ValueError(f"{name} must be positive; got {value!r}")
    return value
