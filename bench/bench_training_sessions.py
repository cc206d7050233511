"""Another session's page while the training page's job trains: its page-run time with and without a job, for
several thread niceness values.

The job is the page's own (``lesson.training_updates`` run by ``rnnviz.lessons.jobs.Jobs``, at the defaults
but for 2000 steps); the other session is an AppTest of the cell comparison with a new seed at every run, so
its chart is computed every time. Prints medians, the ratio (while / alone) and how far the job got in the
same time. Numbers only; the assertion-free counterpart of tests/app/test_training.py's check.

Run: ``OPENBLAS_NUM_THREADS=1 python bench/bench_training_sessions.py``
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)

from rnnviz.lessons import training as lesson  # noqa: E402
from rnnviz.lessons.jobs import Jobs  # noqa: E402
from tests.app.apptest_helpers import open_page  # noqa: E402

WINDOW = 8.0  # seconds of page runs while the job trains
PAUSE = 0.3  # seconds between two page runs, as between a user's moves (the job trains meanwhile)


def main():
    other = open_page("pages/cell_comparison.py")
    seeds = iter(range(10_000, 100_000))

    def page_run():
        time.sleep(PAUSE)
        other.query_params["seed"] = str(next(seeds))
        other.session_state["_url_page"] = None
        started = time.perf_counter()
        other.run()
        return time.perf_counter() - started

    for _ in range(3):
        page_run()
    print(f"load average {os.getloadavg()[0]:.1f}; {WINDOW:.0f} s of page runs per case, {PAUSE} s apart\n")
    print(f"{'niceness':>8}{'alone ms':>10}{'training ms':>13}{'ratio':>7}{'job snapshots':>15}")
    for niceness in (0, 5, 10, 19):
        before = [page_run() for _ in range(10)]
        jobs = Jobs(niceness=niceness)
        settings = lesson.settings_of({**lesson.default_settings(), "steps": 2000, "seed": 900 + niceness})
        job = jobs.start(lesson.settings_key(settings), lambda s=settings: lesson.training_updates(s))
        while job.state().value is None:
            time.sleep(0.02)
        start_version = job.state().version
        during, end = [], time.perf_counter() + WINDOW
        while time.perf_counter() < end:
            during.append(page_run())
        reached = job.state().version - start_version
        jobs.cancel_all()
        job.join(60)
        after = [page_run() for _ in range(10)]
        alone = statistics.median(before + after)
        print(f"{niceness:>8}{alone * 1e3:>10.0f}{statistics.median(during) * 1e3:>13.0f}"
              f"{statistics.median(during) / alone:>7.2f}{reached:>15}", flush=True)


if __name__ == "__main__":
    main()
