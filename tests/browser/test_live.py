"""Live figures in real Chromium: a live slider redraws its chart while the hand moves with no message to
the server; letting go sends the value once, and the URL, the sidebar and the numbers beside the chart
follow; a slide link shows one chart and nothing else; the exported HTML keeps its sliders offline."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tests.browser import streamlit_dom as dom
from tests.browser.app_pages import ROOT
from tests.browser.chromium import VIEWPORT
from tests.browser.test_pages import assert_healthy, url

SETTLE_S = 0.5  # live.js sends a slider's value once it has rested this long
# (page, live parameter, query) for each page whose charts follow a live slider.
LIVE_SLIDERS = [
    ("home", "scale", {}), ("vanishing_exploding", "scale", {}), ("vanishing_exploding", "T", {}),
    ("derivatives", "scale", {}), ("scale_sweep", "highlight", {}), ("unrolled_graph", "scale", {}),
    ("unrolled_graph", "step", {}), ("inside_cells", "scale", {}), ("inside_cells", "step", {}),
    ("dynamics", "c", {}), ("worked_examples", "wh", {}), ("cell_comparison", "scale", {}),
    ("cell_comparison", "forget_bias", {}), ("remedies", "max_norm", {}), ("architectures", "layers", {}),
]
CHART_DATA_JS = """(name) => {
    const input = document.querySelector(`input[data-live="${name}"]`);
    const div = input.closest('.rnnviz-chart-box').querySelector('.rnnviz-chart');
    return JSON.stringify([div.data.map(trace => [trace.x, trace.y, trace.z, trace.marker && trace.marker.color]),
                           div.layout.shapes, div.layout.annotations, div.layout.title]);
}"""


def live_input(page, name):
    return page.locator(f'input[data-live="{name}"]').first


def shown_value(page, name) -> str:
    return live_input(page, name).get_attribute("aria-valuetext")


def scrub(page, name, key: str, presses: int) -> None:
    """Move a live slider by keyboard, as fast as a hand (each press is an input event)."""
    control = live_input(page, name)
    control.focus()
    for _ in range(presses):
        page.keyboard.press(key)


def messages(page) -> int:
    return page.evaluate("() => window.__socketMessages")


def settled(page) -> None:
    """Wait until every live chart of the page holds its frames (they come by HTTP, one chart after another)
    and the page's socket has been quiet for half a second: what arrives then is not the scrub's doing."""
    dom.wait_for_live_frames(page)
    dom.wait_until_idle(page)
    quiet = messages(page)
    for _ in range(20):
        page.wait_for_timeout(500)
        if messages(page) == quiet:
            return
        quiet = messages(page)


@pytest.mark.parametrize(("route", "name", "query"), LIVE_SLIDERS, ids=[f"{r}-{n}" for r, n, _ in LIVE_SLIDERS])
def test_scrubbing_redraws_the_chart_with_no_server_message(page, app_url, route, name, query):
    page.context.add_init_script(dom.SOCKET_COUNTER_JS)
    dom.open_app_page(page, url(app_url, "" if route == "home" else route, lang="en", **query))
    assert_healthy(page)
    control = live_input(page, name)
    assert control.get_attribute("type") == "range"
    label = page.locator(f'label[for="{control.get_attribute("id")}"]').inner_text()
    assert label.strip(), "a live slider has a label"
    settled(page)
    before_chart, before_value = page.evaluate(CHART_DATA_JS, name), shown_value(page, name)
    before_messages = messages(page)
    key = "ArrowLeft" if int(control.input_value()) > 0 else "ArrowRight"
    scrub(page, name, key, 3)
    page.wait_for_timeout(200)  # well within the settle time: the hand is still on the slider
    assert messages(page) == before_messages, "the live slider talked to the server while moving"
    assert shown_value(page, name) != before_value
    assert page.evaluate(CHART_DATA_JS, name) != before_chart, "the chart did not follow the slider"


def test_letting_go_updates_the_url_the_sidebar_and_the_numbers(page, app_url):
    dom.open_app_page(page, url(app_url, "vanishing_exploding", lang="en", scale_unit="raw", scale=1))  # the book's unit
    caption = page.locator("[data-testid=stAlert]").filter(has_text="ρ").first.inner_text()
    scrub(page, "scale", "ArrowLeft", 10)  # 1.00 -> 0.50, the blog's second run
    assert shown_value(page, "scale") == "0.50"
    page.wait_for_timeout(SETTLE_S * 1000 + 200)
    page.wait_for_function("() => location.search.includes('scale=0.5')", timeout=dom.READY_TIMEOUT * 1000)
    dom.wait_until_idle(page)
    assert_healthy(page)
    sidebar = page.locator(".st-key-vanishing_exploding-scale [data-testid=stSliderThumbValue]").inner_text()
    assert sidebar == "0.50"
    after = page.locator("[data-testid=stAlert]").filter(has_text="ρ").first.inner_text()
    assert after != caption and "0.7496" in after  # ρ = 1.4993 × 0.5
    assert shown_value(page, "scale") == "0.50"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_slide_link_shows_one_chart_and_nothing_else(browser, app_url, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    try:
        page = context.new_page()
        dom.open_app_page(page, f"{app_url}/vanishing_exploding?slide=book-norms&embed=true&lang={lang}&scale=0.5")
        assert not dom.problems(page), dom.problems(page)
        assert page.locator(".js-plotly-plot").count() == 1
        assert page.locator("[data-testid=stSidebar]").is_hidden()
        assert page.locator("h1").count() == 0 and page.locator(".st-key-menu").count() == 0
        title = page.evaluate("() => document.querySelector('.js-plotly-plot').layout.title.text")
        assert bool(dom.HANGUL.search(title)) == (lang == "ko")
        assert shown_value(page, "scale") == "0.50"
        height = page.evaluate("() => document.querySelector('.js-plotly-plot').getBoundingClientRect().bottom")
        assert 0.8 * 720 < height <= 720, "the chart fills the frame"
    finally:
        context.close()


def test_the_exported_html_keeps_its_sliders_with_the_network_off(browser, tmp_path):
    out = tmp_path / "norms.html"
    result = subprocess.run([sys.executable, "-m", "rnnviz", "export", "book-norms", "--format", "html", "--lang", "ko",
                             "--set", "scale_unit=raw", "--set", "scale=1", "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "MB" in result.stderr  # the size is reported
    context = browser.new_context(viewport=VIEWPORT, offline=True)
    try:
        page = context.new_page()
        requests, errors = [], []
        page.on("request", lambda request: requests.append(request.url))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(out.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        assert [r for r in requests if not r.startswith("file:")] == [] and errors == []
        before = page.evaluate("() => JSON.stringify(document.querySelector('.js-plotly-plot').layout.annotations)")
        scrub(page, "scale", "ArrowLeft", 10)
        time.sleep(0.3)
        assert shown_value(page, "scale") == "0.50"
        after = page.evaluate("() => JSON.stringify(document.querySelector('.js-plotly-plot').layout.annotations)")
        assert after != before and "0.7496" in after
    finally:
        context.close()
