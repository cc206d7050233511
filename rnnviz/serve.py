"""``rnnviz serve``: the Streamlit app, as ``streamlit run app.py`` runs it in the repository, from any folder.

The app is ``app.py`` with its ``pages/`` and its server settings in ``.streamlit/config.toml``. In a
checkout (or an editable install) they sit beside the ``rnnviz`` folder; an installed wheel carries a
copy of them in ``rnnviz/_app/`` (see ``pyproject.toml``). Streamlit reads ``.streamlit/config.toml``
only from the current folder and ``~/.streamlit``, so the app's settings are passed as command-line
flags instead, and any flag given by the user replaces the app's own.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path
from typing import Sequence

PACKAGE_DIR = Path(__file__).resolve().parent
SHIPPED_APP_DIR = PACKAGE_DIR / "_app"  # the copy inside an installed wheel
CHECKOUT_DIR = PACKAGE_DIR.parent  # the repository, for a checkout or an editable install
CONFIG = Path(".streamlit", "config.toml")


def app_dir() -> Path:
    """The folder holding ``app.py``, ``pages/`` and ``.streamlit/config.toml``.

    The copy shipped in the package comes first: beside an installed package lies ``site-packages``,
    where an unrelated ``app.py`` may live. ``FileNotFoundError`` if neither folder has the app.
    """
    for folder in (SHIPPED_APP_DIR, CHECKOUT_DIR):
        if (folder / "app.py").is_file() and (folder / "pages").is_dir():
            return folder
    raise FileNotFoundError(f"the app (app.py and pages/) is neither in {SHIPPED_APP_DIR} nor in {CHECKOUT_DIR}")


def config_flags(config_file: Path) -> list[str]:
    """Streamlit flags for every setting of a ``config.toml``: ``[server] port = 1`` -> ``--server.port 1``.

    A list value repeats its flag (Streamlit's list options take one value per flag).
    """
    with config_file.open("rb") as stream:
        config = tomllib.load(stream)
    flags = []
    for section, settings in config.items():
        for name, value in settings.items():
            for item in value if isinstance(value, list) else [value]:
                flags += [f"--{section}.{name}", _flag_value(item)]
    return flags


def _flag_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def flag_names(args: Sequence[str]) -> set[str]:
    """The Streamlit option names (``server.port``) among command-line arguments, ``--name value`` or ``--name=value``."""
    return {arg[2:].partition("=")[0] for arg in args if arg.startswith("--") and len(arg) > 2}


def without_flags(flags: Sequence[str], names: set[str]) -> list[str]:
    """``flags`` (pairs ``--name value``) less the pairs whose name is in ``names``."""
    kept = []
    for flag, value in zip(flags[::2], flags[1::2]):
        if flag[2:] not in names:
            kept += [flag, value]
    return kept


def streamlit_argv(folder: Path, *, port: int | None = None, address: str | None = None,
                   extra: Sequence[str] = ()) -> list[str]:
    """The command that serves the app in ``folder``: this interpreter's ``streamlit run``, then the
    settings of the app's ``config.toml``, then ``--port``/``--address``, then ``extra`` as given
    (a setting given by the user replaces the app's)."""
    user_flags = list(extra)
    if port is not None:
        user_flags = ["--server.port", str(port)] + user_flags
    if address is not None:
        user_flags = ["--server.address", address] + user_flags
    app_flags = config_flags(folder / CONFIG) if (folder / CONFIG).is_file() else []
    return [
        sys.executable, "-m", "streamlit", "run", str(folder / "app.py"),
        *without_flags(app_flags, flag_names(user_flags)), *user_flags,
    ]


def serve(*, port: int | None = None, address: str | None = None, extra: Sequence[str] = ()) -> None:
    """Replace this process with the Streamlit server (so that it receives signals, e.g. in a container)."""
    argv = streamlit_argv(app_dir(), port=port, address=address, extra=extra)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(argv[0], argv)
