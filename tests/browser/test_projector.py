"""Legible on a projector: every page's charts in the projector theme, at a 1280×720 projector's size (and a few
at 1920×1080), in both languages, as Chromium draws them. The rendered SVG's boxes are compared: no legend on an
axis title, a tick label or a note, no two tick labels of one axis on each other, no title wider than its chart,
no note on an axis title."""

from __future__ import annotations

import pytest

from tests.browser import streamlit_dom as dom
from tests.browser.app_pages import registered_pages
from tests.browser.test_pages import PAGES_WITHOUT_CHARTS_AT_DEFAULTS, assert_healthy, ids, url

PAGES = [entry for entry in registered_pages() if entry.url_path not in PAGES_WITHOUT_CHARTS_AT_DEFAULTS]
LARGE_SCREEN_PAGES = ("vanishing_exploding", "scale_sweep", "remedies", "inside_cells")
TOLERANCE = 1.0  # px: boxes that merely touch do not overlap

# Every chart's boxes, by kind, in page pixels: legend, titles (the chart's and each axis's), notes (the
# annotations below the plot), and each axis's tick labels.
_BOXES_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map((plot, index) => {
    const box = (element) => { const r = element.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: (element.textContent || '').slice(0, 60)}; };
    // A text's own box, turned as it is drawn (tick labels at an angle): its four corners on the page.
    const corners = (element) => { const b = element.getBBox(), m = element.getScreenCTM();
        return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
            .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]); };
    const label = (element) => ({...box(element), corners: corners(element)});
    const shown = (element) => { const r = element.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (element.textContent || '').trim() !== '' && getComputedStyle(element).display !== 'none'; };
    const svg = plot.querySelector('.main-svg');
    const legend = plot.querySelector('.infolayer .legend .bg') || plot.querySelector('.infolayer .legend');
    const titles = Array.from(plot.querySelectorAll('.infolayer > g[class^="g-"][class$="title"] text')).filter(shown);
    const ticks = {};
    for (const layer of plot.querySelectorAll('.cartesianlayer .subplot')) {
        for (const letter of ['x', 'y']) {
            const labels = Array.from(layer.querySelectorAll(`.${letter}axislayer-above .${letter}tick text`)).filter(shown);
            if (labels.length) ticks[`${layer.getAttribute('class')} ${letter}`] = labels.map(label);
        }
    }
    const annotations = Array.from(plot.querySelectorAll('.infolayer .annotation')).filter(shown);
    const plotBottom = Math.max(...Array.from(plot.querySelectorAll('.draglayer .nsewdrag'))
        .map((r) => r.getBoundingClientRect().bottom), 0);
    const notes = annotations.filter((a) => a.getBoundingClientRect().top >= plotBottom - 1);
    return {
        index: index, title: (plot.layout && plot.layout.title && plot.layout.title.text) || '',
        svg: box(svg),
        legend: legend && shown(plot.querySelector('.infolayer .legend')) ? box(legend) : null,
        titles: titles.map((t) => ({...box(t), kind: t.getAttribute('class')})),
        notes: notes.map(box), annotations: annotations.map(box), ticks: ticks,
    };
})"""


def overlap(a: dict, b: dict) -> bool:
    return (min(a["right"], b["right"]) - max(a["left"], b["left"]) > TOLERANCE
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > TOLERANCE)


def polygons_overlap(a: list, b: list) -> bool:
    """Whether two convex polygons (lists of corners) overlap by more than the tolerance: no axis among
    their edges' normals separates them (the separating axis theorem)."""
    for polygon in (a, b):
        for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1]):
            nx, ny = y0 - y1, x1 - x0
            length = (nx * nx + ny * ny) ** 0.5 or 1.0
            project_a = [(x * nx + y * ny) / length for x, y in a]
            project_b = [(x * nx + y * ny) / length for x, y in b]
            if min(max(project_a), max(project_b)) - max(min(project_a), min(project_b)) <= TOLERANCE:
                return False
    return True


def labels_collide(a: dict, b: dict) -> bool:
    if "corners" in a and "corners" in b:
        return polygons_overlap(a["corners"], b["corners"])
    return overlap(a, b)


def problems_of(chart: dict) -> list[str]:
    """What overlaps what in one chart (empty when it is legible)."""
    found = []
    name = f"chart {chart['index']} {chart['title'][:50]!r}"
    axis_titles = [t for t in chart["titles"] if t["kind"] != "gtitle"]
    all_ticks = [label for labels in chart["ticks"].values() for label in labels]
    legend = chart["legend"]
    if legend is not None:
        for other in axis_titles + all_ticks + chart.get("annotations", chart["notes"]):
            if overlap(legend, other):
                found.append(f"{name}: the legend covers {other['text']!r}")
    for note in chart["notes"]:
        for other in axis_titles:
            if overlap(note, other):
                found.append(f"{name}: the note {note['text']!r} covers {other['text']!r}")
    for axis, labels in chart["ticks"].items():
        for i, a in enumerate(labels):
            for b in labels[i + 1:]:
                if labels_collide(a, b):
                    found.append(f"{name}: tick labels {a['text']!r} and {b['text']!r} of {axis} collide")
    for title in [t for t in chart["titles"] if t["kind"] == "gtitle"]:
        for other in chart.get("annotations", []):
            if overlap(title, other):
                found.append(f"{name}: the title {title['text']!r} covers {other['text']!r}")
    svg = chart["svg"]
    for title in chart["titles"]:
        if title["right"] > svg["right"] + TOLERANCE or title["left"] < svg["left"] - TOLERANCE:
            found.append(f"{name}: the title {title['text']!r} is wider than its chart")
    return found


def chart_problems(page) -> list[str]:
    dom.draw_charts_out_of_view(page)
    found = []
    for chart in page.evaluate(_BOXES_JS):
        found += problems_of(chart)
    return found


def open_projector_page(browser, app_url, entry, lang: str, size: tuple[int, int]):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="en-US")
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda error: page.js_errors.append(str(error)))
    dom.open_app_page(page, url(app_url, entry.route, lang=lang, theme="projector"))
    assert_healthy(page)
    return context, page


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("entry", PAGES, ids=ids)
def test_projector_charts_keep_legends_titles_and_ticks_apart_at_1280x720(browser, app_url, entry, lang):
    context, page = open_projector_page(browser, app_url, entry, lang, (1280, 720))
    try:
        assert chart_problems(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("entry", [e for e in PAGES if e.url_path in LARGE_SCREEN_PAGES], ids=ids)
def test_projector_charts_keep_legends_titles_and_ticks_apart_at_1920x1080(browser, app_url, entry):
    context, page = open_projector_page(browser, app_url, entry, "ko", (1920, 1080))
    try:
        assert chart_problems(page) == []
    finally:
        context.close()


def test_the_overlap_check_finds_a_legend_on_an_axis_title():
    title = {"left": 100, "right": 300, "top": 400, "bottom": 420, "text": "t", "kind": "xtitle"}
    chart = {"index": 0, "title": "", "svg": {"left": 0, "right": 600, "top": 0, "bottom": 500},
             "legend": {"left": 50, "right": 500, "top": 410, "bottom": 460, "text": ""},
             "titles": [title], "notes": [], "ticks": {"xy x": [
                 {"left": 0, "right": 30, "top": 380, "bottom": 395, "text": "10"},
                 {"left": 25, "right": 60, "top": 380, "bottom": 395, "text": "20"}]}}
    found = problems_of(chart)
    assert any("legend covers 't'" in problem for problem in found), found
    assert any("'10' and '20'" in problem for problem in found), found
    chart["legend"]["top"], chart["ticks"]["xy x"][1]["left"] = 425, 31
    assert problems_of(chart) == []


def test_turned_tick_labels_collide_only_when_their_own_boxes_do():
    def turned(x: float) -> list:  # a 40 x 10 label turned by 45 degrees, its left end at (x, 0)
        return [[x, 0], [x + 28.3, -28.3], [x + 35.4, -21.2], [x + 7.1, 7.1]]
    assert not polygons_overlap(turned(0), turned(16))  # their upright boxes would overlap
    assert polygons_overlap(turned(0), turned(4))
