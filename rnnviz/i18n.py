"""Korean and English: the :class:`Text` pair and the lookup of the app's strings.

Every user-facing string is a :class:`Text` with a Korean and an English version. The strings live with
their topic: each lesson module (``rnnviz/lessons/<page>.py``) defines ``STRINGS`` with keys prefixed by
its page's name (``"vanishing_exploding.title"``), and ``rnnviz/lessons/shared.py`` the app frame's;
``rnnviz.lessons.STRINGS`` is their union, which refuses a key defined twice. Terms follow the seeds:
기울기 소실 (vanishing gradients), 기울기 폭발 (exploding gradients), 은닉 상태 (hidden state),
기울기 클리핑 (gradient clipping).
"""

from __future__ import annotations

from dataclasses import dataclass

LANGS = ("ko", "en")
FALLBACK_LANG = "en"


@dataclass(frozen=True)
class Text:
    """One string in both languages; call it with a language code to get that version."""

    ko: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en


def strings() -> dict[str, Text]:
    """Every string of the app by key (the lessons' and the app frame's)."""
    from rnnviz.lessons import STRINGS  # the lessons import this module for Text: look them up late

    return STRINGS


def t(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang``, with ``{name}`` fields filled from ``values``."""
    text = strings()[key](lang)
    return text.format(**values) if values else text


def normalise_lang(value: object, default: str = FALLBACK_LANG) -> str:
    """``"ko"`` or ``"en"`` from a query value or a browser locale such as ``"ko-KR"``; else ``default``."""
    if isinstance(value, str):
        code = value.strip().lower()[:2]
        if code in LANGS:
            return code
    return default
