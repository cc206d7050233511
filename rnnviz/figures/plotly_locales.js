// Plotly's own interface texts (the toolbar's button titles, its messages and hints) in Korean.
// plotly.js ships only English; a chart speaks Korean with config.locale = "ko" once this module is
// registered (rnnvizRegisterLocales, called when plotly.js has loaded). Shared by the app's chart
// element (ui/chart.js) and the offline HTML exports, which inline this file.

const RNNVIZ_PLOTLY_KO = {
  moduleType: "locale",
  name: "ko",
  dictionary: {
    Autoscale: "자동 범위",
    "Box Select": "상자로 선택",
    "Compare data on hover": "마우스 위치의 값을 모두 보기",
    "Double-click on legend to isolate one trace": "범례를 두 번 누르면 그 계열만 보입니다",
    "Double-click to zoom back out": "두 번 누르면 처음 범위로 돌아갑니다",
    "Download plot": "차트 저장",
    "Download plot as a PNG": "PNG로 차트 저장",
    "Download plot as JSON": "JSON으로 차트 저장",
    "Draw circle": "원 그리기",
    "Draw closed freeform": "닫힌 곡선 그리기",
    "Draw line": "선 그리기",
    "Draw open freeform": "곡선 그리기",
    "Draw rectangle": "사각형 그리기",
    "Erase active shape": "선택한 도형 지우기",
    "Image download succeeded": "그림을 저장했습니다",
    "JSON download succeeded": "JSON을 저장했습니다",
    "Lasso Select": "올가미로 선택",
    "Orbital rotation": "궤도 회전",
    Pan: "이동",
    "Preparing image - this may take a few seconds": "그림을 만드는 중입니다. 몇 초 걸릴 수 있습니다",
    "Produced with Plotly.js": "Plotly.js로 그림",
    Reset: "처음으로",
    "Reset axes": "축 처음으로",
    "Reset camera to default": "카메라 처음으로",
    "Reset camera to last save": "카메라를 저장한 위치로",
    "Reset view": "보기 처음으로",
    "Reset views": "보기 처음으로",
    "Show closest data on hover": "마우스에 가장 가까운 값 보기",
    "Sorry, there was a problem downloading your JSON file!": "JSON을 저장하지 못했습니다.",
    "Sorry, there was a problem downloading your image!": "그림을 저장하지 못했습니다.",
    "Toggle Spike Lines": "보조선 켜기/끄기",
    "Toggle show closest data on hover": "가장 가까운 값 보기 켜기/끄기",
    "Turntable rotation": "턴테이블 회전",
    Zoom: "영역 확대",
    "Zoom in": "확대",
    "Zoom out": "축소",
  },
};

// Register the app's locales with plotly.js (once per Plotly object); returns Plotly.
function rnnvizRegisterLocales(Plotly) {
  if (Plotly && !Plotly.rnnvizLocales) {
    Plotly.register(RNNVIZ_PLOTLY_KO);
    Plotly.rnnvizLocales = true;
  }
  return Plotly;
}
