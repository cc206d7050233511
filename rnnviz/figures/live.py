"""Live figures: one chart's frames for every value of a live parameter, as a base figure and patches.

A figure whose parameter ``name`` is live is drawn for each value of that parameter's slider (the
``grid``); the browser receives the figure at the current value and, for every grid value, a patch of
what differs from it. Switching frames is then a matter of the browser's own (``live.js``), with no
server round trip. Every frame is the builder's figure for the engine's exact data at that value.

A patch: ``{"data": {trace index: {property: value}}, "layout": {property: value}}`` at the top level of
each trace and of the layout (a ``None`` value removes a property), and ``"traces"`` instead of
``"data"`` when the number of traces differs, ``"frames"`` when an animation's frames differ. A trace's
array that is the start of the same trace's array in the slider's ``reference`` figure (its frame at the
largest value: a sequence of length T is the start of the one of length 1000 in the book's experiment) is
sent as ``{"prefix": n}``, its first n entries, instead of its numbers.
"""

from __future__ import annotations

import base64
import time
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import numpy as np
from plotly.io.json import to_json_plotly

LIVE_JS = Path(__file__).with_name("live.js")  # the browser's side, shared by the chart element and the HTML export
BYTES_BUDGET = 400 * 2**10  # of one live parameter's frames: a page has at most five live sliders (DESIGN: 2 MB a page)


def patch(base: dict[str, Any], other: dict[str, Any], reference: dict[str, Any] | None = None) -> dict[str, Any]:
    """What turns figure dict ``base`` into ``other`` (see the module's docstring); arrays that start
    ``reference``'s (a figure with the same traces) are sent as prefixes of them."""
    out: dict[str, Any] = {}
    if len(base["data"]) != len(other["data"]):
        out["traces"] = other["data"]
    else:
        traces = {}
        for index, (old, new) in enumerate(zip(base["data"], other["data"])):
            changed = _changed(old, new)
            if reference is not None and len(reference["data"]) == len(other["data"]):
                changed = {key: _as_prefix(value, reference["data"][index].get(key)) for key, value in changed.items()}
            if changed:
                traces[str(index)] = changed
        if traces:
            out["data"] = traces
    layout = _changed(base["layout"], other["layout"])
    if layout:
        out["layout"] = layout
    if base.get("frames") != other.get("frames"):
        out["frames"] = other.get("frames") or []
    return out


def _as_prefix(value: Any, longer: Any) -> Any:
    """``{"prefix": n}`` when typed array ``value`` is the first n entries of typed array ``longer``."""
    if not (_is_vector(value) and _is_vector(longer)) or value["dtype"] != longer["dtype"]:
        return value
    mine, theirs = base64.b64decode(value["bdata"]), base64.b64decode(longer["bdata"])
    if not theirs.startswith(mine):
        return value
    return {"prefix": len(mine) // np.dtype(_NUMPY_TYPES[value["dtype"]]).itemsize}


def _is_vector(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"dtype", "bdata"} and value["dtype"] in _NUMPY_TYPES


_NUMPY_TYPES = {"i1": "int8", "u1": "uint8", "i2": "int16", "u2": "uint16", "i4": "int32", "u4": "uint32",
                "f4": "float32", "f8": "float64"}


def _changed(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    changed = {key: value for key, value in new.items() if old.get(key) != value}
    changed.update({key: None for key in old if key not in new})
    return changed


def apply(base: dict[str, Any], change: dict[str, Any], reference: dict[str, Any] | None = None) -> dict[str, Any]:
    """``base`` with ``change`` applied, prefixes taken from ``reference`` (what ``live.js`` does in the
    browser; the tests use it)."""
    if "traces" in change:
        data = change["traces"]
    else:
        data = []
        for i, trace in enumerate(base["data"]):
            changed = dict(change.get("data", {}).get(str(i), {}))
            for key, value in changed.items():
                if isinstance(value, dict) and set(value) == {"prefix"}:
                    changed[key] = _prefix_of(reference["data"][i][key], value["prefix"])
            data.append(_merged(trace, changed))
    result = {"data": data, "layout": _merged(base["layout"], change.get("layout", {}))}
    frames = change["frames"] if "frames" in change else base.get("frames")
    if frames:
        result["frames"] = frames
    return result


def _prefix_of(vector: dict[str, str], n: int) -> dict[str, str]:
    size = np.dtype(_NUMPY_TYPES[vector["dtype"]]).itemsize
    return {"dtype": vector["dtype"], "bdata": base64.b64encode(base64.b64decode(vector["bdata"])[: n * size]).decode()}


def _merged(old: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    merged = {**old, **change}
    return {key: value for key, value in merged.items() if value is not None}


def slider(name: str, label: str, values: Sequence[float], fmt: str | None) -> dict[str, Any]:
    """What a live slider shows: the parameter's ``name`` (its ``data-live``), ``label``, the grid ``values``
    and the ``format`` of a value (``%.2f``-style, as the sidebar's slider)."""
    return {"name": name, "label": label, "values": [float(v) for v in values], "format": fmt or "%g"}


TIME_BUDGET_S = 1.0  # of computing and drawing one live parameter's frames (then they come from the cache)
MAX_FRAMES = 101  # a slider of a few hundred pixels shows no more positions than that


def _timed_run(spec: Any, name: str, values: Mapping[str, Any], grid: Sequence[Any],
               seconds: dict[Any, float]) -> list[Any]:
    """``spec.run_over`` on ``grid``, the time it took shared out over the values in ``seconds``."""
    started = time.perf_counter()
    datas = spec.run_over(name, values, grid)
    for value in grid:
        seconds[value] = (time.perf_counter() - started) / len(grid)
    return datas


def thinned(grid: Sequence[Any], current: Any, stride: int) -> tuple[Any, ...]:
    """Every ``stride``-th value of ``grid``, with its ends and the ``current`` value kept."""
    if stride <= 1:
        return tuple(grid)
    keep = set(range(0, len(grid), stride)) | {len(grid) - 1, list(grid).index(current)}
    return tuple(grid[i] for i in sorted(keep))


def stride_for(sizes: Sequence[float], seconds: Sequence[float], count: int) -> int:
    """The stride that keeps ``count`` frames within :data:`BYTES_BUDGET`, :data:`TIME_BUDGET_S` and
    :data:`MAX_FRAMES`, from sample frames' patch sizes (bytes) and times (s) of computing and drawing each."""
    if not sizes:
        return 1
    total_bytes = count * sum(sizes) / len(sizes)
    total_seconds = count * sum(seconds) / len(seconds)
    over = max(total_bytes / BYTES_BUDGET, total_seconds / TIME_BUDGET_S, (count - 1) / (MAX_FRAMES - 1))
    return max(1, int(-(-over // 1)))


def live_payload(spec: Any, values: Mapping[str, Any], *, lang: str, theme: str,
                 label: Callable[[Any], str]) -> str:
    """The live payload JSON of catalogue figure ``spec`` at the page's ``values``: the figure now, and for
    each live parameter the patches of every frame of its grid (thinned to the budgets, and then the payload
    says so in ``thinned``: label and stride). ``label(param)`` is a parameter's label in the user's language.
    """
    sliders, notes = [], []
    base = None
    for name in spec.live:
        param = spec.param(name)
        current = param.parse(values[name])[0]
        grid = param.grid(current)

        def frame(value: Any, data: Any) -> dict[str, Any]:
            view = spec.view_values({**values, name: value})
            return spec.build.dict(data, lang=lang, theme=theme, **view)

        samples = sorted({grid[0], grid[len(grid) // 2], current, grid[-1]}, key=grid.index)
        sampled, seconds = {}, {}
        for value, data in zip(samples, _timed_run(spec, name, values, samples, seconds)):
            started = time.perf_counter()
            sampled[value] = frame(value, data)
            seconds[value] += time.perf_counter() - started
        base = sampled[current] if base is None else base
        # The current frame's own patch is empty, and the last one's is a prefix of itself: size the others.
        others = [v for v in samples if v not in (current, grid[-1])] or samples
        sizes = [len(to_json_plotly(patch(base, sampled[v], sampled[grid[-1]]))) for v in others]
        stride = stride_for(sizes, [seconds[v] for v in others], len(grid))
        grid = thinned(grid, current, stride)
        rest = [v for v in grid if v not in sampled]
        sampled.update(zip(rest, (frame(v, d) for v, d in zip(rest, spec.run_over(name, values, rest)))))
        reference = sampled[grid[-1]]
        sliders.append({**slider(name, label(param), grid, param.fmt), "index": grid.index(current),
                        "reference": reference, "patches": [patch(base, sampled[v], reference) for v in grid]})
        if stride > 1:
            notes.append((label(param), stride))
    return to_json_plotly({"base": base, "sliders": sliders, "thinned": notes})
