"""Inside the cells: states, gates and per-step gradients of an RNN, LSTM or GRU, stepped through in time."""

from typing import Any

import streamlit as st

from rnnviz import ui
from rnnviz.lessons.inside_cells import SHOWN_UNITS, equations

PAGE = "inside_cells"
FIGURES = ["hidden-states", "gates", "cell-gradients", "word-gradients"]
STEP_KEY = f"{PAGE}.step"


@ui.section(PAGE, FIGURES)
def charts(values: dict[str, Any]) -> None:
    ui.weights_notice(values)
    states = ui.compute_or_none("hidden-states", values)
    sentence = states["sentence"] if states is not None else None
    if sentence:
        st.caption(ui.text("inside_cells.sentence", n=len(sentence["tokens"]),
                           description=sentence["description"][ui.lang()]))
    left, right = (st.container(), st.container()) if sentence else st.columns(2)  # words need the full width
    with left:
        ui.figure("hidden-states", values)
    with right:
        ui.figure("cell-gradients", values, show_live=["step"])  # follows the states' scale slider
    ui.figure("gates", values, show_live=False)
    if sentence:
        st.subheader(ui.text("inside_cells.words.heading"))
        ui.figure("word-gradients", values, show_live=False)


@ui.section(PAGE, ["hidden-states", "cell-gradients"])
def step_through(values: dict[str, Any]) -> None:
    states, grads = ui.compute_or_none("hidden-states", values), ui.compute_or_none("cell-gradients", values)
    if states is None or grads is None:  # the charts above say what went wrong
        return
    last = states["T"]
    # Set the state explicitly: the slider's range changes with T, and Streamlit would reset a changed slider.
    st.session_state[STEP_KEY] = min(values["step"], last)
    if values["step"] > last:  # a shorter sequence than the URL's step
        ui.write_url(ui.page_params(FIGURES), {**values, "step": last})
    step = (st.slider(ui.text("inside_cells.step.label"), 1, last, key=STEP_KEY, **ui.rerun_on_change(PAGE, [charts.key, step_through.key]))
            if last > 1 else 1)
    if states["H"] > SHOWN_UNITS:
        st.caption(ui.text("inside_cells.step.many_units", H=states["H"]))
    if values["cell"] == "gru" and values["gru_variant"] == "classic":
        st.caption(ui.text("inside_cells.step.gru_classic"))
    for line in equations(states["detail"], step):
        st.latex(line)
    norms = {name: grads["log10"][name][step - 1] for name in ("h", "x")}
    shown = {name: f"{10.0 ** v:.4g}" if v == v else "—" for name, v in norms.items()}  # nan: 0 or overflow
    st.markdown(ui.text("inside_cells.step.gradient", **shown))


ui.lesson_header(PAGE)
ui.controls(PAGE, FIGURES, sections=[charts, step_through])
charts()
st.header(ui.text("inside_cells.step.heading"))
step_through()
ui.try_this(PAGE)
