"""Every catalogue figure at its defaults, in both languages and every theme: it builds, has a title,
draws only finite numbers, and speaks Korean exactly when asked to."""

import pytest

from rnnviz import catalogue
from rnnviz.figures.style import THEMES
from tests.figures.helpers import assert_finite, build

HANGUL = ("\uac00", "\ud7a3")


def has_hangul(text):
    return any(HANGUL[0] <= ch <= HANGUL[1] for ch in text)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("lang", ("ko", "en"))
@pytest.mark.parametrize("figure_id", sorted(catalogue.CATALOGUE))
def test_every_figure_builds_in_every_language_and_theme(figure_id, lang, theme):
    _, fig = build(figure_id, lang, theme)
    assert fig.layout.title.text.strip()
    assert_finite(fig)
    assert has_hangul(fig.to_json()) == (lang == "ko")
