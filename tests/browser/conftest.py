"""Browser-test fixtures: one Streamlit server and one Chromium for the whole session.

Every test in this folder gets the ``browser`` marker. Nothing here skips: without Debian's
Chromium (or Playwright) the fixtures fail with a message that says how to install it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.chromium import VIEWPORT, launch
from tests.browser.server import running_app
from tests.browser.streamlit_dom import open_app_page

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_url(browser):
    """Base URL of ``streamlit run app.py`` on a free loopback port (stopped after the session).

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


@pytest.fixture(scope="session")
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
