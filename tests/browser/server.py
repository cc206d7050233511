"""Start a Streamlit app on a free loopback port, wait until it is healthy, and stop it.

Used by the browser tests' session fixture and by ``bench/bench_pages.py``. The command is the
README's ``streamlit run app.py`` plus the flags a headless test run needs.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
START_TIMEOUT = 90.0  # seconds until /_stcore/health must answer "ok"


def free_port() -> int:
    """A TCP port on the loopback interface that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def streamlit_command(script: str, port: int) -> list[str]:
    """``streamlit run <script>`` (with this interpreter) for a headless server on ``HOST:port``."""
    return [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.headless", "true", "--server.port", str(port), "--server.address", HOST,
    ]  # usage statistics are off in .streamlit/config.toml (tests/browser/test_offline.py checks no request leaves)


def is_healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except OSError:
        return False


@contextlib.contextmanager
def running_app(script: str = "app.py", cwd: Path = ROOT) -> Iterator[str]:
    """Run ``script`` with Streamlit; yields its base URL (``http://127.0.0.1:<port>``).

    Raises ``RuntimeError`` with the server's output if it exits or is not healthy in time. The
    server is terminated (then killed) on exit, also when the body raised.
    """
    port = free_port()
    base_url = f"http://{HOST}:{port}"
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        process = subprocess.Popen(
            streamlit_command(script, port), cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while not is_healthy(base_url):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    state = f"exited with {process.returncode}" if process.poll() is not None else "not healthy"
                    raise RuntimeError(
                        f"streamlit run {script} on port {port} {state} after "
                        f"{START_TIMEOUT:.0f} s at most; its output:\n{log.read()[-4000:]}"
                    )
                time.sleep(0.2)
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
