"""Every catalogue figure at its defaults, in both languages and every theme: it builds, has a title,
draws only finite numbers, and speaks Korean exactly when asked to."""

import json

import pytest

from rnnviz import catalogue
from rnnviz.figures.style import THEMES
from tests.figures.helpers import assert_finite, build

HANGUL = ("\uac00", "\ud7a3")


def has_hangul(text):
    return any(HANGUL[0] <= ch <= HANGUL[1] for ch in text)


def strings_in(value):
    """Every string in a decoded JSON value (so the test reads text, not the encoder's escapes)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("lang", ("ko", "en"))
@pytest.mark.parametrize("figure_id", sorted(catalogue.CATALOGUE))
def test_every_figure_builds_in_every_language_and_theme(figure_id, lang, theme):
    _, fig = build(figure_id, lang, theme)
    assert fig.layout.title.text.strip()
    assert_finite(fig)
    decoded = json.loads(fig.to_json())
    assert any(has_hangul(text) for text in strings_in(decoded)) == (lang == "ko")
