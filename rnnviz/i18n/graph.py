"""Strings of the page "the unrolled graph" (seed 000's figures 2–6, seed 001's unfolded view, seed 004)."""

from rnnviz.i18n import Text

STRINGS = {
    "graph.nav": Text("펼친 계산 그래프", "Unrolled graph"),
    "graph.title": Text("펼친 계산 그래프: 기울기가 시간을 거슬러 가는 길", "The unrolled graph: the gradient's way back in time"),
    "graph.intro": Text(
        "RNN을 시간 방향으로 펼치면, 정답 레이블(블로그의 \"Tom\")에서 시작한 기울기는 매 시각 `tanh`, `+`, "
        "`MatMul` 노드를 차례로 지나 과거로 갑니다. 아래 그래프의 숫자는 엔진의 역전파(BPTT) 결과 그대로입니다: "
        "노드의 색과 크기는 그 노드에 도착한 기울기의 노름 ‖∂L/∂·‖(로그 눈금), 선은 그 선을 따라 되돌아가는 기울기입니다. "
        "**▶ 재생**을 누르면 손실에서 t = 1까지 역전파가 진행됩니다. `tanh`에서는 (1 − h²)만큼 줄고, "
        "`MatMul`에서는 W_hᵀ만큼 늘거나 줄며, `+`는 그대로 전달합니다. LSTM은 위쪽 셀 상태 차선 "
        "(c_{t−1} → ×f → + → c_t)에서 원소별 곱 ×f만 거칩니다.",
        "Unrolled in time, an RNN passes the gradient from the label (the blog's \"Tom\") back to the past through "
        "each step's `tanh`, `+` and `MatMul` nodes. The numbers on the graph are the engine's backpropagation "
        "through time: a node's colour and size show the norm ‖∂L/∂·‖ of the gradient arriving at it (log scale), "
        "a line shows the gradient sent back along it. Press **▶ Play** to watch the backward pass go from the loss "
        "to t = 1: `tanh` shrinks the gradient by (1 − h²), `MatMul` rescales it by W_hᵀ, and `+` passes it on "
        "unchanged. In the LSTM the cell-state lane on top (c_{t−1} → ×f → + → c_t) only multiplies by f, element "
        "by element.",
    ),
    "graph.try": Text(
        "- **▶ 재생**을 누르고 기울기가 손실에서 h₁까지 가는 동안 색이 어두워지는(소실) 곳을 찾아보세요. 노드에 "
        "마우스를 올리면 정확한 노름과 그 노드가 되돌려 보내는 기울기(×배율)가 나옵니다.\n"
        "- 입력을 **Tom 문장**으로: 블로그의 예, 19단계 뒤의 정답 \"Tom\"에서 맨 앞의 \"Tom\"까지.\n"
        "- W_h 스케일을 **2.5**로: MatMul에서 기울기가 커지지만 tanh가 포화되어 (1 − h²)가 작아집니다.\n"
        "- 셀을 **LSTM**으로, 망각 게이트 편향을 **3**으로: 위쪽 셀 상태 차선의 색이 거의 변하지 않습니다.\n"
        "- 셀을 **GRU**로: (1 − z) 차선이 같은 역할을 합니다. 형태를 pytorch로 바꾸면 그 차선은 ×z가 됩니다.\n"
        "- T를 **100**으로: 가운데가 ⋯ 노드로 접히고, 접힌 구간의 기울기 비율이 표시됩니다.",
        "- Press **▶ Play** and find where the colour darkens (vanishing) on the way from the loss to h₁. Hover a "
        "node for the exact norm and what it sends back (× factor).\n"
        "- Set the input to the **Tom sentence**: the blog's example, from the answer \"Tom\" 19 steps later back "
        "to the first \"Tom\".\n"
        "- Set the W_h scale to **2.5**: MatMul amplifies the gradient but tanh saturates, so (1 − h²) gets small.\n"
        "- Choose **LSTM** and a forget-gate bias of **3**: the colour along the top cell-state lane barely changes.\n"
        "- Choose **GRU**: its (1 − z) lane plays the same role (×z in the pytorch variant).\n"
        "- Set T to **100**: the middle collapses into a ⋯ node that reports the gradient ratio across it.",
    ),
    "graph.unrolled.title": Text("펼친 계산 그래프: {cell}, T = {T}", "Unrolled graph: {cell}, T = {T}"),
    "graph.cell.title": Text("셀 다이어그램: {cell}, t = {step}", "Cell diagram: {cell}, t = {step}"),
    "graph.colorbar": Text("log₁₀ ‖∂L/∂·‖", "log₁₀ ‖∂L/∂·‖"),
    "graph.play": Text("재생", "Play"),
    "graph.pause": Text("정지", "Pause"),
    "graph.slider": Text("역전파 진행", "Backward pass at"),
    "graph.hover.arriving": Text("도착한 기울기 ‖∂L/∂(출력)‖ = {value}", "arriving ‖∂L/∂(output)‖ = {value}"),
    "graph.hover.sends": Text("되돌려 보내는 기울기:", "sends back:"),
    "graph.hover.edge": Text("{src} → {dst}<br>되돌아가는 기울기 노름: {value}", "{src} → {dst}<br>gradient sent back: {value}"),
    "graph.ellipsis": Text(
        "t = {first}…{last} 접음<br>‖∂L/∂h_{lo}‖ / ‖∂L/∂h_{hi}‖ = {ratio}",
        "t = {first}…{last} collapsed<br>‖∂L/∂h_{lo}‖ / ‖∂L/∂h_{hi}‖ = {ratio}",
    ),
    "graph.ellipsis_c": Text("‖∂L/∂c_{lo}‖ / ‖∂L/∂c_{hi}‖ = {ratio}", "‖∂L/∂c_{lo}‖ / ‖∂L/∂c_{hi}‖ = {ratio}"),
    "graph.note": Text(
        "노드: 도착한 기울기 ‖∂L/∂(출력)‖, 선: 되돌려 보내는 기울기.<br>색과 크기는 log₁₀ 눈금 하나로 그렸습니다. "
        "손실 L = Σ 1ᵀh_t (블로그의 dh = ones).",
        "Node: the gradient arriving, ‖∂L/∂(output)‖; line: the gradient sent back along it.<br>Colour and size share "
        "one log₁₀ scale. Loss L = Σ 1ᵀh_t (the blog's dh = ones).",
    ),
    "graph.input.random": Text("난수 입력", "Random input"),
    "graph.input.sine": Text("사인파", "Sine"),
    "graph.input.impulse": Text("임펄스 (t = 1에만 1)", "Impulse (1 at t = 1 only)"),
    "graph.input.tom": Text("Tom 문장 (블로그 000)", "Tom sentence (seed 000)"),
    "graph.input.tickets": Text("tickets 문장 (CS224n)", "tickets sentence (CS224n)"),
    "graph.input.writer_of_the_books": Text("writer of the books (CS224n)", "writer of the books (CS224n)"),
    "graph.input.you_say_goodbye": Text("you say goodbye (RNNLM)", "you say goodbye (RNNLM)"),
    "graph.sentence_caption": Text(
        "입력이 문장이라 T는 문장 길이({T} 단어)입니다. 각 단어는 고정된 난수 임베딩으로 바꿨습니다.",
        "The input is a sentence, so T is its length ({T} tokens); each word is a fixed random embedding.",
    ),
    "graph.step_clamped": Text(
        "선택한 시각 t = {asked}이(가) T = {T}보다 커서 t = {T}을(를) 보여 줍니다.",
        "The chosen step t = {asked} is beyond T = {T}; showing t = {T}.",
    ),
    "graph.cell_heading": Text("셀 하나 들여다보기", "Inside one cell"),
    "graph.cell_intro": Text(
        "선택한 시각 t의 셀 하나를 강의 슬라이드처럼 그렸습니다. 왼쪽은 순전파(게이트 값의 평균, 색 = 값), "
        "오른쪽은 같은 자리의 역전파(기울기 노름, 위 그래프와 같은 색 눈금 방식)입니다. 마우스를 올리면 유닛별 값이 나옵니다.",
        "One cell at the chosen step t, drawn like the lecture slides. Left: the forward pass (mean gate values, "
        "colour = value); right: the backward pass at the same places (gradient norms, log colour scale). Hover "
        "for the per-unit values.",
    ),
    "graph.forward": Text("순전파 (값)", "Forward (values)"),
    "graph.backward": Text("역전파 (‖∂L/∂·‖)", "Backward (‖∂L/∂·‖)"),
    "graph.gate.f": Text("망각 게이트 f", "forget gate f"),
    "graph.gate.i": Text("입력 게이트 i", "input gate i"),
    "graph.gate.g": Text("후보 g = c̃", "candidate g = c̃"),
    "graph.gate.o": Text("출력 게이트 o", "output gate o"),
    "graph.gate.r": Text("리셋 게이트 r", "reset gate r"),
    "graph.gate.z": Text("갱신 게이트 z", "update gate z"),
    "graph.gate.n": Text("후보 h̃", "candidate h̃"),
    "graph.gate.a": Text("사전 활성 a", "pre-activation a"),
    "graph.cell.mean": Text("평균 {value}", "mean {value}"),
    "graph.cell.units": Text("유닛별", "per unit"),
    "graph.cell.note": Text(
        "왼쪽 색: 게이트 값(σ는 0…1, tanh는 −1…1). 오른쪽 색: log₁₀ 기울기 노름. 입력은 아래와 왼쪽, 출력은 오른쪽입니다.",
        "Left colours: gate values (σ in 0…1, tanh in −1…1). Right colours: log₁₀ gradient norms. Inputs enter "
        "at the bottom and left, outputs leave on the right.",
    ),
    "graph.latex_caption": Text(
        "시각 t = {step}에서 기울기가 h_t에서 h_(t−1)로 가며 바뀐 배율: ‖∂L/∂h_(t−1)에 보낸 값‖ / ‖∂L/∂h_t‖ = {ratio}",
        "At t = {step} the gradient changes by ‖sent to h_(t−1)‖ / ‖∂L/∂h_t‖ = {ratio} on its way from h_t to h_(t−1)",
    ),
}
