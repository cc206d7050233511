"""Static checks of the Dockerfile (no Docker engine here): base image, install order, command."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text(encoding="utf-8"))
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            pairs.append((word.upper(), rest.strip()))
    return pairs


def index_of(predicate) -> int:
    for i, pair in enumerate(instructions()):
        if predicate(*pair):
            return i
    raise AssertionError("no such instruction in the Dockerfile")


def test_base_image_is_python_311_slim():
    assert instructions()[0] == ("FROM", "python:3.11-slim")


def test_requirements_are_installed_before_the_code_is_copied():
    copy_requirements = index_of(lambda op, args: op == "COPY" and args.split()[0] == "requirements.txt")
    install = index_of(lambda op, args: op == "RUN" and "pip install -r requirements.txt" in args)
    copy_code = index_of(lambda op, args: op == "COPY" and args.split()[0] == ".")
    assert copy_requirements < install < copy_code


def test_command_runs_the_app_on_port_8501_for_everyone():
    expose = [args for op, args in instructions() if op == "EXPOSE"]
    assert expose == ["8501"]
    commands = [args for op, args in instructions() if op == "CMD"]
    assert len(commands) == 1
    argv = json.loads(commands[0])  # exec form, so the server gets signals directly
    assert argv[:3] == ["streamlit", "run", "app.py"]
    options = dict(zip(argv[3::2], argv[4::2]))
    assert options["--server.address"] == "0.0.0.0"
    assert options["--server.port"] == "8501"
    assert options["--server.headless"] == "true"


def test_dockerignore_keeps_history_and_tests_out_but_not_the_app():
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()}
    assert {".git", "tests", "artifacts"} <= ignored
    assert not {"app.py", "pages", "rnnviz", "requirements.txt"} & ignored


def test_requirements_pin_exact_versions():
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    pins = dict(line.split("==") for line in lines if line and not line.startswith("#"))
    assert set(pins) == {"streamlit", "numpy", "pandas", "plotly", "orjson", "kaleido", "choreographer"}
    assert all(re.fullmatch(r"\d+(\.\d+)+", version) for version in pins.values()), pins
