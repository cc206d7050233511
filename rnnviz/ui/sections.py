"""Sections: the parts of a page that parameters drive, each rerun alone when one of its parameters changes.

A section is a keyed ``st.fragment``. The page passes its sections to ``rnnviz.ui.controls``, which
gives every widget the keys of the sections that use its parameter: a move reruns only those, and the
page's fixed text, the other sections and the sidebar are not sent again. Text that no parameter
changes belongs outside the sections.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

import streamlit as st

from rnnviz.ui.controls import RERUN_PAGE_KEY, current_values, page_params


@dataclass(frozen=True)
class Section:
    """A part of page ``page`` drawn by ``draw(values)`` from the parameters ``names`` of its figures."""

    page: str
    key: str
    names: frozenset[str]
    draw: Callable[[dict[str, Any]], None]

    def __call__(self) -> None:
        """Draw the section (as a fragment keyed ``key``) with the page's current values."""
        st.fragment(self._run, key=self.key)()

    def _run(self) -> None:
        if st.session_state.pop(RERUN_PAGE_KEY, False):  # a live slider was let go: the sidebar follows too
            st.rerun(scope="app")
        self.draw(current_values(self.page))


def section(page: str, figure_ids: Iterable[str]) -> Callable[[Callable[[dict[str, Any]], None]], Section]:
    """Decorator: the function becomes a :class:`Section` of ``page`` that uses the parameters of
    ``figure_ids`` (called with the page's current values)."""
    names = frozenset(p.name for p in page_params(figure_ids))

    def wrap(draw: Callable[[dict[str, Any]], None]) -> Section:
        return Section(page, f"{page}.{draw.__name__}", names, draw)

    return wrap

