"""Strings of the page "scaling sweep" (seeds 000 and 003: the scale of W_hh decides vanishing or exploding)."""

from rnnviz.i18n import Text

STRINGS = {
    "sweep.note.fewer_scales": Text(
        "계산량을 줄이려고 스케일 {requested}개 대신 {n}개를 계산했습니다 (T·H²가 클 때).",
        "{n} of the {requested} scales computed, to keep the page responsive at this T and H.",
    ),
    "sweep.nav": Text("스케일 스윕", "Scaling sweep"),
    "sweep.title": Text("W_hh의 스케일을 훑어보기", "Sweeping the scale of W_hh"),
    "sweep.intro": Text(
        "순환 가중치 W_hh에 스케일 s를 곱해 가며, 마지막 시각의 손실에서 거슬러 온 기울기 ‖∂L/∂h_t‖를 "
        "한 장의 히트맵에 모았습니다 (세로: s, 가로: 시각 t, 색: log₁₀ 노름; 파랑은 기울기 소실, 빨강은 기울기 폭발). "
        "점선은 **임계 스케일**, 은닉 상태가 0일 때 선형화한 야코비안의 스펙트럼 반지름이 1이 되는 s입니다 "
        "(블로그 003: 가장 큰 고윳값이 1보다 작으면 소실, 크면 폭발). 아래 곡선은 몇 개의 s에서 자른 단면입니다.",
        "The recurrent matrix W_hh is multiplied by a scale s, and the gradient ‖∂L/∂h_t‖ flowing back from a loss "
        "at the last step is collected in one heatmap (vertical: s, horizontal: step t, colour: log₁₀ norm; blue "
        "vanishes, red explodes). The dashed line is the **critical scale**, where the Jacobian linearised at a zero "
        "hidden state has spectral radius 1 (seed 003: largest eigenvalue below 1 vanishes, above explodes). The "
        "curves below are slices at a few scales.",
    ),
    "sweep.try": Text(
        "- 기본값(RNN, tanh, 직교 초기화): 임계 스케일은 정확히 1입니다. 무작위 입력이 tanh를 포화시키므로 "
        "실제 경계는 1보다 오른쪽(위)에 있습니다.\n"
        "- 입력을 **임펄스**로: t = 0 뒤에는 입력이 0이라 은닉 상태가 0 근처에 머물고, 색의 경계가 점선에 붙습니다.\n"
        "- 활성화 함수를 **linear**로: 경계가 정확히 s = 1, 그 위로는 시간에 따라 지수적으로 폭발합니다.\n"
        "- 셀을 **LSTM**이나 **GRU**로: 같은 스케일에서도 기울기가 훨씬 천천히 변합니다. 게이트가 곱을 조절합니다.\n"
        "- T를 **1000**, H를 **256**으로: 히트맵은 화면 해상도에 맞춰 평균됩니다 (아래 안내문).",
        "- Defaults (RNN, tanh, orthogonal init): the critical scale is exactly 1. Random inputs saturate tanh, so the "
        "real boundary lies to the right of (above) it.\n"
        "- Set the input to **impulse**: after t = 0 the input is zero, the hidden state stays near 0, and the colour "
        "boundary hugs the dashed line.\n"
        "- Set the activation to **linear**: the boundary is exactly s = 1, and above it the gradient explodes "
        "exponentially in time.\n"
        "- Switch the cell to **LSTM** or **GRU**: at the same scale the gradient changes far more slowly; the gates "
        "control the product.\n"
        "- Set T to **1000** and H to **256**: the heatmap is averaged to screen resolution (see the note).",
    ),
    "sweep.title.figure": Text("{cell}: log₁₀ ‖∂L/∂h_t‖, 손실은 마지막 시각", "{cell}: log₁₀ ‖∂L/∂h_t‖, loss at the last step"),
    "sweep.panel.heatmap": Text("스케일 s × 시각 t", "Scale s × step t"),
    "sweep.panel.curves": Text("몇 개의 스케일에서 자른 단면", "Slices at a few scales"),
    "sweep.axis.t": Text("시간 크기 t", "Time step t"),
    "sweep.axis.scale": Text("W_hh 스케일 s", "Scale s of W_hh"),
    "sweep.axis.norm": Text("‖∂L/∂h_t‖ (로그)", "‖∂L/∂h_t‖ (log)"),
    "sweep.axis.log10_norm": Text("log₁₀ ‖∂L/∂h_t‖ (값이 너무 커서 로그로 표시)", "log₁₀ ‖∂L/∂h_t‖ (too large for a log axis)"),
    "sweep.hover": Text("t = %{x}<br>s = %{y:.3f}<br>log₁₀ ‖∂L/∂h_t‖ = %{z:.2f}",
                        "t = %{x}<br>s = %{y:.3f}<br>log₁₀ ‖∂L/∂h_t‖ = %{z:.2f}"),
    "sweep.trace.critical": Text("임계 스케일 s* = {s:.3f}", "Critical scale s* = {s:.3f}"),
    "sweep.trace.curve": Text("s = {s:.2f}", "s = {s:.2f}"),
    "sweep.note.aggregated": Text(
        "화면 해상도에 맞춰 히트맵을 평균했습니다 (log₁₀ 평균: t {ft}칸, s {fs}칸씩).",
        "Heatmap averaged to screen resolution (mean of log₁₀ over {ft} steps × {fs} scales).",
    ),
    "sweep.note.floored": Text("정확히 0인 기울기는 가장 작은 값(10⁻³⁰⁰ 이하)으로 그렸습니다.",
                               "Exactly zero gradients are drawn at the smallest value (10⁻³⁰⁰ or below)."),
    "sweep.note.no_critical": Text("임계 스케일이 [0.001, 100] 안에 없습니다.", "No critical scale in [0.001, 100]."),
    "sweep.note.critical_outside": Text("임계 스케일 s* = {s:.3f}은(는) 그린 범위 밖입니다.",
                                        "The critical scale s* = {s:.3f} lies outside the plotted range."),
    "sweep.critical.caption": Text(
        "임계 스케일 s* = {s}. 이 값에서 은닉 상태 0에서의 야코비안 ∂h_t/∂h_(t−1)의 스펙트럼 반지름이 1입니다.",
        "Critical scale s* = {s}: there the Jacobian ∂h_t/∂h_(t−1) at a zero hidden state has spectral radius 1.",
    ),
}
