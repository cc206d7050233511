"""Exports of a catalogue figure, shared by the page's download buttons and the command line.

- CSV and JSON hold the figure's data table (JSON also records the figure id and parameters).
- HTML is a standalone page with plotly.js inlined, so it opens offline (e.g. inside a lecture deck).
- PNG and SVG are slide images drawn by the system's Chromium (see :mod:`rnnviz.images`).
"""

from __future__ import annotations

import json
from typing import Any, Mapping

import plotly.graph_objects as go

from rnnviz import images
from rnnviz.catalogue import FigureSpec

FORMATS = ("csv", "json", "html")  # text formats, made without a browser
IMAGE_FORMATS = images.IMAGE_FORMATS  # ("png", "svg"): drawn by Chromium
ALL_FORMATS = FORMATS + IMAGE_FORMATS
MIME_TYPES = {"csv": "text/csv", "json": "application/json", "html": "text/html",
              "png": "image/png", "svg": "image/svg+xml"}
# A 16:9 slide, in layout pixels: the size of every image export unless asked otherwise.
SLIDE_WIDTH, SLIDE_HEIGHT = 1280, 720
# Client-side PNG export (the camera icon): large enough for a slide.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 3, "width": SLIDE_WIDTH, "height": SLIDE_HEIGHT},
}


def table_csv(spec: FigureSpec, data: Any) -> str:
    """The data table as CSV, full float precision."""
    return spec.table(data).to_csv(index=False)


def table_json(spec: FigureSpec, data: Any, values: Mapping[str, Any]) -> str:
    """The data table as JSON: ``{"figure": id, "params": {...}, "data": [records]}``."""
    records = json.loads(spec.table(data).to_json(orient="records", double_precision=15))
    payload = {"figure": spec.id, "params": dict(values), "data": records}
    return json.dumps(payload, ensure_ascii=False, indent=1)


def figure_html(fig: go.Figure) -> str:
    """A standalone HTML page with plotly.js inlined (works with no network)."""
    return fig.to_html(include_plotlyjs=True, full_html=True, config=PLOTLY_CONFIG)


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
