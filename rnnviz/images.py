"""PNG and SVG images of Plotly figures, drawn by the system's Chromium through Kaleido.

Kaleido (1.x) drives a headless Chromium over the DevTools protocol. We always give it the browser's
path, so it never looks for (or downloads) a browser of its own: ``BROWSER_PATH`` if set, else
Debian's ``/usr/bin/chromium``. Starting the browser takes a second or two; an :class:`ImageRenderer`
keeps one open for a whole batch, so each figure after the first costs only its drawing.

Chromium finds fonts through fontconfig. A figure with Hangul in it is drawn only when fontconfig
knows a font with Hangul glyphs (``fc-list :lang=ko``); otherwise :class:`ImageError` says how to
install one, rather than an image full of empty boxes.

``kaleido`` is imported when a renderer opens, not with this module, so the pages do not pay for it
at start-up.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
from pathlib import Path
from types import TracebackType
from typing import Any, Mapping

import plotly.graph_objects as go

IMAGE_FORMATS = ("png", "svg")
DEFAULT_CHROMIUM = "/usr/bin/chromium"
INSTALL_CHROMIUM = "install Debian's chromium: apt-get install chromium (or set BROWSER_PATH to a Chromium)"
INSTALL_HANGUL_FONT = "install a Korean font, e.g. Debian's: apt-get install fonts-nanum"
RENDER_TIMEOUT_S = 60.0  # one figure; a healthy one takes well under a second

# Hangul syllables, Hangul Jamo and compatibility Jamo.
_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


class ImageError(RuntimeError):
    """An image cannot be made here (no browser, no Hangul font, a render failure): one line saying why."""


def chromium_path() -> str:
    """The browser Kaleido drives: ``$BROWSER_PATH`` if set, else ``/usr/bin/chromium``.

    Raises :class:`ImageError` (with the install command) when that file is not an executable.
    """
    path = os.environ.get("BROWSER_PATH") or DEFAULT_CHROMIUM
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        raise ImageError(f"no Chromium at {path}: {INSTALL_CHROMIUM}")
    return path


def hangul_font_families() -> list[str]:
    """The font families that fontconfig (and so Chromium) knows to cover Korean, sorted.

    Raises :class:`ImageError` when ``fc-list`` (Debian's ``fontconfig``) is missing.
    """
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        raise ImageError("cannot look for a Korean font: fc-list not found (apt-get install fontconfig)")
    listed = subprocess.run([fc_list, ":lang=ko", "family"], capture_output=True, text=True, timeout=60)
    return sorted({line.split(",")[0].strip() for line in listed.stdout.splitlines() if line.strip()})


def require_hangul_font() -> str:
    """The first Korean font family fontconfig knows; :class:`ImageError` with the install command if none."""
    families = hangul_font_families()
    if not families:
        raise ImageError(f"no font with Hangul glyphs is installed, so Korean text would draw as boxes: "
                         f"{INSTALL_HANGUL_FONT}")
    return families[0]


def contains_hangul(fig: go.Figure | Mapping[str, Any]) -> bool:
    """True if any text of the figure (titles, labels, annotations, trace names, hover text) is Hangul."""
    return _any_hangul(fig.to_plotly_json() if isinstance(fig, go.Figure) else fig)


def _any_hangul(value: Any) -> bool:
    if isinstance(value, str):
        return _HANGUL.search(value) is not None
    if isinstance(value, Mapping):
        return any(_any_hangul(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return any(_any_hangul(item) for item in value)
    return False  # numbers, numpy arrays of numbers, None


def check_size(*, scale: float, width: int, height: int) -> None:
    """``ValueError`` unless the image size is positive."""
    if not scale > 0:
        raise ValueError(f"scale must be positive; got {scale!r}")
    if width <= 0 or height <= 0:
        raise ValueError(f"width and height must be positive; got {width!r} x {height!r}")


class ImageRenderer:
    """One headless Chromium, driven by Kaleido, kept open for many figures.

    ::

        with ImageRenderer() as renderer:
            png = renderer.render(fig, "png", scale=2, width=1280, height=720)

    Not thread-safe: one renderer serves one thread. Drawing happens on an event loop the renderer
    owns, so callers stay synchronous.
    """

    def __init__(self, browser: str | None = None, *, check_hangul_font: bool = True) -> None:
        """``browser``: the Chromium to drive (default :func:`chromium_path`). ``check_hangul_font``:
        refuse a figure with Hangul when no Korean font is installed (turned off only by the test
        that shows what such a figure looks like then)."""
        self._browser = browser or chromium_path()
        self._check_hangul_font = check_hangul_font
        self._runner: asyncio.Runner | None = None
        self._kaleido: Any = None
        self._hangul_font: str | None = None

    def __enter__(self) -> ImageRenderer:
        import kaleido  # noqa: PLC0415 (lazy: the pages import this module but seldom draw images)

        self._runner = asyncio.Runner()
        try:
            self._kaleido = self._runner.run(self._open(kaleido.Kaleido))
        except BaseException as err:
            self._runner.close()
            self._runner = None
            if isinstance(err, Exception):
                raise ImageError(f"cannot start Chromium ({self._browser}): {_one_line(err)}") from err
            raise
        return self

    async def _open(self, kaleido_class: type) -> Any:
        # mathjax=False: no figure uses LaTeX, and the default would fetch MathJax from a CDN.
        browser = kaleido_class(path=self._browser, mathjax=False, timeout=RENDER_TIMEOUT_S)
        await browser.open()
        return browser

    def render(self, fig: go.Figure | Mapping[str, Any], fmt: str, *, scale: float = 1.0,
               width: int, height: int) -> bytes:
        """The figure as PNG or SVG bytes, ``width`` x ``height`` layout pixels (a PNG has ``scale``
        times as many pixels each way; an SVG records ``scale`` in its size)."""
        if self._runner is None:
            raise RuntimeError("an ImageRenderer draws only inside its `with` block")
        if fmt not in IMAGE_FORMATS:
            raise ValueError(f"image format must be one of {IMAGE_FORMATS}; got {fmt!r}")
        check_size(scale=scale, width=width, height=height)
        if self._check_hangul_font and self._hangul_font is None and contains_hangul(fig):
            self._hangul_font = require_hangul_font()
        opts = {"format": fmt, "scale": scale, "width": width, "height": height}
        try:
            return self._runner.run(self._kaleido.calc_fig(fig, opts=opts))
        except Exception as err:  # Kaleido's, the browser's and the event loop's errors alike
            raise ImageError(f"Chromium could not draw the figure as {fmt}: {_one_line(err)}") from err

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._runner is None:
            return
        try:
            self._runner.run(self._kaleido.close())
        finally:
            self._runner.close()
            self._runner = None
            self._kaleido = None


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return text[:300] or type(err).__name__
