"""Figures of seed 004's dynamical-systems view: compositions, cobweb, basins."""

from __future__ import annotations

from typing import Any

import numpy as np

from rnnviz.figures.canvas import builder, figure, scatter, subplots
from rnnviz.figures.style import CELL_COLORS, GUIDE, SKY, Figure, add_note, apply_layout, line_width
from rnnviz.i18n import t

SINK_COLOR = CELL_COLORS["lstm"]  # attracts: like a vanishing gradient
SOURCE_COLOR = CELL_COLORS["rnn"]  # repels: like an exploding gradient


def _plus_c(c: float) -> str:
    """``+ 0.15`` or ``− 0.5``: the constant as it reads after ``x²``."""
    return f"+ {c:g}" if c >= 0 else f"− {abs(c):g}"


@builder
def compositions_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """``f^n(x)`` on ``[0, 1]`` for ``n = 1..n_max``, the legend giving each one's maximum slope.

    ``data``: ``x`` (G,), ``orders`` (N,), ``curves`` (N, G), ``max_slopes`` (N,).
    """
    width = line_width(theme)
    fig = figure()
    count = len(data["orders"])
    for i, (n, curve, slope) in enumerate(zip(data["orders"], data["curves"], data["max_slopes"])):
        share = i / max(count - 1, 1)
        fig.add_trace(scatter(
            x=data["x"], y=curve, mode="lines", name=t("dynamics.comp.trace", lang, n=int(n), slope=slope),
            line={"color": f"rgba(0,114,178,{0.3 + 0.7 * share:.2f})", "width": width * (0.6 + 0.4 * share)},
        ))
    apply_layout(fig, theme=theme, title=t("dynamics.comp.title", lang), x_title="x", y_title="fⁿ(x)")
    fig.update_yaxes(range=[0, 1])
    return fig


@builder
def cobweb_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """The curve ``x² + c``, the diagonal, the orbit's cobweb and the exact sink and source.

    ``data``: ``path`` (P, 2), ``c``, ``sink``, ``source``, ``sink_slope``, ``source_slope``, ``escaped``.
    """
    width = line_width(theme)
    grid = np.linspace(-1.5, 1.5, 301)
    fig = figure()
    fig.add_trace(scatter(x=grid, y=grid * grid + data["c"], mode="lines", name=f"f(x) = x² {_plus_c(data['c'])}",
                             line={"color": GUIDE, "width": width}))
    fig.add_trace(scatter(x=grid, y=grid, mode="lines", name="y = x", line={"color": GUIDE, "dash": "dot",
                                                                              "width": width * 0.6}))
    path = data["path"]
    fig.add_trace(scatter(x=path[:, 0], y=path[:, 1], mode="lines+markers", name=t("dynamics.cobweb.orbit", lang),
                             line={"color": SKY, "width": width * 0.8}, marker={"size": 5}))
    for key, color, symbol in (("sink", SINK_COLOR, "circle"), ("source", SOURCE_COLOR, "circle-open")):
        x = data[key]
        fig.add_trace(scatter(
            x=[x], y=[x], mode="markers+text", marker={"size": 14, "color": color, "symbol": symbol,
                                                       "line": {"width": 3, "color": color}},
            name=t(f"dynamics.cobweb.{key}", lang, x=x, slope=data[f"{key}_slope"]),
            text=[f"{x:.5f}"], textposition="bottom right" if key == "sink" else "top left",
            textfont={"color": color},
        ))
    apply_layout(fig, theme=theme, title=t("dynamics.cobweb.title", lang, c=_plus_c(data["c"])), x_title="xₙ₋₁",
                 y_title="xₙ", height=540)
    fig.update_xaxes(range=[-1.5, 1.5])
    fig.update_yaxes(range=[min(-0.2, data["c"] - 0.1), 1.6])
    if data["escaped"]:
        add_note(fig, t("dynamics.cobweb.escaped", lang))
    return fig


@builder
def basins_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Top: ``|f'(x)| = 2|x|`` against 1. Bottom: where each start ends (sink, infinity, other).

    ``data``: ``x0`` (G,), ``label`` (G,), ``slope`` (G,), ``sink``, ``source``.
    """
    width = line_width(theme)
    fig = subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.6, 0.4], vertical_spacing=0.08)
    fig.add_trace(scatter(x=data["x0"], y=data["slope"], mode="lines", name="|f'(x)| = 2|x|",
                             line={"color": GUIDE, "width": width}), row=1, col=1)
    fig.add_hline(y=1.0, line={"color": GUIDE, "dash": "dot"}, row=1, col=1)
    for key, color in (("sink", SINK_COLOR), ("source", SOURCE_COLOR)):
        x = data[key]
        fig.add_trace(scatter(x=[x], y=[2 * abs(x)], mode="markers", marker={"size": 12, "color": color},
                                 name=t(f"dynamics.basins.{key}", lang, slope=abs(2 * x)), showlegend=True),
                      row=1, col=1)
    labels = {"sink": SINK_COLOR, "infinity": SOURCE_COLOR, "other": GUIDE}
    for label, color in labels.items():
        chosen = data["label"] == label
        if not np.any(chosen):
            continue
        fig.add_trace(scatter(
            x=data["x0"][chosen], y=[t(f"dynamics.basins.to_{label}", lang)] * int(chosen.sum()), mode="markers",
            marker={"color": color, "size": 6, "symbol": "line-ns-open", "line": {"width": 3, "color": color}},
            name=t(f"dynamics.basins.to_{label}", lang),
        ), row=2, col=1)
    for x in (-data["source"], data["source"]):
        fig.add_vline(x=x, line={"color": SOURCE_COLOR, "dash": "dash", "width": 1.2})
    apply_layout(fig, theme=theme, title=t("dynamics.basins.title", lang, c=_plus_c(data["c"])), height=520)
    fig.update_xaxes(title_text="x₀", row=2, col=1)
    fig.update_yaxes(title_text="|f'(x)|", row=1, col=1)
    return fig
