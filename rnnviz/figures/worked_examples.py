"""Figures of seed 004's worked examples: values per step, written on the chart as the seed writes them."""

from __future__ import annotations

from typing import Any

import numpy as np

from rnnviz.figures.canvas import bar, builder, figure, heatmap, scatter, subplots
from rnnviz.figures.style import ACCENT, CELL_COLORS, GUIDE, SECONDARY, SKY, Figure, add_note, apply_layout, line_width
from rnnviz.i18n import t


def _steps(n: int) -> np.ndarray:
    return np.arange(1, n + 1)


@builder
def linear_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Example 1: inputs ``x`` as bars, ``h`` and ``y`` as lines with their values. ``data``: ``x, h, y`` (T,)."""
    steps = _steps(data["x"].size)
    width = line_width(theme)
    fig = figure()
    fig.add_trace(bar(x=steps, y=data["x"], name="x_t", marker_color=GUIDE, opacity=0.6,
                         hovertemplate="t=%{x}<br>x_t = %{y:g}<extra></extra>"))
    fig.add_trace(scatter(x=steps, y=data["h"], name="h_t", mode="lines+markers+text",
                             line={"color": CELL_COLORS["rnn"], "width": width}, marker={"size": 10},
                             text=[f"{v:g}" for v in data["h"]], textposition="top left", cliponaxis=False))
    fig.add_trace(scatter(x=steps, y=data["y"], name="y_t = w_y h_t", mode="lines+markers",
                             line={"color": ACCENT, "width": width * 0.7, "dash": "dash"}, marker={"symbol": "x"}))
    apply_layout(fig, theme=theme, title=t("worked_examples.linear.title", lang, wh=data["wh"]),
                 x_title=t("worked_examples.axis.t", lang), y_title=t("worked_examples.axis.value", lang), height=400)
    fig.update_xaxes(tickmode="array", tickvals=steps)
    return fig


@builder
def sigmoid_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Example 2: ``h_t`` (left) and ``y_t = σ(5 h_t)`` with the seed's sign slip ``σ(−5 h_t)`` (right).

    ``data``: ``h, y, y_seed_sign_slip`` (T,).
    """
    steps = _steps(data["h"].size)
    fig = subplots(rows=1, cols=2, horizontal_spacing=0.14,
                        subplot_titles=("h_t = x_t1 − x_t2 + h_{t−1}", "y_t = σ(w_y h_t)"))
    fig.add_trace(bar(x=steps, y=data["h"], name="h_t", marker_color=CELL_COLORS["rnn"],
                         text=[f"{v:g}" for v in data["h"]], textposition="outside"), row=1, col=1)
    fig.add_trace(scatter(x=steps, y=data["y"], name=t("worked_examples.sigmoid.correct", lang), mode="markers+text",
                             marker={"size": 14, "color": ACCENT}, text=[f"{v:.4g}" for v in data["y"]],
                             textposition="top center"), row=1, col=2)
    fig.add_trace(scatter(x=steps, y=data["y_seed_sign_slip"], name=t("worked_examples.sigmoid.slip", lang),
                             mode="markers", marker={"size": 12, "color": GUIDE, "symbol": "x-open"}), row=1, col=2)
    apply_layout(fig, theme=theme, title=t("worked_examples.sigmoid.title", lang), height=400)
    fig.update_xaxes(tickmode="array", tickvals=steps, title_text=t("worked_examples.axis.t", lang))
    fig.update_yaxes(range=[-1.5, 5.0], row=1, col=1)
    fig.update_yaxes(range=[-0.1, 1.15], row=1, col=2)
    return fig


@builder
def parity_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Example 3 as a grid: rows x, OR unit, AND unit, parity; columns t; the pre-activations on hover.

    ``data``: ``x`` (T,), ``pre_hidden``, ``hidden`` (T, 2), ``parity`` (T,).
    """
    steps = _steps(data["x"].size)
    rows = [t("worked_examples.parity.row_x", lang), t("worked_examples.parity.row_or", lang), t("worked_examples.parity.row_and", lang),
            t("worked_examples.parity.row_p", lang)]
    z = np.stack([data["x"], data["hidden"][:, 0], data["hidden"][:, 1], data["parity"]]).astype(int)  # (4, T)
    pre = np.stack([data["x"], data["pre_hidden"][:, 0], data["pre_hidden"][:, 1],
                    data["hidden"][:, 0] - data["hidden"][:, 1]]).astype(int)  # (4, T)
    small = steps.size <= 32  # beyond that the cells are too narrow for their digits
    fig = figure(heatmap(
        x=steps, y=rows, z=z, customdata=pre, zmin=0, zmax=1, showscale=False, xgap=2 if small else 1, ygap=2,
        colorscale=[[0.0, "#F2F2F2" if theme != "dark" else "#2A2A2A"], [1.0, CELL_COLORS["rnn"]]],
        texttemplate="%{z}" if small else "", textfont={"size": 18 if theme == "projector" else 14},
        hovertemplate="t=%{x}<br>%{y}: %{z}<br>" + t("worked_examples.parity.pre", lang) + " = %{customdata}<extra></extra>",
    ))
    apply_layout(fig, theme=theme, title=t("worked_examples.parity.title", lang), x_title=t("worked_examples.axis.t", lang),
                 height=330)
    fig.update_yaxes(autorange="reversed")
    if small:
        fig.update_xaxes(tickmode="array", tickvals=steps)
    return fig


@builder
def scalar_bptt_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Per-step ``∂L/∂r_t``, ``∂L/∂h_t``, ``∂L/∂z_t`` as grouped bars; the weight gradients in a note.

    ``data``: ``dL_dr, dL_dh, dL_dz`` (T,), ``dL_du, dL_dw, dL_dv`` floats.
    """
    steps = _steps(data["dL_dh"].size)
    fig = figure()
    for key, name, color in (("dL_dr", "∂L/∂r_t", SKY), ("dL_dh", "∂L/∂h_t", CELL_COLORS["rnn"]),
                             ("dL_dz", "∂L/∂z_t", SECONDARY)):
        fig.add_trace(bar(x=steps, y=data[key], name=name, marker_color=color,
                             text=[f"{v:.4f}" for v in data[key]], textposition="outside",
                             hovertemplate="t=%{x}<br>" + name + " = %{y:.6f}<extra></extra>"))
    apply_layout(fig, theme=theme, title=t("worked_examples.bptt.title", lang), x_title=t("worked_examples.axis.t", lang),
                 y_title=t("worked_examples.axis.gradient", lang), height=430)
    fig.update_layout(barmode="group")
    fig.update_xaxes(tickmode="array", tickvals=steps)
    add_note(fig, f"∂L/∂u = {data['dL_du']:.6f}   ∂L/∂w = {data['dL_dw']:.6f}   ∂L/∂v = {data['dL_dv']:.6f}")
    return fig
