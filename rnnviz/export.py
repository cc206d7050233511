"""Exports of a catalogue figure, shared by the page's download buttons and the command line.

- CSV and JSON hold the figure's data table (JSON also records the figure id and parameters).
- HTML is a standalone page with plotly.js inlined, so it opens offline (e.g. inside a lecture deck); a
  live figure keeps its live sliders there (:func:`live_html`), ``figure_html`` is the plain chart.
- PNG and SVG are slide images drawn by the system's Chromium (see :mod:`rnnviz.images`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

import plotly
import plotly.graph_objects as go

from rnnviz import images
from rnnviz.catalogue import FigureSpec
from rnnviz.figures.live import LIVE_JS, live_payload
from rnnviz.i18n import t

FORMATS = ("csv", "json", "html")  # text formats, made without a browser
IMAGE_FORMATS = images.IMAGE_FORMATS  # ("png", "svg"): drawn by Chromium
ALL_FORMATS = FORMATS + IMAGE_FORMATS
MIME_TYPES = {"csv": "text/csv", "json": "application/json", "html": "text/html",
              "png": "image/png", "svg": "image/svg+xml"}
# A 16:9 slide, in layout pixels: the size of every image export unless asked otherwise.
SLIDE_WIDTH, SLIDE_HEIGHT = 1280, 720
# Every chart's Plotly config (the app's chart element, the slide view, the HTML exports): nothing leaves the
# room (no "Share chart..." upload to Plotly's cloud, no "Edit in Chart Studio" link, no logo linking out), no
# selection tools (nothing on these charts is selectable), and a client-side PNG (the camera icon) large
# enough for a slide. ``plotly_config(lang)`` adds the toolbar's language.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "showLink": False,
    "plotlyServerURL": "",
    "modeBarButtonsToRemove": ["sendChartToCloud", "editInChartStudio", "select2d", "lasso2d"],
    "toImageButtonOptions": {"format": "png", "scale": 3, "width": SLIDE_WIDTH, "height": SLIDE_HEIGHT},
}
# plotly.js's interface (toolbar titles, hints) in Korean: registered by the chart element and the HTML pages.
LOCALES_JS = Path(__file__).parent / "figures" / "plotly_locales.js"


def plotly_config(lang: str) -> dict[str, Any]:
    """The Plotly config of a chart in ``lang`` (its toolbar speaks the page's language)."""
    return {**PLOTLY_CONFIG, "locale": lang}


def table_csv(spec: FigureSpec, data: Any) -> str:
    """The data table as CSV, full float precision."""
    return spec.table(data).to_csv(index=False)


def table_json(spec: FigureSpec, data: Any, values: Mapping[str, Any]) -> str:
    """The data table as JSON: ``{"figure": id, "params": {...}, "data": [records]}``."""
    records = json.loads(spec.table(data).to_json(orient="records", double_precision=15))
    payload = {"figure": spec.id, "params": dict(values), "data": records}
    return json.dumps(payload, ensure_ascii=False, indent=1)


def figure_html(fig: go.Figure, lang: str = "en") -> str:
    """A standalone HTML page with plotly.js inlined (works with no network), its toolbar in ``lang``."""
    page = fig.to_html(include_plotlyjs=False, full_html=True, config=plotly_config(lang))
    page = page.replace("<html>", f'<html lang="{lang}">', 1)
    scripts = (f"<script>{_inline_script(PLOTLY_JS.read_text(encoding='utf-8'))}</script>\n"
               f"<script>{_inline_script(LOCALES_JS.read_text(encoding='utf-8'))}\nrnnvizRegisterLocales(Plotly);</script>\n")
    head_end = page.index("</head>")
    return page[:head_end] + scripts + page[head_end:]


LIVE_PAGE = Path(__file__).parent / "figures" / "live_page.html"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
LARGE_HTML_BYTES = 10 * 2**20  # the command line and the export menu warn beyond this size


def live_html(spec: FigureSpec, values: Mapping[str, Any], *, lang: str, theme: str) -> str:
    """A standalone HTML page of a live figure that keeps its live sliders: plotly.js, the frames and the
    script that switches them inlined, so it works with no network (a lecture deck, a student at home)."""
    payload = live_payload(spec, values, lang=lang, theme=theme, label=lambda param: param.label(lang))
    dark = theme == "dark"
    return LIVE_PAGE.read_text(encoding="utf-8").format(
        lang=lang, title=_html_text(spec.title(lang)), body_class="rnnviz-large" if theme == "projector" else "", paper="#111111" if dark else "#ffffff",
        ink="#eeeeee" if dark else "#222222", plotly_js=_inline_script(PLOTLY_JS.read_text(encoding="utf-8")),
        live_js=_inline_script(LIVE_JS.read_text(encoding="utf-8") + "\n" + LOCALES_JS.read_text(encoding="utf-8")),
        payload=_inline_script(payload), config=json.dumps({**plotly_config(lang), "responsive": True}), thinned=json.dumps(t("chart.live.thinned", lang)),
    )


def _inline_script(text: str) -> str:
    """Text that may stand inside a ``<script>`` element (no closing tag or comment opener in it)."""
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def figure_image(fig: go.Figure, fmt: str = "png", scale: float = 1.0, width: int = SLIDE_WIDTH,
                 height: int = SLIDE_HEIGHT) -> bytes:
    """The figure as a PNG or SVG (bytes), ``width`` x ``height`` layout pixels, PNG pixels times ``scale``.

    Starts Chromium for this one image (a second or two); for many figures keep one
    :class:`rnnviz.images.ImageRenderer` open instead. Raises :class:`rnnviz.images.ImageError`
    (one line that says what to install) when there is no Chromium, or no Hangul font for a Korean figure.
    """
    with images.ImageRenderer() as renderer:
        return renderer.render(fig, fmt, scale=scale, width=width, height=height)


def file_name(spec: FigureSpec, fmt: str) -> str:
    return f"rnnviz-{spec.id}.{fmt}"
