"""AppTest for the vanishing/exploding page: defaults, every widget, URL round trip, hostile URLs."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.apptest_helpers import (
    APP, assert_healthy, change, open_exports, open_page, set_to, url_value, warnings_text, widget,
)

PAGE_FILE = "pages/vanishing_exploding.py"
PAGE = "vanishing_exploding"


def test_defaults_render_in_both_languages():
    for lang, title in (("ko", "기울기 소실과 기울기 폭발"), ("en", "Vanishing and exploding gradients")):
        at = open_page(PAGE_FILE, lang=lang)
        assert at.title[0].value == title
        assert widget(at, PAGE, "scale").value == 1.5
        assert widget(at, PAGE, "T").value == 20
        assert "ρ = 1.5000" in at.info[0].value  # unit ρ: the page opens exploding, as the book's run
        assert widget(at, PAGE, "scale_unit").value == "rho"


@pytest.mark.parametrize(
    ("name", "new_value", "expected_url"),
    [
        ("init", "randn", "randn"), ("scale_unit", "raw", "raw"), ("scale", 0.5, "0.5"), ("T", 1000, "1000"), ("H", 64, "64"),
        ("N", 16, "16"), ("seed", 0, "0"), ("yaxis", "log", "log"), ("w", 0.9, "0.9"), ("n", 500, "500"),
    ],
)
def test_every_widget_changes_the_url(name, new_value, expected_url):
    at = open_page(PAGE_FILE)
    control = widget(at, PAGE, name)
    change(at, set_to(control, new_value))
    assert_healthy(at)
    assert url_value(at, name) == expected_url


def test_scale_half_is_the_seeds_vanishing_case():
    at = open_page(PAGE_FILE, {"scale_unit": "raw", "scale": "0.5"})
    assert "ρ = 0.7496" in at.info[0].value  # half of the book's run's ρ = 1.49927
    assert "Critical scale = 1/ρ₀ = 0.6670" in at.info[0].value


def test_an_old_link_without_a_unit_reads_its_scale_as_rho():
    at = open_page(PAGE_FILE, {"scale": "0.5", "H": "64"})
    assert "ρ = 0.5000" in at.info[0].value and "threshold is 1" in at.info[0].value
    assert not at.warning


def test_raw_unit_at_H_64_says_the_critical_scale_is_off_the_slider():
    for lang, words in (("en", "off the slider"), ("ko", "슬라이더 밖")):
        at = open_page(PAGE_FILE, {"scale_unit": "raw", "scale": "1", "H": "64"}, lang=lang)
        assert "0.0312" in at.info[0].value and words in at.info[0].value


def test_url_round_trip_restores_widgets():
    query = {"init": "randn", "scale_unit": "raw", "scale": "0.5", "T": "300", "H": "7", "N": "4", "seed": "11", "yaxis": "log",
             "w": "0.9", "n": "120"}
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, "init").value == "randn"
    assert widget(at, PAGE, "scale").value == 0.5
    assert widget(at, PAGE, "T").value == 300
    assert widget(at, PAGE, "seed").value == 11
    assert widget(at, PAGE, "n").value == 120
    for name, value in query.items():
        assert url_value(at, name) == value
    assert not at.warning


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [
        ({"scale": "banana"}, "scale", 1.5),
        ({"scale": "1e9"}, "scale", 3.0),
        ({"scale": "nan"}, "scale", 1.5),
        ({"T": "-5"}, "T", 1),
        ({"T": "2.5"}, "T", 20),
        ({"init": "zeros"}, "init", "rand"),
        ({"scale_unit": "log"}, "scale_unit", "rho"),
        ({"H": "9" * 10_000}, "H", 3),
        ({"seed": "inf"}, "seed", 3),
    ],
)
def test_hostile_urls_are_clamped_or_defaulted_with_a_notice(query, name, expected):
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, name).value == expected
    assert name in warnings_text(at)


def test_hostile_language_falls_back_with_a_notice():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "<script>"
    at.run()
    assert_healthy(at)
    assert at.title[0].value == "rnnviz: gradient flow in RNNs, made visible"
    assert "lang" in warnings_text(at)
    at.switch_page(PAGE_FILE).run()
    assert at.title[0].value == "Vanishing and exploding gradients"


def test_table_is_drawn_only_on_request_and_holds_the_seed_numbers():
    at = open_page(PAGE_FILE, {"scale_unit": "raw", "scale": "1"})
    assert not at.dataframe
    assert not at.toggle and not at.get("download_button")  # closed expanders draw nothing inside
    open_exports(at, "book-norms")
    assert sorted(b.key for b in at.get("download_button")) == sorted(
        f"download.book-norms.{f}" for f in ("csv", "json", "html", "html_static", "png", "svg"))
    assert not at.dataframe
    toggle = next(t for t in at.toggle if t.key == "table.book-norms")
    toggle.set_value(True).run()
    assert_healthy(at)
    table = at.dataframe[0].value
    assert list(table["t"]) == list(range(1, 21))
    assert round(float(table["norm"].iloc[-1]), 6) == 4322.011666  # the seed code's 20th norm
