"""AppTest for the remedies page: defaults, every widget, URL round trip, hostile URLs."""

import pytest

from tests.app.apptest_helpers import assert_healthy, change, open_page, set_to, url_value, warnings_text, widget

PAGE_FILE = "pages/remedies.py"
PAGE = "remedies"


@pytest.mark.parametrize(("lang", "title", "caption"), [
    ("ko", "기울기 문제의 해결책", "total_norm = 21.987874, rate = 0.227398"),
    ("en", "Remedies for unstable gradients", "total_norm = 21.987874, rate = 0.227398"),
])
def test_defaults_render_in_both_languages(lang, title, caption):
    at = open_page(PAGE_FILE, lang=lang)
    assert at.title[0].value == title
    assert caption in at.info[0].value  # seed 3's dW1, dW2 = rand(3, 3) * 10, max_norm 5
    assert len(at.latex) == 4
    assert widget(at, PAGE, "max_norm").value == 5.0


def test_every_widget_changes_the_url():
    at = open_page(PAGE_FILE)
    changes = [
        ("seed", 7, "7"), ("max_norm", 50.0, "50"), ("clip_value", 1.0, "1"), ("eta", 2.5, "2.5"),
        ("cell", "gru", "gru"), ("T", 12, "12"), ("k", 3, "3"), ("H", 4, "4"), ("scale", 1.1, "1.1"),
        ("depth", 50, "50"), ("w", 0.1, "0.1"), ("x0", -1.0, "-1"), ("amplitude", "300", "300"),
    ]
    for name, new_value, expected in changes:
        control = widget(at, PAGE, name)
        change(at, set_to(control, new_value))
        assert_healthy(at)
        assert url_value(at, name) == expected, name
    assert "rate ≥ 1" in at.info[0].value  # max_norm 50 leaves the seed's gradients alone


def test_url_round_trip_restores_widgets():
    query = {"seed": "11", "max_norm": "2.5", "cell": "lstm", "T": "40", "k": "8", "H": "16", "depth": "80",
             "w": "1.5", "x0": "0.5", "scale": "0.9", "clip_value": "3", "eta": "4"}
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, "cell").value == "lstm"
    assert widget(at, PAGE, "T").value == 40 and widget(at, PAGE, "k").value == 8
    assert widget(at, PAGE, "w").value == 1.5
    for name, value in query.items():
        assert url_value(at, name) == value
    assert not at.warning


@pytest.mark.parametrize(("query", "name", "expected"), [
    ({"max_norm": "banana"}, "max_norm", 5.0),
    ({"T": "1e9"}, "T", 100),
    ({"k": "0"}, "k", 1),
    ({"cell": "transformer"}, "cell", "rnn"),
    ({"w": "nan"}, "w", 0.5),
    ({"depth": "9" * 10_000}, "depth", 20),
    ({"amplitude": "7"}, "amplitude", "1"),
])
def test_hostile_urls_are_clamped_or_defaulted_with_a_notice(query, name, expected):
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, name).value == expected
    assert name in warnings_text(at)
