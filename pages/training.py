"""Learning long-term dependencies: four cells trained live with the engine's BPTT (seeds 000, 001, 003, 004).

Training runs as a background job shared by the whole server (``rnnviz.lessons.jobs``): the defaults start on
the first visit and every visitor sees the same run; other settings start with the Train button. While a job
runs, a fragment redraws the progress and the charts in place every POLL_SECONDS; a rerun (any control) stops
only the drawing, never the job.
"""

import uuid
from typing import Any

import streamlit as st

from rnnviz import ui
from rnnviz.lessons import jobs as background
from rnnviz.lessons import training as lesson

PAGE = "training"
POLL_SECONDS = 0.5
SECTIONS = (("curves", "training-curves"), ("gradients", "training-gradients"), ("summary", "training-summary"),
            ("reversal", "input-reversal"))


@st.cache_resource(show_spinner=False)
def server_jobs() -> background.Jobs:
    """The server's training jobs, shared by every session."""
    return background.Jobs()


def figure_data(progress: lesson.TrainingProgress, figure_id: str) -> Any:
    return {"training-curves": progress.runs, "training-gradients": progress.runs,
            "training-summary": progress.summary, "input-reversal": progress.reversal}[figure_id]


def draw(job: background.Job, figure_id: str, values: dict[str, Any], key: str, exports: bool) -> None:
    """A figure of the job's latest data (its JSON built once per update for every session)."""
    spec = lesson.spec(figure_id)
    view = spec.view_values(values)
    state = job.state()
    data = figure_data(state.value, figure_id)
    if data is None:
        st.caption(ui.text("training.waiting"))
        return
    code, theme = ui.lang(), ui.theme()
    fig_json = job.memo((figure_id, code, theme, tuple(sorted(view.items()))),
                        lambda progress: spec.build.json(figure_data(progress, figure_id), lang=code, theme=theme,
                                                         **view))
    ui.chart(fig_json, key=key)
    if exports:
        ui.figures.exports(spec, data, {name: values[name] for name in spec.defaults()}, code, theme)
        if figure_id == "training-summary":
            st.dataframe(lesson.summary_grid(data, code))


def result_line(progress: lesson.TrainingProgress, settings: dict[str, Any]) -> str:
    ratios = lesson.final_ratios(progress.runs)
    below = lesson.SOLVED_BELOW
    solved = [kind for kind, ratio in ratios.items() if ratio < below]
    verdict = (ui.text("training.result.claim", below=below) if set(solved) == {"lstm", "gru"}
               else ui.text("training.result.other", below=below,
                            solved=", ".join(ui.text(f"training.kind.{k}") for k in solved) or
                            ui.text("training.result.none")))
    listed = ", ".join(f"{ui.text(f'training.kind.{kind}')} {ratio:.3g}" for kind, ratio in ratios.items())
    return ui.text("training.result", steps=settings["steps"], ratios=listed, verdict=verdict)


def sections(job: background.Job | None, values: dict[str, Any], settings: dict[str, Any]) -> None:
    """The status line and the four sections; a job's charts are final (with exports) once it has finished."""
    state = job.state() if job is not None else None
    if state is None:
        st.info(ui.text("training.status.untrained"))
    elif state.queued:
        st.info(ui.text("training.status.queued"))
    elif state.error is not None:
        st.error(ui.text("training.status.failed", error=state.error))
    elif state.cancelled:
        st.warning(ui.text("training.status.cancelled"))
    elif state.done:
        st.success(result_line(state.value, settings))
        st.caption(ui.text("training.status.cached", elapsed=state.elapsed))
    elif state.value is not None:
        st.progress(state.value.fraction, text=lesson.progress_text(state.value, settings, ui.lang(), state.elapsed))
    for name, figure_id in SECTIONS:
        st.header(ui.text(f"training.{name}.heading"))
        st.markdown(ui.text(f"training.{name}.intro"))
        if state is not None and state.value is not None and not (state.error or state.cancelled):
            draw(job, figure_id, values, f"chart.{figure_id}", exports=state.done)


ui.lesson_header(PAGE)
ui.controls(PAGE, lesson.FIGURE_IDS)
values = ui.current_values(PAGE)
settings = lesson.settings_of(values)
st.markdown(lesson.settings_text(settings, ui.lang()))
session = st.session_state.setdefault("training.session", uuid.uuid4().hex)
key = lesson.settings_key(settings)
job = server_jobs().find(key, owner=session)
pressed = st.button(ui.text("training.train"), type="primary", key="training.train", disabled=job is not None)
if job is None and (pressed or settings == lesson.default_settings()):
    job = server_jobs().start(key, lambda: lesson.training_updates(settings), owner=session,
                              keep=settings == lesson.default_settings())
if job is None or job.state().finished:
    sections(job, values, settings)
else:
    @st.fragment(run_every=POLL_SECONDS)
    def live() -> None:
        """Redrawn every POLL_SECONDS while the job trains (the charts in place); once it has finished, the
        whole page runs again and draws the final charts with their exports."""
        if job.state().finished:
            st.rerun()
        sections(job, values, settings)

    live()
ui.try_this(PAGE)
