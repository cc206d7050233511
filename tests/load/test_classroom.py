"""A classroom on one server: 40 browser-less sessions open the app at once and work for 20 seconds.

The shortened form of ``bench/load_test.py`` (which also times slider moves in Chromium). Asserts: no
error, no run that never finished, no session without a finished run, every page of the app opened,
and the server's memory after the load within what its bounded caches may hold. Timings are printed
(``pytest -s``), never asserted.
"""

from __future__ import annotations

import asyncio
import time

from deploy.run_local import app_processes
from rnnviz import weights
from tests.browser.app_pages import registered_pages
from tests.load.classroom import classroom, layer_npz, visit_every_page
from tests.load.resources import MB, PeakRss, rss_bytes

SESSIONS = 40
DURATION_S = 20.0
SETTLE_S = 3.0  # after the last session closed, before the memory "after" is read

# The most a cache entry of the app holds, in MB, by cached function (measured at the sliders' ends of
# every figure: figure data at most 0.56 MB; figure JSON at most 1 MB of text (tested elsewhere), which
# Python may keep at 2 bytes a character; an unrolled LSTM trace at T = 1000, H = 256 is 21.6 MB).
# A cache not listed here counts DEFAULT_ENTRY_MB an entry.
ENTRY_MB = {"_cached_compute": 1.0, "_figure_json": 2.0, "_unroll": 22.0, "_subplot_layout": 0.1,
            "_named_colorscale": 0.01, "_critical_scale": 0.001, "plotly_js_url": 0.001}
DEFAULT_ENTRY_MB = 2.0
SESSION_MB = 2.0  # a session's state, kept until 120 s after it closed (server.disconnectedSessionTTL)


def app_page_routes() -> set[str]:
    """The URL path of every page of the app (today: app.py's PAGES, read by tests/browser/app_pages.py)."""
    return {page.route for page in registered_pages()}


def memory_budget_mb(sessions: int, uploaded_bytes: int) -> float:
    """What the server may hold after the load beyond its memory at rest: every cache full at its bound
    (tests/load/test_cache_bounds.py checks each has one), the uploaded weights as float64 (they are
    float32 files), and the sessions' state."""
    from tests.load.test_cache_bounds import app_caches

    caches = sum((cache.bound or 1) * ENTRY_MB.get(cache.where.split()[-1], DEFAULT_ENTRY_MB) for cache in app_caches())
    store = min(weights.MAX_STORED_BYTES, 2 * uploaded_bytes) / MB
    return caches + store + sessions * SESSION_MB


def test_forty_sessions_at_once_finish_every_run_without_an_error():
    with app_processes(1, base_path="") as apps:
        url, pid = apps[0].url, apps[0].pid
        warm = asyncio.run(visit_every_page(url))
        assert not warm.problems, warm.problems
        at_rest = rss_bytes(pid)
        with PeakRss([pid]) as sampler:
            report = asyncio.run(classroom(url, SESSIONS, DURATION_S, seed=1))
            time.sleep(SETTLE_S)
        after = rss_bytes(pid)

    uploads = report.seconds("upload")
    budget = memory_budget_mb(SESSIONS, uploaded_bytes=len(uploads) * len(layer_npz(0)))
    print("\n" + "\n".join(report.lines()))
    print(f"server memory (RSS): at rest {at_rest / MB:.0f} MB, peak {sampler.peak / MB:.0f} MB, after "
          f"{after / MB:.0f} MB (+{(after - at_rest) / MB:.0f} MB; the caches' and sessions' bound: +{budget:.0f} MB)")
    assert report.errors == []
    assert report.unfinished_runs == 0, [u for s in report.students for u in s.unfinished]
    assert report.sessions_without_a_finished_run == 0
    assert report.pages == app_page_routes()
    assert report.runs_finished >= 3 * SESSIONS and uploads  # they did open pages, move controls and upload
    assert after - at_rest <= budget * MB

