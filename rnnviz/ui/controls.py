"""A page's controls: widgets made from the catalogue's parameters, kept in sync with the URL.

When a page is entered (a session's first run, or after switching pages), the URL's values are
validated by the catalogue and written into the widgets' session state; a value that had to be changed
gives a notice in the user's language. After the widgets are drawn, and again by a control's callback,
the URL is rewritten from the widget values (defaults are left out to keep links short).

Widget keys are ``f"{page}.{name}"``; URL keys are the bare parameter names. A control's change reruns
only the page's sections (``rnnviz.ui.sections``) that use its parameter.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

import streamlit as st
from streamlit.errors import StreamlitAPIException

from rnnviz import catalogue
from rnnviz.lessons.spec import Param
from rnnviz.ui import uploads
from rnnviz.ui.frame import NOTICES_KEY, frame_query, lang, notice_text, show_notices, text

_PAGE_KEY = "_url_page"  # which page last read the URL into its widgets
_PARAMS_KEY = "_page_params"  # page -> (every parameter, those with widgets), for this session
_DEPENDENTS_KEY = "_page_dependents"  # page -> parameter name -> keys of the sections that use it
RERUN_PAGE_KEY = "_rerun_page"  # set by a callback whose change the whole page must show (sidebar included)


def page_params(figure_ids: Iterable[str]) -> tuple[Param, ...]:
    """The union of the figures' parameters; a shared name must be the same declaration."""
    seen: dict[str, Param] = {}
    for figure_id in figure_ids:
        for param in catalogue.get(figure_id).all_params:
            if param.name in seen and seen[param.name] != param:
                raise ValueError(f"parameter {param.name!r} is declared differently by {figure_id!r}")
            seen.setdefault(param.name, param)
    return tuple(seen.values())


def controls(page: str, figure_ids: Sequence[str], *, sections: Iterable[Any] = (), container: Any = None,
             only: Iterable[str] | None = None) -> None:
    """Widgets for the parameters of ``figure_ids``, synced with the URL.

    ``sections``: the page's sections (see ``rnnviz.ui.sections``); a control's change reruns those that
    use its parameter, or the whole page when none does. With ``only``, just those parameters get widgets
    and the others keep their defaults. Call it in the page's script, not inside a section.
    """
    every = page_params(figure_ids)
    params = every if only is None else tuple(p for p in every if p.name in set(only))
    st.session_state.setdefault(_PARAMS_KEY, {})[page] = (every, params)
    state = st.session_state
    if state.get(_PAGE_KEY) != page:
        state[_PAGE_KEY] = page
        raw = _url_values(params)
        values, notices = catalogue.validate(params, _with_uploaded_weights(params, raw))
        for name, value in values.items():
            state[f"{page}.{name}"] = value
        state[NOTICES_KEY] = state.get(NOTICES_KEY, []) + notices
    show_notices()
    dependents = _dependents(sections)
    state.setdefault(_DEPENDENTS_KEY, {})[page] = dependents
    values = {}
    with container if container is not None else st.sidebar:
        st.subheader(text("sidebar.controls"))
        for param in params:
            values[param.name] = _widget(page, param, dependents.get(param.name, ()))
        live = [p.label(lang()) for p in params if any(p.name in catalogue.get(f).live for f in figure_ids)]
        if live:
            st.caption(text("sidebar.live", names=", ".join(live)))
        st.caption(text("sidebar.share"))
    write_url(params, values)


def _url_values(params: tuple[Param, ...]) -> dict[str, str]:
    """The URL's raw value of each parameter, under its name or, in an older link, one of its aliases."""
    raw = {}
    for param in params:
        for name in (param.name, *param.aliases):
            if name in st.query_params:
                raw[param.name] = st.query_params[name]
                break
    return raw


def _dependents(sections: Iterable[Any]) -> dict[str, tuple[str, ...]]:
    """Parameter name -> keys of the sections that use it."""
    found: dict[str, set[str]] = {}
    for section in sections:
        for name in section.names:
            found.setdefault(name, set()).add(section.key)
    return {name: tuple(sorted(keys)) for name, keys in found.items()}


def current_values(page: str) -> dict[str, Any]:
    """The page's valid parameter values as its widgets hold them (defaults for those without one)."""
    every, params = st.session_state[_PARAMS_KEY][page]
    state = st.session_state
    return {**{p.name: p.default for p in every},
            **{p.name: p.parse(state.get(f"{page}.{p.name}", p.default))[0] for p in params}}


def rerun_on_change(page: str, sections: Iterable[str]) -> dict[str, Any]:
    """The widget arguments that make a change rewrite the URL and rerun the sections with keys ``sections``."""
    return {"on_change": _control_changed, "args": (page, tuple(sections))}


def _control_changed(page: str, section_keys: tuple[str, ...]) -> None:
    """A widget's callback: rewrite the URL, then rerun only the sections that use the parameter (the
    whole page when none does, or when the session has not drawn them yet)."""
    write_url(st.session_state[_PARAMS_KEY][page][1], current_values(page))
    if section_keys:
        try:
            st.rerun(list(section_keys))
        except StreamlitAPIException:  # a section this session has not drawn yet: the whole page runs
            pass


def set_value(name: str, value: Any) -> None:
    """Set parameter ``name`` of the page being shown to ``value`` from outside its widget (a live chart's
    slider let go): the URL is rewritten and the whole page runs again, so that the widget in the sidebar
    and the numbers beside the charts follow. Call it from a callback."""
    state = st.session_state
    page = state.get(_PAGE_KEY)
    every = {p.name: p for p in state.get(_PARAMS_KEY, {}).get(page, ((), ()))[0]}
    if name not in every:
        return
    valid, _ = every[name].parse(value)
    state[f"{page}.{name}"] = valid
    write_url(state[_PARAMS_KEY][page][1], current_values(page))
    state[RERUN_PAGE_KEY] = True  # the chart's section, rerun first, asks for the whole page (see sections)


def _with_uploaded_weights(params: tuple[Param, ...], raw: dict[str, Any]) -> dict[str, Any]:
    """On entering a page whose URL names no ``weights``: the session's uploaded token, with its cell
    (and the pytorch GRU variant, PyTorch's equations) where the URL does not choose them."""
    names = {p.name for p in params}
    layer = uploads.current()
    if "weights" not in names or "weights" in raw or layer is None:
        return raw
    cell = layer.cell
    extra = {"weights": layer.token}
    if "cell" in names and "cell" not in raw:
        extra["cell"] = cell
    if cell == "gru" and "gru_variant" in names and "gru_variant" not in raw:
        extra["gru_variant"] = "pytorch"
    return {**raw, **extra}


def _widget(page: str, param: Param, section_keys: tuple[str, ...]) -> Any:
    key = f"{page}.{param.name}"
    code = lang()
    state = st.session_state
    if key not in state:
        state[key] = param.default
    changed = rerun_on_change(page, section_keys)
    label = param.label(code)
    help_text = param.help(code) if param.help else None
    if param.widget in ("slider", "number"):
        make = st.slider if param.widget == "slider" else st.number_input
        extra = {"format": param.fmt} if param.widget == "slider" else {}
        raw = make(label, min_value=_num(param, param.min), max_value=_num(param, param.max),
                   step=_num(param, param.step), key=key, help=help_text, **extra, **changed)
    elif param.widget in ("radio", "select"):
        extra = {"horizontal": True} if param.widget == "radio" else {}
        make = st.radio if param.widget == "radio" else st.selectbox
        raw = make(label, param.choices, key=key, help=help_text, format_func=lambda v: param.choice_label(v, code),
                   **extra, **changed)
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
    return param.parse(raw)[0]


def _num(param: Param, value: float | None) -> Any:
    if value is None:
        return None
    return int(value) if param.kind == "int" else float(value)


def write_url(params: Iterable[Param], values: dict[str, Any]) -> None:
    """Rewrite the query string: language, theme and every non-default control of this page."""
    query = frame_query()
    for param in params:
        if values[param.name] != param.default:
            query[param.name] = param.to_query(values[param.name])
    if dict(st.query_params) != query:
        st.query_params.from_dict(query)
