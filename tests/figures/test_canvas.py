"""The plain-dict canvas writes exactly the JSON that Plotly's own, validating figure objects write.

Every catalogue figure is built three ways and compared as parsed JSON: on the canvas (what the pages
send), on Plotly's objects (``canvas.plotly_objects()``), and validated from the canvas's dicts (what
exports and the command line use). Then each part of ``go.Figure``'s API that the canvas copies is
checked on small figures, including cases the catalogue does not reach at its defaults.
"""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from _plotly_utils.utils import convert_to_base64
from plotly.io.json import to_json_plotly

from rnnviz import catalogue
from rnnviz.figures import canvas, style
from rnnviz.lessons import training

LANGS = ("ko", "en")


def three_ways(spec, values, lang, theme):
    """Parsed JSON of one figure: (canvas, Plotly objects, validated canvas)."""
    data = spec.run(values)
    view = spec.view_values(values)
    plain = json.loads(spec.build.json(data, lang=lang, theme=theme, **view))
    with canvas.plotly_objects():
        reference = spec.build(data, lang=lang, theme=theme, **view)
    validated = spec.build(data, lang=lang, theme=theme, **view)
    return plain, json.loads(pio.to_json(reference)), json.loads(pio.to_json(validated))


@pytest.mark.parametrize("theme", style.THEMES)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("figure_id", sorted(catalogue.CATALOGUE))
def test_canvas_json_equals_plotly_at_defaults(figure_id, lang, theme):
    spec = catalogue.get(figure_id)
    plain, reference, validated = three_ways(spec, spec.defaults(), lang, theme)
    assert plain == reference
    assert validated == reference


# Figures that train networks: their largest settings train for minutes, so each parameter is moved on settings
# that train in about a second, numbers to their minimum and one step above it (the charts' size at the largest
# settings is checked on made-up snapshots in tests/figures/test_training.py).
QUICK_BASES = {figure_id: training.QUICK_SETTINGS for figure_id in training.FIGURE_IDS}


def changed_settings(spec) -> list[dict]:
    """Each parameter moved alone: numbers to their min and max, choices to every other value."""
    settings = []
    base = {**spec.defaults(), **QUICK_BASES.get(spec.id, {})}
    for param in spec.params:
        if param.kind in ("int", "float") and spec.id in QUICK_BASES:
            moves = [param.min, param.min + param.step]
        elif param.kind in ("int", "float"):
            moves = [param.min, param.max]
        elif param.kind == "choice":
            moves = [c for c in param.choices if c != param.default]
        elif param.kind == "bool":
            moves = [not param.default]
        else:
            continue
        settings += [{**base, param.name: move} for move in moves]
    return settings


CHANGED = [(figure_id, k, values) for figure_id in sorted(catalogue.CATALOGUE)
           for k, values in enumerate(changed_settings(catalogue.get(figure_id)))]


@pytest.mark.parametrize(("figure_id", "k", "values"), CHANGED, ids=[f"{f}-{k}" for f, k, _ in CHANGED])
def test_canvas_json_equals_plotly_with_each_parameter_moved(figure_id, k, values):
    spec = catalogue.get(figure_id)
    values, _ = spec.validate(values)
    lang, theme = LANGS[k % 2], style.THEMES[k % 3]
    plain, reference, validated = three_ways(spec, values, lang, theme)
    assert plain == reference
    assert validated == reference


def draw_both(draw) -> tuple[dict, dict]:
    """``draw()`` on the canvas and on Plotly's objects, both as Plotly's ``to_dict``."""
    on_canvas = draw()
    with canvas.plotly_objects():
        on_plotly = draw()
    assert isinstance(on_canvas, canvas.Canvas) and isinstance(on_plotly, go.Figure)
    return json.loads(on_canvas.to_json()), json.loads(on_plotly.to_json())


def lines_on_a_grid():
    fig = canvas.subplots(rows=2, cols=2, subplot_titles=("a", "b", "c", "d"))
    fig.add_trace(canvas.scatter(x=[1, 2], y=[3, 4]), row=1, col=1)
    fig.add_trace(canvas.bar(x=["u", "v"], y=[1, 2], marker_color="red"), row=2, col=2)
    fig.add_hline(y=2.5, line={"dash": "dot"}, annotation_text="all", annotation_position="top left")
    fig.add_vline(x=1.5, row=2, col=2, annotation_text="one", annotation_font_color="blue")
    fig.add_hline(y=1.0, row=1, col=2, exclude_empty_subplots=False)
    fig.add_annotation(text="domain", xref="x domain", yref="y domain", x=0.5, y=1, row=2, col=2)
    fig.add_annotation(text="paper", xref="paper", yref="paper", x=0, y=0)
    fig.add_shape(type="rect", x0=0, x1=1, y0=0, y1=1, row="all", col=1)
    return fig


def axes_by_row_and_column():
    fig = canvas.subplots(rows=2, cols=3, shared_yaxes=True, row_heights=[0.7, 0.3], horizontal_spacing=0.05)
    fig.update_xaxes(title_text="every x")
    fig.update_yaxes(type="log", row=2)
    fig.update_xaxes({"tickangle": -45}, col=3)
    fig.update_yaxes(range=[0, 1], title_font_size=9, row=1, col=2)
    fig.update_layout({"legend": {"y": -0.2}}, legend_x=0.1, margin_t=99, title_text="merged")
    return fig


def spanning_subplot_with_arrays():
    fig = canvas.subplots(rows=2, cols=2, specs=[[{"colspan": 2}, None], [{}, {}]])
    steps = np.arange(1, 6)
    fig.add_trace(canvas.heatmap(z=np.arange(6.0).reshape(2, 3), colorscale="RdBu_r"), row=1, col=1)
    fig.add_trace(canvas.scatter(x=steps, y=steps ** 2.0, error_y={"array": [1, 1, 1, 1, 1]}), row=2, col=1)
    fig.add_trace(canvas.scatter(x=steps.astype(np.int64) * 1000, y=[np.float64(1.5)] * 5), row=2, col=2)
    fig.add_hline(y=3, col=1, row="all")
    style.apply_layout(fig, theme="projector", title="제목", x_title="t")
    fig.frames = [{"data": [{"y": steps}], "traces": [1], "name": "0"}]
    return fig


def plain_figure_with_lines():
    fig = canvas.figure([canvas.scatter(x=[0, 1], y=[0, 1]), canvas.scatter(x=[0, 1], y=[1, 0], line_width=3)])
    fig.add_hline(y=0.5, annotation_text="h", annotation_position="bottom right")
    fig.add_vline(x=0.25, line_color="green")
    canvas.extend_annotations(fig, [{"text": f"a{k}", "x": k, "y": 0, "showarrow": False} for k in range(3)])
    return fig


@pytest.mark.parametrize("draw", [lines_on_a_grid, axes_by_row_and_column, spanning_subplot_with_arrays,
                                  plain_figure_with_lines])
def test_canvas_calls_do_what_plotly_calls_do(draw):
    on_canvas, on_plotly = draw_both(draw)
    assert on_canvas == on_plotly


def test_canvas_typed_arrays_and_validated_figure():
    """Numpy arrays leave as Plotly's base64 typed arrays; the validated figure keeps them as arrays."""
    fig = canvas.figure(canvas.scatter(x=np.arange(3), y=np.array([0.5, 1.5, 2.5])))
    sent = json.loads(fig.to_json())["data"][0]
    assert sent["x"]["dtype"] == "i1" and sent["y"]["dtype"] == "f8"
    validated = go.Figure(fig.to_dict(typed_arrays=False))
    assert np.array_equal(validated.data[0].y, [0.5, 1.5, 2.5])


def test_typed_arrays_in_place_matches_plotly():
    """The canvas's array conversion gives what Plotly's own gives, key for key."""

    def sample():
        return {"x": np.arange(4, dtype=np.int64) * 300, "y": [np.float64(1.5), 2.0], "range": np.zeros(2),
                "z": np.eye(2), "nested": [{"a": np.array([True, False]), "b": "text"}, (np.ones(3), 7)],
                "empty": np.array([]), "big": np.array([2 ** 40]), "scalar": np.float32(3.0)}

    ours, theirs = sample(), sample()
    canvas.typed_arrays_in_place(ours)
    convert_to_base64(theirs)
    assert json.loads(to_json_plotly(ours)) == json.loads(to_json_plotly(theirs))
    assert ours["x"]["dtype"] == "i2" and isinstance(ours["range"], np.ndarray)


def test_canvas_does_not_alias_what_it_was_given():
    """A dict handed to the canvas (e.g. from cached engine data) is never modified through it."""
    line = {"color": "red"}
    fig = canvas.figure(canvas.scatter(x=[1], y=[1], line=line))
    fig.data[0]["line"]["width"] = 3
    fig.to_json()
    assert line == {"color": "red"}


def test_canvas_rejects_a_row_without_a_grid():
    with pytest.raises(ValueError, match="no subplot"):
        canvas.figure().add_trace(canvas.scatter(x=[1], y=[1]), row=1, col=1)


def test_builder_returns_a_validated_figure_and_fast_json():
    spec = catalogue.get("tanh-derivative")
    data = spec.run(spec.defaults())
    fig = spec.build(data, lang="ko", theme="light")
    assert isinstance(fig, go.Figure)
    assert isinstance(spec.build.draw(data, lang="ko", theme="light"), canvas.Canvas)
    assert json.loads(spec.build.json(data, lang="ko", theme="light")) == json.loads(pio.to_json(fig))
