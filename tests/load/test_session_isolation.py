"""No cross-session leak: what one session uploads or chooses (language, theme) never reaches another.

Session A (the websocket protocol) switches to Korean and the dark theme and uploads weights through
``/_stcore/upload_file``, while session B (the protocol too) and a Chromium tab are open on the same
server. B must then see exactly what a newcomer sees (English, the light theme, generated weights), the
upload's token must appear in none of the bytes B received, and the Chromium tab must show English,
the light theme and a link without the token. A's own view must differ (so the comparison can fail).
"""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor

from deploy.run_local import app_processes
from rnnviz.i18n import t
from tests.browser import streamlit_dom as dom
from tests.browser.chromium import VIEWPORT
from tests.load.classroom import frame_query, layer_npz
from tests.load.streamlit_client import Alert, StreamlitSession

HANGUL = re.compile("[\uac00-\ud7a3]")
NEWCOMERS_THEME = t("theme.auto", "en", current=t("theme.light", "en"))  # Streamlit's own theme, light
UPLOAD_PAGE, WEIGHTS_PAGE = "your_weights", "inside_cells"  # the uploader; a page that uses uploaded weights


def view(session: StreamlitSession) -> dict:
    """What a session shows: query string, texts, widget values by key, chart and menu data."""
    return {"query": session.query(), "texts": session.texts(),
            "widgets": {w.user_key: session.value(w) for w in session.widgets()},
            "components": session.component_data()}


async def visit(session: StreamlitSession) -> list[dict]:
    """The upload page, then the page that uses uploaded weights: both views."""
    views = []
    for page in (UPLOAD_PAGE, WEIGHTS_PAGE):
        run = await session.switch_page(page, frame_query(session))
        assert run.problems == [], run.problems
        views.append(view(session))
    return views


async def sessions_a_b_and_a_newcomer(url: str) -> dict:
    a = StreamlitSession(url, locale="en-US")
    b = StreamlitSession(url, locale="en-US", keep_payloads=True)
    async with a, b:
        await asyncio.gather(a.open(UPLOAD_PAGE), b.open(UPLOAD_PAGE))
        lang = a.widget("lang")
        await a.set_widget(lang, next(option for option in lang.options if HANGUL.search(option)))
        theme = a.widget("theme")
        await a.set_widget(theme, t("theme.dark", "ko"))  # A is in Korean by now
        upload = await a.upload(a.widgets("file_uploader")[0], "mine.npz", layer_npz(seed=11))
        assert upload.problems == [] and a.alerts(Alert.SUCCESS), upload.problems
        a_views = await visit(a)
        token = a.query().get("weights", "")

        await b.rerun()  # B was open all along; it draws its page again, then goes where A went
        b_views = await visit(b)
        async with StreamlitSession(url, locale="en-US") as newcomer:  # B's steps, in a new session
            await newcomer.open(UPLOAD_PAGE)
            await newcomer.rerun()
            newcomer_views = await visit(newcomer)
        return {"token": token, "a": a_views, "b": b_views, "newcomer": newcomer_views,
                "b_payloads": list(b.payloads), "b_uploads": b.alerts(Alert.SUCCESS)}


def test_an_upload_a_language_and_a_theme_stay_in_their_session(browser):
    with app_processes(1, base_path="") as apps:
        url = apps[0].url
        context = browser.new_context(viewport=VIEWPORT, locale="en-US")
        try:
            tab = context.new_page()
            dom.open_app_page(tab, f"{url}/")  # app.py runs once (see tests/browser/test_fresh_server.py)
            dom.open_app_page(tab, f"{url}/{WEIGHTS_PAGE}")  # a third session, open while A works
            with ThreadPoolExecutor(1) as thread:  # Playwright's sync API holds this thread's event loop
                seen = thread.submit(asyncio.run, sessions_a_b_and_a_newcomer(url)).result()
            slider = next(c for c in dom.page_controls(tab) if c.kind == "slider")
            dom.change_control(tab, slider)  # the tab runs its script again after A's changes
            dom.wait_until_idle(tab)
            tab_query, tab_html = dom.query(tab), tab.content()
            tab_text = tab.locator("[data-testid=stMain]").inner_text()
            tab_theme = tab.locator(".st-key-theme input").input_value()
        finally:
            context.close()

    token = seen["token"]
    assert re.fullmatch("[0-9a-f]{16}", token), token
    a_upload, a_weights = seen["a"]
    assert a_weights["query"]["lang"] == "ko" and a_weights["query"]["theme"] == "dark"
    assert any(HANGUL.search(text) for text in a_weights["texts"])
    assert a_weights["components"] != seen["newcomer"][1]["components"]  # A's charts: Korean, dark, its weights

    assert seen["b"] == seen["newcomer"]  # B sees what a newcomer sees, on both pages
    b_upload, b_weights = seen["b"]
    assert b_weights["query"].get("lang") == "en" and "theme" not in b_weights["query"]
    assert "weights" not in b_weights["query"] and seen["b_uploads"] == []
    assert b_weights["widgets"]["lang"] == "English" and b_weights["widgets"]["theme"] == NEWCOMERS_THEME
    assert not any(HANGUL.search(text) for text in b_upload["texts"] + b_weights["texts"])
    assert not any(token.encode() in payload for payload in seen["b_payloads"])

    assert tab_query.get("lang") == "en" and "theme" not in tab_query and "weights" not in tab_query
    assert token not in tab_html and not HANGUL.search(tab_text) and tab_theme == NEWCOMERS_THEME
