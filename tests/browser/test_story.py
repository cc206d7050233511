"""The story in real Chromium: from the home page, each page's "next" link leads through every page in the
menu's order, each page shows its title and look sentence in the reader's language and the URL keeps it; at
1400×1000 the page's own controls are in view without scrolling and no menu name is cut off."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from rnnviz import lessons
from rnnviz.i18n import t
from tests.browser import streamlit_dom as dom
from tests.browser.app_pages import registered_pages
from tests.browser.chromium import VIEWPORT
from tests.browser.conftest import SLOW_FIRST_VISITS
from tests.browser.test_pages import assert_healthy, url

PAGES = registered_pages()
NEXT_LINK = ".st-key-next a"
MENU_FOLD = ".st-key-menu summary.rnnviz-menu-summary"
# Pages whose controls are in the sidebar (the home page's one slider sits beside its preview; the upload page
# has none).
SIDEBAR_PAGES = [entry for entry in PAGES if entry.url_path not in ("home", "your_weights")]


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def warm_slow_pages(browser, app_url, warmed_pages) -> None:
    """Open the slow pages once at their defaults, as the folder's fixture does for a parametrised test."""
    for path, (seconds, done) in SLOW_FIRST_VISITS.items():
        if path in warmed_pages:
            continue
        context = browser.new_context(viewport=VIEWPORT, locale="en-US")
        try:
            tab = context.new_page()
            tab.goto(f"{app_url}/{path}")
            tab.wait_for_selector(done, timeout=seconds * 1000)
            dom.wait_until_idle(tab)
        finally:
            context.close()
        warmed_pages.add(path)


def assert_story_page(page, name: str, lang: str) -> None:
    assert_healthy(page)
    assert page.locator("[data-testid=stMain] h1").first.inner_text() == t(f"{name}.title", lang)
    assert words(t(f"{name}.look", lang)) in words(page.locator(".st-key-look").inner_text())
    assert dom.query(page).get("lang") == lang, page.url


def follow_next(page, following: str) -> None:
    route = "" if following == "home" else following
    page.locator(NEXT_LINK).click()
    page.wait_for_url(lambda address: urlsplit(address).path == f"/{route}", timeout=dom.READY_TIMEOUT * 1000)
    dom.wait_until_idle(page, timeout=120)


def test_the_next_links_lead_through_the_whole_story_in_korean(page, app_url, browser, warmed_pages):
    warm_slow_pages(browser, app_url, warmed_pages)
    dom.open_app_page(page, url(app_url, "", lang="ko"))
    names = [entry.name for entry in lessons.PAGES]
    for name, following in zip(names, names[1:]):
        assert_story_page(page, name, "ko")
        assert page.locator(NEXT_LINK).inner_text() == t("page.next", "ko", title=t(f"{following}.nav", "ko"))
        follow_next(page, following)
    assert_story_page(page, names[-1], "ko")
    assert t("page.story_end", "ko") in page.locator(".st-key-next").inner_text()
    assert page.locator(NEXT_LINK).inner_text() == t("page.back_to_start", "ko", title=t("home.nav", "ko"))
    follow_next(page, "home")
    assert_story_page(page, "home", "ko")


def test_the_next_links_keep_english_and_the_theme(page, app_url):
    dom.open_app_page(page, url(app_url, "", lang="en", theme="projector"))
    names = [entry.name for entry in lessons.PAGES][:4]
    for name, following in zip(names, names[1:]):
        assert_story_page(page, name, "en")
        assert page.locator(NEXT_LINK).inner_text() == t("page.next", "en", title=t(f"{following}.nav", "en"))
        follow_next(page, following)
        assert dom.query(page) == {"lang": "en", "theme": "projector"}
    assert_story_page(page, names[-1], "en")


FIRST_CONTROL_JS = """() => {
    const sidebar = document.querySelector('[data-testid=stSidebar]');
    const scrolled = Array.from(sidebar.querySelectorAll('*')).some(e => e.scrollTop > 0);
    const control = Array.from(sidebar.querySelectorAll('[class*="st-key-"]')).find(e => {
        const key = Array.from(e.classList).find(c => c.startsWith('st-key-')).slice(7);
        return !['lang', 'theme', 'menu'].includes(key) && e.querySelector('input, [role=slider], [role=radiogroup]');
    });
    if (!control) return null;
    const box = control.getBoundingClientRect();
    return {top: box.top, bottom: box.bottom, height: window.innerHeight, scrolled};
}"""
CUT_LABELS_JS = """() => Array.from(document.querySelectorAll(
        '.rnnviz-menu-title, .rnnviz-menu-current, .rnnviz-menu-label, .rnnviz-menu-heading'))
    .filter(e => e.getClientRects().length && (e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight))
    .map(e => e.textContent)"""


def assert_first_control_in_view(page) -> None:
    found = page.evaluate(FIRST_CONTROL_JS)
    assert found is not None, f"{page.url}: no control in the sidebar"
    assert not found["scrolled"] and 0 <= found["top"] and found["bottom"] <= found["height"], (page.url, found)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("entry", SIDEBAR_PAGES, ids=[entry.url_path for entry in SIDEBAR_PAGES])
def test_the_pages_controls_are_in_view_at_1400_by_1000(page, app_url, entry, lang):
    dom.open_app_page(page, url(app_url, entry.route, lang=lang))
    assert page.viewport_size == {"width": 1400, "height": 1000}
    assert_first_control_in_view(page)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_menu_name_is_cut_off_and_the_menu_folds_on_a_page_change(page, app_url, lang):
    dom.open_app_page(page, url(app_url, "vanishing_exploding", lang=lang))
    page.locator(MENU_FOLD).click()
    titles = page.locator(".st-key-menu .rnnviz-menu-title").all_inner_texts()
    assert [words(title) for title in titles] == [t(entry.nav_key, lang) for entry in PAGES]
    assert page.evaluate(CUT_LABELS_JS) == []
    longest = max(PAGES, key=lambda entry: len(t(entry.nav_key, lang)))
    page.locator(".st-key-menu a.rnnviz-menu-link", has_text=t(longest.nav_key, lang)).click()
    page.wait_for_url(lambda address: urlsplit(address).path == f"/{longest.route}",
                      timeout=dom.READY_TIMEOUT * 1000)
    dom.wait_until_idle(page)
    assert page.locator(".st-key-menu details.rnnviz-menu-fold[open]").count() == 0, "the menu stayed open"
    assert page.evaluate(CUT_LABELS_JS) == []  # the folded line names the current page whole
    assert_first_control_in_view(page)
