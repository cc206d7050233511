"""Figures of the training page: loss curves, the gradient over (training step, t), the delay sweep and input
reversal. Every builder takes partial data too (a kind with no snapshot yet draws an empty trace), because
the page draws them while the cells train.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rnnviz.figures.canvas import bar, builder, heatmap, scatter, subplots
from rnnviz.figures.style import ACCENT, CELL_COLORS, GUIDE, SECONDARY, Figure, add_note, apply_layout, line_width
from rnnviz.i18n import t

KINDS = ("rnn", "irnn", "lstm", "gru")
# One colour per network on every chart: the cells' own, and the IRNN's as on the remedies page.
KIND_COLORS = {**CELL_COLORS, "irnn": SECONDARY}
SOLVED_BELOW = 0.3
LOG10_FLOOR = -40.0  # the gradient heatmaps' lowest colour: smaller norms (and exact zeros) are drawn there
MOMENT_DASH = {"start": "dot", "moment": "dash", "end": "solid"}


def _kind_name(kind: str, lang: str) -> str:
    return t(f"training.kind.{kind}", lang)


def _task_name(data: dict[str, Any], lang: str) -> str:
    return t(f"training.task.{data['task']}", lang)


RATIO_TICKS = (1e-4, 1e-3, 1e-2, 0.1, SOLVED_BELOW, 1.0, 3.0, 10.0, 30.0, 100.0)
RATIO_LABELS = ("10⁻⁴", "10⁻³", "10⁻²", "0.1", "0.3", "1", "3", "10", "30", "100")


def _ratio_lines(fig: Figure, theme: str, lang: str, *, row: int, col: int) -> None:
    """Dotted guides at 1 (the constant answer) and at the solved threshold 0.3, labelled at the right, on a
    log axis (whose annotations take log10 coordinates, unlike its shapes)."""
    for y, key, color in ((1.0, "training.line.constant", GUIDE), (SOLVED_BELOW, "training.line.solved", ACCENT)):
        fig.add_hline(y=y, line={"color": color, "dash": "dot", "width": 1.5}, row=row, col=col)
        fig.add_annotation(x=1.0, xref="x domain", y=float(np.log10(y)), yref="y", text=t(key, lang),
                           showarrow=False, xanchor="right", yanchor="bottom",
                           font={"color": color, "size": 15 if theme == "projector" else 12}, row=row, col=col)


def _ratio_axis(fig: Figure, ratios: np.ndarray, **where: Any) -> None:
    """A log axis for loss / baseline: the guide values 0.3 and 1 among the ticks while the ratios stay within
    10⁻⁴ … 100, Plotly's own decades beyond (a diverging run)."""
    finite = ratios[np.isfinite(ratios) & (ratios > 0)]
    if finite.size == 0 or (finite.min() >= RATIO_TICKS[0] and finite.max() <= RATIO_TICKS[-1]):
        fig.update_yaxes(type="log", tickvals=list(RATIO_TICKS), ticktext=list(RATIO_LABELS), **where)
    else:
        fig.update_yaxes(type="log", exponentformat="power", **where)


def _ratios(snaps) -> np.ndarray:
    """Each snapshot's loss / baseline; NaN where the loss overflowed (a diverged run: a gap in the line)."""
    values = np.array([s.ratio for s in snaps], dtype=float)
    return np.where(np.isfinite(values), values, np.nan)


def _finite_or_none(values: np.ndarray) -> list[float | None]:
    return [float(v) if np.isfinite(v) else None for v in values]


@builder
def curves_figure(data: dict[str, Any], *, lang: str, theme: str, moment: int = 50) -> Figure:
    """Held-out loss / baseline over the training step (log axis), one line per kind, and each kind's value at
    the chosen moment (``moment`` % of the steps, as on the gradient chart).

    ``data``: ``runs`` {kind: (Snapshot, ...)}, ``task``, ``T``, ``steps``, ``report_every``.
    """
    width = line_width(theme)
    fig = subplots(rows=1, cols=1)
    everything = [np.empty(0)]
    for kind in KINDS:
        snaps = data["runs"][kind]
        name = _kind_name(kind, lang)
        ratios = _ratios(snaps)
        everything.append(ratios)
        fig.add_trace(scatter(
            x=np.array([s.step for s in snaps], dtype=float), y=_finite_or_none(ratios),
            name=name, mode="lines+markers", line={"color": KIND_COLORS[kind], "width": width},
            marker={"size": 5}, hovertemplate="step %{x}<br>%{y:.4g}<extra>" + name + "</extra>",
        ), row=1, col=1)
    chosen = moment_steps(data, moment)["moment"]
    at = {kind: snapshot_at(data["runs"][kind], chosen) for kind in KINDS}
    shown = [kind for kind in KINDS if at[kind] is not None]
    name = t("training.gradients.moment", lang, label=t("training.moment.moment", lang), step=chosen)
    fig.add_trace(scatter(
        x=np.array([at[k].step for k in shown], dtype=float), y=_finite_or_none(np.array([at[k].ratio for k in shown])),
        mode="markers", name=name, marker={"size": 14, "symbol": "circle-open", "line": {"width": 3},
                                           "color": [KIND_COLORS[k] for k in shown]},
        hovertemplate="step %{x}<br>%{y:.4g}<extra>" + name + "</extra>",
    ), row=1, col=1)
    fig.add_vline(x=chosen, line={"color": GUIDE, "dash": "dash", "width": 1.2}, row=1, col=1)
    _ratio_lines(fig, theme, lang, row=1, col=1)
    apply_layout(fig, theme=theme, title=t("training.curves.title", lang, task=_task_name(data, lang), T=data["T"]),
                 x_title=t("training.axis.step", lang), y_title=t("training.axis.ratio", lang), height=460)
    fig.update_xaxes(range=[0, data["steps"]])
    _ratio_axis(fig, np.concatenate(everything))
    return fig


def snapshot_at(snaps: tuple, step: int):
    """The snapshot nearest to training step ``step`` (None when there is none yet)."""
    if not snaps:
        return None
    return min(snaps, key=lambda s: (abs(s.step - step), s.step))


def moment_steps(data: dict[str, Any], moment: int) -> dict[str, int]:
    """The training steps the gradient chart marks: 0, ``moment`` % of the steps (rounded to a snapshot)
    and the last step."""
    every = data["report_every"]
    chosen = int(round(data["steps"] * moment / 100.0 / every) * every)
    return {"start": 0, "moment": min(chosen, data["steps"]), "end": data["steps"]}


@builder
def gradients_figure(data: dict[str, Any], *, lang: str, theme: str, moment: int = 50) -> Figure:
    """Top: per kind, a heatmap of ``log10 ‖∂L/∂h_t‖`` over (t, training step) on one colour scale, with the
    chosen moment dashed. Middle: per kind, the curves over t at the start, the chosen moment and the end.
    Bottom: the LSTM's and the GRU's mean gates over training.

    ``data``: ``runs`` {kind: (Snapshot, ...)}, ``T``, ``steps``, ``report_every``, ``task``.
    """
    width = line_width(theme)
    marks = moment_steps(data, moment)
    titles = [_kind_name(kind, lang) for kind in KINDS] + [""] * 5
    fig = subplots(
        rows=3, cols=4, row_heights=[0.42, 0.33, 0.25], vertical_spacing=0.09, horizontal_spacing=0.04,
        shared_yaxes=False, subplot_titles=titles,
        specs=[[{}, {}, {}, {}], [{}, {}, {}, {}], [{"colspan": 4}, None, None, None]],
    )
    t_axis = np.arange(data["T"])
    floored = False
    lows = []
    for col, kind in enumerate(KINDS, start=1):
        snaps = data["runs"][kind]
        steps = np.array([s.step for s in snaps], dtype=float)
        z = np.array([s.log10_grad_h for s in snaps]).reshape(len(snaps), data["T"])  # (S, T)
        floored = floored or bool(np.any(z < LOG10_FLOOR))
        z = np.maximum(z, LOG10_FLOOR)
        if z.size:
            lows.append(float(z.min()))
        fig.add_trace(heatmap(
            x=t_axis, y=steps, z=z.astype(np.float32), coloraxis="coloraxis",
            hovertemplate="t=%{x}, step %{y}<br>log₁₀‖∂L/∂h_t‖ = %{z:.2f}<extra>" + _kind_name(kind, lang) + "</extra>",
        ), row=1, col=col)
        fig.add_hline(y=marks["moment"], line={"color": "white", "dash": "dash", "width": 1.5}, row=1, col=col)
        for which in ("start", "moment", "end"):
            snap = snapshot_at(snaps, marks[which])
            label = t("training.gradients.moment", lang, label=t(f"training.moment.{which}", lang),
                      step=snap.step if snap is not None else marks[which])
            values = np.maximum(snap.log10_grad_h, LOG10_FLOOR) if snap is not None else np.array([])
            fig.add_trace(scatter(
                x=t_axis[:values.size], y=values, mode="lines", name=label, legendgroup=which, showlegend=False,
                line={"color": KIND_COLORS[kind], "width": width * 0.8, "dash": MOMENT_DASH[which]},
                hovertemplate="t=%{x}<br>log₁₀‖∂L/∂h_t‖ = %{y:.2f}<extra>" + label + "</extra>",
            ), row=2, col=col)
    for which in MOMENT_DASH:  # the legend's entries for the three moments, in a neutral colour
        fig.add_trace(scatter(
            x=[None], y=[None], mode="lines", legendgroup=which, hoverinfo="skip",
            name=t("training.gradients.moment", lang, label=t(f"training.moment.{which}", lang), step=marks[which]),
            line={"color": GUIDE, "width": width * 0.8, "dash": MOMENT_DASH[which]},
        ), row=2, col=1)
    for kind, gate in (("lstm", "f"), ("gru", "z")):
        snaps = data["runs"][kind]
        name = t(f"training.gate.{gate}", lang)
        fig.add_trace(scatter(
            x=np.array([s.step for s in snaps], dtype=float),
            y=np.array([s.gate_mean for s in snaps], dtype=float), name=name, mode="lines+markers",
            line={"color": KIND_COLORS[kind], "width": width}, marker={"size": 5},
            hovertemplate="step %{x}<br>%{y:.3f}<extra>" + name + "</extra>",
        ), row=3, col=1)
    fig.add_vline(x=marks["moment"], line={"color": GUIDE, "dash": "dash", "width": 1.2}, row=3, col=1)
    apply_layout(fig, theme=theme, title=t("training.gradients.title", lang, task=_task_name(data, lang), T=data["T"]),
                 height=860)
    high = max([float(np.max(s.log10_grad_h)) for k in KINDS for s in data["runs"][k]] or [0.0])
    fig.update_layout(coloraxis={
        "colorscale": "Viridis", "cmin": min(lows) if lows else LOG10_FLOOR, "cmax": high,
        "colorbar": {"title": {"text": "log₁₀‖∂L/∂h_t‖", "side": "right"}, "len": 0.42, "y": 1.0,
                     "yanchor": "top"},
    })
    for col in range(1, 5):
        fig.update_xaxes(title_text=t("training.axis.t", lang), row=2, col=col)
        fig.update_yaxes(range=[0, data["steps"]], row=1, col=col, showticklabels=col == 1)
        fig.update_yaxes(showticklabels=col == 1, row=2, col=col, **({"matches": "y5"} if col > 1 else {}))
    fig.update_yaxes(title_text=t("training.axis.step", lang), row=1, col=1)
    fig.update_yaxes(title_text=t("training.axis.log10_grad", lang), row=2, col=1)
    fig.update_xaxes(title_text=t("training.axis.step", lang), range=[0, data["steps"]], row=3, col=1)
    fig.update_yaxes(range=[0.0, 1.0], title_text=t("training.axis.gate", lang), row=3, col=1)
    if floored:
        add_note(fig, t("training.gradients.floor", lang))
    return fig


@builder
def summary_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Loss / baseline when each run stopped, over the delay T − 1, one line per kind; filled markers where
    the run solved the task. ``data``: ``table`` (the sweep's rows), ``kinds``, ``task``, ``lengths``."""
    width = line_width(theme)
    table = data["table"]
    fig = subplots(rows=1, cols=1)
    everything = [np.empty(0)]
    for kind in data["kinds"]:
        rows = table[table["cell"] == kind].sort_values("delay")
        name = _kind_name(kind, lang)
        solved = rows["solved"].to_numpy(dtype=bool)
        ratios = rows["ratio"].to_numpy(dtype=float)
        everything.append(ratios)
        fig.add_trace(scatter(
            x=rows["delay"].to_numpy(dtype=float), y=_finite_or_none(ratios), name=name,
            mode="lines+markers", line={"color": KIND_COLORS[kind], "width": width},
            marker={"size": 12, "color": KIND_COLORS[kind], "symbol": np.where(solved, "circle", "circle-open")
                    .tolist(), "line": {"width": 2, "color": KIND_COLORS[kind]}},
            customdata=rows["steps"].to_numpy(dtype=float),
            hovertemplate="T − 1 = %{x}<br>%{y:.3g} (step %{customdata})<extra>" + name + "</extra>",
        ), row=1, col=1)
    _ratio_lines(fig, theme, lang, row=1, col=1)
    apply_layout(fig, theme=theme, title=t("training.summary.title", lang, task=_task_name(data, lang)),
                 x_title=t("training.axis.delay", lang), y_title=t("training.axis.ratio", lang), height=440)
    fig.update_xaxes(tickvals=[length - 1 for length in data["lengths"]])
    _ratio_axis(fig, np.concatenate(everything))
    add_note(fig, t("training.summary.markers", lang))
    return fig


@builder
def reversal_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Left: loss / baseline of the tanh RNN and the LSTM, plain (solid) and with the input reversed (dashed).
    Right: mean steps from each deciding input to the loss (bars; whiskers to the min and max), plain and
    reversed. ``data``: ``runs`` {(kind, reversed): (Snapshot, ...)}, ``distances``, ``task``, ``T``, ``steps``."""
    width = line_width(theme)
    fig = subplots(rows=1, cols=2, column_widths=[0.62, 0.38], horizontal_spacing=0.12,
                   subplot_titles=(t("training.reversal.curves", lang), t("training.reversal.distances", lang)))
    everything = [np.empty(0)]
    for (kind, flipped), snaps in data["runs"].items():
        how = t("training.reversal.flipped" if flipped else "training.reversal.plain", lang)
        name = t("training.reversal.trace", lang, kind=_kind_name(kind, lang), how=how)
        ratios = _ratios(snaps)
        everything.append(ratios)
        fig.add_trace(scatter(
            x=np.array([s.step for s in snaps], dtype=float), y=_finite_or_none(ratios),
            name=name, mode="lines", line={"color": KIND_COLORS[kind], "width": width, "dash": "dash" if flipped else
                                           "solid"},
            hovertemplate="step %{x}<br>%{y:.4g}<extra>" + name + "</extra>",
        ), row=1, col=1)
    _ratio_lines(fig, theme, lang, row=1, col=1)
    distances = data["distances"]
    for flipped, color in ((False, GUIDE), (True, ACCENT)):
        rows = distances[distances["reversed"] == flipped]
        mean = rows["mean"].to_numpy(dtype=float)
        how = t("training.reversal.flipped" if flipped else "training.reversal.plain", lang)
        fig.add_trace(bar(
            x=[t(f"training.input.{name}", lang) for name in rows["input"]], y=mean, name=how,
            marker_color=color, showlegend=True,
            error_y={"type": "data", "symmetric": False, "array": rows["max"].to_numpy(dtype=float) - mean,
                     "arrayminus": mean - rows["min"].to_numpy(dtype=float), "color": GUIDE},
            text=[f"{m:.1f}" for m in mean], textposition="inside", insidetextanchor="start",
            hovertemplate="%{x}: %{y:.1f}<extra>" + how + "</extra>",
        ), row=1, col=2)
    apply_layout(fig, theme=theme, title=t("training.reversal.title", lang, task=_task_name(data, lang), T=data["T"]),
                 height=480)
    fig.update_layout(barmode="group")
    fig.update_xaxes(title_text=t("training.axis.step", lang), range=[0, data["steps"]], row=1, col=1)
    fig.update_yaxes(title_text=t("training.axis.ratio", lang), row=1, col=1)
    _ratio_axis(fig, np.concatenate(everything), row=1, col=1)
    fig.update_yaxes(title_text=t("training.axis.distance", lang), range=[0, 1.2 * data["T"]], row=1, col=2)
    return fig
