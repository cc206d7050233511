"""The app's page menu (rnnviz/ui/menu.js) in real Chromium: its links, and a click that switches pages.

Streamlit's own menu is hidden (``st.navigation(position="hidden")``); the app draws this one instead, so
it must offer every page, mark the current one, and switch pages in the running session with the
language and chart theme kept, the address bar following. It starts folded into one line (so that the
page's controls are in view) and opens on a click.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from rnnviz import lessons
from rnnviz.i18n import t
from tests.browser import streamlit_dom as dom
from tests.browser.app_pages import registered_pages
from tests.browser.test_pages import assert_healthy, url

PAGES = registered_pages()
MENU_LINKS = ".st-key-menu a.rnnviz-menu-link"
MENU_FOLD = ".st-key-menu summary.rnnviz-menu-summary"


def menu_links(page) -> list[dict[str, str | None]]:
    return page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(selector)).map(a => ({
            href: a.getAttribute('href'), title: a.querySelector('.rnnviz-menu-title').textContent,
            current: a.getAttribute('aria-current')}))""",
        MENU_LINKS,
    )


def test_the_menu_links_every_page_in_order_with_the_language_and_theme(page, app_url):
    dom.open_app_page(page, url(app_url, "vanishing_exploding", lang="ko", theme="dark"))
    assert_healthy(page)
    assert page.locator("[data-testid=stSidebarNav]").count() == 0, "Streamlit's own menu is shown as well"
    page.locator(MENU_FOLD).click()
    links = menu_links(page)
    assert [link["title"] for link in links] == [t(entry.nav_key, "ko") for entry in PAGES]
    for link, entry in zip(links, PAGES):
        target = urlsplit(link["href"])
        assert target.path == f"./{entry.route}", link
        assert dict(parse_qsl(target.query)) == {"lang": "ko", "theme": "dark"}, link
    assert [link["current"] for link in links] == [
        "page" if entry.url_path == "vanishing_exploding" else None for entry in PAGES
    ]
    headings = page.locator(".st-key-menu .rnnviz-menu-heading").all_inner_texts()
    assert headings == list(dict.fromkeys(t(f"nav.section.{entry.section}", "ko") for entry in lessons.PAGES))


def test_a_click_on_the_menu_switches_pages_in_the_session(page, app_url):
    dom.open_app_page(page, url(app_url, "", lang="ko", theme="dark"))
    page.evaluate("() => { window.sameDocument = true; }")  # gone if the click loaded a new document
    target = next(entry for entry in PAGES if entry.url_path == "dynamics")
    assert not page.locator(MENU_LINKS, has_text=t(target.nav_key, "ko")).is_visible(), "the menu starts folded"
    fold = page.locator(MENU_FOLD)
    assert t(PAGES[0].nav_key, "ko") in fold.inner_text()  # it names the current page
    fold.click()
    page.locator(MENU_LINKS, has_text=t(target.nav_key, "ko")).click()
    page.wait_for_url(lambda address: urlsplit(address).path == f"/{target.route}", timeout=dom.READY_TIMEOUT * 1000)
    dom.wait_until_idle(page)
    assert_healthy(page)
    assert page.evaluate("() => window.sameDocument === true"), "the click reloaded the page"
    assert dom.query(page) == {"lang": "ko", "theme": "dark"}
    assert page.locator("[data-testid=stMain] h1").first.inner_text() == t("dynamics.title", "ko")
    current = [link["title"] for link in menu_links(page) if link["current"] == "page"]
    assert current == [t(target.nav_key, "ko")]
