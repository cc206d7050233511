"""The layering of DESIGN.md, checked: the engine never sees streamlit or plotly, only the page layer
imports streamlit, every page file is in the menu, and every figure speaks Korean and English."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rnnviz import catalogue
from tests.browser.app_pages import registered_pages

ROOT = Path(__file__).resolve().parents[1]
STREAMLIT_IMPORT = re.compile(r"^\s*(import\s+streamlit\b|from\s+streamlit(\.|\s+import)\b)", re.MULTILINE)
STREAMLIT_ALLOWED_PACKAGE = "rnnviz/ui/"


def submodules(package: str) -> list[str]:
    """``package`` and all its submodules, found on disk (without importing them here)."""
    folder = ROOT.joinpath(*package.split("."))
    if not folder.is_dir():
        return [package]
    found = [package]
    for info in pkgutil.walk_packages([str(folder)], prefix=f"{package}."):
        found.append(info.name)
    return found


def imported_after(modules: list[str]) -> set[str]:
    """Top-level names in ``sys.modules`` after importing ``modules`` in a fresh interpreter."""
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return set(result.stdout.split())


ENGINE = submodules("rnnviz.core") + submodules("rnnviz.experiments")


def test_the_engine_imports_neither_streamlit_nor_plotly():
    assert len(ENGINE) > 2, ENGINE
    loaded = imported_after(ENGINE)
    assert "numpy" in loaded  # the probe itself works
    assert not {"streamlit", "plotly"} & loaded


def test_catalogue_figures_and_setups_do_not_import_streamlit():
    modules = ENGINE + submodules("rnnviz.catalogue") + submodules("rnnviz.figures") + ["rnnviz.setups"]
    loaded = imported_after(modules)
    assert "plotly" in loaded  # the figures really were imported
    assert "streamlit" not in loaded


def test_only_app_pages_and_ui_import_streamlit():
    offenders = []
    for path in sorted(ROOT.glob("rnnviz/**/*.py")) + sorted(ROOT.glob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        allowed = relative == "app.py" or relative.startswith(STREAMLIT_ALLOWED_PACKAGE)
        if not allowed and STREAMLIT_IMPORT.search(path.read_text(encoding="utf-8")):
            offenders.append(relative)
    assert not offenders, f"streamlit imported outside app.py, pages/ and rnnviz/ui/: {offenders}"
    assert STREAMLIT_IMPORT.search((ROOT / "rnnviz/ui/frame.py").read_text(encoding="utf-8"))  # the pattern matches


def test_every_page_file_is_a_lesson_and_every_lesson_has_a_page_file():
    registered = {entry.file for entry in registered_pages()}
    on_disk = {path.relative_to(ROOT).as_posix() for path in (ROOT / "pages").glob("*.py")}
    assert on_disk - registered == set(), "page files missing from rnnviz.lessons.PAGES"
    assert registered - on_disk == set(), "PAGES entries without a file"


def bilingual_problems(spec) -> list[str]:
    problems = []

    def check(what, text):
        if text is None or not text.ko.strip() or not text.en.strip():
            problems.append(f"{spec.id}: {what} needs non-empty ko and en")

    check("title", spec.title)
    check("summary", spec.summary)
    for param in spec.params:
        check(f"param {param.name} label", param.label)
        if param.help is not None:
            check(f"param {param.name} help", param.help)
        for choice, label in param.choice_labels.items():
            check(f"param {param.name} choice {choice!r}", label)
    return problems


@pytest.mark.parametrize("figure_id", sorted(catalogue.CATALOGUE))
def test_every_catalogue_figure_is_bilingual(figure_id):
    assert bilingual_problems(catalogue.get(figure_id)) == []


def test_the_bilingual_check_catches_a_missing_translation():
    from dataclasses import replace

    from rnnviz.i18n import Text

    spec = next(iter(catalogue.CATALOGUE.values()))
    assert bilingual_problems(replace(spec, summary=Text("요약", " "))) == [f"{spec.id}: summary needs non-empty ko and en"]


PAGE_IMPORT = re.compile(r"^\s*(?:from\s+(rnnviz[\w.]*)\s+import\s+([\w, ]+)|import\s+(rnnviz[\w.]*))", re.MULTILINE)


def rnnviz_imports(source: str) -> list[str]:
    """The rnnviz modules a file imports (``from rnnviz import ui`` counts as ``rnnviz.ui``)."""
    found = []
    for package, names, module in PAGE_IMPORT.findall(source):
        if module:
            found.append(module)
        elif package == "rnnviz":
            found += [f"rnnviz.{name.strip()}" for name in names.split(",")]
        else:
            found.append(package)
    return found


def test_pages_reach_only_the_ui_and_the_lessons():
    offenders = {}
    for path in sorted((ROOT / "pages").glob("*.py")):
        bad = [m for m in rnnviz_imports(path.read_text(encoding="utf-8"))
               if not (m == "rnnviz.ui" or m.startswith("rnnviz.lessons"))]
        if bad:
            offenders[path.name] = bad
    assert offenders == {}


def test_the_page_import_check_sees_figures_and_engine_imports():
    source = "from rnnviz import ui, setups\nfrom rnnviz.figures.x import y\nimport rnnviz.core\nfrom rnnviz.lessons.a import B\n"
    assert rnnviz_imports(source) == ["rnnviz.ui", "rnnviz.setups", "rnnviz.figures.x", "rnnviz.core", "rnnviz.lessons.a"]
