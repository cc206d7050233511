"""AppTest for the training page: untrained settings wait for the Train button, a press trains and draws, the URL
round trip, hostile URLs, and another session's page while a training runs.

Small settings throughout: the defaults train for tens of seconds (their claim is tests/test_training_export.py's)."""

from __future__ import annotations

import statistics
import time

import pytest

from rnnviz.lessons import training as lesson
from rnnviz.lessons.jobs import Jobs
from tests.app.apptest_helpers import assert_healthy, charts, open_page, url_value, warnings_text, widget

PAGE_FILE = "pages/training.py"
PAGE = "training"
SMALL = {"T": "6", "H": "3", "batch": "4", "steps": "50"}


def train(at, timeout=120):
    """Press Train, then run the page again until the job has finished (while it trains, a fragment redraws
    the page in the browser; AppTest runs the script once per ``run``)."""
    at.button(key="training.train").click().run()
    assert_healthy(at)
    deadline = time.monotonic() + timeout
    while not at.success:
        assert time.monotonic() < deadline, "the training did not finish"
        time.sleep(0.2)
        at.run()
        assert_healthy(at)
    return at


@pytest.mark.parametrize(("lang", "title"), [("ko", "장기 의존 학습하기: 네 셀을 직접 학습"),
                                             ("en", "Learning long-term dependencies: four cells, trained")])
def test_untrained_settings_wait_for_the_train_button_in_both_languages(lang, title):
    at = open_page(PAGE_FILE, {**SMALL, "seed": "101"}, lang=lang)
    assert at.title[0].value == title
    assert not at.button(key="training.train").disabled
    assert lesson.STRINGS["training.status.untrained"](lang)[:20] in at.info[0].value
    assert charts(at) == {}
    settings = lesson.settings_of({**lesson.default_settings(), **{k: int(v) for k, v in SMALL.items()}, "seed": 101})
    assert lesson.settings_text(settings, lang) in " ".join(m.value for m in at.markdown)


def test_train_draws_every_figure_states_the_result_and_the_next_visit_reuses_the_run():
    query = {**SMALL, "seed": "102", "task": "first_token"}
    at = train(open_page(PAGE_FILE, query))
    assert set(charts(at)) == set(lesson.FIGURE_IDS)
    result = at.success[0].value
    assert result.startswith("After 50 steps") and "tanh RNN" in result
    assert "took" in " ".join(c.value for c in at.caption)
    assert len(at.dataframe) == 1  # the sweep's ✓ / ✗ grid
    second = open_page(PAGE_FILE, query, lang="ko")  # another session: the same job, already finished
    assert set(charts(second)) == set(lesson.FIGURE_IDS) and second.button(key="training.train").disabled
    assert second.success[0].value.startswith("50단계 뒤")


def test_moving_the_moment_redraws_the_gradient_chart_without_training():
    at = train(open_page(PAGE_FILE, {**SMALL, "seed": "103"}))
    before = charts(at)
    widget(at, PAGE, "moment").set_value(100).run()
    assert_healthy(at)
    after = charts(at)
    assert url_value(at, "moment") == "100"
    assert after["training-gradients"] != before["training-gradients"]
    assert after["training-curves"] != before["training-curves"]  # the moment is marked on the curves too
    assert after["training-summary"] == before["training-summary"]


def test_every_setting_changes_the_url_and_a_changed_setting_is_untrained():
    at = open_page(PAGE_FILE, {**SMALL, "seed": "104"})
    changes = (("task", "first_token", "first_token"), ("T", 7, "7"), ("H", 5, "5"), ("batch", 6, "6"),
               ("steps", 100, "100"), ("optimizer", "sgd", "sgd"), ("lr", "0.1", "0.1"), ("clip", "none", "none"),
               ("seed", 105, "105"), ("moment", 20, "20"))
    for name, value, expected in changes:
        control = widget(at, PAGE, name)
        (control.set_value(value) if hasattr(control, "set_value") else control.select(value)).run()
        assert_healthy(at)
        assert url_value(at, name) == expected, name
    assert charts(at) == {} and at.info  # nobody trained these settings yet


def test_url_round_trip_restores_the_controls():
    query = {"task": "first_token", "T": "12", "H": "8", "batch": "16", "steps": "200", "optimizer": "sgd",
             "lr": "0.03", "clip": "5", "seed": "42", "moment": "30"}
    at = open_page(PAGE_FILE, query)
    assert widget(at, PAGE, "task").value == "first_token" and widget(at, PAGE, "lr").value == "0.03"
    for name, value in query.items():
        assert url_value(at, name) == value
    assert not at.warning


@pytest.mark.parametrize(("query", "name", "expected"), [
    ({"task": "copying"}, "task", "adding"), ({"T": "1"}, "T", 2), ({"T": "1e9"}, "T", 200),
    ({"steps": "banana"}, "steps", 1000), ({"lr": "10"}, "lr", "0.01"), ({"moment": "-5"}, "moment", 0),
    ({"seed": "9" * 10_000}, "seed", 0),
])
def test_hostile_urls_are_clamped_or_defaulted_with_a_notice(query, name, expected):
    at = open_page(PAGE_FILE, {**SMALL, "seed": "106", **query})
    assert widget(at, PAGE, name).value == expected
    assert name in warnings_text(at)


def test_another_session_keeps_answering_while_a_job_trains():
    """A job runs the page's own training (``training_updates``, in a background thread at a lower priority, as
    the page starts it); meanwhile another session's page (the cell comparison, recomputing its chart at every
    run, 0.3 s apart as a user's moves are) is timed against the same page before and after. Nothing is asserted
    about the times themselves (the machine is shared): the ratio is printed, and the other page must finish its
    runs while the job is still training, not after it. (bench/bench_training_sessions.py: other niceness values.)"""
    other = open_page("pages/cell_comparison.py")
    seeds = iter(range(1000, 2000))

    def page_run():
        time.sleep(0.3)  # the job trains between a user's moves
        other.query_params["seed"] = str(next(seeds))  # a new seed: the chart is computed, not read from the cache
        other.session_state["_url_page"] = None  # read the URL again, as on entering the page
        started = time.perf_counter()
        other.run()
        assert_healthy(other)
        return time.perf_counter() - started

    page_run()
    before = [page_run() for _ in range(7)]
    jobs = Jobs()
    settings = lesson.settings_of({**lesson.default_settings(), "steps": 2000, "seed": 107})
    job = jobs.start(lesson.settings_key(settings), lambda: lesson.training_updates(settings), owner="trainer")
    deadline = time.perf_counter() + 60
    while job.state().value is None and time.perf_counter() < deadline:
        time.sleep(0.05)
    assert job.state().value is not None, "the job did not start"
    during, window = [], time.perf_counter() + 3.0  # at least 7 runs and 3 s
    while len(during) < 7 or time.perf_counter() < window:
        during.append(page_run())
    progressed = job.state()
    jobs.cancel_all()
    job.join(60)
    after = [page_run() for _ in range(7)]
    assert not progressed.finished, "the job ended before the other page had finished its runs"
    assert progressed.version > 2  # it really was training meanwhile
    alone = statistics.median(before + after)
    print(f"\nanother session's page run ({len(during)} runs while training): "
          f"{statistics.median(before) * 1e3:.0f} ms before, "
          f"{statistics.median(during) * 1e3:.0f} ms while a job trains, {statistics.median(after) * 1e3:.0f} ms "
          f"after; ratio {statistics.median(during) / alone:.2f} (the job's niceness +{jobs.niceness}; it reached "
          f"{progressed.value.phase} {progressed.value.kind} step {progressed.value.step})")


def test_while_training_the_page_shows_progress_and_a_session_that_moves_on_stops_its_run():
    long_run = {"steps": "5000", "seed": "108"}  # minutes at T = 50: it must not run to the end
    at = open_page(PAGE_FILE, long_run)
    at.button(key="training.train").click().run()
    deadline = time.monotonic() + 60
    while not at.get("progress"):
        assert time.monotonic() < deadline, "no progress bar"
        time.sleep(0.2)
        at.run()
    assert "step" in at.get("progress")[0].proto.text and set(charts(at)) >= {"training-curves"}
    for name, value in (("T", 6), ("H", 3), ("batch", 4), ("steps", 50)):  # other settings, trained instead
        widget(at, PAGE, name).set_value(value).run()
    train(at)
    watcher = open_page(PAGE_FILE, long_run)  # nobody else wanted the long run: it was stopped and forgotten
    assert lesson.STRINGS["training.status.untrained"]("en")[:20] in watcher.info[0].value
