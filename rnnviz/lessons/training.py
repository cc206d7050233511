"""Learning long-term dependencies (seeds 000, 001, 003, 004): a tanh RNN, an IRNN, an LSTM and a GRU trained
with the engine's own BPTT on a task whose answer lies many steps back, with the same settings for all four.

The figures' compute functions (``compute_runs``, ``compute_reversal``, ``compute_summary``) train
synchronously, for the command line and the tests; each is remembered in-process for the last few settings
(training is deterministic in its settings). The page instead runs :func:`training_updates` as a background
job (``rnnviz.lessons.jobs``), which yields :class:`TrainingProgress` with the same figure data, partial while
it trains, so the page can draw the curves as they come. Both paths call ``experiments.training.train`` with
the same config, so they give the same numbers.

Shapes: ``S`` snapshots (one every ``report_every`` optimiser steps, and at step 0), ``T`` time.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import Any, Iterator

import numpy as np
import pandas as pd

from rnnviz.core.train import OPTIMIZERS
from rnnviz.experiments import reversal, training
from rnnviz.experiments.delay_sweep import SOLVED_BELOW, SWEEP_LENGTHS, delay_sweep
from rnnviz.experiments.tasks import TASK_NAMES, get_task
from rnnviz.figures import training as figures
from rnnviz.i18n import Text, t
from rnnviz.lessons import shared
from rnnviz.lessons.spec import FigureSpec, Page, Param

PAGE = Page("training", icon=":material/model_training:", section="remedies")

KINDS = training.CELL_KINDS  # ("rnn", "irnn", "lstm", "gru")
REVERSAL_KINDS = ("rnn", "lstm")
# Relative cost of one training step per kind at the same T (measured: 1000 steps at T = 50, H = 32, B = 32
# take about 1.3 s for the tanh RNN and the IRNN, 7 s for the LSTM and the GRU); for the progress bar only.
KIND_COST = {"rnn": 1.0, "irnn": 1.0, "lstm": 5.5, "gru": 5.3}
MOMENTS = ("start", "moment", "end")

TASK = Param(
    "task", "choice", "adding", Text("과제", "Task"),
    help=Text(
        "adding: 두 표시된 수의 합 (MSE, 하나는 앞쪽 절반, 하나는 뒤쪽 절반에). first_token: 방해 토큰들 사이에서 "
        "첫 토큰을 기억 (교차 엔트로피). 어느 과제냐에 따라 어느 셀이 배우는지가 달라집니다.",
        "adding: the sum of two marked numbers (MSE; one mark in the first half, one in the second). "
        "first_token: remember the first token among distractors (cross-entropy). Which cells learn depends "
        "on the task.",
    ),
    choices=TASK_NAMES, widget="radio",
    choice_labels={"adding": Text("덧셈 문제", "Adding problem"), "first_token": Text("첫 토큰 기억", "First token")},
)
SEQ_LEN = replace(shared.SEQ_LEN, default=50, min=2, max=200, widget="number", help=Text(
    "시퀀스 길이. 정답을 정하는 입력은 최대 T − 1단계 전에 있습니다.",
    "Sequence length. The inputs that decide the answer lie up to T − 1 steps back."))
HIDDEN = replace(shared.HIDDEN, default=32, min=2, max=64, widget="number")
BATCH = Param(
    "batch", "int", 32, Text("미니배치 크기", "Batch size"),
    help=Text("단계마다 새로 뽑는 시퀀스 수", "Fresh sequences drawn at every step"),
    min=1, max=128, step=1, widget="number",
)
STEPS = Param(
    "steps", "int", 1000, Text("학습 단계 수", "Training steps"),
    help=Text("옵티마이저 갱신 횟수 (50단계마다 기록)", "Optimiser updates (a snapshot every 50)"),
    min=50, max=5000, step=50, widget="number",
)
OPTIMIZER = Param(
    "optimizer", "choice", "adam", Text("옵티마이저", "Optimiser"),
    help=Text("Adam(Kingma와 Ba 2015) 또는 SGD", "Adam (Kingma & Ba 2015) or plain SGD"),
    choices=OPTIMIZERS, widget="radio", choice_labels={"adam": Text("Adam", "Adam"), "sgd": Text("SGD", "SGD")},
)
LEARNING_RATES = ("0.001", "0.003", "0.01", "0.03", "0.1", "0.3")
LEARNING_RATE = Param(
    "lr", "choice", "0.01", Text("학습률", "Learning rate"),
    help=Text("네 셀 모두 같은 값", "The same for all four cells"), choices=LEARNING_RATES,
)
CLIP_CHOICES = ("none", "0.5", "1", "5")
CLIP = Param(
    "clip", "choice", "1", Text("기울기 클리핑 max_norm", "Gradient clipping max_norm"),
    help=Text("책의 clip_grads로 모든 기울기의 전체 노름을 제한합니다", "The book's clip_grads on the total norm of "
              "all gradients"),
    choices=CLIP_CHOICES, choice_labels={"none": Text("없음", "none")},
)
SEED = replace(shared.SEED, default=0, help=Text(
    "가중치, 학습 배치, 평가 배치가 모두 이 시드에서 나옵니다", "Weights, training batches and the held-out batch all "
    "follow from it"))
MOMENT = Param(
    "moment", "int", 50, Text("살펴볼 학습 시점 (%)", "Moment of training shown (%)"),
    help=Text("학습 곡선의 점선과 기울기 그림의 가운데 곡선이 가리키는 학습 진행률",
              "How far into training the dashed line of the curves and the middle curve of the gradient chart are"),
    min=0, max=100, step=5,
)
SETTINGS = (TASK, SEQ_LEN, HIDDEN, BATCH, STEPS, OPTIMIZER, LEARNING_RATE, CLIP, SEED)
SETTING_NAMES = tuple(param.name for param in SETTINGS)
QUICK_SETTINGS = {"T": 4, "H": 2, "batch": 2, "steps": 50}  # the smallest useful run: about a second, all figures


def training_config(*, task: str, T: int, H: int, batch: int, steps: int, optimizer: str, lr: str, clip: str,
                    seed: int) -> training.TrainingConfig:
    """The engine's config for the page's settings (the same for every cell); at the page's defaults it is
    ``TrainingConfig()``, the engine's defaults."""
    return training.TrainingConfig(
        task=task, T=T, hidden_size=H, batch_size=batch, steps=steps, optimizer=optimizer,
        learning_rate=float(lr), max_norm=None if clip == "none" else float(clip), seed=seed,
    )


def settings_of(values: dict[str, Any]) -> dict[str, Any]:
    """The training settings out of a page's values (the view options left out)."""
    return {name: values[name] for name in SETTING_NAMES}


def default_settings() -> dict[str, Any]:
    return {param.name: param.default for param in SETTINGS}


def settings_key(settings: dict[str, Any]) -> tuple:
    """A hashable key of the settings (a job's key on the server)."""
    return tuple(settings[name] for name in SETTING_NAMES)


# ------------------------------------------------------------------------------------------- data
def runs_data(settings: dict[str, Any], runs: dict[str, list[training.Snapshot]]) -> dict[str, Any]:
    """The data of ``training-curves`` and ``training-gradients``: ``runs`` {kind: (Snapshot, ...)} in
    :data:`KINDS` order (a kind may have fewer snapshots, or none, while it trains), ``task``, ``T``,
    ``steps``, ``report_every``, ``baseline`` and ``settings``."""
    config = training_config(**settings)
    return {
        "settings": dict(settings), "task": config.task, "T": config.T, "steps": config.steps,
        "report_every": config.report_every, "baseline": get_task(config.task).baseline,
        "runs": {kind: tuple(runs.get(kind, ())) for kind in KINDS},
    }


def reversal_data(settings: dict[str, Any], plain: dict[str, list], flipped: dict[str, list]) -> dict[str, Any]:
    """The data of ``input-reversal``: ``runs`` {(kind, reversed): (Snapshot, ...)} for :data:`REVERSAL_KINDS`,
    ``distances`` (``reversal.distance_ranges`` of the task at T) and the settings."""
    config = training_config(**settings)
    runs = {}
    for kind in REVERSAL_KINDS:
        runs[(kind, False)] = tuple(plain.get(kind, ()))
        runs[(kind, True)] = tuple(flipped.get(kind, ()))
    return {
        "settings": dict(settings), "task": config.task, "T": config.T, "steps": config.steps,
        "baseline": get_task(config.task).baseline, "runs": runs,
        "distances": reversal.distance_ranges(config.task, T=config.T, seed=config.seed),
    }


def summary_data(settings: dict[str, Any], rows: list[pd.DataFrame]) -> dict[str, Any]:
    """The data of ``training-summary``: ``table`` (``delay_sweep``'s rows so far), ``lengths``, the settings."""
    config = training_config(**settings)
    columns = ["cell", "T", "delay", "ratio", "solved", "steps", "seconds"]
    table = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=columns)
    return {"settings": dict(settings), "task": config.task, "steps": config.steps, "lengths": SWEEP_LENGTHS,
            "kinds": KINDS, "solved_below": SOLVED_BELOW, "table": table}


def _sweep_row(config: training.TrainingConfig, kind: str, length: int) -> pd.DataFrame:
    """One row of the delay sweep (``delay_sweep`` for one cell and one length: its rows are independent)."""
    return delay_sweep(config, lengths=(length,), kinds=(kind,))


# ------------------------------------------------------------------------- compute (synchronous)
@functools.lru_cache(maxsize=32)
def compute_runs(*, task: str, T: int, H: int, batch: int, steps: int, optimizer: str, lr: str, clip: str,
                 seed: int) -> dict[str, Any]:
    """Train the four cells with the same settings (:func:`runs_data`)."""
    settings = dict(task=task, T=T, H=H, batch=batch, steps=steps, optimizer=optimizer, lr=lr, clip=clip, seed=seed)
    config = training_config(**settings)
    return runs_data(settings, {kind: training.run(kind, config) for kind in KINDS})


@functools.lru_cache(maxsize=32)
def compute_reversal(*, task: str, T: int, H: int, batch: int, steps: int, optimizer: str, lr: str, clip: str,
                     seed: int) -> dict[str, Any]:
    """The tanh RNN and the LSTM with and without input reversal (:func:`reversal_data`); the plain runs are
    :func:`compute_runs`'s."""
    settings = dict(task=task, T=T, H=H, batch=batch, steps=steps, optimizer=optimizer, lr=lr, clip=clip, seed=seed)
    config = training_config(**settings)
    plain = compute_runs(**settings)["runs"]
    flipped = {kind: training.run(kind, config.replace(reverse_input=True)) for kind in REVERSAL_KINDS}
    return reversal_data(settings, plain, flipped)


@functools.lru_cache(maxsize=32)
def compute_summary(*, task: str, T: int, H: int, batch: int, steps: int, optimizer: str, lr: str, clip: str,
                    seed: int) -> dict[str, Any]:
    """The delay sweep at :data:`SWEEP_LENGTHS` with the page's other settings (:func:`summary_data`)."""
    settings = dict(task=task, T=T, H=H, batch=batch, steps=steps, optimizer=optimizer, lr=lr, clip=clip, seed=seed)
    config = training_config(**settings)
    return summary_data(settings, [_sweep_row(config, kind, length) for length in SWEEP_LENGTHS for kind in KINDS])


# ---------------------------------------------------------------------------- the page's job
@dataclass(frozen=True)
class TrainingProgress:
    """One update of the page's background job."""

    fraction: float  # of the whole job's estimated work, 0..1
    phase: str  # "runs", "reversal", "summary" or "done"
    kind: str | None  # the cell training now
    step: int  # its last snapshot's step (for "summary": the sequence length T)
    runs: dict[str, Any]  # runs_data so far
    reversal: dict[str, Any] | None  # reversal_data so far (None before its phase)
    summary: dict[str, Any] | None  # summary_data so far (None before its phase)


def job_cost(settings: dict[str, Any]) -> float:
    """The job's work in units of one tanh-RNN step at length 1 (for the progress bar)."""
    config = training_config(**settings)
    runs = config.steps * config.T * sum(KIND_COST[k] for k in KINDS)
    flipped = config.steps * config.T * sum(KIND_COST[k] for k in REVERSAL_KINDS)
    sweep = config.steps * sum(SWEEP_LENGTHS) * sum(KIND_COST[k] for k in KINDS)
    return runs + flipped + sweep


def training_updates(settings: dict[str, Any]) -> Iterator[TrainingProgress]:
    """The page's job: the four runs (a :class:`TrainingProgress` after every snapshot), then the reversed
    runs, then the delay sweep (after every row); the last update has ``phase == "done"``. Its data equal
    :func:`compute_runs`, :func:`compute_reversal` and :func:`compute_summary` (timings aside)."""
    config = training_config(**settings)
    total = job_cost(settings)
    done = 0.0
    runs: dict[str, list] = {kind: [] for kind in KINDS}
    flipped: dict[str, list] = {kind: [] for kind in REVERSAL_KINDS}
    rows: list[pd.DataFrame] = []

    def progress(phase, kind, step, with_reversal=False, with_summary=False):
        return TrainingProgress(
            min(done / total, 1.0), phase, kind, step, runs_data(settings, runs),
            reversal_data(settings, runs, flipped) if with_reversal else None,
            summary_data(settings, rows) if with_summary else None,
        )

    per_step = {kind: config.T * KIND_COST[kind] for kind in KINDS}
    for kind in KINDS:
        for snap in training.train(kind, config):
            done += per_step[kind] * (snap.step - (runs[kind][-1].step if runs[kind] else 0))
            runs[kind].append(snap)
            yield progress("runs", kind, snap.step)
    for kind in REVERSAL_KINDS:
        for snap in training.train(kind, config.replace(reverse_input=True)):
            done += per_step[kind] * (snap.step - (flipped[kind][-1].step if flipped[kind] else 0))
            flipped[kind].append(snap)
            yield progress("reversal", kind, snap.step, with_reversal=True)
    for length in SWEEP_LENGTHS:
        for kind in KINDS:
            yield progress("summary", kind, length, with_reversal=True, with_summary=True)
            rows.append(_sweep_row(config, kind, length))
            done += config.steps * length * KIND_COST[kind]  # its whole budget, also when it stopped early
    done = total
    yield progress("done", None, config.steps, with_reversal=True, with_summary=True)


def final_ratios(data: dict[str, Any]) -> dict[str, float]:
    """Each kind's last held-out loss / baseline (kinds without snapshots left out)."""
    return {kind: snaps[-1].ratio for kind, snaps in data["runs"].items() if snaps}


# --------------------------------------------------------------------------------------- tables
def curves_table(data: dict[str, Any]) -> pd.DataFrame:
    """``cell`` (rnn, irnn, lstm, gru), ``step``, ``loss`` (held-out), ``baseline`` (the best constant answer)."""
    return training.loss_table(data["runs"])


def gradients_table(data: dict[str, Any]) -> pd.DataFrame:
    """``cell``, ``step``, ``t``, ``log10_grad_norm`` (‖∂L/∂h_t‖ on the training batch at that step) and
    ``gate_mean`` (the LSTM's mean forget gate, the GRU's mean update gate; empty for the others)."""
    parts = []
    for kind, snaps in data["runs"].items():
        if not snaps:
            continue
        part = training.gradient_table(snaps)
        gates = {s.step: (s.gate_mean if s.gate_mean is not None else np.nan) for s in snaps}
        part.insert(0, "cell", kind)
        part["gate_mean"] = part["step"].map(gates)
        parts.append(part)
    columns = ["cell", "step", "t", "log10_grad_norm", "gate_mean"]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)


def summary_table(data: dict[str, Any]) -> pd.DataFrame:
    """The delay sweep's rows: ``cell``, ``T``, ``delay``, ``ratio``, ``solved``, ``steps``, ``seconds``."""
    return data["table"].reset_index(drop=True)


def reversal_table(data: dict[str, Any]) -> pd.DataFrame:
    """Tidy, two kinds of rows (``panel``): ``training`` rows (``cell``, ``reversed``, ``step``, ``loss``,
    ``baseline``) and ``distance`` rows (``input``, ``reversed``, ``distance_mean``, ``distance_min``,
    ``distance_max``: steps from that input to the loss)."""
    curves = reversal.reversal_table(data["runs"])
    curves.insert(0, "panel", "training")
    dist = data["distances"].rename(columns={"mean": "distance_mean", "min": "distance_min", "max": "distance_max"})
    dist.insert(0, "panel", "distance")
    return pd.concat([curves, dist], ignore_index=True)


def summary_grid(data: dict[str, Any], lang: str) -> pd.DataFrame:
    """The sweep as the page's small table: one row per cell, one column per delay, "✓ step" where the cell
    solved it and "✗ ratio" where it did not."""
    table = data["table"]
    rows = {}
    for kind in data["kinds"]:
        cells = {}
        for length in data["lengths"]:
            found = table[(table["cell"] == kind) & (table["T"] == length)]
            key = t("training.summary.delay_column", lang, delay=length - 1)
            if found.empty:
                cells[key] = "…"
            else:
                row = found.iloc[0]
                cells[key] = (t("training.summary.solved_cell", lang, step=int(row["steps"])) if row["solved"]
                              else t("training.summary.unsolved_cell", lang, ratio=float(row["ratio"])))
        rows[t(f"training.kind.{kind}", lang)] = cells
    return pd.DataFrame.from_dict(rows, orient="index")


def settings_text(settings: dict[str, Any], lang: str) -> str:
    """One sentence that states every setting (the page shows it above the charts)."""
    config = training_config(**settings)
    return t(
        "training.settings", lang, task=t(f"training.task.{config.task}", lang), T=config.T, H=config.hidden_size,
        batch=config.batch_size, optimizer=OPTIMIZER.choice_label(config.optimizer, lang), lr=settings["lr"],
        clip=CLIP.choice_label(settings["clip"], lang), steps=config.steps, seed=config.seed,
        every=config.report_every, eval=config.eval_size,
    )


PARAMS = SETTINGS
FIGURES = (
    FigureSpec(
        id="training-curves",
        title=Text("학습 곡선: 네 셀, 같은 설정", "Training curves: four cells, the same settings"),
        summary=Text(
            "tanh RNN, IRNN, LSTM, GRU를 같은 과제·옵티마이저·학습률·배치·클리핑·시드로 엔진의 BPTT로 학습할 때 "
            "평가 손실 / 상수 답의 손실.",
            "Held-out loss / the best constant answer's loss of a tanh RNN, an IRNN, an LSTM and a GRU trained "
            "with the engine's own BPTT on the same task, optimiser, learning rate, batch, clipping and seed.",
        ),
        params=PARAMS, compute=compute_runs, build=figures.curves_figure, table=curves_table, view=(MOMENT,),
    ),
    FigureSpec(
        id="training-gradients",
        title=Text("학습하는 동안의 ‖∂L/∂h_t‖", "‖∂L/∂h_t‖ while the cells learn"),
        summary=Text(
            "학습 단계 × 시각 t의 기울기 노름 히트맵, 처음·선택한 시점·끝의 곡선, LSTM의 평균 망각 게이트와 "
            "GRU의 평균 갱신 게이트.",
            "The gradient norm over (training step, time step t) as heatmaps, its curves at the start, a chosen "
            "moment and the end, and the LSTM's mean forget gate and the GRU's mean update gate.",
        ),
        params=PARAMS, compute=compute_runs, build=figures.gradients_figure, table=gradients_table,
        view=(MOMENT,),
    ),
    FigureSpec(
        id="training-summary",
        title=Text("어느 셀이 어느 거리까지 배우는가", "Which cells learn at which delays"),
        summary=Text(
            "시퀀스 길이 T = 5, 10, 20, 40에서 같은 설정으로 학습해, 평가 손실이 상수 답의 0.3배 아래로 내려가면 "
            "'해결'로 봅니다 (그때 멈춤).",
            "The same settings at sequence lengths T = 5, 10, 20, 40; a run counts as solved (and stops) once its "
            "held-out loss falls below 0.3 × the best constant answer's.",
        ),
        params=PARAMS, compute=compute_summary, build=figures.summary_figure, table=summary_table,
    ),
    FigureSpec(
        id="input-reversal",
        title=Text("입력 뒤집기 (블로그 004)", "Input reversal (seed 004)"),
        summary=Text(
            "같은 과제를 입력을 거꾸로 읽혀 학습한 tanh RNN과 LSTM, 그리고 정답을 정하는 입력에서 손실까지 "
            "기울기가 가야 하는 거리.",
            "The tanh RNN and the LSTM trained on the same task with the input read backwards, and how far the "
            "gradient must travel from the loss to the inputs that decide the answer.",
        ),
        params=PARAMS, compute=compute_reversal, build=figures.reversal_figure, table=reversal_table,
    ),
)
FIGURE_IDS = tuple(spec.id for spec in FIGURES)


def spec(figure_id: str) -> FigureSpec:
    return next(s for s in FIGURES if s.id == figure_id)


def progress_text(progress: TrainingProgress, settings: dict[str, Any], lang: str, elapsed: float) -> str:
    """The progress bar's line: what trains now, and the time so far and left."""
    config = training_config(**settings)
    left = elapsed * (1.0 - progress.fraction) / progress.fraction if progress.fraction > 0.02 else None
    timing = t("training.progress.timing", lang, elapsed=elapsed) + (
        t("training.progress.left", lang, left=left) if left is not None else "")
    if progress.phase == "done":
        return t("training.progress.done", lang, elapsed=elapsed)
    kind = t(f"training.kind.{progress.kind}", lang)
    what = {
        "runs": t("training.progress.runs", lang, kind=kind, step=progress.step, steps=config.steps),
        "reversal": t("training.progress.reversal", lang, kind=kind, step=progress.step, steps=config.steps),
        "summary": t("training.progress.summary", lang, kind=kind, T=progress.step),
    }[progress.phase]
    return f"{what} · {timing}"


# The page's texts, in Korean and English (keys start with the page's name).
STRINGS = {
    "training.nav": Text("장기 의존 학습하기", "Learning long-term dependencies"),
    "training.title": Text("장기 의존 학습하기: 네 셀을 직접 학습", "Learning long-term dependencies: four cells, trained"),
    "training.intro": Text(
        "다른 페이지들은 학습 전 가중치로 기울기가 얼마나 멀리 가는지 봅니다. 여기서는 실제로 학습합니다. "
        "tanh RNN, IRNN (ReLU와 항등 행렬 W_hh, Le 외 2015), LSTM, GRU를 이 앱의 numpy 엔진(그 BPTT)으로, "
        "**모두 같은 설정**(옵티마이저, 학습률, 단계 수, 배치, 기울기 클리핑, 시드)으로 학습합니다. 과제의 정답은 "
        "여러 단계 전의 입력에 있습니다: **덧셈 문제**(Hochreiter와 Schmidhuber 1997)는 표시된 두 수의 합을, "
        "**첫 토큰 기억**은 방해 토큰들 뒤에서 첫 토큰을 맞혀야 합니다. 손실은 상수 답(덧셈: 1, MSE = 1/6; 첫 토큰: "
        "고른 확률, ln 4)의 손실로 나눠 보여 줍니다: 1이면 아무것도 배우지 못한 것입니다.\n\n"
        "**과제가 중요합니다.** 기본 설정(덧셈 문제)에서는 LSTM과 GRU가 배우고 tanh RNN과 IRNN은 상수 답에 머뭅니다. "
        "첫 토큰 과제로 바꾸면 LSTM이 먼저 실패하는 거리가 있습니다: 아래 요약표가 고른 과제에서 어느 셀이 어느 "
        "거리까지 배우는지 보여 줍니다.",
        "The other pages measure how far the gradient travels with untrained weights. Here the cells learn. A "
        "tanh RNN, an IRNN (ReLU and an identity W_hh, Le et al. 2015), an LSTM and a GRU are trained with this "
        "app's own numpy engine (its BPTT) and **the same settings for all four** (optimiser, learning rate, "
        "steps, batch, gradient clipping, seed), on a task whose answer lies many steps back: the **adding "
        "problem** (Hochreiter & Schmidhuber 1997) asks for the sum of two marked numbers, **first token** for "
        "the first token after a run of distractors. Losses are shown divided by the best constant answer's "
        "(adding: 1, MSE = 1/6; first token: uniform, ln 4): 1 means nothing was learned.\n\n"
        "**The task matters.** At the defaults (the adding problem) the LSTM and the GRU learn and the tanh RNN "
        "and the IRNN stay at the constant answer. On the first-token task there are delays at which the LSTM "
        "fails first: the summary below shows which cells learn which delays, for the task you choose.",
    ),
    "training.settings": Text(
        "설정 (네 셀 모두 같음): {task}, T = {T}, H = {H}, 배치 {batch}, {optimizer}, 학습률 {lr}, 클리핑 {clip}, "
        "{steps}단계, 시드 {seed}. {every}단계마다 고정된 평가 시퀀스 {eval}개로 손실을 잽니다. GRU는 PyTorch 형태, "
        "LSTM 망각 게이트 편향은 0(PyTorch 기본값), 초기화는 PyTorch 기본값 (IRNN만 항등 행렬).",
        "Settings (the same for all four cells): {task}, T = {T}, H = {H}, batch {batch}, {optimizer}, learning "
        "rate {lr}, clipping {clip}, {steps} steps, seed {seed}. Every {every} steps the loss is measured on "
        "{eval} fixed held-out sequences. GRU in PyTorch's form, LSTM forget-gate bias 0 (PyTorch's default), "
        "PyTorch's default initialisation (the IRNN's W_hh is the identity).",
    ),
    "training.task.adding": Text("덧셈 문제", "adding problem"),
    "training.task.first_token": Text("첫 토큰 기억", "first-token task"),
    "training.kind.rnn": Text("tanh RNN", "tanh RNN"),
    "training.kind.irnn": Text("IRNN (ReLU, W_hh = I)", "IRNN (ReLU, W_hh = I)"),
    "training.kind.lstm": Text("LSTM", "LSTM"),
    "training.kind.gru": Text("GRU", "GRU"),
    "training.train": Text("학습 시작", "Train"),
    "training.status.cached": Text(
        "이 설정은 이 서버에서 이미 학습했습니다 ({elapsed:.0f}초 걸림). 모든 방문자가 같은 결과를 봅니다.",
        "These settings were trained on this server already (it took {elapsed:.0f} s); every visitor sees the "
        "same run.",
    ),
    "training.status.untrained": Text(
        "이 설정은 이 서버에서 아직 학습하지 않았습니다. **학습 시작**을 누르면 학습 과정을 실시간으로 볼 수 있습니다 "
        "(기본 설정은 몇십 초, 단계 수와 T에 비례).",
        "These settings have not been trained on this server yet. Press **Train** to watch them learn live (the "
        "defaults take a few tens of seconds; the time grows with the steps and T).",
    ),
    "training.status.queued": Text(
        "다른 학습이 끝나기를 기다리는 중입니다 (한 번에 둘까지).",
        "Waiting for another training to finish (two at a time).",
    ),
    "training.status.failed": Text("학습이 실패했습니다: {error}", "Training failed: {error}"),
    "training.status.cancelled": Text(
        "이 학습은 중단되었습니다. 다시 **학습 시작**을 누르세요.", "This training was stopped. Press **Train** again.",
    ),
    "training.result": Text(
        "{steps}단계 뒤 평가 손실 / 상수 답의 손실: {ratios}. {verdict}",
        "After {steps} steps, held-out loss / the best constant answer's: {ratios}. {verdict}",
    ),
    "training.result.claim": Text(
        "게이트가 있는 셀만 {below:g}배 아래로 내려갔습니다: 블로그들이 말하는 대로입니다.",
        "Only the gated cells got below {below:g}×: what the seeds say.",
    ),
    "training.result.other": Text(
        "이 설정에서 {below:g}배 아래로 내려간 셀: {solved}.", "Cells below {below:g}× with these settings: {solved}.",
    ),
    "training.result.none": Text("없음", "none"),
    "training.progress.runs": Text("{kind} 학습 중: {step} / {steps}단계", "Training the {kind}: step {step} of {steps}"),
    "training.progress.reversal": Text("입력을 뒤집어 {kind} 학습 중: {step} / {steps}단계",
                                       "Training the {kind} on reversed input: step {step} of {steps}"),
    "training.progress.summary": Text("거리 요약: {kind}, T = {T}", "Delay sweep: the {kind} at T = {T}"),
    "training.progress.timing": Text("{elapsed:.0f}초 지남", "{elapsed:.0f} s so far"),
    "training.progress.left": Text(", 약 {left:.0f}초 남음", ", about {left:.0f} s left"),
    "training.progress.done": Text("끝 ({elapsed:.0f}초)", "Done ({elapsed:.0f} s)"),
    "training.waiting": Text("앞의 학습이 끝나면 그립니다.", "Drawn once the training above has finished."),
    "training.curves.heading": Text("학습 곡선", "Training curves"),
    "training.curves.intro": Text(
        "평가 손실을 상수 답의 손실로 나눈 값 (로그축). 점선 1은 상수 답, 0.3 아래는 '해결'로 봅니다.",
        "Held-out loss divided by the best constant answer's (log axis). The dotted line at 1 is the constant "
        "answer; below 0.3 counts as solved.",
    ),
    "training.gradients.heading": Text("기울기 길이 열리는가", "Does the gradient path open?"),
    "training.gradients.intro": Text(
        "위: 학습 단계마다(세로) 마지막 시각의 손실에서 각 시각 t(가로)로 간 ‖∂L/∂h_t‖ (log₁₀, 같은 색 척도). "
        "왼쪽 끝 t = 0까지 색이 밝게 이어지면 기울기 길이 열린 것입니다. 가운데: 처음, 고른 시점, 끝의 같은 값. "
        "아래: LSTM의 평균 망각 게이트 f와 GRU의 평균 갱신 게이트 z (PyTorch 형태에서 z는 h_(t−1)에 곱하는 "
        "가중치, 즉 '유지').",
        "Top: at every training step (vertical) the gradient ‖∂L/∂h_t‖ from the loss at the last step back to "
        "each time step t (horizontal), log₁₀ on one colour scale. A bright band reaching t = 0 on the left is "
        "an open gradient path. Middle: the same at the start, at the chosen moment and at the end. Bottom: the "
        "LSTM's mean forget gate f and the GRU's mean update gate z (in PyTorch's form z weighs h_(t−1): it "
        "keeps).",
    ),
    "training.summary.heading": Text("어느 셀이 어느 거리까지 배우는가", "Which cells learn at which delays"),
    "training.summary.intro": Text(
        "같은 설정으로 T = 5, 10, 20, 40 (가장 먼 입력까지 4, 9, 19, 39단계)에서 학습합니다. 평가 손실이 상수 답의 "
        "0.3배 아래로 내려가면 '해결'로 보고 멈춥니다. ✓ 뒤의 수는 해결한 단계, ✗ 뒤의 수는 끝났을 때의 비율입니다. "
        "이 서버에서 설정마다 한 번 계산해 둡니다.",
        "The same settings at T = 5, 10, 20, 40 (the farthest input 4, 9, 19, 39 steps back). A run counts as "
        "solved once its held-out loss is below 0.3 × the constant answer's, and stops there. After ✓ the step "
        "at which it solved the task, after ✗ its ratio at the end. Computed once per setting on this server.",
    ),
    "training.summary.delay_column": Text("거리 {delay}", "delay {delay}"),
    "training.summary.solved_cell": Text("✓ {step}단계", "✓ step {step}"),
    "training.summary.unsolved_cell": Text("✗ {ratio:.3g}", "✗ {ratio:.3g}"),
    "training.reversal.heading": Text("입력 뒤집기 (블로그 004)", "Input reversal (seed 004)"),
    "training.reversal.intro": Text(
        "블로그 004의 처방: 입력을 거꾸로 읽히면 입력의 앞부분이 출력 가까이 옵니다. 다만 \"평균 거리는 그대로\"입니다. "
        "같은 과제, 같은 설정으로 tanh RNN과 LSTM을 입력을 뒤집어 다시 학습합니다 (실선: 그대로, 점선: 뒤집음). "
        "오른쪽은 정답을 정하는 입력에서 손실까지의 거리(단계)입니다: 첫 토큰 과제에서는 T − 1이 0이 되고, 덧셈 "
        "문제에서는 두 표시가 자리를 바꿔 평균은 그대로입니다.",
        "Seed 004's remedy: read the input backwards and its beginning comes close to the output, though \"the "
        "average distance stays the same\". The tanh RNN and the LSTM are trained again on the same task with the "
        "same settings and the input reversed (solid: as is, dashed: reversed). On the right, how many steps lie "
        "between the inputs that decide the answer and the loss: on the first-token task T − 1 becomes 0; in the "
        "adding problem the two marks swap places and the mean stays.",
    ),
    "training.try": Text(
        "- 기본 설정: LSTM과 GRU는 상수 답의 0.3배 아래로 내려가고 (LSTM은 늦게, 절반이 지난 뒤), tanh RNN과 IRNN은 "
        "0.7배 위에 머뭅니다. 기울기 그림에서 GRU의 ‖∂L/∂h_0‖은 처음 약 10⁻¹¹에서 200단계 안에 10⁻³ 위로 올라가고, "
        "tanh RNN의 것은 끝까지 10⁻⁴ 아래입니다.\n"
        "- 기본 설정에서 GRU의 평균 갱신 게이트 z는 약 0.5에서 0.85 위로 올라갑니다: 이전 상태를 유지하도록 "
        "배웁니다.\n"
        "- 과제를 **첫 토큰 기억**으로: T = 50에서는 1000단계 안에 어느 셀도 0.3배 아래로 내려가지 못하고, 가장 "
        "가까이 가는 것은 게이트가 있는 셀이 아니라 tanh RNN(약 0.65)입니다. 요약표에서는 LSTM이 거리 19부터 "
        "실패하는데, 같은 거리를 tanh RNN, IRNN, GRU는 풉니다. 과제가 결론을 바꿉니다.\n"
        "- 첫 토큰 과제의 입력 뒤집기: 뒤집으면 정답이 마지막 입력이라 tanh RNN도 LSTM도 0.01배 아래로 내려갑니다.\n"
        "- 옵티마이저를 **SGD**로 (학습률 0.01): 1000단계로는 어느 셀도 덧셈 문제를 풀지 못합니다 (모두 0.9배 위). "
        "학습률도 과제만큼 중요합니다.",
        "- Defaults: the LSTM and the GRU end below 0.3 × the constant answer's loss (the LSTM late, after half of "
        "the steps), the tanh RNN and the IRNN stay above 0.7×. In the gradient chart the GRU's ‖∂L/∂h_0‖ rises "
        "from about 10⁻¹¹ at the start to above 10⁻³ within 200 steps; the tanh RNN's stays below 10⁻⁴ to the "
        "end.\n"
        "- At the defaults the GRU's mean update gate z rises from about 0.5 to above 0.85: it learns to keep "
        "its state.\n"
        "- Switch the task to **first token**: at T = 50 no cell gets below 0.3× within 1000 steps, and the one "
        "that comes nearest is not a gated cell but the tanh RNN (about 0.65). In the summary the LSTM fails from "
        "delay 19 on, where the tanh RNN, the IRNN and the GRU solve it. The task changes the verdict.\n"
        "- Input reversal on the first-token task: reversed, the answer is the last input, and both the tanh RNN "
        "and the LSTM fall below 0.01×.\n"
        "- Switch the optimiser to **SGD** (learning rate 0.01): in 1000 steps no cell solves the adding problem "
        "(all stay above 0.9×). The learning rate matters as much as the task.",
    ),
    "training.axis.step": Text("학습 단계", "Training step"),
    "training.axis.ratio": Text("평가 손실 / 상수 답의 손실", "Held-out loss / constant answer's"),
    "training.axis.t": Text("시각 t", "Time step t"),
    "training.axis.log10_grad": Text("log₁₀‖∂L/∂h_t‖", "log₁₀‖∂L/∂h_t‖"),
    "training.axis.gate": Text("게이트 평균", "Mean gate"),
    "training.axis.delay": Text("가장 먼 입력까지의 거리 (T − 1)", "Distance to the farthest input (T − 1)"),
    "training.axis.distance": Text("손실까지의 거리 (단계)", "Steps to the loss"),
    "training.curves.title": Text("{task}, T = {T}: 네 셀, 같은 설정", "{task}, T = {T}: four cells, the same settings"),
    "training.line.constant": Text("상수 답 (1)", "Constant answer (1)"),
    "training.line.solved": Text("해결 기준 (0.3)", "Solved (0.3)"),
    "training.gradients.title": Text("학습하는 동안의 ‖∂L/∂h_t‖ ({task}, T = {T})",
                                     "‖∂L/∂h_t‖ while the cells learn ({task}, T = {T})"),
    "training.gradients.moment": Text("{label}: {step}단계", "{label}: step {step}"),
    "training.moment.start": Text("처음", "start"),
    "training.moment.moment": Text("고른 시점", "chosen"),
    "training.moment.end": Text("끝", "end"),
    "training.gate.f": Text("LSTM 망각 게이트 f (평균)", "LSTM forget gate f (mean)"),
    "training.gate.z": Text("GRU 갱신 게이트 z (평균, h_(t−1)의 가중치)", "GRU update gate z (mean, weight on h_(t−1))"),
    "training.gradients.floor": Text("10⁻⁴⁰ 아래(또는 정확히 0)는 10⁻⁴⁰으로 그렸습니다.",
                                     "Values below 10⁻⁴⁰ (or exactly 0) are drawn at 10⁻⁴⁰."),
    "training.summary.markers": Text("채운 점: 해결 (손실이 상수 답의 0.3배 아래), 빈 점: 해결 못 함.",
                                     "Filled: solved (loss below 0.3 × the constant answer's); open: not solved."),
    "training.summary.title": Text("{task}: 어느 셀이 어느 거리까지 배우는가", "{task}: which cells learn at which delays"),
    "training.reversal.title": Text("입력 뒤집기: {task}, T = {T}", "Input reversal: {task}, T = {T}"),
    "training.reversal.curves": Text("학습 곡선 (점선: 뒤집음)", "Training curves (dashed: reversed)"),
    "training.reversal.distances": Text("정답을 정하는 입력 → 손실", "Deciding inputs → the loss"),
    "training.reversal.plain": Text("그대로", "as is"),
    "training.reversal.flipped": Text("뒤집음", "reversed"),
    "training.reversal.trace": Text("{kind}, {how}", "{kind}, {how}"),
    "training.input.mark_1": Text("첫 표시<br>(앞 절반)", "first mark<br>(first half)"),
    "training.input.mark_2": Text("둘째 표시<br>(뒤 절반)", "second mark<br>(second half)"),
    "training.input.first_token": Text("첫 토큰", "first token"),
    "training.look": Text(
        "손실 곡선을 보세요. LSTM과 GRU는 상수 답의 0.3배 아래로 내려가고, tanh RNN과 IRNN은 0.7배 위에 머뭅니다.",
        "Watch the loss curves: the LSTM and the GRU end below 0.3× the constant answer's loss, the tanh RNN and the IRNN stay above 0.7×.",
    ),
}
