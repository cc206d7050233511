"""Strings of the page "vanishing and exploding gradients" (seed 000, the book's experiment)."""

from rnnviz.i18n import Text

STRINGS = {
    "book.nav": Text("기울기 소실과 폭발", "Vanishing and exploding"),
    "book.title": Text("기울기 소실과 기울기 폭발", "Vanishing and exploding gradients"),
    "book.intro": Text(
        "BPTT에서 시간 방향으로 흘러가는 기울기는 매 시각 MatMul 노드에서 W_hᵀ와 곱해집니다. "
        "아래 차트는 책(밑바닥부터 시작하는 딥러닝 2, 6장)의 실험 그대로, 상류에서 온 기울기 "
        "`dh = ones((N, H))`에 `dh = dh @ Wh.T`를 T번 반복하며 노름 `sqrt(sum(dh**2)) / N`을 그립니다. "
        "W_h의 **스펙트럼 반지름 ρ**(가장 큰 고윳값의 절댓값)가 1보다 크면 기울기 폭발, 작으면 기울기 소실입니다.",
        "In backpropagation through time the gradient flowing back along the hidden states is multiplied by "
        "W_hᵀ at every step's MatMul node. The chart repeats the book's experiment (Deep Learning from "
        "Scratch 2, chapter 6): starting from the upstream gradient `dh = ones((N, H))` it applies "
        "`dh = dh @ Wh.T` T times and plots the norm `sqrt(sum(dh**2)) / N`. When W_h's **spectral radius ρ** "
        "(its largest eigenvalue in absolute value) exceeds 1 the gradient explodes; below 1 it vanishes.",
    ),
    "book.try": Text(
        "- 기본값(시드 3, `rand`, 스케일 1.0)은 블로그의 첫 실험입니다: 20단계 만에 노름이 4322까지 폭발합니다.\n"
        "- 스케일을 **0.5**로: 블로그의 두 번째 실험(`Wh = rand(H, H) * 0.5`), 기울기 소실.\n"
        "- 초깃값을 **randn**, 스케일 **0.5**로: 책 스크립트의 경우. 가장 큰 특잇값 σ₁은 1.33으로 1보다 크지만 "
        "ρ = 0.63이라 결국 소실합니다. 처음 몇 단계의 증가는 σ₁ 때문입니다.\n"
        "- T를 1000으로, 세로축을 로그로: 직선이 됩니다. 기울기가 ρᵗ(점선)와 평행하게 변합니다.\n"
        "- 스케일을 바꾸며 아래 고윳값 그림에서 점이 단위원을 넘는 순간을 찾아보세요.",
        "- The defaults (seed 3, `rand`, scale 1.0) are the blog's first run: the norm explodes to 4322 in "
        "20 steps.\n"
        "- Set the scale to **0.5**: the blog's second run (`Wh = rand(H, H) * 0.5`), vanishing.\n"
        "- Choose **randn** and scale **0.5**: the book script's case. Its largest singular value σ₁ = 1.33 "
        "exceeds 1, yet ρ = 0.63, so it vanishes; the early rise comes from σ₁.\n"
        "- Set T to 1000 and the axis to log: the curve becomes a straight line parallel to ρᵗ (dotted).\n"
        "- Move the scale and watch, in the eigenvalue plot below, when a point crosses the unit circle.",
    ),
    "book.norms.title": Text("기울기 노름 ‖dh‖/N의 변화", "Gradient norm ‖dh‖/N over time"),
    "book.eigen.title": Text("W_h의 고윳값 (복소평면)", "Eigenvalues of W_h (complex plane)"),
    "book.scalar.title": Text("스칼라의 경우: wᵏ", "The scalar case: wᵏ"),
    "book.axis.time_step": Text("시간 크기 (time step)", "Time step"),
    "book.axis.norm": Text("노름 (norm)", "Norm"),
    "book.axis.log10_norm": Text("log₁₀ 노름 (값이 너무 커서/작아서 로그로 표시)", "log₁₀ norm (too large/small for a linear axis)"),
    "book.axis.real": Text("실수부 Re λ", "Real part Re λ"),
    "book.axis.imag": Text("허수부 Im λ", "Imaginary part Im λ"),
    "book.axis.k": Text("거슬러 올라간 단계 k", "Steps back k"),
    "book.trace.norm": Text("‖dh‖/N (책의 코드)", "‖dh‖/N (the book's code)"),
    "book.trace.bound": Text("상한 σ₁ᵗ·‖dh₀‖/N", "Upper bound σ₁ᵗ·‖dh₀‖/N"),
    "book.trace.guide": Text("기준선 ρᵗ⁻¹ (첫 점에 맞춤)", "Guide ρᵗ⁻¹ (through the first point)"),
    "book.trace.unit_circle": Text("단위원 |λ| = 1", "Unit circle |λ| = 1"),
    "book.trace.rho_circle": Text("|λ| = ρ", "|λ| = ρ"),
    "book.trace.sigma_circle": Text("반지름 σ₁", "Radius σ₁"),
    "book.trace.eigenvalues": Text("고윳값 λ", "Eigenvalues λ"),
    "book.verdict.explodes": Text("기울기 폭발", "exploding"),
    "book.verdict.vanishes": Text("기울기 소실", "vanishing"),
    "book.verdict.neutral": Text("경계 (ρ = 1)", "borderline (ρ = 1)"),
    "book.spectrum.caption": Text(
        "스케일한 W_h: 스펙트럼 반지름 ρ = {rho:.4f}, 가장 큰 특잇값 σ₁ = {sigma:.4f}. "
        "긴 시간에서는 ρ가 증가율을 정하고, σ₁은 한 단계에서 늘어날 수 있는 최대 배율입니다.",
        "Scaled W_h: spectral radius ρ = {rho:.4f}, largest singular value σ₁ = {sigma:.4f}. "
        "In the long run ρ sets the rate; σ₁ is the most one step can stretch.",
    ),
    "book.scalar.heading": Text("스칼라의 경우", "The scalar case"),
    "book.scalar.intro": Text(
        "은닉 유닛이 하나이고 활성화 함수가 선형이면 기울기는 wⁿ입니다 (강의 12강, 블로그 004). "
        "1보다 0.1만 크거나 작아도 n = 50에서 1.1⁵⁰ ≈ 117.4, 0.9⁵⁰ ≈ 0.00515가 됩니다.",
        "With one hidden unit and a linear activation the gradient is wⁿ (lecture 12, seed 004). "
        "Just 0.1 above or below 1 gives, at n = 50, 1.1⁵⁰ ≈ 117.4 and 0.9⁵⁰ ≈ 0.00515.",
    ),
    "book.scalar.value": Text("현재 값: {w:g}^{n} = {value:.6g}", "Current value: {w:g}^{n} = {value:.6g}"),
}
