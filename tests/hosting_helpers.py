"""Helpers for the hosting tests: the built site behind real nginx with the configuration the build
wrote (hooks/hosting/preview.py, the same code as `make preview`), plain HTTP requests, and a
recorder of what a browser page reports (security policy violations, console errors, failed
requests)."""

from __future__ import annotations

import contextlib
import dataclasses
import http.client
import urllib.parse

import pytest

from hooks.hosting import preview
from tests.helpers import free_port

NGINX_HOST = "127.0.0.2"


@pytest.fixture(scope="session")
def nginx_server(built_site, port):
    """The session's built site behind nginx; the base URL. The site is built for
    http://127.0.0.1:<port>/, where the Python host of the other tests listens; nginx listens on
    the same port of 127.0.0.2. Material takes scheme and host of sitemap URLs from the page and
    keeps their port, so instant navigation engages here too; all of 127.0.0.0/8 is a secure
    context (service workers)."""
    with _nginx(built_site, host=NGINX_HOST, port=port) as url:
        yield url


@pytest.fixture(scope="module")
def nginx_local(built_site):
    """The built site on nginx at 127.0.0.1 and a free port (Lighthouse counts 127.0.0.1 as a secure
    origin, like localhost, but not 127.0.0.2); the base URL."""
    with _nginx(built_site, port=free_port()) as url:
        yield url


@contextlib.contextmanager
def _nginx(site, **where):
    """`site` on nginx (hooks/hosting/preview.py); the base URL. A preview that cannot start fails
    the test with its reason."""
    try:
        with preview.running(site, **where) as server:
            yield server.url
    except preview.PreviewError as exc:
        pytest.fail(str(exc))


@dataclasses.dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name, "")


def get(url: str, *, encoding: str | None = None, headers: dict | None = None) -> Reply:
    """One GET without following redirects; `encoding` is the Accept-Encoding to send."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        sent = {**(headers or {}), "Accept-Encoding": encoding or "identity"}
        conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=sent)
        response = conn.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        conn.close()


# --- what a page reports ----------------------------------------------------------------------------

_LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective);
  window.__reportViolation({
    page: location.href, directive: e.violatedDirective, blocked: e.blockedURI,
    sample: e.sample, source: e.sourceFile + ':' + e.lineNumber,
  });
});
"""


@dataclasses.dataclass
class Recorder:
    """Security policy violations (reported by the page itself, through a binding that survives
    navigation), console errors, uncaught exceptions and failed requests of a browser context."""

    violations: list[dict] = dataclasses.field(default_factory=list)
    errors: list[str] = dataclasses.field(default_factory=list)
    failed: list[str] = dataclasses.field(default_factory=list)
    expected_404: set[str] = dataclasses.field(default_factory=set)

    def attach(self, context) -> None:
        context.expose_function("__reportViolation", lambda v: self.violations.append(v))
        context.add_init_script(_LISTEN)
        context.on("page", self.watch)
        for page in context.pages:
            self.watch(page)

    def watch(self, page) -> None:
        page.on("console", lambda m: self._console(page, m))
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: uncaught {e}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _console(self, page, message) -> None:
        if message.type != "error":
            return
        if message.text.startswith("Failed to load resource") and message.location.get("url") in self.expected_404:
            return  # the 404 page of a missing address we asked for on purpose
        self.errors.append(f"{page.url}: {message.text}")

    def _failed(self, request) -> None:
        if request.failure != "net::ERR_ABORTED":  # cancelled by the next navigation, not failed
            self.failed.append(f"{request.url}: {request.failure}")

    def _response(self, response) -> None:
        if response.status >= 400 and not (response.status == 404 and response.url in self.expected_404):
            self.failed.append(f"{response.status} {response.url}")

    def report(self) -> str:
        lines = [f"violation {v}" for v in self.violations]
        lines += [f"console {e}" for e in self.errors]
        lines += [f"request {f}" for f in self.failed]
        return "\n".join(lines)


@contextlib.contextmanager
def recorded_context(browser, **options):
    """A fresh browser context with a Recorder attached: (context, recorder)."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
    recorder = Recorder()
    recorder.attach(context)
    try:
        yield context, recorder
    finally:
        context.close()
