"""The command line: ``rnnviz list``, ``rnnviz export ID ...``, ``rnnviz export --all --out DIR ...`` and
``rnnviz serve`` (or ``python -m rnnviz ...``).

``list`` and ``export`` read the same figure catalogue as the pages, so a figure's parameters, their
validation and its data table are identical here and in the browser. Unlike a URL, a bad value on the
command line is an error: the command prints one line and exits with status 2. ``serve`` runs the app
(see ``rnnviz/serve.py``).
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

from rnnviz import catalogue, export, gallery, images, serve
from rnnviz.figures.rich_text import plain
from rnnviz.figures.style import THEMES
from rnnviz.i18n import LANGS

EXIT_USAGE = 2
_SCALE_RANGE = (0.25, 4.0)  # 4 x 1280 = 5120 pixels wide is past any projector
_SIDE_RANGE = (100, 4000)  # layout pixels


class CommandError(Exception):
    """A problem with the user's command: reported as one line, exit status 2."""


@dataclass(frozen=True)
class ImageSize:
    """An image's size: ``width`` x ``height`` layout pixels, drawn at ``scale`` device pixels each."""

    scale: float
    width: int
    height: int


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "serve":  # only serve passes unknown options on (to streamlit)
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        if args.command == "list":
            return _list(args.lang)
        if args.command == "serve":
            return _serve(args, extra)
        return _export(args)
    except CommandError as err:
        print(f"rnnviz: {err}", file=sys.stderr)
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    prog = "python -m rnnviz" if Path(sys.argv[0]).name == "__main__.py" else "rnnviz"
    parser = argparse.ArgumentParser(prog=prog, description="rnnviz figures and app from the command line")
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="print the figure ids, one line each")
    listing.add_argument("--lang", choices=LANGS, default="en")
    exporting = commands.add_parser(
        "export", help="write a figure's data (csv, json), chart (html) or image (png, svg); or every figure")
    exporting.add_argument("figure_id", nargs="?", help="the figure (see 'list'); leave out with --all")
    exporting.add_argument("--all", action="store_true",
                           help="every figure at its defaults into the folder --out, with an index.html gallery")
    exporting.add_argument("--only", metavar="ID,ID", help="with --all: just these figures")
    exporting.add_argument("--set", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                           help="a parameter value; repeat for several (see 'params' in the JSON export)")
    exporting.add_argument("--format", default="csv", metavar="FORMAT",
                           help=f"one of {', '.join(export.ALL_FORMATS)}; with --all a comma list (e.g. png,svg,html)")
    exporting.add_argument("--out", required=True,
                           help="the file to write ('-' for standard output); with --all, the folder")
    exporting.add_argument("--scale", help=f"png/svg: pixels per layout pixel, {_SCALE_RANGE[0]:g} to "
                                           f"{_SCALE_RANGE[1]:g} (default 1)")
    exporting.add_argument("--width", help=f"png/svg: width in layout pixels (default {export.SLIDE_WIDTH})")
    exporting.add_argument("--height", help=f"png/svg: height in layout pixels (default {export.SLIDE_HEIGHT})")
    exporting.add_argument("--lang", choices=LANGS, default="en", help="language of the chart and the gallery")
    exporting.add_argument("--theme", choices=THEMES, default="light", help="theme of the chart")
    exporting.add_argument("--static", action="store_true",
                           help="html: the plain chart, without the live sliders a live figure keeps")
    serving = commands.add_parser(
        "serve", allow_abbrev=False, help="run the app (streamlit run app.py with the app's server settings)",
        description="Run the app with Streamlit. Other options are passed to `streamlit run`, e.g. "
                    "--server.headless true or --server.fileWatcherType auto; they replace the app's own settings.",
    )
    serving.add_argument("--port", type=int, help="the port to listen on (Streamlit's default: 8501)")
    serving.add_argument("--address", help="the address to listen on, e.g. 127.0.0.1 or 0.0.0.0 (default: all)")
    return parser


def _list(lang: str) -> int:
    width = max(len(figure_id) for figure_id in catalogue.CATALOGUE)
    for figure_id, spec in sorted(catalogue.CATALOGUE.items()):
        print(f"{figure_id:<{width}}  {plain(spec.title(lang))}")
    return 0


def _serve(args: argparse.Namespace, extra: list[str]) -> int:
    try:
        serve.serve(port=args.port, address=args.address, extra=extra)
    except OSError as err:  # the app is missing, or the server cannot be started
        raise CommandError(f"cannot serve the app: {err}") from None
    return 0  # not reached: serve.serve replaces this process with the server


def _export(args: argparse.Namespace) -> int:
    formats = _formats(args.format)
    size = _image_size(args, formats)
    if args.all:
        return _export_all(args, formats, size)
    if args.only is not None:
        raise CommandError("--only chooses figures for --all")
    if args.figure_id is None:
        raise CommandError("give a figure id (see 'python -m rnnviz list') or --all")
    if len(formats) != 1:
        raise CommandError("one --format for one figure; a comma list of formats needs --all")
    fmt = formats[0]
    spec = _spec(args.figure_id)
    values = _values(spec, args.settings)
    if fmt == "png" and args.out == "-" and sys.stdout.isatty():
        raise CommandError("a PNG is binary: give --out FILE, or redirect standard output")
    data = _compute(spec, values)
    with _image_renderer(formats, args.lang) as renderer:
        content = _content(spec, data, values, fmt, args, size, renderer)
    if args.out == "-":
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
    else:
        _write(Path(args.out), content)
    return 0


def _export_all(args: argparse.Namespace, formats: list[str], size: ImageSize | None) -> int:
    """Every catalogue figure (or those of ``--only``) at its defaults, plus ``index.html``; prints
    a line per figure and the totals, with the seconds per figure after the first."""
    if args.figure_id is not None:
        raise CommandError(f"give a figure id or --all, not both (got {args.figure_id!r})")
    if args.settings:
        raise CommandError("--set applies to one figure; --all exports every figure at its defaults")
    if args.out == "-":
        raise CommandError("--all writes files: --out must be a folder")
    specs = _selected(args.only)
    folder = Path(args.out)
    entries, seconds = [], []
    started = time.perf_counter()
    with _image_renderer(formats, args.lang) as renderer:  # no Chromium or no font: no folder either
        browser_seconds = time.perf_counter() - started
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise CommandError(f"cannot make the folder {args.out}: {err.strerror}") from None
        for number, spec in enumerate(specs, 1):
            tick = time.perf_counter()
            values = spec.defaults()
            data = _compute(spec, values)
            files = []
            for fmt in formats:
                name = export.file_name(spec, fmt)
                _write(folder / name, _content(spec, data, values, fmt, args, size, renderer))
                files.append((fmt, name))
            seconds.append(time.perf_counter() - tick)
            entries.append(gallery.GalleryEntry(spec.id, spec.title(args.lang), spec.summary(args.lang),
                                                tuple(files)))
            print(f"[{number:>{len(str(len(specs)))}}/{len(specs)}] {spec.id:<24} {','.join(formats)}  "
                  f"{seconds[-1]:.2f} s", flush=True)
    _write(folder / "index.html", gallery.gallery_html(entries, lang=args.lang, theme=args.theme))
    total = time.perf_counter() - started
    print(f"wrote {len(specs)} figures ({len(specs) * len(formats)} files) and index.html to {folder} "
          f"in {total:.2f} s")
    after_first = f"; {statistics.fmean(seconds[1:]):.3f} s per figure after it" if len(seconds) > 1 else ""
    browser = f"browser start {browser_seconds:.2f} s, " if renderer is not None else ""
    print(f"{browser}first figure {seconds[0]:.2f} s{after_first}")
    return 0


def _formats(text: str) -> list[str]:
    formats = [part.strip().lower() for part in text.split(",")]
    for fmt in formats:
        if fmt not in export.ALL_FORMATS:
            raise CommandError(f"unknown format {fmt!r}; expected {', '.join(export.ALL_FORMATS)} "
                               f"(a comma list with --all)")
    if len(set(formats)) != len(formats):
        raise CommandError(f"--format lists a format twice: {text!r}")
    return formats


def _image_size(args: argparse.Namespace, formats: list[str]) -> ImageSize | None:
    """The validated ``--scale``, ``--width`` and ``--height``; None when no image format is asked for."""
    given = [f"--{name}" for name in ("scale", "width", "height") if getattr(args, name) is not None]
    if not set(formats) & set(export.IMAGE_FORMATS):
        if given:
            raise CommandError(f"{', '.join(given)} applies to png and svg only")
        return None
    scale = _number("--scale", args.scale, 1.0, *_SCALE_RANGE, kind=float)
    width = _number("--width", args.width, export.SLIDE_WIDTH, *_SIDE_RANGE, kind=int)
    height = _number("--height", args.height, export.SLIDE_HEIGHT, *_SIDE_RANGE, kind=int)
    return ImageSize(scale=scale, width=width, height=height)


def _number(flag: str, raw: str | None, default: float, low: float, high: float, *, kind: type) -> float:
    if raw is None:
        return default
    expected = f"expected {'an integer' if kind is int else 'a number'} from {low:g} to {high:g}"
    try:
        value = kind(raw)
    except ValueError:
        raise CommandError(f"bad value {raw!r} for {flag}: {expected}") from None
    if not low <= value <= high:  # also refuses nan
        raise CommandError(f"bad value {raw!r} for {flag}: {expected}")
    return value


def _spec(figure_id: str) -> catalogue.FigureSpec:
    try:
        return catalogue.get(figure_id)
    except KeyError as err:
        raise CommandError(str(err.args[0])) from None


def _selected(only: str | None) -> list[catalogue.FigureSpec]:
    if only is None:
        return [spec for _, spec in sorted(catalogue.CATALOGUE.items())]
    ids = [part.strip() for part in only.split(",") if part.strip()]
    if not ids:
        raise CommandError("--only needs figure ids, e.g. --only book-norms,scale-sweep")
    return [_spec(figure_id) for figure_id in ids]


def _compute(spec: catalogue.FigureSpec, values: dict) -> Any:
    try:
        return spec.run(values)
    except ValueError as err:
        raise CommandError(f"cannot compute {spec.id}: {err}") from None


@contextlib.contextmanager
def _image_renderer(formats: list[str], lang: str) -> Iterator[images.ImageRenderer | None]:
    """One browser for every image of the command; None when no image format is asked for.
    Checks for Chromium, and for a Hangul font in Korean, before anything is drawn."""
    if not set(formats) & set(export.IMAGE_FORMATS):
        yield None
        return
    with contextlib.ExitStack() as stack:
        try:
            if lang == "ko":
                images.require_hangul_font()
            renderer = stack.enter_context(images.ImageRenderer())
        except images.ImageError as err:
            raise CommandError(str(err)) from None
        yield renderer


def _content(spec: catalogue.FigureSpec, data: Any, values: dict, fmt: str, args: argparse.Namespace,
             size: ImageSize | None, renderer: images.ImageRenderer | None) -> str | bytes:
    if fmt == "csv":
        return export.table_csv(spec, data)
    if fmt == "json":
        return export.table_json(spec, data, values)
    if fmt == "html" and spec.live and not args.static:
        return export.live_html(spec, values, lang=args.lang, theme=args.theme)
    fig = spec.build(data, lang=args.lang, theme=args.theme, **spec.view_values(values))
    if fmt == "html":
        return export.figure_html(fig, args.lang)
    assert renderer is not None and size is not None
    try:
        return renderer.render(fig, fmt, scale=size.scale, width=size.width, height=size.height)
    except images.ImageError as err:
        raise CommandError(f"{spec.id}: {err}") from None


def _write(path: Path, content: str | bytes) -> None:
    """Write a file; an HTML file's size is reported, with a warning beyond ``export.LARGE_HTML_BYTES``."""
    try:
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    except OSError as err:
        raise CommandError(f"cannot write {path}: {err.strerror}") from None
    if path.suffix == ".html":
        size = path.stat().st_size
        large = " (over 10 MB: a slide deck may load it slowly; --static writes the plain chart)"
        print(f"rnnviz: wrote {path} ({size / 2**20:.1f} MB){large if size > export.LARGE_HTML_BYTES else ''}",
              file=sys.stderr)


def _values(spec: catalogue.FigureSpec, settings: list[str]) -> dict:
    raw = {}
    names = {param.name for param in spec.all_params}
    for setting in settings:
        name, sep, value = setting.partition("=")
        if not sep:
            raise CommandError(f"--set needs NAME=VALUE, got {setting!r}")
        if name not in names:
            raise CommandError(f"figure {spec.id} has no parameter {name!r}; it has: {', '.join(sorted(names))}")
        raw[name] = value
    values, notices = spec.validate(raw)
    if notices:
        notice = notices[0]
        param = spec.param(notice.name)
        raise CommandError(f"bad value {notice.raw!r} for {notice.name}: {_expected(param)}")
    return values


def _expected(param: catalogue.Param) -> str:
    if param.kind in ("int", "float"):
        return f"expected {'an integer' if param.kind == 'int' else 'a number'} from {param.min:g} to {param.max:g}"
    if param.kind == "choice":
        return f"expected one of {', '.join(param.choices)}"
    if param.kind == "bool":
        return "expected true or false"
    return f"expected a value matching {param.pattern}"


if __name__ == "__main__":
    sys.exit(main())
