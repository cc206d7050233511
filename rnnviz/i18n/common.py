"""Strings of the app frame: navigation, sidebar, notices, exports."""

from rnnviz.i18n import Text

STRINGS = {
    "app.name": Text("rnnviz: RNN 기울기 흐름 시각화", "rnnviz: gradient flow in RNNs"),
    "app.tagline": Text(
        "순환 신경망에서 기울기가 어떻게 흐르고, 왜 사라지거나 폭발하는지 눈으로 봅니다.",
        "See how gradients flow through recurrent networks, and why they vanish or explode.",
    ),
    "sidebar.language": Text("언어 / Language", "Language / 언어"),
    "sidebar.theme": Text("차트 테마", "Chart theme"),
    "theme.light": Text("밝게", "Light"),
    "theme.dark": Text("어둡게", "Dark"),
    "theme.projector": Text("프로젝터 (큰 글씨, 고대비)", "Projector (large type, high contrast)"),
    "sidebar.controls": Text("설정", "Controls"),
    "sidebar.share": Text(
        "주소창의 URL이 지금 화면을 그대로 재현합니다. 복사해서 공유하세요.",
        "The URL in the address bar reproduces this exact view: copy it to share.",
    ),
    "nav.label": Text("페이지", "Pages"),
    "nav.section.start": Text("시작", "Start"),
    "nav.section.problem": Text("문제", "The problem"),
    "nav.section.causes": Text("원인", "The causes"),
    "nav.section.remedies": Text("해결책", "The remedies"),
    "nav.section.seeds": Text("교재 예제", "From the texts"),
    "nav.section.tools": Text("나의 데이터", "Your data"),
    "page.try_this": Text("이렇게 해 보세요", "Try this"),
    "page.equations": Text("수식", "Equations"),
    "export.table": Text("차트의 숫자 (표)", "The numbers behind the chart (table)"),
    "export.show_table": Text("표 보기", "Show the table"),
    "export.csv": Text("CSV 내려받기", "Download CSV"),
    "export.json": Text("JSON 내려받기", "Download JSON"),
    "export.html": Text("HTML 내려받기 (오프라인)", "Download HTML (works offline)"),
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
        "URL의 `{name}` 값 `{raw}`을(를) 읽을 수 없어 기본값 {used}을(를) 씁니다.",
        "Could not read `{raw}` for `{name}` in the URL; using the default {used}.",
    ),
    "notice.clamped": Text(
        "URL의 `{name}` 값 `{raw}`이(가) 허용 범위 밖이라 {used}(으)로 맞췄습니다.",
        "`{name}` = `{raw}` in the URL is out of range; using {used}.",
    ),
    "notice.too_long": Text(
        "URL의 `{name}` 값이 너무 길어 기본값 {used}을(를) 씁니다.",
        "The URL value for `{name}` is too long; using the default {used}.",
    ),
    "notice.unknown_choice": Text(
        "URL의 `{name}` 값 `{raw}`은(는) 선택지에 없어 기본값 {used}을(를) 씁니다.",
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
    "chart.downsampled": Text(
        "화면 해상도에 맞춰 {factor}배 줄여서 그렸습니다 (평균).",
        "Aggregated {factor}× to screen resolution (mean).",
    ),
}
