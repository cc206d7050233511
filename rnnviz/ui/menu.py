"""The page menu: a component (``menu.js``) in place of Streamlit's own navigation menu.

Streamlit 1.67's own menu leaves the address bar at the old page when the URL has a query string (and
every rnnviz URL has one: the language), so a link copied after a menu click opened the wrong page. This
menu's links carry the language and theme, and a plain click switches pages in the running session with
the address bar following. It is collapsible, so the page's own controls below it stay in view.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from rnnviz.ui.frame import frame_query, text

ASSETS_DIR = Path(__file__).parent  # menu.js and menu.css


@st.cache_resource(show_spinner=False)
def _component() -> Any:
    """The menu component, declared once per server process (on first use, not at import)."""
    return st.components.v2.component(
        "rnnviz_menu",
        js=(ASSETS_DIR / "menu.js").read_text(encoding="utf-8"),
        css=(ASSETS_DIR / "menu.css").read_text(encoding="utf-8"),
        isolate_styles=False,
    )


def menu(sections: dict[str, list[Any]], current: Any) -> None:
    """The sidebar's page menu: ``sections`` maps a section title to its ``st.Page`` entries (in menu
    order); ``current`` is the page being shown. Its links keep the language and the chart theme."""
    data = {
        "label": text("nav.label"),
        "query": urlencode(frame_query()),
        "sections": [
            {"title": title, "pages": [
                {"title": page.title, "path": page.url_path, "icon": _icon_name(page.icon),
                 "current": page.url_path == current.url_path}
                for page in entries
            ]}
            for title, entries in sections.items()
        ],
    }
    _component()(data=data, key="menu", width="stretch", height="content")


def _icon_name(icon: str) -> str:
    """``":material/home:"`` -> ``"home"`` (the Material Symbols ligature the menu draws)."""
    return icon.removeprefix(":material/").removesuffix(":")
