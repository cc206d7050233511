"""AppTest for the architectures page: defaults, every widget, URL round trip, hostile URLs."""

import pytest

from tests.app.apptest_helpers import assert_healthy, change, charts, open_page, set_to, url_value, warnings_text, widget

PAGE_FILE = "pages/architectures.py"
PAGE = "architectures"


@pytest.mark.parametrize(("lang", "title"), [("ko", "RNN의 구조: 여러 층, 양방향, 입력과 출력의 모양"),
                                             ("en", "RNN architectures: stacked, bidirectional, input and output shapes")])
def test_defaults_render_in_both_languages(lang, title):
    at = open_page(PAGE_FILE, lang=lang)
    assert at.title[0].value == title
    assert set(charts(at)) == {"stacked", "bidirectional", "io-shapes", "unfolded-view"}
    assert widget(at, PAGE, "layers").value == 3
    assert len(at.latex) == 3


def test_every_widget_changes_the_url_and_reruns_only_its_charts():
    at = open_page(PAGE_FILE)
    changes = (("cell", "gru", "gru"), ("layers", 5, "5"), ("T", 40, "40"), ("H", 8, "8"), ("scale", 0.5, "0.5"),
               ("forget_bias", 2.0, "2"), ("keep_bias", 0.0, "0"), ("gru_variant", "pytorch", "pytorch"),
               ("seed", 7, "7"), ("position", 3, "3"))
    for name, value, expected in changes:
        change(at, set_to(widget(at, PAGE, name), value))
        assert_healthy(at)
        assert url_value(at, name) == expected, name


def test_url_round_trip_restores_widgets():
    query = {"cell": "lstm", "layers": "6", "T": "12", "H": "5", "scale": "1.2", "position": "11", "seed": "4"}
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, "layers").value == 6 and widget(at, PAGE, "cell").value == "lstm"
    for name, value in query.items():
        assert url_value(at, name) == value
    assert not at.warning


@pytest.mark.parametrize(("query", "name", "expected"), [
    ({"layers": "7"}, "layers", 6), ({"layers": "banana"}, "layers", 3), ({"position": "-1"}, "position", 0),
    ({"cell": "transformer"}, "cell", "rnn"), ({"T": "9" * 10_000}, "T", 30),
])
def test_hostile_urls_are_clamped_or_defaulted_with_a_notice(query, name, expected):
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, name).value == expected
    assert name in warnings_text(at)
