"""The ``index.html`` beside a batch export: every figure's title, summary, thumbnail and files.

One self-contained page (inline CSS, no script, relative links), so the folder can be copied onto a
USB stick or into a lecture deck and still open offline.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

_IMAGE_PREFERENCE = ("png", "svg")  # the thumbnail: the first of these that was written

_TEXTS = {
    "ko": {"title": "rnnviz 그림 모음", "intro": "그림 {n}개, 기본 설정, 테마 {theme}.",
           "no_image": "이미지 없음 (--format png 또는 svg)"},
    "en": {"title": "rnnviz figures", "intro": "{n} figures at their default settings, theme {theme}.",
           "no_image": "no image (--format png or svg)"},
}

_STYLE = """
body { font-family: "Noto Sans KR", "NanumGothic", "Malgun Gothic", "Apple SD Gothic Neo", Arial, sans-serif;
       margin: 2rem; color: #222; background: #fff; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1.5rem; }
.figure { border: 1px solid #ddd; border-radius: 6px; padding: 1rem; }
.figure h2 { font-size: 1.1rem; margin: 0 0 0.25rem; }
.figure code { color: #666; }
.figure img { width: 100%; height: auto; border: 1px solid #eee; }
.figure .files a { margin-right: 0.75rem; }
"""


@dataclass(frozen=True)
class GalleryEntry:
    """One figure of the gallery: its id, texts in the page's language and the files written for it."""

    figure_id: str
    title: str
    summary: str
    files: tuple[tuple[str, str], ...]  # (format, file name relative to the index), in writing order


def gallery_html(entries: list[GalleryEntry], *, lang: str, theme: str) -> str:
    """The gallery page in ``lang`` ("ko" or "en")."""
    texts = _TEXTS[lang]
    cards = "\n".join(_card(entry, texts["no_image"]) for entry in entries)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(texts["title"])}</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>{html.escape(texts["title"])}</h1>
<p>{html.escape(texts["intro"].format(n=len(entries), theme=theme))}</p>
<div class="figures">
{cards}
</div>
</body>
</html>
"""


def _card(entry: GalleryEntry, no_image: str) -> str:
    by_format = dict(entry.files)
    thumbnail = next((by_format[fmt] for fmt in _IMAGE_PREFERENCE if fmt in by_format), None)
    title = html.escape(entry.title)
    picture = (f'<a href="{html.escape(thumbnail)}"><img src="{html.escape(thumbnail)}" alt="{title}" '
               f'loading="lazy"></a>' if thumbnail else f"<p><em>{html.escape(no_image)}</em></p>")
    links = " ".join(f'<a href="{html.escape(name)}">{fmt.upper()}</a>' for fmt, name in entry.files)
    return f"""<section class="figure" id="{html.escape(entry.figure_id)}">
<h2>{title}</h2>
<p><code>{html.escape(entry.figure_id)}</code></p>
{picture}
<p>{html.escape(entry.summary)}</p>
<p class="files">{links}</p>
</section>"""
