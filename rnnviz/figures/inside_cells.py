"""Figures of the inside of a cell: hidden/cell-state and gate heatmaps over (t, unit), per-step gradient
norms, the per-word gradient bar, and the cell's equations at one step with its numbers filled in.

Heatmaps larger than a screen can show are averaged into at most ``MAX_T_BINS × MAX_UNIT_BINS`` cells
(``rnnviz.experiments.reductions.bin_mean``, called by the lesson's compute) and the chart says so.
Shapes: ``T`` time, ``H`` hidden, ``K`` shown units (≤ 4); binned grids are ``(Tb, Hb)``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rnnviz.figures.canvas import bar, builder, figure, heatmap, scatter, subplots
from rnnviz.figures.style import ACCENT, CELL_COLORS, GUIDE, SKY, Figure, add_note, apply_layout, line_width
from rnnviz.i18n import t

MAX_T_BINS = 200  # columns of a heatmap: about one per 4-5 screen pixels
MAX_UNIT_BINS = 64  # rows of a heatmap
MAX_TOKEN_TICKS = 60  # beyond this many steps the axis shows numbers, not words

# Panel name -> (symbol, value range kind). "unit": in [0, 1] (sigmoid gates); "signed": in [-1, 1]
# (tanh); "free": any real number (symmetric range around 0).
PANELS = {
    "h": ("h_t", "signed"), "c": ("c_t", "free"),
    "a": ("a_t = W_hh h_(t−1) + W_xh x_t + b", "free"), "dtanh": ("tanh'(a_t)", "unit"),
    "i": ("i_t", "unit"), "f": ("f_t", "unit"), "g": ("g_t = c̃_t", "signed"), "o": ("o_t", "unit"),
    "r": ("r_t", "unit"), "z": ("z_t", "unit"), "n": ("n_t = h̃_t", "signed"),
}
_SCALES = {"unit": "Viridis", "signed": "RdBu", "free": "RdBu"}


def _time_axis(fig: Figure, data: dict[str, Any], *, row: int | None = None, col: int | None = None) -> None:
    tokens = data.get("tokens")
    if tokens and len(tokens) <= MAX_TOKEN_TICKS:
        fig.update_xaxes(tickmode="array", tickvals=list(range(1, len(tokens) + 1)), ticktext=list(tokens),
                         tickangle=-45 if len(tokens) > 10 else 0, row=row, col=col)


def _notes_below(fig: Figure, data: dict[str, Any], notes: list[str]) -> None:
    """Notes under the axis title (and the legend), each on its own line."""
    for note in notes:
        add_note(fig, note)


def _aggregation_notes(data: dict[str, Any], lang: str) -> list[str]:
    if data["t_factor"] > 1 or data["unit_factor"] > 1:
        return [t("inside_cells.note.binned", lang, t_factor=data["t_factor"], unit_factor=data["unit_factor"])]
    return []


def _log_ticks(fig: Figure, log10_values: list[np.ndarray]) -> None:
    """A log y axis; one label per decade when the values span 2 to 12 decades (no minor-tick clutter)."""
    fig.update_yaxes(type="log", exponentformat="power")
    finite = np.concatenate([v[np.isfinite(v)] for v in log10_values]) if log10_values else np.array([])
    if finite.size and 2.0 <= float(np.ptp(finite)) <= 12.0:
        fig.update_yaxes(dtick=1)


def _heatmap(name: str, grid: np.ndarray, data: dict[str, Any], theme: str, colorbar: dict) -> dict:
    symbol, kind = PANELS[name]
    if kind == "unit":
        zmin, zmax = 0.0, 1.0
    elif kind == "signed":
        zmin, zmax = -1.0, 1.0
    else:
        top = float(np.max(np.abs(grid))) or 1.0
        zmin, zmax = -top, top
    return heatmap(
        z=grid.T, x=data["t_pos"], y=data["unit_pos"], zmin=zmin, zmax=zmax, colorscale=_SCALES[kind],
        reversescale=kind != "unit", colorbar=colorbar, name=symbol,
        hovertemplate="t = %{x}<br>unit %{y}<br>" + symbol + " = %{z:.4f}<extra></extra>",
    )


def _panel_grid(data: dict[str, Any], names: list[str], *, lang: str, theme: str, title_key: str) -> Figure:
    n = len(names)
    gap = 0.12 if n <= 2 else 0.07
    fig = subplots(rows=n, cols=1, shared_xaxes=True, vertical_spacing=gap,
                        subplot_titles=[PANELS[name][0] for name in names])
    height = 1.0 / n
    for k, name in enumerate(names):
        centre = 1.0 - (k + 0.5) * height
        colorbar = {"len": height * 0.85, "y": centre, "yanchor": "middle", "thickness": 14}
        fig.add_trace(_heatmap(name, data["panels"][name], data, theme, colorbar), row=k + 1, col=1)
        fig.update_yaxes(title_text=t("inside_cells.axis.unit", lang), row=k + 1, col=1)
    apply_layout(fig, theme=theme, title=t(title_key, lang, cell=data["cell"].upper()),
                 height=max(460, 190 * n + 110))
    if data["H"] <= 12:
        fig.update_yaxes(dtick=1)
    fig.update_xaxes(title_text=t("inside_cells.axis.time", lang), row=n, col=1)
    for k in range(n):
        _time_axis(fig, data, row=k + 1, col=1)
    _notes_below(fig, data, _aggregation_notes(data, lang))
    return fig


@builder
def hidden_states_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Heatmap of the hidden state ``h_t`` over (t, unit), and of the LSTM's cell state ``c_t`` below it.

    ``data``: ``cell``, ``panels`` {``h``, [``c``]: (Tb, Hb)}, ``t_pos`` (Tb,), ``unit_pos`` (Hb,),
    ``t_factor``, ``unit_factor``, ``tokens`` (list or None).
    """
    if "c" in data["panels"]:
        return _panel_grid(data, ["h", "c"], lang=lang, theme=theme, title_key="inside_cells.states.title_c")
    return _panel_grid(data, ["h"], lang=lang, theme=theme, title_key="inside_cells.states.title")


@builder
def gates_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """One heatmap per gate over (t, unit): LSTM ``i, f, g, o``; GRU ``r, z, n``; the vanilla RNN has no
    gates, so it shows its pre-activation ``a_t`` and ``tanh'(a_t)``, the factor that shrinks the gradient.

    ``data``: as :func:`hidden_states_figure`, with ``gate_names`` and a panel per name.
    """
    return _panel_grid(data, list(data["gate_names"]), lang=lang, theme=theme, title_key="inside_cells.gates.title")


def _finite_points(x: np.ndarray, log10: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    keep = np.isfinite(log10)
    return x[keep], np.power(10.0, log10[keep])


@builder
def gradients_figure(data: dict[str, Any], *, lang: str, theme: str, step: int = 1) -> Figure:
    """``‖∂L/∂h_t‖``, ``‖∂L/∂x_t‖`` (and the LSTM's ``‖∂L/∂c_t‖``) over t on a log axis, loss at the last
    step, with the inspected ``step`` marked (clamped to T). Zero (underflowed) or overflowed norms are left
    out, with a note.

    ``data``: ``cell``, ``t`` (T,), ``log10`` {``h``, ``x``, [``c``]: (T,)} (nan where not finite or 0),
    ``tokens``.
    """
    step = min(step, len(data["t"]))
    width = line_width(theme)
    steps = data["t"]
    fig = figure()
    styles = {
        "h": {"color": CELL_COLORS[data["cell"]], "width": width},
        "c": {"color": SKY, "width": width * 0.8, "dash": "dash"},
        "x": {"color": ACCENT, "width": width * 0.8, "dash": "dot"},
    }
    markers = len(steps) <= 60
    for name in ("h", "c", "x"):
        if name not in data["log10"]:
            continue
        x, y = _finite_points(steps, data["log10"][name])
        label = t(f"inside_cells.trace.grad_{name}", lang)
        fig.add_trace(scatter(
            x=x, y=y, name=label, line=styles[name], mode="lines+markers" if markers else "lines",
            hovertemplate="t = %{x}<br>%{y:.4g}<extra>" + label + "</extra>",
        ))
    apply_layout(fig, theme=theme, title=t("inside_cells.grads.title", lang, cell=data["cell"].upper()),
                 x_title=t("inside_cells.axis.time", lang), y_title=t("inside_cells.axis.grad_norm", lang))
    _log_ticks(fig, list(data["log10"].values()))
    fig.update_layout(legend={"orientation": "v", "x": 0.01, "xanchor": "left", "y": 0.99, "yanchor": "top",
                              "bgcolor": "rgba(0,0,0,0)"})
    _time_axis(fig, data)
    fig.add_vline(x=step, line={"color": GUIDE, "width": 1.5, "dash": "dot"},
                  annotation_text=f"t = {step}", annotation_position="top")
    dropped = int(sum(np.sum(~np.isfinite(v)) for v in data["log10"].values()))
    _notes_below(fig, data, [t("inside_cells.note.dropped", lang, count=dropped)] if dropped else [])
    return fig


@builder
def word_gradients_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """A bar per input step (per word for a sentence) of ``‖∂L/∂x_t‖``: how much of the last step's loss
    reaches each word. The sentence's answer word is hatched, its distractor (seed 003) cross-hatched.

    ``data``: ``cell``, ``t`` (T,), ``log10`` {``x``: (T,)}, ``tokens``, ``answer``, ``distractor``.
    """
    steps = data["t"]
    log10 = data["log10"]["x"]
    keep = np.isfinite(log10)
    tokens = data["tokens"] or [str(int(s)) for s in steps]
    patterns = []  # the answer word hatched, the distractor cross-hatched; every bar in the cell's colour
    for token in tokens:
        if data.get("answer") and token.lower() == str(data["answer"]).lower():
            patterns.append("/")
        elif data.get("distractor") and token.lower() == str(data["distractor"]).lower():
            patterns.append("x")
        else:
            patterns.append("")
    outline = [2.5 if p else 0.0 for p, k in zip(patterns, keep) if k]
    fig = figure(bar(
        x=steps[keep], y=np.power(10.0, log10[keep]),
        marker={"color": CELL_COLORS[data["cell"]], "line": {"width": outline, "color": GUIDE},
                "pattern": {"shape": [p for p, k in zip(patterns, keep) if k], "fgcolor": "white"}},
        customdata=[tok for tok, k in zip(tokens, keep) if k], name=t("inside_cells.trace.grad_x", lang),
        hovertemplate="%{customdata} (t = %{x})<br>‖∂L/∂x_t‖ = %{y:.4g}<extra></extra>",
    ))
    apply_layout(fig, theme=theme, title=t("inside_cells.words.title", lang, cell=data["cell"].upper()),
                 x_title=t("inside_cells.axis.word" if data["tokens"] else "inside_cells.axis.time", lang),
                 y_title="‖∂L/∂x_t‖")
    _log_ticks(fig, [log10])
    _time_axis(fig, data)
    notes = []
    if data.get("answer"):
        notes.append(t("inside_cells.note.answer", lang, word=data["answer"]))
    if data.get("distractor"):
        notes.append(t("inside_cells.note.distractor", lang, word=data["distractor"]))
    if not np.all(keep):
        notes.append(t("inside_cells.note.dropped", lang, count=int(np.sum(~keep))))
    _notes_below(fig, data, notes)
    return fig
