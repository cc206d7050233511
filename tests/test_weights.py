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
    made = setups.make_params("gru", input_size=2, hidden_size=5, uploaded=setups.uploaded_layer(token), scale=0.5)
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


class FakeClock:
    """Seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def stored_layer(seed: int, n_h: int = 4) -> dict[str, np.ndarray]:
    """An RNN layer as the store keeps it (float64: 8 * (H*3 + H*H + 2H) bytes)."""
    return {name.removesuffix("_l0"): value.astype(np.float64) for name, value in layer("rnn", n_h=n_h, seed=seed).items()}


def layer_bytes(params: dict[str, np.ndarray]) -> int:
    return sum(value.nbytes for value in params.values())


def test_the_store_keeps_at_most_max_entries_dropping_the_least_recently_used():
    store = weights.WeightsStore(max_entries=3, max_bytes=2**20, ttl_s=60, clock=FakeClock())
    for seed in range(3):
        assert store.put(f"t{seed}", "rnn", stored_layer(seed))
    assert store.get("t0") is not None  # t0 is now the most recently used; t1 the least
    store.put("t3", "rnn", stored_layer(3))
    assert len(store) == 3
    assert store.get("t1") is None
    assert all(store.get(token) is not None for token in ("t0", "t2", "t3"))


def test_the_store_keeps_at_most_max_bytes():
    size = layer_bytes(stored_layer(0))
    store = weights.WeightsStore(max_entries=100, max_bytes=2 * size + size // 2, ttl_s=60, clock=FakeClock())
    for seed in range(5):
        store.put(f"t{seed}", "rnn", stored_layer(seed))
        assert store.nbytes <= store.max_bytes
    assert len(store) == 2 and store.nbytes == 2 * size
    assert store.get("t4") is not None and store.get("t3") is not None and store.get("t2") is None
    assert not store.put("huge", "rnn", stored_layer(0, n_h=40))  # larger than the whole store: refused
    assert store.get("huge") is None and len(store) == 2


def test_an_unused_upload_expires_and_a_used_one_does_not():
    clock = FakeClock()
    store = weights.WeightsStore(max_entries=10, max_bytes=2**20, ttl_s=100, clock=clock)
    store.put("used", "rnn", stored_layer(0))
    store.put("unused", "rnn", stored_layer(1))
    for _ in range(3):  # 180 s in all, but "used" is looked up every 60 s
        clock.now += 60
        assert store.get("used") is not None
    assert store.get("unused") is None
    assert len(store) == 1 and store.nbytes == layer_bytes(stored_layer(0))
    clock.now += 100
    assert store.get("used") is None and len(store) == 0 and store.nbytes == 0


def test_the_store_hands_out_copies_and_registering_again_replaces():
    store = weights.WeightsStore(max_entries=2, max_bytes=2**20, ttl_s=60, clock=FakeClock())
    params = stored_layer(0)
    store.put("t", "rnn", params)
    params["weight_hh"][:] = 7.0  # the caller's arrays are not the stored ones
    cell, first = store.get("t")
    first["weight_hh"] *= 2.0  # nor are the ones handed out
    assert cell == "rnn" and np.array_equal(store.get("t")[1]["weight_hh"], stored_layer(0)["weight_hh"])
    store.put("t", "gru", stored_layer(5))
    assert len(store) == 1 and store.get("t")[0] == "gru" and store.nbytes == layer_bytes(stored_layer(5))


def test_register_names_weights_by_their_content():
    params = stored_layer(3)
    token = weights.register("rnn", params)
    assert len(token) == 16 and token == weights.token_of("rnn", params)
    assert weights.register("rnn", stored_layer(3)) == token
    assert weights.register("gru", stored_layer(3)) != token  # the cell is part of the name
    assert weights.lookup(weights.NO_WEIGHTS) is None


def test_the_apps_store_fits_a_class_of_the_largest_uploads():
    """Every upload the app accepts fits the store, and the bounds hold a class of 40 typical uploads."""
    largest = 4 * weights.MAX_HIDDEN * (weights.MAX_INPUT + weights.MAX_HIDDEN + 2) * 8  # LSTM, float64
    assert largest < weights.MAX_STORED_BYTES
    typical = 4 * 128 * (64 + 128 + 2) * 8  # an LSTM with H = 128, I = 64
    assert 40 <= weights.MAX_STORED and 40 * typical <= weights.MAX_STORED_BYTES
