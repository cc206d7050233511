"""The scaling sweep: a heatmap of log10 ‖∂L/∂h_t‖ over (scale, t) and curves for a few scales."""

from __future__ import annotations

from typing import Any

import numpy as np
from plotly.colors import sample_colorscale

from rnnviz.figures.canvas import builder, heatmap, scatter, subplots
from rnnviz.figures.derivatives import log_axis_values
from rnnviz.figures.style import Figure, add_note, apply_layout, line_width
from rnnviz.i18n import t

COLOR_SPAN = 12.0  # colours saturate this many decades above/below the starting norm (hover shows the value)


@builder
def sweep_figure(data: dict[str, Any], *, lang: str, theme: str, highlight: float = 1.0) -> Figure:
    """Top: heatmap of log10 ‖∂L/∂h_t‖ (rows scales, columns t), critical scale as a line.
    Bottom: the full-resolution curves of a few scales, and bold the curve of the computed scale nearest
    to ``highlight``, which a line marks on the heatmap.

    ``data``: ``grid`` (S', T'), ``grid_t`` (T',), ``grid_scales`` (S',), ``curves`` (C, T),
    ``curve_scales`` (C,), ``rows`` (S, T) every scale's curve, ``scales`` (S,), ``t`` (T,), ``critical``
    float | None, ``start``, ``factor_t``, ``factor_s``, ``floored``, ``cell``.
    """
    width = line_width(theme)
    fig = subplots(
        rows=2, cols=1, row_heights=[0.58, 0.42], vertical_spacing=0.13,
        subplot_titles=(t("scale_sweep.panel.heatmap", lang), t("scale_sweep.panel.curves", lang)),
    )
    mid = data["start"]
    grid = np.round(data["grid"], 2)  # 0.01 decade is far below what a colour shows; keeps the JSON small
    fig.add_trace(heatmap(
        x=data["grid_t"], y=data["grid_scales"], z=grid, colorscale="RdBu_r", zmid=mid,
        zmin=mid - COLOR_SPAN, zmax=mid + COLOR_SPAN, name="log₁₀ ‖∂L/∂h_t‖",
        colorbar={"title": {"text": "log₁₀ ‖∂L/∂h_t‖", "side": "right"}, "len": 0.55, "y": 1.0,
                  "yanchor": "top", "thickness": 14},
        hovertemplate=t("scale_sweep.hover", lang) + "<extra></extra>",
    ), row=1, col=1)
    critical = data["critical"]
    low, high = float(data["grid_scales"][0]), float(data["grid_scales"][-1])
    if critical is not None and low <= critical <= high:
        fig.add_trace(scatter(
            x=[data["grid_t"][0], data["grid_t"][-1]], y=[critical, critical], mode="lines",
            line={"color": "black" if theme != "dark" else "white", "width": width, "dash": "dash"},
            name=t("scale_sweep.trace.critical", lang, s=critical), hoverinfo="skip",
        ), row=1, col=1)
    nearest = int(np.argmin(np.abs(data["scales"] - highlight)))
    shown = float(data["scales"][nearest])
    ink = "black" if theme != "dark" else "white"
    fig.add_trace(scatter(
        x=[data["grid_t"][0], data["grid_t"][-1]], y=[shown, shown], mode="lines",
        line={"color": ink, "width": width * 1.2}, name=t("scale_sweep.trace.highlight", lang, s=shown),
        hoverinfo="skip", showlegend=False,
    ), row=1, col=1)
    (rows,), as_log10 = log_axis_values(data["rows"])  # one axis for every scale, whichever is highlighted
    curves = rows[np.searchsorted(data["scales"], data["curve_scales"])]
    bold = rows[nearest]
    colors = sample_colorscale("Viridis", np.linspace(0.0, 0.85, len(data["curve_scales"])))
    for y, scale, color in zip(curves, data["curve_scales"], colors):
        name = t("scale_sweep.trace.curve", lang, s=scale)
        fig.add_trace(scatter(
            x=data["t"], y=y, mode="lines", name=name, line={"color": color, "width": width * 0.8},
            hovertemplate="t=%{x}<br>%{y:.4g}<extra>" + name + "</extra>",
        ), row=2, col=1)
    name = t("scale_sweep.trace.highlight", lang, s=shown)
    fig.add_trace(scatter(
        x=data["t"], y=bold, mode="lines", name=name, line={"color": ink, "width": width * 1.6},
        hovertemplate="t=%{x}<br>%{y:.4g}<extra>" + name + "</extra>",
    ), row=2, col=1)
    cell = data["cell"]
    apply_layout(fig, theme=theme, title=t("scale_sweep.title.figure", lang, cell=cell.upper()), height=820)
    fig.update_xaxes(title_text=t("scale_sweep.axis.t", lang))
    fig.update_yaxes(title_text=t("scale_sweep.axis.scale", lang), row=1, col=1)
    y_key = "scale_sweep.axis.log10_norm" if as_log10 else "scale_sweep.axis.norm"
    fig.update_yaxes(title_text=t(y_key, lang), row=2, col=1)
    if not as_log10:
        fig.update_yaxes(type="log", exponentformat="power", row=2, col=1)
    else:
        add_note(fig, t("chart.log10_axis", lang))
    fig.update_layout(
        legend={"orientation": "v", "x": 1.02, "y": 0.0, "yanchor": "bottom", "xanchor": "left"},
        margin={"r": 30},
    )
    notes = []
    if data["factor_t"] > 1 or data["factor_s"] > 1:
        notes.append(t("scale_sweep.note.aggregated", lang, ft=data["factor_t"], fs=data["factor_s"]))
    if data["floored"]:
        notes.append(t("scale_sweep.note.floored", lang))
    if critical is None:
        notes.append(t("scale_sweep.note.no_critical_relu" if _relu(data) else "scale_sweep.note.no_critical", lang))
    elif not low <= critical <= high:
        notes.append(t("scale_sweep.note.critical_outside", lang, s=critical, low=low, high=high))
    if data["n_scales"] < data["requested_scales"]:
        notes.append(t("scale_sweep.note.fewer_scales", lang, n=data["n_scales"], requested=data["requested_scales"]))
    for note in notes:
        add_note(fig, note)
    return fig


def _relu(data: dict[str, Any]) -> bool:
    return data["cell"] == "rnn" and data["nonlinearity"] == "relu"


def critical_sentence(data: dict[str, Any], lang: str) -> str:
    """The critical scale in words, for the text beside the chart: its value where the heatmap shows it; where it
    lies off the plotted scales, which side they are on; and when there is none, why (ReLU's derivative at
    ``h = 0``). ``data``: ``critical`` (or ``None``), ``grid_scales`` (S',), ``cell``, ``nonlinearity``."""
    critical = data["critical"]
    if critical is None:
        return t("scale_sweep.critical.none_relu" if _relu(data) else "scale_sweep.critical.none", lang)
    low, high = float(data["grid_scales"][0]), float(data["grid_scales"][-1])
    where = "below" if critical < low else "above" if critical > high else "caption"
    return t(f"scale_sweep.critical.{where}", lang, s=f"{critical:.4f}", low=f"{low:.3g}", high=f"{high:.3g}")

