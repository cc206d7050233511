"""deploy/nginx.conf: nginx accepts it, the local launcher changes only what it says it changes, and its
body limit lets the largest upload of the weights page through."""

from __future__ import annotations

import difflib
import re
import subprocess

from deploy.run_local import MAIN_CONF, NGINX, SITE_CONF, site_config
from rnnviz import weights

MULTIPART_OVERHEAD = 64 * 1024  # the form's boundary and headers around the file


def test_nginx_accepts_the_site_file_as_the_launcher_runs_it(tmp_path):
    (tmp_path / "rnnviz.conf").write_text(site_config([8501, 8502, 8503], 8080, tmp_path), encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(MAIN_CONF.format(work=tmp_path), encoding="utf-8")
    result = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr


def test_the_launcher_rewrites_only_listen_the_servers_and_the_log_folder(tmp_path):
    shipped = SITE_CONF.read_text(encoding="utf-8").splitlines()
    rendered = site_config([1111, 2222, 3333], 4444, tmp_path).splitlines()
    changed = [line for line in difflib.unified_diff(shipped, rendered, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert sorted(changed) == sorted([
        "-    listen 80;", "+    listen 127.0.0.1:4444;",
        "-    server 127.0.0.1:8501;", "-    server 127.0.0.1:8502;",
        "+    server 127.0.0.1:1111;", "+    server 127.0.0.1:2222;", "+    server 127.0.0.1:3333;",
        "-    access_log /var/log/nginx/rnnviz.access.log rnnviz;",
        f"+    access_log {tmp_path}/rnnviz.access.log rnnviz;",
    ])


def test_the_body_limit_admits_the_largest_upload():
    limit = re.search(r"client_max_body_size (\d+)m;", SITE_CONF.read_text(encoding="utf-8"))
    assert limit and int(limit.group(1)) * 2**20 >= weights.MAX_BYTES + MULTIPART_OVERHEAD
