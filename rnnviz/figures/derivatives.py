"""Figures of activations and their derivatives, and of Π φ'(z_k) along a vanilla RNN (seeds 000, 001, 004)."""

from __future__ import annotations

from typing import Any

import numpy as np

from rnnviz.figures.canvas import builder, figure, scatter, subplots
from rnnviz.figures.style import ACCENT, CELL_COLORS, GUIDE, SECONDARY, SKY, Figure, add_note, apply_layout, line_width
from rnnviz.i18n import t

LOG_AXIS_LIMIT = 300.0  # beyond 10^±300 a log axis of raw values overflows: plot log10 on a linear axis
PASCANU_GAMMA = (0.1, 2.0)  # horizontal range of the Pascanu panel
PASCANU_SIGMA = (0.03, 20.0)  # vertical range


def log_axis_values(*log10_arrays: np.ndarray) -> tuple[list[np.ndarray], bool]:
    """Values to plot for curves given in log10: ``10**v`` for a log axis when every finite value is within
    10^±300, else the log10 values themselves (``True`` is returned: label the axis log10). An exactly
    zero gradient (``-inf``) is drawn at the floor 10^−300; nothing plotted is ever inf or NaN."""
    finite = np.concatenate([a[np.isfinite(a)] for a in log10_arrays] + [np.zeros(1)])
    as_log10 = float(np.max(np.abs(finite))) > LOG_AXIS_LIMIT
    out = []
    for a in log10_arrays:
        clean = np.nan_to_num(np.asarray(a, dtype=np.float64), nan=-LOG_AXIS_LIMIT, posinf=LOG_AXIS_LIMIT,
                              neginf=-LOG_AXIS_LIMIT)
        out.append(clean if as_log10 else np.power(10.0, np.clip(clean, -LOG_AXIS_LIMIT, LOG_AXIS_LIMIT)))
    return out, as_log10


@builder
def curves_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Seed 000's graph: tanh (solid) and tanh' (dashed), with σ, σ' and ReLU' beside them.

    ``data``: ``x``, ``tanh``, ``tanh_prime``, ``sigmoid``, ``sigmoid_prime``, ``relu_prime``, each (n,).
    """
    width = line_width(theme)
    x = data["x"]
    tanh_color, sigmoid_color, relu_color = CELL_COLORS["lstm"], ACCENT, SECONDARY
    traces = (
        ("tanh", "tanh(z)", {"color": tanh_color, "width": width}),
        ("tanh_prime", "tanh'(z) = 1 − tanh²(z)", {"color": tanh_color, "width": width, "dash": "dash"}),
        ("sigmoid", "σ(z)", {"color": sigmoid_color, "width": width * 0.7}),
        ("sigmoid_prime", "σ'(z) = σ(1 − σ)", {"color": sigmoid_color, "width": width * 0.7, "dash": "dash"}),
        ("relu_prime", "ReLU'(z)", {"color": relu_color, "width": width * 0.7, "dash": "dot", "shape": "hv"}),
    )
    fig = figure()
    for key, name, line in traces:
        fig.add_trace(scatter(
            x=x, y=data[key], name=name, mode="lines", line=line,
            hovertemplate="z=%{x:.2f}<br>%{y:.4f}<extra>" + name + "</extra>",
        ))
    for level, text in ((1.0, "tanh'(0) = 1"), (0.25, "σ'(0) = 1/4")):
        fig.add_hline(y=level, line={"color": GUIDE, "width": 1, "dash": "dot"},
                      annotation_text=text, annotation_position="top left")
    apply_layout(fig, theme=theme, title=t("derivatives.curves.title", lang),
                 x_title=t("derivatives.axis.z", lang), y_title=t("derivatives.axis.value", lang))
    fig.update_yaxes(range=[-1.1, 1.25], zeroline=True)
    return fig


@builder
def product_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Left: ‖∂L/∂h_t‖ with tanh and without (linear), and Π_{k>t} tanh'(a_k) on the trajectory.
    Right: Pascanu et al.'s sufficient condition σ₁ < 1/γ with the current σ₁ for tanh and σ.

    ``data``: ``t`` (T,), ``log10_grad_tanh``, ``log10_grad_linear``, ``log10_prod_mean``,
    ``log10_prod_min``, ``log10_prod_max`` (T,), ``sigma1``, ``gamma`` {"tanh": 1, "sigmoid": 0.25}.
    """
    width = line_width(theme)
    fig = subplots(
        rows=1, cols=2, column_widths=[0.62, 0.38], horizontal_spacing=0.12,
        subplot_titles=(t("derivatives.panel.gradient", lang), t("derivatives.panel.pascanu", lang)),
    )
    keys = ("log10_grad_tanh", "log10_grad_linear", "log10_prod_mean", "log10_prod_min", "log10_prod_max")
    (grad_tanh, grad_linear, prod_mean, prod_min, prod_max), as_log10 = log_axis_values(*(data[k] for k in keys))
    steps = data["t"]
    mode = "lines+markers" if steps.size <= 60 else "lines"
    fig.add_trace(scatter(  # band min..max over units
        x=np.concatenate([steps, steps[::-1]]), y=np.concatenate([prod_max, prod_min[::-1]]),
        fill="toself", fillcolor="rgba(86,180,233,0.22)", line={"width": 0}, hoverinfo="skip",
        name=t("derivatives.trace.prod_band", lang), showlegend=True,
    ), row=1, col=1)
    curves = (
        (prod_mean, "derivatives.trace.prod", {"color": SKY, "width": width * 0.8, "dash": "dash"}),
        (grad_linear, "derivatives.trace.linear", {"color": GUIDE, "width": width}),
        (grad_tanh, "derivatives.trace.tanh", {"color": CELL_COLORS["rnn"], "width": width}),
    )
    for y, key, line in curves:
        name = t(key, lang)
        fig.add_trace(scatter(
            x=steps, y=y, name=name, mode=mode, line=line, marker={"size": 5},
            hovertemplate="t=%{x}<br>%{y:.4g}<extra>" + name + "</extra>",
        ), row=1, col=1)
    _pascanu_panel(fig, data, lang=lang, width=width)
    apply_layout(fig, theme=theme, title=t("derivatives.product.title", lang), height=500)
    fig.update_xaxes(title_text=t("derivatives.axis.t", lang), row=1, col=1)
    y_key = "derivatives.axis.log10_gradient" if as_log10 else "derivatives.axis.gradient"
    fig.update_yaxes(title_text=t(y_key, lang), row=1, col=1)
    if not as_log10:
        fig.update_yaxes(type="log", exponentformat="power", row=1, col=1)
    else:
        add_note(fig, t("chart.log10_axis", lang))
    fig.update_xaxes(title_text=t("derivatives.axis.gamma", lang), type="log", row=1, col=2,
                     range=list(np.log10(PASCANU_GAMMA)), dtick=1)
    fig.update_yaxes(title_text=t("derivatives.axis.sigma1", lang), type="log", row=1, col=2,
                     range=list(np.log10(PASCANU_SIGMA)), dtick=1)
    return fig


def _pascanu_panel(fig: Figure, data: dict[str, Any], *, lang: str, width: float) -> None:
    gamma = np.geomspace(*PASCANU_GAMMA, 60)
    boundary = 1.0 / gamma
    low = PASCANU_SIGMA[0]
    fig.add_trace(scatter(
        x=np.concatenate([gamma, gamma[::-1]]), y=np.concatenate([boundary, np.full(gamma.size, low)]),
        fill="toself", fillcolor="rgba(0,114,178,0.12)", line={"width": 0}, hoverinfo="skip",
        name=t("derivatives.trace.vanish_region", lang),
    ), row=1, col=2)
    fig.add_trace(scatter(
        x=gamma, y=boundary, mode="lines", line={"color": GUIDE, "width": width * 0.8},
        name=t("derivatives.trace.boundary", lang),
        hovertemplate="γ=%{x:.3g}<br>1/γ=%{y:.3g}<extra></extra>",
    ), row=1, col=2)
    sigma1 = data["sigma1"]
    for phi, color, symbol, where in (("tanh", CELL_COLORS["rnn"], "circle", "top center"),
                                      ("sigmoid", ACCENT, "diamond", "bottom center")):
        gamma_phi = data["gamma"][phi]
        side = "vanish" if sigma1 * gamma_phi < 1.0 else "open"
        fig.add_trace(scatter(
            x=[gamma_phi], y=[min(max(sigma1, low), PASCANU_SIGMA[1])], mode="markers+text",
            marker={"size": 14, "color": color, "symbol": symbol, "line": {"width": 1, "color": "white"}},
            text=[f"{phi}: σ₁γ = {sigma1 * gamma_phi:.2f}"], textposition=where,
            textfont={"color": color, "size": 13}, name=t(f"derivatives.trace.point_{side}", lang, phi=phi),
            hovertemplate=f"{phi}: γ = {gamma_phi:g}, σ₁ = {sigma1:.4g}<extra></extra>",
        ), row=1, col=2)
