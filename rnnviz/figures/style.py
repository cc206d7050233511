"""The look shared by every chart: palette, fonts, themes and a base layout.

One colour per cell type on every chart (Okabe–Ito, colour-blind safe). Fonts list Hangul families
that browsers ship, so Korean titles render; the ``projector`` theme uses large type and strong lines.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

THEMES = ("light", "dark", "projector")

# Okabe–Ito palette.
CELL_COLORS = {"rnn": "#D55E00", "lstm": "#0072B2", "gru": "#009E73"}
ACCENT = "#E69F00"
SECONDARY = "#CC79A7"
SKY = "#56B4E9"
GUIDE = "#7F7F7F"

FONT_FAMILY = (
    '"Noto Sans KR", "Noto Sans CJK KR", "NanumGothic", "Nanum Gothic", "Malgun Gothic", '
    '"Apple SD Gothic Neo", "Source Sans Pro", "Segoe UI", Arial, sans-serif'
)
_TEMPLATES = {"light": "plotly_white", "dark": "plotly_dark", "projector": "simple_white"}
_FONT_SIZES = {"light": 14, "dark": 14, "projector": 20}


def check_theme(theme: str) -> str:
    if theme not in THEMES:
        raise ValueError(f"theme must be one of {THEMES}; got {theme!r}")
    return theme


def line_width(theme: str) -> float:
    """Trace line width: thicker on a projector."""
    return 4.0 if theme == "projector" else 2.2


def apply_layout(
    fig: go.Figure, *, theme: str, title: str, x_title: str = "", y_title: str = "", height: int = 460
) -> go.Figure:
    """Set the template, fonts, title and axis titles of ``fig`` for ``theme``; returns ``fig``.

    Properties are merged into what the figure already has, as ``update_layout`` would, but set by
    assignment: Plotly still validates every value, without ``update_layout``'s path parsing (which
    took three quarters of a simple figure's build time).
    """
    check_theme(theme)
    size = _FONT_SIZES[theme]
    set_template(fig, theme)
    layout = fig.layout
    _merge(layout, {
        "title": {"text": title, "x": 0.0, "xanchor": "left", "pad": {"l": 12}, "font": {"size": size + 4}},
        "font": {"family": FONT_FAMILY, "size": size},
        "height": height + (80 if theme == "projector" else 0),
        "margin": {"l": 70, "r": 30, "t": 60, "b": 40},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.18, "xanchor": "left", "x": 0.0},
        "hoverlabel": {"font": {"family": FONT_FAMILY}},
    })
    grid = {"showgrid": True, "gridcolor": "#DDDDDD", "linewidth": 2} if theme == "projector" else {}
    for axis_title, names in ((x_title, _axis_names(layout, "xaxis")), (y_title, _axis_names(layout, "yaxis"))):
        for name in names:
            _merge(layout[name], {**({"title": {"text": axis_title}} if axis_title else {}), **grid})
    return fig


def _axis_names(layout: go.Layout, kind: str) -> list[str]:
    """``xaxis``, ``xaxis2``, ... of ``layout`` (``kind`` "xaxis" or "yaxis"); the first always."""
    return [kind] + sorted((name for name in layout.to_plotly_json() if name.startswith(kind) and name != kind),
                           key=lambda name: int(name[len(kind):]))


def _merge(obj: Any, values: dict[str, Any]) -> None:
    """Set ``values`` on a Plotly object, merging nested dicts into the properties already set."""
    current = obj.to_plotly_json()
    for name, value in values.items():
        if isinstance(value, dict) and isinstance(current.get(name), dict):
            child = obj[name]
            _merge(child, value)
        else:
            obj[name] = value


def set_template(fig: go.Figure, theme: str) -> go.Figure:
    """Attach the theme's Plotly template to ``fig`` without validating it again.

    Assigning a template through ``update_layout`` validates and deep-copies all of it, about 25 ms
    per figure, most of a figure's build time. The registered templates are already valid, so this
    attaches one the way Plotly attaches its default template: with the layout's validation off for
    that one assignment.
    """
    layout = fig.layout
    layout._validate = False
    try:
        layout.template = pio.templates[_TEMPLATES[check_theme(theme)]]
    finally:
        layout._validate = fig._validate
    return fig


def add_note(fig: go.Figure, text: str, *, y: float = -0.16, yshift: float | None = None) -> go.Figure:
    """A small note under the plot area (e.g. that a heatmap was aggregated).

    Its top is at ``y`` (paper units; 0 is the plot area's bottom), moved by ``yshift`` pixels if given:
    a pixel offset keeps a note clear of the axis or slider above it at any figure height.
    """
    fig.add_annotation(
        text=text, xref="paper", yref="paper", x=0.0, y=y, showarrow=False,
        xanchor="left", yanchor="top", align="left", font={"size": 12, "color": GUIDE},
        **({} if yshift is None else {"yshift": yshift}),
    )
    return fig
