"""Room below a chart's plot area: the x axis (tick labels, then its title), then the legend, then the notes,
each under the one before and never on top of it, at any theme's type size.

Plotly places a legend below the plot at a fraction of the plot area's height (``legend.y < 0``) while the
axis title sits a fixed number of pixels under the axis, so with large type (the projector theme) or a short
chart the legend covered the axis title. :func:`fit_below`, run on every figure once it is drawn
(:func:`rnnviz.figures.canvas.builder`), works in pixels instead: it estimates how tall each part is from the
figure's type sizes and texts, reserves the bottom margin for all of them (the figure grows by as much, so
that the plot area keeps its height), and puts the legend's top and each note's top where the part above
ends. Estimates err on the large side (a legend is assumed to wrap in a narrow chart), which costs a little
white space in a wide chart and never an overlap; a chart drawn taller than its figure (a slide, full
screen) only moves the legend further down.

A legend is "below" when it is anchored at its top under the plot (``yanchor="top"``, ``y < 0``, the
default of :func:`rnnviz.figures.style.apply_layout`); a note is an annotation named :data:`NOTE`
(:func:`rnnviz.figures.style.add_note`). Other legends and annotations are left where their builder put them.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

NOTE = "note"  # the name of an annotation placed by fit_below (style.add_note)
NOTE_SIZE = 12  # a note's smallest type size (three quarters of the figure's, e.g. 15 px on a projector)
ASSUMED_PLOT_WIDTH = 540  # px: a legend wraps as in a narrow chart (a wider one gets more room; a narrower one
#                           costs the legend's top about a quarter of a row per extra row: narrow charts' legends
#                           are vertical, one entry a row)
NOTE_WIDTH = 360  # px: a longer note goes on several lines (a chart in a page's narrower column is ~400 px wide)
TITLE_STANDOFF = 8  # px between an x axis's tick labels and its title (apply_layout sets it)
GAP = 10  # px between the parts
TITLE_TOP = 8  # px above the chart's title
_TAGS = re.compile(r"<[^>]+>")


def fit_above(layout: dict[str, Any]) -> None:
    """The chart's title at the top and, under it, what stands on the plot area's top edge (subplot titles, a
    line's label), never on each other (in place): the top margin holds both, and the figure grows by as much
    as the margin, so that the plot area keeps its height."""
    title = layout.get("title") or {}
    text = str(title.get("text") or "")
    size = float((layout.get("font") or {}).get("size", 12))
    margin = layout.setdefault("margin", {})
    before = float(margin.get("t", 80))
    above = 0.0
    for annotation in layout.get("annotations", []):
        if _stands_on_top(annotation):
            note_size = float((annotation.get("font") or {}).get("size", size))
            lines = str(annotation.get("text", "")).count("<br>") + 1
            above = max(above, lines * note_size * 1.3 + max(float(annotation.get("yshift", 0)), 0.0))
    if not text and not above:
        return
    title_size = float((title.get("font") or {}).get("size", size + 4))
    needed = TITLE_TOP + (text.count("<br>") + 1) * title_size * 1.25 + GAP + above
    if text:
        title.update(yref="container", y=1.0, yanchor="top")
        title.setdefault("pad", {})["t"] = TITLE_TOP
    top = max(before, round(needed))
    margin["t"] = top
    layout["height"] = round(float(layout.get("height", 450)) + top - before)


def _stands_on_top(annotation: dict[str, Any]) -> bool:
    """An annotation drawn above the plot area: a subplot title, or a label at the top of a line."""
    y, yref = annotation.get("y"), str(annotation.get("yref", "y"))
    return (isinstance(y, (int, float)) and ("paper" in yref or "domain" in yref) and y >= 0.999
            and annotation.get("yanchor", "auto") in ("bottom", "auto"))


def fit_below(layout: dict[str, Any], data: list[dict[str, Any]]) -> None:
    """Place the legend below the plot and the notes below it in ``layout`` (in place), with the bottom
    margin to hold them; ``data``: the figure's traces (their legend entries and x values)."""
    legend = layout.get("legend") or {}
    below = _legend_below(legend) and _has_legend(layout, data)
    notes = [a for a in layout.get("annotations", []) if a.get("name") == NOTE]
    if not below and not notes:
        return
    size = float((layout.get("font") or {}).get("size", 12))
    height = float(layout.get("height", 450))
    margin = layout.setdefault("margin", {})
    top = float(margin.get("t", 80))
    cursor = _axis_extent(layout, data, size) + GAP
    legend_top = cursor
    if below:
        cursor += _legend_height(legend, data, size) + GAP
    for note in notes:
        note_size = note.setdefault("font", {}).setdefault("size", max(NOTE_SIZE, round(0.75 * size)))
        note["text"] = wrap(str(note.get("text", "")), note_size, NOTE_WIDTH)
        note.update(xref="paper", yref="paper", x=0.0, y=0.0, xanchor="left", yanchor="top", showarrow=False,
                    yshift=-cursor)
        cursor += _note_height(note) + 4
    before = float(margin.get("b", 0))
    bottom = max(before, cursor + 4)
    margin["b"] = round(bottom)
    layout["height"] = round(height + bottom - before)  # the plot area keeps its height; the figure grows
    if below:
        plot_height = max(height - top - before, 60.0)
        legend["y"] = -legend_top / plot_height


LOG_AXIS_TICKS = 6  # at most about this many labels on a log axis: whole decades, never Plotly's 2 and 5


def tidy_log_axes(layout: dict[str, Any]) -> None:
    """Label a log axis by decades only (in place): between two decades Plotly writes 2 and 5, which at a
    projector's type size land on the decades' labels. An axis that sets its own ticks is left alone."""
    for key, axis in layout.items():
        if (re.fullmatch(r"[xy]axis\d*", key) and isinstance(axis, dict) and axis.get("type") == "log"
                and not {"dtick", "tickvals", "nticks"} & set(axis)):
            axis["nticks"] = LOG_AXIS_TICKS


SUBPLOT_TITLE_SIZE = 16  # make_subplots's type size for subplot titles


def tidy_subplot_titles(layout: dict[str, Any]) -> None:
    """Subplot titles at least as large as the figure's type (Plotly draws them at 16 px, smaller than a
    projector's axis labels)."""
    size = (layout.get("font") or {}).get("size", 12)
    for annotation in layout.get("annotations", []):
        font = annotation.get("font") or {}
        if (font.get("size") == SUBPLOT_TITLE_SIZE and annotation.get("yanchor") == "bottom"
                and annotation.get("yref") == "paper" and annotation.get("showarrow") is False and size > 16):
            font["size"] = size


def wrap(text: str, size: float, width: float) -> str:
    """``text`` with ``<br>`` between words wherever a line would grow wider than ``width`` px (estimated)."""
    lines = []
    for line in text.split("<br>"):
        current = ""
        for word in line.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and text_width(candidate, size) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return "<br>".join(lines)


def _legend_below(legend: dict[str, Any]) -> bool:
    return (legend.get("yanchor") == "top" and float(legend.get("y", 1)) < 0
            and legend.get("yref", "paper") == "paper")


def _entries(data: list[dict[str, Any]]) -> list[str]:
    """The legend's entries' texts (Plotly's rules: a trace with a name shows unless ``showlegend`` is
    false, heatmaps only when asked; one entry per legend group's first shown trace is not assumed)."""
    names = []
    for trace in data:
        kind = trace.get("type", "scatter")
        shown = trace.get("showlegend", kind not in ("heatmap", "contour", "surface", "histogram2d"))
        if shown and trace.get("visible", True) is not False and trace.get("name"):
            names.append(str(trace["name"]))
    return names


def _has_legend(layout: dict[str, Any], data: list[dict[str, Any]]) -> bool:
    if layout.get("showlegend") is False:
        return False
    entries = _entries(data)
    return len(entries) > 1 or (bool(entries) and layout.get("showlegend") is True) or any(
        trace.get("showlegend") is True for trace in data)


def text_width(text: str, size: float) -> float:
    """Estimated width in px of ``text`` (markup removed) at type size ``size``: wide (Hangul, CJK) letters
    count as 0.95 em, others as 0.56 em (generous for Source Sans and Arial)."""
    plain = _TAGS.sub("", text)
    return sum(size * (0.95 if unicodedata.east_asian_width(c) in "WF" else 0.56) for c in plain)


def _legend_height(legend: dict[str, Any], data: list[dict[str, Any]], size: float) -> float:
    font = float((legend.get("font") or {}).get("size", size))
    widths = [40 + text_width(name, font) for name in _entries(data)]
    rows, used = 1, 0.0
    if legend.get("orientation", "v") == "v":
        rows = max(len(widths), 1)
    else:
        for width in widths:
            if used and used + width > ASSUMED_PLOT_WIDTH:
                rows, used = rows + 1, 0.0
            used += width
    line = max(font * 1.45, 16.0)
    lines_in_names = max((name.count("<br>") for name in _entries(data)), default=0)
    return rows * line * (1 + lines_in_names) + 12


def _note_height(note: dict[str, Any]) -> float:
    size = float((note.get("font") or {}).get("size", NOTE_SIZE))
    return (str(note.get("text", "")).count("<br>") + 1) * size * 1.35


def _axis_extent(layout: dict[str, Any], data: list[dict[str, Any]], size: float) -> float:
    """How far the lowest x axes reach below the plot area: tick labels (turned or not) and title, in px."""
    axes = {key: value for key, value in layout.items() if re.fullmatch(r"xaxis\d*", key) and isinstance(value, dict)}
    if not axes:
        axes = {"xaxis": {}}
    lowest = min(_domain_bottom(layout, axis) for axis in axes.values())
    extent = 0.0
    for key, axis in axes.items():
        if _domain_bottom(layout, axis) > lowest + 1e-9 or axis.get("visible") is False:
            continue
        reach = 0.0
        if axis.get("showticklabels", True):
            tick = float((axis.get("tickfont") or {}).get("size", size))
            reach += 6 + _tick_label_height(axis, _category_labels(key, data), tick)
        title = axis.get("title") or {}
        if title.get("text"):
            title_size = float((title.get("font") or {}).get("size", round(1.2 * size)))
            reach += float(title.get("standoff", TITLE_STANDOFF)) + title_size * 1.2 * (1 + title["text"].count("<br>"))
        extent = max(extent, reach)
    return extent


def _domain_bottom(layout: dict[str, Any], axis: dict[str, Any]) -> float:
    """The bottom of the plot area that an x axis sits under (its anchored y axis's domain)."""
    anchor = axis.get("anchor", "y")
    y_axis = layout.get("yaxis" + anchor[1:], {}) if isinstance(anchor, str) and anchor.startswith("y") else {}
    return float((y_axis.get("domain") or [0.0, 1.0])[0])


def _category_labels(axis_key: str, data: list[dict[str, Any]]) -> list[str]:
    ref = "x" + axis_key[5:]
    labels = []
    for trace in data:
        if (trace.get("xaxis") or "x") == ref and isinstance(trace.get("x"), (list, tuple)):
            labels += [str(v) for v in trace["x"] if isinstance(v, str)]
    return labels


def _tick_label_height(axis: dict[str, Any], labels: list[str], size: float) -> float:
    """Tick labels' height: one line, or the longest label turned by ``tickangle`` (category labels that
    need turning should set it: Plotly's own choice of angle is not known here)."""
    texts = [str(t) for t in axis.get("ticktext") or []] or labels
    angle = axis.get("tickangle")
    height = size * 1.25 * (1 + max((t.count("<br>") for t in texts), default=0))
    if isinstance(angle, (int, float)) and angle % 180:
        longest = max((text_width(t, size) for t in texts), default=size * 3)
        turn = math.radians(abs(angle) % 180)
        height = longest * math.sin(turn) + size * 1.25 * abs(math.cos(turn))
    return height
