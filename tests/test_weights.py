"""Uploaded weights: load_npz accepts exactly one PyTorch layer's state_dict and rejects everything else."""

from __future__ import annotations

import io

import numpy as np
import pytest

from rnnviz import core, setups, weights
from rnnviz.i18n import strings, t

GATES = {"rnn": 1, "lstm": 4, "gru": 3}


def layer(cell: str, n_in: int = 3, n_h: int = 4, seed: int = 0) -> dict[str, np.ndarray]:
    """Arrays shaped like torch.nn.RNN/LSTM/GRU(n_in, n_h).state_dict(), float32 as torch stores them."""
    rng = np.random.default_rng(seed)
    rows = GATES[cell] * n_h
    bound = 1.0 / np.sqrt(n_h)
    shapes = {"weight_ih_l0": (rows, n_in), "weight_hh_l0": (rows, n_h), "bias_ih_l0": (rows,), "bias_hh_l0": (rows,)}
    return {name: rng.uniform(-bound, bound, shape).astype(np.float32) for name, shape in shapes.items()}


def npz_bytes(arrays: dict[str, np.ndarray], compressed: bool = False, **kwargs) -> bytes:
    buffer = io.BytesIO()
    (np.savez_compressed if compressed else np.savez)(buffer, **arrays, **kwargs)
    return buffer.getvalue()


def rejected(data, reason: str, **kwargs) -> weights.WeightsError:
    with pytest.raises(weights.WeightsError) as info:
        weights.load_npz(data, **kwargs)
    assert info.value.reason == reason, str(info.value)
    assert isinstance(info.value, ValueError)
    for lang in ("ko", "en"):  # the page can show every rejection in both languages
        assert t(info.value.key, lang, **info.value.values)
    return info.value


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("compressed", [False, True])
def test_a_pytorch_layer_round_trips_with_its_cell_inferred(cell, compressed):
    arrays = layer(cell)
    found_cell, params = weights.load_npz(npz_bytes(arrays, compressed))
    assert found_cell == cell
    assert set(params) == {"weight_ih", "weight_hh", "bias_ih", "bias_hh"}
    for name, value in params.items():
        assert value.dtype == np.float64
        assert np.array_equal(value, arrays[f"{name}_l0"].astype(np.float64))


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def test_loaded_lstm_runs_pytorchs_equations():
    """PyTorch's documented LSTM step, written out here, agrees with the engine on the loaded weights."""
    arrays = layer("lstm", n_in=3, n_h=4, seed=1)
    cell, params = weights.load_npz(npz_bytes(arrays))
    x = np.random.default_rng(2).standard_normal((5, 1, 3))
    w_ih, w_hh = arrays["weight_ih_l0"].astype(float), arrays["weight_hh_l0"].astype(float)
    b = arrays["bias_ih_l0"].astype(float) + arrays["bias_hh_l0"].astype(float)
    h, c = np.zeros(4), np.zeros(4)
    for step in range(5):
        i, f, g, o = np.split(w_ih @ x[step, 0] + w_hh @ h + b, 4)
        c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
        h = _sigmoid(o) * np.tanh(c)
    assert np.allclose(core.forward(cell, params, x).h[-1, 0], h, atol=1e-12)


def test_loaded_gru_runs_pytorchs_equations_with_the_pytorch_variant():
    arrays = layer("gru", n_in=2, n_h=3, seed=4)
    cell, params = weights.load_npz(npz_bytes(arrays))
    x = np.random.default_rng(5).standard_normal((6, 1, 2))
    w_ih, w_hh = arrays["weight_ih_l0"].astype(float), arrays["weight_hh_l0"].astype(float)
    b_ih, b_hh = arrays["bias_ih_l0"].astype(float), arrays["bias_hh_l0"].astype(float)
    h = np.zeros(3)
    for step in range(6):
        xr, xz, xn = np.split(w_ih @ x[step, 0] + b_ih, 3)
        hr, hz, hn = np.split(w_hh @ h + b_hh, 3)
        r, z = _sigmoid(xr + hr), _sigmoid(xz + hz)
        n = np.tanh(xn + r * hn)
        h = (1 - z) * n + z * h
    assert np.allclose(core.forward(cell, params, x, gru_variant="pytorch").h[-1, 0], h, atol=1e-12)


def test_registered_weights_are_what_the_pages_unroll():
    cell, params = weights.load_npz(npz_bytes(layer("gru", n_in=2, n_h=5)))
    token = weights.register(cell, params)
    made = setups.make_params("gru", input_size=2, hidden_size=5, weights_token=token, scale=0.5)
    assert np.array_equal(made["weight_ih"], params["weight_ih"])
    assert np.array_equal(made["weight_hh"], 0.5 * params["weight_hh"])
    assert weights.lookup("fedcba9876543210") is None


def test_not_an_npz_is_rejected():
    rejected(b"", "not_npz")
    rejected(b"hello, I am a text file", "not_npz")
    rejected("weights.npz", "not_npz")  # a str, not bytes
    buffer = io.BytesIO()
    np.save(buffer, np.zeros(3))  # a bare .npy, not an archive
    rejected(buffer.getvalue(), "not_npz")
    rejected(b"PK\x03\x04" + b"\x00" * 60, "not_npz")  # a damaged zip


def test_too_large_files_and_zip_bombs_are_rejected():
    data = npz_bytes(layer("lstm"))
    error = rejected(data, "too_large", max_bytes=len(data) - 1)
    assert error.values["size"] == len(data)
    bomb = npz_bytes({**layer("rnn"), "padding": np.zeros(weights.MAX_UNPACKED_BYTES // 8 + 1)}, compressed=True)
    assert len(bomb) < weights.MAX_BYTES  # small on the wire, huge once unpacked
    rejected(bomb, "too_large")


def test_pickled_object_arrays_are_never_loaded():
    arrays = layer("rnn")
    arrays["weight_hh_l0"] = np.array([{"evil": 1}, [1, 2]], dtype=object)
    error = rejected(npz_bytes(arrays, allow_pickle=True), "pickled")
    assert error.values["name"] == "weight_hh_l0"


@pytest.mark.parametrize(("change", "missing", "extra"), [
    (lambda a: a.pop("bias_hh_l0"), "bias_hh_l0", "-"),
    (lambda a: a.update(weight_ih_l1=a["weight_ih_l0"]), "-", "weight_ih_l1"),
    (lambda a: a.update(weight_ih_l0_reverse=a.pop("weight_ih_l0")), "weight_ih_l0", "weight_ih_l0_reverse"),
])
def test_wrong_names_are_listed(change, missing, extra):
    arrays = layer("lstm")
    change(arrays)
    error = rejected(npz_bytes(arrays), "names")
    assert (error.values["missing"], error.values["extra"]) == (missing, extra)


@pytest.mark.parametrize("change", [
    lambda a: a.update(weight_hh_l0=np.zeros((8, 4)), weight_ih_l0=np.zeros((8, 3)),
                       bias_ih_l0=np.zeros(8), bias_hh_l0=np.zeros(8)),  # G = 2: no such cell
    lambda a: a.update(weight_ih_l0=np.zeros((5, 3))),  # rows differ from weight_hh
    lambda a: a.update(bias_ih_l0=np.zeros((16, 1))),  # a bias must be 1-D
    lambda a: a.update(weight_hh_l0=np.zeros(16)),  # 1-D recurrent matrix
    lambda a: a.update(weight_hh_l0=np.zeros((16, 0))),  # H = 0
])
def test_wrong_shapes_are_rejected(change):
    arrays = layer("lstm")
    change(arrays)
    assert "weight" in rejected(npz_bytes(arrays), "shape").values["shapes"]


@pytest.mark.parametrize("bad", [np.zeros((4, 4), dtype=complex), np.zeros((4, 4), dtype=bool),
                                 np.full((4, 4), "a")])
def test_non_real_dtypes_are_rejected(bad):
    arrays = layer("rnn")
    arrays["weight_hh_l0"] = bad
    assert rejected(npz_bytes(arrays), "dtype").values["name"] == "weight_hh_l0"


@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
def test_non_finite_values_are_rejected(value):
    arrays = layer("gru")
    arrays["bias_ih_l0"][2] = value
    assert rejected(npz_bytes(arrays), "not_finite").values["name"] == "bias_ih_l0"


def test_layers_beyond_the_apps_sizes_are_rejected():
    rejected(npz_bytes(layer("rnn", n_in=2, n_h=weights.MAX_HIDDEN + 1)), "too_big_layer")


def test_every_rejection_has_a_message_in_both_languages():
    for reason in ("too_large", "not_npz", "names", "pickled", "dtype", "not_finite", "shape", "too_big_layer"):
        text = strings()[f"your_weights.error.{reason}"]
        assert text.ko and text.en and text.ko != text.en
