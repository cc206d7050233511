"""Browser-test fixtures: one Streamlit server and one Chromium for the whole session.

Every test in this folder gets the ``browser`` marker. Nothing here skips: without Debian's
Chromium (or Playwright) the fixtures fail with a message that says how to install it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.chromium import VIEWPORT, launch
from tests.browser.server import running_app
from tests.browser.streamlit_dom import open_app_page, wait_until_idle

HERE = Path(__file__).resolve().parent
# Pages whose defaults take longer than a page's usual wait on a new server: the seconds to allow once, and what
# the page shows when it is done. The training page trains its four cells when it is first opened (redrawing
# itself meanwhile) and says so in a success box; the server then keeps the run.
SLOW_FIRST_VISITS = {"training": (600.0, "[data-testid=stMain] [data-testid=stAlertContentSuccess]")}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


# The server and the browser live as long as this folder's tests ("package"), not the whole session: Playwright's
# sync API keeps an event loop running in the main thread, and the tests that follow (the load tests'
# asyncio clients, the image export's Kaleido, their own Chromium) need it gone.
@pytest.fixture(scope="package")
def app_url(browser):
    """Base URL of ``streamlit run app.py`` on a free loopback port (stopped after this folder's tests).

    The app is opened once at ``/`` first: until app.py has called ``st.navigation`` once, Streamlit
    serves ``pages/<name>.py`` bare at ``/<name>`` (see test_fresh_server.py), and the tests here
    must not depend on which one runs first.
    """
    with running_app("app.py") as url:
        context = browser.new_context(viewport=VIEWPORT, locale="en-US")
        try:
            open_app_page(context.new_page(), f"{url}/")
        finally:
            context.close()
        yield url


@pytest.fixture(scope="package")
def warmed_pages():
    """The url paths of the slow pages already opened once on the test server."""
    return set()


@pytest.fixture(autouse=True)
def slow_pages_computed_once(request, warmed_pages):
    """Before a test of a page in ``SLOW_FIRST_VISITS``, open that page once at its defaults and wait for it, so
    the test sees it as every visitor after the first does."""
    callspec = getattr(request.node, "callspec", None)
    entry = callspec.params.get("entry") if callspec is not None else None
    path = getattr(entry, "url_path", None)
    if path not in SLOW_FIRST_VISITS or path in warmed_pages:
        return
    app_url, chromium = request.getfixturevalue("app_url"), request.getfixturevalue("browser")
    context = chromium.new_context(viewport=VIEWPORT, locale="en-US")
    try:
        tab = context.new_page()
        seconds, done = SLOW_FIRST_VISITS[path]
        tab.goto(f"{app_url}/{path}")
        tab.wait_for_selector(done, timeout=seconds * 1000)
        wait_until_idle(tab)
    finally:
        context.close()
    warmed_pages.add(path)


@pytest.fixture(scope="package")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:  # pragma: no cover - a broken environment, reported as a failure
        pytest.fail(f"playwright is not installed ({err}); run `python -m pip install -r requirements-dev.txt`")
    with sync_playwright() as playwright:
        try:
            chromium = launch(playwright)
        except RuntimeError as err:
            pytest.fail(str(err))
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh tab (own cookies and storage, English browser locale); JS errors are collected."""
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    tab = context.new_page()
    tab.js_errors = []
    tab.on("pageerror", lambda error: tab.js_errors.append(str(error)))
    yield tab
    context.close()
