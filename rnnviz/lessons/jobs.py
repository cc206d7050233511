"""Work that outlives a page run: a generator run in a background thread, shared by every session.

A training page cannot train inside its script run: a classroom opening the page would train once per
visitor, a rerun (a slider move, a language switch) would start it again, and while it ran the script
could draw nothing else. A :class:`Job` runs ``work()`` (a generator) in its own thread and keeps the
last value it yielded; pages read :meth:`Job.state` as often as they like and draw it. :class:`Jobs`
is the server's list of them, keyed by the work's settings: a page asks it for the job of its settings,
so every session that shows the same settings shows the same job.

- **Bounded.** At most ``max_running`` jobs compute at once (the others wait their turn, ``queued``);
  at most ``max_kept`` finished jobs are kept (the least recently asked for goes first).
- **Polite.** A job's thread lowers its own scheduling priority (Linux ``setpriority`` on the thread,
  ``niceness``), so when the cores are busy the other sessions' page runs get them first. Numpy work on
  small arrays holds the interpreter lock most of the time; the lower priority is what keeps another
  session's page answering (``tests/app/test_training.py`` measures it).
- **Cancelled when nobody wants it.** A session that starts another job gives up its previous one; a job
  that no session wants any longer stops at its next yield, unless it was started with ``keep`` (the
  defaults every visitor sees).

No streamlit here: the page holds one :class:`Jobs` per server process (``st.cache_resource``).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Hashable, Iterator

LOG = logging.getLogger("rnnviz")
NICENESS = 10  # added to a job thread's niceness: the scheduler's weight drops about tenfold (Linux CFS)


@dataclass(frozen=True)
class JobState:
    """What a job has done so far, as one consistent snapshot."""

    version: int  # how many values the job has yielded (changes exactly when ``value`` does)
    value: Any  # the last value ``work()`` yielded (None before the first)
    queued: bool  # waiting for a free worker
    done: bool  # ``work()`` returned
    error: str | None  # the exception's text when ``work()`` raised
    cancelled: bool
    elapsed: float  # seconds since the job started computing (0 while queued)

    @property
    def finished(self) -> bool:
        return self.done or self.error is not None or self.cancelled


class Job:
    """``work()`` run in a daemon thread once :meth:`start` is called; see the module docstring."""

    def __init__(self, key: Hashable, work: Callable[[], Iterator[Any]], *, gate: threading.Semaphore,
                 niceness: int = NICENESS, keep: bool = False):
        self.key = key
        self.keep = keep  # never cancelled for want of owners
        self.owners: set[str] = set()
        self._work = work
        self._gate = gate
        self._niceness = niceness
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._state = JobState(0, None, True, False, None, False, 0.0)
        self._started: float | None = None
        self._memo: dict[Hashable, Any] = {}
        self._thread = threading.Thread(target=self._run, name=f"rnnviz-job-{abs(hash(key)) % 10**6}", daemon=True)

    def start(self) -> Job:
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the job to stop at its next yield (or before it starts)."""
        self._cancel.set()

    def state(self) -> JobState:
        with self._lock:
            state = self._state
            if self._started is not None and not state.finished:
                state = JobState(state.version, state.value, False, False, None, False,
                                 time.perf_counter() - self._started)
            return state

    def memo(self, key: Hashable, make: Callable[[Any], Any]) -> Any:
        """``make(state.value)`` for the job's current value, computed once per version and ``key`` (e.g. a
        figure's JSON in one language and theme, which every session showing this job then shares)."""
        state = self.state()
        with self._lock:
            found = self._memo.get((state.version, key))
        if found is None:
            found = make(state.value)
            with self._lock:
                self._memo = {k: v for k, v in self._memo.items() if k[0] == state.version}
                self._memo[(state.version, key)] = found
        return found

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def _run(self) -> None:
        lower_thread_priority(self._niceness)
        with self._gate:
            if self._cancel.is_set():
                self._finish(cancelled=True)
                return
            self._started = time.perf_counter()
            try:
                for value in self._work():
                    with self._lock:
                        old = self._state
                        self._state = JobState(old.version + 1, value, False, False, None, False, 0.0)
                    if self._cancel.is_set():
                        self._finish(cancelled=True)
                        return
            except Exception as err:  # reported to the pages; the server keeps running
                LOG.exception("background job %r failed", self.key)
                self._finish(error=f"{type(err).__name__}: {err}")
                return
            self._finish(done=True)

    def _finish(self, *, done: bool = False, error: str | None = None, cancelled: bool = False) -> None:
        with self._lock:
            old = self._state
            elapsed = time.perf_counter() - self._started if self._started is not None else 0.0
            self._state = JobState(old.version, old.value, False, done, error, cancelled, elapsed)


class Jobs:
    """The server's jobs by key; see the module docstring. Thread-safe."""

    def __init__(self, *, max_running: int = 2, max_kept: int = 16, niceness: int = NICENESS):
        self.max_kept = max_kept
        self.niceness = niceness
        self._gate = threading.Semaphore(max_running)
        self._lock = threading.Lock()
        self._jobs: OrderedDict[Hashable, Job] = OrderedDict()
        self._owned: dict[str, Hashable] = {}  # owner -> the key of the job it last started or watched

    def find(self, key: Hashable, owner: str | None = None) -> Job | None:
        """The job for ``key`` (None if there is none, or it was cancelled); ``owner`` now wants it."""
        with self._lock:
            job = self._jobs.get(key)
            if job is None:
                return None
            if job.state().cancelled:
                del self._jobs[key]
                return None
            self._jobs.move_to_end(key)
            if owner is not None:
                self._adopt(job, owner)
            return job

    def start(self, key: Hashable, work: Callable[[], Iterator[Any]], *, owner: str | None = None,
              keep: bool = False) -> Job:
        """The job for ``key``, started now with ``work`` unless it exists already."""
        with self._lock:
            job = self._jobs.get(key)
            if job is None or job.state().cancelled:
                job = Job(key, work, gate=self._gate, niceness=self.niceness, keep=keep)
                self._jobs[key] = job
                job.start()
            self._jobs.move_to_end(key)
            if owner is not None:
                self._adopt(job, owner)
            self._evict()
            return job

    def cancel_all(self) -> None:
        """Cancel every unfinished job (tests; a server that shuts down)."""
        with self._lock:
            for job in self._jobs.values():
                job.cancel()

    def _adopt(self, job: Job, owner: str) -> None:
        previous_key = self._owned.get(owner)
        self._owned[owner] = job.key
        job.owners.add(owner)
        if previous_key is None or previous_key == job.key:
            return
        previous = self._jobs.get(previous_key)
        if previous is None:
            return
        previous.owners.discard(owner)
        if not previous.owners and not previous.keep and not previous.state().finished:
            previous.cancel()
            del self._jobs[previous_key]

    def _evict(self) -> None:
        finished = [key for key, job in self._jobs.items() if job.state().finished]
        for key in finished[:max(0, len(finished) - self.max_kept)]:
            del self._jobs[key]


def lower_thread_priority(niceness: int) -> None:
    """Raise this thread's niceness by ``niceness`` (Linux schedules threads one by one; elsewhere, or
    when not allowed, nothing changes)."""
    if niceness <= 0 or not hasattr(os, "setpriority") or not hasattr(threading, "get_native_id"):
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + niceness)
    except OSError:
        pass
