"""Benchmark: scrubbing a live slider, against a Streamlit round trip and against Plotly's own redraw.

Run: ``python bench/bench_live.py [--repeats 15]``. Starts ``streamlit run app.py`` and
``streamlit run bench/bare_page.py`` on free loopback ports and, in Debian's Chromium, for every live
slider of every page (at the page's defaults):

- **scrub**: the median time from an arrow key's press on the live slider to the next painted frame
  after the chart drew the new frame (the page's own clock: keydown, the chart's ``rnnviz-frame`` event,
  then ``requestAnimationFrame``), over ``repeats`` presses;
- **(a) bare round trip**: a bare one-slider Streamlit page, from the key press until its chart was
  redrawn (``bench_pages``' clock), timed just before the page; goal: scrub ≤ 0.5 × (a);
- **(b) floor**: ``Plotly.react`` between the same two frames of every chart that follows the slider, in
  a blank tab, until the next paint (what drawing the frame costs with nothing else around); goal:
  scrub ≤ 1.3 × (b);
- **messages**: WebSocket messages while the slider moved (goal 0; the value is sent once it rests);
- **payload**: the bytes of the page's live frames as JSON text (goal ≤ 2 MB a page at the defaults; they
  travel gzipped, by HTTP, once).

It also times, in this process, computing a page's live frames at its defaults from a cold cache,
against 3 × the bare round trip (the goal). Numbers only: nothing is asserted (machines are noisy).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench_pages import PLOTLY_JS, time_control  # noqa: E402
from rnnviz import catalogue, lessons  # noqa: E402
from rnnviz.figures.live import live_payload  # noqa: E402
from tests.browser import streamlit_dom as dom  # noqa: E402
from tests.browser.chromium import VIEWPORT, launch  # noqa: E402
from tests.browser.server import running_app  # noqa: E402

# The in-page clock of one live frame: keydown on a live slider -> the chart's frame drawn -> next paint.
SCRUB_PROBE_JS = """() => { if (window.__live) return; window.__live = {t0: 0, times: []};
    document.addEventListener('keydown', () => { window.__live.t0 = performance.now(); }, true);
    document.querySelectorAll('.rnnviz-chart').forEach(div => div.addEventListener('rnnviz-frame', () => {
        const t0 = window.__live.t0;
        if (!t0) return;
        window.__live.t0 = 0;
        requestAnimationFrame(() => window.__live.times.push(performance.now() - t0));
    })); }"""
# Every chart that draws a frame of live parameter name (the slider's own and those following it).
FRAMES_JSON_JS = """(name) => Array.from(document.querySelectorAll('.rnnviz-chart'))
    .filter(div => div.rnnvizLive && div.rnnvizLive.sliders.some(s => s.name === name))
    .map(div => [JSON.stringify({data: div.data, layout: div.layout}), div._fullLayout.width])"""
# The floor in a blank tab: Plotly.react of each chart from one frame to the next and back, until the
# next paint, median of 8 (the charts one move redraws, one after the other).
FLOOR_JS = """async (pairs) => {
    const divs = pairs.map(() => { const d = document.createElement('div'); document.body.appendChild(d); return d; });
    const figure = (json, width) => { const f = JSON.parse(json); return {data: f.data, layout: {...f.layout, width}, config: {}}; };
    for (let k = 0; k < pairs.length; k++) await Plotly.newPlot(divs[k], figure(pairs[k][0], pairs[k][2]));
    const times = [];
    for (let i = 0; i < 8; i++) {
        const t0 = performance.now();
        for (let k = 0; k < pairs.length; k++) await Plotly.react(divs[k], figure(pairs[k][i % 2 ? 0 : 1], pairs[k][2]));
        await new Promise(resolve => requestAnimationFrame(resolve));
        times.push(performance.now() - t0);
    }
    divs.forEach(d => { Plotly.purge(d); d.remove(); });
    times.sort((a, b) => a - b);
    return times[4];
}"""
PAYLOAD_JS = """() => Array.from(document.querySelectorAll('.rnnviz-chart'))
    .reduce((sum, div) => sum + (div.rnnvizLive ? JSON.stringify(div.rnnvizLive).length : 0), 0)"""
SLIDERS_JS = """() => Array.from(document.querySelectorAll('input[data-live]')).map(input => input.dataset.live)"""


def live_pages() -> list[str]:
    """The pages (url paths) with a live chart, home first."""
    found = []
    for lesson in lessons.LESSONS:
        if lesson.PAGE.name == "home" or any(spec.live for spec in getattr(lesson, "FIGURES", ())):
            found.append(lesson.PAGE.name)
    return found


def scrub(page, name: str, repeats: int) -> tuple[list[float], int, list[tuple[str, str, int]]]:
    """Key presses on live slider ``name`` (as many as the slider has room for, up to ``repeats``), one
    frame each; returns the times (ms), the socket messages sent or received meanwhile, and for each chart
    that follows the slider its last two frames (before, after, width), for the floor."""
    page.evaluate(SCRUB_PROBE_JS)
    page.evaluate("() => { window.__live.times = []; }")
    control = page.locator(f'input[data-live="{name}"]').first
    index, top = int(control.input_value()), int(control.get_attribute("max"))
    key, room = ("ArrowLeft", index) if index > top - index else ("ArrowRight", top - index)
    before_messages = page.evaluate("() => window.__socketMessages")
    before = []
    for k in range(min(repeats, room)):
        before = page.evaluate(FRAMES_JSON_JS, name)
        control.press(key)  # the locator finds the slider again if a server run made the row anew
        page.wait_for_function(f"() => window.__live.times.length >= {k + 1}", timeout=10_000)
        time.sleep(0.05)  # a hand's pace; well under the 0.5 s after which the value is sent
    messages = page.evaluate("() => window.__socketMessages") - before_messages
    after = page.evaluate(FRAMES_JSON_JS, name)
    time.sleep(1.0)  # the value is sent once the slider rests: let that run end before the next slider
    dom.wait_until_idle(page)
    return page.evaluate("() => window.__live.times"), messages, [(b[0], a[0], a[1]) for b, a in zip(before, after)]


def open_at_defaults(page, address: str) -> None:
    """Open a page at its defaults and wait until every chart holds its live frames (they come by HTTP)."""
    dom.open_app_page(page, address)
    page.wait_for_selector("input[data-live]", timeout=60_000)
    dom.wait_for_live_frames(page, timeout=60)
    time.sleep(0.5)


def bare_round_trip(page, bare_url: str, repeats: int) -> float:
    dom.open_app_page(page, bare_url)
    control = dom.page_controls(page)[0]
    return statistics.median(time_control(page, control, repeats))


def precompute_seconds(page_name: str) -> float:
    """Seconds to compute a page's live frames at its defaults, cold (in this process)."""
    lesson = next(lesson for lesson in lessons.LESSONS if lesson.PAGE.name == page_name)
    specs = [catalogue.get("book-norms")] if page_name == "home" else list(lesson.FIGURES)
    started = time.perf_counter()
    for spec in specs:
        if spec.live:
            live = ("scale",) if page_name == "home" else spec.live
            live_payload(replace(spec, live=live), spec.defaults(), lang="en", theme="light",
                         label=lambda param: param.label("en"))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--pages", nargs="*", help="url paths of the pages to time (default: every live page)")
    args = parser.parse_args()
    rows = []
    with running_app("app.py") as app_url, running_app("bench/bare_page.py") as bare_url, sync_playwright() as pw:
        browser = launch(pw)
        context = browser.new_context(viewport=VIEWPORT, locale="en-US")
        context.add_init_script(dom.SOCKET_COUNTER_JS)
        page = context.new_page()
        dom.open_app_page(page, f"{app_url}/")
        blank = browser.new_page()
        blank.set_content("<html><body></body></html>")
        blank.add_script_tag(path=str(PLOTLY_JS))
        for route in args.pages or live_pages():
            bare = bare_round_trip(page, bare_url, 7)
            address = f"{app_url}/{'' if route == 'home' else route}?lang=en"
            open_at_defaults(page, address)
            payload = page.evaluate(PAYLOAD_JS)
            cold = precompute_seconds(route)
            for number, name in enumerate(dict.fromkeys(page.evaluate(SLIDERS_JS))):
                if number:
                    open_at_defaults(page, address)  # each slider from the page's defaults, not the last release's
                times, messages, pairs = scrub(page, name, args.repeats)
                floor = blank.evaluate(FLOOR_JS, pairs)
                median = statistics.median(times)
                rows.append((route, name, median, bare, floor, messages, payload, cold))
                print(f"{route:20s} {name:10s} scrub {median:6.1f} ms | bare {bare:6.1f} ms ({median / bare:4.2f}x) | "
                      f"floor {floor:6.1f} ms ({median / floor:4.2f}x) | messages {messages} | "
                      f"payload {payload / 2**20:5.2f} MB | frames computed in {1000 * cold:6.0f} ms "
                      f"({cold * 1000 / bare:4.1f}x bare)", flush=True)
        browser.close()
    ratios_a = [m / b for _, _, m, b, *_ in rows]
    ratios_b = [m / f for _, _, m, _, f, *_ in rows]
    print(f"\nall sliders: scrub / bare round trip median {statistics.median(ratios_a):.2f}x "
          f"(max {max(ratios_a):.2f}x, goal <= 0.5); scrub / Plotly.react median {statistics.median(ratios_b):.2f}x "
          f"(max {max(ratios_b):.2f}x, goal <= 1.3); messages while scrubbing: {sum(r[5] for r in rows)}")
    print(json.dumps({"sliders": len(rows)}))


if __name__ == "__main__":
    main()
