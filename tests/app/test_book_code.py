"""AppTest for the book-code page (seed 002): defaults, every widget, URL round trip, hostile URLs."""

import pytest

from tests.app.apptest_helpers import assert_healthy, change, open_page, url_value, warnings_text, widget

PAGE_FILE = "pages/book_code.py"
PAGE = "book_code"


@pytest.mark.parametrize(("lang", "title", "runs", "you_say"), [
    ("ko", "책의 코드: RNN 계층의 역전파와 RNNLM", "B = I = H = 3: 블로그 코드는 오류 없이", "'you' 다음으로 모델은 'say'"),
    ("en", "The book's code: the RNN layer's backward and the RNNLM", "B = I = H = 3: the seed's code runs",
     "after 'you' the model predicts 'say'"),
])
def test_defaults_render_in_both_languages(lang, title, runs, you_say):
    at = open_page(PAGE_FILE, lang=lang)
    assert at.title[0].value == title
    assert runs in at.info[0].value
    assert you_say in at.success[0].value
    assert len(at.code) == 2 and '"dh_prev": dt @ Wh.T' in at.code[0].value  # the correct dh_prev
    seed_dh_prev = next(line for line in at.code[1].value.splitlines() if '"dh_prev"' in line)
    assert "x.T @ dt" in seed_dh_prev and "✗" in seed_dh_prev  # the seed's dh_prev, marked wrong
    assert len(at.latex) == 5
    assert widget(at, PAGE, "B").value == 3 and widget(at, PAGE, "steps").value == 150


def test_every_widget_changes_the_url():
    at = open_page(PAGE_FILE)
    changes = [("B", 2, "2"), ("I", 5, "5"), ("H", 4, "4"), ("seed", 7, "7"), ("lm_H", 8, "8"), ("steps", 1, "1")]
    for name, new_value, expected in changes:
        change(at, widget(at, PAGE, name).set_value(new_value))
        assert_healthy(at)
        assert url_value(at, name) == expected, name
    assert "B = 2, I = 5, H = 4" in at.info[0].value  # unequal sizes: the seed's arrays have wrong shapes


def test_url_round_trip_restores_widgets():
    query = {"B": "4", "I": "4", "H": "4", "seed": "11", "lm_H": "2", "steps": "300"}
    at = open_page(PAGE_FILE, query)
    for name, value in query.items():
        assert widget(at, PAGE, name).value == int(value)
        assert url_value(at, name) == value
    assert "B = I = H = 4" in at.info[0].value
    assert not at.warning


@pytest.mark.parametrize(("query", "name", "expected"), [
    ({"B": "banana"}, "B", 3),
    ({"steps": "1e9"}, "steps", 1000),
    ({"H": "0"}, "H", 1),
    ({"lm_H": "nan"}, "lm_H", 5),
    ({"I": "2.5"}, "I", 3),
    ({"seed": "9" * 10_000}, "seed", 3),
])
def test_hostile_urls_are_clamped_or_defaulted_with_a_notice(query, name, expected):
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, name).value == expected
    assert name in warnings_text(at)
