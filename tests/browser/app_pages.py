"""The pages registered in app.py, read with ``ast`` (importing app.py would start Streamlit)."""

from __future__ import annotations

import ast
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"


@dataclass(frozen=True)
class AppPage:
    """One entry of app.py's ``PAGES`` (file, url path, i18n nav key, icon, menu section) and whether
    it is the default page, which Streamlit serves at ``/`` rather than at ``/<url_path>``."""

    file: str
    url_path: str
    nav_key: str
    icon: str
    section: str
    default: bool = False

    @property
    def route(self) -> str:
        """The path of the page's URL without the leading slash (empty for the default page)."""
        return "" if self.default else self.url_path


def registered_pages(app: Path = APP) -> tuple[AppPage, ...]:
    """Every entry of the ``PAGES`` tuple assigned at module level in ``app``, in menu order."""
    tree = ast.parse(app.read_text(encoding="utf-8"), filename=str(app))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(target, ast.Name) and target.id == "PAGES" for target in targets):
            entries = [AppPage(*entry) for entry in ast.literal_eval(node.value)]
            break
    else:
        raise AssertionError(f"{app} has no module-level PAGES = (...) tuple")
    default = _default_url_path(tree) or entries[0].url_path  # Streamlit's default: the first page
    return tuple(replace(entry, default=entry.url_path == default) for entry in entries)


def _default_url_path(tree: ast.Module) -> str | None:
    """The url path compared in ``default = url_path == "<path>"`` or ``st.Page(..., default=url_path ==
    "<path>")``, if app.py says so."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(target, "id", None) == "default" for target in node.targets):
            tests = [node.value]
        elif isinstance(node, ast.Call):
            tests = [keyword.value for keyword in node.keywords if keyword.arg == "default"]
        else:
            continue
        for test in tests:
            if (
                isinstance(test, ast.Compare) and len(test.comparators) == 1 and isinstance(test.ops[0], ast.Eq)
                and isinstance(test.comparators[0], ast.Constant)
            ):
                return test.comparators[0].value
    return None
