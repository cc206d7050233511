"""The Docker image, built and started with podman: its own command serves the app, its own health
check passes, and a page works in Chromium. (tests/test_dockerfile.py checks the file statically.)

Every step runs as a user's `docker build` / `docker run` would, as far as the machine allows; where
it does not, the test takes the nearest step that works and says so in a warning (pytest's warnings
summary), never silently:

- The base is python:3.11-slim when podman has it or can pull it. Where it cannot (no access to
  Docker Hub), the test builds a stand-in as root with debootstrap: a minimal Debian bookworm (the
  Debian of python:3.11-slim) with Debian's Python 3.11, passed as the Dockerfile's PYTHON_IMAGE.
- Containers (the build's RUN steps too) start with podman's defaults where the machine accepts them;
  where it refuses them (e.g. a sandbox that denies raising resource limits, or a cgroup layout crun
  does not support), with the first set of flags that starts a container here.

Nothing is kept between runs: the base the test made or pulled, the image and the container are
removed afterwards, and the build uses no cache. Without podman the tests skip, saying why.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import tempfile
import time
import uuid
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser import streamlit_dom as dom
from tests.browser.server import free_port, is_healthy

ROOT = Path(__file__).resolve().parents[1]
PODMAN = shutil.which("podman")
BASE = "docker.io/library/python:3.11-slim"
# The stand-in base: Debian's release under python:3.11-slim, with its Python 3.11 and venv.
SUITE = "bookworm"
MIRROR = "http://deb.debian.org/debian"
STAND_IN_PACKAGES = "python3,python3-venv,python-is-python3,ca-certificates"
STAND_IN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"  # as python:3.11-slim sets it
LOCAL_CAS = Path("/usr/local/share/ca-certificates")  # certificate authorities this machine adds to Debian's
# podman 4.3 lowers its own process limit to 32768 before it starts the container runtime, and a
# runtime without CAP_SYS_RESOURCE cannot raise a limit above its own.
PODMAN_NPROC = 32768
HOST = "127.0.0.1"
START_TIMEOUT = 120.0  # seconds until the container's server must answer /_stcore/health
USER = "10001:10001"

pytestmark = [
    pytest.mark.timeout(1800),
    pytest.mark.skipif(PODMAN is None, reason="no container builder: podman is not installed "
                       "(apt-get install podman runc debootstrap, as .ci/run does)"),
]


class ImageNotice(UserWarning):
    """A step of the smoke test that differs from a user's docker build / docker run, and why."""


def notice(message: str) -> None:
    print(f"docker image smoke test: {message}")
    warnings.warn(ImageNotice(message), stacklevel=2)


def podman(*args, timeout: float = 300, check: bool = True, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([PODMAN, *map(str, args)], capture_output=True, text=True, timeout=timeout,
                            stdin=kwargs.pop("stdin", subprocess.DEVNULL), **kwargs)
    if check:
        assert result.returncode == 0, f"podman {' '.join(map(str, args))}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


@dataclass
class Image:
    tag: str
    base: str
    flags: list[str]  # podman flags for starting a container on this machine


def base_image(workdir: Path) -> tuple[str, bool]:
    """The base to build on, and whether this test made or pulled it (and so removes it afterwards)."""
    if podman("image", "exists", BASE, check=False).returncode == 0:
        return BASE, False
    pulled = podman("pull", "--quiet", BASE, timeout=900, check=False)
    if pulled.returncode == 0:
        return BASE, True
    reason = last_line(pulled.stderr)
    if os.geteuid() != 0 or shutil.which("debootstrap") is None:
        pytest.skip(f"{BASE} cannot be pulled ({reason}), and a stand-in base needs root and debootstrap")
    notice(f"{BASE} cannot be pulled ({reason}); building on a stand-in: Debian {SUITE} with Debian's "
           f"Python 3.11 (debootstrap --variant=minbase), as PYTHON_IMAGE")
    return stand_in_base(workdir), True


def stand_in_base(workdir: Path) -> str:
    rootfs = workdir / "rootfs"
    started = time.monotonic()
    result = subprocess.run(
        ["debootstrap", "--variant=minbase", f"--include={STAND_IN_PACKAGES}", SUITE, str(rootfs), MIRROR],
        capture_output=True, text=True, timeout=1200, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, f"debootstrap failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    changes = [f"ENV=PATH={STAND_IN_PATH}", "ENV=LANG=C.UTF-8", 'CMD=["python3"]']
    authorities = sorted(LOCAL_CAS.glob("*.crt"))
    if authorities:
        # The build's pip reaches PyPI as this machine does: through the same trusted authorities.
        for certificate in authorities:
            shutil.copy(certificate, rootfs / "usr/local/share/ca-certificates" / certificate.name)
        subprocess.run(["chroot", str(rootfs), "update-ca-certificates"], check=True, capture_output=True, timeout=120)
        changes.append("ENV=PIP_CERT=/etc/ssl/certs/ca-certificates.crt")
        notice(f"this machine trusts {len(authorities)} certificate authorities of its own ({LOCAL_CAS}); "
               "the stand-in base trusts them too, and its pip uses the system's certificates")
    for cache in ("var/cache/apt/archives", "var/lib/apt/lists"):
        shutil.rmtree(rootfs / cache, ignore_errors=True)
    tag = f"localhost/rnnviz-test-base:{uuid.uuid4().hex[:12]}"
    tar = subprocess.Popen(["tar", "-C", str(rootfs), "-c", "."], stdout=subprocess.PIPE)
    try:
        imported = podman("import", *[arg for change in changes for arg in ("--change", change)], "-", tag,
                          stdin=tar.stdout, timeout=600, check=False)
    finally:
        tar.stdout.close()
        tar.wait(timeout=600)
    shutil.rmtree(rootfs, ignore_errors=True)
    assert imported.returncode == 0 and tar.returncode == 0, imported.stderr[-3000:]
    print(f"docker image smoke test: stand-in base {tag} made in {time.monotonic() - started:.0f} s")
    return tag


def container_flags(base: str) -> list[str]:
    """Flags under which a container starts here: none if podman's defaults work, else the first that does."""
    nofile = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    nproc = resource.getrlimit(resource.RLIMIT_NPROC)[1]
    nproc = PODMAN_NPROC if nproc == resource.RLIM_INFINITY else min(nproc, PODMAN_NPROC)
    limits = ["--ulimit", f"nofile={nofile}:{nofile}", "--ulimit", f"nproc={nproc}:{nproc}"]
    attempts = [[], limits] + ([["--runtime", "runc", *limits]] if shutil.which("runc") else [])
    failures = []
    for flags in attempts:
        result = podman("run", "--rm", *flags, base, "true", timeout=120, check=False)
        if result.returncode == 0:
            if failures:
                notice(f"a container with {' and '.join(failures)} does not start here; "
                       f"the build and the container use {' '.join(flags)}")
            return flags
        failures.append(f"{' '.join(flags) or 'podman defaults'} ({last_line(result.stderr)})")
    raise AssertionError(f"no container starts here: {'; '.join(failures)}")


@pytest.fixture(scope="module")
def image():
    with tempfile.TemporaryDirectory(prefix="rnnviz-image-") as workdir:
        base, made_base = base_image(Path(workdir))
    tag = f"localhost/rnnviz-test:{uuid.uuid4().hex[:12]}"
    try:
        flags = container_flags(base)
        # --format docker keeps the HEALTHCHECK (podman's default OCI format drops it; Docker keeps it).
        build = ["build", "--format", "docker", "--layers=false", "--no-cache", *flags, "--tag", tag]
        if base != BASE:
            build += ["--build-arg", f"PYTHON_IMAGE={base}"]
        started = time.monotonic()
        podman(*build, ROOT, timeout=1500)
        sizes = {name: int(podman("image", "inspect", "--format", "{{.Size}}", name).stdout) for name in (tag, base)}
        print(f"docker image smoke test: built in {time.monotonic() - started:.0f} s; image {sizes[tag] / 1e6:.0f} MB "
              f"(base {sizes[base] / 1e6:.0f} MB)")
        yield Image(tag, base, flags)
    finally:
        podman("rmi", "--force", tag, check=False)
        if made_base:
            podman("rmi", "--force", base, check=False)


def test_image_runs_rnnviz_serve_as_a_numeric_user_with_an_exec_form_health_check(image):
    inspected = json.loads(podman("image", "inspect", image.tag).stdout)[0]
    config = inspected["Config"]
    assert config["User"] == USER
    assert config["Cmd"][:2] == ["rnnviz", "serve"]
    test = (inspected.get("Healthcheck") or config["Healthcheck"])["Test"]  # podman lists it beside Config
    assert test[:3] == ["CMD", "python", "-c"] and "/_stcore/health" in test[3]
    assert "8501/tcp" in config["ExposedPorts"]


def test_container_serves_health_and_a_page_and_passes_its_health_check(image):
    port = free_port()
    base_url = f"http://{HOST}:{port}"
    name = f"rnnviz-test-{uuid.uuid4().hex[:12]}"
    podman("run", "--detach", "--name", name, "--publish", f"{HOST}:{port}:8501", *image.flags, image.tag)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not is_healthy(base_url):
            state = podman("inspect", "--format", "{{.State.Status}}", name).stdout.strip()
            if state != "running" or time.monotonic() > deadline:
                logs = podman("logs", name, check=False)
                raise AssertionError(f"container {state}, not healthy; its output:\n{(logs.stdout + logs.stderr)[-4000:]}")
            time.sleep(0.5)
        assert podman("healthcheck", "run", name, check=False).returncode == 0  # the image's own HEALTHCHECK
        assert podman("exec", name, "id", "-u").stdout.strip() == USER.split(":")[0]
        where = podman("exec", name, "python", "-c", "import rnnviz; print(rnnviz.__file__)").stdout
        assert where.startswith("/opt/venv/lib/")
        assert podman("exec", name, "test", "-e", "/src", check=False).returncode == 1  # no source tree
        dom.assert_app_serves_korean(base_url, "vanishing_exploding")
        podman("stop", "--time", "20", name, timeout=60)
        # The server is the container's first process and stops on SIGTERM.
        assert podman("inspect", "--format", "{{.State.ExitCode}}", name).stdout.strip() == "0"
    finally:
        podman("rm", "--force", name, check=False)
