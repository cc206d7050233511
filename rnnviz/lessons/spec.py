"""The vocabulary of a lesson module: its page, its typed bilingual parameters, and its figures.

A :class:`Page` names a lesson's page (its file in ``pages/``, its menu icon and section). A :class:`Param` declares one control: its type, default, range or choices, and its label and help in
Korean and English. :meth:`Param.parse` turns anything a user can send (a URL string, a command-line
value, a widget value) into a valid value, and says what it changed in a :class:`Notice` instead of
raising: out-of-range numbers are clamped, unreadable ones replaced by the default. A :class:`FigureSpec` is one
chart: its id, parameters, compute (engine only), Plotly builder and data table.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Literal, Mapping, Sequence

from rnnviz.i18n import Text

if TYPE_CHECKING:  # only for annotations: a lesson module need not load pandas or Plotly to declare itself
    import pandas as pd
    import plotly.graph_objects as go

Kind = Literal["int", "float", "choice", "bool", "token"]
MAX_RAW_LENGTH = 64  # longer URL values are rejected before parsing
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


@dataclass(frozen=True)
class Notice:
    """What validation changed: ``reason`` is ``invalid``, ``clamped``, ``too_long`` or ``unknown_choice``."""

    name: str
    raw: str
    used: Any
    reason: str


@dataclass(frozen=True)
class Param:
    """One control of a figure.

    ``kind`` is ``int``, ``float``, ``choice``, ``bool`` or ``token`` (a short string matching
    ``pattern``, e.g. a digest). Numbers have ``min``, ``max`` and ``step``; choices have ``choices``
    (the values, as strings) and optional ``choice_labels`` (value -> Text). ``widget`` picks the
    Streamlit widget (``slider``, ``select``, ``radio``, ``toggle``, ``number``, or ``hidden`` for a
    value that only the URL and the page's own code set). ``resolve`` turns a valid value into what
    ``compute`` takes (an uploaded-weights token into the weights); ``aliases`` are older names a link may
    still use for this parameter.
    """

    name: str
    kind: Kind
    default: Any
    label: Text
    help: Text | None = None
    min: float | None = None
    max: float | None = None
    step: float | None = None
    choices: tuple[str, ...] = ()
    choice_labels: Mapping[str, Text] = field(default_factory=dict)
    widget: str = ""
    fmt: str | None = None
    pattern: str = ""
    resolve: Callable[[Any], Any] | None = None
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.widget:
            default_widget = {
                "int": "slider", "float": "slider", "choice": "select", "bool": "toggle", "token": "hidden",
            }
            object.__setattr__(self, "widget", default_widget[self.kind])
        value, notice = self.parse(self.default)
        if notice is not None or value != self.default:
            raise ValueError(f"parameter {self.name!r}: default {self.default!r} is not valid")

    def choice_label(self, value: str, lang: str) -> str:
        """The label shown for one choice in ``lang`` (the value itself when no label is given)."""
        label = self.choice_labels.get(value)
        return label(lang) if label is not None else str(value)

    def parse(self, raw: Any) -> tuple[Any, Notice | None]:
        """A valid value for ``raw`` and a notice when it had to be changed (``None`` when not)."""
        text = raw if isinstance(raw, str) else None
        if text is not None and len(text) > MAX_RAW_LENGTH:
            return self.default, Notice(self.name, text[:20] + "…", self.default, "too_long")
        try:
            value = self._convert(raw)
        except (TypeError, ValueError, OverflowError):
            reason = "unknown_choice" if self.kind == "choice" else "invalid"
            return self.default, Notice(self.name, str(raw)[:40], self.default, reason)
        return self._clamp(value, raw)

    def _convert(self, raw: Any) -> Any:
        if self.kind == "bool":
            if isinstance(raw, bool):
                return raw
            word = str(raw).strip().lower()
            if word in _TRUE or word in _FALSE:
                return word in _TRUE
            raise ValueError(raw)
        if self.kind == "token":
            value = str(raw).strip()
            if not re.fullmatch(self.pattern, value):
                raise ValueError(raw)
            return value
        if self.kind == "choice":
            value = str(raw).strip()
            if value not in self.choices:
                raise ValueError(raw)
            return value
        if isinstance(raw, bool):
            raise ValueError(raw)
        number = float(raw.strip()) if isinstance(raw, str) else float(raw)
        if not math.isfinite(number):
            raise ValueError(raw)
        if self.kind == "int":
            if number != round(number):
                raise ValueError(raw)
            return int(round(number))
        return number

    def _clamp(self, value: Any, raw: Any) -> tuple[Any, Notice | None]:
        if self.kind not in ("int", "float"):
            return value, None
        low = self.min if self.min is not None else value
        high = self.max if self.max is not None else value
        clamped = min(max(value, low), high)
        if self.kind == "int":
            clamped = int(clamped)
        if clamped != value:
            return clamped, Notice(self.name, str(raw)[:40], clamped, "clamped")
        return clamped, None

    def grid(self, value: Any = None) -> tuple[Any, ...]:
        """Every value the parameter's slider offers, ``min`` to ``max`` in ``step`` (numbers only), with
        ``value`` added where it falls between two steps (a link may hold any valid number)."""
        if self.kind not in ("int", "float") or None in (self.min, self.max, self.step):
            raise ValueError(f"parameter {self.name!r} has no slider grid")
        count = int(round((self.max - self.min) / self.step)) + 1
        decimals = max(0, -int(math.floor(math.log10(self.step)))) + 2 if self.kind == "float" else 0
        values = {self._clamp(round(self.min + k * self.step, decimals), None)[0] for k in range(count)}
        if value is not None:
            values.add(self.parse(value)[0])
        return tuple(sorted(values))

    def to_query(self, value: Any) -> str:
        """The query-string form of a valid value (``parse`` reads it back to the same value)."""
        if self.kind == "bool":
            return "1" if value else "0"
        if self.kind == "float":
            return repr(float(value)) if float(value) != int(value) else str(int(value))
        return str(value)


def validate(params: tuple[Param, ...], raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[Notice]]:
    """Valid values for every parameter (defaults where ``raw`` has no entry) and what was changed."""
    values: dict[str, Any] = {}
    notices: list[Notice] = []
    for param in params:
        if param.name in raw:
            values[param.name], notice = param.parse(raw[param.name])
            if notice is not None:
                notices.append(notice)
        else:
            values[param.name] = param.default
    return values, notices


@dataclass(frozen=True)
class FigureSpec:
    """Everything the page, the shareable link and the command line need for one chart.

    - ``params``: what ``compute`` takes; ``view``: display options (an axis type, the step a chart
      marks) that only the builder takes, so they never enter a computation or its cache key.
    - ``compute(**values) -> data``: calls the engine only; ``values`` are validated parameters, with
      references resolved (``compute_args``: an uploaded-weights token becomes the weights).
    - ``build(data, *, lang, theme, **view) -> go.Figure``: a pure Plotly builder (see
      ``rnnviz.figures.canvas.builder``); ``build.json(data, lang=..., theme=..., **view)`` gives its JSON fast.
    - ``table(data) -> pd.DataFrame``: the tidy numbers that the chart draws (ASCII column names).
    - ``live``: the parameters whose whole slider range the browser receives, so that the chart follows
      a dragging hand (one or more, each scrubbed alone); ``sweep(name, grid, **values) -> [data]`` computes
      the data at every grid value in one vectorised pass (without it, ``compute`` runs per value).
    """

    id: str
    title: Text
    summary: Text
    params: tuple[Param, ...]
    compute: Callable[..., Any]
    build: Callable[..., go.Figure]
    table: Callable[[Any], pd.DataFrame]
    view: tuple[Param, ...] = ()
    live: tuple[str, ...] = ()
    sweep: Callable[..., list[Any]] | None = None

    def __post_init__(self) -> None:
        for name in self.live:
            self.param(name).grid()  # a live parameter must be a number with a slider grid

    @property
    def all_params(self) -> tuple[Param, ...]:
        """Every control of the figure: its compute parameters, then its display options."""
        return self.params + self.view

    def param(self, name: str) -> Param:
        for param in self.all_params:
            if param.name == name:
                return param
        raise KeyError(f"figure {self.id!r} has no parameter {name!r}")

    def defaults(self) -> dict[str, Any]:
        return {param.name: param.default for param in self.all_params}

    def validate(self, raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[Notice]]:
        """Valid values for this figure's parameters from ``raw`` (extra keys are ignored)."""
        return validate(self.all_params, raw)

    def select(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """This figure's compute parameters out of a page's shared ``values`` (primitives: a cache key)."""
        return {param.name: values[param.name] for param in self.params}

    def view_values(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """This figure's display options out of a page's shared ``values``."""
        return {param.name: values[param.name] for param in self.view}

    def compute_args(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The keyword arguments of ``compute``: the selected values, each reference resolved by its
        parameter's ``resolve`` (e.g. an uploaded-weights token to the weights it names)."""
        return {param.name: param.resolve(values[param.name]) if param.resolve else values[param.name]
                for param in self.params}

    def run(self, values: Mapping[str, Any]) -> Any:
        """``compute`` for the page's ``values``, uncached (the command line and the tests)."""
        return self.compute(**self.compute_args(values))

    def run_over(self, name: str, values: Mapping[str, Any], grid: Sequence[Any]) -> list[Any]:
        """The data at every value of ``grid`` for parameter ``name`` (the others as in ``values``): ``sweep``
        in one pass where the lesson gives one, else ``compute`` per value."""
        param = self.param(name)
        if param in self.view:  # a display option: the same data for every frame
            return [self.run(values)] * len(grid)
        if self.sweep is not None:
            args = self.compute_args(values)
            del args[name]
            return list(self.sweep(name, tuple(grid), **args))
        return [self.run({**values, name: value}) for value in grid]


@dataclass(frozen=True)
class Page:
    """A lesson's page: ``name`` is its file ``pages/<name>.py``, its URL path ``/<name>`` (the home page is
    served at ``/``) and the prefix of its texts' keys; ``icon`` a Material Symbols name for the menu;
    ``section`` the menu section's key (``nav.section.<section>``)."""

    name: str
    icon: str
    section: str
