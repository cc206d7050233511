"""Figures of the book's experiment (seed 000) and the scalar case (seeds 001, 004)."""

from __future__ import annotations

from typing import Any

import numpy as np

from rnnviz.figures.canvas import builder, figure, scatter
from rnnviz.figures.fit import wrap
from rnnviz.figures.style import (ACCENT, CELL_COLORS, GUIDE, SECONDARY, SKY, Figure, add_note, apply_layout, font_size,
                                  line_width)
from rnnviz.i18n import t

LINEAR_LIMIT = 300.0  # beyond 1e±300 a linear axis cannot show the values: plot log10 instead
ANNOTATION_WIDTH = 250  # px: the numbers' box stays in a corner of a chart in the page's narrower column


@builder
def norms_figure(data: dict[str, Any], *, lang: str, theme: str, yaxis: str = "linear") -> Figure:
    """The book's norm curve ``‖dh_t‖/N`` over t, with the bound ``σ₁^t`` and the guide ``ρ^t``.

    ``data``: ``steps`` (T,), ``log10_norms`` (T,), ``log10_guide`` (T,), ``log10_bound`` (T,),
    ``rho``, ``sigma1``; ``yaxis`` ("linear" | "log") the vertical axis while the values fit a linear one.
    """
    steps = data["steps"]
    curves = {
        "norm": data["log10_norms"], "bound": data["log10_bound"], "guide": data["log10_guide"]
    }
    finite = np.concatenate([c[np.isfinite(c)] for c in curves.values()])
    as_log10 = finite.size > 0 and float(np.max(np.abs(finite))) > LINEAR_LIMIT
    width = line_width(theme)
    fig = figure()
    styles = {
        "norm": {"color": CELL_COLORS["rnn"], "width": width},
        "bound": {"color": GUIDE, "width": width * 0.7, "dash": "dash"},
        "guide": {"color": SKY, "width": width * 0.7, "dash": "dot"},
    }
    for name, log_values in curves.items():
        y = log_values if as_log10 else np.power(10.0, log_values)
        hidden = name == "bound" and not as_log10 and yaxis == "linear"
        fig.add_trace(scatter(
            x=steps, y=y, name=t(f"vanishing_exploding.trace.{name}", lang), line=styles[name],
            visible="legendonly" if hidden else True,
            mode="lines+markers" if name == "norm" and len(steps) <= 60 else "lines",
            hovertemplate="t=%{x}<br>%{y:.4g}<extra>" + t(f"vanishing_exploding.trace.{name}", lang) + "</extra>",
        ))
    y_title = t("vanishing_exploding.axis.log10_norm" if as_log10 else "vanishing_exploding.axis.norm", lang)
    apply_layout(fig, theme=theme, title=t("vanishing_exploding.norms.title", lang),
                 x_title=t("vanishing_exploding.axis.time_step", lang), y_title=y_title)
    if not as_log10 and yaxis == "log":
        fig.update_yaxes(type="log", exponentformat="power")
    elif not as_log10:  # from 0: at ρ = 1 a level line, not rounding-sized wiggles magnified to the full height
        fig.update_yaxes(rangemode="tozero")
    if as_log10:
        add_note(fig, t("chart.log10_axis", lang))
    fig.update_layout(legend={"orientation": "v"})  # a narrow chart (beside the eigenvalues): one entry a row
    verdict = t(f"vanishing_exploding.verdict.{_verdict(data['rho'])}", lang)
    fig.add_annotation(
        text=(f"ρ = {data['rho']:.4f}   σ₁ = {data['sigma1']:.4f}<br>→ {verdict}<br>"
              + wrap(critical_text(data, lang), font_size(theme), ANNOTATION_WIDTH)),
        xref="paper", yref="paper", showarrow=False, **_free_corner(data["log10_norms"]),
        bgcolor="rgba(255,255,255,0.75)" if theme != "dark" else "rgba(0,0,0,0.6)",
        font={"color": CELL_COLORS["rnn"]},
    )
    return fig


def _free_corner(log10_norms: np.ndarray) -> dict[str, Any]:
    """Where the annotation leaves the curve ``log10_norms`` (T,) alone: top left above a rising curve, top
    right above a falling one, bottom right under a level one (the linear axis starts at 0)."""
    finite = log10_norms[np.isfinite(log10_norms)]
    change = float(finite[-1] - finite[0]) if finite.size > 1 else 0.0
    if change > 0.2:
        return {"x": 0.01, "y": 0.98, "xanchor": "left", "yanchor": "top"}
    if change < -0.2:
        return {"x": 0.99, "y": 0.98, "xanchor": "right", "yanchor": "top", "align": "right"}
    return {"x": 0.99, "y": 0.03, "xanchor": "right", "yanchor": "bottom", "align": "right"}


def critical_text(data: dict[str, Any], lang: str) -> str:
    """Where the threshold lies on the scale slider: at 1 when the slider is ρ itself, at ``1/ρ₀`` for the
    raw factor (saying so when that lies beyond the slider's ends). ``data``: ``scale_unit``, ``rho0``,
    ``scale_range`` (the slider's ends)."""
    if data["scale_unit"] == "rho":
        return t("vanishing_exploding.critical.rho", lang)
    if data["rho0"] <= 0:
        return t("vanishing_exploding.critical.none", lang)
    critical = 1.0 / data["rho0"]
    low, high = data["scale_range"]
    where = "below" if critical < low else "above" if critical > high else "inside"
    return t(f"vanishing_exploding.critical.raw_{where}", lang, critical=critical, rho0=data["rho0"],
             low=low, high=high)


def _verdict(rho: float) -> str:
    if rho > 1.0 + 1e-9:
        return "explodes"
    if rho < 1.0 - 1e-9:
        return "vanishes"
    return "neutral"


@builder
def eigenvalues_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """Eigenvalues of the scaled ``W_h`` in the complex plane, with the unit circle and ``|λ| = ρ``.

    ``data``: ``eigenvalues`` (H,) complex, ``rho``, ``sigma1``.
    """
    eig = data["eigenvalues"]
    angle = np.linspace(0.0, 2.0 * np.pi, 241)
    width = line_width(theme)
    fig = figure()
    circles = (
        (1.0, "vanishing_exploding.trace.unit_circle", {"color": GUIDE, "width": width * 0.7}),
        (data["rho"], "vanishing_exploding.trace.rho_circle", {"color": SKY, "width": width * 0.7, "dash": "dot"}),
        (data["sigma1"], "vanishing_exploding.trace.sigma_circle", {"color": SECONDARY, "width": width * 0.6, "dash": "dash"}),
    )
    for radius, key, line in circles:
        fig.add_trace(scatter(
            x=radius * np.cos(angle), y=radius * np.sin(angle), mode="lines", line=line,
            name=t(key, lang), hoverinfo="skip",
        ))
    fig.add_trace(scatter(
        x=eig.real, y=eig.imag, mode="markers", name=t("vanishing_exploding.trace.eigenvalues", lang),
        marker={"size": 14 if theme == "projector" else 10, "color": CELL_COLORS["rnn"],
                "line": {"width": 1, "color": "white"}},
        customdata=np.abs(eig),
        hovertemplate="λ = %{x:.4f} %{y:+.4f}i<br>|λ| = %{customdata:.4f}<extra></extra>",
    ))
    apply_layout(fig, theme=theme, title=t("vanishing_exploding.eigen.title", lang),
                 x_title=t("vanishing_exploding.axis.real", lang), y_title=t("vanishing_exploding.axis.imag", lang))
    fig.update_yaxes(scaleanchor="x", scaleratio=1)
    fig.update_layout(legend={"orientation": "v"})  # a narrow chart: one entry a row
    return fig


@builder
def scalar_power_figure(data: dict[str, Any], *, lang: str, theme: str) -> Figure:
    """``w^k`` for ``k = 0..n`` with the seed's two references ``1.1^k`` and ``0.9^k`` (log axis).

    ``data``: ``k`` (n+1,), ``log10_power`` (n+1,), ``log10_ref_up``, ``log10_ref_down`` (n+1,), ``w``.
    """
    k = data["k"]
    width = line_width(theme)
    fig = figure()
    refs = (
        ("log10_ref_up", "1.1ᵏ", ACCENT), ("log10_ref_down", "0.9ᵏ", SKY),
    )
    for key, name, color in refs:
        fig.add_trace(scatter(
            x=k, y=np.power(10.0, data[key]), name=name, mode="lines",
            line={"color": color, "width": width * 0.7, "dash": "dot"},
        ))
    final = float(np.power(10.0, data["log10_power"][-1]))
    fig.add_trace(scatter(
        x=k, y=np.power(10.0, data["log10_power"]), name=f"w = {data['w']:g}: wᵏ",
        mode="lines", line={"color": CELL_COLORS["rnn"], "width": width},
        hovertemplate="k=%{x}<br>wᵏ = %{y:.4g}<extra></extra>",
    ))
    fig.add_annotation(
        x=int(k[-1]), y=float(data["log10_power"][-1]), yref="y", text=f"{data['w']:g}^{int(k[-1])} = {final:.4g}",
        showarrow=True, arrowhead=2, ax=-60, ay=-30, font={"color": CELL_COLORS["rnn"]},
    )
    apply_layout(fig, theme=theme, title=t("vanishing_exploding.scalar.title", lang),
                 x_title=t("vanishing_exploding.axis.k", lang), y_title="wᵏ")
    fig.update_yaxes(type="log", exponentformat="power")
    return fig
