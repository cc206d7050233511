"""The unrolled graph's backward-pass animation, played in real Chromium.

All frames are in the figure Streamlit sent: pressing Play must step through every one of them, in
order, from the loss back to t = 1, without a single message to or from the server; Pause must stop
it where it is. (Frame timing is printed for the record, never asserted: the machines are noisy.)
"""

from __future__ import annotations

import time

from tests.browser import streamlit_dom as dom

# The animated chart (the one with play/pause buttons): its frame names, and a log of the frames
# Plotly shows, with the time each was shown.
ANIMATED_CHART = """Array.from(document.querySelectorAll('.js-plotly-plot'))
        .find(div => (div.layout.updatemenus || []).length > 0)"""
WATCH_FRAMES_JS = """() => {
    const chart = %s;
    window.__shownFrames = [];
    chart.on('plotly_animatingframe', event => window.__shownFrames.push([event.name, performance.now()]));
    return chart._transitionData._frames.map(frame => frame.name);
}""" % ANIMATED_CHART
LIT_NODES_JS = """() => {
    const chart = %s;
    return chart.data[chart.data.length - 1].x.length;
}""" % ANIMATED_CHART
FRAME_MS = 600  # rnnviz.figures.unrolled_graph.FRAME_MS


def open_graph(page, app_url: str, query: str) -> list[str]:
    page.context.add_init_script(dom.SOCKET_COUNTER_JS)
    dom.open_app_page(page, f"{app_url}/unrolled_graph?{query}")
    return page.evaluate(WATCH_FRAMES_JS)


def press(page, label: str) -> None:
    page.locator(".updatemenu-button").filter(has_text=label).first.click()


def wait_for_frames(page, count: int, timeout: float) -> list[list]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = page.evaluate("() => window.__shownFrames")
        if len(shown) >= count:
            return shown
        time.sleep(0.05)
    return page.evaluate("() => window.__shownFrames")


def test_play_steps_through_every_frame_in_the_browser_without_the_server(page, app_url):
    frames = open_graph(page, app_url, "lang=en&T=6")
    assert frames == [str(k) for k in range(len(frames))] and len(frames) >= 7  # loss, then t = 6 .. 1
    lit_at_rest = page.evaluate(LIT_NODES_JS)
    messages_before = page.evaluate("() => window.__socketMessages")

    press(page, "Play")
    shown = wait_for_frames(page, len(frames), timeout=len(frames) * FRAME_MS / 1000 * 4 + 10)
    time.sleep(2 * FRAME_MS / 1000)  # anything still to come would arrive now

    shown = page.evaluate("() => window.__shownFrames")
    assert [name for name, _ in shown] == frames, shown
    assert page.evaluate("() => window.__socketMessages") == messages_before  # no server round trip
    assert page.evaluate(LIT_NODES_JS) == lit_at_rest  # the last frame is the fully lit graph again
    assert not page.js_errors, page.js_errors
    gaps = [round(b[1] - a[1]) for a, b in zip(shown, shown[1:])]
    print(f"frame gaps (ms, nominal {FRAME_MS}): {gaps}")


def test_pause_stops_the_animation_where_it_is(page, app_url):
    frames = open_graph(page, app_url, "lang=ko&T=8")
    press(page, "재생")
    wait_for_frames(page, 2, timeout=30)
    press(page, "정지")
    stopped_at = len(page.evaluate("() => window.__shownFrames"))
    time.sleep(3 * FRAME_MS / 1000)

    shown = page.evaluate("() => window.__shownFrames")
    assert len(shown) <= stopped_at + 1, shown  # at most the frame already on its way
    assert len(shown) < len(frames), shown
    # Plotly rejects the interrupted animation's promise with no reason and nobody catches it, so
    # Chromium reports one "undefined" page error (console only; the user sees nothing). Anything
    # else is a real error.
    assert all(error == "undefined" for error in page.js_errors), page.js_errors
