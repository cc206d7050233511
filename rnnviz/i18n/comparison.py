"""Strings of the page "RNN vs LSTM vs GRU" (seeds 001 and 003: gates keep the gradient alive)."""

from rnnviz.i18n import Text

STRINGS = {
    "comparison.nav": Text("RNN, LSTM, GRU 비교", "RNN vs LSTM vs GRU"),
    "comparison.title": Text("RNN, LSTM, GRU: 기울기는 얼마나 멀리 가는가", "RNN vs LSTM vs GRU: how far the gradient travels"),
    "comparison.intro": Text(
        "세 셀에 **같은 입력**을 넣고 W_hh에 **같은 스케일**을 곱한 뒤, 마지막 시각의 손실에서 거슬러 온 "
        "기울기 ‖∂L/∂h_t‖를 한 차트에 그립니다 (셀마다 한 색). LSTM의 셀 상태에는 행렬도 tanh도 없는 길, "
        "∂c_t/∂c_(t−1) = f_t(망각 게이트)가 있습니다 (강의 12강, 블로그 003의 '메모리'). 망각 게이트 편향 b_f를 "
        "올리면 f_t가 1에 가까워지고 이 길이 열립니다. GRU에서는 갱신 게이트가 같은 역할을 합니다.",
        "The three cells get **the same input**, W_hh is multiplied by **the same scale**, and the gradient "
        "‖∂L/∂h_t‖ from a loss at the last step is drawn on one chart (one colour per cell). The LSTM's cell state "
        "has a path with no matrix and no tanh: ∂c_t/∂c_(t−1) = f_t, the forget gate (lecture 12, seed 003's "
        "\"memory\"). Raising the forget-gate bias b_f pushes f_t towards 1 and opens this path. In the GRU the "
        "update gate plays the same part.",
    ),
    "comparison.try": Text(
        "- 기본값(스케일 1, b_f = 0): f_t ≈ 0.5라 LSTM의 오차 경로 Π f는 한 단계에 절반씩 줄어듭니다.\n"
        "- 망각 게이트 편향을 **1**(Jozefowicz 외 2015의 권장값), 이어서 **3**으로: f_t ≈ 0.95, LSTM의 "
        "기울기가 RNN보다 훨씬 멀리 갑니다.\n"
        "- 편향을 **−3**으로: f_t ≈ 0.05, 셀 상태가 매 단계 잊혀 LSTM도 기울기가 빨리 소실합니다.\n"
        "- 스케일을 **0.5**로: RNN은 급격히 소실하지만 LSTM(큰 b_f)과 GRU는 덜 영향을 받습니다.\n"
        "- 스케일을 **2.5**로: RNN의 기울기는 폭발할 수 있습니다. 게이트가 있는 셀은 어떤가요?\n"
        "- 아래 셀별 그림은 슬라이드용입니다: 테마를 '프로젝터'로 바꾸고 카메라 아이콘으로 PNG를 저장하세요.",
        "- Defaults (scale 1, b_f = 0): f_t ≈ 0.5, so the LSTM's error path Π f halves at every step.\n"
        "- Set the forget-gate bias to **1** (Jozefowicz et al. 2015's advice), then **3**: f_t ≈ 0.95 and the "
        "LSTM's gradient travels much farther than the RNN's.\n"
        "- Set the bias to **−3**: f_t ≈ 0.05, the cell state is forgotten at every step and the LSTM's gradient "
        "vanishes quickly too.\n"
        "- Set the scale to **0.5**: the RNN vanishes steeply, the LSTM (large b_f) and the GRU much less.\n"
        "- Set the scale to **2.5**: the RNN's gradient can explode. What do the gated cells do?\n"
        "- The per-cell panels below are for slides: choose the 'projector' theme and save a PNG with the camera "
        "icon.",
    ),
    "comparison.figure.title": Text("같은 입력, 같은 스케일: ‖∂L/∂h_t‖", "Same input, same scale: ‖∂L/∂h_t‖"),
    "comparison.multiples.title": Text("셀별: ‖∂L/∂h_t‖와 대각 경로의 곱", "Per cell: ‖∂L/∂h_t‖ and the product along its diagonal path"),
    "comparison.multiples.heading": Text("셀별 작은 그림", "One panel per cell"),
    "comparison.panel.gradients": Text("손실은 마지막 시각", "Loss at the last step"),
    "comparison.panel.forget": Text("LSTM 망각 게이트 f_t", "LSTM forget gate f_t"),
    "comparison.axis.t": Text("시간 크기 t", "Time step t"),
    "comparison.axis.norm": Text("‖∂L/∂h_t‖ / 곱 (로그)", "‖∂L/∂h_t‖ / product (log)"),
    "comparison.axis.log10_norm": Text("log₁₀ 값 (너무 커서)", "log₁₀ value (too large)"),
    "comparison.trace.grad": Text("{cell}: ‖∂L/∂h_t‖", "{cell}: ‖∂L/∂h_t‖"),
    "comparison.path.rnn": Text("RNN: Π tanh'(a_k), k > t", "RNN: Π tanh'(a_k), k > t"),
    "comparison.path.lstm": Text("LSTM: Π f_k, k > t (오차 경로)", "LSTM: Π f_k, k > t (error path)"),
    "comparison.path.gru_classic": Text("GRU: Π (1 − z_k), k > t", "GRU: Π (1 − z_k), k > t"),
    "comparison.path.gru_pytorch": Text("GRU: Π z_k, k > t (PyTorch 식)", "GRU: Π z_k, k > t (PyTorch form)"),
    "comparison.trace.f_mean": Text("f_t (유닛 평균)", "f_t (mean over units)"),
    "comparison.trace.f_band": Text("f_t: 유닛별 최소–최대", "f_t: min–max over units"),
    "comparison.trace.f_bias": Text("σ(b_f) = {value:.3f} (입력·상태 0일 때)", "σ(b_f) = {value:.3f} (zero input and state)"),
    "comparison.numbers": Text(
        "LSTM: 평균 f_t = {f:.3f}, 오차 경로 Π f (t = 0 → T−1) = 10^{path:.2f}. t = 0에서 ‖∂L/∂h_0‖: "
        "RNN 10^{rnn:.2f}, LSTM 10^{lstm:.2f}, GRU 10^{gru:.2f}.",
        "LSTM: mean f_t = {f:.3f}, error path Π f (t = 0 → T−1) = 10^{path:.2f}. At t = 0, ‖∂L/∂h_0‖: "
        "RNN 10^{rnn:.2f}, LSTM 10^{lstm:.2f}, GRU 10^{gru:.2f}.",
    ),
}
