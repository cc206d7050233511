"""Benchmark: slider-to-chart time of every page of app.py, against a bare one-slider page.

Run: ``python bench/bench_pages.py [--repeats 7]``. Starts ``streamlit run app.py`` and
``streamlit run bench/bare_page.py`` on free loopback ports, opens each page at its defaults in
Debian's Chromium, and times, ``repeats`` times, from pressing ArrowRight on the page's first slider
(its first radio when it has none) until the last change Streamlit makes to the page, timed by the
page's own clock (performance.now and a MutationObserver). Prints, per page: median ms, the ratio
to the bare page measured in the same run (goal: <= 1.5), and the largest chart JSON (``data`` + ``layout`` of one Plotly div) at defaults. Numbers only: nothing is
asserted (machines are shared and noisy).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser import streamlit_dom as dom  # noqa: E402
from tests.browser.app_pages import registered_pages  # noqa: E402
from tests.browser.chromium import VIEWPORT, launch  # noqa: E402
from tests.browser.server import running_app  # noqa: E402

# In-page clock: from the user's key press (or click) to the last change Streamlit makes to the page
# (chart redrawn, running indicator gone), and when a Plotly chart last changed. Measured in the page
# itself; while the clock runs the benchmark polls only these numbers and the cheap "busy" check, so
# reading the charts (a JSON dump of their data) cannot delay the redraw it times.
PROBE_JS = """() => { if (window.__rnnviz) return; window.__rnnviz = {t0: 0, last: 0, plot: 0};
    const start = () => { Object.assign(window.__rnnviz, {t0: performance.now(), last: 0, plot: 0}); };
    document.addEventListener('keydown', start, true);
    document.addEventListener('pointerdown', start, true);
    new MutationObserver(records => {
        const clock = window.__rnnviz;
        if (!clock.t0) return;
        clock.last = performance.now();
        if (records.some(r => r.target.closest && r.target.closest('.js-plotly-plot'))) clock.plot = clock.last;
    }).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true}); }"""
CLOCK_JS = "() => window.__rnnviz"
LARGEST_CHART_JS = """() => Math.max(0, ...Array.from(document.querySelectorAll('.js-plotly-plot'))
    .map(div => JSON.stringify(div.data).length + JSON.stringify(div.layout).length))"""
SETTLE_S = 0.3  # the page counts as done when nothing changed for this long
POLL_S = 0.05


def first_control(page) -> dom.Control | None:
    controls = [c for kind in ("slider", "radio") for c in dom.page_controls(page) if c.kind == kind]
    return controls[0] if controls else None


def time_control(page, control: dom.Control, repeats: int) -> list[float]:
    """Milliseconds (in-page clock) from the key press or click until the page's last update."""
    with_layout = control.kind != "slider"
    page.evaluate(PROBE_JS)
    times = []
    for _ in range(repeats):
        before = dom.charts_json(page, with_layout)
        dom.change_control(page, control)
        times.append(wait_for_redraw(page))
        dom.wait_until_idle(page)
        if dom.charts_json(page, with_layout) == before:
            raise AssertionError(f"{control.cls}: the chart did not change")
    return times


def wait_for_redraw(page, timeout: float = dom.READY_TIMEOUT) -> float:
    """Wait until a chart changed and then nothing changed for SETTLE_S; returns the elapsed ms."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(POLL_S)
        clock = page.evaluate(CLOCK_JS)
        quiet = (page.evaluate("() => performance.now()") - clock["last"]) / 1000 >= SETTLE_S
        if clock["plot"] and quiet and not page.evaluate(dom.BUSY_JS):
            return clock["last"] - clock["t0"]
    raise AssertionError(f"{page.url}: no chart redraw within {timeout:.0f} s")


def measure(browser, url: str, repeats: int, control_of) -> tuple[float | None, int, str]:
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    try:
        page = context.new_page()
        dom.open_app_page(page, url)
        largest = page.evaluate(LARGEST_CHART_JS)
        control = control_of(page)
        if control is None:
            return None, largest, "no slider or radio"
        time_control(page, control, 1)  # warm-up: the first change also loads code paths and caches
        times = time_control(page, control, repeats)
        return statistics.median(times), largest, f"{control.kind} {control.cls.removeprefix('st-key-')}"
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--pages", nargs="*", help="url paths of the pages to time (default: all)")
    args = parser.parse_args()
    rows = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        with running_app("bench/bare_page.py") as bare_url:
            bare_slider = dom.Control(cls="st-key-scale", kind="slider")  # bare_page.py's only widget
            bare_ms, bare_json, _ = measure(browser, f"{bare_url}/", args.repeats, lambda page: bare_slider)
        with running_app("app.py") as app_url:
            warm_up = browser.new_page(viewport=VIEWPORT)
            dom.open_app_page(warm_up, f"{app_url}/")  # app.py must run once before page URLs resolve
            warm_up.close()
            for entry in registered_pages():
                if args.pages and entry.url_path not in args.pages:
                    continue
                url = f"{app_url}/{entry.route}?lang=en"
                try:
                    ms, largest, control = measure(browser, url, args.repeats, first_control)
                except Exception as err:  # report and go on: a benchmark prints, it does not stop
                    ms, largest, control = None, 0, f"failed: {type(err).__name__}: {str(err)[:80]}"
                rows.append((entry.url_path, ms, largest, control))
        browser.close()

    print(f"bare page (1 slider, 20-point line): median {bare_ms:.0f} ms over {args.repeats}, "
          f"chart JSON {bare_json / 1024:.1f} KB")
    print(f"{'page':<22}{'median ms':>10}{'ratio':>8}{'largest chart JSON':>20}  control")
    for name, ms, largest, control in rows:
        timing = f"{ms:>10.0f}{ms / bare_ms:>8.2f}" if ms is not None else f"{'-':>10}{'-':>8}"
        print(f"{name:<22}{timing}{largest / 1024:>17.1f} KB  {control}")
    print(json.dumps({"bare_ms": bare_ms, "pages": {name: ms for name, ms, _, _ in rows}}))


if __name__ == "__main__":
    main()
