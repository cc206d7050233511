"""The chart element: a component that draws a Plotly figure and redraws it in place (``chart.js``), and
for a live figure switches between its frames in the browser (``live.js``).

plotly.js is served from the plotly package's own copy, under Streamlit's component file route, so a
page requests nothing from outside the app's server; its toolbar speaks the page's language
(``figures/plotly_locales.js``) and offers no upload to a cloud (``export.PLOTLY_CONFIG``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import plotly
import streamlit as st
import streamlit.components.v1 as components_v1

from rnnviz import export
from rnnviz.figures.live import LIVE_JS
from rnnviz.ui.frame import lang, text, theme

ASSETS = Path(__file__).parent  # chart.js and chart.css
_PLOTLY_JS_DIR = Path(plotly.__file__).parent / "package_data"
_PLOTLY_JS_FILE = "plotly.min.js"


@st.cache_resource(show_spinner=False)
def _component() -> Any:
    """The chart component, declared once per server process (on first use, not at import)."""
    return st.components.v2.component(
        "rnnviz_chart",
        js="\n".join(path.read_text(encoding="utf-8") for path in (LIVE_JS, export.LOCALES_JS, ASSETS / "chart.js")),
        css=(ASSETS / "chart.css").read_text(encoding="utf-8"),
        isolate_styles=False,
    )


@st.cache_resource(show_spinner=False)
def plotly_js_url() -> str:
    """Where the browser loads plotly.js from (relative to the page). The first call, in a script run,
    registers the file route with the server; later ones reuse its answer."""
    served = components_v1.declare_component("plotlyjs", path=str(_PLOTLY_JS_DIR))
    return f"component/{served.name}/{_PLOTLY_JS_FILE}"


def chart(figure_json: str, key: str, *, live_url: str | None = None, show_live: list[str] | None = None,
          on_live: Callable[[], None] | None = None, fill: bool = False) -> Any:
    """Draw a Plotly figure (its JSON) in the chart element ``key``; a new figure redraws it in place.

    A live figure also passes the URL of its live payload (``rnnviz.figures.live.live_payload``, served by
    ``rnnviz.ui.frames``): the element fetches it and shows the sliders of the parameters in ``show_live``
    (it follows the page's other charts in the rest), and calls ``on_live`` when a slider is let go, with
    the chart's state holding ``live`` = ``{name, value}``. With ``fill`` the chart takes the window's
    height instead of its own (the slide view).
    """
    data = {
        "figure": figure_json,
        "live": live_url,
        "show": show_live or [],
        "fill": fill,
        "large": theme() == "projector",  # the live sliders' labels in large type, as the chart's
        "config": export.plotly_config(lang()),
        "plotly": plotly_js_url(),
        "labels": {"fullscreen": text("chart.fullscreen"), "failed": text("chart.failed"),
                   "thinned": text("chart.live.thinned")},
    }
    callbacks = {"on_live_change": on_live} if on_live is not None else {}
    return _component()(data=data, key=key, width="stretch", height="content", **callbacks)
