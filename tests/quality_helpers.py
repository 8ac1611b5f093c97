"""Helpers for the quality gates (accessibility, page weight, language): the list of built pages,
a static server that compresses like a real host, axe-core in a page, and a shared browser page."""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import pathlib
import posixpath
import threading
import urllib.parse

import pytest

REPO = pathlib.Path(__file__).resolve().parents[1]
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# What a static host compresses; images and fonts are left alone.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


def page_paths(site: pathlib.Path) -> list[str]:
    """URL paths of every built page (each index.html), both languages, in a stable order."""
    paths = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        paths.append("" if rel == "." else rel + "/")
    return paths


def not_found_paths(site: pathlib.Path) -> list[str]:
    """The 404 page of each language, as built."""
    return [p.relative_to(site).as_posix() for p in (site / "404.html", site / "en" / "404.html") if p.is_file()]


# --- a static host that sends gzip ----------------------------------------------------------------


class GzipStaticHost(http.server.BaseHTTPRequestHandler):
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
            self.wfile.write(body)

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


def serve_gzip(site: pathlib.Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """Serve `site` with gzip on 127.0.0.1 (port 0: any free port; see `server.server_port`)."""
    handler = type("Host", (GzipStaticHost,), {"directory": str(site), "_cache": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# --- first-load weight ----------------------------------------------------------------------------


def first_load(page, url: str) -> list[dict]:
    """Load `url` in a fresh page and return every response of the first load with its status and
    the bytes that went over the wire (body as sent, i.e. compressed, plus headers)."""
    responses = []

    def on_finished(request):
        response = request.response()
        sizes = request.sizes()
        responses.append(
            {
                "url": request.url,
                "status": response.status if response else 0,
                "type": request.resource_type,
                "encoding": (response.headers.get("content-encoding", "") if response else ""),
                "body": sizes["responseBodySize"],
                "headers": sizes["responseHeadersSize"],
            }
        )

    def on_failed(request):
        responses.append(
            {"url": request.url, "status": 0, "type": request.resource_type, "encoding": "", "body": 0, "headers": 0}
        )

    page.on("requestfinished", on_finished)
    page.on("requestfailed", on_failed)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    page.remove_listener("requestfinished", on_finished)
    page.remove_listener("requestfailed", on_failed)
    return responses


# --- axe-core -------------------------------------------------------------------------------------


def require_axe() -> pathlib.Path:
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` in {REPO} (make test does it)")
    return AXE_JS


def axe_violations(page, url: str) -> list[dict]:
    """Open `url`, inject axe-core, run the WCAG 2.1 A/AA and best-practice rules; the violations."""
    page.goto(url, wait_until="load")
    page.add_script_tag(path=str(require_axe()))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')),
            }));
        }""",
        AXE_TAGS,
    )


def format_violations(found: dict[str, list[dict]]) -> str:
    lines = []
    for path, violations in found.items():
        for v in violations:
            more = len(v["targets"]) - 8
            targets = ", ".join(v["targets"][:8]) + (f" (+{more} more)" if more > 0 else "")
            lines.append(f"/{path}: {v['id']} ({v['impact']}): {v['help']} -> {targets}")
    return "\n".join(lines)


# --- fixtures -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_page(browser):
    """One browser page for a whole module (axe over ~100 pages in one tab)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def gzip_server(built_site):
    """The built site behind a gzip-capable static host; the base URL. Its port differs from the
    one the site was built for, which only matters for instant navigation (not used here)."""
    httpd = serve_gzip(built_site)
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
