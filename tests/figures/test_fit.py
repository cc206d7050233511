"""Finishing a figure: sub- and superscripts as markup, and the room above and below its plot area (title, axis,
legend, notes), on the plain dicts the builders draw."""

from __future__ import annotations

import numpy as np
import pytest

from rnnviz import catalogue
from rnnviz.figures import canvas, fit, style
from rnnviz.figures.rich_text import plain, rich, rich_text_in_place


@pytest.mark.parametrize("text, expected", [
    ("σ₁", "σ<sub>1</sub>"),
    ("log₁₀ ‖∂L/∂h_t‖", "log<sub>10</sub> ‖∂L/∂h_t‖"),
    ("Guide ρᵗ⁻¹", "Guide ρ<sup>t−1</sup>"),
    ("x_{n−1}² + c", "x<sub>n−1</sub><sup>2</sup> + c"),
    ("W_h, h_t", "W_h, h_t"),  # the seeds' names stay
    ("∂h_t/∂h_(t−1)", "∂h_t/∂h<sub>t−1</sub>"),
    ("log₁₀‖∂L/∂h_t^(l)‖", "log<sub>10</sub>‖∂L/∂h_t<sup>(l)</sup>‖"),
    ("σ(x) (sigmoid)", "σ(x) (sigmoid)"),  # a function's argument stays
    ("t=%{x}<br>%{y:.4g}", "t=%{x}<br>%{y:.4g}"),  # Plotly's own placeholders stay
])
def test_rich_turns_scripts_into_markup(text, expected):
    assert rich(text) == expected


def test_plain_reads_in_a_terminal():
    assert plain("Cobweb of x_n = x_{n−1}² + c") == "Cobweb of x_n = xₙ₋₁² + c"
    assert plain("10^{-3}") == "10^(-3)"  # no superscript hyphen in Unicode's letters: spelled out


def test_every_string_of_a_figure_is_rewritten_but_the_template():
    layout = {"title": {"text": "σ₁"}, "template": {"layout": {"title": {"text": "σ₁"}}},
              "xaxis": {"ticktext": ["x₀", "x₁"]}}
    data = [{"name": "ρᵗ", "text": np.array(["a₁", "b"], dtype=object), "x": np.arange(2)}]
    rich_text_in_place(layout)
    rich_text_in_place(data)
    assert layout["title"]["text"] == "σ<sub>1</sub>" and layout["template"]["layout"]["title"]["text"] == "σ₁"
    assert layout["xaxis"]["ticktext"] == ["x<sub>0</sub>", "x<sub>1</sub>"]
    assert data[0]["name"] == "ρ<sup>t</sup>" and list(data[0]["text"]) == ["a<sub>1</sub>", "b"]


def lined_figure(theme: str, names: list[str], notes: int = 0) -> canvas.Canvas:
    fig = canvas.figure([canvas.scatter(x=[0, 1], y=[0, 1], name=name) for name in names])
    style.apply_layout(fig, theme=theme, title="제목", x_title="시각 t", y_title="노름")
    for k in range(notes):
        style.add_note(fig, f"note {k}")
    return fig


@pytest.mark.parametrize("theme", style.THEMES)
def test_the_legend_starts_below_the_axis_title_and_the_notes_below_the_legend(theme):
    fig = lined_figure(theme, ["RNN: ‖∂L/∂h_t‖", "LSTM: ‖∂L/∂h_t‖", "GRU: ‖∂L/∂h_t‖", "기준선 ρᵗ"], notes=2)
    height_before = fig.layout["height"]
    fit.fit_above(fig.layout)
    fit.fit_below(fig.layout, fig.data)
    size = fig.layout["font"]["size"]
    axis = fit._axis_extent(fig.layout, fig.data, size)
    plot_height = height_before - fig.layout["margin"]["t"] - 40  # the plot area keeps its height
    legend_top = -fig.layout["legend"]["y"] * plot_height
    assert legend_top >= axis + fit.GAP - 1e-9
    notes = [a for a in fig.layout["annotations"] if a.get("name") == fit.NOTE]
    shifts = [-note["yshift"] for note in notes]
    legend_bottom = legend_top + fit._legend_height(fig.layout["legend"], fig.data, size)
    assert shifts[0] >= legend_bottom and shifts[1] > shifts[0]
    assert fig.layout["margin"]["b"] > shifts[1]
    assert fig.layout["height"] - height_before == fig.layout["margin"]["b"] - 40


def test_a_projector_legend_sits_lower_than_a_light_one():
    names = ["one", "two", "three"]
    light, projector = lined_figure("light", names), lined_figure("projector", names)
    for fig in (light, projector):
        fit.fit_below(fig.layout, fig.data)
    assert projector.layout["legend"]["y"] < light.layout["legend"]["y"] < 0


def test_a_legend_placed_elsewhere_and_a_single_trace_are_left_alone():
    fig = lined_figure("light", ["one", "two"])
    fig.update_layout(legend={"orientation": "v", "x": 1.02, "y": 0.0, "yanchor": "bottom"})
    fit.fit_below(fig.layout, fig.data)
    assert fig.layout["legend"]["y"] == 0.0 and fig.layout["margin"]["b"] == 40
    single = lined_figure("light", ["only"])
    fit.fit_below(single.layout, single.data)
    assert single.layout["legend"]["y"] == -0.18


def test_the_title_and_subplot_titles_share_the_top_margin():
    fig = canvas.subplots(rows=1, cols=2, subplot_titles=("왼쪽", "오른쪽"))
    fig.add_trace(canvas.scatter(x=[0], y=[0]), row=1, col=1)
    style.apply_layout(fig, theme="projector", title="제목<br>두 줄")
    fit.tidy_subplot_titles(fig.layout)
    fit.fit_above(fig.layout)
    title_bottom = fit.TITLE_TOP + 2 * 24 * 1.25
    subtitle = fig.layout["annotations"][0]
    assert subtitle["font"]["size"] == 20  # the projector's type size, not Plotly's 16
    assert fig.layout["margin"]["t"] >= title_bottom + 20 * 1.3
    assert fig.layout["title"]["yanchor"] == "top" and fig.layout["title"]["yref"] == "container"


def test_log_axes_are_labelled_by_decades_unless_the_figure_says_otherwise():
    layout = {"yaxis": {"type": "log"}, "yaxis2": {"type": "log", "dtick": 1}, "xaxis": {}}
    fit.tidy_log_axes(layout)
    assert layout["yaxis"]["nticks"] == fit.LOG_AXIS_TICKS and "nticks" not in layout["yaxis2"]
    assert "nticks" not in layout["xaxis"]


def test_a_long_note_is_wrapped():
    wrapped = fit.wrap(" ".join(["word"] * 60), 12, fit.NOTE_WIDTH)
    assert wrapped.count("<br>") >= 2
    assert all(fit.text_width(line, 12) <= fit.NOTE_WIDTH for line in wrapped.split("<br>"))


def test_every_catalogue_figure_is_finished_alike_on_the_canvas_and_in_plotly():
    spec = catalogue.get("cell-comparison")
    data = spec.run(spec.defaults())
    with canvas.plotly_objects():
        slow = spec.build(data, lang="ko", theme="projector")
    fast = spec.build(data, lang="ko", theme="projector")
    assert fast.layout.legend.y == pytest.approx(slow.layout.legend.y) and fast.layout.legend.y != -0.18
    assert fast.layout.height == slow.layout.height
    assert "<sub>" in fast.layout.yaxis.title.text or "‖" in fast.layout.yaxis.title.text
