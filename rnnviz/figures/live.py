"""Live figures: one chart's frames for every value of a live parameter, as a base figure and patches.

A figure whose parameter ``name`` is live is drawn for each value of that parameter's slider (the
``grid``); the browser receives the figure at the current value and, for every grid value, a patch of
what differs from it. Switching frames is then a matter of the browser's own (``live.js``), with no
server round trip. Every frame is the builder's figure for the engine's exact data at that value.

A patch: ``{"data": {trace index: {property: value}}, "layout": {property: value}}`` at the top level of
each trace and of the layout (a ``None`` value removes a property), and ``"traces"`` instead of
``"data"`` when the number of traces differs, ``"frames"`` when an animation's frames differ.
"""

from __future__ import annotations

from typing import Any, Sequence

from plotly.io.json import to_json_plotly

BYTES_BUDGET = 2 * 2**20  # of a chart's frames at a page's defaults (DESIGN: about 2 MB a page)


def patch(base: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """What turns figure dict ``base`` into ``other`` (see the module's docstring)."""
    out: dict[str, Any] = {}
    if len(base["data"]) != len(other["data"]):
        out["traces"] = other["data"]
    else:
        traces = {}
        for index, (old, new) in enumerate(zip(base["data"], other["data"])):
            changed = _changed(old, new)
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


def _changed(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    changed = {key: value for key, value in new.items() if old.get(key) != value}
    changed.update({key: None for key in old if key not in new})
    return changed


def apply(base: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``change`` applied (what ``live.js`` does in the browser; the tests use it)."""
    if "traces" in change:
        data = change["traces"]
    else:
        data = [_merged(trace, change.get("data", {}).get(str(i), {})) for i, trace in enumerate(base["data"])]
    result = {"data": data, "layout": _merged(base["layout"], change.get("layout", {}))}
    frames = change["frames"] if "frames" in change else base.get("frames")
    if frames:
        result["frames"] = frames
    return result


def _merged(old: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    merged = {**old, **change}
    return {key: value for key, value in merged.items() if value is not None}


def live_json(figures: Sequence[dict[str, Any]], current: int, param: dict[str, Any]) -> str:
    """The chart's live payload as JSON: ``{"base": figure at index current, "param": param, "patches": [...]}``.

    ``figures``: the figure dict at each grid value, in the grid's order; ``param``: what the slider needs
    (``name``, ``label``, ``values``, ``format``; see :func:`slider`).
    """
    base = figures[current]
    payload = {"base": base, "param": {**param, "index": current}, "patches": [patch(base, f) for f in figures]}
    return to_json_plotly(payload)


def slider(name: str, label: str, values: Sequence[float], fmt: str | None) -> dict[str, Any]:
    """What a live slider shows: the parameter's ``name`` (its ``data-live``), ``label``, the grid ``values``
    and the ``format`` of a value (``%.2f``-style, as the sidebar's slider)."""
    return {"name": name, "label": label, "values": [float(v) for v in values], "format": fmt or "%g"}
