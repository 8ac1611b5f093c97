"""Helpers for the tests: building the site (also from a scratch copy) and serving it locally."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import mimetypes
import os
import pathlib
import posixpath
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.parse

REPO = pathlib.Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
# What a scratch copy of the project needs to build.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data", "worksheets", "templates")


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


def build(
    project: pathlib.Path, site_dir: pathlib.Path, site_url: str | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder; never with -q (it hides strict warnings).
    `env`: extra environment variables."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env={**build_env(site_url), **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )


def history_env() -> dict:
    """Environment that lets a build of a scratch copy read this checkout's git history, so that
    its pages carry the same 'last updated' dates as a build of the checkout itself."""
    git_dir = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--absolute-git-dir"], capture_output=True, text=True, check=True
    ).stdout.strip()
    return {"GIT_DIR": git_dir}


@contextlib.contextmanager
def running(cmd: list[str], cwd: pathlib.Path, env: dict):
    """A long-running command (a dev server) in its own process group, output in proc.stdout;
    the whole group is stopped on exit."""
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:  # a test may have stopped it already
            os.killpg(proc.pid, signal.SIGTERM)
            try:  # generous: `make` waits for its children, and they stop servers gracefully
                proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=30)
                raise AssertionError(f"{cmd} did not stop within 120 s of SIGTERM") from None


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


# What a static host compresses; images and fonts are left alone.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class StaticHost(http.server.BaseHTTPRequestHandler):
    """Serves a built site like a static host with compression on: gzip for text types when the
    browser asks for it, `index.html` for folders, and each language's 404 page for missing files."""

    directory = "."
    _cache: dict[tuple[str, bool], bytes] = {}
    _lock = threading.Lock()

    def log_message(self, *args):
        pass

    def _resolve(self) -> pathlib.Path | None:
        root = pathlib.Path(self.directory)
        path = posixpath.normpath(urllib.parse.unquote(urllib.parse.urlsplit(self.path).path))
        target = (root / path.lstrip("/")).resolve()
        if root.resolve() not in (target, *target.parents):
            return None
        if target.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return target  # redirect below
            target = target / "index.html"
        return target if target.is_file() else None

    def _body(self, file: pathlib.Path, compress: bool) -> bytes:
        key = (str(file), compress)
        with self._lock:
            if key not in self._cache:
                raw = file.read_bytes()
                self._cache[key] = gzip.compress(raw, compresslevel=6, mtime=0) if compress else raw
            return self._cache[key]

    def _send(self, status: int, file: pathlib.Path):
        ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = wants_gzip and ctype.startswith(COMPRESSIBLE)
        body = self._body(file, compress)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                # The browser went on before the file arrived (a page swapped in while a module was
                # on its way): a host logs it and serves the next request, and so does this one.
                self.close_connection = True

    def do_GET(self):
        file = self._resolve()
        if file is not None and file.is_dir():
            self.send_response(301)
            self.send_header("Location", urllib.parse.urlsplit(self.path).path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if file is None:
            lang_404 = "en/404.html" if self.path.startswith("/en/") else "404.html"
            self._send(404, pathlib.Path(self.directory) / lang_404)
            return
        self._send(200, file)

    do_HEAD = do_GET


def serve(site: pathlib.Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """Serve `site` on 127.0.0.1 like a static host (port 0: any free port; see `server_port`)."""
    handler = type("Host", (StaticHost,), {"directory": str(site), "_cache": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def wait_for_path(page, path: str, timeout: int = 10_000) -> None:
    """Wait until the browser is at `path` and that page has loaded; fail with the path it is at.
    (Waiting for 'load' alone returns at once when the old page is still showing.)"""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function("p => location.pathname === p", arg=path, timeout=timeout)
    except PlaywrightTimeout:
        raise AssertionError(f"expected to arrive at {path}, but the browser is at {page.url}") from None
    page.wait_for_load_state("load")


# Material closes search and the drawer 125 ms after every change of address or anchor
# (`merge(location$, target$).pipe(delay(125))` in its bundle). A test that opens search right after
# an instant navigation can see it closed under its fingers (the results are there, but hidden).
# This watcher starts a longer timer on the same emissions, after Material's: timers fire in the
# order they fall due, however busy the machine, so once ours have run, Material's have too.
_SETTLE_WATCH = """() => {
  window.__sameDocument = true;
  window.__navSeen = 0;
  window.__navPending = 0;
  for (const stream of [window.location$, window.target$]) {
    let now = true;  // location$ replays the current address at once: not a change
    stream.subscribe(() => {
      if (now) return;
      window.__navSeen++;
      window.__navPending++;
      setTimeout(() => window.__navPending--, 250);
    });
    now = false;
  }
}"""


def instant_click(page, selector: str, path: str, timeout: int = 10_000) -> None:
    """Click a link that instant navigation handles; return once the page at `path` is shown and
    Material has finished reacting to the move (see _SETTLE_WATCH). Fails on a full page load."""
    page.evaluate(_SETTLE_WATCH)
    page.click(selector)
    wait_for_path(page, path, timeout)
    page.wait_for_function("() => window.__navSeen > 0 && window.__navPending === 0", timeout=timeout)
    assert page.evaluate("window.__sameDocument === true"), "a full page load: instant navigation did not engage"


def pick_language(page, lang: str, expected_path: str) -> None:
    """Open the header's language menu, choose `lang` and wait for the page at `expected_path`."""
    page.hover(".md-header .md-select")
    page.click(f".md-header a.md-select__link[hreflang={lang}]")
    wait_for_path(page, expected_path)


# --- misuse in the browser (issue #22) -------------------------------------------------------------

# Every name Object.prototype has: a lookup keyed by text from a link or storage must not find them.
PROTOTYPE_NAMES = [
    "constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
    "toLocaleString", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
]  # fmt: skip

# A browser whose storage is full: every write is refused, reading works.
FULL_STORAGE = """Storage.prototype.setItem = function () {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};"""
