"""Figures of the architectures page: the stacked map, the two directions, the input/output shapes and the
folded/unfolded view."""

from __future__ import annotations

from typing import Any

import numpy as np

from rnnviz.figures.canvas import bar, builder, extend_annotations, heatmap, scatter, subplots
from rnnviz.figures.style import ACCENT, CELL_COLORS, GUIDE, SKY, Figure, add_note, apply_layout, line_width
from rnnviz.i18n import t

NAMES = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}
DIRECTION_STYLE = {"forward": "solid", "backward": "dash", "both": "dot"}
WEIGHT_COLORS = {"W_xh": SKY, "W_hh": CELL_COLORS["rnn"], "W_hy": ACCENT}
SHAPE_MARKER = 34  # px: the shapes diagram's squares


def _finite_or_none(values: np.ndarray) -> list[float | None]:
    """Values with −inf / nan (no path, underflow) as None: a gap in a line, a blank heatmap cell."""
    return [float(v) if np.isfinite(v) else None for v in np.asarray(values, dtype=float)]


@builder
def stacked_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Left: a heatmap of ``log10 ‖∂L/∂h_t^{(l)}‖`` over (t, layer), layer 1 at the bottom. Right: per layer, the
    gradient reaching t = 0. ``data``: ``grid`` (L, T), ``cell``, ``layers``, ``T``."""
    grid = np.asarray(data["grid"], dtype=float)  # (L, T)
    n_layers, n_t = grid.shape
    layers = np.arange(1, n_layers + 1)
    fig = subplots(rows=1, cols=2, column_widths=[0.7, 0.3], horizontal_spacing=0.16,
                   subplot_titles=(t("architectures.stacked.map", lang), t("architectures.stacked.first", lang)))
    fig.add_trace(heatmap(
        x=np.arange(n_t), y=layers, z=[_finite_or_none(row) for row in grid], coloraxis="coloraxis",
        hovertemplate="t=%{x}, l=%{y}<br>log₁₀‖∂L/∂h‖ = %{z:.2f}<extra></extra>",
    ), row=1, col=1)
    first = grid[:, 0]
    fig.add_trace(bar(
        x=_finite_or_none(first), y=[t("architectures.stacked.layer", lang, layer=int(l)) for l in layers],
        orientation="h", marker_color=CELL_COLORS[data["cell"]], showlegend=False,
        text=[f"10<sup>{v:.1f}</sup>" if np.isfinite(v) else "0" for v in first], textposition="auto",
        hovertemplate="%{y}: log₁₀‖∂L/∂h_0‖ = %{x:.2f}<extra></extra>",
    ), row=1, col=2)
    finite = grid[np.isfinite(grid)]
    apply_layout(fig, theme=theme, title=t("architectures.stacked.title", lang, cell=NAMES[data["cell"]],
                                           layers=n_layers), height=420 + 25 * n_layers)
    fig.update_layout(coloraxis={
        "colorscale": "Viridis", "cmin": float(finite.min()) if finite.size else -1.0,
        "cmax": float(finite.max()) if finite.size else 0.0,
        "colorbar": {"title": {"text": "log₁₀‖∂L/∂h‖", "side": "right"}, "x": 0.6, "thickness": 14},
    })
    fig.update_xaxes(title_text=t("architectures.axis.t", lang), row=1, col=1)
    fig.update_yaxes(title_text=t("architectures.axis.layer", lang), tickvals=layers, row=1, col=1)
    fig.update_xaxes(title_text="log₁₀‖∂L/∂h_0^(l)‖", row=1, col=2)
    fig.update_yaxes(side="right", row=1, col=2)
    if not np.all(np.isfinite(grid)):
        add_note(fig, t("architectures.stacked.note", lang))
    return fig


@builder
def bidirectional_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Left: ``log10 ‖∂L/∂x_t‖`` through the forward direction, the backward one and both. Right: each
    direction's ``log10 ‖∂L/∂h_t‖``. The loss's position is marked. ``data``: ``table`` (tidy), ``position``,
    ``asked``, ``cell``, ``T``."""
    width = line_width(theme)
    table = data["table"]
    color = CELL_COLORS[data["cell"]]
    fig = subplots(rows=1, cols=2, horizontal_spacing=0.1, shared_yaxes=False,
                   subplot_titles=(t("architectures.bidirectional.x", lang), t("architectures.bidirectional.h", lang)))
    for direction, rows in table.groupby("direction", sort=False):
        name = t(f"architectures.direction.{direction}", lang)
        line = {"color": GUIDE if direction == "both" else color, "width": width * (1.6 if direction == "both" else 1),
                "dash": DIRECTION_STYLE[direction]}
        fig.add_trace(scatter(
            x=rows["t"].to_numpy(), y=_finite_or_none(rows["log10_grad_norm"].to_numpy()), name=name, mode="lines",
            line=line, legendgroup=direction, hovertemplate="t=%{x}<br>log₁₀‖∂L/∂x_t‖ = %{y:.2f}<extra>" + name +
            "</extra>",
        ), row=1, col=1)
        if direction != "both":
            fig.add_trace(scatter(
                x=rows["t"].to_numpy(), y=_finite_or_none(rows["log10_grad_h"].to_numpy()), name=name, mode="lines",
                line=line, legendgroup=direction, showlegend=False,
                hovertemplate="t=%{x}<br>log₁₀‖∂L/∂h_t‖ = %{y:.2f}<extra>" + name + "</extra>",
            ), row=1, col=2)
    for col in (1, 2):
        fig.add_vline(x=data["position"], line={"color": ACCENT, "dash": "dot", "width": 1.5},
                      annotation_text=t("architectures.loss", lang), annotation_position="bottom right",
                      annotation_font={"color": ACCENT}, row=1, col=col)
    title = t("architectures.bidirectional.title", lang, cell=NAMES[data["cell"]], p=data["position"])
    if data["asked"] != data["position"]:
        title += " " + t("architectures.bidirectional.clamped", lang, asked=data["asked"], p=data["position"])
    apply_layout(fig, theme=theme, title=title, height=460)
    fig.update_xaxes(title_text=t("architectures.axis.t", lang), range=[-0.5, data["T"] - 0.5])
    fig.update_yaxes(title_text="log₁₀‖∂L/∂x_t‖", row=1, col=1)
    fig.update_yaxes(title_text="log₁₀‖∂L/∂h_t‖", row=1, col=2)
    return fig


@builder
def io_shapes_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """One row per shape: squares for the hidden states (colour: ``log10 ‖∂L/∂h_t‖``), triangles below for the
    inputs (colour: ``log10 ‖∂L/∂x_t‖``), diamonds above for the losses, arrows along time. ``data``: ``table``
    (tidy, ``architectures.io_shape_gradients``), ``shapes``, ``T``."""
    table = data["table"]
    shapes = list(data["shapes"])
    n_t = data["T"]
    fig = subplots(rows=1, cols=1)
    values = np.concatenate([table["log10_grad_h"].to_numpy(float), table["log10_grad_x"].to_numpy(float)])
    finite = values[np.isfinite(values)]
    big = theme == "projector"
    arrows = []
    for row, shape in enumerate(shapes):
        y = float(len(shapes) - 1 - row) * 1.6  # the first shape on top
        rows = table[table["shape"] == shape].sort_values("t")
        steps = rows["t"].to_numpy()
        fig.add_trace(scatter(  # the links along time, as one line with breaks (None)
            x=[v for step in steps[:-1] for v in (float(step) + 0.22, float(step) + 0.78, None)],
            y=[v for _ in steps[:-1] for v in (y, y, None)], mode="lines", line={"color": GUIDE, "width": 1.5},
            hoverinfo="skip", showlegend=False,
        ), row=1, col=1)
        fig.add_trace(scatter(
            x=steps, y=np.full(n_t, y), mode="markers", name=t("architectures.shapes.state", lang),
            legendgroup="state", showlegend=row == 0,
            marker={"symbol": "square", "size": SHAPE_MARKER, "color": _finite_or_none(rows["log10_grad_h"].to_numpy()),
                    "coloraxis": "coloraxis", "line": {"width": 1, "color": GUIDE}},
            hovertemplate="t=%{x}<br>log₁₀‖∂L/∂h_t‖ = %{marker.color:.2f}<extra></extra>",
        ), row=1, col=1)
        inputs = rows[rows["input"]]
        fig.add_trace(scatter(
            x=inputs["t"].to_numpy(), y=np.full(len(inputs), y - 0.62), mode="markers",
            name=t("architectures.shapes.input", lang), legendgroup="input", showlegend=row == 0,
            marker={"symbol": "triangle-up", "size": 22, "color": _finite_or_none(inputs["log10_grad_x"].to_numpy()),
                    "coloraxis": "coloraxis", "line": {"width": 1, "color": GUIDE}},
            hovertemplate="x_%{x}<br>log₁₀‖∂L/∂x_t‖ = %{marker.color:.2f}<extra></extra>",
        ), row=1, col=1)
        losses = rows[rows["loss"]]
        fig.add_trace(scatter(
            x=losses["t"].to_numpy(), y=np.full(len(losses), y + 0.62), mode="markers",
            name=t("architectures.shapes.loss", lang), legendgroup="loss", showlegend=row == 0,
            marker={"symbol": "diamond", "size": 18, "color": ACCENT}, hovertemplate="L_%{x}<extra></extra>",
        ), row=1, col=1)
        first = inputs["log10_grad_x"].to_numpy(float)
        arrows.append({
            "x": n_t - 0.3, "y": y, "xref": "x", "yref": "y", "xanchor": "left", "showarrow": False,
            "text": t("architectures.shapes.first", lang, value=first[0]) if first.size and np.isfinite(first[0])
            else "", "font": {"size": 16 if big else 12, "color": GUIDE},
        })
    extend_annotations(fig, arrows)
    apply_layout(fig, theme=theme, title=t("architectures.shapes.title", lang, T=n_t), height=560)
    fig.update_layout(coloraxis={
        "colorscale": "Viridis", "cmin": float(finite.min()) if finite.size else -1.0,
        "cmax": float(finite.max()) if finite.size else 0.0,
        "colorbar": {"title": {"text": "log₁₀‖∂L/∂·‖", "side": "right"}},
    })
    fig.update_xaxes(title_text=t("architectures.axis.t", lang), range=[-0.7, n_t + 2.0], tickvals=list(range(n_t)),
                     showgrid=False, zeroline=False)
    fig.update_yaxes(tickvals=[(len(shapes) - 1 - row) * 1.6 for row in range(len(shapes))],
                     ticktext=[t(f"architectures.shape.{shape}", lang) for shape in shapes],
                     range=[-1.1, (len(shapes) - 1) * 1.6 + 1.0], showgrid=False, zeroline=False)
    fig.update_layout(margin={"l": 230 if big else 190})
    return fig


def _box(x: float, y: float, text: str, color: str, size: int) -> dict[str, Any]:
    return scatter(x=[x], y=[y], mode="markers+text", text=[text], textposition="middle center",
                   marker={"symbol": "square", "size": size, "color": "white", "line": {"width": 2, "color": color}},
                   hoverinfo="skip", showlegend=False)


def _arrow(x0: float, y0: float, x1: float, y1: float, color: str, label: str = "", *, big: bool
           ) -> list[dict[str, Any]]:
    """An arrow from (x0, y0) to (x1, y1) in data units, and its label beside the arrow's middle."""
    arrow = {"x": x1, "y": y1, "ax": x0, "ay": y0, "xref": "x", "yref": "y", "axref": "x", "ayref": "y",
             "showarrow": True, "arrowhead": 2, "arrowsize": 1.2, "arrowwidth": 2, "arrowcolor": color, "text": "",
             "standoff": 18, "startstandoff": 18}
    if not label:
        return [arrow]
    vertical = x0 == x1
    text = {"x": (x0 + x1) / 2 + (0.08 if vertical else 0.0), "y": (y0 + y1) / 2 + (0.0 if vertical else 0.16),
            "xref": "x", "yref": "y", "showarrow": False, "text": label, "xanchor": "left" if vertical else "center",
            "yanchor": "middle" if vertical else "bottom", "font": {"color": color, "size": 15 if big else 12}}
    return [arrow, text]


@builder
def unfolded_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Top: the folded cell (one box, ``W_hh`` looping back) beside the cell unrolled over T steps, the same
    ``W_xh``, ``W_hh``, ``W_hy`` (one colour each) at every step, the output layer and each step's loss.
    Bottom: each step's share of each shared weight's gradient. ``data``: ``unfolded_example``'s dict and ``T``."""
    n_t = data["T"]
    big = theme == "projector"
    size = 46 if big else 40
    fig = subplots(rows=2, cols=1, row_heights=[0.62, 0.38], vertical_spacing=0.1, shared_xaxes=True,
                   subplot_titles=("", t("architectures.unfolded.share", lang)))
    notes = []
    # folded: x = -2.6
    fig.add_trace(_box(-2.6, 1.0, "h", WEIGHT_COLORS["W_hh"], size), row=1, col=1)
    fig.add_trace(_box(-2.6, 0.0, "x_t", WEIGHT_COLORS["W_xh"], size), row=1, col=1)
    fig.add_trace(_box(-2.6, 2.0, "y_t", WEIGHT_COLORS["W_hy"], size), row=1, col=1)
    notes += [*_arrow(-2.6, 0.0, -2.6, 1.0, WEIGHT_COLORS["W_xh"], "W_xh", big=big),
              *_arrow(-2.6, 1.0, -2.6, 2.0, WEIGHT_COLORS["W_hy"], "W_hy", big=big),
              {"x": -2.6, "y": 1.0, "ax": 50, "ay": -8, "xref": "x", "yref": "y", "showarrow": True, "arrowhead": 2,
               "arrowwidth": 2, "arrowcolor": WEIGHT_COLORS["W_hh"], "text": "W_hh ↺", "standoff": 22,
               "font": {"color": WEIGHT_COLORS["W_hh"], "size": 15 if big else 12}},
              {"x": -1.3, "y": 1.0, "xref": "x", "yref": "y", "showarrow": False, "text": "=",
               "font": {"size": 30 if big else 26, "color": GUIDE}},
              {"x": -2.6, "y": 2.75, "xref": "x", "yref": "y", "showarrow": False,
               "text": t("architectures.unfolded.folded", lang), "font": {"color": GUIDE}},
              {"x": (n_t - 1) / 2, "y": 2.75, "xref": "x", "yref": "y", "showarrow": False,
               "text": t("architectures.unfolded.unfolded", lang, T=n_t) + " · <span style='color:"
               + WEIGHT_COLORS["W_hy"] + "'>" + t("architectures.unfolded.output", lang) + "</span>",
               "font": {"color": GUIDE}}]
    steps = np.arange(n_t)
    for step in steps:
        p = float(data["probs"][step, data["targets"][step]])
        fig.add_trace(_box(step, 1.0, f"h_{step}", WEIGHT_COLORS["W_hh"], size), row=1, col=1)
        fig.add_trace(_box(step, 0.0, f"x_{step}", WEIGHT_COLORS["W_xh"], size), row=1, col=1)
        fig.add_trace(_box(step, 2.0, f"y_{step}", WEIGHT_COLORS["W_hy"], size), row=1, col=1)
        notes += [*_arrow(step, 0.0, step, 1.0, WEIGHT_COLORS["W_xh"], "W_xh", big=big),
                  *_arrow(step, 1.0, step, 2.0, WEIGHT_COLORS["W_hy"], "W_hy", big=big),
                  {"x": step, "y": 2.45, "xref": "x", "yref": "y", "showarrow": False,
                   "text": f"L_{step} = {data['loss'][step]:.2f}<br>(y = {p:.2f})",
                   "font": {"size": 13 if big else 11, "color": ACCENT}}]
        if step:
            notes += _arrow(step - 1, 1.0, step, 1.0, WEIGHT_COLORS["W_hh"], "W_hh", big=big)
    extend_annotations(fig, notes)
    for name, color in WEIGHT_COLORS.items():
        label = t("architectures.unfolded.weight", lang, name=name, total=data["total"][name])
        fig.add_trace(bar(x=steps, y=data["contrib"][name], name=label, marker_color=color,
                          hovertemplate="t=%{x}: %{y:.4f}<extra>" + label + "</extra>"), row=2, col=1)
    apply_layout(fig, theme=theme, title=t("architectures.unfolded.title", lang), height=640)
    fig.update_layout(barmode="group")
    fig.update_xaxes(range=[-3.4, n_t - 0.3], showgrid=False, zeroline=False)
    fig.update_xaxes(showticklabels=False, row=1, col=1)
    fig.update_xaxes(title_text=t("architectures.axis.t", lang), tickvals=steps.tolist(), row=2, col=1)
    fig.update_yaxes(visible=False, range=[-0.5, 3.0], row=1, col=1)
    fig.update_yaxes(title_text="‖∂L/∂W|_t‖", rangemode="tozero", row=2, col=1)
    return fig
