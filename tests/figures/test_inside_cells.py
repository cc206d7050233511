"""Figures of the inside-cells page: numbers against finite differences, layout, aggregation, size, languages."""

from __future__ import annotations

import numpy as np
import pytest

from rnnviz import catalogue, core, setups
from rnnviz.figures import inside_cells as figures
from rnnviz.lessons.inside_cells import equations
from rnnviz.i18n import t
from tests.figures.helpers import note_texts

FIGURE_IDS = ("hidden-states", "gates", "cell-gradients", "word-gradients")
THEMES = ("light", "dark", "projector")


def values_for(figure_id: str, **changes):
    values = catalogue.get(figure_id).defaults()
    values.update(changes)
    return values


def data_for(figure_id: str, **changes):
    return catalogue.get(figure_id).run(values_for(figure_id, **changes))


def trace_arrays(fig):
    """Every numeric array a trace sends (x, y, z)."""
    for trace in fig.data:
        for name in ("x", "y", "z"):
            value = getattr(trace, name, None)
            if value is not None:
                arr = np.asarray(value, dtype=object)
                if arr.size and all(isinstance(v, (int, float, np.number)) for v in arr.ravel()):
                    yield trace.type, name, arr.astype(np.float64)


# --------------------------------------------------------------------------------------- aggregation
def test_large_heatmaps_are_aggregated_to_the_mean_of_the_raw_states():
    data = data_for("hidden-states", cell="lstm", T=1000, H=256, seed=5)
    h = data["panels"]["h"]
    assert h.shape[0] <= figures.MAX_T_BINS and h.shape[1] <= figures.MAX_UNIT_BINS
    assert data["t_factor"] == 5 and data["unit_factor"] == 4
    x = setups.make_input("random", T=1000, input_size=4, seed=6)
    params = setups.make_params("lstm", input_size=4, hidden_size=256, init="pytorch", seed=5)
    raw = core.forward("lstm", params, x).h[:, 0]  # (T, H)
    assert h[10, 3] == pytest.approx(raw[50:55, 12:16].mean())
    fig = figures.hidden_states_figure(data, lang="en", theme="light")
    assert any("Averaged to screen resolution" in text for text in note_texts(fig))
    small = figures.hidden_states_figure(data_for("hidden-states"), lang="en", theme="light")
    assert not any("Averaged" in text for text in note_texts(small))


# ----------------------------------------------------------------------------- gradients vs differences
def _loss(cell, params, x, variant, h0=None, c0=None):
    return float(core.forward(cell, params, x, h0=h0, c0=c0, gru_variant=variant).h[-1].sum())


@pytest.mark.parametrize(("cell", "variant"), [("rnn", "classic"), ("lstm", "classic"), ("gru", "classic"),
                                               ("gru", "pytorch")])
def test_gradient_norms_match_centred_differences(cell, variant):
    seed, n_t, n_h = 7, 6, 3
    data = data_for("cell-gradients", cell=cell, gru_variant=variant, T=n_t, H=n_h, seed=seed, scale=1.5)
    x = setups.make_input("random", T=n_t, input_size=4, seed=seed + 1)
    params = setups.make_params(cell, input_size=4, hidden_size=n_h, init="pytorch", seed=seed, scale=1.5)
    trace = core.forward(cell, params, x, gru_variant=variant)
    eps = 1e-6
    for step in (0, 3, n_t - 1):
        dx = np.zeros(4)
        for i in range(4):
            bump = np.zeros_like(x)
            bump[step, 0, i] = eps
            dx[i] = (_loss(cell, params, x + bump, variant) - _loss(cell, params, x - bump, variant)) / (2 * eps)
        assert 10 ** data["log10"]["x"][step] == pytest.approx(np.linalg.norm(dx), rel=1e-5)
        dh = np.zeros(n_h)  # L as a function of h_t: run the rest of the sequence from it
        for j in range(n_h):
            if step == n_t - 1:
                dh[j] = 1.0  # L = Σ h_T directly
                continue
            c0 = trace.c[step] if cell == "lstm" else None
            ups = []
            for sign in (1.0, -1.0):
                h0 = trace.h[step].copy()
                h0[0, j] += sign * eps
                ups.append(_loss(cell, params, x[step + 1:], variant, h0=h0, c0=c0))
            dh[j] = (ups[0] - ups[1]) / (2 * eps)
        assert 10 ** data["log10"]["h"][step] == pytest.approx(np.linalg.norm(dh), rel=1e-5)


def test_last_step_gradient_is_the_seeds_ones():
    data = data_for("cell-gradients", H=5)
    assert 10 ** data["log10"]["h"][-1] == pytest.approx(np.sqrt(5))  # ‖ones(H)‖


def test_tom_sentence_first_word_gets_orders_of_magnitude_less_gradient_in_the_rnn():
    data = data_for("word-gradients", input="tom")
    assert data["tokens"][0] == "Tom" and len(data["tokens"]) == len(data["t"])
    assert data["log10"]["x"][0] < data["log10"]["x"][-1] - 4  # seed 000's long-term dependency


def test_underflowed_gradients_are_left_out_with_a_note():
    data = data_for("cell-gradients", T=6)
    data["log10"]["h"][:2] = np.nan  # as for norms that underflowed to 0
    fig = figures.gradients_figure(data, lang="en", theme="light")
    h_trace = fig.data[0]
    assert len(h_trace.x) == 4 and np.all(np.isfinite(np.asarray(h_trace.y, dtype=float)))
    assert t("inside_cells.note.dropped", "en", count=2) in note_texts(fig)


# ------------------------------------------------------------------------------------------- layout
@pytest.mark.parametrize(("cell", "names"), [("rnn", ("a", "dtanh")), ("lstm", ("i", "f", "g", "o")),
                                             ("gru", ("r", "z", "n"))])
def test_gates_figure_has_one_heatmap_per_gate(cell, names):
    data = data_for("gates", cell=cell)
    assert data["gate_names"] == names
    fig = figures.gates_figure(data, lang="en", theme="light")
    assert [tr.type for tr in fig.data] == ["heatmap"] * len(names)
    for name, trace in zip(names, fig.data):
        z = np.asarray(trace.z, dtype=float)
        assert z.shape == (3, 20)  # (H, T): units on y, time on x
        if figures.PANELS[name][1] == "unit":
            assert z.min() >= 0.0 and z.max() <= 1.0 and (trace.zmin, trace.zmax) == (0.0, 1.0)


def test_hidden_states_show_the_cell_state_for_the_lstm_only():
    assert len(figures.hidden_states_figure(data_for("hidden-states", cell="lstm"), lang="en",
                                            theme="light").data) == 2
    assert len(figures.hidden_states_figure(data_for("hidden-states", cell="gru"), lang="en",
                                            theme="light").data) == 1


def test_sentence_tokens_label_the_time_axis_and_the_answer_is_hatched():
    data = data_for("word-gradients", input="tickets")
    fig = figures.word_gradients_figure(data, lang="en", theme="light")
    assert list(fig.layout.xaxis.ticktext) == setups.tokens_of("tickets")
    shapes = list(fig.data[0].marker.pattern.shape)
    tokens = setups.tokens_of("tickets")
    assert shapes[tokens.index("tickets")] == "/" and shapes[tokens.index("printer")] == "x"
    assert shapes[0] == ""


def test_gradient_chart_marks_the_inspected_step_clamped_to_the_sequence():
    data = data_for("cell-gradients", input="writer_of_the_books")
    assert len(data["t"]) == 6
    fig = figures.gradients_figure(data, lang="en", theme="light", step=500)
    assert any(shape.x0 == 6 for shape in fig.layout.shapes)


@pytest.mark.parametrize("figure_id", FIGURE_IDS)
@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_every_figure_is_finite_and_localised_in_every_theme(figure_id, cell):
    spec = catalogue.get(figure_id)
    data = spec.run(values_for(figure_id, cell=cell, input="tom"))
    for lang, theme in zip(("ko", "en", "ko"), THEMES):  # both languages, every theme
        fig = spec.build(data, lang=lang, theme=theme)
        for kind, axis, arr in trace_arrays(fig):
            assert np.all(np.isfinite(arr)), (kind, axis)
        title = fig.layout.title.text
        assert any("\uac00" <= ch <= "\ud7a3" for ch in title) == (lang == "ko")
    table = spec.table(data)
    assert all(col.isascii() for col in table.columns) and len(table) > 0


@pytest.mark.parametrize("figure_id", FIGURE_IDS)
def test_figure_json_stays_under_a_megabyte_at_the_largest_settings(figure_id):
    spec = catalogue.get(figure_id)
    largest = {"cell": "lstm", "T": 1000, "H": 256, "scale": 3.0}
    if "step" in spec.defaults():
        largest["step"] = 1000
    data = spec.run(values_for(figure_id, **largest))
    fig = spec.build(data, lang="ko", theme="projector")
    assert len(fig.to_json()) < 1_000_000
    for kind, axis, arr in trace_arrays(fig):
        assert np.all(np.isfinite(arr)), (kind, axis)


# ---------------------------------------------------------------------------------------- equations
def test_equations_fill_in_the_step_numbers():
    data = data_for("hidden-states", H=3)
    x = setups.make_input("random", T=20, input_size=4, seed=4)
    params = setups.make_params("rnn", input_size=4, hidden_size=3, init="pytorch", seed=3)
    h = core.forward("rnn", params, x).h[:, 0]
    lines = equations(data["detail"], 5)
    assert lines[-1].startswith(r"h_{5} = \tanh(a_{5})")
    assert all(f"{v:.3f}" in lines[-1] for v in h[4])
    assert "cdots" not in "".join(lines)
    with pytest.raises(ValueError, match="step must be in"):
        equations(data["detail"], 21)


@pytest.mark.parametrize(("cell", "variant", "needle"), [
    ("lstm", "classic", r"\tilde c_{2}"), ("gru", "classic", r"\tilde h_{2}"), ("gru", "pytorch", r"n_{2}"),
])
def test_equations_of_every_cell_with_many_units_show_norms(cell, variant, needle):
    data = data_for("hidden-states", cell=cell, gru_variant=variant, H=8)
    lines = equations(data["detail"], 2)
    text = "".join(lines)
    assert needle in text and r"\cdots" in text and r"\|h_{2}\|" in lines[-1]
    assert f"{data['detail']['h_norm'][2]:.4g}" in lines[-1]
