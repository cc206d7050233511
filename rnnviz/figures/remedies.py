"""Figures of the remedies: clipping, truncated BPTT, skip connections and the IRNN."""

from __future__ import annotations

from typing import Any

import numpy as np

from rnnviz.figures.canvas import bar, builder, figure, heatmap, scatter, subplots
from rnnviz.figures.style import ACCENT, CELL_COLORS, GUIDE, SECONDARY, SKY, Figure, add_note, apply_layout, line_width
from rnnviz.i18n import t

LOG10_FLOOR = -300.0  # below 1e-300 a log axis (and float64) gives up: such values are clipped, and said so
CLIP_SERIES = (("original", GUIDE), ("norm_clip", ACCENT), ("elementwise", SKY), ("normalized", SECONDARY))


@builder
def clipping_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Left: the 18 entries of dW1, dW2 before and after each clipping. Right: the total norms.

    ``data``: ``labels`` (18,), ``vectors`` name -> (18,), ``norms`` name -> float, ``cosines``,
    ``max_norm``, ``clip_value``, ``eta``, ``rate``.
    """
    fig = subplots(
        rows=1, cols=2, column_widths=[0.62, 0.38], horizontal_spacing=0.1,
        subplot_titles=(t("remedies.clip.entries", lang), t("remedies.clip.norms", lang)),
    )
    for name, color in CLIP_SERIES:
        label = t(f"remedies.clip.{name}", lang)
        fig.add_trace(bar(
            x=data["labels"], y=data["vectors"][name], name=label, marker_color=color, legendgroup=name,
            hovertemplate="%{x}: %{y:.4f}<extra>" + label + "</extra>",
        ), row=1, col=1)
    # The norms as one trace, so that each bar fills its slot and its two-line label has room above it
    labels = [t(f"remedies.clip.{name}", lang) for name, _ in CLIP_SERIES]
    fig.add_trace(bar(
        x=labels, y=[data["norms"][name] for name, _ in CLIP_SERIES], marker_color=[c for _, c in CLIP_SERIES],
        showlegend=False, customdata=labels,
        text=[f"{data['norms'][name]:.3f}<br>cos = {data['cosines'][name]:.4f}" for name, _ in CLIP_SERIES],
        textposition="outside", textfont={"size": 12 if theme != "projector" else 15}, constraintext="none",
        cliponaxis=False, hovertemplate="‖g‖ = %{y:.6f}<extra>%{customdata}</extra>",
    ), row=1, col=2)
    fig.add_hline(y=data["clip_value"], line={"color": SKY, "dash": "dot", "width": 1.5}, row=1, col=1)
    fig.add_hline(y=data["max_norm"], line={"color": ACCENT, "dash": "dash", "width": 1.5}, row=1, col=2)
    apply_layout(fig, theme=theme, title=t("remedies.clip.title", lang), height=480)
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_yaxes(title_text=t("remedies.clip.value_axis", lang), row=1, col=1)
    fig.update_yaxes(title_text="‖g‖", row=1, col=2, range=[0, 1.25 * max(data["norms"].values())])
    fig.update_xaxes(showticklabels=False, row=1, col=2)
    # 18 labels side by side: upright on a projector, turned otherwise; a little smaller than the axes' type
    fig.update_xaxes(tickangle=-90 if theme == "projector" else -45, tickfont={"size": 15 if theme == "projector" else 12},
                     row=1, col=1)
    return fig


def _log10_or_none(values: np.ndarray, keep: np.ndarray) -> list[list[float | None]]:
    """log10 of ``values`` (S, T) rounded to 3 decimals where ``keep`` and > 0, else None (a blank cell)."""
    out = []
    with np.errstate(divide="ignore"):
        logs = np.log10(values)
    for row_logs, row_keep in zip(logs, keep):
        out.append([round(float(v), 3) if k and np.isfinite(v) else None for v, k in zip(row_logs, row_keep)])
    return out


def _block_outlines(T: int, k: int) -> tuple[list[float | None], list[float | None]]:
    """Corners of the squares around the diagonal blocks [1, k], [k + 1, 2k], ..., separated by None."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for start in range(1, T + 1, k):
        lo, hi = start - 0.5, min(start + k - 1, T) + 0.5
        xs += [lo, hi, hi, lo, lo, None]
        ys += [lo, lo, hi, hi, lo, None]
    return xs, ys


@builder
def truncated_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Two heatmaps of ``log10 ‖∂L_s/∂h_t‖`` (rows s, columns t): full BPTT and truncated every k steps.

    ``data``: ``steps`` (T,), ``norms_full``, ``norms_cut`` (S, T), ``k``, ``dwh_full``, ``dwh_cut``,
    ``dwh_rel_diff``. Blank cells carry no gradient at all (t > s, or cut off by the truncation).
    """
    steps = data["steps"]
    k = data["k"]
    reach = steps[None, :] <= steps[:, None]  # (S, T) a loss reaches only states up to its own step
    z_full = _log10_or_none(data["norms_full"], reach)
    z_cut = _log10_or_none(data["norms_cut"], reach)
    finite = [v for row in z_full + z_cut for v in row if v is not None]
    bx, by = _block_outlines(int(steps[-1]), k)
    fig = subplots(
        rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.06,
        subplot_titles=(t("remedies.tbptt.full", lang), t("remedies.tbptt.cut", lang, k=k)),
    )
    hover = "s=%{y}, t=%{x}<br>log₁₀‖∂L_s/∂h_t‖ = %{z:.2f}<extra></extra>"
    for col, z in ((1, z_full), (2, z_cut)):
        fig.add_trace(heatmap(
            x=steps, y=steps, z=z, coloraxis="coloraxis", hovertemplate=hover, xgap=0, ygap=0,
        ), row=1, col=col)
    if k >= 2:  # with k = 1 the outlines would hide the diagonal they surround
        fig.add_trace(scatter(  # the blocks' outlines, one trace (None breaks the line between squares)
            x=bx, y=by, mode="lines", hoverinfo="skip", showlegend=False,
            line={"color": CELL_COLORS[data["cell"]], "width": 1.5},
        ), row=1, col=2)
    apply_layout(fig, theme=theme, title=t("remedies.tbptt.title", lang), height=520)
    fig.update_layout(coloraxis={
        "colorscale": "Viridis", "cmin": min(finite) if finite else -1.0, "cmax": max(finite) if finite else 0.0,
        "colorbar": {"title": {"text": "log₁₀‖∂L_s/∂h_t‖", "side": "right"}},
    })
    fig.update_xaxes(title_text=t("remedies.tbptt.x_axis", lang))
    fig.update_yaxes(title_text=t("remedies.tbptt.y_axis", lang), autorange="reversed", row=1, col=1)
    fig.update_yaxes(autorange="reversed", row=1, col=2)
    add_note(fig, t("remedies.tbptt.note", lang, full=data["dwh_full"], cut=data["dwh_cut"],
                    diff=100 * data["dwh_rel_diff"]))
    return fig


@builder
def skip_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Left: ``|∂x_L/∂x_l|`` over the layer ``l`` (log axis), plain and residual. Right: the local factors.

    ``data``: ``layers`` (L + 1,), ``log10_grad_plain``, ``log10_grad_residual``, ``log10_grad_dense`` (L + 1,),
    ``local_plain``, ``local_residual``, ``local_dense`` (L,), ``w``, ``width`` and ``connections`` (DenseNet's
    output size and direct links).
    """
    width = line_width(theme)
    layers = data["layers"]
    fig = subplots(
        rows=1, cols=2, column_widths=[0.6, 0.4], horizontal_spacing=0.12,
        subplot_titles=(t("remedies.skip.grad", lang), t("remedies.skip.local", lang)),
    )
    clipped = False
    styles = {"plain": {"color": GUIDE, "width": width, "dash": "dash"}, "residual": {"color": ACCENT, "width": width},
              "dense": {"color": SKY, "width": width, "dash": "dot"}}
    for name in ("plain", "residual", "dense"):
        label = t(f"remedies.skip.{name}", lang)
        logs = np.asarray(data[f"log10_grad_{name}"])
        clipped = clipped or bool(np.any(logs < LOG10_FLOOR))
        fig.add_trace(scatter(
            x=layers, y=np.power(10.0, np.maximum(logs, LOG10_FLOOR)), name=label, line=styles[name],
            mode="lines+markers" if layers.size <= 60 else "lines", legendgroup=name,
            hovertemplate="l=%{x}<br>|∂x_L/∂x_l| = %{y:.4g}<extra>" + label + "</extra>",
        ), row=1, col=1)
        fig.add_trace(scatter(
            x=layers[:-1], y=data[f"local_{name}"], name=label, line=styles[name], showlegend=False,
            mode="lines+markers" if layers.size <= 60 else "lines", legendgroup=name,
            hovertemplate="l=%{x}<br>%{y:.4f}<extra>" + label + "</extra>",
        ), row=1, col=2)
    fig.add_hline(y=1.0, line={"color": GUIDE, "dash": "dot", "width": 1.2}, row=1, col=2)
    apply_layout(fig, theme=theme, title=t("remedies.skip.title", lang, w=data["w"]), height=500)
    fig.update_yaxes(type="log", exponentformat="power", title_text="|∂x_L/∂x_l|", row=1, col=1)
    fig.update_yaxes(title_text=t("remedies.skip.local_axis", lang), rangemode="tozero", row=1, col=2)
    fig.update_xaxes(title_text=t("remedies.skip.layer_axis", lang))
    note = t("remedies.skip.dense_note", lang, width=data["width"], connections=data["connections"])
    if clipped:
        note += "<br>" + t("remedies.note.clipped", lang)
    add_note(fig, note)
    return fig


# One colour per network (the IRNN's as on the training page, the PyTorch-initialised tanh RNN's the RNN's),
# and a dash and marker each, so the three stay apart in grey print too.
IRNN_STYLES = {
    "irnn": {"color": SECONDARY, "dash": "solid", "symbol": "circle"},
    "identity_tanh": {"color": ACCENT, "dash": "dash", "symbol": "square"},
    "pytorch_tanh": {"color": CELL_COLORS["rnn"], "dash": "dot", "symbol": "triangle-up"},
}


@builder
def irnn_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """``‖∂L/∂h_t‖`` over t for the three vanilla RNNs (log axis); gaps where the gradient is exactly 0.

    ``data``: ``steps`` (T,), ``norms`` key -> (T,), ``scale``.
    """
    width = line_width(theme)
    steps = data["steps"]
    fig = figure()
    gaps = False
    for key, style in IRNN_STYLES.items():
        norms = np.asarray(data["norms"][key])
        ok = norms > 10.0**LOG10_FLOOR
        gaps = gaps or not bool(np.all(ok))
        label = t(f"remedies.irnn.{key}", lang)
        fig.add_trace(scatter(
            x=steps, y=[float(v) if good else None for v, good in zip(norms, ok)], name=label,
            line={"color": style["color"], "width": width, "dash": style["dash"]},
            marker={"symbol": style["symbol"], "size": 7, "color": style["color"]}, mode="lines+markers" if steps.size <= 60 else "lines",
            hovertemplate="t=%{x}<br>‖∂L/∂h_t‖ = %{y:.4g}<extra>" + label + "</extra>",
        ))
    apply_layout(fig, theme=theme, title=t("remedies.irnn.title", lang, scale=data["scale"], amplitude=data["amplitude"]),
                 x_title=t("remedies.axis.time_step", lang), y_title="‖∂L/∂h_t‖")
    fig.update_yaxes(type="log", exponentformat="power")
    if gaps:
        add_note(fig, t("remedies.irnn.gaps", lang))
    return fig
