"""Strings of the page "inside the cells" (issue 4, page 3; seeds 001, 000, 003)."""

from rnnviz.i18n import Text

STRINGS = {
    "cells.nav": Text("셀 내부 들여다보기", "Inside the cells"),
    "cells.title": Text("RNN, LSTM, GRU 셀의 내부", "Inside the RNN, LSTM and GRU cells"),
    "cells.intro": Text(
        "셀 하나를 입력 위로 펼치고, 시각 t마다 은닉 상태 h_t, 셀 상태 c_t(LSTM), 그리고 각 게이트의 값을 "
        "(t, 유닛) 히트맵으로 봅니다. 손실은 마지막 시각에만 있습니다 (L = Σ h_T, 블로그의 `dh = ones`). "
        "오른쪽 차트는 그 기울기가 과거로 갈수록 얼마나 남는지(‖∂L/∂h_t‖, ‖∂L/∂x_t‖)를 보여 줍니다. "
        "아래 슬라이더로 시각을 하나씩 옮기며 셀의 식에 그 시각의 숫자를 채워 볼 수 있습니다.",
        "One cell is unrolled over an input; the heatmaps show, for every step t and unit, the hidden state h_t, "
        "the LSTM's cell state c_t and every gate. The loss sits at the last step only (L = Σ h_T, the blog's "
        "`dh = ones`); the chart beside it shows how much of its gradient is left as it flows back in time "
        "(‖∂L/∂h_t‖, ‖∂L/∂x_t‖). The slider below steps through the sequence and fills the cell's equations "
        "with that step's numbers.",
    ),
    "cells.try": Text(
        "- 입력을 **Tom 문장**으로, 셀은 **RNN**: 맨 앞 'Tom'에 닿는 기울기(아래 막대)는 약 10⁻⁷·⁶로, 마지막 "
        "단어(약 10⁻⁰·²)보다 일곱 자릿수 작습니다. 블로그 000의 장기 의존 문제입니다.\n"
        "- 같은 문장에서 **LSTM**, **GRU**: 'Tom'에 닿는 기울기가 약 10⁻⁵·², 10⁻³·⁴로 커집니다. LSTM의 셀 상태를 "
        "따라서는 기울기가 망각 게이트 f_t와의 곱셈만 거칩니다 (게이트 히트맵의 f_t). 학습 전이라 f_t ≈ 0.5이며, "
        "셀 비교 페이지의 망각 게이트 편향으로 1에 가깝게 만들 수 있습니다.\n"
        "- **tickets 문장** (003, RNN): 가까운 'printer'(격자 막대)는 약 10⁻², 멀리 있는 'tickets'(빗금 막대)는 약 10⁻¹³의 "
        "기울기를 받습니다. 모델이 'printer'를 예측하게 되는 이유입니다.\n"
        "- 입력을 **임펄스**로, T를 100으로: t = 1의 입력이 은닉 상태에 얼마나 오래 남는지 히트맵에서 보세요.\n"
        "- H를 **32**, T를 **100**으로 두고 W_h 스케일을 1에서 **3**으로: ‖∂L/∂h_1‖이 약 10⁻²⁸(소실)에서 약 10⁴(폭발)로 "
        "바뀝니다. 그동안 tanh'(a_t)의 평균은 0.92에서 0.57로 떨어집니다 (포화).\n"
        "- GRU에서 형태를 **classic ↔ pytorch**로 바꿔 보세요: z의 역할이 바뀌어 갱신 게이트 히트맵의 의미가 "
        "반대가 됩니다.",
        "- Choose the **Tom sentence** and the **RNN**: the gradient reaching the first word 'Tom' (bars below) is "
        "about 10⁻⁷·⁶, seven orders of magnitude below the last word's (about 10⁻⁰·²): seed 000's long-term "
        "dependency problem.\n"
        "- Same sentence, **LSTM** and **GRU**: 'Tom' now gets about 10⁻⁵·² and 10⁻³·⁴. Along the LSTM's cell state "
        "the gradient is only multiplied by the forget gate f_t (see f_t in the gate heatmaps). Untrained, "
        "f_t ≈ 0.5; the forget-gate bias on the cell-comparison page pushes it towards 1.\n"
        "- The **tickets sentence** (003, RNN): the nearby 'printer' (cross-hatched) receives about 10⁻², the distant "
        "'tickets' (hatched) about 10⁻¹³: why a model ends up predicting 'printer'.\n"
        "- Choose the **impulse** input and T = 100: see in the heatmap how long the input at t = 1 stays in "
        "the hidden state.\n"
        "- Set H to **32**, T to **100** and move the W_h scale from 1 to **3**: ‖∂L/∂h_1‖ goes from about 10⁻²⁸ "
        "(vanishing) to about 10⁴ (exploding), while the mean of tanh'(a_t) drops from 0.92 to 0.57 "
        "(saturation).\n"
        "- For the GRU, switch the variant **classic ↔ pytorch**: the roles of z swap, so the update-gate "
        "heatmap means the opposite.",
    ),
    "cells.states.title": Text("{cell}: 은닉 상태 h_t", "{cell}: hidden state h_t"),
    "cells.states.title_c": Text("{cell}: 은닉 상태 h_t와 셀 상태 c_t", "{cell}: hidden state h_t and cell state c_t"),
    "cells.gates.title": Text("{cell}: 게이트 값", "{cell}: gate values"),
    "cells.grads.title": Text("{cell}: 마지막 시각의 손실에서 온 기울기", "{cell}: gradient of the last step's loss"),
    "cells.words.title": Text("{cell}: 각 단어에 도달한 기울기 ‖∂L/∂x_t‖", "{cell}: gradient reaching each word ‖∂L/∂x_t‖"),
    "cells.axis.unit": Text("유닛", "Unit"),
    "cells.axis.time": Text("시각 t (time step)", "Time step t"),
    "cells.axis.word": Text("단어 (시각 t)", "Word (time step t)"),
    "cells.axis.grad_norm": Text("기울기 노름 (로그)", "Gradient norm (log)"),
    "cells.trace.grad_h": Text("‖∂L/∂h_t‖ (은닉 상태)", "‖∂L/∂h_t‖ (hidden state)"),
    "cells.trace.grad_c": Text("‖∂L/∂c_t‖ (셀 상태)", "‖∂L/∂c_t‖ (cell state)"),
    "cells.trace.grad_x": Text("‖∂L/∂x_t‖ (입력)", "‖∂L/∂x_t‖ (input)"),
    "cells.note.binned": Text(
        "화면 해상도에 맞춰 평균으로 줄였습니다: 시간 {t_factor}칸, 유닛 {unit_factor}개씩.",
        "Averaged to screen resolution: {t_factor} steps × {unit_factor} units per cell.",
    ),
    "cells.note.dropped": Text(
        "값이 0으로 언더플로되었거나 float64 범위를 넘은 점 {count}개는 그리지 않았습니다.",
        "{count} points that underflowed to 0 or overflowed float64 are left out.",
    ),
    "cells.note.answer": Text("빗금(/): 정답 단어 '{word}'", "Hatched (/): the answer word '{word}'"),
    "cells.note.distractor": Text("격자(x): 헷갈리는 단어 '{word}'", "Cross-hatched (x): the distractor '{word}'"),
    "cells.sentence": Text("문장 ({n}단어, T = {n}): {description}", "Sentence ({n} words, T = {n}): {description}"),
    "cells.words.heading": Text("단어마다 얼마나 기울기가 닿나", "How much gradient reaches each word"),
    "cells.step.heading": Text("한 시각씩 따라가기", "Step through the sequence"),
    "cells.step.label": Text("시각 t", "Time step t"),
    "cells.step.many_units": Text(
        "H = {H} > 4이므로 벡터는 처음 3개 유닛만 보이고(⋯), 아래에 전체 노름을 적었습니다.",
        "H = {H} > 4, so vectors show their first 3 units (⋯) and the full norms are given below.",
    ),
    "cells.step.gradient": Text(
        "이 시각에 남은 기울기: ‖∂L/∂h_t‖ = {h}, ‖∂L/∂x_t‖ = {x}",
        "Gradient left at this step: ‖∂L/∂h_t‖ = {h}, ‖∂L/∂x_t‖ = {x}",
    ),
    "cells.step.gru_classic": Text(
        "classic GRU (강의 슬라이드, Cho 외 2014): W_h[·,·]는 [h, x]에 곱하는 행렬입니다.",
        "Classic GRU (the lecture slides, Cho et al. 2014): W_h[·,·] multiplies the stacked [h, x].",
    ),
}
