"""Sub- and superscripts in chart texts as Plotly's ``<sub>``/``<sup>`` markup.

The texts keep the seeds' plain notation (``σ₁``, ``log₁₀``, ``ρᵗ⁻¹``, ``xₙ₋₁``), which reads well on a page
and in a terminal. In a chart, Unicode's sub- and superscript characters come out tiny, or missing from the
chart's font (NanumGothic draws ``₁`` as a dot), so every figure's texts are rewritten once it is drawn
(:func:`rich_text_in_place`, called by :func:`rnnviz.figures.canvas.builder`): a run of such characters
becomes the same letters in ``<sub>``/``<sup>`` at the font's own size ratio, and a TeX-like ``x_{n−1}`` or
``10^{−3}``, or the prose's ``h_(t−1)`` and ``h_t^(l)``, becomes markup too. A single underscore (``W_h``, ``h_t``) is the seeds' name and stays.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

SUBSCRIPTS = dict(zip("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ", "0123456789+−=()aeoxhklmnpstijruv"))
SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵗᵀᵏᵃᵇᶜᵈᵉᶠᵍʰʲˡᵐᵒᵖʳˢᵘᵛʷˣʸᶻ",
                        "0123456789+−=()nitTkabcdefghjlmoprsuvwxyz"))
_RUN = re.compile(f"[{''.join(SUBSCRIPTS)}]+|[{''.join(SUPERSCRIPTS)}]+")
_GROUP = re.compile(r"(?<=[\w)])([_^])\{([^{}]*)\}")  # x_{n−1}, 10^{−3}; not hovertemplate's %{y}
_PARENTHESISED = re.compile(r"(?<=\w)(?:_\(([^()]*)\)|\^(\([^()]*\)))")  # h_(t−1) -> h<sub>t−1</sub>; h^(l) keeps ()
_SKIPPED_KEYS = frozenset({"template"})  # the theme's template holds no text of ours


def rich(text: str) -> str:
    """``text`` with sub- and superscripts as ``<sub>``/``<sup>`` markup: ``"σ₁ᵗ"`` ->
    ``"σ<sub>1</sub><sup>t</sup>"``, ``"x_{n−1}"`` -> ``"x<sub>n−1</sub>"``."""
    text = _GROUP.sub(lambda m: f"<{'sub' if m[1] == '_' else 'sup'}>{m[2]}</{'sub' if m[1] == '_' else 'sup'}>", text)
    text = _PARENTHESISED.sub(lambda m: f"<sub>{m[1]}</sub>" if m[1] is not None else f"<sup>{m[2]}</sup>", text)
    return _RUN.sub(_markup, text)


def _markup(match: re.Match[str]) -> str:
    run = match[0]
    if run[0] in SUBSCRIPTS:
        return "<sub>" + "".join(SUBSCRIPTS[c] for c in run) + "</sub>"
    return "<sup>" + "".join(SUPERSCRIPTS[c] for c in run) + "</sup>"


def plain(text: str) -> str:
    """``text`` readable as plain text (a terminal, a file name's title): ``x_{n−1}`` -> ``xₙ₋₁`` where Unicode
    has the letters, else ``x_(n−1)``; Unicode sub- and superscripts stay."""
    inverse = {"_": {v: k for k, v in SUBSCRIPTS.items()}, "^": {v: k for k, v in SUPERSCRIPTS.items()}}

    def flat(match: re.Match[str]) -> str:
        table = inverse[match[1]]
        if all(c in table for c in match[2]):
            return "".join(table[c] for c in match[2])
        return f"{match[1]}({match[2]})"

    return _GROUP.sub(flat, text)


def rich_text_in_place(value: Any) -> None:
    """Rewrite every string under ``value`` (nested dicts and lists, e.g. a figure's ``data``, ``layout`` and
    ``frames``) with :func:`rich`; arrays, numbers and the layout's template are left alone."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in _SKIPPED_KEYS:
                continue
            value[key] = _rewritten(item)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            value[i] = _rewritten(item)


def _rewritten(item: Any) -> Any:
    if isinstance(item, str):
        return rich(item)
    if isinstance(item, (dict, list)):
        rich_text_in_place(item)
    elif isinstance(item, np.ndarray) and item.dtype.kind in "OU":  # labels, e.g. a graph's node texts
        return np.frompyfunc(lambda x: rich(x) if isinstance(x, str) else x, 1, 1)(item).astype(object)
    return item
