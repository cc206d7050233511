"""The figure catalogue: every chart of the app, registered once.

Each module of this package defines ``FIGURES: tuple[FigureSpec, ...]``; this package collects them
into :data:`CATALOGUE` (id -> spec) and refuses duplicate ids. Pages, shareable links and the command
line all read this one catalogue, so a parameter is declared and validated in exactly one place.
"""

from __future__ import annotations

import importlib
import pkgutil

from rnnviz.catalogue.figure import FigureSpec
from rnnviz.catalogue.params import Notice, Param, validate

_FRAME_MODULES = {"figure", "params", "shared"}


def _collect() -> dict[str, FigureSpec]:
    found: dict[str, FigureSpec] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name in _FRAME_MODULES:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for spec in getattr(module, "FIGURES", ()):
            if spec.id in found:
                raise RuntimeError(f"figure id {spec.id!r} is registered twice")
            found[spec.id] = spec
    return found


CATALOGUE: dict[str, FigureSpec] = _collect()


def get(figure_id: str) -> FigureSpec:
    """The figure with this id; ``KeyError`` with the known ids when there is none."""
    try:
        return CATALOGUE[figure_id]
    except KeyError:
        known = ", ".join(sorted(CATALOGUE))
        raise KeyError(f"unknown figure id {figure_id!r}; known ids: {known}") from None


__all__ = ["CATALOGUE", "FigureSpec", "Notice", "Param", "get", "validate"]
