"""The look shared by every chart: palette, fonts, themes and a base layout.

One colour per cell type on every chart (Okabe–Ito, colour-blind safe). The fonts: Latin and Greek letters,
sub- and superscripts and mathematical signs come from a family that has them (the app's own Source Sans,
which Streamlit serves, else the system's), Hangul from the Hangul families that browsers ship, letter by
letter; the ``projector`` theme uses large type and strong lines.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from rnnviz.figures.canvas import Canvas
from rnnviz.figures.fit import NOTE, TITLE_STANDOFF

Figure = Canvas | go.Figure  # a builder draws on either (see rnnviz.figures.canvas)

THEMES = ("light", "dark", "projector")

# Okabe–Ito palette.
CELL_COLORS = {"rnn": "#D55E00", "lstm": "#0072B2", "gru": "#009E73"}
ACCENT = "#E69F00"
SECONDARY = "#CC79A7"
SKY = "#56B4E9"
GUIDE = "#7F7F7F"

# Hangul families only after the Latin ones: NanumGothic draws σ, ρ and ‖ full-width and ₁ as a dot.
FONT_FAMILY = (
    '"Source Sans", "Source Sans 3", "Source Sans Pro", "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", '
    '"Noto Sans KR", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", "Nanum Gothic", '
    'sans-serif'
)
_TEMPLATES = {"light": "plotly_white", "dark": "plotly_dark", "projector": "simple_white"}
_FONT_SIZES = {"light": 14, "dark": 14, "projector": 20}


def check_theme(theme: str) -> str:
    if theme not in THEMES:
        raise ValueError(f"theme must be one of {THEMES}; got {theme!r}")
    return theme


def font_size(theme: str) -> int:
    """The chart type size of ``theme`` in px (the projector's is large)."""
    return _FONT_SIZES[check_theme(theme)]


def line_width(theme: str) -> float:
    """Trace line width: thicker on a projector."""
    return 4.0 if theme == "projector" else 2.2


def apply_layout(fig: Figure, *, theme: str, title: str, x_title: str = "", y_title: str = "",
                 height: int = 460) -> Figure:
    """Set the template, fonts, title and axis titles (every subplot's) of ``fig`` for ``theme``;
    returns ``fig``. Properties are merged into what the figure already has."""
    size = font_size(theme)
    fig.update_layout(
        template=pio.templates[_TEMPLATES[theme]],
        title={"text": title, "x": 0.0, "xanchor": "left", "pad": {"l": 12}, "font": {"size": size + 4}},
        font={"family": FONT_FAMILY, "size": size},
        height=height + (80 if theme == "projector" else 0),
        margin={"l": 70, "r": 30, "t": 60, "b": 40},
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "xanchor": "left", "x": 0.0},
        hoverlabel={"font": {"family": FONT_FAMILY}},
    )
    grid = {"showgrid": True, "gridcolor": "#DDDDDD", "linewidth": 2} if theme == "projector" else {}
    # Axes make room for their tick labels and titles; an x title keeps a fixed distance from its labels, so
    # the legend below it can be placed (rnnviz.figures.fit).
    fig.update_xaxes({**({"title": {"text": x_title}} if x_title else {}), "title_standoff": TITLE_STANDOFF,
                      "automargin": True, **grid})
    fig.update_yaxes({**({"title": {"text": y_title}} if y_title else {}), "automargin": True, **grid})
    return fig


def add_note(fig: Figure, text: str, *, y: float | None = None, yshift: float | None = None) -> Figure:
    """A small note under the plot area (e.g. that a heatmap was aggregated).

    By default it goes under the x axis and the legend, after the notes added before it (placed when the
    figure is finished: :func:`rnnviz.figures.fit.fit_below`). With ``y`` its top is there instead (paper
    units; 0 is the plot area's bottom), moved by ``yshift`` pixels if given.
    """
    position = {"name": NOTE, "y": 0.0} if y is None else {"y": y, **({} if yshift is None else {"yshift": yshift})}
    fig.add_annotation(
        text=text, xref="paper", yref="paper", x=0.0, showarrow=False,
        xanchor="left", yanchor="top", align="left", font={"color": GUIDE}, **position,
    )
    return fig
