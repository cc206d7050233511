"""Background jobs: shared by key, bounded, cancelled when nobody wants them, run at a lower priority."""

import os
import threading
import time

import pytest

from rnnviz.lessons.jobs import Job, Jobs

TIMEOUT = 30


def counting(n, *, delay=0.0, started=None, release=None):
    """work(): yields 1 .. n; waits for ``release`` (an Event) before the first yield when given."""
    def work():
        if started is not None:
            started.set()
        if release is not None:
            assert release.wait(TIMEOUT)
        for i in range(1, n + 1):
            time.sleep(delay)
            yield i
    return work


def wait_finished(job):
    job.join(TIMEOUT)
    state = job.state()
    assert state.finished, state
    return state


def test_a_job_keeps_its_last_value_and_every_session_gets_the_same_job():
    jobs = Jobs()
    job = jobs.start("k", counting(5), owner="a")
    assert jobs.start("k", counting(99), owner="b") is job  # the second session joins the first one's job
    state = wait_finished(job)
    assert (state.value, state.version, state.done, state.error) == (5, 5, True, None)
    assert jobs.find("k", owner="c") is job and job.owners == {"a", "b", "c"}
    assert jobs.find("other") is None


def test_memo_is_computed_once_per_version():
    jobs = Jobs()
    job = wait_finished(jobs.start("k", counting(3))) and jobs.find("k")
    calls = []
    assert job.memo("json", lambda value: calls.append(value) or value * 10) == 30
    assert job.memo("json", lambda value: calls.append(value) or -1) == 30
    assert calls == [3]


def test_an_error_is_reported_not_raised():
    def broken():
        yield 1
        raise RuntimeError("boom")
    state = wait_finished(Jobs().start("k", broken))
    assert state.value == 1 and not state.done and "RuntimeError: boom" in state.error


def test_starting_another_job_cancels_the_previous_one_unless_someone_else_wants_it_or_it_is_kept():
    jobs = Jobs()
    release = threading.Event()
    first = jobs.start("first", counting(100, release=release), owner="a")
    second = jobs.start("second", counting(100, release=release), owner="a")  # a moves on: nobody wants "first"
    shared = jobs.start("shared", counting(100, release=release), owner="b")
    jobs.find("shared", owner="c")
    jobs.start("b-next", counting(1), owner="b")  # b moves on, but c still wants "shared"
    kept = jobs.start("kept", counting(100, release=release), owner="d", keep=True)
    jobs.start("d-next", counting(1), owner="d")  # the kept job goes on without owners
    release.set()
    assert wait_finished(first).cancelled and jobs.find("first") is None
    for job in (second, shared, kept):
        assert wait_finished(job).done


def test_at_most_max_running_compute_at_once_and_the_others_are_queued():
    jobs = Jobs(max_running=1)
    started, release = threading.Event(), threading.Event()
    running = jobs.start("one", counting(1, started=started, release=release))
    assert started.wait(TIMEOUT)
    waiting = jobs.start("two", counting(1))
    time.sleep(0.2)
    assert waiting.state().queued and not running.state().queued
    release.set()
    assert wait_finished(running).done and wait_finished(waiting).done


def test_finished_jobs_beyond_max_kept_are_forgotten_oldest_first():
    jobs = Jobs(max_kept=2)
    for key in ("a", "b", "c"):
        wait_finished(jobs.start(key, counting(1)))
    jobs.start("d", counting(1))
    assert jobs.find("a") is None and jobs.find("c") is not None


def test_the_job_thread_runs_at_a_lower_priority_than_the_pages():
    def niceness():
        yield os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    state = wait_finished(Job("k", niceness, gate=threading.Semaphore(1), niceness=5).start())
    assert state.value == min(mine + 5, 19)
