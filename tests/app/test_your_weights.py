"""AppTest for the "your own weights" page: uploads good and bad, handing the weights to the other pages."""

import io

import numpy as np

from tests.app.apptest_helpers import assert_healthy, open_page, url_value, warnings_text, widget

PAGE_FILE = "pages/your_weights.py"


def npz(n_gates: int = 4, n_in: int = 3, n_h: int = 5, **override) -> bytes:
    rng = np.random.default_rng(0)
    rows = n_gates * n_h
    arrays = {"weight_ih_l0": rng.uniform(-0.4, 0.4, (rows, n_in)), "weight_hh_l0": rng.uniform(-0.4, 0.4, (rows, n_h)),
              "bias_ih_l0": np.zeros(rows), "bias_hh_l0": np.zeros(rows), **override}
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def upload(at, data: bytes, name: str = "layer.npz"):
    at.file_uploader[0].set_value((name, data, "application/octet-stream")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_defaults_render_in_both_languages():
    for lang, title in (("ko", "내가 학습한 가중치로 보기"), ("en", "See your own trained weights")):
        at = open_page(PAGE_FILE, lang=lang)
        assert at.title[0].value == title
        assert at.info and "weight_ih_l0" in at.code[0].value


def test_a_good_upload_is_used_by_the_inside_cells_page():
    at = upload(open_page(PAGE_FILE), npz(n_gates=4))
    assert "LSTM" in at.success[0].value and "H = 5, I = 3" in at.success[0].value
    token = at.session_state["uploaded_weights"]
    at.switch_page("pages/inside_cells.py").run()
    assert_healthy(at)
    assert widget(at, "inside_cells", "cell").value == "lstm"
    assert url_value(at, "weights") == token


def test_bad_uploads_get_a_message_and_keep_the_previous_weights():
    at = upload(open_page(PAGE_FILE, lang="ko"), npz(n_gates=3))  # a GRU first
    token = at.session_state["uploaded_weights"]
    bad_files = {
        "not an npz": (b"just text", "npz"),
        "NaN": (npz(bias_hh_l0=np.full(20, np.nan)), "nan"),
        "wrong names": (npz(weight_ih_l1=np.zeros((20, 3))), "weight_ih_l1"),
        "wrong shape": (npz(n_gates=2), "(G·H, H)"),
    }
    for label, (data, needle) in bad_files.items():
        upload(at, data)
        assert at.error and needle in at.error[0].value, label
        assert at.session_state["uploaded_weights"] == token, label
        assert "GRU" in at.success[0].value  # the page keeps working on the previous weights


def test_pickled_upload_is_refused():
    buffer = io.BytesIO()
    np.savez(buffer, weight_ih_l0=np.array([object()], dtype=object), weight_hh_l0=np.zeros((4, 4)),
             bias_ih_l0=np.zeros(4), bias_hh_l0=np.zeros(4), allow_pickle=True)
    at = upload(open_page(PAGE_FILE), buffer.getvalue())
    assert "pickle" in at.error[0].value
    assert "uploaded_weights" not in at.session_state


def test_forgetting_goes_back_to_generated_weights():
    at = upload(open_page(PAGE_FILE), npz(n_gates=1))
    assert "RNN" in at.success[0].value
    at.button(key="your_weights.forget").click().run()
    assert_healthy(at)
    assert "uploaded_weights" not in at.session_state and not at.success
    at.switch_page("pages/inside_cells.py").run()
    assert url_value(at, "weights") is None and not warnings_text(at)


def test_hostile_weights_token_in_a_link_is_refused_with_a_notice():
    at = open_page("pages/inside_cells.py", {"weights": "<script>alert(1)</script>"})
    assert "weights" in warnings_text(at)
    assert widget(at, "inside_cells", "cell").value == "rnn"
