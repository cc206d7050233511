"""``pip install .`` as a user runs it: the wheel, installed into a new virtual environment, gives the
``rnnviz`` command, which lists, exports and serves the app from a folder that is not the checkout.

Nothing is downloaded: the wheel is built with the build backend of the test requirements, and the
new environment sees this environment's packages (the pinned requirements) through a ``.pth`` file,
so it holds exactly one package of its own: the wheel's ``rnnviz``.
"""

from __future__ import annotations

import importlib.util
import os
import site
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.browser import streamlit_dom as dom
from tests.browser.server import free_port, is_healthy

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
START_TIMEOUT = 90.0  # seconds until the installed server must answer /_stcore/health
pytestmark = pytest.mark.timeout(600)


def run(args, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess:
    result = subprocess.run([str(arg) for arg in args], cwd=cwd, env=clean_env(), capture_output=True, text=True,
                            timeout=timeout, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, f"{args} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def clean_env() -> dict[str, str]:
    """This environment without anything that would put the checkout on a new interpreter's path."""
    return {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}


def new_venv(folder: Path) -> Path:
    """A virtual environment (with pip) that also sees this environment's packages; returns its bin/."""
    run([sys.executable, "-m", "venv", folder])
    bin_dir = folder / "bin"
    purelib = run([bin_dir / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).stdout.strip()
    Path(purelib, "test-environment.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    return bin_dir


def require_build_backend() -> None:
    assert importlib.util.find_spec("hatchling"), (
        "the build backend is missing: run `python -m pip install -r requirements-dev.txt` (hatchling)"
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    require_build_backend()
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", out, ROOT])
    (built,) = out.glob("rnnviz-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(tmp_path_factory, wheel) -> Path:
    """bin/ of a new virtual environment with the wheel installed (``pip install --no-deps``)."""
    bin_dir = new_venv(tmp_path_factory.mktemp("venv"))
    run([bin_dir / "python", "-m", "pip", "install", "--no-deps", "--no-index", wheel])
    return bin_dir


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory) -> Path:
    """A folder with no app.py, pages/ or rnnviz/ in it."""
    return tmp_path_factory.mktemp("elsewhere")


def test_dependencies_are_the_pinned_requirements_names_and_admit_their_versions():
    with (ROOT / "pyproject.toml").open("rb") as stream:
        declared = [Requirement(text) for text in tomllib.load(stream)["project"]["dependencies"]]
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pins = [Requirement(line) for line in lines if line.strip() and not line.lstrip().startswith("#")]
    assert sorted(r.name for r in declared) == sorted(r.name for r in pins)
    pinned = {r.name: next(iter(r.specifier)).version for r in pins}
    for requirement in declared:
        assert requirement.specifier.contains(pinned[requirement.name]), (requirement, pinned[requirement.name])


def test_wheel_holds_the_package_and_the_app_as_in_the_checkout(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        shipped = {name: archive.read(name) for name in names if not name.startswith("rnnviz-")}
        entry_points = archive.read(next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
    sources = [ROOT / "app.py", ROOT / ".streamlit" / "config.toml"]
    sources += [path for folder in ("rnnviz", "pages") for path in (ROOT / folder).rglob("*") if is_source(path)]
    expected = {}
    for path in sources:
        relative = path.relative_to(ROOT).as_posix()
        name = relative if relative.startswith("rnnviz/") else f"rnnviz/_app/{relative}"
        expected[name] = path.read_bytes()
    assert set(shipped) == set(expected)
    assert all(shipped[name] == expected[name] for name in expected)
    assert any(name.endswith(".js") for name in shipped) and "rnnviz/_app/pages/scale_sweep.py" in shipped
    assert "rnnviz = rnnviz.__main__:main" in entry_points


def is_source(path: Path) -> bool:
    return path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"


def test_installed_command_lists_and_exports_outside_the_checkout(installed, elsewhere):
    where = run([installed / "python", "-c", "import rnnviz; print(rnnviz.__file__)"], cwd=elsewhere).stdout.strip()
    assert Path(where).is_relative_to(installed.parent)  # the wheel's rnnviz, not the checkout's
    listed = run([installed / "rnnviz", "list"], cwd=elsewhere).stdout
    assert listed == run([sys.executable, "-m", "rnnviz", "list"]).stdout
    assert run([installed / "python", "-m", "rnnviz", "list"], cwd=elsewhere).stdout == listed
    run([installed / "rnnviz", "export", "book-norms", "--format", "csv", "--out", "norms.csv"], cwd=elsewhere)
    reference = run([sys.executable, "-m", "rnnviz", "export", "book-norms", "--format", "csv", "--out", "-"]).stdout
    assert (elsewhere / "norms.csv").read_text(encoding="utf-8") == reference
    assert len(reference.splitlines()) == 21  # a header and the book's 20 norms
    run([installed / "python", "-m", "pip", "check"], cwd=elsewhere)  # the pinned set meets the declared ranges


def test_installed_command_serves_the_app_outside_the_checkout(installed, elsewhere):
    port = free_port()
    base_url = f"http://{HOST}:{port}"
    command = [installed / "rnnviz", "serve", "--port", port, "--address", HOST,
               "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    log = elsewhere / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen([str(arg) for arg in command], cwd=elsewhere, env=clean_env(), stdout=output,
                                  stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        wait_until_healthy(server, base_url, log)
        # serve replaced itself with the server, which runs the app shipped in the wheel
        cmdline = Path(f"/proc/{server.pid}/cmdline").read_bytes().split(b"\0")
        assert str(installed.parent / "lib").encode() in next(arg for arg in cmdline if arg.endswith(b"app.py"))
        assert b"streamlit" in cmdline
        dom.assert_app_serves_korean(base_url, "scale_sweep")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not is_healthy(base_url)


def test_editable_install_runs_the_checkouts_package_and_app(tmp_path, elsewhere):
    require_build_backend()
    bin_dir = new_venv(tmp_path / "venv")
    run([bin_dir / "python", "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index", "-e", ROOT])
    assert run([bin_dir / "rnnviz", "list"], cwd=elsewhere).stdout == run([sys.executable, "-m", "rnnviz", "list"]).stdout
    found = run([bin_dir / "python", "-c", "from rnnviz import serve; print(serve.app_dir())"], cwd=elsewhere)
    assert Path(found.stdout.strip()) == ROOT


def wait_until_healthy(server: subprocess.Popen, base_url: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not is_healthy(base_url):
        if server.poll() is not None or time.monotonic() > deadline:
            state = f"exited with {server.returncode}" if server.poll() is not None else "is not healthy"
            raise AssertionError(f"rnnviz serve {state}; its output:\n{log.read_text(encoding='utf-8')[-4000:]}")
        time.sleep(0.2)
