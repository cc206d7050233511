"""The first visitor of a freshly started server gets the whole app, whatever page URL they open.

Until app.py has called ``st.navigation`` once, Streamlit resolves a URL against the ``pages/``
folder (its older multipage mode), so the first visit of a new server to ``/<file stem>`` may run
``pages/<stem>.py`` without app.py: no language or theme control, no language from the URL, and a
menu of raw file names. And the first rerun of a session opened at ``/`` there is a page change to
Streamlit, which resets the widgets it draws (language, theme). Each case needs a server of its own.
"""

from __future__ import annotations

import pytest

from tests.browser import streamlit_dom as dom
from tests.browser.app_pages import registered_pages
from tests.browser.chromium import VIEWPORT
from tests.browser.server import running_app

PAGES = registered_pages()
# The default page under its file stem, and the first other page under its route.
FIRST_VISITS = [
    next(e.file.removeprefix("pages/").removesuffix(".py") for e in PAGES if e.default),
    next(e.route for e in PAGES if not e.default),
]


@pytest.mark.parametrize("route", FIRST_VISITS)
def test_first_visit_of_a_fresh_server_runs_app_py(browser, route):
    with running_app("app.py") as app_url:
        context = browser.new_context(viewport=VIEWPORT, locale="en-US")
        try:
            page = context.new_page()
            dom.open_app_page(page, f"{app_url}/{route}?lang=ko")
            assert not dom.problems(page), dom.problems(page)
            assert page.locator(".st-key-lang").count() == 1, (
                f"/{route} on a fresh server ran its page file without app.py (no language control)"
            )
            assert dom.query(page).get("lang") == "ko"
        finally:
            context.close()


def test_first_visitor_at_home_switches_language_and_keeps_the_theme(browser):
    with running_app("app.py") as app_url:
        context = browser.new_context(viewport=VIEWPORT, locale="en-US")
        try:
            page = context.new_page()
            dom.open_app_page(page, f"{app_url}/?lang=ko&theme=dark")
            page.locator(".st-key-lang").get_by_text("English").click()
            page.wait_for_url(lambda address: "lang=ko" not in address, timeout=dom.READY_TIMEOUT * 1000)
            dom.wait_until_idle(page)
            assert not dom.problems(page), dom.problems(page)
            assert dom.query(page) == {"lang": "en", "theme": "dark"}
            assert not dom.HANGUL.search(page.locator("[data-testid=stMain] h1").first.inner_text())
        finally:
            context.close()
