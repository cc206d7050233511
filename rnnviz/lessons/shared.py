"""Parameters that several lessons share, declared once so that every page's controls stay consistent, and
the app frame's texts.

A lesson that needs another default or range varies a shared parameter with ``dataclasses.replace``
(``replace(HIDDEN, default=16)``), so its label, help and the rest stay the same everywhere. On a page,
parameters with the same name are one control.
"""

from __future__ import annotations

from rnnviz.i18n import Text
from rnnviz.lessons.spec import Param
from rnnviz.setups import INPUT_KINDS, SENTENCE_IDS, uploaded_layer

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
    help=Text("펼칠 시각 수", "Number of time steps to unroll"),
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


INPUT_LABELS = {
    "random": Text("무작위 N(0, 1)", "Random N(0, 1)"),
    "sine": Text("사인파", "Sine wave"),
    "impulse": Text("임펄스 (t = 1에만 1)", "Impulse (1 at t = 1 only)"),
    "you_say_goodbye": Text("문장: you say goodbye and I say hello (002)",
                            "Sentence: you say goodbye and I say hello (002)"),
    "tom": Text("문장: Tom … Mary said hi to ? (000)", "Sentence: Tom … Mary said hi to ? (000)"),
    "tickets": Text("문장: … printed her ? (tickets, 003)", "Sentence: … printed her ? (tickets, 003)"),
    "writer_of_the_books": Text("문장: The writer of the books ? (003)", "Sentence: The writer of the books ? (003)"),
}

INPUT = Param(
    "input", "choice", "random", Text("입력", "Input"),
    help=Text(
        "입력 시계열. 문장은 시드를 고정한 무작위 임베딩으로 벡터가 되고, 문장을 고르면 T는 단어 수입니다.",
        "The input sequence. Sentences are embedded with a seeded random embedding; a sentence sets T to its "
        "number of words.",
    ),
    choices=INPUT_KINDS + SENTENCE_IDS, choice_labels=INPUT_LABELS, widget="select",
)

FORGET_BIAS = Param(
    "forget_bias", "float", 0.0, Text("LSTM 망각 게이트 편향 b_f", "LSTM forget-gate bias b_f"),
    help=Text(
        "망각 게이트의 편향에 더하는 값. 크면 f_t가 1에 가까워져 셀 상태의 기울기가 오래 살아남습니다 "
        "(Jozefowicz 외 2015는 1을 권합니다). PyTorch 기본값은 0.",
        "Added to the forget gate's bias. Large values push f_t towards 1, so the cell-state gradient survives "
        "longer (Jozefowicz et al. 2015 recommend 1). PyTorch's default is 0.",
    ),
    min=-3.0, max=6.0, step=0.5, fmt="%.1f",
)

WEIGHTS = Param(
    "weights", "token", "none", Text("업로드한 가중치", "Uploaded weights"),
    help=Text("'나의 가중치' 페이지에서 올린 가중치의 식별자", "Token of weights uploaded on the 'Your weights' page"),
    pattern=r"none|[0-9a-f]{16}", resolve=uploaded_layer,
)


# The app frame's texts (menu, sidebar, notices, exports, chart element), in Korean and English.
STRINGS = {
    "sidebar.language": Text("언어 / Language", "Language / 언어"),
    "sidebar.theme": Text("테마", "Theme"),
    "theme.auto": Text("자동 (앱 테마: {current})", "Auto (app theme: {current})"),
    "theme.light": Text("밝게", "Light"),
    "theme.dark": Text("어둡게", "Dark"),
    "theme.projector": Text("프로젝터 (큰 글씨)", "Projector (large type)"),
    "sidebar.controls": Text("설정", "Controls"),
    "sidebar.share": Text(
        "주소창의 URL이 지금 화면을 그대로 재현합니다. 복사해서 공유하세요.",
        "The URL in the address bar reproduces this exact view: copy it to share.",
    ),
    "sidebar.live": Text(
        "차트 위 슬라이더로 바로 움직일 수 있는 값: {names}. 다른 설정은 손을 뗄 때 서버에서 다시 계산합니다.",
        "Live on the charts (their sliders follow your hand): {names}. The other controls are computed on the "
        "server when you let go.",
    ),
    "nav.label": Text("페이지", "Pages"),
    "nav.section.start": Text("시작", "Start"),
    "nav.section.problem": Text("문제", "The problem"),
    "nav.section.causes": Text("원인", "The causes"),
    "nav.section.remedies": Text("해결책", "The remedies"),
    "nav.section.seeds": Text("교재 예제", "From the texts"),
    "nav.section.tools": Text("나의 데이터", "Your data"),
    "page.try_this": Text("이렇게 해 보세요", "Try this"),
    "figure.computing": Text("계산하는 중… (큰 설정은 몇 초 걸립니다)", "Computing… (large settings take a few seconds)"),
    "page.next": Text("다음: {title} →", "Next: {title} →"),
    "page.story_end": Text("이야기는 여기까지입니다.", "This is where the story ends."),
    "page.back_to_start": Text("처음으로: {title} →", "Back to the start: {title} →"),
    "export.table": Text("차트의 숫자 (표)", "The numbers behind the chart (table)"),
    "export.show_table": Text("표 보기", "Show the table"),
    "export.csv": Text("CSV 내려받기", "Download CSV"),
    "export.json": Text("JSON 내려받기", "Download JSON"),
    "export.html": Text("HTML 내려받기 (슬라이더 포함, 오프라인)", "Download HTML (with its sliders, offline)"),
    "export.html_static": Text("HTML 내려받기 (그림만)", "Download HTML (the chart only)"),
    "export.png": Text("PNG 내려받기 (슬라이드 1280×720, 2배)", "Download PNG (slide 1280×720, 2×)"),
    "export.svg": Text("SVG 내려받기 (슬라이드 1280×720)", "Download SVG (slide 1280×720)"),
    "export.image_failed": Text("그림을 만들 수 없습니다: {detail}", "The image could not be made: {detail}"),
    "export.embed": Text("슬라이드에 넣기: 이 화면 그대로의 차트", "Into a slide: this very chart"),
    "export.embed_help": Text(
        "아래 iframe 코드를 reveal.js, Quarto, Marp 슬라이드에 붙여 넣거나 링크를 여세요. 차트만, 슬라이더와 함께 "
        "16:9 화면을 채웁니다 (이 서버가 켜져 있어야 합니다. 서버 없이 쓰려면 위의 HTML을 내려받으세요).",
        "Paste the iframe code into a reveal.js, Quarto or Marp slide, or open the link: the chart alone, with its "
        "sliders, filling a 16:9 frame (this server must be running; without a server, download the HTML above).",
    ),
    "slide.unknown": Text(
        "링크의 slide={id}에 해당하는 차트가 없어 페이지 전체를 보여 줍니다.",
        "The link's slide={id} names no chart, so the whole page is shown.",
    ),
    "chart.live.thinned": Text(
        "{label}: 슬라이더는 {stride}칸마다 하나씩 미리 계산한 값을 보여 줍니다. 다른 값은 사이드바의 설정에서 고르세요.",
        "{label}: the slider offers one value in {stride}, computed in advance; any other value is in the sidebar's "
        "controls.",
    ),
    "chart.fullscreen": Text("전체 화면 (Esc로 끝내기)", "Full screen (Esc to leave)"),
    "chart.failed": Text(
        "차트를 그리는 plotly.js를 불러오지 못했습니다. 페이지를 새로 고쳐 보세요.",
        "Could not load plotly.js, which draws the charts. Try reloading the page.",
    ),
    "export.png_hint": Text(
        "슬라이드용 PNG: 차트 오른쪽 위 카메라 아이콘을 누르세요 (고해상도).",
        "PNG for slides: click the camera icon at the chart's top right (high resolution).",
    ),
    "notice.invalid": Text(
        "URL의 `{name}` 값(`{raw}`)을 읽을 수 없어 기본값({used})을 씁니다.",
        "Could not read `{raw}` for `{name}` in the URL; using the default {used}.",
    ),
    "notice.clamped": Text(
        "URL의 `{name}` 값(`{raw}`)이 허용 범위 밖이라 가장 가까운 값({used})으로 맞췄습니다.",
        "`{name}` = `{raw}` in the URL is out of range; using {used}.",
    ),
    "notice.too_long": Text(
        "URL의 `{name}` 값이 너무 길어 기본값({used})을 씁니다.",
        "The URL value for `{name}` is too long; using the default {used}.",
    ),
    "notice.unknown_choice": Text(
        "URL의 `{name}` 값(`{raw}`)은 선택지에 없어 기본값({used})을 씁니다.",
        "`{raw}` is not a choice for `{name}` in the URL; using the default {used}.",
    ),
    "error.compute": Text(
        "이 설정으로는 계산할 수 없습니다: {detail}",
        "This setting cannot be computed: {detail}",
    ),
    "error.unexpected": Text(
        "예상하지 못한 문제가 생겼습니다. 설정을 바꾸거나 기본값으로 돌아가 보세요.",
        "Something unexpected went wrong. Change a setting or go back to the defaults.",
    ),
    "chart.log10_axis": Text(
        "값이 10^{±300}을 넘어 그대로 그릴 수 없으므로 세로축은 log₁₀ 값입니다.",
        "Beyond 10^{±300} the values cannot be drawn as they are: the vertical axis shows their log₁₀.",
    ),
    "chart.downsampled": Text(
        "화면 해상도에 맞춰 {factor}배 줄여서 그렸습니다 (평균).",
        "Aggregated {factor}× to screen resolution (mean).",
    ),
}
