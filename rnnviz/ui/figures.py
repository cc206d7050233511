"""A catalogue figure on a page: its computation (cached), its chart, its table and exports.

Computations are cached per process with bounded entries: figures that share a compute function (a chart
and its small multiples) share one entry, and display options (``FigureSpec.view``) never enter it. A
live figure (``FigureSpec.live``) also gives the browser the address of its frames for the whole range of
its live parameters (``rnnviz.figures.live``, served by ``rnnviz.ui.frames``); its sliders' values come
back when a hand lets go.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any, Iterable

import streamlit as st

from rnnviz import catalogue, export, images
from rnnviz.figures.live import live_payload
from rnnviz.lessons.spec import FigureSpec
from rnnviz.ui.chart import chart
from rnnviz.ui.controls import set_value
from rnnviz.ui.embed import embed_code, slide_link
from rnnviz.ui.frame import lang, text, theme
from rnnviz.ui.frames import digest, frame_files

LOG = logging.getLogger("rnnviz")


def _compute_name(spec: FigureSpec) -> str:
    return f"{spec.compute.__module__}.{spec.compute.__qualname__}"


@st.cache_data(max_entries=64, show_spinner=False)  # a figure's data is at most a few MB (heatmaps are aggregated)
def _cached_compute(compute_name: str, items: tuple[tuple[str, Any], ...], _args: dict[str, Any]) -> Any:
    """``compute(**_args)``, keyed by the compute function's name and the parameters' primitive values
    ``items`` (an uploaded-weights token is the digest of their content, so it stands for them)."""
    spec = next(s for s in catalogue.CATALOGUE.values() if _compute_name(s) == compute_name)
    return spec.compute(**_args)


def _computed(spec: FigureSpec, items: tuple[tuple[str, Any], ...], values: dict[str, Any]) -> Any:
    """``_cached_compute`` under a spinner in the user's language: a long computation (the largest scale
    sweep takes seconds) shows progress where its chart will be. ``st.spinner`` appears only after half a
    second, so a cached result shows none."""
    with st.spinner(text("figure.computing"), show_time=True):
        return _cached_compute(_compute_name(spec), items, spec.compute_args(values))


def compute(figure_id: str, values: dict[str, Any]) -> Any:
    """The cached data of a figure for the page's ``values`` (its own parameters are picked out)."""
    spec = catalogue.get(figure_id)
    return _computed(spec, tuple(sorted(spec.select(values).items())), values)


def compute_or_none(figure_id: str, values: dict[str, Any]) -> Any:
    """``compute``, or None when it fails: for text beside a figure whose own section shows the error."""
    try:
        return compute(figure_id, values)
    except Exception:  # never a traceback for the user; ``figure`` logs and reports the failure
        return None


@st.cache_resource(max_entries=64, show_spinner=False)  # at most 1 MB of JSON each (tested)
def _figure_json(figure_id: str, items: tuple[tuple[str, Any], ...], view: tuple[tuple[str, Any], ...],
                 code: str, theme_name: str, _data: Any) -> str:
    """The figure's JSON, drawn on the plain-dict canvas (the tests check it equals Plotly's own)."""
    return catalogue.get(figure_id).build.json(_data, lang=code, theme=theme_name, **dict(view))


def _live_frames_url(figure_id: str, live: tuple[str, ...], items: tuple[tuple[str, Any], ...],
                     view: tuple[tuple[str, Any], ...], code: str, theme_name: str) -> str:
    """Where the browser fetches a live figure's frames over the ranges of the parameters ``live`` (computed
    in the background the first time: ``rnnviz.ui.frames``)."""
    spec = replace(catalogue.get(figure_id), live=live)
    values = {**dict(items), **dict(view)}

    def make() -> str:
        return live_payload(spec, values, lang=code, theme=theme_name, label=lambda param: param.label(code))

    return frame_files().request(digest(figure_id, live, items, view, code, theme_name), make)


def _live_released(key: str) -> None:
    """A live slider was let go: its value becomes the page's (widget, URL, sections)."""
    result = st.session_state.get(key)
    released = getattr(result, "live", None) if result is not None else None
    if isinstance(released, dict) and "name" in released and "value" in released:
        set_value(str(released["name"]), released["value"])


def figure(figure_id: str, values: dict[str, Any], *, table: bool = True, live: Iterable[str] | None = None,
           show_live: bool | Iterable[str] = True, fill: bool = False) -> Any:
    """Draw a catalogue figure with its table and exports; returns its data, or None on failure.

    A live figure brings its frames along for its live parameters (those of ``live`` only, when given:
    a page with fewer controls). It shows a slider for each, or for those named in ``show_live`` (none for
    ``False``); with a slider hidden, it follows the page's other charts with that live parameter. With
    ``fill`` the chart takes the window's height (the slide view)."""
    spec = catalogue.get(figure_id)
    items = tuple(sorted(spec.select(values).items()))
    view = tuple(sorted(spec.view_values(values).items()))
    key = f"chart.{figure_id}"
    try:
        data = _computed(spec, items, values)
        fig_json = _figure_json(figure_id, items, view, lang(), theme(), data)
        live_names = tuple(n for n in spec.live if live is None or n in set(live))
        if live_names:
            url = _live_frames_url(figure_id, live_names, items, view, lang(), theme())
            shown = list(live_names) if show_live is True else [] if show_live is False else list(show_live)
            chart(fig_json, key=key, live_url=url, show_live=shown, on_live=lambda: _live_released(key), fill=fill)
        else:
            chart(fig_json, key=key, fill=fill)
    except ValueError as err:
        st.error(text("error.compute", detail=str(err)))
        return None
    except Exception:  # never show a traceback to a user
        LOG.exception("figure %s failed for %s", figure_id, items)
        st.error(text("error.unexpected"))
        return None
    if table:
        exports(spec, data, {**dict(items), **dict(view)}, lang(), theme())
    return data


def exports(spec: FigureSpec, data: Any, values: dict[str, Any], code: str, theme_name: str) -> None:
    """The figure's downloads (CSV, JSON, HTML with its live sliders and without, PNG and SVG for a slide;
    each built on click), the embed code of its slide view and, on request, its table.

    The expander's contents are drawn only while it is open, and the table only when its toggle is on:
    every element under a chart is sent and redrawn again on each slider move.
    """
    with st.expander(text("export.table"), key=f"exports.{spec.id}", on_change="rerun") as box:
        if not box.open:
            return
        view = spec.view_values(values)

        def built() -> Any:
            return spec.build(data, lang=code, theme=theme_name, **view)

        makers = {  # button -> (file name, MIME type, maker)
            "csv": (export.file_name(spec, "csv"), "text/csv", lambda: export.table_csv(spec, data)),
            "json": (export.file_name(spec, "json"), "application/json",
                     lambda: export.table_json(spec, data, values)),
            "html": (export.file_name(spec, "html"), "text/html",
                     (lambda: export.live_html(spec, values, lang=code, theme=theme_name)) if spec.live
                     else (lambda: export.figure_html(built(), code))),
        }
        if spec.live:
            makers["html_static"] = (f"rnnviz-{spec.id}-static.html", "text/html",
                                     lambda: export.figure_html(built(), code))
        problem = _image_problem(code)
        if problem is None:
            makers["png"] = (export.file_name(spec, "png"), "image/png",
                             lambda: export.figure_image(built(), "png", scale=2.0))
            makers["svg"] = (export.file_name(spec, "svg"), "image/svg+xml", lambda: export.figure_image(built(), "svg"))
        for column, (button, (name, mime, make)) in zip(st.columns(3) * 2, makers.items()):
            column.download_button(text(f"export.{button}"), data=make, file_name=name, mime=mime,
                                   key=f"download.{spec.id}.{button}", on_click="ignore")
        if problem is not None:
            st.caption(text("export.image_failed", detail=problem))
        st.caption(text("export.png_hint"))
        _embed(spec, values)
        if st.toggle(text("export.show_table"), key=f"table.{spec.id}"):
            st.dataframe(spec.table(data), hide_index=True)


def _image_problem(code: str) -> str | None:
    """Why this server cannot draw PNG or SVG images in ``code`` (no Chromium; no Hangul font for Korean),
    or None."""
    try:
        images.chromium_path()
        if code == "ko":
            images.require_hangul_font()
    except images.ImageError as err:
        return str(err)
    return None


def _embed(spec: FigureSpec, values: dict[str, Any]) -> None:
    """The slide view's link and ``<iframe>`` code for this chart as it is now (Streamlit's code blocks
    have a copy button)."""
    page_url = st.context.url
    if not page_url:
        return
    link = slide_link(page_url, spec.id, values)
    st.markdown(f"**{text('export.embed')}**")
    st.caption(text("export.embed_help"))
    st.code(embed_code(link, spec.title(lang())), language="html", wrap_lines=True)
    st.code(link, language=None, wrap_lines=True)
