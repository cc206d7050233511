"""AppTest for the worked-examples page: defaults, every widget, the bit-string box, URL round trip, hostile URLs."""

import pytest

from tests.app.apptest_helpers import assert_healthy, change, open_page, set_to, url_value, warnings_text, widget

PAGE_FILE = "pages/worked_examples.py"
PAGE = "worked_examples"


def bits_box(at):
    return next(box for box in at.text_input if box.key == f"{PAGE}.bits")


@pytest.mark.parametrize(("lang", "title"), [("ko", "손으로 계산하는 순환 신경망"), ("en", "Recurrent computations by hand")])
def test_defaults_render_in_both_languages(lang, title):
    at = open_page(PAGE_FILE, lang=lang)
    assert at.title[0].value == title
    assert "0,1,1,0,1,1,0,0,1,0" in at.info[0].value  # the seed's parity bits
    assert "h_4 &= 1\\cdot(1) + 1\\cdot(2.5) = 3.5" in at.latex[0].value
    assert bits_box(at).value == "0101101011"


def test_every_widget_changes_the_url():
    at = open_page(PAGE_FILE)
    for name, new_value, expected in [("wh", 0.5, "0.5"), ("u", 1.0, "1"), ("w", -0.5, "-0.5"), ("v", 2.0, "2"),
                                      ("loss", "last", "last")]:
        control = widget(at, PAGE, name)
        change(at, set_to(control, new_value))
        assert_healthy(at)
        assert url_value(at, name) == expected, name
    bits_box(at).input("1111").run()
    assert_healthy(at)
    assert url_value(at, "bits") == "1111"
    assert "1,0,1,0" in at.info[0].value


def test_typed_bits_that_are_not_binary_keep_the_default_with_a_warning():
    at = open_page(PAGE_FILE)
    bits_box(at).input("10201").run()
    assert not at.exception
    assert "bits" in warnings_text(at)
    assert "0,1,1,0,1,1,0,0,1,0" in at.info[0].value


def test_url_round_trip_restores_widgets():
    query = {"wh": "-1.5", "bits": "110", "u": "-2", "w": "2.5", "v": "0.3", "loss": "last"}
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, "wh").value == -1.5 and bits_box(at).value == "110"
    assert "1,0,0" in at.info[0].value
    for name, value in query.items():
        assert url_value(at, name) == value
    assert not at.warning


@pytest.mark.parametrize(("query", "name"), [
    ({"wh": "banana"}, "wh"), ({"u": "1e9"}, "u"), ({"loss": "mse"}, "loss"), ({"w": "nan"}, "w"),
    ({"bits": "1" * 10_000}, "bits"), ({"bits": "<script>"}, "bits"),
])
def test_hostile_urls_are_clamped_or_defaulted_with_a_notice(query, name):
    at = open_page(PAGE_FILE, query)
    assert name in warnings_text(at)
    assert "0,1,1,0,1,1,0,0,1,0" in at.info[0].value or name != "bits"
