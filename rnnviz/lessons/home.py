"""Strings of the home page."""

from rnnviz.i18n import Text
from rnnviz.lessons.spec import Page

PAGE = Page("home", icon=":material/home:", section="start")

STRINGS = {
    "home.nav": Text("소개", "Home"),
    "home.title": Text("rnnviz: RNN의 기울기 흐름을 눈으로", "rnnviz: gradient flow in RNNs, made visible"),
    "home.intro": Text(
        "순환 신경망(RNN)은 왜 장기 의존 관계를 학습하기 어려울까요? BPTT에서 기울기가 과거로 흘러가며 "
        "매 시각 W_hᵀ와 tanh′를 곱하기 때문입니다. 이 앱은 그 기울기를 직접 계산해 보여 줍니다. "
        "모든 숫자는 numpy로 정확히 계산하고 유한 차분으로 검증했습니다.",
        "Why do recurrent networks struggle with long-term dependencies? In backpropagation through time "
        "the gradient travelling into the past is multiplied by W_hᵀ and tanh′ at every step. This app "
        "computes those gradients and shows them; every number is exact numpy, checked against finite "
        "differences.",
    ),
    "home.story": Text(
        "**이야기의 순서**\n\n"
        "1. **문제**: 기울기 소실과 폭발. 책의 실험 그대로 노름이 지수적으로 커지거나 작아집니다.\n"
        "2. **원인**: tanh의 미분은 1 이하이고, W_h의 스펙트럼 반지름이 증가율을 정합니다.\n"
        "3. **해결책**: 기울기 클리핑, LSTM의 셀 상태와 GRU의 게이트가 기울기의 고속도로를 만듭니다.\n\n"
        "왼쪽 메뉴에서 페이지를 고르세요. 주소창의 URL은 지금 화면을 그대로 재현하니 링크로 공유할 수 있습니다.",
        "**The story of the pages**\n\n"
        "1. **The problem**: vanishing and exploding gradients; the book's experiment shows the norm growing "
        "or shrinking exponentially.\n"
        "2. **The causes**: tanh′ is at most 1, and W_h's spectral radius sets the rate.\n"
        "3. **The remedies**: gradient clipping, and the LSTM's cell state and the GRU's gates, which build a "
        "highway for the gradient.\n\n"
        "Pick a page in the menu on the left. The URL in the address bar reproduces the exact view, so you can "
        "share it as a link.",
    ),
    "home.preview": Text(
        "미리 보기: 책의 실험 (시드 3, W_h = rand(3, 3), T = 20). 스케일을 움직여 보세요.",
        "Preview: the book's experiment (seed 3, W_h = rand(3, 3), T = 20). Move the scale.",
    ),
    "home.sources": Text(
        "**교재**: 밑바닥부터 시작하는 딥러닝 2 (6장) 블로그 정리, 기계학습 12강 딥러닝(2) 강의 슬라이드, "
        "'RNN의 등장과 발전' 블로그, CS224n 7강 스터디 정리, LSTM 음향 모델링(2014) 논문 정리.",
        "**Sources**: notes on Deep Learning from Scratch 2 (ch. 6), the lecture slides 'Machine Learning 12: "
        "deep learning (2)', the blog post 'RNN: its arrival and development', a study summary of CS224n "
        "lecture 7, and notes on 'LSTM architectures for large-scale acoustic modeling' (2014).",
    ),
    "home.look": Text(
        "미리 보기의 스케일을 움직여 보세요. 스케일이 곧 W_h의 스펙트럼 반지름 ρ라, 1보다 작으면 기울기 노름이 줄어들고 크면 지수적으로 커집니다.",
        "Move the preview's scale: it is W_h's spectral radius ρ; below 1 the gradient norm shrinks, above 1 it grows exponentially.",
    ),
}
