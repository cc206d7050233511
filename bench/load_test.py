"""Load test: a classroom of browser-less sessions on one server (or behind nginx), and Chromium meanwhile.

Run: ``python bench/load_test.py [--sessions 40] [--duration 60] [--chromium 3]``. Starts
``streamlit run app.py`` on a free loopback port (``--replicas 2``: two processes behind nginx with
deploy/nginx.conf, see deploy/run_local.py; ``--url URL [--pid PID ...]``: an app already running,
whose processes' memory is read if their ids are given). Then:

1. One session opens every page (the server has now imported and drawn everything once), and
   ``--chromium`` real Chromium sessions open their pages and time ``--repeats`` slider moves each
   with nobody else on the server: the reference.
2. ``--sessions`` simulated students (tests/load/classroom.py, Streamlit's websocket protocol) open
   the same link at once and, for ``--duration`` seconds, visit every page and move its controls,
   while the Chromium sessions keep timing slider moves (from the key press to the chart redrawn and
   the page idle, as bench/bench_pages.py does).
3. Prints: sessions, script runs started and finished, errors, unfinished runs, sessions that never
   finished a run, p50/p95 run time (request to ``script_finished``), the server's resident memory
   (fresh, at rest, peak under load, 10 s after), and each Chromium session's median slider-to-chart
   time under load against its own time at rest (the ratio).

Numbers only: nothing is asserted here (tests/load/test_classroom.py is the shortened, asserting run).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import resource
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.bench_pages import first_control, time_control  # noqa: E402
from deploy.run_local import app_processes, local_deployment  # noqa: E402
from tests.browser import streamlit_dom as dom  # noqa: E402
from tests.browser.chromium import VIEWPORT, launch  # noqa: E402
from tests.load.classroom import classroom, visit_every_page  # noqa: E402
from tests.load.resources import MB, PeakRss, cpu_seconds, total_rss  # noqa: E402

CHROMIUM_PAGES = ("vanishing_exploding", "scale_sweep", "inside_cells", "cell_comparison", "derivatives")
AFTER_S = 10.0  # seconds after the last session closed when the memory "after" is read


@dataclass
class ChromiumTimes:
    """Slider-to-chart milliseconds of one Chromium session: at rest, then under load."""

    route: str
    rest: list[float] = field(default_factory=list)
    loaded: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def chromium_sessions(url: str, routes: list[str], repeats: int, rested: threading.Event, stop: threading.Event,
                      results: list[ChromiumTimes]) -> None:
    """In its own thread: open each route in its own Chromium context, time ``repeats`` moves each at rest
    (then set ``rested``), and time moves in turn until ``stop`` is set."""
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            tabs = []
            for route in routes:
                times = ChromiumTimes(route)
                results.append(times)
                try:
                    page = browser.new_context(viewport=VIEWPORT, locale="en-US").new_page()
                    dom.open_app_page(page, f"{url}/{route}?lang=en")
                    control = first_control(page)
                    time_control(page, control, 1)  # warm-up: code paths and caches
                    times.rest = time_control(page, control, repeats)
                    tabs.append((page, control, times))
                except Exception as err:  # reported with the figures; the other sessions go on
                    times.failures.append(f"at rest: {type(err).__name__}: {str(err)[:120]}")
            rested.set()
            while tabs and not stop.is_set():
                for page, control, times in tabs:
                    if stop.is_set():
                        break
                    try:
                        times.loaded.extend(time_control(page, control, 1))
                    except Exception as err:  # a timeout under load is a result, not a crash
                        times.failures.append(f"{type(err).__name__}: {str(err)[:120]}")
            browser.close()
    finally:
        rested.set()


@contextlib.contextmanager
def server(args: argparse.Namespace) -> Iterator[tuple[str, list[int]]]:
    if args.url:
        yield args.url.rstrip("/"), list(args.pid)
    elif args.replicas > 1:
        with local_deployment(args.replicas) as deployment:
            print(f"{args.replicas} app processes behind nginx at {deployment.url}")
            yield deployment.url, [app.pid for app in deployment.apps]
    else:
        with app_processes(1, base_path="") as apps:
            yield apps[0].url, [apps[0].pid]


def memory(pids: list[int]) -> str:
    return f"{total_rss(pids) / MB:.0f} MB" if pids else "-"


def load_average() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=40, help="simulated students")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--chromium", type=int, default=3, help="real Chromium sessions timing slider moves")
    parser.add_argument("--repeats", type=int, default=7, help="slider moves per Chromium session at rest")
    parser.add_argument("--link", default="", help="the page (and ?query) every student opens first")
    parser.add_argument("--replicas", type=int, default=1, help="app processes; 2 or more run behind nginx")
    parser.add_argument("--url", help="an app already running (its base URL) instead of starting one")
    parser.add_argument("--pid", type=int, nargs="*", default=[], help="with --url: the app processes' ids")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    with server(args) as (url, pids):
        fresh = memory(pids)
        warm = asyncio.run(visit_every_page(url))
        routes = [route for route in CHROMIUM_PAGES if route in warm.pages][: args.chromium]
        rested, stop, chromium = threading.Event(), threading.Event(), []
        browser_thread = threading.Thread(target=chromium_sessions, args=(url, routes, args.repeats, rested, stop,
                                                                          chromium), name="chromium")
        browser_thread.start()
        rested.wait()
        time.sleep(1.0)
        at_rest = memory(pids)
        load_before, server_cpu, own_cpu = load_average(), cpu_seconds(pids), resource.getrusage(resource.RUSAGE_SELF)
        with PeakRss(pids) if pids else contextlib.nullcontext() as sampler:
            report = asyncio.run(classroom(url, args.sessions, args.duration, link=args.link, seed=args.seed))
            server_cpu = cpu_seconds(pids) - server_cpu
            usage = resource.getrusage(resource.RUSAGE_SELF)
            own_cpu = usage.ru_utime + usage.ru_stime - own_cpu.ru_utime - own_cpu.ru_stime
            load_after = load_average()
            stop.set()
            browser_thread.join()
            time.sleep(AFTER_S)
        after = memory(pids)

    print(f"server: {url} ({len(pids)} process{'es' if len(pids) != 1 else ''} measured); "
          f"{os.cpu_count()} cores, load average (1/5/15 min) {load_before} before the load, {load_after} after")
    print(f"warm-up: one session opened {len(warm.pages)} pages, errors {len(warm.problems)}")
    for line in report.lines():
        print(line)
    peak = f"{sampler.peak / MB:.0f} MB" if pids else "-"
    print(f"server memory (RSS): fresh {fresh}, at rest {at_rest}, peak under load {peak}, "
          f"{AFTER_S:.0f} s after the sessions closed {after}")
    cores = f"server {server_cpu / report.duration_s:.2f} cores, " if pids else ""
    print(f"CPU during the load: {cores}this load generator {own_cpu / report.duration_s:.2f} cores "
          "(its students; Chromium not counted)")
    print("Chromium slider-to-chart (key press to chart redrawn and page idle), median ms:")
    for times in chromium:
        rest = f"{statistics.median(times.rest):.0f}" if times.rest else "-"
        loaded = f"{statistics.median(times.loaded):.0f}" if times.loaded else "-"
        ratio = (f"{statistics.median(times.loaded) / statistics.median(times.rest):.1f}x"
                 if times.loaded and times.rest else "-")
        print(f"  /{times.route:<22} at rest {rest:>5} ({len(times.rest)} moves)   under load {loaded:>6} "
              f"({len(times.loaded)} moves)   ratio {ratio}   failures {len(times.failures)}")
        for failure in times.failures[:3]:
            print(f"    {failure}")


if __name__ == "__main__":
    main()
