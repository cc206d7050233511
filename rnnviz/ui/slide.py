"""The slide view: ``/<page>?slide=<figure id>&embed=true`` shows one figure and nothing else, filling
the window (a 16:9 frame in a slide deck's ``<iframe>``), with its live sliders, in the link's language
and theme and at the link's parameters. Streamlit's ``embed=true`` leaves out its own toolbar."""

from __future__ import annotations

import streamlit as st

from rnnviz import catalogue
from rnnviz.ui.embed import SLIDE_PARAM
from rnnviz.ui.figures import figure
from rnnviz.ui.frame import notice_text, text

# The page's own frame is left out: no header, no padding around the chart.
_SLIDE_CSS = """<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.5rem 1rem 0 1rem !important; max-width: 100% !important; }
</style>"""


def slide_figure() -> str | None:
    """The figure id the URL asks to show alone, when it names one (else None: the page as usual)."""
    wanted = st.query_params.get(SLIDE_PARAM)
    return wanted if isinstance(wanted, str) and wanted in catalogue.CATALOGUE else None


def slide_view(figure_id: str) -> None:
    """Draw the figure alone at the URL's parameters (bad ones replaced, with a notice)."""
    st.html(_SLIDE_CSS)
    spec = catalogue.get(figure_id)
    raw = {}
    for param in spec.all_params:
        for name in (param.name, *param.aliases):
            if name in st.query_params:
                raw[param.name] = st.query_params[name]
                break
    values, notices = spec.validate(raw)
    for notice in notices:
        st.caption(notice_text(notice))
    figure(figure_id, values, table=False, fill=True)


def missing_slide_notice() -> None:
    """A ``slide`` value that names no figure: say so (the page is shown as usual)."""
    wanted = st.query_params.get(SLIDE_PARAM)
    if wanted is not None and slide_figure() is None:
        st.warning(text("slide.unknown", id=str(wanted)[:40]), icon="⚠️")
