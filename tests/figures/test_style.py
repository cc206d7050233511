"""The shared layout: on a canvas and on Plotly's own figures, exactly what Plotly's update calls give."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from rnnviz.figures import canvas, fit, style


def reference_layout(fig: go.Figure, *, theme: str, title: str, x_title: str, y_title: str) -> go.Figure:
    """What apply_layout must produce, written with Plotly's update_layout / update_*axes."""
    size = style._FONT_SIZES[theme]
    fig.update_layout(
        template=pio.templates[style._TEMPLATES[theme]],
        title={"text": title, "x": 0.0, "xanchor": "left", "pad": {"l": 12}, "font": {"size": size + 4}},
        font={"family": style.FONT_FAMILY, "size": size},
        height=460 + (80 if theme == "projector" else 0),
        margin={"l": 70, "r": 30, "t": 60, "b": 40},
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "xanchor": "left", "x": 0.0},
        hoverlabel={"font": {"family": style.FONT_FAMILY}},
    )
    fig.update_xaxes(title_text=x_title, title_standoff=fit.TITLE_STANDOFF, automargin=True)
    fig.update_yaxes(title_text=y_title, automargin=True)
    if theme == "projector":
        fig.update_xaxes(showgrid=True, gridcolor="#DDDDDD", linewidth=2)
        fig.update_yaxes(showgrid=True, gridcolor="#DDDDDD", linewidth=2)
    return fig


def figures() -> list:
    """A plain figure with a preset title font and legend, and a 2×2 grid with subplot titles (a canvas,
    or Plotly's figures inside ``canvas.plotly_objects()``)."""
    plain = canvas.figure(canvas.scatter(x=[1, 2], y=[3, 4]))
    plain.update_layout(legend={"traceorder": "reversed"}, title={"font": {"color": "red"}})
    grid = canvas.subplots(rows=2, cols=2, subplot_titles=("a", "b", "c", "d"))
    grid.add_trace(canvas.scatter(x=[1], y=[1]), row=2, col=2)
    grid.update_yaxes(type="log", row=1, col=2)
    return [plain, grid]


def as_dict(fig) -> dict:
    return fig.to_dict() if isinstance(fig, go.Figure) else go.Figure(fig.to_dict(typed_arrays=False)).to_dict()


@pytest.mark.parametrize("theme", style.THEMES)
@pytest.mark.parametrize("which", [0, 1], ids=["plain", "subplots"])
def test_apply_layout_equals_plotly_update_calls(theme, which):
    with canvas.plotly_objects():
        slow = reference_layout(figures()[which], theme=theme, title="제목", x_title="t", y_title="‖∂L/∂h‖")
        on_plotly = style.apply_layout(figures()[which], theme=theme, title="제목", x_title="t", y_title="‖∂L/∂h‖")
    on_canvas = style.apply_layout(figures()[which], theme=theme, title="제목", x_title="t", y_title="‖∂L/∂h‖")
    assert isinstance(on_canvas, canvas.Canvas) and isinstance(on_plotly, go.Figure)
    assert as_dict(on_canvas) == slow.to_dict()
    assert on_plotly.to_dict() == slow.to_dict()


def test_apply_layout_leaves_axis_titles_alone_when_none_is_given():
    fig = canvas.subplots(rows=1, cols=2)
    fig.update_xaxes(title_text="kept", row=1, col=2)
    style.apply_layout(fig, theme="light", title="x")
    assert "text" not in fig.layout["xaxis"]["title"]
    assert fig.layout["xaxis2"]["title"] == {"text": "kept", "standoff": fit.TITLE_STANDOFF}
