"""AppTest for the tanh page: defaults, every widget, URL round trip, hostile URLs."""

import pytest

from tests.app.apptest_helpers import assert_healthy, change, open_page, url_value, warnings_text, widget

PAGE_FILE = "pages/derivatives.py"
PAGE = "derivatives"


@pytest.mark.parametrize(("lang", "title"), [("ko", "tanh와 그 미분"), ("en", "tanh and its derivative")])
def test_defaults_render_in_both_languages(lang, title):
    at = open_page(PAGE_FILE, lang=lang)
    assert at.title[0].value.startswith(title)
    assert widget(at, PAGE, "scale").value == 1.0
    assert widget(at, PAGE, "zmax").value == 5.0
    assert "σ₁(W_hh) = 1.000" in at.info[0].value  # orthogonal W_hh at scale 1


def test_every_widget_changes_the_url():
    at = open_page(PAGE_FILE)
    for name, new_value, expected in (("zmax", 10.0, "10"), ("scale", 1.5, "1.5"), ("T", 200, "200"),
                                      ("H", 64, "64"), ("seed", 0, "0")):
        change(at, widget(at, PAGE, name).set_value(new_value))
        assert_healthy(at)
        assert url_value(at, name) == expected
    assert "σ₁(W_hh) = 1.500" in at.info[0].value


def test_url_round_trip_restores_widgets():
    query = {"zmax": "2.5", "scale": "0.9", "T": "77", "H": "5", "seed": "11"}
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, "zmax").value == 2.5
    assert widget(at, PAGE, "scale").value == 0.9
    assert widget(at, PAGE, "T").value == 77
    for name, value in query.items():
        assert url_value(at, name) == value
    assert not at.warning


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [({"scale": "banana"}, "scale", 1.0), ({"zmax": "1e9"}, "zmax", 10.0), ({"scale": "nan"}, "scale", 1.0),
     ({"H": "9" * 10_000}, "H", 3), ({"T": "-3"}, "T", 1)],
)
def test_hostile_urls_are_clamped_or_defaulted_with_a_notice(query, name, expected):
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, name).value == expected
    assert name in warnings_text(at)
