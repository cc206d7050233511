"""RNN vs LSTM vs GRU: the same input and initial scale, three gradient curves (seeds 001, 003)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from rnnviz import core, setups
from rnnviz.core.activations import sigmoid
from rnnviz.core.jacobian import forget_path
from rnnviz.core.sweep import gradient_norms_over_scales
from rnnviz.experiments.derivatives import log10_activation_prime
from rnnviz.experiments.reductions import log10_tail_products
from rnnviz.figures import cell_comparison as figures
from rnnviz.i18n import Text
from rnnviz.lessons.scale_sweep import GRADIENT_H, GRADIENT_T, INIT, INPUT, INPUT_SIZE
from rnnviz.lessons import shared
from rnnviz.lessons.shared import GRU_VARIANT, SCALE, SEED, WEIGHTS
from rnnviz.lessons.spec import FigureSpec, Page, Param

PAGE = Page("cell_comparison", icon=":material/compare_arrows:", section="remedies")

CELLS = ("rnn", "lstm", "gru")

# Practitioners' gate biases are the page's defaults; 0 (PyTorch's default) reproduces the failure.
FORGET_BIAS = replace(
    shared.FORGET_BIAS, default=1.0,
    help=Text(
        "망각 게이트의 편향에 더하는 값. 기본값 1은 실무에서 쓰는 값입니다: Keras의 `unit_forget_bias=True`가 "
        "1을 더하고, Jozefowicz 외(2015)가 권합니다. 0(PyTorch 기본값)이면 학습 전 f_t ≈ σ(0) = 0.5라 셀 상태의 "
        "기울기가 한 단계마다 절반으로 줄어듭니다.",
        "Added to the forget gate's bias. The default 1 is what practitioners use: Keras' "
        "`unit_forget_bias=True` adds 1, as Jozefowicz et al. (2015) recommend. At 0 (PyTorch's default) the "
        "untrained f_t ≈ σ(0) = 0.5, so the cell-state gradient halves at every step.",
    ),
)
KEEP_BIAS = Param(
    "keep_bias", "float", 1.0, Text("GRU 유지 게이트 편향", "GRU keep-gate bias"),
    help=Text(
        "GRU가 이전 은닉 상태 h_(t−1)을 유지하는 가중치를 σ(이 값)에 가깝게 합니다 (LSTM 망각 게이트 편향에 "
        "해당; Tallec과 Ollivier 2018의 'chrono' 초기화와 같은 생각). classic 형태는 h_t = (1 − z_t) h_(t−1) + "
        "z_t h̃_t라 갱신 게이트 z의 편향에서 이 값을 빼고, pytorch 형태는 h_t = (1 − z_t) n_t + z_t h_(t−1)이라 "
        "더합니다. 0이면 학습 전 유지 가중치가 약 0.5입니다.",
        "Moves the GRU's weight on the previous state h_(t−1) towards σ(this value) (the counterpart of the "
        "LSTM's forget-gate bias; the idea of Tallec & Ollivier's 2018 \"chrono\" initialisation). The classic "
        "form h_t = (1 − z_t) h_(t−1) + z_t h̃_t keeps with 1 − z, so this value is subtracted from the update "
        "gate z's bias; the pytorch form h_t = (1 − z_t) n_t + z_t h_(t−1) keeps with z, so it is added. At 0 "
        "the untrained keep weight is about 0.5.",
    ),
    min=-3.0, max=6.0, step=0.5, fmt="%.1f",
)


def _all_params(*, init: str, H: int, seed: int, scale: float, forget_bias: float, keep_bias: float,
                gru_variant: str, weights: setups.UploadedLayer | None
                ) -> dict[str, dict[str, np.ndarray]]:
    """Parameters of the three cells; when uploaded weights change I or H, the others follow those sizes.
    ``forget_bias`` goes to the LSTM, ``keep_bias`` (signed for ``gru_variant``) to the GRU."""
    update_bias = core.gru_keep_bias(keep_bias, gru_variant)

    def build(cell, n_in, n_h):
        return setups.make_params(cell, input_size=n_in, hidden_size=n_h, init=init, seed=seed, scale=scale,
                                  forget_bias=forget_bias, update_bias=update_bias, uploaded=weights)
    params = {cell: build(cell, INPUT_SIZE, H) for cell in CELLS}
    for p in params.values():
        n_h, n_in = p["weight_hh"].shape[1], p["weight_ih"].shape[1]
        if (n_in, n_h) != (INPUT_SIZE, H):
            return {cell: build(cell, n_in, n_h) for cell in CELLS}
    return params


def compute_comparison(*, scale: float, forget_bias: float, keep_bias: float, gru_variant: str, init: str,
                       input: str, T: int, H: int, seed: int, weights: setups.UploadedLayer | None
                       ) -> dict[str, Any]:
    """For each cell: ``log10_grad[cell]`` (T,) log10 ‖∂L/∂h_t‖ for a loss at the last step, and
    ``log10_path[cell]`` (T,) the unit-averaged log10 product of its diagonal path after t: tanh'(a_k)
    (RNN), f_k (LSTM, the constant error path ∂c_t/∂c_{t−1} = f_t), 1 − z_k (GRU classic) or z_k (GRU
    pytorch). LSTM extras: ``f_mean``, ``f_min``, ``f_max`` (T,) over units, ``f_bias`` = σ(b_f) at zero
    state and input (unit mean). GRU extra: ``keep_weight``, its weight on ``h_(t−1)`` (``1 − z`` classic, ``z``
    pytorch) at zero state and input (unit mean).
    """
    return sweep_comparison("scale", (scale,), scale=scale, forget_bias=forget_bias, keep_bias=keep_bias,
                            gru_variant=gru_variant, init=init, input=input, T=T, H=H, seed=seed,
                            weights=weights)[0]


def sweep_comparison(name: str, grid: tuple[Any, ...], **values: Any) -> list[dict[str, Any]]:
    """``compute_comparison`` at every value of ``grid`` for parameter ``name``, with fewer engine runs: over
    a gate bias only the cell that has the gate runs again. Each curve is the engine's sweep of one scale,
    as in ``compute_comparison``: not one stack of all the scales, whose different rounding a chaotic tanh
    RNN (scale ≳ 2) would amplify over a hundred steps."""
    values = {name: grid[0], **values}  # ``name``'s own value comes from the grid
    gru_variant = values["gru_variant"]

    built: dict[tuple, dict[str, dict[str, np.ndarray]]] = {}

    def params_at(**changed: Any) -> dict[str, dict[str, np.ndarray]]:
        key = tuple(sorted(changed.items()))
        if key not in built:
            built[key] = _params_with(**changed)
        return built[key]

    def _params_with(**changed: Any) -> dict[str, dict[str, np.ndarray]]:
        args = {**values, **changed}
        return _all_params(init=args["init"], H=args["H"], seed=args["seed"], scale=args["scale"],
                           forget_bias=args["forget_bias"], keep_bias=args["keep_bias"], gru_variant=gru_variant,
                           weights=args["weights"])

    start = params_at()
    x = setups.make_input(values["input"], T=values["T"], input_size=start["rnn"]["weight_ih"].shape[1],
                          seed=values["seed"])  # (T, 1, I), the same for every cell
    changed_cell = {"forget_bias": "lstm", "keep_bias": "gru"}.get(name)  # None: every cell changes

    def curves(cell: str, **changed: Any) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray | None]]:
        unscaled = params_at(**{**changed, "scale": 1.0})[cell]
        with np.errstate(over="ignore", invalid="ignore"):
            (grad,) = gradient_norms_over_scales(cell, unscaled, x, ({**values, **changed}["scale"],),
                                                 gru_variant=gru_variant)  # (T,)
        return grad, _cell_path(cell, params_at(**changed)[cell], x, gru_variant)

    fixed = {cell: curves(cell) for cell in CELLS if changed_cell not in (None, cell)}
    frames = []
    for value in grid:
        results = {cell: fixed[cell] if cell in fixed else curves(cell, **{name: value}) for cell in CELLS}
        frames.append(_comparison_data(params_at(**{name: value}), {c: r[0] for c, r in results.items()},
                                       {c: r[1] for c, r in results.items()}, **{**values, name: value}))
    return frames


def _cell_path(cell: str, params: dict[str, np.ndarray], x: np.ndarray, gru_variant: str
               ) -> tuple[np.ndarray, np.ndarray | None]:
    """The cell's diagonal path: the unit-mean log10 tail product (T,), and the LSTM's forget gate (T, H)."""
    trace = core.forward(cell, params, x, gru_variant=gru_variant)
    f = None
    with np.errstate(divide="ignore"):
        if cell == "rnn":
            factors = log10_activation_prime(trace.pre["a"][:, 0], "tanh")  # (T, H)
        elif cell == "lstm":
            f = forget_path(trace)[:, 0]  # (T, H)
            factors = np.log10(f)
        else:
            z = trace.gates["z"][:, 0]
            factors = np.log10(1.0 - z if gru_variant == "classic" else z)
    return log10_tail_products(factors).mean(axis=1), f  # (T,) mean over units


def _comparison_data(params: dict[str, dict[str, np.ndarray]], grads: dict[str, np.ndarray],
                     paths: dict[str, tuple[np.ndarray, np.ndarray | None]], *, gru_variant: str, T: int,
                     scale: float, forget_bias: float, keep_bias: float, **_: Any) -> dict[str, Any]:
    f = paths["lstm"][1]
    H_used = params["lstm"]["weight_hh"].shape[1]
    bias_f = core.gate_block(params["lstm"]["bias_ih"] + params["lstm"]["bias_hh"], "f", "lstm")
    bias_z = core.gate_block(params["gru"]["bias_ih"] + params["gru"]["bias_hh"], "z", "gru")
    z_zero = sigmoid(bias_z)  # (H,) z at zero state and input
    return {
        "t": np.arange(T), "T": T, "H": H_used, "gru_variant": gru_variant, "scale": scale,
        "forget_bias": forget_bias, "keep_bias": keep_bias, "log10_grad": grads,
        "log10_path": {cell: path for cell, (path, _) in paths.items()},
        "f_mean": f.mean(axis=1), "f_min": f.min(axis=1), "f_max": f.max(axis=1), "f_overall": float(f.mean()),
        "f_bias": float(np.mean(sigmoid(bias_f))),
        "keep_weight": float(np.mean(1.0 - z_zero if gru_variant == "classic" else z_zero)),
    }


def keep_equation(keep_bias: float, gru_variant: str) -> str:
    """The GRU's update with the keep bias written in, as LaTeX, for the variant's sign."""
    if gru_variant == "classic":
        return (r"h_t = (1 - z_t) \odot h_{t-1} + z_t \odot \tilde h_t, \qquad "
                rf"z_t = \sigma(W_z [h_{{t-1}}, x_t] + b_z),\ b_z \mathrel{{-}}= {keep_bias:g}")
    return (r"h_t = (1 - z_t) \odot n_t + z_t \odot h_{t-1}, \qquad "
            rf"z_t = \sigma(W_z x_t + U_z h_{{t-1}} + b_z),\ b_z \mathrel{{+}}= {keep_bias:g}")


def comparison_table(data: dict[str, Any]) -> pd.DataFrame:
    columns = {"t": data["t"]}
    for cell in CELLS:
        columns[f"log10_grad_norm_{cell}"] = data["log10_grad"][cell]
    for cell in CELLS:
        columns[f"log10_path_product_{cell}"] = data["log10_path"][cell]
    columns.update({"lstm_f_mean": data["f_mean"], "lstm_f_min": data["f_min"], "lstm_f_max": data["f_max"]})
    return pd.DataFrame(columns)


PARAMS = (SCALE, FORGET_BIAS, KEEP_BIAS, GRU_VARIANT, INIT, INPUT, GRADIENT_T, GRADIENT_H, SEED, WEIGHTS)

FIGURES = (
    FigureSpec(
        id="cell-comparison",
        title=Text("RNN, LSTM, GRU의 기울기 비교", "RNN vs LSTM vs GRU: the gradient"),
        summary=Text(
            "같은 입력, 같은 초기 스케일에서 세 셀의 ‖∂L/∂h_t‖와 LSTM의 일정한 오차 경로 ∂c_t/∂c_(t−1) = f_t.",
            "‖∂L/∂h_t‖ of the three cells for the same input and initial scale, and the LSTM's constant error "
            "path ∂c_t/∂c_(t−1) = f_t.",
        ),
        params=PARAMS, compute=compute_comparison, build=figures.comparison_figure, table=comparison_table,
        live=("scale", "forget_bias", "keep_bias"), sweep=sweep_comparison,
    ),
    FigureSpec(
        id="cell-small-multiples",
        title=Text("셀별 작은 그림 (슬라이드용)", "One panel per cell (for slides)"),
        summary=Text(
            "셀마다 ‖∂L/∂h_t‖와 그 셀의 대각 경로(tanh', f, 1 − z)의 곱을 나란히.",
            "Per cell, ‖∂L/∂h_t‖ next to the product along its diagonal path (tanh', f, 1 − z).",
        ),
        params=PARAMS, compute=compute_comparison, build=figures.small_multiples_figure, table=comparison_table,
        live=("scale", "forget_bias", "keep_bias"), sweep=sweep_comparison,
    ),
)


# The page's texts, in Korean and English (keys start with the page's name).
STRINGS = {
    "cell_comparison.nav": Text("RNN, LSTM, GRU 비교", "RNN vs LSTM vs GRU"),
    "cell_comparison.title": Text("RNN, LSTM, GRU: 기울기는 얼마나 멀리 가는가", "RNN vs LSTM vs GRU: how far the gradient travels"),
    "cell_comparison.intro": Text(
        "세 셀에 **같은 입력**을 넣고 W_hh에 **같은 스케일**을 곱한 뒤, 마지막 시각의 손실에서 거슬러 온 "
        "기울기 ‖∂L/∂h_t‖를 한 차트에 그립니다 (셀마다 한 색). LSTM의 셀 상태에는 행렬도 tanh도 없는 길, "
        "∂c_t/∂c_(t−1) = f_t(망각 게이트)가 있습니다 (강의 12강, 블로그 003의 '메모리'). GRU는 갱신 게이트로 "
        "h_(t−1)을 유지합니다. 기본값은 실무에서처럼 게이트 편향을 둡니다: 망각 게이트 편향 b_f = 1 (Keras의 "
        "`unit_forget_bias`)과 같은 크기의 GRU 유지 편향 1 (Tallec과 Ollivier 2018의 chrono 초기화와 같은 "
        "생각). 그러면 학습 전 게이트가 한 단계에 이전 상태의 약 σ(1) = 0.73을 남깁니다.\n\n"
        "**두 편향을 0으로** (PyTorch 기본값) 두면 실패를 재현할 수 있습니다: 학습 전 게이트는 σ(0) = 0.5만 "
        "남기므로 유지 경로가 단계마다 절반이 되고 (100단계면 0.5⁹⁹ ≈ 10⁻³⁰), LSTM과 GRU가 RNN보다도 빨리 "
        "기울기를 잃습니다. 게이트가 길을 여는 것은 편향이나 학습 덕분입니다: 학습 페이지에서 LSTM과 GRU가 "
        "학습하며 이 길을 여는 모습을 볼 수 있습니다.",
        "The three cells get **the same input**, W_hh is multiplied by **the same scale**, and the gradient "
        "‖∂L/∂h_t‖ from a loss at the last step is drawn on one chart (one colour per cell). The LSTM's cell state "
        "has a path with no matrix and no tanh: ∂c_t/∂c_(t−1) = f_t, the forget gate (lecture 12, seed 003's "
        "\"memory\"); the GRU keeps h_(t−1) through its update gate. The defaults set the gate biases as "
        "practitioners do: a forget-gate bias b_f = 1 (Keras' `unit_forget_bias`) and a GRU keep bias of 1 (the "
        "idea behind Tallec & Ollivier's 2018 chrono initialisation), so the untrained gates keep about "
        "σ(1) = 0.73 of the old state at each step.\n\n"
        "**Set both biases to 0** (PyTorch's default) to reproduce the failure: the untrained gates then keep only "
        "σ(0) = 0.5, the kept path halves at every step (0.5⁹⁹ ≈ 10⁻³⁰ over 100 steps), and the LSTM and the GRU "
        "lose the gradient even faster than the RNN. The gates open the path only with such a bias or by "
        "learning: the training page shows the LSTM and the GRU opening it as they learn.",
    ),
    "cell_comparison.try": Text(
        "- 기본값(b_f = 1, GRU 유지 편향 1): t = 0에 닿는 기울기가 LSTM 약 10⁻⁵·⁹, GRU 약 10⁻⁸·¹로, "
        "RNN(약 10⁻¹³·⁷)보다 여덟, 여섯 자릿수 큽니다.\n"
        "- 두 편향을 **0**으로 (PyTorch 기본값): f_t ≈ 0.5라 LSTM의 오차 경로 Π f가 한 단계에 절반씩 줄어 "
        "약 10⁻³²가 되고, t = 0에서 LSTM(약 10⁻¹⁷·³)과 GRU(약 10⁻¹⁵·⁷)가 RNN(약 10⁻¹³·⁷)보다 작아집니다.\n"
        "- 두 편향을 **3**으로: f_t ≈ 0.95, t = 0의 기울기가 LSTM 약 10⁻⁰·², GRU 약 10⁻¹·⁰으로 거의 그대로 "
        "전달됩니다.\n"
        "- 망각 게이트 편향을 **−3**으로: f_t ≈ 0.05, 셀 상태가 매 단계 잊혀 LSTM의 기울기가 t = 0에서 약 10⁻⁶⁰까지 "
        "소실합니다.\n"
        "- 스케일을 **0.5**로: RNN은 t = 0에서 약 10⁻⁴⁰까지 소실하지만 LSTM과 GRU는 약 10⁻¹¹에 머뭅니다.\n"
        "- 스케일을 **2.5**로: RNN의 기울기는 폭발합니다 (t = 0에서 약 10⁴·³). 게이트가 있는 두 셀은 1보다 작게 "
        "남습니다.\n"
        "- 아래 셀별 그림은 슬라이드용입니다: 테마를 '프로젝터'로 바꾸고 카메라 아이콘으로 PNG를 저장하세요.",
        "- Defaults (b_f = 1, GRU keep bias 1): at t = 0 the LSTM's gradient is about 10⁻⁵·⁹ and the GRU's about "
        "10⁻⁸·¹, eight and six decades above the RNN's (about 10⁻¹³·⁷).\n"
        "- Set both biases to **0** (PyTorch's default): f_t ≈ 0.5, the LSTM's error path Π f halves at every step "
        "down to about 10⁻³², and at t = 0 the LSTM (about 10⁻¹⁷·³) and the GRU (about 10⁻¹⁵·⁷) fall below the RNN "
        "(about 10⁻¹³·⁷).\n"
        "- Set both biases to **3**: f_t ≈ 0.95 and the gradient reaches t = 0 almost whole: about 10⁻⁰·² (LSTM) "
        "and 10⁻¹·⁰ (GRU).\n"
        "- Set the forget-gate bias to **−3**: f_t ≈ 0.05, the cell state is forgotten at every step and the LSTM's "
        "gradient vanishes to about 10⁻⁶⁰ at t = 0.\n"
        "- Set the scale to **0.5**: the RNN vanishes to about 10⁻⁴⁰ at t = 0, the LSTM and the GRU stay near "
        "10⁻¹¹.\n"
        "- Set the scale to **2.5**: the RNN's gradient explodes (about 10⁴·³ at t = 0); the gated cells' stays "
        "below 1.\n"
        "- The per-cell panels below are for slides: choose the 'projector' theme and save a PNG with the camera "
        "icon.",
    ),
    "cell_comparison.figure.title": Text("같은 입력, 같은 스케일: ‖∂L/∂h_t‖", "Same input, same scale: ‖∂L/∂h_t‖"),
    "cell_comparison.multiples.title": Text("셀별: ‖∂L/∂h_t‖와 대각 경로의 곱", "Per cell: ‖∂L/∂h_t‖ and the product along its diagonal path"),
    "cell_comparison.multiples.heading": Text("셀별 작은 그림", "One panel per cell"),
    "cell_comparison.panel.gradients": Text("손실은 마지막 시각", "Loss at the last step"),
    "cell_comparison.panel.forget": Text("LSTM 망각 게이트 f_t", "LSTM forget gate f_t"),
    "cell_comparison.axis.t": Text("시각 t", "Time step t"),
    "cell_comparison.axis.norm": Text("‖∂L/∂h_t‖ / 곱 (로그)", "‖∂L/∂h_t‖ / product (log)"),
    "cell_comparison.axis.log10_norm": Text("log₁₀ 값", "log₁₀ value"),
    "cell_comparison.trace.grad": Text("{cell}: ‖∂L/∂h_t‖", "{cell}: ‖∂L/∂h_t‖"),
    "cell_comparison.path.rnn": Text("RNN: Π tanh'(a_k), k > t", "RNN: Π tanh'(a_k), k > t"),
    "cell_comparison.path.lstm": Text("LSTM: Π f_k, k > t (오차 경로)", "LSTM: Π f_k, k > t (error path)"),
    "cell_comparison.path.gru_classic": Text("GRU: Π (1 − z_k), k > t", "GRU: Π (1 − z_k), k > t"),
    "cell_comparison.path.gru_pytorch": Text("GRU: Π z_k, k > t (PyTorch 식)", "GRU: Π z_k, k > t (PyTorch form)"),
    "cell_comparison.trace.f_mean": Text("f_t (유닛 평균)", "f_t (mean over units)"),
    "cell_comparison.trace.f_band": Text("f_t: 유닛별 최소–최대", "f_t: min–max over units"),
    "cell_comparison.trace.f_bias": Text("σ(b_f) = {value:.3f} (입력·상태 0일 때)", "σ(b_f) = {value:.3f} (zero input and state)"),
    "cell_comparison.numbers": Text(
        "LSTM: 평균 f_t = {f:.3f}, 오차 경로 Π f (t = 0 → T−1) = 10^{path:.2f}. GRU: 학습 전 유지 가중치 "
        "{keep:.3f}. t = 0에서 ‖∂L/∂h_0‖: RNN 10^{rnn:.2f}, LSTM 10^{lstm:.2f}, GRU 10^{gru:.2f}.",
        "LSTM: mean f_t = {f:.3f}, error path Π f (t = 0 → T−1) = 10^{path:.2f}. GRU: untrained keep weight "
        "{keep:.3f}. At t = 0, ‖∂L/∂h_0‖: RNN 10^{rnn:.2f}, LSTM 10^{lstm:.2f}, GRU 10^{gru:.2f}.",
    ),
    "cell_comparison.look": Text(
        "한 차트에서 t = 0까지 남은 기울기를 비교하세요. LSTM은 약 10⁻⁵·⁹, GRU는 약 10⁻⁸·¹인데 RNN은 약 10⁻¹³·⁷까지 줄어듭니다.",
        "Compare what reaches t = 0 on the one chart: about 10⁻⁵·⁹ for the LSTM and 10⁻⁸·¹ for the GRU, while the RNN is down to 10⁻¹³·⁷.",
    ),
}
