"""``rnnviz serve``'s command line: the app's folder, its server settings as flags, the user's flags.

The installed command is started for real in tests/test_install.py.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from streamlit import config as streamlit_config

from rnnviz import serve

ROOT = Path(__file__).resolve().parents[1]


def pairs(flags: list[str]) -> list[tuple[str, str]]:
    return list(zip(flags[::2], flags[1::2]))


def write_config(folder: Path, text: str) -> Path:
    (folder / ".streamlit").mkdir()
    (folder / ".streamlit" / "config.toml").write_text(text, encoding="utf-8")
    (folder / "app.py").write_text("", encoding="utf-8")
    return folder


def test_in_a_checkout_the_app_is_the_repositorys():
    assert serve.app_dir() == ROOT
    assert not serve.SHIPPED_APP_DIR.exists()  # only a built wheel has rnnviz/_app


def test_every_setting_of_the_apps_config_becomes_a_flag_streamlit_knows():
    with (ROOT / ".streamlit" / "config.toml").open("rb") as stream:
        config = tomllib.load(stream)
    settings = [(f"{section}.{name}", value) for section, values in config.items() for name, value in values.items()]
    assert settings  # the app has server settings
    flags = pairs(serve.config_flags(ROOT / ".streamlit" / "config.toml"))
    assert [name.removeprefix("--") for name, _ in flags] == [name for name, _ in settings]
    known = streamlit_config.get_config_options()
    for name, value in flags:
        option = known[name.removeprefix("--")]
        parsed = {"true": True, "false": False}.get(value, value) if isinstance(option.default_val, bool) else value
        assert parsed == config[option.section][option.name]


def test_values_are_written_as_streamlit_reads_them(tmp_path):
    folder = write_config(tmp_path, '[a]\nyes = true\nno = false\nn = 3\nx = 0.5\ns = "text"\nl = ["p", "q"]\n')
    assert pairs(serve.config_flags(folder / ".streamlit" / "config.toml")) == [
        ("--a.yes", "true"), ("--a.no", "false"), ("--a.n", "3"), ("--a.x", "0.5"), ("--a.s", "text"),
        ("--a.l", "p"), ("--a.l", "q"),
    ]


def test_the_users_flags_replace_the_apps_settings(tmp_path):
    folder = write_config(tmp_path, '[server]\nfileWatcherType = "none"\nport = 1\n[client]\ntoolbarMode = "viewer"\n')
    argv = serve.streamlit_argv(folder, port=9000, address="127.0.0.1",
                                extra=["--server.fileWatcherType=auto", "--server.headless", "true"])
    assert argv[:5] == [sys.executable, "-m", "streamlit", "run", str(folder / "app.py")]
    assert argv[5:] == [
        "--client.toolbarMode", "viewer",
        "--server.address", "127.0.0.1", "--server.port", "9000",
        "--server.fileWatcherType=auto", "--server.headless", "true",
    ]


def test_without_options_the_apps_settings_are_all_there_is(tmp_path):
    folder = write_config(tmp_path, '[runner]\npostScriptGC = false\n')
    assert serve.streamlit_argv(folder)[5:] == ["--runner.postScriptGC", "false"]


def test_only_serve_accepts_options_it_does_not_know():
    for args in (["list", "--server.port", "1"], ["export", "book-norms", "--out", "-", "--nosuch"]):
        result = subprocess.run([sys.executable, "-m", "rnnviz", *args], cwd=ROOT, capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 2
        assert "unrecognized arguments" in result.stderr
        assert result.stdout == ""


def test_serve_help_names_its_options():
    result = subprocess.run([sys.executable, "-m", "rnnviz", "serve", "--help"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: python -m rnnviz serve")
    assert "--port" in result.stdout and "--address" in result.stdout
