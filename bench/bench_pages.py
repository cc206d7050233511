"""Benchmark: slider-to-chart time of every page of app.py, against a bare one-slider page.

Run: ``python bench/bench_pages.py [--repeats 7]``. Starts ``streamlit run app.py`` and
``streamlit run bench/bare_page.py`` on free loopback ports, opens each page at its defaults in
Debian's Chromium, and times, ``repeats`` times, from pressing ArrowRight on the page's first slider
(its first radio when it has none) until the last change Streamlit makes to the page, timed by the
page's own clock (performance.now and a MutationObserver). Prints, per page: median ms, the ratio
to the bare page timed again just before that page (goal: <= 1.5; the machine's speed drifts within
a run, so each ratio compares two timings taken close together), and the largest chart JSON (``data`` +
``layout`` of one Plotly div) at defaults.

It also prints a floor for each page: the time of the bare page without its chart
(``bench/slider_only_page.py``: a Streamlit round trip and nothing drawn) plus the drawing of the
page's changed charts (one ``Plotly.react`` each, as the app's chart element does, timed on its own
in a blank tab of the same Chromium). A page cannot be faster than its floor, even with no server
work and no other page overhead; a floor ratio above 1.5 means the goal is out of reach for that
page's charts.

And it prints, for each page, the time of the **same charts on a bare page**
(``bench/same_charts_page.py``): one slider that switches the charts one move of the page changed
between their two figures, drawn with the app's chart element, with no menu, texts or computing. That
is about the least a Streamlit page can take to show those charts; the difference to the page is what the
page's own texts, menu, controls and computing cost. Numbers only: nothing is asserted (machines
are shared and noisy).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import plotly  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser import streamlit_dom as dom  # noqa: E402
from tests.browser.app_pages import registered_pages  # noqa: E402
from tests.browser.chromium import VIEWPORT, launch  # noqa: E402
from tests.browser.server import running_app  # noqa: E402

# In-page clock: from the user's key press (or click) to the last change Streamlit makes to the page
# (chart redrawn, running indicator gone; not a live chart's sliders, which follow later), and when a
# Plotly chart last changed. Measured in the page
# itself; while the clock runs the benchmark polls only these numbers and the cheap "busy" check, so
# reading the charts (a JSON dump of their data) cannot delay the redraw it times.
PROBE_JS = """() => { if (window.__rnnviz) return; window.__rnnviz = {t0: 0, last: 0, plot: 0};
    const start = () => { Object.assign(window.__rnnviz, {t0: performance.now(), last: 0, plot: 0}); };
    document.addEventListener('keydown', start, true);
    document.addEventListener('pointerdown', start, true);
    new MutationObserver(records => {
        const clock = window.__rnnviz;
        if (!clock.t0) return;
        // A live chart's sliders arrive by themselves once its frames are computed (rnnviz/ui/frames.py):
        // the page and its charts are done before that, so that change does not count.
        if (records.every(r => r.target.closest && r.target.closest('.rnnviz-live-row'))) return;
        clock.last = performance.now();
        if (records.some(r => r.target.closest && r.target.closest('.js-plotly-plot'))) clock.plot = clock.last;
    }).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true}); }"""
CLOCK_JS = "() => window.__rnnviz"
LARGEST_CHART_JS = """() => Math.max(0, ...Array.from(document.querySelectorAll('.js-plotly-plot'))
    .map(div => JSON.stringify(div.data).length + JSON.stringify(div.layout).length))"""
# Every chart of the page as a Plotly figure JSON string (the app's chart element keeps the one it
# drew; Streamlit's own Plotly element is read back from the div), with its width in pixels.
FIGURES_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(div => [
    div.rnnvizFigure || JSON.stringify({data: div.data, layout: div.layout}), div._fullLayout.width])"""
# In a blank tab with plotly.js: the median time of Plotly.react from one figure to the other and
# back, as the app's chart element draws them (an animation's frames are added after the redraw).
DRAW_JS = """async ([before, after, width]) => {
    const div = document.createElement('div'); document.body.appendChild(div);
    const figure = (json) => { const f = JSON.parse(json);
        return {data: f.data, layout: {...f.layout, width: width}, config: {}}; };
    await Plotly.newPlot(div, figure(before));
    const times = [];
    for (let i = 0; i < 8; i++) {
        const next = figure(i % 2 ? before : after);
        const t0 = performance.now();
        await Plotly.react(div, next);
        times.push(performance.now() - t0);
    }
    Plotly.purge(div); div.remove();
    times.sort((a, b) => a - b);
    return times[4];
}"""
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
SETTLE_S = 0.3  # the page counts as done when nothing changed for this long
POLL_S = 0.05


def first_control(page) -> dom.Control | None:
    controls = [c for kind in ("slider", "radio") for c in dom.page_controls(page) if c.kind == kind]
    return controls[0] if controls else None


def time_control(page, control: dom.Control, repeats: int, charts: bool = True) -> list[float]:
    """Milliseconds (in-page clock) from the key press or click until the page's last update (a page
    with ``charts`` must have redrawn one)."""
    with_layout = control.kind != "slider"
    page.evaluate(PROBE_JS)
    times = []
    for _ in range(repeats):
        before = dom.charts_json(page, with_layout)
        dom.change_control(page, control)
        times.append(wait_for_redraw(page, charts))
        dom.wait_until_idle(page)
        if charts and dom.charts_json(page, with_layout) == before:
            raise AssertionError(f"{control.cls}: the chart did not change")
    return times


def wait_for_redraw(page, charts: bool = True, timeout: float = dom.READY_TIMEOUT) -> float:
    """Wait until a chart changed (if ``charts``) and then nothing changed for SETTLE_S; returns the
    elapsed ms."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(POLL_S)
        clock = page.evaluate(CLOCK_JS)
        quiet = (page.evaluate("() => performance.now()") - clock["last"]) / 1000 >= SETTLE_S
        if clock["last"] and (clock["plot"] or not charts) and quiet and not page.evaluate(dom.BUSY_JS):
            return clock["last"] - clock["t0"]
    raise AssertionError(f"{page.url}: no redraw within {timeout:.0f} s")


@dataclass
class Measurement:
    ms: float | None  # median slider-to-chart time
    largest: int  # largest chart JSON at defaults, bytes
    control: str  # what was moved
    changed: list[tuple[str, str, float]]  # (before, after, width) of each chart one move changed


def measure(browser, url: str, repeats: int, control_of, charts: bool = True, viewport=VIEWPORT) -> Measurement:
    context = browser.new_context(viewport=viewport, locale="en-US")
    try:
        page = context.new_page()
        dom.open_app_page(page, url)
        largest = page.evaluate(LARGEST_CHART_JS)
        control = control_of(page)
        if control is None:
            return Measurement(None, largest, "no slider or radio", [])
        time_control(page, control, 1, charts)  # warm-up: the first change also loads code paths and caches
        times = time_control(page, control, repeats, charts)
        if not charts:
            return Measurement(statistics.median(times), largest, control.cls, [])
        before = page.evaluate(FIGURES_JS)
        dom.change_control(page, control)
        wait_for_redraw(page, charts)
        dom.wait_until_idle(page)
        after = page.evaluate(FIGURES_JS)
        changed = [(old, new, width) for (old, _), (new, width) in zip(before, after) if old != new]
        return Measurement(statistics.median(times), largest, f"{control.kind} {control.cls.removeprefix('st-key-')}",
                           changed)
    finally:
        context.close()


def draw_ms(browser, changed: list[tuple[str, str, float]]) -> float:
    """Milliseconds Plotly needs, alone in a blank tab, to redraw these charts (sum over charts)."""
    page = browser.new_page(viewport=VIEWPORT)
    try:
        page.add_script_tag(path=str(PLOTLY_JS))
        return sum(page.evaluate(DRAW_JS, [before, after, width]) for before, after, width in changed)
    finally:
        page.close()


def same_charts_ms(browser, same_url: str, path: Path, changed: list[tuple[str, str, float]], repeats: int,
                   slider: dom.Control) -> float | None:
    """Median ms of bench/same_charts_page.py drawing the charts one move of a page changed (None when
    the move changed none)."""
    if not changed:
        return None
    path.write_text(json.dumps(changed), encoding="utf-8")
    return measure(browser, f"{same_url}/?figures={path}", repeats, lambda page: slider).ms


@dataclass
class Row:
    name: str
    result: Measurement
    bare_ms: float  # the bare page, timed just before this page
    draw: float  # draw_ms of the changed charts
    same: float | None  # same_charts_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--pages", nargs="*", help="url paths of the pages to time (default: all)")
    parser.add_argument("--height", type=int, default=VIEWPORT["height"],
                        help="window height in pixels; a tall one (e.g. 3000) puts every chart of a page in view, "
                             "so that a move redraws all the charts it changed (charts out of view wait)")
    args = parser.parse_args()
    viewport = {**VIEWPORT, "height": args.height}
    rows: list[Row] = []
    bare_slider = dom.Control(cls="st-key-scale", kind="slider")  # the only widget of the bare pages
    with sync_playwright() as playwright, running_app("bench/bare_page.py") as bare_url, \
            running_app("app.py") as app_url, running_app("bench/same_charts_page.py") as same_url, \
            tempfile.TemporaryDirectory() as figures_dir:
        browser = launch(playwright)

        def time_bare() -> Measurement:
            return measure(browser, f"{bare_url}/", args.repeats, lambda page: bare_slider)

        with running_app("bench/slider_only_page.py") as slider_only_url:
            round_trip = measure(browser, f"{slider_only_url}/", args.repeats, lambda page: bare_slider, charts=False).ms
        warm_up = browser.new_page(viewport=VIEWPORT)
        dom.open_app_page(warm_up, f"{app_url}/")  # app.py must run once before page URLs resolve
        warm_up.close()
        bare = time_bare()
        for entry in registered_pages():
            if args.pages and entry.url_path not in args.pages:
                continue
            # The yardstick is timed again next to each page: on a shared machine the speed drifts
            # within a run, and a ratio should compare two timings taken under the same load.
            bare_ms = time_bare().ms
            try:
                result = measure(browser, f"{app_url}/{entry.route}?lang=en", args.repeats, first_control,
                                 viewport=viewport)
                draw = draw_ms(browser, result.changed)
                same = same_charts_ms(browser, same_url, Path(figures_dir) / f"{entry.url_path}.json",
                                      result.changed, args.repeats, bare_slider)
            except Exception as err:  # report and go on: a benchmark prints, it does not stop
                failure = f"failed: {type(err).__name__}: {str(err)[:80]}"
                result, draw, same = Measurement(None, 0, failure, []), 0.0, None
            rows.append(Row(entry.url_path, result, bare_ms, draw, same))
        browser.close()

    bare_times = [bare.ms] + [row.bare_ms for row in rows]
    print(f"window {viewport['width']} x {viewport['height']} px for the app's pages")
    print(f"bare page (1 slider, 20-point line): median {statistics.median(bare_times):.0f} ms "
          f"(from {min(bare_times):.0f} to {max(bare_times):.0f} ms over {len(bare_times)} timings of "
          f"{args.repeats} moves), chart JSON {bare.largest / 1024:.1f} KB; without its chart {round_trip:.0f} ms")
    print("ratios are to the bare page timed just before each page (column 'bare ms')")
    print(f"{'page':<22}{'median ms':>10}{'bare ms':>9}{'ratio':>8}{'draw ms':>9}{'floor':>7}{'same charts':>13}"
          f"{'largest chart JSON':>20}  control")
    for row in rows:
        ms, reference = row.result.ms, row.bare_ms
        floor = (round_trip + row.draw) / reference
        timing = f"{ms:>10.0f}{reference:>9.0f}{ms / reference:>8.2f}" if ms is not None else f"{'-':>10}{'-':>9}{'-':>8}"
        drawing = f"{row.draw:>9.0f}{floor:>7.2f}" if ms is not None else f"{'-':>9}{'-':>7}"
        alone = f"{row.same:>6.0f} ({row.same / reference:.2f})" if row.same is not None else f"{'-':>13}"
        print(f"{row.name:<22}{timing}{drawing}{alone:>13}{row.result.largest / 1024:>17.1f} KB  {row.result.control}")
    print(json.dumps({"bare_ms": statistics.median(bare_times), "slider_only_ms": round_trip,
                      "pages": {row.name: {"ms": row.result.ms, "bare_ms": row.bare_ms, "draw_ms": row.draw,
                                           "same_charts_ms": row.same} for row in rows}}))


if __name__ == "__main__":
    main()
