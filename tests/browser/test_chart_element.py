"""The app's chart element in real Chromium: plotly.js served as a script, figures redrawn in place,
the width followed, full screen, and a clear message when plotly.js cannot be loaded."""

from __future__ import annotations

import plotly.offline

from tests.browser import streamlit_dom as dom

PAGE = "cell_comparison"
PLOTLY_JS = "component/rnnviz.ui.chart.plotlyjs/plotly.min.js"
CHART_DIVS = "document.querySelectorAll('.rnnviz-chart.js-plotly-plot')"


def test_plotly_js_is_served_as_a_script_from_the_plotly_package(page, app_url):
    dom.open_app_page(page, f"{app_url}/{PAGE}?lang=en")
    status, content_type = page.evaluate(
        "(url) => fetch(url).then(r => [r.status, r.headers.get('content-type')])", PLOTLY_JS
    )
    assert status == 200 and "javascript" in content_type
    assert page.evaluate("() => window.Plotly.version") == plotly.offline.get_plotlyjs_version()


def test_a_slider_move_redraws_the_same_chart_div(page, app_url):
    dom.open_app_page(page, f"{app_url}/{PAGE}?lang=en")
    assert page.evaluate(f"() => {CHART_DIVS}.length") == 2
    page.evaluate(f"() => {CHART_DIVS}.forEach((div, i) => {{ div.rnnvizMark = i + 1; }})")
    before = dom.charts_json(page)
    dom.change_control(page, next(c for c in dom.page_controls(page) if c.cls == "st-key-cell_comparison-scale"))
    dom.wait_for_change(page, before, with_layout=False)
    dom.draw_charts_out_of_view(page)
    # Both charts changed, and they are still the divs marked before the move: drawn in place.
    assert page.evaluate(f"() => Array.from({CHART_DIVS}).map(div => div.rnnvizMark)") == [1, 2]
    assert page.evaluate("() => document.querySelectorAll('.js-plotly-plot').length") == 2
    assert not dom.problems(page) and not page.js_errors, (dom.problems(page), page.js_errors)
    # Each chart is laid out and painted on its own (rnnviz/chart.css).
    contain = "() => Array.from(" + CHART_DIVS + ").map(d => getComputedStyle(d.querySelector('.svg-container')).contain)"
    assert page.evaluate(contain) == ["strict", "strict"]


# Per chart: the JSON of the data Plotly holds, and whether it shows the newest figure sent.
DRAWN_JS = "() => Array.from(" + CHART_DIVS + ").map(d => [JSON.stringify(d.data), d.rnnvizDrawn === d.rnnvizFigure])"
SHOWS_NEWEST_JS = "(i) => { const d = " + CHART_DIVS + "[i]; return d.rnnvizDrawn === d.rnnvizFigure; }"


def test_a_chart_out_of_view_is_redrawn_when_scrolled_to_or_printed(page, app_url):
    dom.open_app_page(page, f"{app_url}/{PAGE}?lang=en")  # the second chart starts below the fold
    scale = next(c for c in dom.page_controls(page) if c.cls == "st-key-cell_comparison-scale")
    (top_before, _), (below_before, _) = page.evaluate(DRAWN_JS)
    dom.change_control(page, scale)
    dom.wait_for_change(page, dom.charts_json(page), with_layout=False)
    (top, top_newest), (below, below_newest) = page.evaluate(DRAWN_JS)
    assert top != top_before and top_newest
    assert below == below_before and not below_newest  # it holds the new figure but has not drawn it

    page.locator(".rnnviz-chart").nth(1).scroll_into_view_if_needed()
    page.wait_for_function(SHOWS_NEWEST_JS, arg=1, timeout=dom.READY_TIMEOUT * 1000)
    assert page.evaluate(DRAWN_JS)[1][0] != below_before
    drawn = dom.charts_json(page)
    dom.open_app_page(page, page.url)  # a new session at this URL draws the same figures at once
    assert dom.charts_json(page) == drawn

    # Before the page is printed, every chart draws its newest figure, also one out of view.
    dom.change_control(page, scale)
    dom.wait_for_change(page, drawn, with_layout=False)
    assert not page.evaluate(SHOWS_NEWEST_JS, 1)
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_function(SHOWS_NEWEST_JS, arg=1, timeout=dom.READY_TIMEOUT * 1000)
    assert not dom.problems(page) and not page.js_errors, (dom.problems(page), page.js_errors)


def test_the_chart_follows_its_column_width(page, app_url):
    dom.open_app_page(page, f"{app_url}/{PAGE}?lang=en")
    widths = "() => Array.from(" + CHART_DIVS + ").map(d => [d._fullLayout.width, d.parentElement.clientWidth])"
    wide = page.evaluate(widths)
    assert all(chart == column for chart, column in wide), wide
    page.set_viewport_size({"width": 900, "height": 900})
    page.wait_for_function(
        "(wide) => Array.from(" + CHART_DIVS + ").every(d => d._fullLayout.width === d.parentElement.clientWidth"
        " && d._fullLayout.width < wide)", arg=wide[0][0], timeout=dom.READY_TIMEOUT * 1000,
    )


def test_full_screen_button_in_korean_fills_the_screen_and_esc_leaves(page, app_url):
    dom.open_app_page(page, f"{app_url}/{PAGE}?lang=ko")
    first = page.locator(".rnnviz-chart").first
    height = first.evaluate("div => div._fullLayout.height")
    first.hover()
    first.locator('.modebar-btn[data-title="전체 화면 (Esc로 끝내기)"]').click()
    page.wait_for_function(
        "() => document.fullscreenElement && document.fullscreenElement._fullLayout.height === window.innerHeight",
        timeout=dom.READY_TIMEOUT * 1000,
    )
    page.evaluate("() => document.exitFullscreen()")
    page.wait_for_function(
        "(h) => !document.fullscreenElement && document.querySelector('.rnnviz-chart')._fullLayout.height === h",
        arg=height, timeout=dom.READY_TIMEOUT * 1000,
    )
    assert not page.js_errors, page.js_errors


def test_without_plotly_js_the_chart_says_so_in_the_users_language(page, app_url):
    page.route("**/plotly.min.js", lambda route: route.abort())
    page.goto(f"{app_url}/{PAGE}?lang=ko")
    page.wait_for_function(
        "() => document.querySelectorAll('.rnnviz-chart').length === 2 && Array.from("
        "document.querySelectorAll('.rnnviz-chart')).every(d => d.textContent.includes('plotly.js를 불러오지 못했습니다'))",
        timeout=dom.READY_TIMEOUT * 1000,
    )
    # The rest of the page works: its sliders are drawn (their code may still be loading just now).
    page.locator("[data-testid=stSlider]").first.wait_for(timeout=dom.READY_TIMEOUT * 1000)
    assert not dom.problems(page)


# The animated chart's frames: as the server sent them (names, data) and as Plotly holds them (a live
# chart's figure is the base of its live payload).
FRAMES_JS = """() => { const figure = d => { const sent = JSON.parse(d.rnnvizFigure); return sent.base || sent; };
    const div = Array.from(document.querySelectorAll('.rnnviz-chart')).find(d => figure(d).frames);
    const sent = figure(div).frames, held = div._transitionData._frames;
    return {sent: sent.map(f => f.name), held: held.map(f => f.name),
            sentData: JSON.stringify(sent.map(f => f.data)), heldData: JSON.stringify(held.map(f => f.data))}; }"""


def test_after_a_move_the_animation_holds_the_new_figures_frames(page, app_url):
    dom.open_app_page(page, f"{app_url}/unrolled_graph?lang=en")
    first = page.evaluate(FRAMES_JS)
    assert first["held"] == first["sent"] and first["heldData"] == first["sentData"]
    before = dom.charts_json(page)
    dom.change_control(page, next(c for c in dom.page_controls(page) if c.cls == "st-key-unrolled_graph-scale"))
    dom.wait_for_change(page, before, with_layout=False)
    page.wait_for_function(f"() => {{ const f = ({FRAMES_JS})(); return f.heldData === f.sentData; }}",
                           timeout=dom.READY_TIMEOUT * 1000)
    now = page.evaluate(FRAMES_JS)
    assert now["held"] == now["sent"] == first["sent"] and len(now["sent"]) >= 7
    assert now["sentData"] != first["sentData"]  # the new gradients replaced the old frames
