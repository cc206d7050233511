"""Run rnnviz as deployed, on one machine: N ``streamlit run app.py`` processes behind nginx at /rnnviz/.

    python deploy/run_local.py --replicas 2 --port 8080     # then open http://127.0.0.1:8080/rnnviz/

Everything listens on 127.0.0.1 only. The app processes get free ports and ``--server.baseUrlPath
rnnviz``; nginx (Debian's ``/usr/sbin/nginx``) runs in the foreground with ``deploy/nginx.conf``,
in which only ``listen``, the upstream's servers and the access log's folder are rewritten, inside
a small main configuration of its own (pid file, logs and temporary files in a temporary folder).
Ctrl-C stops everything. The load tests import :func:`local_deployment` and :func:`app_processes`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
SITE_CONF = Path(__file__).resolve().parent / "nginx.conf"
NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
HOST = "127.0.0.1"
PREFIX = "rnnviz"  # the path prefix of deploy/nginx.conf (and the app's --server.baseUrlPath)
START_TIMEOUT = 90.0  # seconds for an app process or nginx to answer

# The main configuration around the site file: what Debian's /etc/nginx/nginx.conf provides, with every
# path in the run's own folder. One process in the foreground (``master_process off``, a development
# setting): it runs as the user who started it, so it can write its temporary files.
MAIN_CONF = """\
daemon off;
master_process off;
pid {work}/nginx.pid;
error_log {work}/error.log notice;
events {{
    worker_connections 1024;
}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/rnnviz.conf;
}}
"""


@dataclass(frozen=True)
class AppProcess:
    """One ``streamlit run app.py`` process."""

    port: int
    pid: int
    url: str  # its base URL, prefix included (http://127.0.0.1:<port>/rnnviz)
    log: Path  # its standard output and error


@dataclass(frozen=True)
class Deployment:
    """The app processes and the nginx in front of them."""

    url: str  # http://127.0.0.1:<port>/rnnviz
    apps: tuple[AppProcess, ...]
    nginx_pid: int
    access_log: Path
    error_log: Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def site_config(upstream_ports: list[int], port: int, log_dir: Path) -> str:
    """deploy/nginx.conf with ``listen``, the upstream's servers and the access log's folder set for this run."""
    text = SITE_CONF.read_text(encoding="utf-8")
    servers = "".join(f"    server {HOST}:{p};\n" for p in upstream_ports)
    text, upstreams = re.subn(r"(upstream rnnviz \{\n    hash [^\n]*\n)(    server [^\n]*\n)+", rf"\g<1>{servers}", text)
    text, listens = re.subn(r"\n    listen 80;\n", f"\n    listen {HOST}:{port};\n", text)
    text, logs = re.subn(r"/var/log/nginx/", f"{log_dir}/", text)
    if (upstreams, listens, logs) != (1, 1, 1):
        raise RuntimeError(f"{SITE_CONF} no longer has the upstream, listen and access_log lines this script rewrites")
    return text


def streamlit_command(port: int, base_path: str) -> list[str]:
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.address", HOST, "--server.port", str(port), "--browser.gatherUsageStats", "false"]
    return command + (["--server.baseUrlPath", base_path] if base_path else [])


def wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            state = f"exited with {process.returncode}" if process.poll() is not None else "not answering"
            raise RuntimeError(f"{url} {state} after {START_TIMEOUT:.0f} s at most; its log ({log}):\n"
                               + log.read_text(encoding="utf-8", errors="replace")[-3000:])
        time.sleep(0.2)


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@contextlib.contextmanager
def app_processes(count: int, base_path: str = PREFIX, work: Path | None = None) -> Iterator[list[AppProcess]]:
    """``count`` app processes on free loopback ports, healthy; stopped on exit."""
    with contextlib.ExitStack() as stack:
        if work is None:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="rnnviz-apps-")))
        started = []
        try:
            for _ in range(count):
                port = free_port()
                log = work / f"app-{port}.log"
                with log.open("w", encoding="utf-8") as out:
                    process = subprocess.Popen(streamlit_command(port, base_path), cwd=ROOT, stdout=out,
                                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
                url = f"http://{HOST}:{port}" + (f"/{base_path}" if base_path else "")
                started.append((process, AppProcess(port, process.pid, url, log)))
            for process, app in started:
                wait_healthy(app.url, process, app.log)
            yield [app for _, app in started]
        finally:
            for process, _ in started:
                stop(process)


@contextlib.contextmanager
def nginx(upstream_ports: list[int], port: int | None = None, work: Path | None = None) -> Iterator[Deployment]:
    """nginx with deploy/nginx.conf in front of ``upstream_ports``, on ``port`` (a free one by default)."""
    if shutil.which(NGINX) is None:
        raise RuntimeError(f"nginx is required at {NGINX}: `apt-get install nginx` (as .ci/run does)")
    port = port or free_port()
    with contextlib.ExitStack() as stack:
        if work is None:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="rnnviz-nginx-")))
        (work / "rnnviz.conf").write_text(site_config(upstream_ports, port, work), encoding="utf-8")
        (work / "nginx.conf").write_text(MAIN_CONF.format(work=work), encoding="utf-8")
        log = work / "nginx.out"
        with log.open("w", encoding="utf-8") as out:
            process = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf")], stdout=out,
                                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        url = f"http://{HOST}:{port}/{PREFIX}"
        try:
            wait_healthy(url, process, log)
            yield Deployment(url, (), process.pid, work / "rnnviz.access.log", work / "error.log")
        finally:
            stop(process)


@contextlib.contextmanager
def local_deployment(replicas: int = 2, port: int | None = None, work: Path | None = None) -> Iterator[Deployment]:
    """``replicas`` app processes behind nginx, all on loopback; yields where to find them."""
    with contextlib.ExitStack() as stack:
        if work is None:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="rnnviz-deploy-")))
        apps = stack.enter_context(app_processes(replicas, PREFIX, work))
        proxy = stack.enter_context(nginx([app.port for app in apps], port, work))
        yield Deployment(proxy.url, tuple(apps), proxy.nginx_pid, proxy.access_log, proxy.error_log)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2, help="app processes (about one per core)")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port on 127.0.0.1")
    args = parser.parse_args()
    with local_deployment(args.replicas, args.port) as deployment:
        for app in deployment.apps:
            print(f"app process {app.pid} on port {app.port} (log {app.log})")
        print(f"nginx {deployment.nginx_pid}: open {deployment.url}/  (access log {deployment.access_log}); Ctrl-C stops")
        try:
            signal.pause()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
