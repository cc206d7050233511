"""AppTest for the inside-cells page: defaults, every widget, URL round trip, hostile URLs, uploaded weights."""

from streamlit.testing.v1 import AppTest

from rnnviz import core, weights
from tests.app.apptest_helpers import (
    APP, TIMEOUT, assert_healthy, change, open_page, set_to, url_value, warnings_text, widget,
)

PAGE_FILE = "pages/inside_cells.py"
PAGE = "inside_cells"


def latex_text(at: AppTest) -> str:
    return " ".join(element.value for element in at.latex)


def test_defaults_render_in_both_languages():
    for lang, title in (("ko", "RNN, LSTM, GRU 셀의 내부"), ("en", "Inside the RNN, LSTM and GRU cells")):
        at = open_page(PAGE_FILE, lang=lang)
        assert at.title[0].value == title
        assert widget(at, PAGE, "cell").value == "rnn"
        assert widget(at, PAGE, "step").value == 1
        assert r"h_{1} = \tanh(a_{1})" in latex_text(at)
        assert not at.warning


def test_every_widget_changes_the_url_and_the_equations():
    at = open_page(PAGE_FILE)
    changes = [("cell", "lstm", "lstm"), ("gru_variant", "pytorch", "pytorch"), ("T", 40, "40"),
               ("H", 8, "8"), ("scale", 2.5, "2.5"), ("seed", 11, "11"), ("step", 7, "7"),
               ("input", "tom", "tom")]
    for name, new_value, expected in changes:
        control = widget(at, PAGE, name)
        change(at, set_to(control, new_value))
        assert_healthy(at)
        assert url_value(at, name) == expected, name
    assert r"c_{7} = f_{7}" in latex_text(at)  # the LSTM's equations at step 7
    assert r"\cdots" in latex_text(at)  # H = 8 > 4: the first units only
    change(at, widget(at, PAGE, "cell").set_value("gru"))
    assert r"n_{7} = \tanh" in latex_text(at)  # the pytorch GRU variant


def test_url_round_trip_restores_widgets():
    query = {"cell": "gru", "gru_variant": "pytorch", "input": "sine", "T": "30", "H": "5", "scale": "0.5",
             "seed": "42", "step": "12"}
    at = open_page(PAGE_FILE, query)
    for name, value in query.items():
        assert url_value(at, name) == value
    assert widget(at, PAGE, "step").value == 12 and widget(at, PAGE, "input").value == "sine"
    assert r"h_{12}" in latex_text(at)
    assert not at.warning


def test_hostile_urls_are_clamped_or_defaulted_with_a_notice():
    query = {"input": "banana", "T": "abc", "H": "9" * 10_000, "scale": "nan", "seed": "1e9", "cell": "<b>x</b>"}
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, "input").value == "random"
    assert widget(at, PAGE, "T").value == 20
    assert widget(at, PAGE, "H").value == 3
    assert widget(at, PAGE, "scale").value == 1.0
    assert widget(at, PAGE, "seed").value == 9999
    assert widget(at, PAGE, "cell").value == "rnn"
    notices = warnings_text(at)
    for name in query:
        assert f"`{name}`" in notices, name


def test_a_step_beyond_the_sentence_is_clamped_to_its_last_word():
    at = open_page(PAGE_FILE, {"input": "writer_of_the_books", "step": "999"})
    assert widget(at, PAGE, "step").value == 6  # "The writer of the books ?" has 6 tokens
    assert url_value(at, "step") == "6"
    assert r"h_{6}" in latex_text(at)


def test_an_unknown_weights_token_falls_back_with_a_notice():
    at = open_page(PAGE_FILE, {"weights": "0123456789abcdef"})
    assert "0123456789abcdef" in warnings_text(at)
    assert r"h_{1} = \tanh(a_{1})" in latex_text(at)  # generated weights still drawn


def test_uploaded_weights_in_the_session_are_picked_up():
    params = core.init_params("lstm", 2, 5, seed=1)
    token = weights.register("lstm", params)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    at.run()
    at.session_state["uploaded_weights"] = token
    at.switch_page(PAGE_FILE).run()
    assert_healthy(at)
    assert widget(at, PAGE, "cell").value == "lstm"
    assert url_value(at, "weights") == token
    assert any("uploaded LSTM weights (H = 5, I = 2" in info.value for info in at.info)
    assert r"c_{1} = f_{1}" in latex_text(at)
