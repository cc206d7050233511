"""The slide view's address and ``<iframe>`` code for a chart as it is now (see ``rnnviz.ui.slide``)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from rnnviz import catalogue
from rnnviz.ui.frame import frame_query, theme, theme_choice

SLIDE_PARAM = "slide"


def slide_link(page_url: str, figure_id: str, values: dict[str, Any]) -> str:
    """The address of the slide view of ``figure_id`` at ``values`` (non-default ones only), from the
    page's address without its query. A chosen theme also sets Streamlit's own (``embed_options``), so that
    the slide's frame is as dark or light as its chart."""
    spec = catalogue.get(figure_id)
    query = {SLIDE_PARAM: figure_id, "embed": "true", **frame_query()}
    if theme_choice() != "auto":
        query["embed_options"] = "dark_theme" if theme() == "dark" else "light_theme"
    query.update({p.name: p.to_query(values[p.name]) for p in spec.all_params if values[p.name] != p.default})
    return f"{page_url}?{urlencode(query)}"


def embed_code(link: str, title: str) -> str:
    """An ``<iframe>`` of a slide link, 16:9, for reveal.js, Quarto, Marp or a web slide viewer."""
    return (f'<iframe src="{link}" title="{title}" width="1280" height="720" style="border:0" '
            f'allow="fullscreen" loading="lazy"></iframe>')
