"""Seed 004's dynamical-systems view: compositions of ``3.5x(1 − x)``, the cobweb of ``x² + c`` with its
exact sink and source, and the basins of attraction. Shapes: ``G`` grid points, ``n`` iterations.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from rnnviz.catalogue.figure import FigureSpec
from rnnviz.catalogue.params import Param
from rnnviz.experiments.dynamics import (
    basins_quadratic, cobweb_path, compose, fixed_points_quadratic, iterate, logistic, max_slope, quadratic,
)
from rnnviz.figures import dynamics as figures
from rnnviz.i18n import Text

PLOT_GRID = 401  # points drawn per curve
SLOPE_GRID = 20001  # points for the maximum slope (second-order differences)
ESCAPED = 10.0  # |x| beyond this is drawn as "escaped to infinity"

COMPOSITIONS = Param(
    "n_max", "int", 4, Text("합성 횟수 n (최대)", "Compositions n (up to)"),
    help=Text("f, f∘f, …, fⁿ을 그립니다", "Draws f, f∘f, …, fⁿ"), min=1, max=8, step=1,
)
C = Param(
    "c", "float", 0.15, Text("상수 c", "Constant c"),
    help=Text("x_n = x_{n−1}² + c (블로그는 0.15; 고정점이 실수이려면 c ≤ 1/4)",
              "x_n = x_{n−1}² + c (the seed uses 0.15; real fixed points need c ≤ 1/4)"),
    min=-0.5, max=0.25, step=0.01, fmt="%.2f",
)
X0 = Param(
    "x0", "float", 0.6, Text("시작점 x₀", "Start x₀"), min=-1.5, max=1.5, step=0.01, fmt="%.2f",
)
ITERATIONS = Param(
    "steps", "int", 15, Text("반복 횟수", "Iterations"), min=1, max=200, step=1,
)


def compute_compositions(*, n_max: int) -> dict[str, Any]:
    """``f^n`` for ``n = 1..n_max`` on ``[0, 1]`` ``(n_max, G)`` and each one's maximum slope."""
    grid = np.linspace(0.0, 1.0, PLOT_GRID)  # (G,)
    fine = np.linspace(0.0, 1.0, SLOPE_GRID)
    orders = np.arange(1, n_max + 1)
    return {
        "x": grid, "orders": orders,
        "curves": np.stack([compose(logistic, int(n))(grid) for n in orders]),  # (n_max, G)
        "max_slopes": np.array([max_slope(logistic, int(n), fine) for n in orders]),
    }


def compositions_table(data: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame({"n": data["orders"], "max_slope": data["max_slopes"]})


def compute_cobweb(*, c: float, x0: float, steps: int) -> dict[str, Any]:
    """The orbit of ``x0`` under ``x² + c``, its cobweb, and the exact fixed points ``(1 ∓ √(1 − 4c))/2``."""
    fixed = fixed_points_quadratic(c)
    orbit = iterate(lambda x: quadratic(x, c), x0, steps)  # (steps + 1,), inf once escaped
    path = cobweb_path(lambda x: quadratic(x, c), x0, steps)  # (2 steps + 1, 2)
    inside = np.all(np.isfinite(path) & (np.abs(path) <= ESCAPED), axis=1)
    cut = int(np.argmin(inside)) if not inside.all() else path.shape[0]
    return {
        "c": c, "x0": x0, "orbit": orbit, "path": path[:cut], "escaped": cut < path.shape[0], **fixed,
    }


def cobweb_table(data: dict[str, Any]) -> pd.DataFrame:
    orbit = data["orbit"]
    return pd.DataFrame({"n": np.arange(orbit.size), "x_n": np.where(np.isfinite(orbit), orbit, np.nan)})


def compute_basins(*, c: float) -> dict[str, Any]:
    """Where starts in ``[−1.5, 1.5]`` end under ``x² + c``, and the slope ``|f'(x)| = 2|x|``."""
    grid = np.linspace(-1.5, 1.5, 601)  # (G,)
    out = basins_quadratic(grid, c=c, n=200)
    return {**out, "slope": np.abs(2.0 * grid), "c": c, **fixed_points_quadratic(c)}


def basins_table(data: dict[str, Any]) -> pd.DataFrame:
    final = np.where(np.isfinite(data["final"]), data["final"], np.nan)
    return pd.DataFrame({"x0": data["x0"], "label": data["label"], "x_200": final, "abs_slope": data["slope"]})


FIGURES = (
    FigureSpec(
        id="logistic-compositions",
        title=Text("f(x) = 3.5x(1 − x)의 합성", "Compositions of f(x) = 3.5x(1 − x)"),
        summary=Text("함수를 합성할수록 모양이 복잡해지고 최대 기울기가 커집니다.",
                     "The more often f is composed, the wigglier it gets and the steeper its maximum slope."),
        params=(COMPOSITIONS,), compute=compute_compositions, build=figures.compositions_figure,
        table=compositions_table,
    ),
    FigureSpec(
        id="cobweb",
        title=Text("x_n = x_{n−1}² + c의 거미줄 그림", "Cobweb of x_n = x_{n−1}² + c"),
        summary=Text("c = 0.15: 싱크 (1 − √0.4)/2 = 0.18377 (f' = 0.36754), 소스 (1 + √0.4)/2 = 0.81623 (f' = 1.63246).",
                     "c = 0.15: sink (1 − √0.4)/2 = 0.18377 (f' = 0.36754), source (1 + √0.4)/2 = 0.81623 "
                     "(f' = 1.63246)."),
        params=(C, X0, ITERATIONS), compute=compute_cobweb, build=figures.cobweb_figure, table=cobweb_table,
    ),
    FigureSpec(
        id="basins",
        title=Text("끌개의 영역 (basin of attraction)", "Basins of attraction"),
        summary=Text("|x₀| < 소스이면 싱크로, |x₀| > 소스이면 무한대로 갑니다.",
                     "Starts with |x₀| below the source go to the sink, above it to infinity."),
        params=(C,), compute=compute_basins, build=figures.basins_figure, table=basins_table,
    ),
)
