"""A registered figure: id, parameters, compute (engine only), Plotly builder and data table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

import pandas as pd
import plotly.graph_objects as go

from rnnviz.catalogue.params import Notice, Param, validate
from rnnviz.i18n import Text


@dataclass(frozen=True)
class FigureSpec:
    """Everything the page, the shareable link and the command line need for one chart.

    - ``compute(**values) -> data``: calls the engine only; ``values`` are validated parameters.
    - ``build(data, *, lang, theme) -> go.Figure``: a pure Plotly builder (see
      ``rnnviz.figures.canvas.builder``); ``build.json(data, lang=..., theme=...)`` gives its JSON fast.
    - ``table(data) -> pd.DataFrame``: the tidy numbers that the chart draws (ASCII column names).
    """

    id: str
    title: Text
    summary: Text
    params: tuple[Param, ...]
    compute: Callable[..., Any]
    build: Callable[..., go.Figure]
    table: Callable[[Any], pd.DataFrame]

    def param(self, name: str) -> Param:
        for param in self.params:
            if param.name == name:
                return param
        raise KeyError(f"figure {self.id!r} has no parameter {name!r}")

    def defaults(self) -> dict[str, Any]:
        return {param.name: param.default for param in self.params}

    def validate(self, raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[Notice]]:
        """Valid values for this figure's parameters from ``raw`` (extra keys are ignored)."""
        return validate(self.params, raw)

    def select(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """This figure's own parameters out of a page's shared ``values``."""
        return {param.name: values[param.name] for param in self.params}
