"""Every cache of the app is bounded, so a server's memory under load follows from the caches' bounds.

Read from the source (``ast``): each ``st.cache_data`` / ``st.cache_resource`` must pass
``max_entries``, and each ``functools.lru_cache`` a numeric ``maxsize`` (``functools.cache`` and
``maxsize=None`` are unbounded), unless the cached function takes no argument (one entry at most).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_SOURCES = [ROOT / "app.py", *sorted((ROOT / "pages").rglob("*.py")), *sorted((ROOT / "rnnviz").rglob("*.py"))]
STREAMLIT_CACHES = {"cache_data", "cache_resource"}
LRU_CACHES = {"lru_cache", "cache"}


@dataclass(frozen=True)
class Cache:
    where: str  # file:line function
    kind: str  # the decorator's name
    bound: int | None  # max_entries / maxsize; None when unbounded
    takes_arguments: bool


def decorator_name(node: ast.expr) -> str:
    target = node.func if isinstance(node, ast.Call) else node
    if isinstance(target, ast.Attribute):
        return target.attr
    return target.id if isinstance(target, ast.Name) else ""


def bound_of(decorator: ast.expr, kind: str) -> int | None:
    """The entry bound a decorator sets, or None for an unbounded cache."""
    if kind == "cache":  # functools.cache
        return None
    if not isinstance(decorator, ast.Call):
        return 128 if kind == "lru_cache" else None  # bare @lru_cache: maxsize=128; bare @st.cache_*: none
    keyword = "max_entries" if kind in STREAMLIT_CACHES else "maxsize"
    values = [k.value for k in decorator.keywords if k.arg == keyword]
    if kind == "lru_cache" and decorator.args:
        values.append(decorator.args[0])
    if not values:
        return 128 if kind == "lru_cache" else None
    value = values[0]
    return value.value if isinstance(value, ast.Constant) and isinstance(value.value, int) else None


def app_caches() -> list[Cache]:
    caches = []
    for path in APP_SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for decorator in node.decorator_list:
                kind = decorator_name(decorator)
                if kind in STREAMLIT_CACHES | LRU_CACHES:
                    arguments = node.args
                    takes = bool(arguments.args or arguments.posonlyargs or arguments.kwonlyargs
                                 or arguments.vararg or arguments.kwarg)
                    where = f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"
                    caches.append(Cache(where, kind, bound_of(decorator, kind), takes))
    return caches


def test_the_app_has_caches_to_check():
    kinds = {cache.kind for cache in app_caches()}
    assert {"cache_data", "cache_resource", "lru_cache"} <= kinds, kinds


@pytest.mark.parametrize("cache", app_caches(), ids=lambda cache: cache.where)
def test_every_cache_is_bounded(cache):
    assert cache.bound is not None or not cache.takes_arguments, (
        f"{cache.where}: @{cache.kind} without a bound (max_entries= for st.cache_*, maxsize= for lru_cache)"
    )


@pytest.mark.parametrize(("source", "bound"), [
    ("@st.cache_data(max_entries=64, show_spinner=False)\ndef f(x): pass", 64),
    ("@st.cache_data(show_spinner=False)\ndef f(x): pass", None),
    ("@st.cache_resource\ndef f(x): pass", None),
    ("@functools.lru_cache(maxsize=8)\ndef f(x): pass", 8),
    ("@functools.lru_cache(16)\ndef f(x): pass", 16),
    ("@lru_cache\ndef f(x): pass", 128),
    ("@functools.lru_cache(maxsize=None)\ndef f(x): pass", None),
    ("@functools.cache\ndef f(x): pass", None),
])
def test_bounds_are_read_as_python_sets_them(source, bound):
    decorator = ast.parse(source).body[0].decorator_list[0]
    assert bound_of(decorator, decorator_name(decorator)) == bound
