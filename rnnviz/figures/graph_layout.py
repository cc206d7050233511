"""The unrolled computational graph of a recorded forward/backward pass: nodes, edges, positions and the
animation order, with the gradient norm on every node and edge.

Pure Python and numpy (no plotly): :func:`unrolled_graph` reads a ``Trace``, its ``Grads`` and the
per-operation gradients of :func:`rnnviz.core.local_gradients` (the cells' own backward steps; seed
000's three nodes ``tanh``, ``+`` and ``MatMul`` for the vanilla RNN, the cell-state lane
``c_{t−1} → ×f → + → c_t`` for the LSTM, the ``(1 − z)`` lane for the GRU) and lays them out, collapsing
the middle of long sequences into an ellipsis node; :mod:`rnnviz.figures.graph` draws the result.

Conventions. A node's value is the norm of ``∂L/∂(node output)``, the gradient *arriving* at it; an
edge ``u → v`` (drawn in the forward direction) carries what ``v`` sends back to ``u``. Norms are
Frobenius norms over ``(B, H)`` (the vector norm when ``B = 1``). Shapes: ``T`` time, ``B`` batch,
``I`` input, ``H`` hidden, ``G`` gates; arrays ``(T, B, ...)``; steps are numbered ``t = 1..T``
as in the seeds (array index ``t − 1``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.core import Grads, Trace, local_gradients
from rnnviz.core.unroll import LOSSES

MAX_FULL = 24  # draw every step up to this T
HEAD = 4  # steps kept at the start when collapsing
TAIL = 8  # steps kept at the end (next to the loss) when collapsing


@dataclass(frozen=True)
class UnrolledGraph:
    """Nodes and edges of the unrolled graph, ready to draw.

    ``node_*`` arrays have length ``N``, ``edge_*`` length ``E``. Positions are in step units: step
    slot ``k`` spans ``x ∈ [k, k + 1]``, the state ``h_t`` sits at the slot's right edge. ``order`` is
    the animation frame in which the backward pass reaches a node or edge (0: the loss; then one
    frame per drawn step from ``T`` down to 1, one for the ellipsis). ``frame_steps[k]`` is the step
    reached in frame ``k`` (``T + 1`` for frame 0, ``0`` for the ellipsis frame).
    """

    cell: str
    gru_variant: str
    nonlinearity: str
    loss: str
    T: int
    steps: np.ndarray  # (S,) drawn steps, 1-based, ascending
    node_key: tuple[str, ...]  # unique, e.g. "h3", "tanh3", "mmh3"
    node_kind: tuple[str, ...]  # h, c0, x, loss, bias, tanh, add, matmul_h, matmul_x, gate, mul, ellipsis
    node_label: tuple[str, ...]  # the symbol, e.g. "tanh", "+", "W_h", "h_3", "×f"; gates "σ:f" (function:name)
    node_step: np.ndarray  # (N,) int, 0 for the initial state and the ellipsis
    node_x: np.ndarray  # (N,)
    node_y: np.ndarray  # (N,)
    node_norm: np.ndarray  # (N,) ‖∂L/∂(node output)‖
    node_order: np.ndarray  # (N,) int
    edge_src: np.ndarray  # (E,) int, forward direction
    edge_dst: np.ndarray  # (E,) int
    edge_norm: np.ndarray  # (E,) ‖what dst sends back to src‖
    edge_order: np.ndarray  # (E,) int
    edge_lane: tuple[str, ...]  # h, c, x, gate, loss, ellipsis
    frame_steps: np.ndarray  # (F,)
    ellipsis: dict | None  # first, last (collapsed steps), ratio_h, ratio_c (LSTM) or None

    @property
    def n_frames(self) -> int:
        return int(self.frame_steps.size)


def drawn_steps(T: int, max_full: int = MAX_FULL, head: int = HEAD, tail: int = TAIL) -> tuple[list[int], list[int]]:
    """The 1-based steps drawn before and after the ellipsis (``after`` is empty when nothing is collapsed)."""
    if T <= max_full:
        return list(range(1, T + 1)), []
    return list(range(1, head + 1)), list(range(T - tail + 1, T + 1))


class _Builder:
    def __init__(self):
        self.nodes: dict[str, int] = {}
        self.n = {k: [] for k in ("key", "kind", "label", "step", "x", "y", "norm", "order")}
        self.e = {k: [] for k in ("src", "dst", "norm", "order", "lane")}

    def node(self, key, kind, label, step, x, y, grad, order):
        self.nodes[key] = len(self.n["key"])
        for name, value in zip(self.n, (key, kind, label, step, x, y, _norm(grad), order)):
            self.n[name].append(value)

    def edge(self, src, dst, grad, order, lane):
        for name, value in zip(self.e, (self.nodes[src], self.nodes[dst], _norm(grad), order, lane)):
            self.e[name].append(value)


def _norm(grad) -> float:
    return float(np.sqrt(np.sum(np.square(grad)))) if np.ndim(grad) else float(abs(grad))


def unrolled_graph(trace: Trace, grads: Grads, dh_ext: np.ndarray, *, loss: str = "last",
                   max_full: int = MAX_FULL, head: int = HEAD, tail: int = TAIL) -> UnrolledGraph:
    """The graph of ``trace`` with the gradients of ``grads`` (from ``core.backward(trace, dh_ext)``).

    dh_ext ``(T, B, H)``: the loss's direct gradient on each ``h_t``; ``loss`` (``"last"`` or
    ``"every"``) says where loss nodes are drawn. Steps beyond ``max_full`` are collapsed: the first
    ``head`` and last ``tail`` steps are drawn with an ellipsis node between them.
    """
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {LOSSES}; got {loss!r}")
    dh_ext = np.asarray(dh_ext, dtype=np.float64)
    if dh_ext.shape != trace.h.shape:
        raise ValueError(f"dh_ext must have shape (T, B, H) = {trace.h.shape}; got {dh_ext.shape}")
    if not (1 <= head and 1 <= tail and head + tail < max_full):
        raise ValueError(f"need 1 <= head, 1 <= tail and head + tail < max_full; got {head}, {tail}, {max_full}")
    lg = local_gradients(trace, grads)
    T = trace.T
    before, after = drawn_steps(T, max_full, head, tail)
    backward_order = list(reversed(after)) + ([0] if after else []) + list(reversed(before))
    frame_of = {step: k + 1 for k, step in enumerate(backward_order)}
    slot = {step: k for k, step in enumerate(before)}
    if after:
        slot.update({step: len(before) + 1 + k for k, step in enumerate(after)})
    b = _Builder()
    add_step = {"rnn": _rnn_step, "lstm": _lstm_step, "gru": _gru_step}[trace.cell]
    ctx = {"lg": lg, "trace": trace, "dh_ext": dh_ext, "loss": loss, "T": T}

    known = {step: frame_of[step + 1] for step in before + after if step + 1 in frame_of}  # h_t known
    if after:
        known[before[-1]] = frame_of[0]
    _initial_state(b, ctx, slot[1], frame_of[1])
    for step in before + after:
        if after and step == after[0]:
            _ellipsis(b, ctx, before[-1], step, slot[step], frame_of[0], frame_of[step])
        add_step(b, ctx, step, float(slot[step]), frame_of[step], known.get(step, 0))
    ellipsis = None
    if after:
        lo, hi = before[-1], after[0] - 1  # h_lo receives what crossed the span from h_hi
        ellipsis = {
            "first": lo + 1, "last": hi,
            "ratio_h": _ratio(lg["dh"][lo - 1], lg["dh"][hi - 1]),
            "ratio_c": _ratio(lg["dc"][lo - 1], lg["dc"][hi - 1]) if trace.cell == "lstm" else None,
        }
    frame_steps = np.array([T + 1] + backward_order, dtype=int)
    return UnrolledGraph(
        cell=trace.cell, gru_variant=trace.gru_variant, nonlinearity=trace.nonlinearity, loss=loss, T=T,
        steps=np.array(before + after, dtype=int),
        node_key=tuple(b.n["key"]), node_kind=tuple(b.n["kind"]), node_label=tuple(b.n["label"]),
        node_step=np.array(b.n["step"], dtype=int), node_x=np.array(b.n["x"], dtype=float),
        node_y=np.array(b.n["y"], dtype=float), node_norm=np.array(b.n["norm"], dtype=float),
        node_order=np.array(b.n["order"], dtype=int),
        edge_src=np.array(b.e["src"], dtype=int), edge_dst=np.array(b.e["dst"], dtype=int),
        edge_norm=np.array(b.e["norm"], dtype=float), edge_order=np.array(b.e["order"], dtype=int),
        edge_lane=tuple(b.e["lane"]), frame_steps=frame_steps, ellipsis=ellipsis,
    )


def _ratio(num, den) -> float | None:
    """``‖num‖ / ‖den‖``, or None when ``den`` is zero (a dead ReLU chain)."""
    den_norm = _norm(den)
    return _norm(num) / den_norm if den_norm > 0 else None


# Layout: per cell, (dx within the step slot, y) of each operation; the state h_t sits at dx = 1.
_H_Y = {"rnn": 0.0, "lstm": 0.0, "gru": 2.4}
_C_Y = 3.0
_LOSS_XY = {"rnn": (1.0, 1.5), "lstm": (1.0, -1.0), "gru": (1.0, 3.4)}


def _initial_state(b, ctx, slot_k, order):
    """``h_0`` (and the LSTM's ``c_0``) at the left edge of slot ``slot_k``, reached with step 1."""
    trace, lg = ctx["trace"], ctx["lg"]
    x = float(slot_k)
    b.node("h0", "h", "h_0", 0, x, _H_Y[trace.cell], lg["dh_prev"][0], order)
    if trace.cell == "lstm":
        b.node("c0", "c0", "c_0", 0, x, _C_Y, lg["dc_prev"][0], order)


def _loss(b, ctx, t, slot_x, order):
    dx, y = _LOSS_XY[ctx["trace"].cell]
    b.node(f"L{t}", "loss", f"L{_sub(t)}", t, slot_x + dx, y, 1.0, order)
    b.edge(f"h{t}", f"L{t}", ctx["dh_ext"][t - 1], order, "loss")


def _ellipsis(b, ctx, lo, next_step, slot_k, order, order_next_state):
    """The collapsed steps ``lo + 1 .. next_step − 1`` between ``h_lo`` and ``h_{next_step − 1}``."""
    trace, lg = ctx["trace"], ctx["lg"]
    hi = next_step - 1
    x = float(slot_k)
    b.node("ellipsis", "ellipsis", "⋯", 0, x - 0.5, _H_Y[trace.cell], lg["dh"][hi - 1], order)
    b.edge(f"h{lo}", "ellipsis", lg["dh_prev"][lo], order, "ellipsis")
    b.node(f"h{hi}", "h", f"h{_sub(hi)}", hi, x, _H_Y[trace.cell], lg["dh"][hi - 1], order_next_state)
    b.edge("ellipsis", f"h{hi}", lg["dh"][hi - 1], order_next_state, "ellipsis")
    if ctx["loss"] == "every":
        _loss(b, ctx, hi, x - 1.0, order_next_state)
    if trace.cell == "lstm":
        b.node("ellipsis_c", "ellipsis", "⋯", 0, x - 0.5, _C_Y, lg["dc"][hi - 1], order)
        b.edge(f"addc{lo}", "ellipsis_c", lg["dc_prev"][lo], order, "ellipsis")
        b.node(f"c{hi}", "c0", f"c{_sub(hi)}", hi, x, _C_Y, lg["dc"][hi - 1], order_next_state)
        b.edge("ellipsis_c", f"c{hi}", lg["dc"][hi - 1], order_next_state, "ellipsis")


def _sub(t: int) -> str:
    return f"_{t}"


def _c_source(b, t):
    """The node that outputs ``c_{t}``: the ``+`` of step t, or a drawn ``c_t`` state node."""
    return f"c{t}" if f"c{t}" in b.nodes else f"addc{t}"


def _end_of_step(b, ctx, t, k, order, order_after):
    """``h_t`` at the slot's right edge and the loss at step T (or every step)."""
    cell = ctx["trace"].cell
    lg = ctx["lg"]
    T = ctx["T"]
    # h_t becomes known in the frame of step t + 1 (or frame 0 for t = T)
    h_order = 0 if t == T else order_after
    b.node(f"h{t}", "h", f"h{_sub(t)}", t, k + 1.0, _H_Y[cell], lg["dh"][t - 1], h_order)
    if t == T or ctx["loss"] == "every":
        _loss(b, ctx, t, k, h_order)


def _rnn_step(b, ctx, t, k, order, order_after):
    lg, s, i = ctx["lg"], _sub(t), t - 1
    phi = ctx["trace"].nonlinearity
    b.node(f"mmh{t}", "matmul_h", "W_h", t, k + 0.25, 0.0, lg["da"][i], order)
    b.node(f"add{t}", "add", "+", t, k + 0.5, 0.0, lg["da"][i], order)
    b.node(f"tanh{t}", "tanh", phi, t, k + 0.75, 0.0, lg["dh"][i], order)
    b.node(f"mmx{t}", "matmul_x", "W_x", t, k + 0.5, -1.0, lg["da"][i], order)
    b.node(f"x{t}", "x", f"x{s}", t, k + 0.5, -2.0, lg["dx"][i], order)
    b.node(f"b{t}", "bias", "b", t, k + 0.35, 0.8, lg["da"][i], order)
    _end_of_step(b, ctx, t, k, order, order_after)
    b.edge(f"h{t - 1}", f"mmh{t}", lg["dh_prev"][i], order, "h")
    b.edge(f"mmh{t}", f"add{t}", lg["da"][i], order, "h")
    b.edge(f"x{t}", f"mmx{t}", lg["dx"][i], order, "x")
    b.edge(f"mmx{t}", f"add{t}", lg["da"][i], order, "x")
    b.edge(f"b{t}", f"add{t}", lg["da"][i], order, "gate")
    b.edge(f"add{t}", f"tanh{t}", lg["da"][i], order, "h")
    b.edge(f"tanh{t}", f"h{t}", lg["dh"][i], order, "h")


def _lstm_step(b, ctx, t, k, order, order_after):
    lg, s, i = ctx["lg"], _sub(t), t - 1
    H = ctx["trace"].H
    dpre = lg["dpre"][i]
    block = {name: dpre[..., j * H:(j + 1) * H] for j, name in enumerate("ifgo")}
    # The gates in two rows, so that four of them fit a step's slot beside each other legibly
    y_low_gate, y_high_gate, y_mid = 1.0, 1.6, 2.2
    b.node(f"mmh{t}", "matmul_h", "W_h", t, k + 0.18, 0.0, dpre, order)
    b.node(f"pre{t}", "add", "+", t, k + 0.3, 0.0, dpre, order)
    b.node(f"mmx{t}", "matmul_x", "W_x", t, k + 0.3, -0.9, dpre, order)
    b.node(f"x{t}", "x", f"x{s}", t, k + 0.3, -1.8, lg["dx"][i], order)
    for name, dx_, y, key, label in (("f", 0.4, y_low_gate, "d_f", "σ:f"), ("i", 0.5, y_high_gate, "d_i", "σ:i"),
                                     ("g", 0.62, y_low_gate, "d_g", "tanh:g"),
                                     ("o", 0.74, y_high_gate, "d_o", "σ:o")):
        b.node(f"{name}{t}", "gate", label, t, k + dx_, y, lg[key][i], order)
    b.node(f"mulf{t}", "mul", "×f", t, k + 0.4, _C_Y, lg["dc"][i], order)
    b.node(f"muli{t}", "mul", "×", t, k + 0.56, y_mid, lg["dc"][i], order)
    b.node(f"addc{t}", "add", "+", t, k + 0.66, _C_Y, lg["dc"][i], order)
    b.node(f"tanhc{t}", "tanh", "tanh", t, k + 0.8, y_mid, lg["d_tanh_c"][i], order)
    b.node(f"mulo{t}", "mul", "×", t, k + 0.88, 1.3, lg["dh"][i], order)
    _end_of_step(b, ctx, t, k, order, order_after)
    b.edge(f"h{t - 1}", f"mmh{t}", lg["dh_prev"][i], order, "h")
    b.edge(f"x{t}", f"mmx{t}", lg["dx"][i], order, "x")
    b.edge(f"mmh{t}", f"pre{t}", dpre, order, "h")
    b.edge(f"mmx{t}", f"pre{t}", dpre, order, "x")
    for name in "ifgo":
        b.edge(f"pre{t}", f"{name}{t}", block[name], order, "gate")
    b.edge(_c_source(b, t - 1), f"mulf{t}", lg["dc_prev"][i], order, "c")
    b.edge(f"f{t}", f"mulf{t}", lg["d_f"][i], order, "gate")
    b.edge(f"i{t}", f"muli{t}", lg["d_i"][i], order, "gate")
    b.edge(f"g{t}", f"muli{t}", lg["d_g"][i], order, "gate")
    b.edge(f"mulf{t}", f"addc{t}", lg["dc"][i], order, "c")
    b.edge(f"muli{t}", f"addc{t}", lg["dc"][i], order, "gate")
    b.edge(f"addc{t}", f"tanhc{t}", lg["dc_from_h"][i], order, "gate")
    b.edge(f"tanhc{t}", f"mulo{t}", lg["d_tanh_c"][i], order, "gate")
    b.edge(f"o{t}", f"mulo{t}", lg["d_o"][i], order, "gate")
    b.edge(f"mulo{t}", f"h{t}", lg["dh"][i], order, "h")


def _gru_step(b, ctx, t, k, order, order_after):
    lg, s, i = ctx["lg"], _sub(t), t - 1
    classic = ctx["trace"].gru_variant == "classic"
    y_h, y_z, y_r = _H_Y["gru"], 1.4, 0.4
    lane_label, cand_label = ("×(1−z)", "×z") if classic else ("×z", "×(1−z)")
    b.node(f"mmh{t}", "matmul_h", "W_hr,W_hz", t, k + 0.12, 0.9, lg["dpre_rz"][i], order)
    b.node(f"mmx{t}", "matmul_x", "W_x", t, k + 0.22, -0.6, lg["dpre"][i], order)
    b.node(f"x{t}", "x", f"x{s}", t, k + 0.22, -1.4, lg["dx"][i], order)
    b.node(f"r{t}", "gate", "σ:r", t, k + 0.3, y_r, lg["dr"][i], order)
    b.node(f"z{t}", "gate", "σ:z", t, k + 0.3, y_z, lg["dz"][i], order)
    # The candidate's three operations zig-zag below and above the reset gate's row, so that they fit a slot
    if classic:
        b.node(f"mulr{t}", "mul", "×r", t, k + 0.43, y_r - 0.45, lg["d_rh"][i], order)
        b.node(f"mmn{t}", "matmul_h", "W_hn", t, k + 0.55, y_r + 0.2, lg["dpre_n"][i], order)
    else:
        b.node(f"mmn{t}", "matmul_h", "W_hn", t, k + 0.43, y_r - 0.45, lg["d_hn"][i], order)
        b.node(f"mulr{t}", "mul", "×r", t, k + 0.55, y_r + 0.2, lg["d_rh"][i], order)
    b.node(f"tanh{t}", "tanh", "tanh:h̃", t, k + 0.68, y_r - 0.3, lg["dn"][i], order)
    b.node(f"mulcand{t}", "mul", cand_label, t, k + 0.78, y_z, lg["dh"][i], order)
    b.node(f"mullane{t}", "mul", lane_label, t, k + 0.5, y_h, lg["dh"][i], order)
    b.node(f"add{t}", "add", "+", t, k + 0.85, y_h, lg["dh"][i], order)
    _end_of_step(b, ctx, t, k, order, order_after)
    H = ctx["trace"].H
    dpre = lg["dpre"][i]
    b.edge(f"h{t - 1}", f"mullane{t}", lg["dh_prev_lane"][i], order, "c")
    b.edge(f"h{t - 1}", f"mmh{t}", lg["dh_prev_mm"][i], order, "h")
    b.edge(f"x{t}", f"mmx{t}", lg["dx"][i], order, "x")
    b.edge(f"mmh{t}", f"r{t}", lg["dpre_r"][i], order, "h")
    b.edge(f"mmh{t}", f"z{t}", lg["dpre_z"][i], order, "h")
    b.edge(f"mmx{t}", f"r{t}", dpre[..., :H], order, "x")
    b.edge(f"mmx{t}", f"z{t}", dpre[..., H:2 * H], order, "x")
    b.edge(f"mmx{t}", f"tanh{t}", dpre[..., 2 * H:], order, "x")
    if classic:
        b.edge(f"h{t - 1}", f"mulr{t}", lg["dh_prev_r"][i], order, "h")
        b.edge(f"r{t}", f"mulr{t}", lg["dr"][i], order, "gate")
        b.edge(f"mulr{t}", f"mmn{t}", lg["d_rh"][i], order, "h")
        b.edge(f"mmn{t}", f"tanh{t}", lg["dpre_n"][i], order, "h")
    else:
        b.edge(f"h{t - 1}", f"mmn{t}", lg["dh_prev_r"][i], order, "h")
        b.edge(f"mmn{t}", f"mulr{t}", lg["d_hn"][i], order, "h")
        b.edge(f"r{t}", f"mulr{t}", lg["dr"][i], order, "gate")
        b.edge(f"mulr{t}", f"tanh{t}", lg["dpre_n"][i], order, "h")
    b.edge(f"tanh{t}", f"mulcand{t}", lg["dn"][i], order, "h")
    b.edge(f"z{t}", f"mulcand{t}", lg["dz_cand"][i], order, "gate")
    b.edge(f"z{t}", f"mullane{t}", lg["dz_lane"][i], order, "gate")
    b.edge(f"mullane{t}", f"add{t}", lg["dh"][i], order, "c")
    b.edge(f"mulcand{t}", f"add{t}", lg["dh"][i], order, "h")
    b.edge(f"add{t}", f"h{t}", lg["dh"][i], order, "c")
