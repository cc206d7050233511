"""Helpers for AppTest page tests: open a page through app.py, as a user's browser would."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TIMEOUT = 60


def open_page(page_file: str, query: dict[str, str] | None = None, lang: str = "en") -> AppTest:
    """Run app.py, switch to ``page_file`` and run it with ``query`` as the URL's query string."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.run()  # AppTest needs one run of the entry script before it can switch pages
    at.query_params.clear()
    at.query_params.update({"lang": lang, **(query or {})})
    at.switch_page(page_file)
    at.run()
    assert_healthy(at)
    return at


def assert_healthy(at: AppTest) -> None:
    """No exception element and no error box on the page."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def widget(at: AppTest, page: str, name: str):
    """The widget of parameter ``name`` on ``page`` (keys are ``f"{page}.{name}"``)."""
    key = f"{page}.{name}"
    for kind in ("slider", "radio", "selectbox", "number_input", "toggle"):
        for element in getattr(at, kind):
            if element.key == key:
                return element
    raise AssertionError(f"no widget with key {key!r}")


def set_to(control, value):
    """The widget with ``value`` set (``set_value`` for most widgets, ``select`` for the rest), to run."""
    return control.set_value(value) if hasattr(control, "set_value") else control.select(value)


def change(at: AppTest, control) -> AppTest:
    """Run the page after a widget change (``control``: the widget with its new value set), as a user's
    move does: the run reruns only the page's sections that use the parameter. Every chart that this
    run sends must equal the chart a full run of the page draws, and every chart the change altered
    must be among them. The AppTest is left with the full run, the page as the browser now shows it."""
    before = charts(at)
    control.run()
    assert_healthy(at)
    sent = charts(at)
    at.run()
    assert_healthy(at)
    after = charts(at)
    for figure_id, figure in sent.items():
        assert figure == after.get(figure_id), f"{control.key}: {figure_id} sent a chart a full run does not draw"
    altered = {figure_id for figure_id, figure in after.items() if before.get(figure_id) != figure}
    assert altered <= sent.keys(), f"{control.key}: {sorted(altered - sent.keys())} changed but were not rerun"
    return at


def url_value(at: AppTest, name: str) -> str | None:
    """The query-string value the page wrote for ``name`` (None when left out)."""
    value = at.query_params.get(name)
    return value[-1] if isinstance(value, list) else value


def warnings_text(at: AppTest) -> str:
    return " ".join(str(w.value) for w in at.warning)


def open_exports(at: AppTest, figure_id: str) -> AppTest:
    """Open the "numbers behind the chart" expander of ``figure_id`` (its contents are drawn only when
    open) and rerun."""
    at.session_state[f"exports.{figure_id}"] = True
    at.run()
    assert_healthy(at)
    return at


def chart_payloads(at: AppTest) -> dict[str, dict[str, Any]]:
    """What each chart element of the page sends to the browser, by figure id: ``{"figure": JSON
    string, "config", "plotly", "labels"}`` (the chart elements' keys are ``chart.<figure id>``)."""
    found = {}
    for element in at.get("bidi_component"):
        if element.proto.component_name == "rnnviz_chart":
            figure_id = element.proto.id.rsplit("-chart.", 1)[1]
            found[figure_id] = json.loads(element.proto.json)
    return found


def charts(at: AppTest) -> dict[str, dict[str, Any]]:
    """The Plotly figures the page draws, by figure id, as dicts (``data``, ``layout``, ``frames``): a live
    chart's is the base of its live payload, the figure at the page's values."""
    return {figure_id: json.loads(payload["figure"]) if payload["figure"] else json.loads(payload["live"])["base"]
            for figure_id, payload in chart_payloads(at).items()}
