"""AppTest for the RNN vs LSTM vs GRU page: defaults, every widget, URL round trip, hostile URLs."""

import pytest

from tests.app.apptest_helpers import assert_healthy, change, open_page, set_to, url_value, warnings_text, widget

PAGE_FILE = "pages/cell_comparison.py"
PAGE = "cell_comparison"


@pytest.mark.parametrize(("lang", "title"), [("ko", "RNN, LSTM, GRU: 기울기는 얼마나 멀리 가는가"),
                                             ("en", "RNN vs LSTM vs GRU: how far the gradient travels")])
def test_defaults_render_in_both_languages(lang, title):
    at = open_page(PAGE_FILE, lang=lang)
    assert at.title[0].value == title
    assert widget(at, PAGE, "forget_bias").value == 1.0  # Keras' unit_forget_bias
    assert widget(at, PAGE, "keep_bias").value == 1.0
    assert "f_t = 0.71" in at.info[0].value  # σ(1) = 0.73 near the zero state
    assert "0.731" in at.info[0].value  # the GRU's untrained keep weight σ(1)


def test_an_old_link_with_forget_bias_0_reproduces_the_failure():
    at = open_page(PAGE_FILE, {"forget_bias": "0", "keep_bias": "0"})
    assert widget(at, PAGE, "forget_bias").value == 0.0
    assert "f_t = 0.49" in at.info[0].value  # σ(0) = 1/2 near the zero state
    assert url_value(at, "forget_bias") == "0"
    assert not at.warning


def test_every_widget_changes_the_url():
    at = open_page(PAGE_FILE)
    changes = (("scale", 0.5, "0.5"), ("forget_bias", 3.0, "3"), ("keep_bias", -1.0, "-1"),
               ("gru_variant", "pytorch", "pytorch"),
               ("init", "xavier", "xavier"), ("input", "sine", "sine"), ("T", 300, "300"), ("H", 32, "32"),
               ("seed", 0, "0"))
    for name, new_value, expected in changes:
        control = widget(at, PAGE, name)
        change(at, set_to(control, new_value))
        assert_healthy(at)
        assert url_value(at, name) == expected
    assert "f_t = 0.9" in at.info[0].value  # σ(3) ≈ 0.95


def test_url_round_trip_restores_widgets():
    query = {"scale": "1.5", "forget_bias": "-2.5", "keep_bias": "2.5", "gru_variant": "pytorch", "init": "pytorch",
             "input": "impulse", "T": "64", "H": "9", "seed": "11"}
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, "forget_bias").value == -2.5
    assert widget(at, PAGE, "input").value == "impulse"
    for name, value in query.items():
        assert url_value(at, name) == value
    assert not at.warning


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [({"forget_bias": "banana"}, "forget_bias", 1.0), ({"forget_bias": "99"}, "forget_bias", 6.0),
     ({"keep_bias": "-inf"}, "keep_bias", 1.0),
     ({"scale": "nan"}, "scale", 1.0), ({"input": "noise"}, "input", "random"),
     ({"T": "9" * 10_000}, "T", 100)],
)
def test_hostile_urls_are_clamped_or_defaulted_with_a_notice(query, name, expected):
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, name).value == expected
    assert name in warnings_text(at)
