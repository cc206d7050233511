"""AppTest for the unrolled-graph page: defaults, every widget, URL round trip, hostile URLs."""

import pytest

from tests.app.apptest_helpers import assert_healthy, change, charts, open_page, set_to, url_value, warnings_text, widget

PAGE_FILE = "pages/unrolled_graph.py"
PAGE = "unrolled_graph"


def test_defaults_render_in_both_languages():
    for lang, title in (("ko", "펼친 계산 그래프"), ("en", "The unrolled graph")):
        at = open_page(PAGE_FILE, lang=lang)
        assert at.title[0].value.startswith(title)
        assert widget(at, PAGE, "T_graph").value == 6
        assert widget(at, PAGE, "cell").value == "rnn"
        assert set(charts(at)) == {"unrolled-graph", "cell-diagram"}
        assert "t = 6" in at.latex[1].value


@pytest.mark.parametrize(
    ("name", "new_value", "expected_url"),
    [
        ("cell", "lstm", "lstm"), ("gru_variant", "pytorch", "pytorch"), ("nonlinearity", "relu", "relu"),
        ("scale", 2.5, "2.5"), ("T_graph", 200, "200"), ("H", 16, "16"), ("input", "tom", "tom"),
        ("loss", "every", "every"), ("forget_bias", 3.0, "3"), ("seed", 7, "7"), ("step", 1, "1"),
    ],
)
def test_every_widget_changes_the_url(name, new_value, expected_url):
    at = open_page(PAGE_FILE, {"cell": "gru"} if name == "gru_variant" else None)
    control = widget(at, PAGE, name)
    change(at, set_to(control, new_value))
    assert_healthy(at)
    assert url_value(at, name) == expected_url


def test_url_round_trip_restores_widgets():
    query = {"cell": "lstm", "scale": "0.5", "T_graph": "40", "H": "5", "input": "tickets", "loss": "every",
             "forget_bias": "2.5", "seed": "11", "step": "3"}
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, "cell").value == "lstm"
    assert widget(at, PAGE, "T_graph").value == 40
    assert widget(at, PAGE, "input").value == "tickets"
    assert widget(at, PAGE, "forget_bias").value == 2.5
    for name, value in query.items():
        assert url_value(at, name) == value
    assert not at.warning
    assert any("47" in c.value for c in at.caption)  # the tickets sentence sets T to its 47 tokens


def test_step_beyond_T_is_shown_at_T():
    at = open_page(PAGE_FILE, {"T_graph": "3", "step": "9"})
    assert "t = 3" in at.info[0].value


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [
        ({"scale": "banana"}, "scale", 1.0),
        ({"T_graph": "1e9"}, "T_graph", 200),
        ({"scale": "nan"}, "scale", 1.0),
        ({"cell": "transformer"}, "cell", "rnn"),
        ({"input": "9" * 10_000}, "input", "random"),
        ({"step": "-4"}, "step", 1),
    ],
)
def test_hostile_urls_are_clamped_or_defaulted_with_a_notice(query, name, expected):
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, name).value == expected
    assert name in warnings_text(at)
