"""AppTest for the scaling sweep page: defaults, every widget, URL round trip, hostile URLs."""

import pytest

from tests.app.apptest_helpers import assert_healthy, change, open_page, set_to, url_value, warnings_text, widget

PAGE_FILE = "pages/scale_sweep.py"
PAGE = "scale_sweep"


@pytest.mark.parametrize(("lang", "title"), [("ko", "W_hh의 스케일을 훑어보기"), ("en", "Sweeping the scale of W_hh")])
def test_defaults_render_in_both_languages(lang, title):
    at = open_page(PAGE_FILE, lang=lang)
    assert at.title[0].value == title
    assert widget(at, PAGE, "cell").value == "rnn"
    assert widget(at, PAGE, "n_scales").value == 60
    assert "s* = 1.0000" in at.info[0].value  # orthogonal W_hh, tanh, zero biases


@pytest.mark.parametrize(("lang", "words"), [("ko", "ReLU의 도함수"), ("en", "ReLU's derivative is 1")])
def test_relu_says_in_words_why_there_is_no_critical_scale(lang, words):
    at = open_page(PAGE_FILE, {"nonlinearity": "relu", "T": "20"}, lang=lang)
    assert words in at.info[0].value and "—" not in at.info[0].value


def test_every_widget_changes_the_url():
    at = open_page(PAGE_FILE)
    changes = (("cell", "gru", "gru"), ("gru_variant", "pytorch", "pytorch"), ("nonlinearity", "relu", "relu"),
               ("init", "xavier", "xavier"), ("input", "impulse", "impulse"), ("T", 40, "40"), ("H", 8, "8"),
               ("smax", 2.0, "2"), ("n_scales", 10, "10"), ("seed", 0, "0"))
    for name, new_value, expected in changes:
        control = widget(at, PAGE, name)
        change(at, set_to(control, new_value))
        assert_healthy(at)
        assert url_value(at, name) == expected
    assert url_value(at, "weights") is None  # hidden; set only by the upload page


def test_url_round_trip_restores_widgets():
    query = {"cell": "lstm", "init": "pytorch", "input": "sine", "T": "50", "H": "7", "smax": "2.5",
             "n_scales": "12", "seed": "11"}
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, "cell").value == "lstm"
    assert widget(at, PAGE, "smax").value == 2.5
    assert widget(at, PAGE, "n_scales").value == 12
    for name, value in query.items():
        assert url_value(at, name) == value
    assert not at.warning


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [({"smax": "banana"}, "smax", 3.0), ({"T": "1e9"}, "T", 1000), ({"smax": "nan"}, "smax", 3.0),
     ({"cell": "transformer"}, "cell", "rnn"), ({"H": "9" * 10_000}, "H", 16), ({"n_scales": "-4"}, "n_scales", 5)],
)
def test_hostile_urls_are_clamped_or_defaulted_with_a_notice(query, name, expected):
    at = open_page(PAGE_FILE, {**query, "H": query.get("H", "4")} if name == "T" else query)
    assert widget(at, PAGE, name).value == expected
    assert name in warnings_text(at)


def test_unknown_weights_token_falls_back_to_generated_weights():
    at = open_page(PAGE_FILE, {"weights": "0123456789abcdef", "T": "10"})
    assert "s* = 1.0000" in at.info[0].value
