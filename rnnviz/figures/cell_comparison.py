"""RNN vs LSTM vs GRU: gradient curves on one chart, the LSTM's forget gate, and one panel per cell."""

from __future__ import annotations

from typing import Any

import numpy as np

from rnnviz.figures.canvas import builder, scatter, subplots
from rnnviz.figures.derivatives import log_axis_values
from rnnviz.figures.style import CELL_COLORS, GUIDE, Figure, add_note, apply_layout, line_width
from rnnviz.i18n import t

CELLS = ("rnn", "lstm", "gru")
NAMES = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}


def _rgba(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _path_key(cell: str, gru_variant: str) -> str:
    return f"cell_comparison.path.{cell}" if cell != "gru" else f"cell_comparison.path.gru_{gru_variant}"


@builder
def comparison_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Left: ‖∂L/∂h_t‖ of the three cells (one colour each) and the LSTM's Π f (dashed).
    Right: the LSTM's forget gate f_t over time (unit mean, min–max band) and σ(b_f).

    ``data``: ``t`` (T,), ``log10_grad`` and ``log10_path`` {cell: (T,)}, ``f_mean``, ``f_min``,
    ``f_max`` (T,), ``f_bias``, ``gru_variant``.
    """
    width = line_width(theme)
    steps = data["t"]
    fig = subplots(
        rows=1, cols=2, column_widths=[0.64, 0.36], horizontal_spacing=0.1,
        subplot_titles=(t("cell_comparison.panel.gradients", lang), t("cell_comparison.panel.forget", lang)),
    )
    values, as_log10 = log_axis_values(*(data["log10_grad"][c] for c in CELLS), data["log10_path"]["lstm"])
    for cell, y in zip(CELLS, values[:3]):
        name = t("cell_comparison.trace.grad", lang, cell=NAMES[cell])
        fig.add_trace(scatter(
            x=steps, y=y, name=name, mode="lines", line={"color": CELL_COLORS[cell], "width": width},
            hovertemplate="t=%{x}<br>%{y:.4g}<extra>" + name + "</extra>",
        ), row=1, col=1)
    name = t("cell_comparison.path.lstm", lang)
    fig.add_trace(scatter(
        x=steps, y=values[3], name=name, mode="lines",
        line={"color": CELL_COLORS["lstm"], "width": width * 0.7, "dash": "dash"},
        hovertemplate="t=%{x}<br>%{y:.4g}<extra>" + name + "</extra>",
    ), row=1, col=1)
    blue = CELL_COLORS["lstm"]
    fig.add_trace(scatter(
        x=np.concatenate([steps, steps[::-1]]), y=np.concatenate([data["f_max"], data["f_min"][::-1]]),
        fill="toself", fillcolor=_rgba(blue, 0.18), line={"width": 0}, hoverinfo="skip",
        name=t("cell_comparison.trace.f_band", lang),
    ), row=1, col=2)
    name = t("cell_comparison.trace.f_mean", lang)
    fig.add_trace(scatter(
        x=steps, y=data["f_mean"], name=name, mode="lines", line={"color": blue, "width": width},
        hovertemplate="t=%{x}<br>f = %{y:.4f}<extra>" + name + "</extra>",
    ), row=1, col=2)
    fig.add_trace(scatter(
        x=[steps[0], steps[-1]], y=[data["f_bias"]] * 2, mode="lines",
        line={"color": GUIDE, "width": width * 0.6, "dash": "dot"},
        name=t("cell_comparison.trace.f_bias", lang, value=data["f_bias"]), hoverinfo="skip",
    ), row=1, col=2)
    apply_layout(fig, theme=theme, title=t("cell_comparison.figure.title", lang), height=500)
    fig.update_xaxes(title_text=t("cell_comparison.axis.t", lang))
    y_key = "cell_comparison.axis.log10_norm" if as_log10 else "cell_comparison.axis.norm"
    fig.update_yaxes(title_text=t(y_key, lang), row=1, col=1)
    if not as_log10:
        fig.update_yaxes(type="log", exponentformat="power", row=1, col=1)
    else:
        add_note(fig, t("chart.log10_axis", lang))
    fig.update_yaxes(title_text="f_t", range=[0.0, 1.02], row=1, col=2)
    return fig


@builder
def small_multiples_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """One panel per cell (shared axes): ‖∂L/∂h_t‖ and the product along the cell's diagonal path.

    ``data`` as for :func:`comparison_figure`.
    """
    width = line_width(theme)
    steps = data["t"]
    fig = subplots(rows=1, cols=3, shared_yaxes=True, horizontal_spacing=0.04,
                        subplot_titles=[NAMES[c] for c in CELLS])
    values, as_log10 = log_axis_values(*(data["log10_grad"][c] for c in CELLS),
                                       *(data["log10_path"][c] for c in CELLS))
    for col, cell in enumerate(CELLS, start=1):
        color = CELL_COLORS[cell]
        for y, name, line in (
            (values[col - 1], t("cell_comparison.trace.grad", lang, cell=NAMES[cell]), {"color": color, "width": width}),
            (values[col + 2], t(_path_key(cell, data["gru_variant"]), lang),
             {"color": color, "width": width * 0.7, "dash": "dash"}),
        ):
            fig.add_trace(scatter(
                x=steps, y=y, name=name, mode="lines", line=line,
                hovertemplate="t=%{x}<br>%{y:.4g}<extra>" + name + "</extra>",
            ), row=1, col=col)
    apply_layout(fig, theme=theme, title=t("cell_comparison.multiples.title", lang), height=440)
    fig.update_xaxes(title_text=t("cell_comparison.axis.t", lang))
    y_key = "cell_comparison.axis.log10_norm" if as_log10 else "cell_comparison.axis.norm"
    fig.update_yaxes(title_text=t(y_key, lang), row=1, col=1)
    if not as_log10:
        fig.update_yaxes(type="log", exponentformat="power")
    else:
        add_note(fig, t("chart.log10_axis", lang))
    return fig

