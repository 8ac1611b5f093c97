"""Helpers for the tests: building the site (also from a scratch copy) and serving it locally."""

from __future__ import annotations

import functools
import http.server
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import threading

REPO = pathlib.Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
# What a scratch copy of the project needs to build.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data", "worksheets")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_env(site_url: str | None = None) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("MKDOCS_STRICT", None)
    if site_url:
        env["SITE_URL"] = site_url
    return env


def build(project: pathlib.Path, site_dir: pathlib.Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder; never with -q (it hides strict warnings)."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env=build_env(site_url),
        capture_output=True,
        text=True,
        timeout=600,
    )


def scratch_copy(target: pathlib.Path) -> pathlib.Path:
    """A copy of the project to break on purpose (the worksheet cache comes along, to save time)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, target / part)
    if (REPO / ".cache").is_dir():
        shutil.copytree(REPO / ".cache", target / ".cache")
    return target


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves a built site like a static host: a missing page gets that language's 404 page."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        page = "en/404.html" if self.path.startswith("/en/") else "404.html"
        body = (pathlib.Path(self.directory) / page).read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(site: pathlib.Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_StaticHost, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
