"""Plotly figures as plain dicts: the part of ``go.Figure``'s API the builders use, unvalidated.

Plotly's figure objects validate every property on every assignment: 10–60 ms for one of the app's
figures, most of a slider move's time on the server. A :class:`Canvas` takes the same calls
(``add_trace``, ``update_layout``, ``update_xaxes``, ``add_hline`` ...) but only stores dicts, and
writes the same JSON in a few milliseconds.

Builders are written once, against this API, and wrapped with :func:`builder`:

- calling the builder returns a validated ``go.Figure`` (exports, the command line, the tests);
- ``builder.json(data, lang=..., theme=...)`` returns the figure's JSON straight from the dicts
  (the pages, on every slider move).

Inside :func:`plotly_objects` the same builder code runs on Plotly's own objects instead; the tests
build every figure both ways and require the same JSON, so the canvas cannot drift from Plotly.
"""

from __future__ import annotations

import base64
import contextlib
import contextvars
import functools
from typing import Any, Callable, Iterator

import numpy as np
import plotly.colors
import plotly.graph_objects as go
import plotly.io as pio
from plotly import shapeannotation
from plotly.basedatatypes import BasePlotlyType
from plotly.io.json import to_json_plotly
from plotly.subplots import make_subplots

from rnnviz.figures.fit import fit_above, fit_below, tidy_log_axes, tidy_subplot_titles
from rnnviz.figures.rich_text import rich_text_in_place

_PLOTLY_OBJECTS = contextvars.ContextVar("rnnviz_plotly_objects", default=False)
_UNDERSCORED = frozenset({"error_x", "error_y"})  # property names that contain an underscore


@contextlib.contextmanager
def plotly_objects() -> Iterator[None]:
    """Within this block, :func:`figure` and :func:`subplots` return Plotly's own (validating) figures."""
    token = _PLOTLY_OBJECTS.set(True)
    try:
        yield
    finally:
        _PLOTLY_OBJECTS.reset(token)


def trace(kind: str, **props: Any) -> dict[str, Any]:
    """A trace of type ``kind`` ("scatter", "bar", "heatmap") as a dict; magic underscores expanded."""
    return {"type": kind, **_expand(props)}


scatter = functools.partial(trace, "scatter")
bar = functools.partial(trace, "bar")
heatmap = functools.partial(trace, "heatmap")


def figure(data: dict[str, Any] | list[dict[str, Any]] | None = None) -> Canvas | go.Figure:
    """A new figure holding the trace(s) ``data``, like ``go.Figure(data)``."""
    if _PLOTLY_OBJECTS.get():
        return go.Figure(data)
    return Canvas(data)


def subplots(rows: int = 1, cols: int = 1, **options: Any) -> Canvas | go.Figure:
    """A grid of subplots, like ``plotly.subplots.make_subplots`` (its layout is computed once per
    distinct set of arguments, by Plotly itself, and copied)."""
    if _PLOTLY_OBJECTS.get():
        return make_subplots(rows=rows, cols=cols, **options)
    layout, grid = _subplot_layout(rows, cols, _freeze(options))
    return Canvas(layout=layout, grid=grid)


def extend_annotations(fig: Canvas | go.Figure, annotations: list[dict[str, Any]]) -> None:
    """Append many annotations at once (Plotly re-validates all of them on each ``add_annotation``)."""
    if isinstance(fig, Canvas):
        fig.layout.setdefault("annotations", []).extend(_copy(_expand(a)) for a in annotations)
    else:
        fig.update_layout(annotations=[*fig.layout.annotations, *annotations])


def builder(draw: Callable[..., Canvas | go.Figure]) -> Callable[..., go.Figure]:
    """A figure builder from ``draw(data, *, lang, theme, **view)``, which draws on :func:`figure` or
    :func:`subplots` (``view``: the figure's display options, e.g. ``yaxis``): calling it returns a
    validated ``go.Figure``; its ``json`` attribute returns the JSON string without validation, ``dict``
    the same figure as a dict (arrays as Plotly's typed arrays), and ``draw`` is the function itself.
    Every way, the figure is finished alike: its sub- and superscripts become markup
    (:mod:`rnnviz.figures.rich_text`) and its legend and notes find room below the plot (:mod:`rnnviz.figures.fit`)."""

    def drawn(data: Any, lang: str, theme: str, view: dict[str, Any]) -> Canvas | go.Figure:
        fig = draw(data, lang=lang, theme=theme, **view)
        if isinstance(fig, Canvas):
            _finish(fig.data, fig.layout, fig.frames)
            return fig
        plain = fig.to_dict()  # Plotly's own figure (inside plotly_objects): the same finish on a copy
        _finish(plain["data"], plain["layout"], plain.get("frames", []))
        return go.Figure(plain)

    @functools.wraps(draw)
    def build(data: Any, *, lang: str, theme: str, **view: Any) -> go.Figure:
        fig = drawn(data, lang, theme, view)
        return fig if isinstance(fig, go.Figure) else go.Figure(fig.to_dict(typed_arrays=False))

    def as_json(data: Any, *, lang: str, theme: str, **view: Any) -> str:
        fig = drawn(data, lang, theme, view)
        return fig.to_json() if isinstance(fig, Canvas) else fig.to_json(validate=False)

    def as_dict(data: Any, *, lang: str, theme: str, **view: Any) -> dict[str, Any]:
        fig = drawn(data, lang, theme, view)
        return fig.to_dict(copy=False) if isinstance(fig, Canvas) else fig.to_plotly_json()

    build.json = as_json
    build.dict = as_dict
    build.draw = draw
    return build


def _finish(data: list[dict[str, Any]], layout: dict[str, Any], frames: list[dict[str, Any]]) -> None:
    for part in (data, layout, frames):
        rich_text_in_place(part)
    tidy_log_axes(layout)
    tidy_subplot_titles(layout)
    fit_above(layout)
    fit_below(layout, data)


class Canvas:
    """A figure as ``data`` (list of trace dicts), ``layout`` (dict) and ``frames`` (list of dicts).

    ``grid[r][c]`` is the ``(xaxis, yaxis)`` layout key pair of the subplot in row ``r + 1`` and column
    ``c + 1`` (None where a spanning subplot covers the cell); ``grid`` is None without subplots. Every method behaves as ``go.Figure``'s.
    """

    def __init__(self, data: dict[str, Any] | list[dict[str, Any]] | None = None,
                 layout: dict[str, Any] | None = None, grid: list[list[tuple[str, str] | None]] | None = None):
        self.data: list[dict[str, Any]] = []
        self.layout: dict[str, Any] = _copy(layout) if layout else {}
        self.frames: list[dict[str, Any]] = []
        self._grid = grid
        for item in [data] if isinstance(data, dict) else (data or []):
            self.add_trace(item)

    # --- traces and layout -------------------------------------------------------------------
    def add_trace(self, item: dict[str, Any], row: int | None = None, col: int | None = None) -> Canvas:
        item = {"type": "scatter", **_copy(_expand(item))}
        if row is not None:
            xaxis, yaxis = self._cell(row, col)
            item.update(xaxis=_ref(xaxis), yaxis=_ref(yaxis))
        self.data.append(item)
        return self

    def update_layout(self, values: dict[str, Any] | None = None, **kwargs: Any) -> Canvas:
        values = {**(values or {}), **kwargs}
        template = values.pop("template", None)
        if template is not None:
            self.layout["template"] = _template_json(template)
        _merge(self.layout, _expand(values))
        return self

    def update_xaxes(self, values: dict[str, Any] | None = None, row: int | None = None,
                     col: int | None = None, **kwargs: Any) -> Canvas:
        return self._update_axes(0, {**(values or {}), **kwargs}, row, col)

    def update_yaxes(self, values: dict[str, Any] | None = None, row: int | None = None,
                     col: int | None = None, **kwargs: Any) -> Canvas:
        return self._update_axes(1, {**(values or {}), **kwargs}, row, col)

    def _update_axes(self, which: int, values: dict[str, Any], row: int | None, col: int | None) -> Canvas:
        values = _expand(values)
        if not values:
            return self
        if self._grid is None:
            keys = ["xaxis" if which == 0 else "yaxis"]
        else:
            keys = [self._grid[r - 1][c - 1][which] for r, c in self._cells(row or "all", col or "all")]
        for key in keys:
            _merge(self.layout.setdefault(key, {}), values)
        return self

    # --- annotations, shapes and lines across a subplot -----------------------------------------
    def add_annotation(self, values: dict[str, Any] | None = None, row: int | str | None = None,
                       col: int | str | None = None, exclude_empty_subplots: bool = False, **kwargs: Any) -> Canvas:
        return self._add_layout_item("annotations", {**(values or {}), **kwargs}, row, col, exclude_empty_subplots)

    def add_shape(self, values: dict[str, Any] | None = None, row: int | str | None = None,
                  col: int | str | None = None, exclude_empty_subplots: bool = False, **kwargs: Any) -> Canvas:
        return self._add_layout_item("shapes", {**(values or {}), **kwargs}, row, col, exclude_empty_subplots)

    def add_hline(self, y: float, row: int | str | None = "all", col: int | str | None = "all",
                  exclude_empty_subplots: bool = True, annotation: dict[str, Any] | None = None,
                  **kwargs: Any) -> Canvas:
        line = {"type": "line", "x0": 0, "x1": 1, "y0": y, "y1": y}
        return self._add_spanning("hline", line, row, col, exclude_empty_subplots, annotation, kwargs)

    def add_vline(self, x: float, row: int | str | None = "all", col: int | str | None = "all",
                  exclude_empty_subplots: bool = True, annotation: dict[str, Any] | None = None,
                  **kwargs: Any) -> Canvas:
        line = {"type": "line", "x0": x, "x1": x, "y0": 0, "y1": 1}
        return self._add_spanning("vline", line, row, col, exclude_empty_subplots, annotation, kwargs)

    def _add_layout_item(self, plural: str, values: dict[str, Any], row: Any, col: Any, exclude_empty: bool) -> Canvas:
        item = _copy(_expand(values))
        items = self.layout.setdefault(plural, [])
        if row is None:
            items.append(item)
            return self
        for r, c in self._cells(row, col):
            xaxis, yaxis = self._cell(r, c)
            xref, yref = _ref(xaxis), _ref(yaxis)
            given = item.get("yref")
            if not (given is None or given == "y" or "paper" in given or "domain" in given):
                yref = given
            if exclude_empty and not self._has_items_on(xref, yref):
                continue
            for letter in "xy":
                if "domain" in (item.get(f"{letter}ref") or ""):
                    xref, yref = (xref + " domain", yref) if letter == "x" else (xref, yref + " domain")
            items.append({**_copy(item), "xref": xref, "yref": yref})
        return self

    def _add_spanning(self, kind: str, line: dict[str, Any], row: Any, col: Any, exclude_empty: bool,
                      annotation: dict[str, Any] | None, kwargs: dict[str, Any]) -> Canvas:
        """``add_hline``/``add_vline``: a line spanning each chosen subplot, and its annotation."""
        if self._grid is None:
            row = col = None
        before = {plural: len(self.layout.get(plural, [])) for plural in ("shapes", "annotations")}
        shape_kwargs, annotation_kwargs = shapeannotation.split_dict_by_key_prefix(kwargs, "annotation_")
        label = shapeannotation.axis_spanning_shape_annotation(annotation, kind, line, annotation_kwargs)
        self.add_shape(row=row, col=col, exclude_empty_subplots=exclude_empty, **{**line, **shape_kwargs})
        if label is not None:
            self.add_annotation(label, row=row, col=col, exclude_empty_subplots=exclude_empty,
                                yref=shape_kwargs.get("yref", "y"))
        span = "xref" if kind == "hline" else "yref"
        for plural, count in before.items():
            added = self.layout.get(plural, [])[count:]
            if added and row is None and col is None:
                added[-1].setdefault("xref", "x")
                added[-1].setdefault("yref", "y")
            for item in added:
                item[span] += " domain"
        return self

    # --- subplot grid ----------------------------------------------------------------------------
    def _cell(self, row: int, col: int | None) -> tuple[str, str]:
        if self._grid is None or col is None or self._grid[row - 1][col - 1] is None:
            raise ValueError(f"no subplot at row {row}, col {col}")
        return self._grid[row - 1][col - 1]

    def _cells(self, row: int | str, col: int | str) -> list[tuple[int, int]]:
        """The (row, col) pairs chosen by ``row`` and ``col`` (a number or "all"), row by row."""
        rows = range(1, len(self._grid) + 1) if row == "all" else [row]
        cols = range(1, len(self._grid[0]) + 1) if col == "all" else [col]
        return [(r, c) for r in rows for c in cols if self._grid[r - 1][c - 1] is not None]

    def _has_items_on(self, xref: str, yref: str) -> bool:
        """Whether a trace, shape, annotation or image is drawn on the axes ``xref`` / ``yref``."""
        on = [(t.get("xaxis") or "x", t.get("yaxis") or "y") for t in self.data]
        for plural in ("shapes", "annotations", "images"):
            on += [(i.get("xref") or "x", i.get("yref") or "y") for i in self.layout.get(plural, [])]
        return (xref, yref) in on

    # --- output ----------------------------------------------------------------------------------
    def to_dict(self, typed_arrays: bool = True, copy: bool = True) -> dict[str, Any]:
        """``{"data", "layout"[, "frames"]}``; numpy arrays become Plotly's base64 typed arrays, as in
        ``go.Figure.to_dict``, unless ``typed_arrays`` is false. Without ``copy`` the result shares the
        canvas's dicts (and changes them): for a canvas drawn only to be written out, e.g. a live frame."""
        keep = _copy if copy else (lambda value: value)
        result = {"data": keep(self.data), "layout": keep(self.layout)}
        if "template" not in result["layout"] and pio.templates.default:  # as Plotly adds it
            result["layout"]["template"] = _template_json(pio.templates[pio.templates.default])
        if self.frames:
            result["frames"] = keep(self.frames)
            for frame in result["frames"]:
                for item in frame.get("data", []):
                    item.setdefault("type", "scatter")
        if typed_arrays:
            typed_arrays_in_place(result)
        return result

    def to_json(self) -> str:
        return to_json_plotly(self.to_dict())


_NOT_TYPED = frozenset({"geojson", "layer", "layers", "range"})  # keys Plotly leaves as plain lists
_NO_ARRAYS = frozenset({"template"})  # the theme's template: JSON from Plotly, never a numpy array in it


def typed_arrays_in_place(value: Any) -> None:
    """Replace every numpy array under ``value`` (nested dicts and lists) by Plotly's base64 typed
    array (:func:`typed_array`), as Plotly's own conversion does. That one asks of every value, strings and
    numbers too, whether pandas or a dataframe library would take it as an array, which made a figure's
    JSON about 1.3x slower (bench/bench_figures.py); the canvas holds only dicts, lists, numpy arrays and
    scalars."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in _NOT_TYPED or key in _NO_ARRAYS:
                continue
            if isinstance(item, np.ndarray):
                value[key] = typed_array(item)
            elif isinstance(item, (dict, list, tuple)):
                typed_arrays_in_place(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            typed_arrays_in_place(item)


# plotly.js's typed-array names of the numpy types it reads directly.
_TYPED_ARRAY_NAMES = {"int8": "i1", "uint8": "u1", "int16": "i2", "uint16": "u2", "int32": "i4", "uint32": "u4",
                      "float32": "f4", "float64": "f8"}
_NARROWER = {"int64": ("int8", "int16", "int32"), "uint64": ("uint8", "uint16", "uint32")}


def typed_array(values: np.ndarray) -> dict[str, str] | np.ndarray:
    """A numpy array as plotly.js's base64 typed array ``{"dtype", "bdata"[, "shape"]}``, as Plotly writes
    it: 64-bit integers narrowed to the smallest type that holds them (left as they are when none does),
    and an empty array or another type (bool, object) returned unchanged, for the JSON encoder's list."""
    array = np.ascontiguousarray(values)
    if array.size == 0:
        return array
    name = str(array.dtype)
    if name in _NARROWER:
        low, high = array.min(), array.max()
        fits = [kind for kind in _NARROWER[name] if np.iinfo(kind).min <= low and high <= np.iinfo(kind).max]
        if not fits:
            return array
        array = array.astype(fits[0])
        name = fits[0]
    if name not in _TYPED_ARRAY_NAMES:
        return array
    spec = {"dtype": _TYPED_ARRAY_NAMES[name], "bdata": base64.b64encode(array).decode("ascii")}
    if array.ndim > 1:
        spec["shape"] = str(array.shape)[1:-1]
    return spec


def _ref(axis_key: str) -> str:
    """``xaxis2`` -> ``x2``."""
    return axis_key.replace("axis", "")


def _expand(props: dict[str, Any]) -> dict[str, Any]:
    """Plotly's magic underscores: ``{"title_text": t}`` -> ``{"title": {"text": t}}`` (nested dicts too)."""
    result: dict[str, Any] = {}
    for key, value in props.items():
        if isinstance(value, dict):
            value = _expand(value)
        elif key == "colorscale" and isinstance(value, str):
            value = _named_colorscale(value)
        if "_" in key and key not in _UNDERSCORED:
            head, _, rest = key.partition("_")
            _merge(result, {head: _expand({rest: value})})
        else:
            _merge(result, {key: value})
    return result


@functools.lru_cache(maxsize=32)
def _named_colorscale(name: str) -> list[list[Any]]:
    """A named colorscale ("Viridis", "RdBu_r") as the list of stops Plotly's validation makes of it: the
    scale's colours at stops ``i / (n − 1)`` (equal to Plotly's for every named scale, reversed ones too)."""
    colors = [color for _, color in plotly.colors.get_colorscale(name)]
    return [[i / (len(colors) - 1), color] for i, color in enumerate(colors)]


def _merge(target: dict[str, Any], values: dict[str, Any]) -> None:
    """Merge ``values`` into ``target`` as Plotly's ``update`` does: nested dicts merge, the rest replaces."""
    for key, value in values.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = _copy(value)


def _copy(value: Any) -> Any:
    """A copy of nested dicts, lists and tuples (as lists); arrays and scalars are shared."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_copy(item) for item in value]
    return value


_TEMPLATES: dict[int, tuple[BasePlotlyType, dict[str, Any]]] = {}


def _template_json(template: BasePlotlyType | dict[str, Any]) -> dict[str, Any]:
    """A Plotly template as a dict (computed once per template object; templates are not modified)."""
    if isinstance(template, dict):
        return _copy(template)
    if id(template) not in _TEMPLATES:
        _TEMPLATES[id(template)] = (template, template.to_plotly_json())
    return _TEMPLATES[id(template)][1]


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((key, _freeze(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return ("__list__", *(_freeze(item) for item in value))
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, tuple) and value and value[0] == "__list__":
        return [_thaw(item) for item in value[1:]]
    if isinstance(value, tuple):
        return {key: _thaw(item) for key, item in value}
    return value


@functools.lru_cache(maxsize=256)
def _subplot_layout(rows: int, cols: int, options: Any) -> tuple[dict[str, Any], list[list[tuple[str, str] | None]]]:
    fig = make_subplots(rows=rows, cols=cols, **_thaw(options))
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)  # every builder sets its theme's template
    grid = [[refs[0].layout_keys if refs else None for refs in row] for row in fig._grid_ref]
    return layout, grid
