"""Nothing leaves the room: opening any page requests nothing beyond the app's own server (no usage statistics,
no web fonts or icons from a CDN), no chart offers an upload to a cloud, and the charts' toolbar speaks the
page's language (plotly.js's interface in Korean: rnnviz/figures/plotly_locales.js)."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from tests.browser import streamlit_dom as dom
from tests.browser.app_pages import registered_pages
from tests.browser.chromium import VIEWPORT
from tests.browser.test_pages import PAGES_WITHOUT_CHARTS_AT_DEFAULTS, assert_healthy, ids, url

PAGES = registered_pages()
# Toolbar buttons that would send a chart (or the reader) to a server outside the room.
CLOUD_WORDS = ("share", "cloud", "chart studio", "plotly.com", "edit in")
_TOOLBAR_TITLES_JS = "() => Array.from(document.querySelectorAll('.modebar-btn')).map(b => b.getAttribute('data-title'))"


def outside_requests(context, app_url: str) -> list[str]:
    """Record (and refuse) every request of ``context`` that goes anywhere but the app's server; returns the
    list the recorder fills."""
    own = urlsplit(app_url).netloc
    outside: list[str] = []

    def handle(route):
        parts = urlsplit(route.request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != own:
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", handle)
    context.on("websocket", lambda socket: outside.append(socket.url) if urlsplit(socket.url).netloc != own else None)
    return outside


@pytest.fixture
def guarded_page(browser, app_url):
    """A Korean-locale tab whose requests outside the app's server are recorded (``tab.outside``) and refused."""
    context = browser.new_context(viewport=VIEWPORT, locale="ko-KR")
    tab = context.new_page()
    tab.outside = outside_requests(context, app_url)
    tab.js_errors = []
    tab.on("pageerror", lambda error: tab.js_errors.append(str(error)))
    yield tab
    context.close()


def toolbar_titles(page) -> list[str]:
    return [title or "" for title in page.evaluate(_TOOLBAR_TITLES_JS)]


@pytest.mark.parametrize("entry", PAGES, ids=ids)
def test_a_page_requests_nothing_outside_and_its_toolbar_speaks_korean(guarded_page, app_url, entry):
    page = guarded_page
    dom.open_app_page(page, url(app_url, entry.route, lang="ko"))
    dom.draw_charts_out_of_view(page)
    assert_healthy(page)
    page.wait_for_timeout(500)  # a late request (the favicon, a font) has time to show itself
    assert page.outside == [], f"{page.url} requested {page.outside}"
    titles = toolbar_titles(page)
    if entry.url_path not in PAGES_WITHOUT_CHARTS_AT_DEFAULTS:
        assert titles, f"{page.url}: no chart toolbar"
    for title in titles:
        assert not any(word in title.lower() for word in CLOUD_WORDS), f"{page.url}: toolbar offers {title!r}"
        assert dom.HANGUL.search(title), f"{page.url}: toolbar button {title!r} is not in Korean"


def test_the_english_toolbar_is_english_and_the_slide_view_requests_nothing_outside(guarded_page, app_url):
    page = guarded_page
    dom.open_app_page(page, url(app_url, "vanishing_exploding", lang="en"))
    titles = toolbar_titles(page)
    assert "Download plot as a PNG" in titles and not any(dom.HANGUL.search(title) for title in titles), titles
    dom.open_app_page(page, url(app_url, "scale_sweep", lang="ko", theme="dark", slide="scale-sweep", embed="true"))
    assert not dom.problems(page) and not page.js_errors, (dom.problems(page), page.js_errors)
    assert page.outside == [], f"{page.url} requested {page.outside}"
    assert "PNG로 차트 저장" in toolbar_titles(page)


def test_the_exported_html_offers_no_upload_and_speaks_korean(browser, tmp_path):
    for static in (True, False):
        out = tmp_path / f"chart-{static}.html"
        command = [sys.executable, "-m", "rnnviz", "export", "book-norms", "--format", "html", "--lang", "ko",
                   "--out", str(out), *(["--static"] if static else [])]
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        context = browser.new_context(viewport=VIEWPORT, offline=True)
        try:
            tab = context.new_page()
            tab.goto(out.as_uri())
            tab.wait_for_selector(".js-plotly-plot .main-svg")
            titles = toolbar_titles(tab)
            assert "PNG로 차트 저장" in titles, titles
            assert not any(word in title.lower() for title in titles for word in CLOUD_WORDS), titles
            assert tab.evaluate("() => document.documentElement.lang") == "ko"
        finally:
            context.close()
