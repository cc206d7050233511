"""The app frame: language and theme, and a page's title, introduction, notices and "try this" list.

The language and theme are sidebar widgets shared by every page; the URL's ``lang`` and ``theme`` are
read once per session (the browser's locale when the URL has no ``lang``). Every page keeps them in
its query string. The theme ``auto`` (the default) follows Streamlit's own light or dark theme (the
browser's preference, or the viewer's choice in Streamlit's settings); a theme chosen here colours the
whole page, not only the charts (:func:`page_colours`).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from rnnviz.figures.style import THEMES
from rnnviz.i18n import LANGS, Text, normalise_lang, t
from rnnviz.lessons import PAGES, next_page
from rnnviz.lessons.spec import Notice, Param

LANG_KEY = "lang"
THEME_KEY = "theme"
NOTICES_KEY = "_url_notices"  # what URL validation changed, shown once by the next page
_FRAME_LOADED_KEY = "_url_app_loaded"  # the app frame has read the URL in this session
INTENDED_PAGE_KEY = "_intended_page"  # a page asked for before the app's navigation existed (see below)
HOME = "home"  # the default page, served at "/"

LANG_PARAM = Param("lang", "choice", "en", Text("언어", "Language"), choices=LANGS)
PAGE_THEMES = ("auto", *THEMES)  # the theme selector's choices: "auto" follows Streamlit's own theme
THEME_PARAM = Param("theme", "choice", "auto", Text("테마", "Theme"), choices=PAGE_THEMES)


def browser_lang() -> str:
    """The language of the browser's locale (``ko`` for any Korean locale, else English)."""
    try:
        locale = st.context.locale
    except Exception:  # no browser context (e.g. a bare script run)
        locale = None
    return normalise_lang(locale, default="en")


def lang() -> str:
    """The current language code, ``ko`` or ``en``."""
    return st.session_state.get(LANG_KEY) or browser_lang()


def streamlit_theme() -> str:
    """Streamlit's own theme in this browser, ``light`` or ``dark`` (light when the browser has not said)."""
    try:
        kind = st.context.theme.type
    except Exception:  # no browser context (e.g. a bare script run)
        kind = None
    return "dark" if kind == "dark" else "light"


def theme_choice() -> str:
    """The theme selector's value: ``auto``, ``light``, ``dark`` or ``projector``."""
    value = st.session_state.get(THEME_KEY, "auto")
    return value if value in PAGE_THEMES else "auto"


def theme() -> str:
    """The current chart theme (``light``, ``dark`` or ``projector``): the chosen one, or Streamlit's own."""
    choice = theme_choice()
    return streamlit_theme() if choice == "auto" else choice


# A page whose chosen theme is darker or lighter than Streamlit's own: the whole page is drawn in inverted
# colours (hues kept: the rotation by 180 degrees undoes the inversion's), and the charts, already drawn in
# the chosen theme, and images are inverted back. A filter on the root element keeps fixed and sticky
# elements where they are, and covers what Streamlit draws outside its app (menus, tooltips, the table's
# canvas). Streamlit has no theme of its own per session.
_INVERTED_PAGE_CSS = """<style>
html { filter: invert(1) hue-rotate(180deg); }
.js-plotly-plot, img { filter: invert(1) hue-rotate(180deg); }
</style>"""


def page_colours() -> None:
    """Colour the whole page like its charts: dark for the dark theme, light for the others (a style element,
    drawn only when Streamlit's own theme differs)."""
    if (theme() == "dark") != (streamlit_theme() == "dark"):
        st.html(_INVERTED_PAGE_CSS)


def text(key: str, **values: Any) -> str:
    """A string of the app's texts in the current language."""
    return t(key, lang(), **values)


def frame_query() -> dict[str, str]:
    """The query string every page keeps: the language, and the theme unless it follows Streamlit's."""
    choice = theme_choice()
    return {"lang": lang(), **({"theme": choice} if choice != "auto" else {})}


def read_frame_from_url() -> None:
    """The language and theme from the URL, on a session's first run (the browser's locale without ``lang``)."""
    state = st.session_state
    if not state.get(_FRAME_LOADED_KEY):
        state[_FRAME_LOADED_KEY] = True
        url = st.query_params
        state[LANG_KEY], lang_notice = LANG_PARAM.parse(url.get("lang", browser_lang()))
        state[THEME_KEY], theme_notice = THEME_PARAM.parse(url.get("theme", "auto"))
        state[NOTICES_KEY] = [n for n in (lang_notice, theme_notice) if n is not None]


def app_sidebar() -> None:
    """The controls every page shares: language and chart theme, read from the URL on a session's first run."""
    state = st.session_state
    read_frame_from_url()
    # Streamlit resets a widget's value when it takes a run for a page change, as it does for the first
    # rerun of a session opened at "/" (the home page); a value set again in the session state is kept.
    for key in (LANG_KEY, THEME_KEY):
        if key in state:
            state[key] = state[key]
    code = lang()
    with st.sidebar:
        st.radio(t("sidebar.language", code), LANGS, key=LANG_KEY, horizontal=True,
                 format_func=lambda value: {"ko": "한국어", "en": "English"}[value])
        st.selectbox(t("sidebar.theme", code), PAGE_THEMES, key=THEME_KEY,
                     format_func=lambda name: t(f"theme.{name}", code, current=t(f"theme.{streamlit_theme()}", code)))


def enter_through_the_app(page: str) -> None:
    """Make sure the page runs inside the app frame.

    Until some run of a server process has called ``st.navigation``, Streamlit treats the ``pages/``
    folder as a classic multipage app and runs a requested page file directly, without app.py (no
    language, theme or menu): the first visitor after a server start who opens a page's link would see
    that. The page then remembers where the visitor was going and switches to the entry script, which
    builds the navigation and switches on to that page with the same query string.
    """
    if st.session_state.get(_FRAME_LOADED_KEY):
        return
    st.session_state[INTENDED_PAGE_KEY] = page
    st.switch_page("app.py", query_params=st.query_params.to_dict())


def lesson_header(page: str) -> None:
    """The page's title, the one sentence that says what to look for (``{page}.look``), and the two or three
    sentences that say what it shows (``{page}.intro``)."""
    enter_through_the_app(page)
    st.title(text(f"{page}.title"))
    look = text(f"{page}.look")
    with st.container(key="look", border=True):
        st.markdown(f":material/visibility: {look}")
    st.markdown(text(f"{page}.intro"))


def try_this(page: str) -> None:
    """The page's "try this" list (``{page}.try``, markdown), then the link to the story's next page."""
    st.subheader(text("page.try_this"))
    st.markdown(text(f"{page}.try"))
    lesson_footer(page)


def lesson_footer(page: str) -> None:
    """The link to the story's next page (the menu's order), or after the last page the way back to the
    start; like the menu's links it keeps the language and theme."""
    following = next_page(page)
    target = following or PAGES[0]
    label = text(f"{target.name}.nav")
    with st.container(key="next"):
        st.divider()
        if following is None:
            st.markdown(text("page.story_end"))
        st.page_link(f"pages/{target.name}.py", query_params=frame_query(),
                     label=text("page.next" if following else "page.back_to_start", title=label))


def notice_text(notice: Notice) -> str:
    return text(f"notice.{notice.reason}", name=notice.name, raw=notice.raw, used=notice.used)


def show_notices() -> None:
    """Show (once) what URL validation changed, in the user's language."""
    for notice in st.session_state.pop(NOTICES_KEY, []):
        st.warning(notice_text(notice), icon="⚠️")
