"""The figure catalogue: every chart of the app by id, the union of the lessons' figures.

Pages, shareable links and the command line all read this one catalogue, so a parameter is declared
and validated in exactly one place (its lesson module, ``rnnviz/lessons/``).
"""

from __future__ import annotations

from rnnviz.lessons import FIGURES as CATALOGUE
from rnnviz.lessons.spec import FigureSpec, Notice, Param, validate


def get(figure_id: str) -> FigureSpec:
    """The figure with this id; ``KeyError`` with the known ids when there is none."""
    try:
        return CATALOGUE[figure_id]
    except KeyError:
        known = ", ".join(sorted(CATALOGUE))
        raise KeyError(f"unknown figure id {figure_id!r}; known ids: {known}") from None


__all__ = ["CATALOGUE", "FigureSpec", "Notice", "Param", "get", "validate"]
