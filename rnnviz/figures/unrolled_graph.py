"""The unrolled computational graph with the gradient on every node and edge, animated backwards in time.

Colour and size follow ``log10 ‖gradient‖`` on one colour scale for the whole graph; the exact norms
are on hover. The animation is a set of Plotly frames built once (play/pause buttons and a slider),
so the browser plays it without asking the server.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from plotly.colors import sample_colorscale

from rnnviz.figures.canvas import builder, extend_annotations, figure, scatter
from rnnviz.figures.style import CELL_COLORS, GUIDE, Figure, add_note, apply_layout
from rnnviz.i18n import t
from rnnviz.figures.graph_layout import UnrolledGraph

COLORSCALE = "Viridis"
N_BINS = 7  # edge colour bins (a line trace has one colour)
TINY = 1e-300  # norms below this are drawn at the bottom of the scale
FRAME_MS = 600
LABEL_ALL_UP_TO = 8  # label every operation when at most this many steps are drawn
_SYMBOLS = {
    "h": "circle", "c0": "circle", "x": "square", "loss": "star", "bias": "triangle-up",
    "tanh": "diamond", "add": "circle", "matmul_h": "square", "matmul_x": "square",
    "gate": "hexagon", "mul": "circle-x", "ellipsis": "circle-open",
}
_Y_RANGE = {"rnn": (-2.7, 2.1), "lstm": (-2.5, 3.6), "gru": (-2.1, 3.9)}
_DENSITY = {"rnn": 1.0, "lstm": 0.7, "gru": 0.7}  # operations per step slot: 5 (RNN), about 15 (LSTM), 12 (GRU)


def html_label(label: str) -> str:
    """``"h_12"`` -> ``"h<sub>12</sub>"`` (Plotly's markup; fonts rarely have every subscript digit)."""
    label = label.split(":")[-1]  # gates are drawn by name only ("σ:f" -> "f"); the hover says more
    head, sep, tail = label.partition("_")
    return f"{head}<sub>{tail}</sub>" if sep and tail else label


def _log_norms(values: np.ndarray, low: float) -> np.ndarray:
    return np.log10(np.maximum(values, max(low, TINY)))


def color_range(graph: UnrolledGraph) -> tuple[float, float]:
    """``(cmin, cmax)`` in log10 over every positive node and edge norm of the graph."""
    every = np.concatenate([graph.node_norm, graph.edge_norm])
    positive = every[(every > 0) & np.isfinite(every)]
    if positive.size == 0:
        return -1.0, 1.0
    low, high = float(np.log10(positive.min())), float(np.log10(positive.max()))
    if high - low < 1e-6:
        low, high = low - 0.5, high + 0.5
    return low, high


def _edge_bins(graph: UnrolledGraph, cmin: float, cmax: float) -> np.ndarray:
    log = _log_norms(graph.edge_norm, 10.0 ** cmin)
    frac = np.clip((log - cmin) / (cmax - cmin), 0.0, 1.0)
    return np.minimum((frac * N_BINS).astype(int), N_BINS - 1)


def _segments(graph: UnrolledGraph, mask: np.ndarray) -> tuple[list, list]:
    xs: list = []
    ys: list = []
    for src, dst in zip(graph.edge_src[mask], graph.edge_dst[mask]):
        xs += [round(float(graph.node_x[src]), 4), round(float(graph.node_x[dst]), 4), None]
        ys += [round(float(graph.node_y[src]), 4), round(float(graph.node_y[dst]), 4), None]
    return xs, ys


def _sizes(log: np.ndarray, cmin: float, cmax: float, theme: str, drawn: int, cell: str) -> np.ndarray:
    """Marker sizes in px: larger for larger gradients, smaller when many steps share the width (and the
    gated cells' many operations share a step's slot)."""
    shrink = float(np.clip(10.0 / max(drawn, 1), 0.45, 1.0)) * _DENSITY[cell]
    base = (9.0 if theme != "projector" else 12.0) * shrink
    return np.round(base + 17.0 * shrink * np.clip((log - cmin) / (cmax - cmin), 0.0, 1.0), 2)


def _fmt(value: float) -> str:
    return f"{value:.4g}" if 1e-3 <= abs(value) < 1e4 or value == 0 else f"{value:.3e}"


def _node_hover(graph: UnrolledGraph, lang: str) -> list[str]:
    labels = [html_label(label) for label in graph.node_label]
    full = [label.replace(":", " ") for label in graph.node_label]
    sends: dict[int, list[str]] = {}
    for src, dst, norm in zip(graph.edge_src, graph.edge_dst, graph.edge_norm):
        arriving = graph.node_norm[dst]
        ratio = f" (×{_fmt(norm / arriving)})" if arriving > 0 else ""
        sends.setdefault(int(dst), []).append(f"&nbsp;&nbsp;→ {labels[src]}: {_fmt(norm)}{ratio}")
    texts = []
    for k in range(len(labels)):
        step = int(graph.node_step[k])
        head = f"<b>{full[k] if ':' in graph.node_label[k] else labels[k]}</b>" + (f"  (t = {step})" if step > 0 else "")
        body = t("unrolled_graph.hover.arriving", lang, value=_fmt(graph.node_norm[k]))
        if graph.node_kind[k] == "loss":
            body = "∂L/∂L = 1"
        lines = [head, body]
        if k in sends:
            lines.append(t("unrolled_graph.hover.sends", lang))
            lines += sends[k]
        texts.append("<br>".join(lines))
    return texts


def _edge_hover(graph: UnrolledGraph, lang: str) -> list[str]:
    labels = [html_label(label) for label in graph.node_label]
    return [
        t("unrolled_graph.hover.edge", lang, src=labels[s], dst=labels[d], value=_fmt(n))
        for s, d, n in zip(graph.edge_src, graph.edge_dst, graph.edge_norm)
    ]


@builder
def unrolled_graph_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """The unrolled graph of ``data["graph"]`` (an :class:`UnrolledGraph`), animated backwards in time.

    ``data``: ``graph``, ``tokens`` (list of T words or None), ``answer`` (the label's word or None).
    Traces: 0 static edges (grey), 1 edge midpoints (hover), 2 static nodes (grey, labels, hover),
    3..3+N_BINS−1 lit edges by colour bin, last the lit nodes (colour scale); frames update 3.. only.
    """
    graph: UnrolledGraph = data["graph"]
    dark = theme == "dark"
    cmin, cmax = color_range(graph)
    node_log = _log_norms(graph.node_norm, 10.0 ** cmin)
    node_size = _sizes(node_log, cmin, cmax, theme, int(graph.steps.size), graph.cell)
    bins = _edge_bins(graph, cmin, cmax)
    bin_colors = sample_colorscale(COLORSCALE, [(b + 0.5) / N_BINS for b in range(N_BINS)])
    base_width = 1.2 if theme != "projector" else 2.0
    idle = "#555555" if dark else "#D0D0D0"

    fig = figure()
    xs, ys = _segments(graph, np.ones(graph.edge_src.size, dtype=bool))
    fig.add_trace(scatter(x=xs, y=ys, mode="lines", line={"color": idle, "width": base_width},
                             hoverinfo="skip", showlegend=False))
    mid_x = np.round((graph.node_x[graph.edge_src] + graph.node_x[graph.edge_dst]) / 2, 4)
    mid_y = np.round((graph.node_y[graph.edge_src] + graph.node_y[graph.edge_dst]) / 2, 4)
    fig.add_trace(scatter(
        x=mid_x, y=mid_y, mode="markers", marker={"size": 8, "color": "rgba(0,0,0,0)"},
        hovertext=_edge_hover(graph, lang), hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
    ))
    fig.add_trace(scatter(
        x=graph.node_x, y=graph.node_y, mode="markers+text",
        marker={"size": node_size, "color": idle, "symbol": [_SYMBOLS[k] for k in graph.node_kind],
                "line": {"width": 1, "color": GUIDE}},
        text=_node_texts(graph), textposition="top center",
        textfont={"size": 11 if theme != "projector" else 15},
        hovertext=_node_hover(graph, lang), hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
    ))
    last = graph.n_frames - 1
    for trace in _lit_traces(graph, last, bins, bin_colors, node_log, node_size, cmin, cmax, theme, lang):
        fig.add_trace(trace)
    animated = list(range(3, 3 + N_BINS + 1))
    frames = []
    for k in range(graph.n_frames):
        traces = _lit_traces(graph, k, bins, bin_colors, node_log, node_size, cmin, cmax, theme, lang,
                             frame=True)
        frames.append({"data": traces, "traces": animated, "name": str(k)})
    fig.frames = frames

    apply_layout(fig, theme=theme, title=_title(graph, lang), height=640 if graph.cell != "rnn" else 520)
    x_max = float(graph.node_x.max())
    fig.update_xaxes(visible=False, range=[-0.35, x_max + 0.35])
    y_low, y_high = _Y_RANGE[graph.cell]
    if graph.ellipsis is not None:
        y_high += 1.0  # room for the ellipsis report above the graph
    fig.update_yaxes(visible=False, range=[y_low, y_high])
    slider_room = 125 if theme == "projector" else 110  # the play buttons and the step slider
    bottom = slider_room + (80 if theme == "projector" else 55)  # then the two-line note
    fig.update_layout(
        margin={"l": 20, "r": 20, "t": 60, "b": bottom}, hovermode="closest",
        updatemenus=[_buttons(lang)], sliders=[_slider(graph, lang, theme)],
    )
    _step_annotations(fig, graph, data, lang, theme, y_low, y_high)
    add_note(fig, t("unrolled_graph.note", lang), y=0.0, yshift=-slider_room)  # below the slider at any height
    return fig


def _node_texts(graph: UnrolledGraph) -> list[str]:
    drawn = graph.steps.size
    keep = {"h", "c0", "ellipsis"} if drawn > 12 else {"h", "c0", "x", "loss", "ellipsis"}
    return [html_label(lab) if drawn <= LABEL_ALL_UP_TO or kind in keep else ""
            for lab, kind in zip(graph.node_label, graph.node_kind)]


def _lit_traces(graph, k, bins, bin_colors, node_log, node_size, cmin, cmax, theme, lang, frame=False):
    traces = []
    edges_on = graph.edge_order <= k
    for b in range(N_BINS):
        xs, ys = _segments(graph, edges_on & (bins == b))
        if frame:
            traces.append({"type": "scatter", "x": xs, "y": ys})
        else:
            width = (1.5 + 4.5 * b / (N_BINS - 1)) * (1.5 if theme == "projector" else 1.0)
            traces.append(scatter(x=xs, y=ys, mode="lines", line={"color": bin_colors[b], "width": width},
                                     hoverinfo="skip", showlegend=False))
    on = graph.node_order <= k
    marker = {"color": np.round(node_log[on], 4), "size": node_size[on]}
    if frame:
        traces.append({"type": "scatter", "x": graph.node_x[on], "y": graph.node_y[on], "marker": marker})
        return traces
    marker.update(
        colorscale=COLORSCALE, cmin=cmin, cmax=cmax,
        symbol=[_SYMBOLS[kind] for kind in graph.node_kind],
        line={"width": 1, "color": "#FFFFFF" if theme == "dark" else "#333333"},
        colorbar={"title": {"text": t("unrolled_graph.colorbar", lang), "side": "right"}, "thickness": 14, "len": 0.8},
    )
    traces.append(scatter(x=graph.node_x[on], y=graph.node_y[on], mode="markers", marker=marker,
                             hoverinfo="skip", showlegend=False))
    return traces


def _title(graph: UnrolledGraph, lang: str) -> str:
    name = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}[graph.cell]
    return t("unrolled_graph.unrolled.title", lang, cell=name, T=graph.T)


def _frame_label(graph: UnrolledGraph, k: int) -> str:
    step = int(graph.frame_steps[k])
    if k == 0:
        return "L"
    return "⋯" if step == 0 else f"t={step}"


def _buttons(lang: str) -> dict:
    play = [None, {"frame": {"duration": FRAME_MS, "redraw": False}, "transition": {"duration": 0},
                   "fromcurrent": False, "mode": "immediate"}]
    pause = [[None], {"frame": {"duration": 0, "redraw": False}, "transition": {"duration": 0},
                      "mode": "immediate"}]
    return {
        "type": "buttons", "direction": "left", "showactive": False, "x": 0.0, "y": -0.06,
        "xanchor": "left", "yanchor": "top", "pad": {"t": 0, "r": 10},
        "buttons": [
            {"label": "▶ " + t("unrolled_graph.play", lang), "method": "animate", "args": play},
            {"label": "❚❚ " + t("unrolled_graph.pause", lang), "method": "animate", "args": pause},
        ],
    }


def _slider(graph: UnrolledGraph, lang: str, theme: str) -> dict:
    steps = [
        {"label": _frame_label(graph, k), "method": "animate",
         "args": [[str(k)], {"frame": {"duration": 0, "redraw": False}, "transition": {"duration": 0},
                             "mode": "immediate"}]}
        for k in range(graph.n_frames)
    ]
    return {
        "active": graph.n_frames - 1, "steps": steps, "y": -0.02, "yanchor": "top",
        **({"x": 0.3, "len": 0.7} if theme == "projector" else {"x": 0.26, "len": 0.74}),  # clear of the buttons
        "currentvalue": {"prefix": t("unrolled_graph.slider", lang) + ": ", "font": {"size": 13}},
        "pad": {"t": 10, "b": 0},
    }


def _step_annotations(fig: Figure, graph: UnrolledGraph, data: dict, lang: str, theme: str,
                      y_low: float, y_high: float) -> None:
    tokens = data.get("tokens")
    h_nodes = {int(s): float(x) for s, x, kind in zip(graph.node_step, graph.node_x, graph.node_kind)
               if kind == "h"}
    small = graph.steps.size > 16
    labels = []
    for step in graph.steps:
        x = h_nodes[int(step)] - 0.5
        text = f"t={int(step)}"
        if tokens is not None:
            text += f"<br><b>{tokens[int(step) - 1]}</b>"
        labels.append({"x": x, "y": y_low + 0.05, "text": text, "showarrow": False, "yanchor": "bottom",
                       "font": {"size": 10 if small else 12, "color": GUIDE}})
    answer = data.get("answer")
    loss_nodes = [k for k, kind in enumerate(graph.node_kind) if kind == "loss"]
    if answer and loss_nodes:
        k = loss_nodes[-1]
        labels.append({"x": float(graph.node_x[k]), "y": float(graph.node_y[k]), "text": f"“{answer}”",
                       "showarrow": False, "xanchor": "left", "xshift": 12, "font": {"color": CELL_COLORS["rnn"]}})
    if graph.ellipsis is not None:
        e = graph.ellipsis
        k = graph.node_key.index("ellipsis")
        ratio_h = "—" if e["ratio_h"] is None else _fmt(e["ratio_h"])
        text = t("unrolled_graph.ellipsis", lang, first=e["first"], last=e["last"], lo=e["first"] - 1, hi=e["last"],
                 ratio=ratio_h)
        if e.get("ratio_c") is not None:
            text += "<br>" + t("unrolled_graph.ellipsis_c", lang, lo=e["first"] - 1, hi=e["last"], ratio=_fmt(e["ratio_c"]))
        labels.append({"x": float(graph.node_x[k]), "y": y_high - 0.05, "text": text, "showarrow": False,
                       "yanchor": "top", "font": {"size": 11},
                       "bgcolor": "rgba(0,0,0,0.6)" if theme == "dark" else "rgba(255,255,255,0.8)"})
    extend_annotations(fig, labels)
