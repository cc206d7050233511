"""The toolbar a lecture hall sees (``client.toolbarMode = "viewer"`` in .streamlit/config.toml).

The browser tests open the app on 127.0.0.1, where Streamlit would show its developer options by
default: the Deploy button, and Rerun and Clear cache in the menu. The app's settings keep them out
and leave the viewer's menu (print, screencast, settings).
"""

from __future__ import annotations

from tests.browser import streamlit_dom as dom
from tests.browser.test_pages import assert_healthy, url


def test_the_toolbar_offers_the_viewer_options_only(page, app_url):
    dom.open_app_page(page, url(app_url, "vanishing_exploding", lang="en"))
    assert_healthy(page)
    assert page.locator("[data-testid=stAppDeployButton]").count() == 0
    page.locator("[data-testid=stMainMenu]").click()
    menu = page.locator("[data-testid=stMainMenuPopover]")
    menu.wait_for(state="visible")
    items = menu.inner_text()
    assert "Print" in items
    assert "Rerun" not in items and "Clear cache" not in items
