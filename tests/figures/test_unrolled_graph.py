"""Figures of the unrolled graph and the cell diagram: traces, frames, numbers, themes, languages, size."""

import json

import numpy as np
import pytest

from rnnviz import catalogue, core
from rnnviz.figures.unrolled_graph import N_BINS, color_range
from rnnviz.figures.style import THEMES

GRAPH = catalogue.get("unrolled-graph")
CELL = catalogue.get("cell-diagram")


def values(spec, **changes):
    v = spec.defaults()
    v.update(changes)
    return v


def numbers(fig):
    """Every number of every trace and frame (x, y, marker colour/size), for the no-inf/nan check."""
    out = []
    for trace in list(fig.data) + [tr for frame in fig.frames for tr in frame.data]:
        for name in ("x", "y"):
            seq = getattr(trace, name)
            if seq is not None:
                out += [v for v in seq if v is not None]
        marker = getattr(trace, "marker", None)
        if marker is not None:
            for name in ("color", "size"):
                seq = getattr(marker, name)
                if seq is not None and not isinstance(seq, str):
                    out += [v for v in np.atleast_1d(seq) if not isinstance(v, str)]
    return np.array(out, dtype=float)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_graph_figure_in_every_theme_and_language(cell, lang, theme):
    data = GRAPH.compute(**values(GRAPH, cell=cell))
    fig = GRAPH.build(data, lang=lang, theme=theme)
    graph = data["graph"]
    assert len(fig.frames) == graph.n_frames == graph.T + 1
    assert len(fig.data) == 3 + N_BINS + 1
    assert fig.layout.updatemenus[0].buttons[0].method == "animate"
    assert len(fig.layout.sliders[0].steps) == graph.n_frames
    assert ("펼친 계산 그래프" if lang == "ko" else "Unrolled graph") in fig.layout.title.text
    assert np.all(np.isfinite(numbers(fig)))
    for frame in fig.frames:  # frames only touch the animated traces: edges by colour bin, then lit nodes
        assert list(frame.traces) == list(range(3, 3 + N_BINS + 1))


def test_graph_colours_are_the_engines_norms_on_one_log_scale():
    data = GRAPH.compute(**values(GRAPH, T_graph=5, scale=2.0))
    graph = data["graph"]
    fig = GRAPH.build(data, lang="en", theme="light")
    lit = fig.data[-1]
    cmin, cmax = color_range(graph)
    assert lit.marker.cmin == cmin and lit.marker.cmax == cmax
    np.testing.assert_allclose(lit.marker.color, np.round(np.log10(graph.node_norm), 4), atol=1e-4)
    # the h_t nodes show ‖∂L/∂h_t‖ of core.backward, the curve the other pages plot
    h_nodes = [k for k, kind in enumerate(graph.node_kind) if kind == "h" and graph.node_step[k] > 0]
    np.testing.assert_allclose(graph.node_norm[h_nodes], data["dh_norm"][graph.node_step[h_nodes] - 1], rtol=1e-12)
    hover = fig.data[2].hovertext[graph.node_key.index("tanh3")]
    assert f"{graph.node_norm[graph.node_key.index('tanh3')]:.4g}" in hover
    # the first frame shows only the loss and h_T; the last shows every node
    assert len(fig.frames[0].data[-1].x) == int(np.sum(graph.node_order == 0))
    assert len(fig.frames[-1].data[-1].x) == len(graph.node_key)


def test_sentence_input_labels_the_steps_and_the_answer():
    data = GRAPH.compute(**values(GRAPH, input="tom"))
    fig = GRAPH.build(data, lang="ko", theme="light")
    texts = [a.text for a in fig.layout.annotations]
    assert data["graph"].T == 19
    assert any("Tom" in text and "t=1" in text for text in texts)
    assert "“Tom”" in texts


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_largest_settings_stay_under_one_megabyte(cell):
    data = GRAPH.compute(**values(GRAPH, cell=cell, T_graph=200, H=64, loss="every"))
    fig = GRAPH.build(data, lang="ko", theme="projector")
    size = len(fig.to_json())
    assert size < 1_000_000, size
    assert data["graph"].ellipsis is not None
    assert any("collapsed" in a.text or "접음" in a.text for a in fig.layout.annotations)
    assert np.all(np.isfinite(numbers(fig)))


def test_exploding_and_vanishing_stay_finite():
    for scale in (0.05, 3.0):
        data = GRAPH.compute(**values(GRAPH, nonlinearity="linear", T_graph=200, scale=scale))
        fig = GRAPH.build(data, lang="en", theme="dark")
        assert np.all(np.isfinite(numbers(fig)))


def test_graph_table_has_ascii_columns_and_every_node():
    data = GRAPH.compute(**values(GRAPH))
    table = GRAPH.table(data)
    assert all(c.isascii() for c in table.columns)
    assert len(table) == len(data["graph"].node_key)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize(("cell", "variant"), [("rnn", "classic"), ("lstm", "classic"), ("gru", "classic"),
                                               ("gru", "pytorch")])
def test_cell_diagram(cell, variant, lang, theme):
    data = CELL.compute(**values(CELL, cell=cell, gru_variant=variant, step=3))
    fig = CELL.build(data, lang=lang, theme=theme)
    assert data["step"] == 3
    assert len(fig.layout.shapes) > 10
    forward, backward = fig.data
    assert forward.marker.cmin == -1 and forward.marker.cmax == 1
    texts = " ".join(a.text for a in fig.layout.annotations)
    gates = {"rnn": [], "lstm": ["σ f", "σ i", "tanh g", "σ o"], "gru": ["σ r", "σ z", "tanh h̃"]}[cell]
    for gate in gates:
        assert gate in texts
    assert np.all(np.isfinite(np.asarray(forward.marker.color, dtype=float)))
    assert np.all(np.isfinite(np.asarray(backward.marker.color, dtype=float)))
    assert ("순전파" if lang == "ko" else "Forward") in texts


def test_cell_diagram_numbers_are_the_step_values():
    data = CELL.compute(**values(CELL, cell="lstm", step=4))
    params = core.init_params("lstm", 4, 3, init="orthogonal", seed=3)
    fig = CELL.build(data, lang="en", theme="light")
    mean_f = float(np.mean(data["forward"]["f"]))
    assert any(f"{mean_f:.3g}" in a.text and "σ f" in a.text for a in fig.layout.annotations)
    graph = GRAPH.compute(**values(GRAPH, cell="lstm"))["graph"]
    assert np.linalg.norm(data["backward"]["h"]) == pytest.approx(graph.node_norm[graph.node_key.index("h4")])
    assert np.linalg.norm(data["backward"]["c_prev"]) == pytest.approx(
        np.linalg.norm(data["forward"]["f"] * data["backward"]["c"]))
    assert params["weight_hh"].shape == (12, 3)  # the page's network: I = 4, H = 3, orthogonal


def test_cell_diagram_clamps_the_step_and_has_a_table():
    data = CELL.compute(**values(CELL, step=50))
    assert (data["step"], data["asked"]) == (6, 50)
    table = CELL.table(data)
    assert set(table["side"]) == {"forward", "backward"}
    json.dumps(table.to_dict())
