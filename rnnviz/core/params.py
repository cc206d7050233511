"""Parameter layout, gate order and initialisations.

Layout (PyTorch's, for every cell). A parameter set is a plain dict of float64 arrays::

    weight_ih  (G*H, I)    input-to-hidden weights, G gate blocks stacked along rows
    weight_hh  (G*H, H)    hidden-to-hidden (recurrent) weights, same blocks
    bias_ih    (G*H,)      input-side bias
    bias_hh    (G*H,)      recurrent-side bias

Gate blocks, in this order (rows ``k*H : (k+1)*H`` belong to block ``k``)::

    rnn   G = 1   a               (the pre-activation; a vanilla RNN has no gates)
    lstm  G = 4   i, f, g, o      input gate, forget gate, candidate cell c̃, output gate
    gru   G = 3   r, z, n         reset gate, update gate, candidate state h̃

Mapping to the seeds' notation:

- Seed 001 (lecture slides, column vectors): ``h_t = tanh(W_hh h_{t-1} + W_xh x_t + b_h)`` has
  ``W_xh = weight_ih``, ``W_hh = weight_hh`` and ``b_h = bias_ih + bias_hh``. Its LSTM/GRU write
  ``W_f[h_{t-1}, x_t] + b_f``: ``W_f = [weight_hh_f, weight_ih_f]`` (columns: h first, then x) and
  ``b_f = bias_ih_f + bias_hh_f``, where ``_f`` is the gate's block. Its GRU is the classic
  (Cho et al. 2014) variant: reset before the matrix product, ``h_t = (1 − z) h_{t-1} + z h̃``.
- The book *Deep Learning from Scratch 2* (seed 002, row vectors):
  ``h_t = tanh(h_{t-1} W_h + x_t W_x + b)`` has ``W_x = weight_ih.T`` (I, H),
  ``W_h = weight_hh.T`` (H, H) and ``b = bias_ih + bias_hh``. Seed 000's ``dh @ Wh.T`` is the
  backward of ``h @ Wh``, so its ``Wh`` is ``weight_hh.T`` too. The book's LSTM stacks its gate
  blocks in the order ``f, g, i, o`` (we use ``i, f, g, o``), and the book's GRU puts ``z`` on the
  candidate, ``h_t = (1 − z) h_{t-1} + z h̃`` (as seed 001), whereas the "pytorch" GRU variant
  puts ``z`` on the previous state, ``h_t = (1 − z) h̃ + z h_{t-1}``.
"""

import numpy as np

from rnnviz.core.validate import (
    PARAM_NAMES,
    check_cell,
    check_finite_scalar,
    check_gru_variant,
    check_init,
    check_positive_int,
    check_seed,
)

GATE_NAMES = {"rnn": ("a",), "lstm": ("i", "f", "g", "o"), "gru": ("r", "z", "n")}
INITS = ("pytorch", "xavier", "orthogonal", "identity", "rand", "randn")
IDENTITY_INPUT_STD = 0.001  # IRNN (Le, Jaitly & Hinton 2015): input weights N(0, 0.001²)


def gate_names(cell):
    """Names of the ``G`` blocks of ``cell`` in layout order: rnn ``("a",)``, lstm ``("i", "f", "g", "o")``, gru ``("r", "z", "n")``."""
    return GATE_NAMES[check_cell(cell)]


def gate_count(cell):
    """``G``, the number of stacked blocks: rnn 1, lstm 4, gru 3."""
    return len(gate_names(cell))


def gate_block(array, gate, cell):
    """The rows of ``array`` (any of the four parameters, shape ``(G*H, ...)``) belonging to ``gate``.

    Returns a view of shape ``(H, ...)``, e.g. ``gate_block(params["weight_hh"], "f", "lstm")`` is
    the forget gate's ``(H, H)`` recurrent matrix.
    """
    names = gate_names(cell)
    if gate not in names:
        raise ValueError(f"gate must be one of {names} for cell {cell!r}; got {gate!r}")
    array = np.asarray(array)
    rows = array.shape[0] if array.ndim else 0
    if array.ndim not in (1, 2) or rows == 0 or rows % len(names):
        raise ValueError(
            f"array must have shape (G*H,) or (G*H, K) with G = {len(names)} for cell {cell!r}; "
            f"got {array.shape}"
        )
    hidden = rows // len(names)
    k = names.index(gate)
    return array[k * hidden : (k + 1) * hidden]


def init_params(cell, input_size, hidden_size, *, init="pytorch", scale=1.0, forget_bias=0.0, update_bias=0.0,
                seed=0):
    """A fresh, deterministic parameter dict for ``cell`` (keys and shapes in the module docstring).

    ``init``:

    - ``"pytorch"``: every entry of all four arrays ~ U(−1/√H, 1/√H), as ``torch.nn.RNN/LSTM/GRU``.
    - ``"xavier"``: Glorot uniform per gate block, ``U(−a, a)`` with ``a = √(6 / (fan_in + H))``
      (fan_in = I for ``weight_ih``, H for ``weight_hh``); zero biases.
    - ``"orthogonal"``: each recurrent block is the Q of a QR factorisation of a standard-normal
      (H, H) matrix, signs fixed so that diag(R) > 0; ``weight_ih`` Xavier; zero biases.
    - ``"identity"``: IRNN (Le et al. 2015): each recurrent block is the (H, H) identity,
      ``weight_ih`` ~ N(0, 0.001²); zero biases. Meant for ``nonlinearity="relu"``.
    - ``"rand"`` / ``"randn"``: the seeds' ``np.random.rand`` / ``np.random.randn``, drawn from the
      legacy ``np.random.RandomState(seed)`` in the book's row-vector shapes and transposed: for each
      block in layout order ``Wh = rand(H, H)`` gives ``weight_hh`` block ``Wh.T``; then for each block
      ``Wx = rand(I, H)`` gives ``weight_ih`` block ``Wx.T``; zero biases. So for the rnn,
      ``init="rand", seed=3`` gives ``weight_hh = Wh.T`` with seed 000's
      ``np.random.seed(3); Wh = np.random.rand(H, H)``.

    All other inits draw from ``np.random.default_rng(seed)``. Afterwards ``weight_hh`` (all blocks) is
    multiplied by ``scale`` (seed 000's ``rand(H, H) * 0.5`` is ``scale=0.5``), ``forget_bias`` is
    added to the forget-gate block of ``bias_hh`` (LSTM only; Keras' ``unit_forget_bias`` is 1) and
    ``update_bias`` to the update-gate (``z``) block of ``bias_hh`` (GRU only). Non-zero for another
    cell is an error.

    Which sign of ``update_bias`` keeps the old state depends on the GRU variant (a forward option,
    unknown here): the classic GRU keeps ``h_{t-1}`` with weight ``1 − z`` (a negative bias keeps), the
    pytorch GRU with weight ``z`` (a positive bias keeps). :func:`gru_keep_bias` gives the signed value.
    """
    cell = check_cell(cell)
    n_in = check_positive_int("input_size", input_size)
    n_h = check_positive_int("hidden_size", hidden_size)
    init = check_init(init, INITS)
    scale = check_finite_scalar("scale", scale)
    forget_bias = check_finite_scalar("forget_bias", forget_bias)
    update_bias = check_finite_scalar("update_bias", update_bias)
    seed = check_seed(seed)
    if forget_bias != 0.0 and cell != "lstm":
        raise ValueError(f"forget_bias applies only to cell 'lstm'; got forget_bias={forget_bias} for cell {cell!r}")
    if update_bias != 0.0 and cell != "gru":
        raise ValueError(f"update_bias applies only to cell 'gru'; got update_bias={update_bias} for cell {cell!r}")
    n_g = gate_count(cell)

    if init in ("rand", "randn"):
        params = _legacy_init(init, n_g, n_in, n_h, seed)
    else:
        params = _generator_init(init, n_g, n_in, n_h, np.random.default_rng(seed))

    params["weight_hh"] *= scale
    if cell == "lstm":
        gate_block(params["bias_hh"], "f", "lstm")[...] += forget_bias
    if cell == "gru":
        gate_block(params["bias_hh"], "z", "gru")[...] += update_bias
    return params


def gru_keep_bias(keep_bias, gru_variant):
    """The ``update_bias`` that moves the GRU's keep weight towards ``σ(keep_bias)`` at zero input and state.

    The keep weight multiplies ``h_{t-1}``: ``1 − z`` in the classic GRU (``h = (1 − z) h_{t-1} + z h̃``),
    so the bias is ``−keep_bias``; ``z`` in the pytorch GRU (``h = (1 − z) n + z h_{t-1}``), so
    ``+keep_bias``. ``gru_keep_bias(1, v)`` is the GRU's counterpart of an LSTM ``forget_bias`` of 1.
    """
    keep_bias = check_finite_scalar("keep_bias", keep_bias)
    return -keep_bias if check_gru_variant(gru_variant) == "classic" else keep_bias


def _generator_init(init, n_g, n_in, n_h, rng):
    if init == "pytorch":
        k = 1.0 / np.sqrt(n_h)
        return {
            "weight_ih": rng.uniform(-k, k, size=(n_g * n_h, n_in)),
            "weight_hh": rng.uniform(-k, k, size=(n_g * n_h, n_h)),
            "bias_ih": rng.uniform(-k, k, size=n_g * n_h),
            "bias_hh": rng.uniform(-k, k, size=n_g * n_h),
        }
    if init == "identity":
        weight_ih = rng.normal(0.0, IDENTITY_INPUT_STD, size=(n_g * n_h, n_in))
    else:
        weight_ih = np.concatenate([_xavier(rng, n_h, n_in) for _ in range(n_g)])
    if init == "xavier":
        blocks = [_xavier(rng, n_h, n_h) for _ in range(n_g)]
    elif init == "orthogonal":
        blocks = [_orthogonal(rng, n_h) for _ in range(n_g)]
    else:  # identity
        blocks = [np.eye(n_h) for _ in range(n_g)]
    return {
        "weight_ih": weight_ih,
        "weight_hh": np.concatenate(blocks),
        "bias_ih": np.zeros(n_g * n_h),
        "bias_hh": np.zeros(n_g * n_h),
    }


def _legacy_init(init, n_g, n_in, n_h, seed):
    rs = np.random.RandomState(seed)
    draw = rs.rand if init == "rand" else rs.randn
    w_h = [draw(n_h, n_h).T for _ in range(n_g)]  # the book's Wh (H, H) is applied as h @ Wh
    w_x = [draw(n_in, n_h).T for _ in range(n_g)]  # the book's Wx (I, H) is applied as x @ Wx
    return {
        "weight_ih": np.ascontiguousarray(np.concatenate(w_x)),
        "weight_hh": np.ascontiguousarray(np.concatenate(w_h)),
        "bias_ih": np.zeros(n_g * n_h),
        "bias_hh": np.zeros(n_g * n_h),
    }


def _xavier(rng, fan_out, fan_in):
    a = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-a, a, size=(fan_out, fan_in))


def _orthogonal(rng, n):
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.diag(r))  # scales column j of Q by sign(R_jj): unique, Haar-distributed
