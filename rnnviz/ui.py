"""The one package module that imports streamlit.

It turns catalogue parameters into widgets, keeps every control mirrored in the query string,
caches computations, and shows figures with their table and export buttons. Pages call only this
module and the catalogue; they never compute maths themselves.

Query-string sync: when a page is entered (first run of a session, or after switching pages), the
URL's values are validated by the catalogue and written into the widgets' session state; any value
that had to be changed produces a visible notice in the user's language. After the widgets are
drawn, and again by a control's callback, the URL is rewritten from the widget values (defaults are
left out to keep links short).

Sections: the controls are drawn by the page's script, and every part of a page that parameters drive
is a ``section`` (a keyed fragment). A control's change reruns only the sections that use its
parameter; the page's fixed text, the other sections and the sidebar are not sent again.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlencode

import plotly
import streamlit as st
import streamlit.components.v1 as components_v1
from streamlit.errors import StreamlitAPIException

from rnnviz import catalogue, export, weights
from rnnviz.catalogue import FigureSpec, Notice, Param
from rnnviz.figures.style import THEMES
from rnnviz.i18n import LANGS, Text, normalise_lang, t

LOG = logging.getLogger("rnnviz")
LANG_KEY = "lang"
THEME_KEY = "theme"
_PAGE_KEY = "_url_page"  # which page last read the URL into its widgets
_APP_LOADED_KEY = "_url_app_loaded"
_NOTICES_KEY = "_url_notices"
UPLOADED_WEIGHTS_KEY = "uploaded_weights"  # token of the weights loaded on the "Your own weights" page

# Everything imported so far (Streamlit, Plotly, numpy, pandas, the catalogue) lives as long as the
# server. Moving it out of the garbage collector's reach once keeps Python's full collections, which
# otherwise walked all of it for 80–110 ms in the middle of a slider move, to the objects made since.
gc.freeze()

_COMPONENT_DIR = Path(__file__).parent  # the browser sides of the menu and chart components

LANG_PARAM = Param("lang", "choice", "en", Text("언어", "Language"), choices=LANGS)
THEME_PARAM = Param("theme", "choice", "light", Text("테마", "Theme"), choices=THEMES)


# ----------------------------------------------------------------------------------------- app frame
def browser_lang() -> str:
    """The language of the browser's locale (``ko`` for any Korean locale, else English)."""
    try:
        locale = st.context.locale
    except Exception:  # no browser context (e.g. bare script run)
        locale = None
    return normalise_lang(locale, default="en")


def app_sidebar() -> None:
    """The controls every page shares: language and chart theme, read from the URL on first run."""
    state = st.session_state
    if not state.get(_APP_LOADED_KEY):
        state[_APP_LOADED_KEY] = True
        url = st.query_params
        state[LANG_KEY], lang_notice = LANG_PARAM.parse(url.get("lang", browser_lang()))
        state[THEME_KEY], theme_notice = THEME_PARAM.parse(url.get("theme", "light"))
        state[_NOTICES_KEY] = [n for n in (lang_notice, theme_notice) if n is not None]
    # Streamlit resets a widget's value when it takes a run for a page change, as it does for the
    # first rerun of a session opened at "/" (the home page); a value set again in the session state
    # is kept.
    for key in (LANG_KEY, THEME_KEY):
        if key in state:
            state[key] = state[key]
    code = lang()
    with st.sidebar:
        st.radio(
            t("sidebar.language", code), LANGS, key=LANG_KEY, horizontal=True,
            format_func=lambda value: {"ko": "한국어", "en": "English"}[value],
        )
        st.selectbox(
            t("sidebar.theme", code), THEMES, key=THEME_KEY,
            format_func=lambda name: t(f"theme.{name}", code),
        )


# The page menu: a component in place of Streamlit's own menu (see rnnviz/menu.js for why).
_MENU = st.components.v2.component(
    "rnnviz_menu",
    js=(_COMPONENT_DIR / "menu.js").read_text(encoding="utf-8"),
    css=(_COMPONENT_DIR / "menu.css").read_text(encoding="utf-8"),
    isolate_styles=False,
)


def menu(sections: dict[str, list[Any]], current: Any) -> None:
    """The sidebar's page menu: ``sections`` maps a section title to its ``st.Page`` entries (in menu
    order); ``current`` is the page being shown. Its links keep the language and the chart theme."""
    data = {
        "label": text("nav.label"),
        "query": urlencode(_frame_query()),
        "sections": [
            {"title": title, "pages": [
                {"title": page.title, "path": page.url_path, "icon": _icon_name(page.icon),
                 "current": page.url_path == current.url_path}
                for page in entries
            ]}
            for title, entries in sections.items()
        ],
    }
    _MENU(data=data, key="menu", width="stretch", height="content")


def _frame_query() -> dict[str, str]:
    """The query string every page keeps: the language, and the chart theme unless it is the default."""
    return {"lang": lang(), **({"theme": theme()} if theme() != "light" else {})}


def _icon_name(icon: str) -> str:
    """``":material/home:"`` -> ``"home"`` (the Material Symbols ligature the menu draws)."""
    return icon.removeprefix(":material/").removesuffix(":")


def lang() -> str:
    """The current language code, ``ko`` or ``en``."""
    return st.session_state.get(LANG_KEY) or browser_lang()


def theme() -> str:
    """The current chart theme (``light``, ``dark`` or ``projector``)."""
    value = st.session_state.get(THEME_KEY, "light")
    return value if value in THEMES else "light"


def text(key: str, **values: Any) -> str:
    """A string of the i18n table in the current language."""
    return t(key, lang(), **values)


def require_app_frame() -> None:
    """Rerun through app.py when a page was started without it.

    Until some run of a server process has called ``st.navigation``, Streamlit treats the ``pages/``
    folder as a legacy multipage app and runs a requested page file directly, skipping app.py (no
    language, theme or menu). The first visitor after a server start would see that. Here the page
    notices that the app frame did not run, switches Streamlit to the entry script's navigation,
    and reruns, so the same URL (path and query string) goes through app.py.
    """
    if st.session_state.get(_APP_LOADED_KEY):
        return
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.rerun()


def lesson_header(page: str) -> None:
    """Title and the two or three sentences that say what the page shows (``{page}.title/intro``)."""
    require_app_frame()
    st.title(text(f"{page}.title"))
    st.markdown(text(f"{page}.intro"))


def try_this(page: str) -> None:
    """The page's "try this" list (``{page}.try``, markdown)."""
    st.subheader(text("page.try_this"))
    st.markdown(text(f"{page}.try"))


# ------------------------------------------------------------------------------------------ controls
def page_params(figure_ids: Iterable[str]) -> tuple[Param, ...]:
    """The union of the figures' parameters; a shared name must be the same declaration."""
    seen: dict[str, Param] = {}
    for figure_id in figure_ids:
        for param in catalogue.get(figure_id).params:
            if param.name in seen and seen[param.name] != param:
                raise ValueError(f"parameter {param.name!r} is declared differently by {figure_id!r}")
            seen.setdefault(param.name, param)
    return tuple(seen.values())


# What a control's change reruns: page -> parameter name -> keys of the sections that use it. Filled by
# ``section`` when a page's script defines its sections; read by the controls' callbacks.
_DEPENDENTS: dict[str, dict[str, set[str]]] = {}
# Each page's parameters: all of them, and those that have widgets. Recorded by ``controls``.
_PAGE_PARAMS: dict[str, tuple[tuple[Param, ...], tuple[Param, ...]]] = {}


def controls(
    page: str, figure_ids: Iterable[str], *, container: Any = None, only: Iterable[str] | None = None
) -> None:
    """Widgets for the parameters of ``figure_ids``, synced with the URL (sections read their values
    with ``current_values``).

    Widget keys are ``f"{page}.{name}"``; URL keys are the bare parameter names. With ``only``, just
    those parameters get widgets and the others keep their defaults. Call it in the page's script, not
    in a section: a change reruns only the sections (see ``section``) that use the changed parameter.
    """
    every = page_params(figure_ids)
    params = every if only is None else tuple(p for p in every if p.name in set(only))
    _PAGE_PARAMS[page] = (every, params)
    state = st.session_state
    if state.get(_PAGE_KEY) != page:
        state[_PAGE_KEY] = page
        raw = {p.name: st.query_params[p.name] for p in params if p.name in st.query_params}
        raw = _with_uploaded_weights(params, raw)
        values, notices = catalogue.validate(params, raw)
        for name, value in values.items():
            state[f"{page}.{name}"] = value
        state[_NOTICES_KEY] = state.get(_NOTICES_KEY, []) + notices
    show_notices()
    where = container if container is not None else st.sidebar
    values = {}
    with where:
        st.subheader(text("sidebar.controls"))
        for param in params:
            values[param.name] = _widget(page, param)
        st.caption(text("sidebar.share"))
    write_url(params, values)


def current_values(page: str) -> dict[str, Any]:
    """The page's valid parameter values as its widgets hold them (defaults for those without one)."""
    every, params = _PAGE_PARAMS[page]
    state = st.session_state
    return {**{p.name: p.default for p in every},
            **{p.name: p.parse(state.get(f"{page}.{p.name}", p.default))[0] for p in params}}


def rerun_on_change(page: str, name: str) -> dict[str, Any]:
    """The widget arguments that make a change of parameter ``name`` rerun the sections using it."""
    return {"on_change": _control_changed, "args": (page, name)}


def _control_changed(page: str, name: str) -> None:
    """A widget's callback: rewrite the URL, then rerun only the sections that use the parameter (the
    whole page when none does)."""
    write_url(_PAGE_PARAMS[page][1], current_values(page))
    keys = _DEPENDENTS.get(page, {}).get(name)
    if keys:
        try:
            st.rerun(sorted(keys))
        except StreamlitAPIException:  # a section this session has not drawn yet: rerun the whole page
            LOG.warning("sections %s of page %s are unknown to the session", sorted(keys), page)


def section(page: str, figure_ids: Iterable[str]) -> Any:
    """Decorator: a part of a page that reruns alone when a parameter of ``figure_ids`` changes (a keyed
    ``st.fragment``). The decorated function is called with the page's current values. Text that no
    parameter changes belongs outside the sections, so that a move does not send it again."""
    names = {p.name for p in page_params(figure_ids)}

    def wrap(draw: Any) -> Any:
        key = f"{page}.{draw.__name__}"
        for name in names:
            _DEPENDENTS.setdefault(page, {}).setdefault(name, set()).add(key)

        @st.fragment(key=key)
        def run() -> None:
            draw(current_values(page))

        return run

    return wrap


def _with_uploaded_weights(params: tuple[Param, ...], raw: dict[str, Any]) -> dict[str, Any]:
    """On entering a page whose URL names no ``weights``: the session's uploaded token, with its cell
    (and the pytorch GRU variant, PyTorch's equations) where the URL does not choose them."""
    names = {p.name for p in params}
    token = st.session_state.get(UPLOADED_WEIGHTS_KEY)
    found = weights.lookup(token) if isinstance(token, str) else None
    if "weights" not in names or "weights" in raw or found is None:
        return raw
    extra = {"weights": token}
    if "cell" in names and "cell" not in raw:
        extra["cell"] = found[0]
    if found[0] == "gru" and "gru_variant" in names and "gru_variant" not in raw:
        extra["gru_variant"] = "pytorch"
    return {**raw, **extra}


def weights_notice(values: dict[str, Any]) -> None:
    """Say which weights the page uses when ``values["weights"]`` names uploaded ones: a warning for a
    token this server does not hold (the figures fall back to generated weights), else an info line."""
    token = values.get("weights", weights.NO_WEIGHTS)
    if token == weights.NO_WEIGHTS:
        return
    found = weights.lookup(token)
    if found is None:
        st.warning(text("your_weights.notice.unknown_token", token=token), icon="⚠️")
        return
    cell, params = found
    if values.get("cell", cell) != cell:
        st.info(text("your_weights.notice.other_cell", uploaded=cell.upper()))
    else:
        st.info(text("your_weights.notice.using", cell=cell.upper(), H=params["weight_hh"].shape[1],
                     I=params["weight_ih"].shape[1]))


def _widget(page: str, param: Param) -> Any:
    key = f"{page}.{param.name}"
    code = lang()
    state = st.session_state
    if key not in state:
        state[key] = param.default
    changed = rerun_on_change(page, param.name)
    label = param.label(code)
    help_text = param.help(code) if param.help else None
    if param.widget == "slider":
        raw = st.slider(
            label, min_value=_num(param, param.min), max_value=_num(param, param.max),
            step=_num(param, param.step), key=key, help=help_text, format=param.fmt, **changed,
        )
    elif param.widget == "number":
        raw = st.number_input(
            label, min_value=_num(param, param.min), max_value=_num(param, param.max),
            step=_num(param, param.step), key=key, help=help_text, **changed,
        )
    elif param.widget == "radio":
        raw = st.radio(
            label, param.choices, key=key, help=help_text, horizontal=True,
            format_func=lambda v: param.choice_label(v, code), **changed,
        )
    elif param.widget == "select":
        raw = st.selectbox(
            label, param.choices, key=key, help=help_text,
            format_func=lambda v: param.choice_label(v, code), **changed,
        )
    elif param.widget == "toggle":
        raw = st.toggle(label, key=key, help=help_text, **changed)
    elif param.widget == "text":  # a short typed value (e.g. a bit string); bad input keeps the default, said so
        raw = st.text_input(label, key=key, help=help_text, max_chars=64)
        value, notice = param.parse(raw)
        if notice is not None:
            st.warning(notice_text(notice), icon="⚠️")
        return value
    elif param.widget == "hidden":
        raw = state[key]
    else:
        raise ValueError(f"unknown widget {param.widget!r} for parameter {param.name!r}")
    value, _ = param.parse(raw)
    return value


def _num(param: Param, value: float | None) -> Any:
    if value is None:
        return None
    return int(value) if param.kind == "int" else float(value)


def write_url(params: Iterable[Param], values: dict[str, Any]) -> None:
    """Rewrite the query string: language, theme and every non-default control of this page."""
    query = _frame_query()
    for param in params:
        if values[param.name] != param.default:
            query[param.name] = param.to_query(values[param.name])
    if dict(st.query_params) != query:
        st.query_params.from_dict(query)


def show_notices() -> None:
    """Show (once) what URL validation changed, in the user's language."""
    for notice in st.session_state.pop(_NOTICES_KEY, []):
        st.warning(notice_text(notice), icon="⚠️")


def notice_text(notice: Notice) -> str:
    return text(f"notice.{notice.reason}", name=notice.name, raw=notice.raw, used=notice.used)


# ------------------------------------------------------------------------------------------- figures
# The chart element: a component that redraws its figure in place (see rnnviz/chart.js). plotly.js is
# served from the plotly package's own copy, under Streamlit's component file route.
_CHART = st.components.v2.component(
    "rnnviz_chart",
    js=(_COMPONENT_DIR / "chart.js").read_text(encoding="utf-8"),
    css=(_COMPONENT_DIR / "chart.css").read_text(encoding="utf-8"),
    isolate_styles=False,
)
_PLOTLY_JS_DIR = Path(plotly.__file__).parent / "package_data"
_PLOTLY_JS_FILE = "plotly.min.js"


@st.cache_resource(show_spinner=False)
def plotly_js_url() -> str:
    """Where the browser loads plotly.js from (relative to the page). The first call, in a script run,
    registers the file route with the server; later ones reuse its answer."""
    served = components_v1.declare_component("plotlyjs", path=str(_PLOTLY_JS_DIR))
    return f"component/{served.name}/{_PLOTLY_JS_FILE}"


def chart(figure_json: str, key: str) -> None:
    """Draw a Plotly figure (its JSON) in the chart element ``key``; a new figure redraws it in place."""
    data = {
        "figure": figure_json,
        "config": export.PLOTLY_CONFIG,
        "plotly": plotly_js_url(),
        "labels": {"fullscreen": text("chart.fullscreen"), "failed": text("chart.failed")},
    }
    _CHART(data=data, key=key, width="stretch", height="content")


# Figures that share a compute function (e.g. a chart and its small multiples) share its cached data.
_COMPUTES = {f"{s.compute.__module__}.{s.compute.__qualname__}": s.compute for s in catalogue.CATALOGUE.values()}


def _compute(figure_id: str, items: tuple[tuple[str, Any], ...]) -> Any:
    compute = catalogue.get(figure_id).compute
    return _compute_once(f"{compute.__module__}.{compute.__qualname__}", items)


@st.cache_data(max_entries=64, show_spinner=False)
def _compute_once(compute_name: str, items: tuple[tuple[str, Any], ...]) -> Any:
    return _COMPUTES[compute_name](**dict(items))


@st.cache_resource(max_entries=64, show_spinner=False)
def _figure_json(figure_id: str, items: tuple[tuple[str, Any], ...], code: str, theme_name: str) -> str:
    """The figure's JSON, drawn on the plain-dict canvas (the tests check it equals Plotly's own)."""
    return catalogue.get(figure_id).build.json(_compute(figure_id, items), lang=code, theme=theme_name)


def compute(figure_id: str, values: dict[str, Any]) -> Any:
    """The cached data of a figure for the page's ``values`` (its own parameters are picked out)."""
    spec = catalogue.get(figure_id)
    return _compute(figure_id, _items(spec, values))


def compute_or_none(figure_id: str, values: dict[str, Any]) -> Any:
    """``compute``, or None when it fails: for text beside a figure whose own section shows the error."""
    try:
        return compute(figure_id, values)
    except Exception:  # never a traceback for the user; ``figure`` logs and reports the failure
        return None


def _items(spec: FigureSpec, values: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(spec.select(values).items()))


def figure(figure_id: str, values: dict[str, Any], *, table: bool = True) -> Any:
    """Draw a catalogue figure with its table and exports; returns its data, or None on failure."""
    spec = catalogue.get(figure_id)
    items = _items(spec, values)
    try:
        data = _compute(figure_id, items)
        fig_json = _figure_json(figure_id, items, lang(), theme())
    except ValueError as err:
        st.error(text("error.compute", detail=str(err)))
        return None
    except Exception:  # never show a traceback to a user
        LOG.exception("figure %s failed for %s", figure_id, items)
        st.error(text("error.unexpected"))
        return None
    chart(fig_json, key=f"chart.{figure_id}")
    if table:
        exports(spec, data, dict(items), lang(), theme())
    return data


def exports(spec: FigureSpec, data: Any, values: dict[str, Any], code: str, theme_name: str) -> None:
    """The figure's CSV, JSON and offline-HTML downloads (built on click) and, on request, its table.

    The expander's contents are drawn only while it is open, and the table only when its toggle is
    on: every element under a chart is sent and redrawn again on each slider move.
    """
    with st.expander(text("export.table"), key=f"exports.{spec.id}", on_change="rerun") as box:
        if not box.open:
            return
        makers = {
            "csv": lambda: export.table_csv(spec, data),
            "json": lambda: export.table_json(spec, data, values),
            "html": lambda: export.figure_html(spec.build(data, lang=code, theme=theme_name)),
        }
        columns = st.columns(len(makers))
        for column, (fmt, make) in zip(columns, makers.items()):
            column.download_button(
                text(f"export.{fmt}"), data=make, file_name=export.file_name(spec, fmt),
                mime=export.MIME_TYPES[fmt], key=f"download.{spec.id}.{fmt}", on_click="ignore",
            )
        st.caption(text("export.png_hint"))
        if st.toggle(text("export.show_table"), key=f"table.{spec.id}"):
            st.dataframe(spec.table(data), hide_index=True)
