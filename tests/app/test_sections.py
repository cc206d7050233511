"""A control's change reruns only the page's sections that use it: the run sends just their charts and
none of the page's fixed text, writes the URL, and leaves a page equal to a full run's."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.apptest_helpers import TIMEOUT, assert_healthy, change, charts, open_page, set_to, url_value, widget

# (page file, page key, parameter, new value, the charts its move must send and no others)
MOVES = [
    ("pages/worked_examples.py", "worked_examples", "wh", 0.5, {"worked-linear"}),
    ("pages/worked_examples.py", "worked_examples", "loss", "last", {"scalar-bptt"}),
    ("pages/remedies.py", "remedies", "max_norm", 2.0, {"clipping"}),
    ("pages/remedies.py", "remedies", "depth", 50, {"skip-connection"}),
    ("pages/remedies.py", "remedies", "scale", 1.2, {"truncated-bptt", "irnn"}),
    ("pages/dynamics.py", "dynamics", "n_max", 3, {"logistic-compositions"}),
    ("pages/dynamics.py", "dynamics", "c", 0.1, {"cobweb", "basins"}),
    ("pages/derivatives.py", "derivatives", "zmax", 3.0, {"tanh-derivative"}),
    ("pages/vanishing_exploding.py", "vanishing_exploding", "w", 0.9, {"scalar-power"}),
    ("pages/vanishing_exploding.py", "vanishing_exploding", "scale", 0.8, {"book-norms", "book-eigenvalues"}),
    ("pages/book_code.py", "book_code", "steps", 50, {"rnnlm"}),
    ("pages/book_code.py", "book_code", "B", 5, {"book-backward"}),
    ("pages/unrolled_graph.py", "unrolled_graph", "step", 2, {"cell-diagram"}),
    ("pages/unrolled_graph.py", "unrolled_graph", "scale", 1.5, {"unrolled-graph", "cell-diagram"}),
    ("pages/cell_comparison.py", "cell_comparison", "forget_bias", 2.0, {"cell-comparison", "cell-small-multiples"}),
    ("pages/inside_cells.py", "inside_cells", "scale", 1.5, {"hidden-states", "cell-gradients", "gates"}),
    ("pages/scale_sweep.py", "scale_sweep", "T", 60, {"scale-sweep"}),
]


@pytest.mark.parametrize(("page_file", "page", "name", "value", "sent"), MOVES,
                         ids=[f"{move[1]}.{move[2]}" for move in MOVES])
def test_a_move_reruns_only_the_sections_that_use_the_parameter(page_file, page, name, value, sent):
    at = open_page(page_file)
    control = widget(at, page, name)
    set_to(control, value).run()
    assert_healthy(at)
    assert set(charts(at)) == sent
    assert not at.title and not at.header  # the page's fixed text is not sent again
    assert url_value(at, name) is not None


@pytest.mark.parametrize(("page_file", "page", "name", "value", "sent"), MOVES,
                         ids=[f"{move[1]}.{move[2]}" for move in MOVES])
def test_after_a_move_the_page_equals_a_full_run(page_file, page, name, value, sent):
    at = open_page(page_file)
    control = widget(at, page, name)
    change(at, set_to(control, value))


def test_the_step_slider_reruns_the_gradient_chart_and_the_equations():
    at = open_page("pages/inside_cells.py")
    step = next(slider for slider in at.slider if slider.key == "inside_cells.step")
    step.set_value(5).run()
    assert_healthy(at)
    assert set(charts(at)) == {"hidden-states", "cell-gradients", "gates"}
    assert "x_{5} =" in at.latex[0].value and "h_{5} =" in at.latex[2].value
    assert url_value(at, "step") == "5"


def _page_with_a_section_it_never_draws():
    import streamlit as st

    from rnnviz import ui

    ui.controls("fallback", ["worked-linear"])

    @ui.section("fallback", ["worked-linear"])
    def never_drawn(values):
        st.write("drawn")

    st.markdown(f"wh = {ui.current_values('fallback')['wh']:g}")


def test_a_move_whose_sections_the_session_has_not_drawn_reruns_the_whole_page():
    at = AppTest.from_function(_page_with_a_section_it_never_draws, default_timeout=TIMEOUT).run()
    assert_healthy(at)
    next(slider for slider in at.slider if slider.key == "fallback.wh").set_value(0.5).run()
    assert_healthy(at)
    assert [m.value for m in at.markdown] == ["wh = 0.5"]  # the whole page ran again, with the new value
