"""Every page of app.py in real Chromium: renders in ko and en, reacts to its controls, shares links.

The pages come from app.py's ``PAGES`` tuple, so pages added later are tested without edits here.
Screenshots of each page in each language go to ``artifacts/screenshots/`` (gitignored).
"""

from __future__ import annotations

import re
from urllib.parse import urlencode, urlsplit

import pytest

from tests.browser import streamlit_dom as dom
from tests.browser.app_pages import ROOT, registered_pages

PAGES = registered_pages()
SHOTS = ROOT / "artifacts" / "screenshots"
# Families that cover Hangul, among those rnnviz.figures.style.FONT_FAMILY asks for (and CJK fallbacks).
HANGUL_FONT = re.compile(r"nanum|noto sans (cjk )?kr|malgun|apple sd gothic|source han sans", re.IGNORECASE)
# Pages exempt from a check, by url path, with the reason. A test below keeps these lists current.
PAGES_WITHOUT_CHARTS_AT_DEFAULTS = {"your_weights": "its charts live on the other pages, after an upload"}
PAGES_WITHOUT_CONTROLS = {"your_weights": "its only input is a file uploader"}


def url(app_url: str, route: str, **params: str) -> str:
    return f"{app_url}/{route}?{urlencode(params)}"


def assert_healthy(page) -> None:
    assert not dom.problems(page), f"{page.url}: {dom.problems(page)}"
    assert not page.js_errors, f"{page.url}: JavaScript errors {page.js_errors}"
    assert page.locator(".st-key-lang").count() == 1, (
        f"{page.url}: app.py's language control is missing; app.py failed before st.navigation (see the server log)"
    )


def page_controls(page, entry) -> list[dom.Control]:
    """The page's sliders first, then its radios; fails for a page without either unless exempt."""
    controls = [c for kind in ("slider", "radio") for c in dom.page_controls(page) if c.kind == kind]
    assert controls, (
        f"{entry.file} has no slider or radio to drive; give it one, or add its url path with the reason "
        "to PAGES_WITHOUT_CONTROLS"
    )
    return controls


def with_controls(entries):
    return [entry for entry in entries if entry.url_path not in PAGES_WITHOUT_CONTROLS]


def ids(entry) -> str:
    return entry.url_path


def test_app_registers_pages_and_the_exemptions_name_registered_pages():
    url_paths = [entry.url_path for entry in PAGES]
    assert len(url_paths) >= 2 and len(set(url_paths)) == len(url_paths), url_paths
    assert sum(entry.default for entry in PAGES) == 1
    for exempt in (PAGES_WITHOUT_CHARTS_AT_DEFAULTS, PAGES_WITHOUT_CONTROLS):
        assert set(exempt) <= set(url_paths), f"stale exemptions: {set(exempt) - set(url_paths)}"


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("entry", PAGES, ids=ids)
def test_page_renders_in_both_languages(page, app_url, entry, lang):
    dom.open_app_page(page, url(app_url, entry.route, lang=lang))
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{entry.url_path}_{lang}.png"), full_page=True)
    assert_healthy(page)
    assert dom.query(page).get("lang") == lang
    title = page.locator("[data-testid=stMain] h1").first.inner_text().strip()
    assert title, "the page has no title"
    charts = dom.chart_count(page)
    if entry.url_path not in PAGES_WITHOUT_CHARTS_AT_DEFAULTS:
        assert charts >= 1, f"{page.url}: no Plotly chart rendered"
        assert dom.empty_chart_count(page) == 0, f"{page.url}: a chart has no traces"
    if lang == "ko":
        assert dom.HANGUL.search(title), f"Korean page title {title!r} has no Hangul"
        chart_titles = page.locator(".js-plotly-plot .gtitle").all_text_contents()
        if charts:
            assert any(dom.HANGUL.search(text) for text in chart_titles), f"no Korean chart title in {chart_titles}"
        # The glyphs are really Hangul, not boxes: Chromium reports the font it drew them with.
        drawn = "[data-hangul-title]" if chart_titles else "[data-testid=stMain] h1"
        page.evaluate("""() => { const hangul = /[\uac00-\ud7a3]/;  // the first chart title with Hangul in it
            const title = [...document.querySelectorAll('.js-plotly-plot .gtitle')]
                .find(el => hangul.test(el.textContent));
            if (title) title.setAttribute('data-hangul-title', ''); }""")
        used = [font["familyName"] for font in dom.platform_fonts(page, drawn) if font["glyphCount"] > 0]
        assert any(HANGUL_FONT.search(name) for name in used), f"{drawn} drawn with {used} only"


@pytest.mark.parametrize("entry", with_controls(PAGES), ids=ids)
def test_controls_redraw_the_chart_links_restore_it_and_hostile_links_warn(page, app_url, entry):
    dom.open_app_page(page, url(app_url, entry.route, lang="en"))
    assert_healthy(page)
    controls = page_controls(page, entry)
    control = controls[0]
    url_before, defaults = dom.query(page), [dom.control_state(page, c) for c in controls[:2]]
    # A slider must change the plotted numbers; a radio may change only the layout (e.g. a log axis).
    with_layout = control.kind != "slider"
    charts_before = dom.charts_json(page, with_layout)

    dom.change_control(page, control)  # a slider by the keyboard (ArrowRight), a radio by a click
    dom.wait_for_change(page, charts_before, with_layout)
    assert_healthy(page)
    shown_after = dom.control_state(page, control)
    assert shown_after != defaults[0]
    url_after = dom.query(page)
    changed = {name for name, value in url_after.items() if url_before.get(name) != value}
    assert changed == {dom.url_name(control)}, f"URL went from {url_before} to {url_after}"
    dom.draw_charts_out_of_view(page)
    charts_after = dom.charts_json(page, with_layout)

    dom.open_app_page(page, page.url)  # the shared link, in a new session as when opened elsewhere
    assert_healthy(page)
    assert dom.control_state(page, control) == shown_after
    assert dom.query(page) == url_after
    assert dom.charts_json(page, with_layout) == charts_after
    assert not dom.warnings(page)

    # Hostile values for the first two controls: text for the first, 10 000 characters for the second.
    hostile = dict(zip([dom.url_name(c) for c in controls[:2]], ["banana", "9" * 10_000]))
    dom.open_app_page(page, url(app_url, entry.route, lang="en", **hostile))
    assert_healthy(page)
    shown_warnings = " ".join(dom.warnings(page))
    for name in hostile:
        assert name in shown_warnings, (name, shown_warnings)
    assert [dom.control_state(page, c) for c in controls[:2]] == defaults
    if entry.url_path not in PAGES_WITHOUT_CHARTS_AT_DEFAULTS:
        assert dom.chart_count(page) >= 1


def test_shared_link_sets_every_widget_it_names(page, app_url):
    params = {"lang": "en", "scale": "0.5", "T": "300", "seed": "11", "yaxis": "log"}
    dom.open_app_page(page, url(app_url, "vanishing_exploding", **params))
    assert_healthy(page)
    shown = {dom.url_name(control): dom.control_state(page, control) for control in dom.page_controls(page)}
    assert float(shown["scale"]) == 0.5
    assert float(shown["T"]) == 300
    assert float(shown["seed"]) == 11
    assert shown["yaxis"].strip().lower().startswith("log")
    assert dom.query(page) == params
    assert not dom.warnings(page)


def test_hostile_language_falls_back_to_english_with_a_warning(page, app_url):
    dom.open_app_page(page, f"{app_url}/?lang=%3Cscript%3E")
    assert_healthy(page)
    assert any("lang" in text for text in dom.warnings(page)), dom.warnings(page)
    assert dom.query(page).get("lang") == "en"
    assert not dom.HANGUL.search(page.locator("[data-testid=stMain] h1").first.inner_text())


def test_the_home_pages_file_name_leads_home_with_the_links_settings(page, app_url):
    home = next(entry for entry in PAGES if entry.default)
    dom.open_app_page(page, url(app_url, home.url_path, lang="ko", scale="2"))
    assert_healthy(page)  # no "Page not found" dialog
    assert urlsplit(page.url).path == "/"
    assert dom.query(page) == {"lang": "ko", "scale": "2"}
    shown = {dom.url_name(control): dom.control_state(page, control) for control in dom.page_controls(page)}
    assert float(shown["scale"]) == 2
    assert dom.HANGUL.search(page.locator("[data-testid=stMain] h1").first.inner_text())


def test_an_unknown_page_says_so_and_shows_the_home_page(page, app_url):
    dom.open_app_page(page, url(app_url, "no_such_page", lang="en"))
    dialogs = page.locator("[role=dialog]").all_inner_texts()
    assert any("Page not found" in text for text in dialogs), dialogs
    assert page.locator("[data-testid=stMain] h1").first.inner_text().startswith("rnnviz")
