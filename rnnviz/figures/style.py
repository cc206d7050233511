"""The look shared by every chart: palette, fonts, themes and a base layout.

One colour per cell type on every chart (Okabe–Ito, colour-blind safe). Fonts list Hangul families
that browsers ship, so Korean titles render; the ``projector`` theme uses large type and strong lines.
"""

from __future__ import annotations

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
    """Set the template, fonts, title and axis titles of ``fig`` for ``theme``; returns ``fig``."""
    check_theme(theme)
    size = _FONT_SIZES[theme]
    set_template(fig, theme)
    fig.update_layout(
        title={"text": title, "x": 0.0, "xanchor": "left", "font": {"size": size + 4}},
        font={"family": FONT_FAMILY, "size": size},
        height=height + (80 if theme == "projector" else 0),
        margin={"l": 70, "r": 30, "t": 60, "b": 40},
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "xanchor": "left", "x": 0.0},
        hoverlabel={"font": {"family": FONT_FAMILY}},
    )
    if x_title:
        fig.update_xaxes(title_text=x_title)
    if y_title:
        fig.update_yaxes(title_text=y_title)
    if theme == "projector":
        fig.update_xaxes(showgrid=True, gridcolor="#DDDDDD", linewidth=2)
        fig.update_yaxes(showgrid=True, gridcolor="#DDDDDD", linewidth=2)
    return fig


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


def add_note(fig: go.Figure, text: str) -> go.Figure:
    """A small note under the plot area (e.g. that a heatmap was aggregated)."""
    fig.add_annotation(
        text=text, xref="paper", yref="paper", x=0.0, y=-0.16, showarrow=False,
        xanchor="left", yanchor="top", font={"size": 12, "color": GUIDE},
    )
    return fig
