"""The training page's figures and lesson: data against the engine's runs, partial data, tables, sizes, and the
page's background job against the synchronous compute functions. Small settings throughout (the defaults'
claim is tests/test_training_export.py's one run)."""

import numpy as np
import pytest

from rnnviz.experiments import reversal, training
from rnnviz.experiments.delay_sweep import delay_sweep
from rnnviz.figures.style import CELL_COLORS, THEMES
from rnnviz.figures.training import KIND_COLORS, LOG10_FLOOR, moment_steps
from rnnviz.lessons import training as lesson
from tests.figures import helpers
from tests.figures.helpers import assert_finite

SMALL = {"T": 8, "H": 4, "batch": 4, "steps": 100}
FIGURE_IDS = lesson.FIGURE_IDS


def build(figure_id, lang="en", theme="light", **changes):
    return helpers.build(figure_id, lang, theme, **{**SMALL, **changes})


def small_settings(**changes):
    return lesson.settings_of({**lesson.default_settings(), **SMALL, **changes})


def test_the_page_defaults_are_the_engines_defaults():
    """The claim of the seeds is a test of TrainingConfig() (the command line's run at the defaults): the page's
    defaults must be exactly that config."""
    assert lesson.training_config(**lesson.default_settings()) == training.TrainingConfig()


@pytest.mark.parametrize("lang", ("ko", "en"))
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("figure_id", FIGURE_IDS)
def test_builds_in_every_language_and_theme(figure_id, lang, theme):
    _, fig = build(figure_id, lang, theme)
    assert_finite(fig)
    hangul = any("\uac00" <= ch <= "\ud7a3" for ch in fig.layout.title.text)
    assert hangul == (lang == "ko")


def test_curves_are_the_engines_runs_one_colour_per_cell():
    data, fig = build("training-curves", task="first_token", optimizer="sgd", lr="0.1", clip="none", seed=4)
    config = lesson.training_config(**small_settings(task="first_token", optimizer="sgd", lr="0.1", clip="none",
                                                     seed=4))
    assert config.max_norm is None and config.learning_rate == 0.1 and config.optimizer == "sgd"
    for kind in lesson.KINDS:
        expected = training.run(kind, config)
        trace = next(tr for tr in fig.data if tr.name == lesson.STRINGS[f"training.kind.{kind}"].en)
        np.testing.assert_allclose(trace.y, [s.ratio for s in expected], rtol=1e-12)
        np.testing.assert_array_equal(trace.x, [s.step for s in expected])
        assert trace.line.color == KIND_COLORS[kind]
    assert KIND_COLORS["lstm"] == CELL_COLORS["lstm"] and len(set(KIND_COLORS.values())) == 4
    table = lesson.curves_table(data)
    assert list(table.columns) == ["cell", "step", "loss", "baseline"]
    assert list(table["cell"].unique()) == ["rnn", "irnn", "lstm", "gru"]
    np.testing.assert_allclose(table["baseline"], np.log(4))


def test_gradient_heatmaps_moments_and_gates():
    data, fig = build("training-gradients", moment=40)
    marks = moment_steps(data, 40)
    assert marks == {"start": 0, "moment": 50, "end": 100}  # 40 % of 100 steps, to the nearest snapshot (50)
    heatmaps = [tr for tr in fig.data if tr.type == "heatmap"]
    assert len(heatmaps) == 4
    for kind, trace in zip(lesson.KINDS, heatmaps):
        snaps = data["runs"][kind]
        np.testing.assert_allclose(np.asarray(trace.z), np.maximum([s.log10_grad_h for s in snaps], LOG10_FLOOR),
                                   atol=1e-5)  # float32
        np.testing.assert_array_equal(trace.y, [s.step for s in snaps])
    gates = {tr.name: tr for tr in fig.data if tr.name and "gate" in tr.name}
    lstm_gate = gates[lesson.STRINGS["training.gate.f"].en]
    np.testing.assert_allclose(lstm_gate.y, [s.gate_mean for s in data["runs"]["lstm"]])
    table = lesson.gradients_table(data)
    assert list(table.columns) == ["cell", "step", "t", "log10_grad_norm", "gate_mean"]
    assert len(table) == 4 * 3 * 8
    assert table[table["cell"] == "rnn"]["gate_mean"].isna().all()
    assert not table[table["cell"] == "gru"]["gate_mean"].isna().any()


def test_partial_data_while_training_builds_for_every_figure():
    """The page draws the job's data after every snapshot: a kind without a snapshot yet, a sweep without rows."""
    updates = list(lesson.training_updates(small_settings()))
    first = updates[0]
    assert first.phase == "runs" and first.kind == "rnn" and len(first.runs["runs"]["rnn"]) == 1
    assert first.runs["runs"]["gru"] == () and first.reversal is None and first.summary is None
    for figure_id, data in (("training-curves", first.runs), ("training-gradients", first.runs)):
        assert_finite(lesson.spec(figure_id).build(data, lang="ko", theme="dark"))
    sweep_start = next(u for u in updates if u.phase == "summary")
    assert len(sweep_start.summary["table"]) == 0
    assert_finite(lesson.spec("training-summary").build(sweep_start.summary, lang="en", theme="light"))
    assert lesson.summary_grid(sweep_start.summary, "en").to_numpy().tolist()[0][0] == "…"
    fractions = [u.fraction for u in updates]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and updates[-1].phase == "done"


def test_the_jobs_data_equal_the_compute_functions():
    settings = small_settings(task="first_token")
    final = list(lesson.training_updates(settings))[-1]
    runs = lesson.compute_runs(**settings)
    for kind in lesson.KINDS:
        assert [s.loss for s in final.runs["runs"][kind]] == [s.loss for s in runs["runs"][kind]]
    flipped = lesson.compute_reversal(**settings)
    for key, snaps in flipped["runs"].items():
        assert [s.loss for s in final.reversal["runs"][key]] == [s.loss for s in snaps]
    summary = lesson.compute_summary(**settings)
    columns = ["cell", "T", "delay", "ratio", "solved", "steps"]
    assert final.summary["table"][columns].equals(summary["table"][columns])


def test_summary_is_the_delay_sweep_and_its_grid_says_solved_or_not():
    data, fig = build("training-summary", task="first_token", steps=150)
    config = lesson.training_config(**small_settings(task="first_token", steps=150))
    expected = delay_sweep(config)
    columns = ["cell", "T", "delay", "ratio", "solved", "steps"]
    assert lesson.summary_table(data)[columns].equals(expected[columns])
    grid = lesson.summary_grid(data, "en")
    assert list(grid.columns) == ["delay 4", "delay 9", "delay 19", "delay 39"]
    for row in expected.itertuples():
        cell = grid.loc[lesson.STRINGS[f"training.kind.{row.cell}"].en, f"delay {row.delay}"]
        assert cell == (f"✓ step {row.steps}" if row.solved else f"✗ {row.ratio:.3g}")
    markers = [tr.marker.symbol for tr in fig.data if tr.type == "scatter" and tr.marker.symbol is not None]
    assert all(set(m) <= {"circle", "circle-open"} for m in markers)


def test_reversal_figure_runs_and_distances():
    data, fig = build("input-reversal", task="first_token")
    config = lesson.training_config(**small_settings(task="first_token"))
    for kind in lesson.REVERSAL_KINDS:
        flipped = training.run(kind, config.replace(reverse_input=True))
        assert [s.loss for s in data["runs"][(kind, True)]] == [s.loss for s in flipped]
    dist = data["distances"].set_index("reversed")
    assert dist.loc[False, "mean"] == 7 and dist.loc[True, "mean"] == 0  # T − 1 = 7 steps back, then 0
    table = lesson.reversal_table(data)
    assert set(table["panel"]) == {"training", "distance"}
    assert table[table["panel"] == "distance"]["distance_mean"].tolist() == [7.0, 0.0]
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert [list(b.y) for b in bars] == [[7.0], [0.0]]
    adding = reversal.distance_ranges("adding", T=8)
    assert list(adding["input"].unique()) == ["mark_1", "mark_2"]


def test_a_diverging_run_draws_gaps_and_decades_not_inf():
    """A loss that overflowed (inf) is a gap; a ratio of 10¹⁴⁷ gets Plotly's decades instead of the fixed ticks."""
    settings = small_settings()
    runs = {kind: [training.Snapshot(kind, step, loss, 1 / 6, loss, 1.0, np.zeros(8), "f", 0.5, 1.0)
                   for step, loss in ((0, 0.2), (50, 1e146), (100, np.inf))] for kind in lesson.KINDS}
    fig = lesson.spec("training-curves").build(lesson.runs_data(settings, runs), lang="en", theme="light")
    assert_finite(fig)
    assert fig.data[0].y[2] is None and fig.layout.yaxis.tickvals is None
    _, normal = build("training-curves")
    assert list(normal.layout.yaxis.tickvals) [4:6] == [0.3, 1.0]


def test_largest_settings_stay_small():
    """T = 200 and 5000 steps (101 snapshots): the gradient chart (four 101 × 200 heatmaps) stays under 1 MB.
    The snapshots are made up (a real run would take many minutes): the size depends only on their shapes."""
    rng = np.random.default_rng(0)
    settings = lesson.settings_of({**lesson.default_settings(), "T": 200, "steps": 5000})
    runs = {kind: [training.Snapshot(kind, step, 0.5, 1 / 6, 0.5, 1.0, -rng.uniform(0, 60, 200), "f", 0.5, 1.0)
                   for step in range(0, 5001, 50)] for kind in lesson.KINDS}
    data = lesson.runs_data(settings, runs)
    for figure_id in ("training-curves", "training-gradients"):
        text = lesson.spec(figure_id).build.json(data, lang="ko", theme="projector", **(
            {"moment": 50} if figure_id == "training-gradients" else {}))
        assert len(text) < 1_000_000, (figure_id, len(text))
