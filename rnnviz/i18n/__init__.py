"""Korean and English strings, in one place.

Every user-facing string is a :class:`Text` with a Korean and an English version. Strings are grouped
by topic in the modules of this package (``common`` for the app frame, one module per page); each
module defines ``STRINGS: dict[str, Text]`` with keys prefixed by its topic (``"book.title"``). This
package merges them on import and refuses duplicate keys, so a string is defined exactly once.
Terms follow the seeds: 기울기 소실 (vanishing gradients), 기울기 폭발 (exploding gradients),
은닉 상태 (hidden state), 기울기 클리핑 (gradient clipping).
"""

from __future__ import annotations

import importlib
import pkgutil
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


def _merge_modules() -> dict[str, Text]:
    merged: dict[str, Text] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, text in getattr(module, "STRINGS", {}).items():
            if key in merged:
                raise RuntimeError(f"string {key!r} is defined twice (again in {info.name})")
            merged[key] = text
    return merged


STRINGS: dict[str, Text] = _merge_modules()


def t(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang``, with ``{name}`` fields filled from ``values``."""
    text = STRINGS[key](lang)
    return text.format(**values) if values else text


def normalise_lang(value: object, default: str = FALLBACK_LANG) -> str:
    """``"ko"`` or ``"en"`` from a query value or a browser locale such as ``"ko-KR"``; else ``default``."""
    if isinstance(value, str):
        code = value.strip().lower()[:2]
        if code in LANGS:
            return code
    return default
