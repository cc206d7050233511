"""A classroom without browsers: simulated students who open the app at once and drag its sliders.

Each student is one :class:`~tests.load.streamlit_client.StreamlitSession` (Korean or English browser
locale) that opens the same link as everyone else at the same moment, then, until the time is up,
visits every page of the app in a random order and on each page moves its controls a few times: a
slider to one end, to the other, or to a random step; now and then a radio or select box to another
option. On the page with a file uploader it uploads a small PyTorch-shaped layer of its own (its
later pages then use it). Between two actions it pauses for a moment, as a reader would.

The pages, sliders and options come from the server's own messages (the ``navigation`` message and
the widgets in the deltas), so the students follow the app as its pages change. The report counts
script runs started and finished, errors (exceptions, error alerts, "page not found", lost
connections), runs that never finished, and the time from each request to its ``script_finished``.
"""

from __future__ import annotations

import asyncio
import io
import random
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tests.load.streamlit_client import Run, SessionError, StreamlitSession, Widget

LOCALES = ("ko-KR", "en-US")
SLIDER_SHARE = 0.8  # of control changes; the rest pick another option of a radio or select box
MOVES_PER_PAGE = (2, 5)  # control changes on a page before moving on
FRAME_PARAMS = ("lang", "theme")  # query parameters every page keeps (what the app's menu links carry)


@dataclass
class Student:
    """What one simulated student did and saw."""

    name: str
    runs: dict[str, list[Run]] = field(default_factory=dict)  # by action: open, page, control, upload
    unfinished: list[str] = field(default_factory=list)  # actions whose run never finished
    problems: list[str] = field(default_factory=list)
    pages: set[str] = field(default_factory=set)  # url paths of the pages opened
    warnings: list[str] = field(default_factory=list)  # texts of the st.warning alerts shown
    received_bytes: int = 0
    slowest: tuple[float, str] = (0.0, "")  # the longest run and what it was

    def record(self, action: str, run: Run, page: str, detail: str = "") -> None:
        self.runs.setdefault(action, []).append(run)
        if run.seconds > self.slowest[0]:
            self.slowest = (run.seconds, f"{self.name} on /{page} ({action}{': ' + detail if detail else ''})")
        self.problems.extend(f"{self.name} on /{page} ({action}): {problem}" for problem in run.problems)
        self.warnings.extend(f"on /{page} ({action}): {warning}" for warning in run.warnings)
        self.received_bytes += run.received_bytes

    @property
    def finished_runs(self) -> int:
        return sum(len(runs) for runs in self.runs.values())


@dataclass
class ClassroomReport:
    """Figures of one classroom run."""

    sessions: int
    duration_s: float  # from the first request to the last run's end
    students: list[Student]

    def seconds(self, action: str | None = None) -> list[float]:
        return sorted(run.seconds for s in self.students for kind, runs in s.runs.items() for run in runs
                      if action is None or kind == action)

    @property
    def runs_finished(self) -> int:
        return sum(s.finished_runs for s in self.students)

    @property
    def unfinished_runs(self) -> int:
        return sum(len(s.unfinished) for s in self.students)

    @property
    def runs_started(self) -> int:
        return self.runs_finished + self.unfinished_runs

    @property
    def errors(self) -> list[str]:
        return [problem for s in self.students for problem in s.problems]

    @property
    def sessions_without_a_finished_run(self) -> int:
        return sum(1 for s in self.students if s.finished_runs == 0)

    @property
    def pages(self) -> set[str]:
        return set().union(*(s.pages for s in self.students))

    def lines(self) -> list[str]:
        """The report, as printed."""
        every = self.seconds()
        lines = [
            f"sessions {self.sessions}, {self.duration_s:.0f} s: script runs started {self.runs_started}, "
            f"finished {self.runs_finished} ({self.runs_finished / max(self.duration_s, 1e-9):.1f}/s), "
            f"unfinished {self.unfinished_runs}; sessions that never finished a run "
            f"{self.sessions_without_a_finished_run}",
            f"errors {len(self.errors)}; warnings shown {sum(len(s.warnings) for s in self.students)}; "
            f"pages opened {len(self.pages)}; received {sum(s.received_bytes for s in self.students) / 2**20:.0f} MB",
            f"run time (request -> script_finished), all {len(every)} runs: {timing(every)}",
        ]
        for action in ("open", "page", "control", "upload"):
            times = self.seconds(action)
            if times:
                lines.append(f"  {action:<8} {len(times):>5} runs: {timing(times)}")
        slowest = sorted((s.slowest for s in self.students), reverse=True)[:3]
        lines.append("  slowest: " + "; ".join(f"{seconds:.1f} s {what}" for seconds, what in slowest if what))
        warnings = sorted({warning for s in self.students for warning in s.warnings})
        lines.extend(f"  warning: {warning}" for warning in warnings[:5])
        lines.extend(f"  error: {error}" for error in self.errors[:10])
        if len(self.errors) > 10:
            lines.append(f"  ... and {len(self.errors) - 10} more errors")
        return lines


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of ``values`` by the nearest-rank method."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(np.ceil(q / 100 * len(ordered))) - 1))]


def timing(seconds: list[float]) -> str:
    if not seconds:
        return "no runs"
    return (f"p50 {1000 * percentile(seconds, 50):.0f} ms, p95 {1000 * percentile(seconds, 95):.0f} ms, "
            f"max {1000 * max(seconds):.0f} ms")


def layer_npz(seed: int, cell_gates: int = 4, n_in: int = 4, n_h: int = 8) -> bytes:
    """The ``.npz`` of a small PyTorch recurrent layer (an LSTM by default), different for each seed."""
    rng = np.random.default_rng(seed)
    rows = cell_gates * n_h
    bound = 1 / np.sqrt(n_h)
    arrays = {"weight_ih_l0": rng.uniform(-bound, bound, (rows, n_in)),
              "weight_hh_l0": rng.uniform(-bound, bound, (rows, n_h)),
              "bias_ih_l0": rng.uniform(-bound, bound, rows), "bias_hh_l0": rng.uniform(-bound, bound, rows)}
    buffer = io.BytesIO()
    np.savez(buffer, **{name: value.astype(np.float32) for name, value in arrays.items()})
    return buffer.getvalue()


def slider_value(widget: Widget, rng: random.Random) -> float:
    """One end of the slider, the other, or a random step between them (a third of the time each)."""
    low, high, step = widget.proto.min, widget.proto.max, widget.proto.step or 1.0
    choice = rng.randrange(3)
    if choice == 0:
        return low
    if choice == 1:
        return high
    steps = int(round((high - low) / step))
    decimals = max(0, -int(np.floor(np.log10(step)))) + 2 if step < 1 else 0
    return round(min(high, low + step * rng.randint(0, steps)), decimals)


def frame_query(session: StreamlitSession) -> str:
    """The query string a menu link carries: the current language and theme."""
    query = session.query()
    return "&".join(f"{name}={query[name]}" for name in FRAME_PARAMS if name in query)


async def one_student(name: str, base_url: str, link: str, deadline: float, rng: random.Random,
                      think: tuple[float, float], upload: bool, run_timeout: float) -> Student:
    """A student's session from opening ``link`` (``page?query``) until ``deadline`` (time.monotonic())."""
    student = Student(name)
    page, _, query = link.partition("?")
    locale = rng.choice(LOCALES)
    async with StreamlitSession(base_url, locale=locale, run_timeout=run_timeout) as session:
        action, where = "open", page
        try:
            student.record("open", await session.open(page, query), page)
            student.pages.add(page)
            uploaded = False
            while time.monotonic() < deadline:
                tour = sorted(session.pages)
                rng.shuffle(tour)
                for where in tour:
                    if time.monotonic() >= deadline:
                        break
                    if session.pages.get(where) != session.page_hash:
                        await asyncio.sleep(rng.uniform(*think))
                        action = "page"
                        student.record(action, await session.switch_page(where, frame_query(session)), where)
                        student.pages.add(where)
                    uploaders = session.widgets("file_uploader")
                    if upload and uploaders and not uploaded:
                        await asyncio.sleep(rng.uniform(*think))
                        action = "upload"
                        data = layer_npz(seed=rng.randrange(2**32))
                        student.record(action, await session.upload(uploaders[0], f"{name}.npz", data), where)
                        uploaded = True
                    for _ in range(rng.randint(*MOVES_PER_PAGE)):
                        if time.monotonic() >= deadline:
                            break
                        move = pick_move(session, rng)
                        if move is None:
                            break
                        await asyncio.sleep(rng.uniform(*think))
                        action = "control"
                        widget, value = move
                        student.record(action, await session.set_widget(widget, value), where,
                                       f"{widget.user_key} = {value}")
        except SessionError as err:
            student.unfinished.append(f"{action} on /{where}: {err}")
            if session.disconnected:
                student.problems.append(f"{name} on /{where} ({action}): {err}")
        except Exception as err:  # an HTTP error on an upload, a protocol surprise: an error, not a crash
            student.problems.append(f"{name} on /{where} ({action}): {type(err).__name__}: {err}")
    return student


def pick_move(session: StreamlitSession, rng: random.Random) -> tuple[Widget, Any] | None:
    """A control change: mostly a slider (to an end or a random step), sometimes another option."""
    sliders = [w for w in session.widgets("slider") if w.proto.max > w.proto.min and not w.proto.disabled]
    choices = [w for w in session.widgets() if w.kind in ("radio", "selectbox") and len(w.options) > 1
               and not w.proto.disabled]
    if sliders and (not choices or rng.random() < SLIDER_SHARE):
        widget = rng.choice(sliders)
        return widget, slider_value(widget, rng)
    if choices:
        widget = rng.choice(choices)
        others = [option for option in widget.options if option != session.value(widget)]
        return widget, rng.choice(others)
    return None


async def classroom(base_url: str, sessions: int = 40, duration: float = 60.0, link: str = "", seed: int = 0,
                    think: tuple[float, float] = (0.2, 1.0), upload: bool = True,
                    run_timeout: float = 120.0) -> ClassroomReport:
    """``sessions`` students open ``base_url/link`` at the same moment and work for ``duration`` seconds.

    Returns within about ``duration + run_timeout`` seconds: a run still going at the end is waited
    for at most ``run_timeout`` and then counted as unfinished.
    """
    start = time.monotonic()
    deadline = start + duration
    students = await asyncio.gather(*(
        one_student(f"student{i:02d}", base_url, link, deadline, random.Random(seed * 1000 + i), think, upload,
                    run_timeout)
        for i in range(sessions)
    ))
    return ClassroomReport(sessions, time.monotonic() - start, list(students))


async def visit_every_page(base_url: str, locale: str = "en-US") -> Student:
    """One session that opens the app and then every page of it once, without touching a control."""
    student = Student("visitor")
    async with StreamlitSession(base_url, locale=locale) as session:
        student.record("open", await session.open(), "")
        student.pages.add("")
        for where in sorted(session.pages):
            if session.pages[where] != session.page_hash:
                student.record("page", await session.switch_page(where, frame_query(session)), where)
            student.pages.add(where)
    return student
