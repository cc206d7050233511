"""More than one server: two app processes behind nginx (deploy/nginx.conf) at /rnnviz/, on loopback.

A shortened classroom goes through the proxy (uploads included) without an error; nginx's access log
shows every browser's requests (page, health check, websocket, upload) reaching one process, and both
processes serving sessions; a file uploaded through the proxy is used by the same session's next page;
the same upload sent straight to the other process is refused (which is why affinity matters); the
largest upload the app takes passes the proxy; and a
Chromium tab works under the prefix (charts drawn, a slider redraws them).
"""

from __future__ import annotations

import asyncio
import re
import time
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from deploy.run_local import local_deployment
from rnnviz import weights
from tests.browser import streamlit_dom as dom
from tests.browser.chromium import VIEWPORT
from tests.load.classroom import classroom, frame_query, layer_npz
from tests.load.resources import MB, total_rss
from tests.load.streamlit_client import Alert, StreamlitSession

SESSIONS = 16  # each gets a random affinity key: all on one of two processes has probability 2 ** -15
DURATION_S = 10.0
LOG_LINE = re.compile(r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) .*route=(?P<route>\S+) '
                      r'upstream=(?P<upstream>\S+)')


def in_thread(coroutine):
    """Run a coroutine to its end in a thread of its own (Playwright's sync API holds this thread's loop)."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


async def upload_then_use(url: str, app_urls: list[str]) -> dict:
    """One session through the proxy uploads the largest layer the app takes (an LSTM with H = 256,
    I = 1024: 5 MB, beyond nginx's default body limit of 1 MB) and opens a page that uses it; then a
    small file is sent straight to each app process under that session's id."""
    data = layer_npz(seed=5, n_in=weights.MAX_INPUT, n_h=weights.MAX_HIDDEN)
    async with StreamlitSession(url) as session:
        await session.open("your_weights", "lang=en")
        uploaded = await session.upload(session.widgets("file_uploader")[0], "layer.npz", data)
        used = await session.switch_page("inside_cells", frame_query(session))
        direct = {}
        for app_url in app_urls:
            put = f"{app_url}/_stcore/upload_file/{session.session_id}/direct-{len(direct)}"
            try:
                await asyncio.to_thread(session.put_file, put, "small.npz", layer_npz(seed=6))
                direct[app_url] = 204
            except urllib.error.HTTPError as err:
                direct[app_url] = err.code
        return {"route": session.cookie("rnnviz_route"), "problems": uploaded.problems + used.problems,
                "query": session.query(), "infos": session.alerts(Alert.INFO), "warnings": used.warnings,
                "direct": direct}


def wait_for_log_lines(access_log: Path, needle: str, count: int, timeout: float = 10.0) -> None:
    """Wait until ``count`` lines hold ``needle``: nginx logs a websocket once both ends have closed it."""
    deadline = time.monotonic() + timeout
    while access_log.read_text(encoding="utf-8").count(needle) < count and time.monotonic() < deadline:
        time.sleep(0.1)


def requests_by_route(access_log: Path) -> dict[str, list[dict]]:
    by_route = defaultdict(list)
    for line in access_log.read_text(encoding="utf-8").splitlines():
        match = LOG_LINE.search(line)
        assert match, line
        by_route[match["route"]].append(match.groupdict())
    return by_route


def test_two_processes_behind_nginx_keep_each_session_on_its_process(browser, tmp_path):
    with local_deployment(replicas=2, work=tmp_path) as deployment:
        upstreams = {f"127.0.0.1:{app.port}": app for app in deployment.apps}
        report = in_thread(classroom(deployment.url, SESSIONS, DURATION_S, seed=3))
        memory = total_rss(app.pid for app in deployment.apps)
        upload = in_thread(upload_then_use(deployment.url, [app.url for app in deployment.apps]))

        context = browser.new_context(viewport=VIEWPORT, locale="en-US")
        try:
            tab = context.new_page()
            errors = []
            tab.on("pageerror", lambda error: errors.append(str(error)))
            dom.open_app_page(tab, f"{deployment.url}/scale_sweep?lang=en")
            charts = dom.chart_count(tab)
            before = dom.charts_json(tab)
            dom.change_control(tab, next(c for c in dom.page_controls(tab) if c.kind == "slider"))
            dom.wait_for_change(tab, before, with_layout=False)
            tab_problems = dom.problems(tab) + errors
        finally:
            context.close()
        wait_for_log_lines(deployment.access_log, "/_stcore/stream", SESSIONS + 2)
    by_route = requests_by_route(deployment.access_log)

    print("\n" + "\n".join(report.lines()))
    print(f"two processes' memory (RSS) after the load: {memory / MB:.0f} MB")
    assert report.errors == [] and report.unfinished_runs == 0 and report.sessions_without_a_finished_run == 0
    assert report.seconds("upload"), "no student uploaded through the proxy"

    streams = {route: [r for r in requests if r["path"].endswith("/_stcore/stream")] for route, requests in by_route.items()}
    sessions = {route: requests for route, requests in by_route.items() if streams[route]}
    assert len(sessions) == SESSIONS + 2  # the students, the upload's session and the Chromium tab
    for route, requests in by_route.items():
        assert len({r["upstream"] for r in requests}) == 1, (route, requests)
    served = {requests[0]["upstream"] for requests in sessions.values()}
    assert served == set(upstreams), f"sessions per process: {served}"
    uploads = [r for requests in sessions.values() for r in requests if r["method"] == "PUT"]
    assert uploads and all(r["status"] == "204" for r in uploads)

    assert upload["problems"] == [] and upload["warnings"] == []
    token = upload["query"].get("weights", "")
    assert re.fullmatch("[0-9a-f]{16}", token) and any("LSTM" in info and "H = 256" in info for info in upload["infos"])
    home = upstreams[by_route[upload["route"]][0]["upstream"]].url
    assert upload["direct"] == {app.url: 204 if app.url == home else 400 for app in deployment.apps}

    assert charts > 0 and tab_problems == []
