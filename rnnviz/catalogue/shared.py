"""Parameters that several figures share, declared once so that a page's controls stay consistent.

On a page, parameters with the same name are one control; declaring them here keeps their range,
default and labels identical wherever they appear. Figures with different defaults declare their own.
"""

from __future__ import annotations

from rnnviz.catalogue.params import Param
from rnnviz.i18n import Text

CELL_LABELS = {
    "rnn": Text("RNN (기본)", "RNN (vanilla)"),
    "lstm": Text("LSTM", "LSTM"),
    "gru": Text("GRU", "GRU"),
}

CELL = Param(
    "cell", "choice", "rnn", Text("셀 종류", "Cell"),
    help=Text("순환 셀의 종류", "Which recurrent cell to unroll"),
    choices=("rnn", "lstm", "gru"), choice_labels=CELL_LABELS, widget="radio",
)

GRU_VARIANT = Param(
    "gru_variant", "choice", "classic", Text("GRU 형태", "GRU variant"),
    help=Text(
        "classic: 강의 슬라이드(Cho 외, 2014)의 식, 리셋 게이트를 행렬 곱 전에 적용. "
        "pytorch: PyTorch/cuDNN 식, 리셋 게이트를 행렬 곱 뒤에 적용하고 z의 역할이 바뀜.",
        "classic: the lecture slides' form (Cho et al. 2014), reset applied before the recurrent "
        "product. pytorch: PyTorch/cuDNN, reset applied after the product and the roles of z swapped.",
    ),
    choices=("classic", "pytorch"), widget="radio",
)

NONLINEARITY = Param(
    "nonlinearity", "choice", "tanh", Text("활성화 함수 φ", "Activation φ"),
    help=Text("기본 RNN의 활성화 함수", "The vanilla RNN's activation"),
    choices=("tanh", "relu", "linear"), widget="radio",
)

SCALE = Param(
    "scale", "float", 1.0, Text("W_h 스케일", "W_h scale"),
    help=Text("순환 가중치 행렬 W_h에 곱하는 값", "Factor multiplied into the recurrent matrix W_h"),
    min=0.05, max=3.0, step=0.05, fmt="%.2f",
)

SEQ_LEN = Param(
    "T", "int", 20, Text("시계열 길이 T", "Sequence length T"),
    help=Text("펼칠 시간 크기", "Number of time steps to unroll"),
    min=1, max=1000, step=1,
)

HIDDEN = Param(
    "H", "int", 3, Text("은닉 상태 차원 H", "Hidden size H"),
    help=Text("은닉 상태 벡터의 차원 수", "Dimension of the hidden state"),
    min=1, max=256, step=1,
)

SEED = Param(
    "seed", "int", 3, Text("난수 시드", "Random seed"),
    help=Text("재현할 수 있도록 고정한 난수 시드", "Fixed random seed, for reproducible weights"),
    min=0, max=9999, step=1, widget="number",
)

YAXIS = Param(
    "yaxis", "choice", "log", Text("세로축", "Vertical axis"),
    choices=("linear", "log"),
    choice_labels={"linear": Text("선형", "Linear"), "log": Text("로그", "Log")},
    widget="radio",
)

WEIGHTS = Param(
    "weights", "token", "none", Text("업로드한 가중치", "Uploaded weights"),
    help=Text("'나의 가중치' 페이지에서 올린 가중치의 식별자", "Token of weights uploaded on the 'Your weights' page"),
    pattern=r"none|[0-9a-f]{16}",
)
