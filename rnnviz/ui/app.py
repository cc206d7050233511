"""What app.py draws around every page: the page config, the navigation over the lessons' pages with the
app's menu, the language and theme; or, for a slide link, the one figure it names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from rnnviz import lessons
from rnnviz.i18n import t
from rnnviz.ui.frame import HOME, INTENDED_PAGE_KEY, app_sidebar, lang, page_colours, read_frame_from_url
from rnnviz.ui.menu import menu
from rnnviz.ui.slide import missing_slide_notice, slide_figure, slide_view

# The browser tab's icon, served by the app itself (a Material Symbols icon would be fetched from a font CDN).
PAGE_ICON = Path(__file__).with_name("icon.png")


def app_frame() -> Any:
    """Everything app.py draws around a page: the page config, the page menu, then the language and theme
    in the sidebar. Returns the page to run: the lesson, or for ``?slide=<figure id>`` that figure alone."""
    slide = slide_figure()
    st.set_page_config(page_title="rnnviz", page_icon=str(PAGE_ICON), layout="wide",
                       initial_sidebar_state="collapsed" if slide else "auto")
    if slide:
        read_frame_from_url()
        page_colours()
        navigation(None)
        return _Slide(lambda: slide_view(slide))
    menu_slot = st.sidebar.container()  # the menu goes first, drawn once the page is known
    app_sidebar()
    page_colours()
    page = navigation(menu_slot)
    missing_slide_notice()
    return page


class _Slide:
    """What app.py runs in place of a page in the slide view."""

    def __init__(self, draw: Any) -> None:
        self.run = draw


def navigation(menu_slot: Any | None) -> Any:
    """The navigation over the lessons' pages, in the menu's sections and the current language: Streamlit's
    navigation with its own menu hidden and the app's menu (``rnnviz.ui.menu``) first in the sidebar.

    ``/home`` is a hidden page that leads to the home page at ``/`` with the link's settings (instead of
    Streamlit's "Page not found" dialog). Returns the page to run.
    """
    code = lang()
    sections: dict[str, list[Any]] = {}
    pages = {}
    for entry in lessons.PAGES:  # the file and the URL path are the page's name; home is served at "/"
        default = entry.name == HOME
        pages[entry.name] = st.Page(f"pages/{entry.name}.py", title=t(f"{entry.name}.nav", code), icon=entry.icon,
                                    url_path="" if default else entry.name, default=default)
        sections.setdefault(t(f"nav.section.{entry.section}", code), []).append(pages[entry.name])
    home = pages[HOME]

    def go_home() -> None:
        st.switch_page(home, query_params=st.query_params.to_dict())

    hidden = st.Page(go_home, title=home.title, url_path=HOME, visibility="hidden")
    first = next(iter(sections))
    current = st.navigation({**sections, first: sections[first] + [hidden]}, position="hidden")
    intended = st.session_state.pop(INTENDED_PAGE_KEY, None)
    if intended in pages and intended != (current.url_path or HOME):
        st.switch_page(pages[intended], query_params=st.query_params.to_dict())
    if menu_slot is not None:
        with menu_slot:
            menu(sections, current)
    return current
