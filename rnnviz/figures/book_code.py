"""Figures of the book-code page (seed 002): the RNN layer's backward, correct vs the seed's, and the RNNLM."""

from __future__ import annotations

from typing import Any

import numpy as np

from rnnviz.figures.canvas import bar, builder, figure, heatmap, scatter, subplots
from rnnviz.figures.style import ACCENT, CELL_COLORS, GUIDE, Figure, add_note, apply_layout, line_width
from rnnviz.i18n import t

REL_ERR_FLOOR = 1e-16  # float64's resolution: smaller relative errors (or exact zeros) are drawn here, and said so
GRADCHECK_PASS = 1e-6  # a gradient check passes below this relative error


def _clipped(values: list[float]) -> tuple[list[float | None], bool]:
    """Values floored at ``REL_ERR_FLOOR`` (None for NaN: no bar) and whether any was floored."""
    out, floored = [], False
    for v in values:
        if not np.isfinite(v):
            out.append(None)
            continue
        floored = floored or v < REL_ERR_FLOOR
        out.append(max(float(v), REL_ERR_FLOOR))
    return out, floored


def _shape(arr: np.ndarray) -> str:
    return "×".join(str(n) for n in arr.shape)


@builder
def backward_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Grouped bars (log axis): relative error vs centred finite differences of each gradient of the book's
    RNN step, for the correct backward and for seed 002's code; a wrong-shaped array gets no bar but a label.

    ``data``: ``names`` (5,), ``rel_err_correct``, ``rel_err_seed`` name -> float (NaN: wrong shape),
    ``correct``, ``seed`` name -> array, ``B``, ``I``, ``H``, ``runs``.
    """
    names = list(data["names"])
    fig = figure()
    series = (
        ("correct", CELL_COLORS["rnn"], "", data["rel_err_correct"]),
        ("seed", GUIDE, "/", data["rel_err_seed"]),
    )
    any_floored = False
    for key, color, pattern, errors in series:
        label = t(f"book_code.backward.{key}", lang)
        ys, floored = _clipped([errors[n] for n in names])
        any_floored = any_floored or floored
        fig.add_trace(bar(
            x=names, y=ys, name=label, marker={"color": color, "pattern": {"shape": pattern}},
            text=[f"{v:.1e}" if v is not None else "" for v in ys], textposition="outside",
            textfont={"size": 14 if theme == "projector" else 11},
            hovertemplate="%{x}: %{y:.3e}<extra>" + label + "</extra>",
        ))
    top = 10.0  # headroom above O(1) errors for the bar labels and the shape notes
    for name in names:
        if np.isfinite(data["rel_err_seed"][name]):
            continue
        fig.add_annotation(
            x=name, y=-3.0, yref="y", showarrow=False, yanchor="middle",  # at 10⁻³ (log axis: log10 units)
            text=t("book_code.backward.wrong_shape", lang, seed=_shape(data["seed"][name]),
                   correct=_shape(data["correct"][name])),
            font={"size": 12 if theme != "projector" else 15, "color": GUIDE},
        )
    fig.add_hline(y=GRADCHECK_PASS, line={"color": ACCENT, "dash": "dot", "width": 3 if theme == "projector" else 1.5},
                  annotation_text=t("book_code.backward.threshold", lang), annotation_position="top right",
                  annotation_font_color=ACCENT)
    apply_layout(fig, theme=theme, title=t("book_code.backward.title", lang, B=data["B"], I=data["I"], H=data["H"]),
                 x_title=t("book_code.backward.x_axis", lang), y_title=t("book_code.backward.y_axis", lang),
                 height=460)
    fig.update_layout(barmode="group", bargap=0.3)
    fig.update_yaxes(type="log", exponentformat="power", range=[np.log10(REL_ERR_FLOOR) - 0.5, np.log10(top) + 0.3])
    note = t("book_code.backward.runs" if data["runs"] else "book_code.backward.fails", lang)
    if any_floored:
        note += " " + t("book_code.backward.floored", lang)
    add_note(fig, note)
    return fig


def _row_labels(data: dict[str, Any]) -> list[str]:
    """``"1  you → say"``: time step, input word and the true next word."""
    return [f"{i + 1}  {w} → {n}" for i, (w, n) in enumerate(zip(data["inputs"], data["targets"]))]


@builder
def rnnlm_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Top: heatmaps of P(next word | words so far) (rows: step t with its input and true next word,
    columns: the vocabulary) before and after training, the argmax of each row outlined (a rectangle in
    the heatmap's cell coordinates). Bottom: the loss.

    ``data``: ``vocab`` (V,), ``inputs``, ``targets`` (T,), ``probs_before``, ``probs_after`` (T, V),
    ``argmax_before``, ``argmax_after`` (T,), ``losses`` (steps,), ``loss_before``, ``loss_after``, ``steps``.
    """
    rows = _row_labels(data)
    vocab = list(data["vocab"])
    fig = subplots(
        rows=2, cols=2, specs=[[{}, {}], [{"colspan": 2}, None]], row_heights=[0.62, 0.38],
        vertical_spacing=0.2, horizontal_spacing=0.07,
        subplot_titles=(
            t("book_code.rnnlm.before", lang, loss=data["loss_before"]),
            t("book_code.rnnlm.after", lang, steps=data["steps"], loss=data["loss_after"]),
            t("book_code.rnnlm.loss_title", lang),
        ),
    )
    hover = t("book_code.rnnlm.hover", lang)
    for col, phase in ((1, "before"), (2, "after")):
        probs = np.round(np.asarray(data[f"probs_{phase}"], dtype=float), 4)
        fig.add_trace(heatmap(
            x=vocab, y=rows, z=probs.tolist(), coloraxis="coloraxis", texttemplate="%{z:.2f}",
            hovertemplate=hover + "<extra></extra>", xgap=1, ygap=1,
        ), row=1, col=col)
        for row, col_index in enumerate(data[f"argmax_{phase}"]):  # outline the argmax cell of each row
            fig.add_shape(
                type="rect", x0=int(col_index) - 0.46, x1=int(col_index) + 0.46, y0=row - 0.44, y1=row + 0.44,
                line={"color": ACCENT, "width": 3 if theme == "projector" else 2.5}, fillcolor="rgba(0, 0, 0, 0)",
                opacity=1.0, layer="above",
                row=1, col=col,
            )
    losses = np.asarray(data["losses"], dtype=float)
    steps = np.arange(1, losses.size + 1)
    label = t("book_code.rnnlm.loss", lang)
    fig.add_trace(scatter(
        x=steps, y=losses, mode="lines" if losses.size > 30 else "lines+markers", name=label, showlegend=False,
        line={"color": CELL_COLORS["rnn"], "width": line_width(theme)},
        hovertemplate=t("book_code.rnnlm.loss_hover", lang) + "<extra></extra>",
    ), row=2, col=1)
    uniform = float(np.log(len(vocab)))
    fig.add_hline(y=uniform, line={"color": GUIDE, "dash": "dash", "width": 1.5}, row=2, col=1,
                  annotation_text=t("book_code.rnnlm.uniform", lang, value=uniform),
                  annotation_position="bottom right", annotation_font_color=GUIDE)
    apply_layout(fig, theme=theme, title=t("book_code.rnnlm.title", lang), height=800)
    fig.update_layout(coloraxis={
        "colorscale": "Viridis", "cmin": 0.0, "cmax": 1.0,
        "colorbar": {"title": {"text": t("book_code.rnnlm.prob", lang), "side": "right"}, "len": 0.5,
                     "y": 1.0, "yanchor": "top"},
    })
    for col in (1, 2):
        fig.update_xaxes(title_text=t("book_code.rnnlm.x_axis", lang), tickangle=-90 if theme == "projector" else -35,
                         row=1, col=col)
        fig.update_yaxes(autorange="reversed", row=1, col=col, showticklabels=col == 1)
    fig.update_yaxes(title_text=t("book_code.rnnlm.y_axis", lang), row=1, col=1)
    fig.update_xaxes(title_text=t("book_code.rnnlm.iteration", lang), row=2, col=1)
    low, high = min(float(losses.min()), 0.1) / 2, max(float(losses.max()), uniform) * 2  # at least a decade
    fig.update_yaxes(type="log", exponentformat="power", title_text=t("book_code.rnnlm.loss_axis", lang),
                     range=[np.log10(low), np.log10(high)], dtick=1, row=2, col=1)
    add_note(fig, t("book_code.rnnlm.argmax", lang))
    return fig
