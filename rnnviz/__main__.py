"""The command line: ``rnnviz list``, ``rnnviz export ID ...`` and ``rnnviz serve`` (or ``python -m rnnviz ...``).

``list`` and ``export`` read the same figure catalogue as the pages, so a figure's parameters, their
validation and its data table are identical here and in the browser. Unlike a URL, a bad value on the
command line is an error: the command prints one line and exits with status 2. ``serve`` runs the app
(see ``rnnviz/serve.py``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from rnnviz import catalogue, export, serve
from rnnviz.figures.style import THEMES
from rnnviz.i18n import LANGS

EXIT_USAGE = 2


class CommandError(Exception):
    """A problem with the user's command: reported as one line, exit status 2."""


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
    exporting = commands.add_parser("export", help="write a figure's data (csv, json) or chart (html)")
    exporting.add_argument("figure_id")
    exporting.add_argument("--set", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                           help="a parameter value; repeat for several (see 'params' in the JSON export)")
    exporting.add_argument("--format", choices=export.FORMATS, default="csv")
    exporting.add_argument("--out", required=True, help="the file to write ('-' for standard output)")
    exporting.add_argument("--lang", choices=LANGS, default="en", help="language of the HTML chart")
    exporting.add_argument("--theme", choices=THEMES, default="light", help="theme of the HTML chart")
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
        print(f"{figure_id:<{width}}  {spec.title(lang)}")
    return 0


def _serve(args: argparse.Namespace, extra: list[str]) -> int:
    try:
        serve.serve(port=args.port, address=args.address, extra=extra)
    except OSError as err:  # the app is missing, or the server cannot be started
        raise CommandError(f"cannot serve the app: {err}") from None
    return 0  # not reached: serve.serve replaces this process with the server


def _export(args: argparse.Namespace) -> int:
    try:
        spec = catalogue.get(args.figure_id)
    except KeyError as err:
        raise CommandError(str(err.args[0])) from None
    values = _values(spec, args.settings)
    try:
        data = spec.compute(**values)
    except ValueError as err:
        raise CommandError(f"cannot compute {spec.id}: {err}") from None
    if args.format == "csv":
        content = export.table_csv(spec, data)
    elif args.format == "json":
        content = export.table_json(spec, data, values)
    else:
        content = export.figure_html(spec.build(data, lang=args.lang, theme=args.theme))
    if args.out == "-":
        sys.stdout.write(content)
    else:
        try:
            Path(args.out).write_text(content, encoding="utf-8")
        except OSError as err:
            raise CommandError(f"cannot write {args.out}: {err.strerror}") from None
    return 0


def _values(spec: catalogue.FigureSpec, settings: list[str]) -> dict:
    raw = {}
    names = {param.name for param in spec.params}
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
