"""Reading and driving a Streamlit page in Chromium: readiness, charts, alerts and controls.

Streamlit gives each keyed widget's container the class ``st-key-<key>`` (``.`` becomes ``-``), so a
page's controls are the keyed containers other than the app-wide ``lang`` and ``theme``.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

APP_KEYS = ("lang", "theme")  # the shared sidebar controls of app.py
READY_TIMEOUT = 60.0  # seconds for a page or a rerun to finish
HANGUL = re.compile("[\uac00-\ud7a3]")

# A page is idle when its script has run (stApp's data-test-script-state is "notRunning", after
# "initial"/"running"), the running indicator is gone, no element is stale (left over from the
# previous run) or a skeleton (an element whose code is still loading, as Plotly's is at first) and
# every chart element (Streamlit's Plotly element, or the app's own chart component) holds a
# rendered plot, and the app's page menu (the other component) holds its links.
BUSY_JS = """() => {
    const app = document.querySelector('[data-testid=stApp]');
    return !app || app.getAttribute('data-test-script-state') !== 'notRunning'
        || app.getAttribute('data-test-connection-state') !== 'CONNECTED'
        || document.querySelectorAll('[data-testid=stStatusWidget], [data-stale=true], [data-testid=stSkeleton]').length > 0
        || Array.from(document.querySelectorAll('[data-testid=stPlotlyChart], [data-testid=stBidiComponentRegular]'))
            .filter(element => !element.closest('.st-key-menu'))
            .some(chart => !chart.querySelector('.js-plotly-plot .main-svg'))
        || (document.querySelector('.st-key-menu') !== null && !document.querySelector('.st-key-menu a'));
}"""
_CHARTS_JS = """(withLayout) => JSON.stringify(Array.from(document.querySelectorAll('.js-plotly-plot'))
    .map(div => withLayout ? [div.data, div.layout] : div.data))"""
_CONTROLS_JS = """(appKeys) => Array.from(document.querySelectorAll('[class*="st-key-"]')).flatMap(el => {
    const key = Array.from(el.classList).find(c => c.startsWith('st-key-'));
    if (!key || appKeys.includes(key.slice(7))) return [];
    const kind = el.querySelector('[data-testid=stSlider]') ? 'slider'
        : el.querySelector('[data-testid=stRadio]') ? 'radio'
        : el.querySelector('[data-testid=stNumberInput]') ? 'number' : null;
    return kind ? [{cls: key, kind: kind}] : [];
})"""
# Counts every WebSocket message in either direction (window.__socketMessages); install it with
# page.add_init_script before Streamlit opens its socket.
SOCKET_COUNTER_JS = """(() => {
    window.__socketMessages = 0;
    const Native = window.WebSocket;
    window.WebSocket = function (...args) {
        const socket = new Native(...args);
        socket.addEventListener('message', () => { window.__socketMessages += 1; });
        const send = socket.send.bind(socket);
        socket.send = (data) => { window.__socketMessages += 1; return send(data); };
        return socket;
    };
    window.WebSocket.prototype = Native.prototype;
    Object.assign(window.WebSocket, Native);
})()"""
_SLIDER_INPUT = "[data-testid=stSlider] input[type=range], [data-testid=stSlider] [role=slider]"


@dataclass(frozen=True)
class Control:
    """A page widget: its container class (``st-key-...``) and kind (``slider``, ``radio``, ``number``)."""

    cls: str
    kind: str

    @property
    def selector(self) -> str:
        return f".{self.cls}"


def wait_for_live_frames(page: Any, timeout: float = READY_TIMEOUT) -> None:
    """Wait until every live chart of the page holds its frames (they come by HTTP, one chart after another)."""
    page.wait_for_function("""() => Array.from(document.querySelectorAll('.rnnviz-chart'))
        .every(div => div.rnnvizLive || !div.rnnvizData || !div.rnnvizData.live)""", timeout=timeout * 1000)


def wait_until_idle(page: Any, timeout: float = READY_TIMEOUT, settle: float = 0.3) -> float:
    """Wait until Streamlit has run the page and drawn it (and stays so for ``settle`` seconds).

    Returns the ``time.monotonic()`` at which the page became idle (before the settle period).
    """
    deadline = time.monotonic() + timeout
    quiet_since = None
    while True:
        if page.evaluate(BUSY_JS):
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= settle:
            return quiet_since
        if time.monotonic() > deadline:
            raise AssertionError(f"{page.url}: Streamlit still running after {timeout:.0f} s")
        time.sleep(0.02)


def open_app_page(page: Any, url: str) -> None:
    page.goto(url)
    wait_until_idle(page)


def problems(page: Any) -> list[str]:
    """Texts of every exception element, error alert and open dialog (such as Streamlit's "Page not
    found") on the page. The app opens no dialog of its own."""
    selector = "[data-testid=stException], [data-testid=stAlertContentError], [role=dialog]"
    return [element.inner_text()[:500] for element in page.query_selector_all(selector)]


def warnings(page: Any) -> list[str]:
    return [element.inner_text() for element in page.query_selector_all("[data-testid=stAlertContentWarning]")]


def charts_json(page: Any, with_layout: bool = False) -> str:
    """The ``data`` (and ``layout``) of every Plotly chart on the page, as one JSON string."""
    return page.evaluate(_CHARTS_JS, with_layout)


def draw_charts_out_of_view(page: Any, timeout: float = READY_TIMEOUT) -> None:
    """Scroll every chart of the page into view in turn, then back to the top, and wait until each shows
    its newest figure (a chart out of view is redrawn only when it comes into view: rnnviz/chart.js)."""
    for chart in page.locator(".rnnviz-chart").all():
        chart.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.rnnviz-chart')).every(d => d.rnnvizDrawn === d.rnnvizFigure)",
        timeout=timeout * 1000,
    )
    page.evaluate("() => document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })")


def chart_count(page: Any) -> int:
    return page.locator(".js-plotly-plot .main-svg").count()


def empty_chart_count(page: Any) -> int:
    """How many Plotly charts have no trace at all."""
    return page.evaluate(
        "() => Array.from(document.querySelectorAll('.js-plotly-plot')).filter(d => !(d.data || []).length).length"
    )


def query(page: Any) -> dict[str, str]:
    """The page URL's query string as a dict (last value wins)."""
    return dict(parse_qsl(urlsplit(page.url).query, keep_blank_values=True))


def page_controls(page: Any) -> list[Control]:
    """The page's sliders, radios and number inputs (not the app-wide language/theme), in document order."""
    return [Control(**item) for item in page.evaluate(_CONTROLS_JS, list(APP_KEYS))]


def url_name(control: Control) -> str:
    """The control's query-string name: its widget key is ``<page>.<name>`` (class ``st-key-<page>-<name>``)."""
    return control.cls.removeprefix("st-key-").split("-", 1)[1]


def control_state(page: Any, control: Control) -> str:
    """What the widget shows: a slider's or number's value, or the label of the selected radio option."""
    root = page.locator(control.selector)
    if control.kind == "slider":
        thumb = root.locator(_SLIDER_INPUT).first
        return thumb.get_attribute("value") or thumb.get_attribute("aria-valuenow") or ""
    if control.kind == "number":
        return root.locator("[data-testid=stNumberInputField]").first.input_value()
    return root.locator("[data-testid=stRadioOption][data-selected=true]").first.inner_text()


def change_control(page: Any, control: Control) -> None:
    """Change a widget the way a user would: a slider by one keyboard step, a radio by a click."""
    root = page.locator(control.selector)
    if control.kind == "slider":
        thumb = root.locator(_SLIDER_INPUT).first
        value = thumb.get_attribute("value") or thumb.get_attribute("aria-valuenow")
        top = thumb.get_attribute("max") or thumb.get_attribute("aria-valuemax")
        at_top = value is not None and top is not None and float(value) >= float(top)
        thumb.focus()
        page.keyboard.press("ArrowLeft" if at_top else "ArrowRight")
    elif control.kind == "radio":
        root.locator("[data-testid=stRadioOption]:not([data-selected=true])").first.click()
    else:
        raise ValueError(f"change_control drives sliders and radios; got a {control.kind} ({control.cls})")


def wait_for_change(page: Any, before: str, with_layout: bool, timeout: float = READY_TIMEOUT) -> float:
    """Wait until the charts' JSON differs from ``before``, then until Streamlit is idle (returns when
    it became idle, as ``time.monotonic()``)."""
    deadline = time.monotonic() + timeout
    while charts_json(page, with_layout) == before:
        if time.monotonic() > deadline:
            raise AssertionError(f"{page.url}: the chart did not change within {timeout:.0f} s")
        time.sleep(0.02)
    return wait_until_idle(page, timeout)


def platform_fonts(page: Any, selector: str) -> list[dict[str, Any]]:
    """The platform fonts Chromium used to draw the first element matching ``selector`` (via CDP)."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        if not node:
            raise AssertionError(f"{page.url}: nothing matches {selector!r}")
        return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()


def assert_app_serves_korean(base_url: str, route: str) -> None:
    """Open ``/<route>?lang=ko`` of a running app in a fresh Chromium: app.py ran (the language control is
    there, not the page file alone), the title is Korean, a chart is drawn and nothing went wrong."""
    from playwright.sync_api import sync_playwright

    from tests.browser.chromium import VIEWPORT, launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_context(viewport=VIEWPORT, locale="en-US").new_page()
            open_app_page(page, f"{base_url}/{route}?lang=ko")
            assert problems(page) == []
            assert page.locator(".st-key-lang").count() == 1  # app.py ran, not the page file alone
            assert HANGUL.search(page.locator("[data-testid=stMain] h1").first.inner_text())
            assert chart_count(page) >= 1
        finally:
            browser.close()
