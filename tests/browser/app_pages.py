"""The app's pages as the browser tests address them, from the importable page list ``rnnviz.lessons.PAGES``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rnnviz import lessons

ROOT = Path(__file__).resolve().parents[2]
HOME = "home"  # the default page, served at ``/``


@dataclass(frozen=True)
class AppPage:
    """One page: its file, URL path, the i18n key of its menu label, and whether it is the default page,
    which Streamlit serves at ``/`` rather than at ``/<url_path>``."""

    file: str
    url_path: str
    nav_key: str
    default: bool = False

    @property
    def route(self) -> str:
        """The path of the page's URL without the leading slash (empty for the default page)."""
        return "" if self.default else self.url_path


def registered_pages() -> tuple[AppPage, ...]:
    """Every page of the app, in menu order."""
    return tuple(AppPage(f"pages/{page.name}.py", page.name, f"{page.name}.nav", page.name == HOME)
                 for page in lessons.PAGES)
