"""Strings of the page "worked examples" (seed 004: three recurrent computations and the scalar BPTT)."""

from rnnviz.i18n import Text

STRINGS = {
    "worked.nav": Text("손으로 푸는 예제", "Worked examples"),
    "worked.title": Text("손으로 계산하는 순환 신경망", "Recurrent computations by hand"),
    "worked.intro": Text(
        "블로그 004의 세 가지 예제와 BPTT 유도를 같은 숫자로 다시 계산합니다. 표를 펼치면 정확한 값이 있습니다. "
        "블로그의 식에 있던 오타는 고쳐서 보여 주고, 무엇을 고쳤는지 적어 두었습니다.",
        "Seed 004's three examples and its BPTT derivation, recomputed with the same numbers; open a table for "
        "the exact values. Where the seed's formulas had typos we show the corrected version and say what "
        "was corrected.",
    ),
    "worked.try": Text(
        "- 예제 1에서 w_h를 0.5로: 과거 입력의 영향이 매 시각 절반으로 줄어듭니다.\n"
        "- 패리티 비트열을 `1111`로: 패리티가 1, 0, 1, 0으로 번갈아 나옵니다.\n"
        "- 비트열에 `2`를 넣어 보세요: 입력이 거부되고 기본값이 쓰입니다.\n"
        "- BPTT에서 손실을 'L = y_T'로: 기울기가 과거로 갈수록 w·tanh'(z)배씩 줄어듭니다.\n"
        "- w를 3으로: |w| > 1이어도 tanh'이 작아 기울기가 줄 수 있습니다.",
        "- Example 1 with w_h = 0.5: the effect of past inputs halves at every step.\n"
        "- Parity bits `1111`: the parity alternates 1, 0, 1, 0.\n"
        "- Type a `2` into the bits: the input is refused and the default is used.\n"
        "- BPTT with the loss 'L = y_T': going back, the gradient is multiplied by w·tanh'(z) at each step.\n"
        "- Set w to 3: even with |w| > 1 the gradient can shrink because tanh' is small.",
    ),
    "worked.axis.t": Text("시각 t", "Time step t"),
    "worked.axis.value": Text("값", "Value"),
    "worked.axis.gradient": Text("기울기", "Gradient"),
    "worked.linear.heading": Text("예제 1: 선형 유닛", "Example 1: a linear unit"),
    "worked.linear.title": Text("h_t = x_t + w_h h_(t−1), y_t = h_t (w_h = {wh:g})",
                                "h_t = x_t + w_h h_(t−1), y_t = h_t (w_h = {wh:g})"),
    "worked.linear.typo": Text(
        "블로그의 오타(값은 맞음): h_1 줄의 `1 + 0·2`는 `1·2 + 1·0`이고, y_3, y_4 줄의 `w_y h_2`, `w_y h_3`은 "
        "`w_y h_3`, `w_y h_4`입니다.",
        "Seed typos (its numbers are right): the h_1 line's `1 + 0·2` is `1·2 + 1·0`, and the y_3, y_4 lines' "
        "`w_y h_2`, `w_y h_3` are `w_y h_3`, `w_y h_4`.",
    ),
    "worked.sigmoid.heading": Text("예제 2: 입력 두 개, 시그모이드 출력", "Example 2: two inputs, a sigmoid output"),
    "worked.sigmoid.title": Text("예제 2: w_x1 = 1, w_x2 = −1, w_h = 1, w_y = 5",
                                 "Example 2: w_x1 = 1, w_x2 = −1, w_h = 1, w_y = 5"),
    "worked.sigmoid.correct": Text("y_t = 1/(1 + e^(−5h_t)) (바른 값)", "y_t = 1/(1 + e^(−5h_t)) (correct)"),
    "worked.sigmoid.slip": Text("블로그의 대입식 1/(1 + e^(+5h_t))", "The seed's substitution 1/(1 + e^(+5h_t))"),
    "worked.sigmoid.typo": Text(
        "블로그의 오타: 대입한 식 `1/(1 + e^{5·4})`에서 지수의 음수 부호가 빠졌습니다. 정의 "
        "`1/(1 + e^{−w_y h})`대로면 y = σ(20) ≈ 0.9999999979, σ(2.5) ≈ 0.9241, σ(−3.5) ≈ 0.0293입니다 "
        "(회색 ×는 부호가 빠진 값). 둘째, 셋째 줄도 첫 줄의 이름 x_11, x_12, h_1, y_1을 그대로 씁니다.",
        "Seed typos: the substituted `1/(1 + e^{5·4})` drops the minus sign of the exponent. By the definition "
        "`1/(1 + e^{−w_y h})`, y = σ(20) ≈ 0.9999999979, σ(2.5) ≈ 0.9241, σ(−3.5) ≈ 0.0293 (grey × marks "
        "the slipped values). Its second and third lines also keep the first line's labels x_11, x_12, h_1, y_1.",
    ),
    "worked.parity.heading": Text("예제 3: 패리티 비트", "Example 3: the parity bit"),
    "worked.parity.intro": Text(
        "지금까지 1의 개수가 홀수면 1, 짝수면 0. 은닉층의 두 유닛이 x_t와 이전 패리티의 OR와 AND를 계산하고 "
        "출력은 OR − AND(= XOR)의 계단 함수입니다. 활성화는 블로그대로 z > 0이면 1, z ≤ 0이면 0입니다. "
        "가중치는 블로그의 그림 대신 여기서 정한 정수입니다: W_hh = [[1, −1], [1, −1]], W_xh = [1, 1], "
        "b_h = [0, −1], W_hy = [1, −1].",
        "Output 1 when the number of ones so far is odd, 0 when even. Two hidden units compute the OR and the "
        "AND of x_t and the previous parity; the output is the step of OR − AND (= XOR). The activation is the "
        "seed's: 1 if z > 0, 0 if z ≤ 0. The weights (the seed shows them only in a picture) are integers "
        "chosen here: W_hh = [[1, −1], [1, −1]], W_xh = [1, 1], b_h = [0, −1], W_hy = [1, −1].",
    ),
    "worked.parity.title": Text("패리티 비트 RNN의 은닉 상태와 출력", "Hidden states and output of the parity RNN"),
    "worked.parity.row_x": Text("입력 x_t", "input x_t"),
    "worked.parity.row_or": Text("h_t,1 (OR)", "h_t,1 (OR)"),
    "worked.parity.row_and": Text("h_t,2 (AND)", "h_t,2 (AND)"),
    "worked.parity.row_p": Text("패리티 p_t", "parity p_t"),
    "worked.parity.pre": Text("계단 함수 전의 값 z", "value z before the step"),
    "worked.parity.check": Text("블로그의 출력과 일치: {ok}", "Matches the seed's output: {ok}"),
    "worked.parity.custom": Text("입력 {bits} → 패리티 {parity}", "Input {bits} → parity {parity}"),
    "worked.bptt.heading": Text("스칼라 RNN의 BPTT 유도", "The BPTT derivation for a scalar RNN"),
    "worked.bptt.intro": Text(
        "블로그 004의 z_t = u x_t + w h_{t−1}, h_t = φ(z_t), r_t = v h_t, y_t = φ(r_t), φ = tanh를 예제 1의 입력 "
        "2, −0.5, 1, 1에 적용합니다. 시각을 거꾸로 돌며 ∂L/∂h_t = ∂L/∂r_t·v + ∂L/∂z_{t+1}·w입니다. "
        "블로그의 `∂L/∂w^(t) = ∂L/∂z^(t)·h^(t+1)`은 첨자 오타로, 바른 식은 h^(t−1)입니다 (최종 합 "
        "Σ_{t=1}^{T−1} ∂L/∂z^(t+1) h^(t)는 h_0 = 0이면 맞습니다).",
        "Seed 004's z_t = u x_t + w h_{t−1}, h_t = φ(z_t), r_t = v h_t, y_t = φ(r_t) with φ = tanh, on example "
        "1's inputs 2, −0.5, 1, 1. Going back in time, ∂L/∂h_t = ∂L/∂r_t·v + ∂L/∂z_{t+1}·w. The seed's "
        "`∂L/∂w^(t) = ∂L/∂z^(t)·h^(t+1)` has an index slip: the factor is h^(t−1) (its final sum "
        "Σ_{t=1}^{T−1} ∂L/∂z^(t+1) h^(t) is right when h_0 = 0).",
    ),
    "worked.bptt.title": Text("시각별 기울기 (φ = tanh)", "Gradients per step (φ = tanh)"),
}
