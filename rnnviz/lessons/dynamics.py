"""Seed 004's dynamical-systems view: compositions of ``3.5x(1 − x)``, the cobweb of ``x² + c`` with its
exact sink and source, and the basins of attraction. Shapes: ``G`` grid points, ``n`` iterations.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from rnnviz.experiments.dynamics import (
    basins_quadratic, cobweb_path, compose, fixed_points_quadratic, iterate, logistic, max_slope, quadratic,
)
from rnnviz.figures import dynamics as figures
from rnnviz.i18n import Text
from rnnviz.lessons.spec import FigureSpec, Page, Param

PAGE = Page("dynamics", icon=":material/cyclone:", section="causes")

PLOT_GRID = 401  # points drawn per curve
SLOPE_GRID = 20001  # points for the maximum slope (second-order differences)
ESCAPED = 10.0  # |x| beyond this is drawn as "escaped to infinity"

COMPOSITIONS = Param(
    "n_max", "int", 4, Text("합성 횟수 n (최대)", "Compositions n (up to)"),
    help=Text("f, f∘f, …, fⁿ을 그립니다", "Draws f, f∘f, …, fⁿ"), min=1, max=8, step=1,
)
C = Param(
    "c", "float", 0.15, Text("상수 c", "Constant c"),
    help=Text("xₙ = xₙ₋₁² + c (블로그는 0.15; 고정점이 실수이려면 c ≤ 1/4)",
              "xₙ = xₙ₋₁² + c (the seed uses 0.15; real fixed points need c ≤ 1/4)"),
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
        params=(COMPOSITIONS,), live=("n_max",), compute=compute_compositions, build=figures.compositions_figure,
        table=compositions_table,
    ),
    FigureSpec(
        id="cobweb",
        title=Text("xₙ = xₙ₋₁² + c의 거미줄 그림", "Cobweb of xₙ = xₙ₋₁² + c"),
        summary=Text("c = 0.15: 싱크 (1 − √0.4)/2 = 0.18377 (f' = 0.36754), 소스 (1 + √0.4)/2 = 0.81623 (f' = 1.63246).",
                     "c = 0.15: sink (1 − √0.4)/2 = 0.18377 (f' = 0.36754), source (1 + √0.4)/2 = 0.81623 "
                     "(f' = 1.63246)."),
        params=(C, X0, ITERATIONS), live=("c", "x0", "steps"), compute=compute_cobweb, build=figures.cobweb_figure, table=cobweb_table,
    ),
    FigureSpec(
        id="basins",
        title=Text("끌개의 영역 (basin of attraction)", "Basins of attraction"),
        summary=Text("|x₀| < 소스이면 싱크로, |x₀| > 소스이면 무한대로 갑니다.",
                     "Starts with |x₀| below the source go to the sink, above it to infinity."),
        params=(C,), live=("c",), compute=compute_basins, build=figures.basins_figure, table=basins_table,
    ),
)


# The page's texts, in Korean and English (keys start with the page's name).
STRINGS = {
    "dynamics.nav": Text("반복되는 함수: 싱크와 소스", "Iterated maps: sinks and sources"),
    "dynamics.title": Text("역학계로 본 RNN", "An RNN as a dynamical system"),
    "dynamics.intro": Text(
        "블로그 004: hₜ = f(xₜ, hₜ₋₁)이므로 RNN의 계산은 함수 f를 반복해서 합성한 것입니다. 합성할수록 함수는 "
        "복잡해지고 기울기가 커지거나 작아집니다. 고정점에서의 도함수가 1보다 작으면 주변 값을 끌어당기는 "
        "**싱크**(끌개), 1보다 크면 밀어내는 **소스**입니다. 기울기도 같은 곱을 따라가므로, 싱크 근처에서는 "
        "기울기 소실, 소스 근처에서는 기울기 폭발이 일어납니다.",
        "Seed 004: since hₜ = f(xₜ, hₜ₋₁), an RNN computes the same function f composed over and over. "
        "Composition makes the function wilder and its slopes larger or smaller. At a fixed point, a derivative "
        "below 1 pulls nearby values in (a **sink**, or attractor); above 1 it pushes them away (a **source**). "
        "The gradient follows the same product, so near a sink it vanishes and near a source it explodes.",
    ),
    "dynamics.try": Text(
        "- 합성 횟수를 8로: f⁸의 최대 기울기는 약 19 600으로, 3.5⁸ ≈ 22 500에 가깝습니다 (f의 최대 기울기는 3.5). "
        "합성할 때마다 기울기가 곱해집니다: RNN에서 연쇄 법칙이 하는 일입니다.\n"
        "- 시작점을 0.81로, 이어서 0.82로: 소스 0.81623의 양쪽에서 궤도가 싱크와 무한대로 갈라집니다.\n"
        "- c를 0.25로: 싱크와 소스가 0.5에서 만나고 f' = 1, 수렴이 매우 느려집니다.\n"
        "- c를 −0.5로: 싱크가 음수가 되고 f' < 0이라 궤도가 싱크 양쪽을 오가며 수렴합니다.",
        "- Set the compositions to 8: the maximum slope of f⁸ is about 19 600, close to 3.5⁸ ≈ 22 500 (f's is 3.5). "
        "Every composition multiplies the slopes, as the chain rule does in an RNN.\n"
        "- Start at 0.81, then at 0.82: on either side of the source 0.81623 the orbit goes to the sink or to "
        "infinity.\n"
        "- Set c to 0.25: sink and source meet at 0.5 with f' = 1, and convergence becomes very slow.\n"
        "- Set c to −0.5: the sink turns negative with f' < 0, so the orbit alternates around it as it converges.",
    ),
    "dynamics.comp.heading": Text("합성할수록 가팔라진다", "Composition makes it steeper"),
    "dynamics.comp.title": Text("f(x) = 3.5x(1 − x)를 n번 합성", "f(x) = 3.5x(1 − x) composed n times"),
    "dynamics.comp.trace": Text("n = {n}: 최대 기울기 {slope:.1f}", "n = {n}: max slope {slope:.1f}"),
    "dynamics.cobweb.heading": Text("거미줄 그림: 싱크와 소스", "Cobweb: sink and source"),
    "dynamics.cobweb.exact": Text(
        "블로그는 싱크가 \"0.17 주변\", 소스가 \"0.82 근처\"라고 씁니다. 정확한 값은 x = x² + c의 근 "
        "(1 ∓ √(1 − 4c))/2이고, c = 0.15에서 싱크 0.18377 (f' = 0.36754), 소스 0.81623 (f' = 1.63246)입니다.",
        "The seed puts the sink \"around 0.17\" and the source \"near 0.82\". The exact values are the roots of "
        "x = x² + c, (1 ∓ √(1 − 4c))/2: at c = 0.15 the sink is 0.18377 (f' = 0.36754) and the source 0.81623 "
        "(f' = 1.63246).",
    ),
    "dynamics.cobweb.title": Text("xₙ = xₙ₋₁² {c}의 궤도", "Orbit of xₙ = xₙ₋₁² {c}"),
    "dynamics.cobweb.orbit": Text("궤도 (거미줄)", "Orbit (cobweb)"),
    "dynamics.cobweb.sink": Text("싱크 {x:.5f} (f' = {slope:.5f})", "Sink {x:.5f} (f' = {slope:.5f})"),
    "dynamics.cobweb.source": Text("소스 {x:.5f} (f' = {slope:.5f})", "Source {x:.5f} (f' = {slope:.5f})"),
    "dynamics.cobweb.escaped": Text("궤도가 무한대로 달아났습니다 (|x| > 10부터는 그리지 않음).",
                                    "The orbit escaped to infinity (not drawn beyond |x| > 10)."),
    "dynamics.basins.heading": Text("끌개의 영역과 RNN", "Basins of attraction and RNNs"),
    "dynamics.basins.intro": Text(
        "RNN의 상태가 어떤 끌개의 영역 안에 있으면 그 끌개로 수렴하고, 끌개 근처에서 야코비안은 0에 가까워 기울기가 "
        "소실됩니다. 영역의 경계(소스)를 조금만 넘어도 다른 끌개로 끌려가며, 그 근처에서 기울기가 폭발합니다.",
        "When an RNN's state lies in an attractor's basin it converges to that attractor, and near the attractor "
        "the Jacobian is close to 0: the gradient vanishes. Just across the basin's border (the source) the state "
        "is pulled elsewhere, and there the gradient explodes.",
    ),
    "dynamics.basins.title": Text("x² {c}: 기울기 |f'|와 시작점의 행선지", "x² {c}: slope |f'| and where each start goes"),
    "dynamics.basins.sink": Text("싱크: |f'| = {slope:.5f} (1보다 작으면 끌어당김 ≈ 기울기 소실)",
                                 "Sink: |f'| = {slope:.5f} (below 1 attracts ≈ vanishing)"),
    "dynamics.basins.source": Text("소스: |f'| = {slope:.5f} (1보다 크면 밀어냄 ≈ 기울기 폭발)",
                                   "Source: |f'| = {slope:.5f} (above 1 repels ≈ exploding)"),
    "dynamics.basins.to_sink": Text("싱크로", "to the sink"),
    "dynamics.basins.to_infinity": Text("무한대로", "to infinity"),
    "dynamics.basins.to_other": Text("200번 뒤에도 미정 (소스 위 또는 느린 수렴)",
                                     "unsettled after 200 steps (on the source, or slow)"),
    "dynamics.look": Text(
        "x₀ = 0.6에서 출발한 궤도는 |f′| = 0.37 < 1인 싱크 0.184로 빨려 듭니다. |f′| = 1.63 > 1인 소스 0.816 너머에서는 멀어집니다. 기울기도 같은 곱을 따릅니다.",
        "The orbit from x₀ = 0.6 is pulled into the sink 0.184, where |f′| = 0.37 < 1; beyond the source 0.816 (|f′| = 1.63 > 1) orbits flee. The gradient follows the same product.",
    ),
}
