"""Exports of a catalogue figure, shared by the page's download buttons and the command line.

- CSV and JSON hold the figure's data table (JSON also records the figure id and parameters).
- HTML is a standalone page with plotly.js inlined, so it opens offline (e.g. inside a lecture deck).
"""

from __future__ import annotations

import json
from typing import Any, Mapping

import plotly.graph_objects as go

from rnnviz.catalogue import FigureSpec

FORMATS = ("csv", "json", "html")
MIME_TYPES = {"csv": "text/csv", "json": "application/json", "html": "text/html"}
# Client-side PNG export (the camera icon): large enough for a slide.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 3, "width": 1280, "height": 720},
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


def file_name(spec: FigureSpec, fmt: str) -> str:
    return f"rnnviz-{spec.id}.{fmt}"
