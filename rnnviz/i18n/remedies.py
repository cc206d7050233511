"""Strings of the page "remedies": clipping, truncated BPTT, skip connections, IRNN (seeds 000, 002, 003, 004)."""

from rnnviz.i18n import Text

STRINGS = {
    "remedies.nav": Text("네 가지 해결책", "Four remedies"),
    "remedies.title": Text("기울기 문제의 해결책", "Remedies for unstable gradients"),
    "remedies.intro": Text(
        "교재들이 소개하는 네 가지 처방을 같은 숫자로 재현합니다. **기울기 클리핑**은 폭발한 기울기의 크기만 "
        "줄이고(블로그 000, 004), **Truncated BPTT**는 역전파만 블록 단위로 끊으며(블로그 002), "
        "**스킵 연결**은 국소 기울기에 1을 더하고(블로그 003), **항등 행렬 초기화 + ReLU**는 "
        "기울기를 곱할 때 줄어들지 않게 합니다(블로그 004).",
        "Four remedies from the texts, reproduced with their numbers. **Gradient clipping** shrinks only the "
        "size of an exploding gradient (seeds 000, 004), **truncated BPTT** cuts only the backward pass into "
        "blocks (seed 002), a **skip connection** adds 1 to every local derivative (seed 003), and "
        "**identity initialisation with ReLU** keeps the recurrent product from shrinking (seed 004).",
    ),
    "remedies.try": Text(
        "- 시드 3, max_norm = 5.0: 노름이 약 22인 기울기가 정확히 5로 줄고, 코사인은 1 그대로입니다 (방향 유지).\n"
        "- 원소별 클리핑 값 c를 1로: 노름은 줄지만 코사인이 1보다 작아집니다 (방향이 바뀜).\n"
        "- max_norm을 50으로: rate ≥ 1이라 clip_grads는 아무것도 바꾸지 않습니다.\n"
        "- k를 1로: 각 손실은 자기 시각의 은닉 상태에만 기울기를 보냅니다. k ≥ T면 두 그림이 같아집니다.\n"
        "- 스킵 연결에서 w를 0.1로, L을 100으로: 스킵이 없으면 기울기가 10⁻¹⁰⁰ 아래로, 있으면 1 이상입니다.\n"
        "- IRNN에서 W_h 스케일을 1.1로: 항등 행렬도 1보다 크면 기울기 폭발, 0.9면 기울기 소실입니다.",
        "- Seed 3, max_norm = 5.0: a gradient of norm about 22 is scaled to exactly 5, its cosine stays 1 "
        "(same direction).\n"
        "- Set the element-wise clip value c to 1: the norm shrinks but the cosine drops below 1 (the "
        "direction changes).\n"
        "- Set max_norm to 50: rate ≥ 1, so clip_grads changes nothing.\n"
        "- Set k to 1: every loss sends gradient only to its own step's state. With k ≥ T both maps agree.\n"
        "- Skip connections with w = 0.1 and L = 100: without the skip the gradient falls below 10⁻¹⁰⁰, "
        "with it it stays at least 1.\n"
        "- IRNN with W_h scale 1.1: even the identity explodes when scaled above 1; at 0.9 it vanishes.",
    ),
    "remedies.clip.heading": Text("기울기 클리핑", "Gradient clipping"),
    "remedies.clip.intro": Text(
        "블로그 000의 코드 그대로: `dW1 = rand(3, 3) * 10`, `dW2 = rand(3, 3) * 10`, "
        "`rate = max_norm / (total_norm + 1e-6)`이고 `rate < 1`이면 모든 기울기에 rate를 곱합니다. "
        "블로그 004의 `g ← η g / ‖g‖`는 노름을 언제나 η로 맞춥니다. cos은 원래 기울기와의 코사인 유사도입니다.",
        "Seed 000's code as written: `dW1 = rand(3, 3) * 10`, `dW2 = rand(3, 3) * 10`, "
        "`rate = max_norm / (total_norm + 1e-6)`, and every gradient is multiplied by rate when `rate < 1`. "
        "Seed 004's `g ← η g / ‖g‖` always sets the norm to η. cos is the cosine similarity with the "
        "original gradient.",
    ),
    "remedies.clip.title": Text("기울기 클리핑 전과 후", "Gradients before and after clipping"),
    "remedies.clip.entries": Text("dW1, dW2의 원소", "Entries of dW1, dW2"),
    "remedies.clip.norms": Text("전체 노름 ‖g‖", "Total norm ‖g‖"),
    "remedies.clip.original": Text("원래 기울기", "Original"),
    "remedies.clip.norm_clip": Text("clip_grads (노름)", "clip_grads (norm)"),
    "remedies.clip.elementwise": Text("원소별 클리핑", "Element-wise clip"),
    "remedies.clip.normalized": Text("ηg/‖g‖ (블로그 004)", "ηg/‖g‖ (seed 004)"),
    "remedies.clip.value_axis": Text("기울기 값", "Gradient value"),
    "remedies.clip.caption": Text(
        "total_norm = {norm:.6f}, rate = {rate:.6f} → {verdict}. 원소별 클리핑이 바꾼 원소: {changed}개 / 18.",
        "total_norm = {norm:.6f}, rate = {rate:.6f} → {verdict}. Entries changed by element-wise clipping: "
        "{changed} of 18.",
    ),
    "remedies.clip.scaled": Text("모든 기울기에 rate를 곱함", "every gradient is multiplied by rate"),
    "remedies.clip.unchanged": Text("rate ≥ 1이라 그대로", "rate ≥ 1, nothing changes"),
    "remedies.tbptt.heading": Text("Truncated BPTT", "Truncated BPTT"),
    "remedies.tbptt.intro": Text(
        "블로그 002: 순전파는 끊지 않고(은닉 상태를 다음 블록으로 넘김, `stateful=True`) 역전파만 k 단계 "
        "블록으로 끊습니다. 아래 두 그림은 **같은 순전파**에서 시각 s의 손실이 h_t에 보내는 기울기입니다. "
        "오른쪽에서는 기울기가 자기 블록(테두리) 밖으로 나가지 못합니다.",
        "Seed 002: the forward pass is never cut (the hidden state is carried into the next block, "
        "`stateful=True`); only the backward pass is cut into blocks of k steps. Both maps come from **one "
        "forward run**: the gradient the loss at step s sends to h_t. On the right no gradient leaves its "
        "block (outlined).",
    ),
    "remedies.tbptt.title": Text("손실 L_s가 은닉 상태 h_t에 보내는 기울기", "Gradient from the loss L_s to the state h_t"),
    "remedies.tbptt.full": Text("끊지 않은 BPTT", "Full BPTT"),
    "remedies.tbptt.cut": Text("Truncated BPTT (k = {k})", "Truncated BPTT (k = {k})"),
    "remedies.tbptt.x_axis": Text("은닉 상태의 시각 t", "Time step t of the hidden state"),
    "remedies.tbptt.y_axis": Text("손실의 시각 s", "Time step s of the loss"),
    "remedies.tbptt.note": Text(
        "빈 칸: 기울기 0. ‖∂L/∂W_h‖ 전체 {full:.4g}, 잘라냄 {cut:.4g} (상대 차이 {diff:.2f}%).",
        "Blank: no gradient. ‖∂L/∂W_h‖ full {full:.4g}, truncated {cut:.4g} (relative difference {diff:.2f}%).",
    ),
    "remedies.skip.heading": Text("스킵 연결 (ResNet)", "Skip connections (ResNet)"),
    "remedies.skip.intro": Text(
        "블로그 003: ResNet은 입력 x를 마지막 계산에 더해 f(x) + x를 만듭니다. x로 미분하면 f'(x) + 1이라 "
        "f'(x)가 아무리 작아도 1이 남습니다. 층마다 f(x) = tanh(w x) (w > 0이라 f' > 0)인 사슬로 확인합니다.",
        "Seed 003: a ResNet adds its input x to the last computation, giving f(x) + x. Its derivative is "
        "f'(x) + 1: however small f'(x) is, the 1 remains. Checked on a chain of layers f(x) = tanh(w x) "
        "(w > 0, so f' > 0).",
    ),
    "remedies.skip.title": Text("L개 층을 지나는 기울기 (w = {w:g})", "The gradient through L layers (w = {w:g})"),
    "remedies.skip.grad": Text("|∂x_L/∂x_l| (로그축)", "|∂x_L/∂x_l| (log axis)"),
    "remedies.skip.local": Text("층마다의 국소 기울기", "Local derivative of each layer"),
    "remedies.skip.plain": Text("스킵 없음: f'(x)", "No skip: f'(x)"),
    "remedies.skip.residual": Text("스킵 연결: f'(x) + 1", "Skip connection: f'(x) + 1"),
    "remedies.skip.local_axis": Text("국소 기울기", "Local derivative"),
    "remedies.skip.layer_axis": Text("층 l", "Layer l"),
    "remedies.irnn.heading": Text("항등 행렬 초기화와 ReLU (IRNN)", "Identity initialisation with ReLU (IRNN)"),
    "remedies.irnn.intro": Text(
        "블로그 004: 합성된 함수의 기울기가 어려워지는 문제는 항등 함수에 가까운 연산으로 풀 수 있습니다. "
        "W_h = I, 활성화 함수 ReLU(Le 외 2015)이면 살아 있는 유닛을 따라 ∂h_t/∂h_{t−1} = I입니다. "
        "마지막 시각에서만 손실을 주고(‖∂L/∂h_T‖ = 1) 과거로 얼마나 전달되는지 봅니다.",
        "Seed 004: the trouble with gradients of composed functions eases when each step is close to the "
        "identity. With W_h = I and a ReLU (Le et al. 2015), ∂h_t/∂h_{t−1} = I along the units that stay "
        "active. Only the last step is scored (‖∂L/∂h_T‖ = 1); the chart shows how much reaches the past.",
    ),
    "remedies.irnn.title": Text("마지막 시각의 기울기가 과거로 전달되는 크기 (W_h × {scale:g})",
                                "How much of the last step's gradient reaches the past (W_h × {scale:g})"),
    "remedies.irnn.irnn": Text("항등 W_h + ReLU (IRNN)", "Identity W_h + ReLU (IRNN)"),
    "remedies.irnn.identity_tanh": Text("항등 W_h + tanh", "Identity W_h + tanh"),
    "remedies.irnn.pytorch_tanh": Text("PyTorch 초기화 + tanh", "PyTorch init + tanh"),
    "remedies.irnn.gaps": Text(
        "끊긴 곳: 기울기가 정확히 0 (ReLU가 모든 경로를 막음) 또는 10⁻³⁰⁰ 미만.",
        "Gaps: the gradient is exactly 0 (ReLU closed every path) or below 10⁻³⁰⁰.",
    ),
    "remedies.axis.time_step": Text("시간 크기 t", "Time step t"),
    "remedies.note.clipped": Text("10⁻³⁰⁰ 미만의 값은 10⁻³⁰⁰으로 잘라 그렸습니다.", "Values below 10⁻³⁰⁰ are drawn at 10⁻³⁰⁰."),
}
