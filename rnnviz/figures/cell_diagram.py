"""One RNN, LSTM or GRU cell at a chosen step, drawn like the lecture slides: forward values beside gradients.

Plotly shapes (lanes, gate boxes, operation circles) and annotations (numbers); an invisible marker on
each element carries the per-unit values on hover and the two colour bars. Left panel: forward values
(mean over units, colour on [−1, 1]); right panel: ‖gradient‖ at the same places (log10 colour).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from plotly.colors import sample_colorscale

from rnnviz.figures.canvas import builder, figure, scatter
from rnnviz.figures.style import GUIDE, Figure, add_note, apply_layout
from rnnviz.i18n import t

FORWARD_SCALE = "RdBu_r"
BACKWARD_SCALE = "Viridis"
PANEL_SHIFT = 13.0  # the backward panel is the forward one moved right by this much
MAX_UNITS_ON_HOVER = 16

# name, symbol, x, y, shape ("box", "op", "state")
_ELEMENTS = {
    "rnn": (
        ("h_prev", "h_{t−1}", 0.4, 3.0, "state"), ("x", "x_t", 5.0, 0.4, "state"),
        ("a", "+ (a_t)", 4.0, 3.0, "op"), ("dphi", "tanh′", 6.2, 4.9, "box"),
        ("h", "h_t", 9.6, 3.0, "state"),
    ),
    "lstm": (
        ("c_prev", "c_{t−1}", 0.4, 6.0, "state"), ("h_prev", "h_{t−1}", 0.4, 1.0, "state"),
        ("x", "x_t", 1.4, 0.1, "state"),
        ("f", "σ f", 2.2, 3.0, "box"), ("i", "σ i", 3.7, 3.0, "box"), ("g", "tanh g", 5.2, 3.0, "box"),
        ("o", "σ o", 6.7, 3.0, "box"), ("c", "c_t", 9.6, 6.0, "state"), ("tanh_c", "tanh c_t", 8.2, 4.6, "box"),
        ("h", "h_t", 9.6, 1.0, "state"),
    ),
    "gru": (
        ("h_prev", "h_{t−1}", 0.4, 6.0, "state"), ("x", "x_t", 1.4, 0.1, "state"),
        ("r", "σ r", 2.4, 2.6, "box"), ("z", "σ z", 4.2, 2.6, "box"), ("n", "tanh h̃", 6.4, 2.6, "box"),
        ("lane", "×(1−z)", 4.2, 6.0, "op"), ("h", "h_t", 9.6, 6.0, "state"),
    ),
}
# plain operation circles without numbers (the ×, + of the slides)
_OPS = {
    "rnn": (("W_h", 2.2, 3.0), ("tanh", 6.2, 3.0), ("W_x", 5.0, 1.6)),
    "lstm": (("×", 2.2, 6.0), ("+", 5.2, 6.0), ("×", 4.45, 4.6), ("×", 8.2, 3.0)),
    "gru": (("×", 2.4, 4.3), ("×", 7.8, 4.3), ("+", 7.8, 6.0)),
}
_LANES = {
    "rnn": ((0.4, 3.0, 9.6, 3.0), (5.0, 0.4, 5.0, 3.0), (6.2, 3.0, 6.2, 4.9)),
    "lstm": ((0.4, 6.0, 9.6, 6.0), (0.4, 1.0, 7.5, 1.0), (1.4, 0.1, 1.4, 1.0), (2.2, 1.0, 2.2, 6.0),
             (3.7, 1.0, 3.7, 4.6), (5.2, 1.0, 5.2, 4.6), (3.7, 4.6, 5.2, 4.6), (4.45, 4.6, 5.2, 6.0),
             (6.7, 1.0, 6.7, 3.0), (6.7, 3.0, 8.2, 3.0), (8.2, 6.0, 8.2, 3.0), (8.2, 3.0, 9.0, 1.0),
             (9.0, 1.0, 9.6, 1.0)),
    "gru": ((0.4, 6.0, 9.6, 6.0), (1.0, 6.0, 1.0, 1.0), (1.0, 1.0, 6.4, 1.0), (1.4, 0.1, 1.4, 1.0),
            (2.4, 1.0, 2.4, 4.3), (1.0, 4.3, 2.4, 4.3), (4.2, 1.0, 4.2, 6.0), (6.4, 1.0, 6.4, 4.3),
            (2.4, 4.3, 6.4, 4.3), (6.4, 4.3, 7.8, 4.3), (4.2, 4.3, 7.8, 4.3), (7.8, 4.3, 7.8, 6.0)),
}
_GATE_NAMES = {"f", "i", "g", "o", "r", "z", "n"}


def _html(symbol: str) -> str:
    """``"h_{t−1}"`` -> ``"h<sub>t−1</sub>"``, ``"c_t"`` -> ``"c<sub>t</sub>"`` (Plotly markup)."""
    head, sep, tail = symbol.partition("_")
    return f"{head}<sub>{tail.strip('{}')}</sub>" if sep else symbol


def _fmt(value: float) -> str:
    return f"{value:.3g}" if 1e-3 <= abs(value) < 1e4 or value == 0 else f"{value:.2e}"


def _units(values: np.ndarray) -> str:
    shown = ", ".join(f"{v:.4g}" for v in values[:MAX_UNITS_ON_HOVER])
    return f"[{shown}{', …' if values.size > MAX_UNITS_ON_HOVER else ''}]"


@builder
def cell_diagram_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """The cell of ``data["cell"]`` at ``data["step"]``: forward values (left) and gradients (right).

    ``data``: ``cell``, ``gru_variant``, ``step``, ``T``, ``forward`` and ``backward`` (name -> (H,)).
    """
    cell = data["cell"]
    elements = list(_ELEMENTS[cell])
    if cell == "gru" and data["gru_variant"] == "pytorch":
        elements[5] = ("lane", "×z", 4.2, 6.0, "op")
    fwd, bwd = data["forward"], data["backward"]
    dark = theme == "dark"
    ink = "#EEEEEE" if dark else "#222222"
    paper = "#111111" if dark else "#FFFFFF"
    fig = figure()
    shapes: list[dict] = []
    labels: list[dict] = []  # annotations, attached in one go (Plotly re-validates all on each add)
    for shift in (0.0, PANEL_SHIFT):
        shapes.append({"type": "rect", "x0": shift + 1.0, "y0": 1.6 if cell != "rnn" else 2.2,
                       "x1": shift + 9.0, "y1": 5.4 if cell != "rnn" else 5.6,
                       "line": {"color": GUIDE, "width": 1.5}, "fillcolor": "rgba(127,127,127,0.07)",
                       "layer": "below"})
        for x0, y0, x1, y1 in _LANES[cell]:
            shapes.append({"type": "line", "x0": shift + x0, "y0": y0, "x1": shift + x1, "y1": y1,
                           "line": {"color": ink, "width": 2}, "layer": "below"})
        for label, x, y in _OPS[cell]:
            shapes.append(_circle(shift + x, y, 0.32, paper, ink))
            labels.append({"x": shift + x, "y": y, "text": label, "showarrow": False,
                           "font": {"color": ink, "size": 12}})

    back_norms = {name: float(np.linalg.norm(bwd[name])) for name, *_ in elements if name in bwd}
    positive = [v for v in back_norms.values() if v > 0]
    bmin = np.log10(min(positive)) if positive else -1.0
    bmax = np.log10(max(positive)) if positive else 1.0
    if bmax - bmin < 1e-6:
        bmin, bmax = bmin - 0.5, bmax + 0.5
    hover_f, hover_b = [], []
    for name, symbol, x, y, shape in elements:
        values = np.asarray(fwd[name])
        mean = float(np.mean(values))
        color = sample_colorscale(FORWARD_SCALE, [float(np.clip((mean + 1) / 2, 0, 1))])[0]
        shapes.append(_element(shape, x, y, color if shape != "state" else paper, ink))
        labels.append({"x": x, "y": y, "text": f"<b>{_html(symbol)}</b><br>{_fmt(mean)}", "showarrow": False,
                       "font": {"size": 11, "color": _text_on(color) if shape != "state" else ink}})
        hover_f.append((x, y, mean, f"<b>{_describe(name, _html(symbol), lang)}</b><br>"
                        + t("unrolled_graph.cell.mean", lang, value=_fmt(mean)) + "<br>"
                        + t("unrolled_graph.cell.units", lang) + ": " + _units(values)))
        if name not in bwd:
            continue
        grad = np.asarray(bwd[name])
        norm = back_norms[name]
        log = np.log10(norm) if norm > 0 else bmin
        bcolor = sample_colorscale(BACKWARD_SCALE, [float(np.clip((log - bmin) / (bmax - bmin), 0, 1))])[0]
        shapes.append(_element(shape, PANEL_SHIFT + x, y, bcolor, ink))
        short = _html(symbol.split()[-1])
        labels.append({"x": PANEL_SHIFT + x, "y": y, "text": f"<b>∂{short}</b><br>{_fmt(norm)}", "showarrow": False,
                       "font": {"size": 11, "color": _text_on(bcolor)}})
        hover_b.append((PANEL_SHIFT + x, y, log, f"<b>∂L/∂{short}</b><br>‖·‖ = {_fmt(norm)}<br>"
                        + t("unrolled_graph.cell.units", lang) + ": " + _units(grad)))
    x_low, x_high = -0.4, PANEL_SHIFT + 10.4
    between = (10.6 - x_low) / (x_high - x_low)  # paper x of the gap between the panels
    fig.add_trace(_hover_trace(hover_f, FORWARD_SCALE, -1.0, 1.0, "", between))
    fig.add_trace(_hover_trace(hover_b, BACKWARD_SCALE, bmin, bmax, "log₁₀ ‖∂L/∂·‖", 1.0))
    for shift, key in ((0.0, "unrolled_graph.forward"), (PANEL_SHIFT, "unrolled_graph.backward")):
        labels.append({"x": shift + 5.0, "y": 7.1, "text": f"<b>{t(key, lang)}</b>", "showarrow": False,
                       "font": {"size": 14, "color": ink}})
    name = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}[cell]
    title = t("unrolled_graph.cell.title", lang, cell=name, step=data["step"])
    if data.get("token"):
        title += f" (“{data['token']}”)"
    apply_layout(fig, theme=theme, title=title, height=430)
    fig.update_layout(shapes=shapes, annotations=labels, margin={"l": 10, "r": 10, "t": 60, "b": 60}, hovermode="closest")
    fig.update_xaxes(visible=False, range=[x_low, x_high])
    fig.update_yaxes(visible=False, range=[-0.5, 7.5])
    add_note(fig, t("unrolled_graph.cell.note", lang), y=-0.02)
    return fig


def _describe(name: str, symbol: str, lang: str) -> str:
    return t(f"unrolled_graph.gate.{name}", lang) if name in _GATE_NAMES or name == "a" else symbol


def _circle(x: float, y: float, r: float, fill: str, ink: str) -> dict:
    return {"type": "circle", "x0": x - r, "y0": y - r * 1.25, "x1": x + r, "y1": y + r * 1.25,
            "fillcolor": fill, "line": {"color": ink, "width": 1.5}, "layer": "below"}


def _element(shape: str, x: float, y: float, fill: str, ink: str) -> dict:
    if shape == "box":
        return {"type": "rect", "x0": x - 0.62, "y0": y - 0.42, "x1": x + 0.62, "y1": y + 0.42,
                "fillcolor": fill, "line": {"color": ink, "width": 1.5}, "layer": "below"}
    radius = 0.55 if shape == "state" else 0.5
    return _circle(x, y, radius, fill, ink)


def _text_on(color: str) -> str:
    """Black or white text, whichever reads better on ``color`` (an ``rgb(r, g, b)`` string)."""
    parts = [float(v) for v in color[color.index("(") + 1 : color.index(")")].split(",")[:3]]
    luminance = 0.299 * parts[0] + 0.587 * parts[1] + 0.114 * parts[2]
    return "#000000" if luminance > 140 else "#FFFFFF"


def _hover_trace(items, scale, cmin, cmax, title, colorbar_x) -> dict:
    xs, ys, cs, texts = zip(*items)
    return scatter(
        x=xs, y=ys, mode="markers", hovertext=texts, hovertemplate="%{hovertext}<extra></extra>",
        marker={"size": 34, "opacity": 0.0, "color": cs, "colorscale": scale, "cmin": cmin, "cmax": cmax,
                "showscale": True, "colorbar": {"title": {"text": title, "side": "right"}, "thickness": 10,
                                                "len": 0.7, "x": colorbar_x, "xanchor": "left"}},
        showlegend=False,
    )
