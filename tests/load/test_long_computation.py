"""A long computation in one session does not freeze the others.

Session A opens the scaling sweep at its largest setting (an LSTM, T = 1000, H = 256: seconds of numpy on
one core). While A's run is still computing, session B moves a slider on another page, again and again.
B's runs must finish while A's is still running (B is not frozen behind A), and each of B's runs must be
no slower than a small multiple of B's own runs on an idle server, timed in this test first (a ratio of
two timings taken on the same machine, not a time limit). The figures are printed.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from deploy.run_local import app_processes
from tests.load.streamlit_client import StreamlitSession

LARGEST_SWEEP = "cell=lstm&T=1000&H=256&n_scales=200&smax=5&lang=en"
LIGHT_PAGE, LIGHT_SLIDER = "worked_examples", "worked_examples.wh"


async def light_moves(session: StreamlitSession, count: int) -> list[float]:
    """Seconds of each of ``count`` slider moves on the light page (between its two ends)."""
    slider = session.widget(LIGHT_SLIDER)
    times = []
    for k in range(count):
        run = await session.set_widget(slider, -1.0 if k % 2 else 1.0)
        assert run.problems == [], run.problems
        times.append(run.seconds)
    return times


async def scenario(url: str) -> dict:
    async with StreamlitSession(url) as b:
        await b.open(LIGHT_PAGE, "lang=en")
        idle = await light_moves(b, 6)
        async with StreamlitSession(url) as a:
            await a.open("", "lang=en")  # a session on the app's home page first
            heavy = asyncio.create_task(a.switch_page("scale_sweep", LARGEST_SWEEP))
            await asyncio.sleep(0.5)  # A's run has started computing
            busy, finished_while_heavy = [], 0
            started = time.monotonic()
            while not heavy.done() and time.monotonic() - started < 120:
                busy += await light_moves(b, 1)
                finished_while_heavy += not heavy.done()
            heavy_run = await heavy
    return {"idle": idle, "busy": busy, "during": finished_while_heavy, "heavy": heavy_run}


def test_a_long_sweep_in_one_session_leaves_another_sessions_page_answering():
    with app_processes(1, base_path="") as apps:
        result = asyncio.run(scenario(apps[0].url))
    heavy = result["heavy"]
    assert heavy.problems == [], heavy.problems
    idle, busy = statistics.median(result["idle"]), statistics.median(result["busy"])
    print(f"largest sweep: {heavy.seconds:.1f} s; another session's slider move: {1000 * idle:.0f} ms idle, "
          f"{1000 * busy:.0f} ms meanwhile ({busy / idle:.1f}x), {result['during']} moves finished meanwhile")
    assert result["during"] >= 2, "the other session's page waited for the sweep"
    assert busy < 10 * idle, (busy, idle)  # slowed by sharing two cores, never frozen behind the sweep
