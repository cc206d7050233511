"""The lessons: one module per page, in the menu's order.

A lesson module (``rnnviz/lessons/<page>.py``, named like its page file ``pages/<page>.py``) holds
everything a topic owns but its Plotly builders and its page layout: ``PAGE`` (a :class:`~spec.Page`),
its parameters, the compute glue that calls the engine, ``FIGURES`` (its :class:`~spec.FigureSpec`\\ s)
and ``STRINGS`` (its Korean and English texts, keys prefixed with the page's name). ``shared`` holds
the parameters several lessons use and the app frame's texts.

To add a page: write ``pages/<name>.py``, ``rnnviz/lessons/<name>.py`` and ``rnnviz/figures/<name>.py``,
and list the lesson below.
"""

from __future__ import annotations

from types import ModuleType

from rnnviz.i18n import Text
from rnnviz.lessons import (
    architectures,
    book_code,
    cell_comparison,
    derivatives,
    dynamics,
    home,
    inside_cells,
    remedies,
    scale_sweep,
    shared,
    training,
    unrolled_graph,
    vanishing_exploding,
    worked_examples,
    your_weights,
)
from rnnviz.lessons.spec import FigureSpec, Page

# The menu's order: the problem, its causes, the remedies, then the texts' own examples.
LESSONS: tuple[ModuleType, ...] = (
    home, vanishing_exploding, derivatives, scale_sweep, unrolled_graph, inside_cells, architectures, dynamics,
    cell_comparison, training, remedies, worked_examples, book_code, your_weights,
)
PAGES: tuple[Page, ...] = tuple(lesson.PAGE for lesson in LESSONS)


def _unique(pairs: list[tuple[str, object]], what: str) -> dict:
    found: dict = {}
    for key, value in pairs:
        if key in found:
            raise RuntimeError(f"{what} {key!r} is defined twice")
        found[key] = value
    return found


FIGURES: dict[str, FigureSpec] = _unique(
    [(spec.id, spec) for lesson in LESSONS for spec in getattr(lesson, "FIGURES", ())], "figure id")
STRINGS: dict[str, Text] = _unique(
    [item for module in (shared, *LESSONS) for item in module.STRINGS.items()], "string")


def page_of(figure_id: str) -> Page:
    """The page that shows the figure ``figure_id``."""
    for lesson in LESSONS:
        if any(spec.id == figure_id for spec in getattr(lesson, "FIGURES", ())):
            return lesson.PAGE
    raise KeyError(figure_id)


def next_page(name: str) -> Page | None:
    """The page after ``name`` in the story (the menu's order), ``None`` after the last one."""
    names = [page.name for page in PAGES]
    index = names.index(name) + 1
    return PAGES[index] if index < len(PAGES) else None
