"""AppTest for the dynamics page: defaults, every widget, URL round trip, hostile URLs."""

import pytest

from tests.app.apptest_helpers import assert_healthy, change, open_page, url_value, warnings_text, widget

PAGE_FILE = "pages/dynamics.py"
PAGE = "dynamics"


@pytest.mark.parametrize(("lang", "title"), [("ko", "역학계로 본 RNN"), ("en", "An RNN as a dynamical system")])
def test_defaults_render_in_both_languages(lang, title):
    at = open_page(PAGE_FILE, lang=lang)
    assert at.title[0].value == title
    equations = " ".join(block.value for block in at.latex)
    for exact in ("0.18377", "0.36754", "0.81623", "1.63246"):
        assert exact in equations
    assert "0.17" in " ".join(m.value for m in at.markdown)  # the seed's approximation, named beside the exact


def test_every_widget_changes_the_url():
    at = open_page(PAGE_FILE)
    for name, new_value, expected in [("n_max", 8, "8"), ("c", 0.25, "0.25"), ("x0", 0.82, "0.82"),
                                      ("steps", 200, "200")]:
        change(at, widget(at, PAGE, name).set_value(new_value))
        assert_healthy(at)
        assert url_value(at, name) == expected, name
    assert "0.50000" in " ".join(block.value for block in at.latex)  # c = 1/4: sink = source = 1/2


def test_url_round_trip_restores_widgets():
    query = {"n_max": "6", "c": "-0.3", "x0": "-1.1", "steps": "50"}
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, "c").value == -0.3 and widget(at, PAGE, "steps").value == 50
    for name, value in query.items():
        assert url_value(at, name) == value
    assert not at.warning


@pytest.mark.parametrize(("query", "name", "expected"), [
    ({"c": "0.3"}, "c", 0.25), ({"c": "banana"}, "c", 0.15), ({"x0": "nan"}, "x0", 0.6),
    ({"steps": "-4"}, "steps", 1), ({"n_max": "9" * 10_000}, "n_max", 4), ({"n_max": "2.5"}, "n_max", 4),
])
def test_hostile_urls_are_clamped_or_defaulted_with_a_notice(query, name, expected):
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, name).value == expected
    assert name in warnings_text(at)
