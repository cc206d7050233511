"""Strings of the page "dynamics" (seed 004: an RNN step as an iterated map)."""

from rnnviz.i18n import Text

STRINGS = {
    "dynamics.nav": Text("반복되는 함수: 싱크와 소스", "Iterated maps: sinks and sources"),
    "dynamics.title": Text("역학계로 본 RNN", "An RNN as a dynamical system"),
    "dynamics.intro": Text(
        "블로그 004: h_t = f(x_t, h_{t−1})이므로 RNN의 계산은 함수 f를 반복해서 합성한 것입니다. 합성할수록 함수는 "
        "복잡해지고 기울기가 커지거나 작아집니다. 고정점에서의 도함수가 1보다 작으면 주변 값을 끌어당기는 "
        "**싱크**(끌개), 1보다 크면 밀어내는 **소스**입니다. 기울기도 같은 곱을 따라가므로, 싱크 근처에서는 "
        "기울기 소실, 소스 근처에서는 기울기 폭발이 일어납니다.",
        "Seed 004: since h_t = f(x_t, h_{t−1}), an RNN computes the same function f composed over and over. "
        "Composition makes the function wilder and its slopes larger or smaller. At a fixed point, a derivative "
        "below 1 pulls nearby values in (a **sink**, or attractor); above 1 it pushes them away (a **source**). "
        "The gradient follows the same product, so near a sink it vanishes and near a source it explodes.",
    ),
    "dynamics.try": Text(
        "- 합성 횟수를 8로: f⁸의 최대 기울기가 수백이 됩니다 (f는 3.5).\n"
        "- 시작점을 0.81로, 이어서 0.82로: 소스 0.81623의 양쪽에서 궤도가 싱크와 무한대로 갈라집니다.\n"
        "- c를 0.25로: 싱크와 소스가 0.5에서 만나고 f' = 1, 수렴이 매우 느려집니다.\n"
        "- c를 −0.5로: 싱크가 음수가 되고 f' < 0이라 궤도가 싱크 양쪽을 오가며 수렴합니다.",
        "- Set the compositions to 8: the maximum slope of f⁸ runs into the hundreds (f's is 3.5).\n"
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
    "dynamics.cobweb.title": Text("x_n = x_(n−1)² {c}의 궤도", "Orbit of x_n = x_(n−1)² {c}"),
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
}
