"""External links are checked only on request: dead ones are listed with their page, answers are
cached, and a flaky server gets retries. Only a local server on 127.0.0.1 is ever contacted."""

from __future__ import annotations

import http.server
import threading

import pytest

from hooks.linkcheck.external import check_external


class _Handler(http.server.BaseHTTPRequestHandler):
    calls: dict[str, int] = {}

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.calls[self.path] = self.calls.get(self.path, 0) + 1
        if self.path == "/ok":
            code = 200
        elif self.path == "/flaky":
            code = 503 if self.calls[self.path] == 1 else 200
        else:
            code = 404
        self.send_response(code)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def local_server():
    _Handler.calls = {}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_dead_external_links_are_listed_with_their_page_and_good_ones_cached(tmp_path, local_server):
    site = tmp_path / "site"
    (site / "over").mkdir(parents=True)
    links = "".join(f'<a href="{local_server}{p}">x</a>' for p in ("/ok", "/gone", "/flaky"))
    (site / "over/index.html").write_text(f"<html><body>{links}</body></html>", encoding="utf-8")
    cache = tmp_path / "cache/external.json"
    kwargs = {"site_url": "https://belangenoptafel.example.org/", "cache_file": cache, "timeout": 2, "retries": 1}

    results = {r.url.rsplit("/", 1)[-1]: r for r in check_external(site, **kwargs)}
    assert results["ok"].ok and results["flaky"].ok
    assert not results["gone"].ok and results["gone"].status == "HTTP 404"
    assert "docs/nl/over.md" in str(results["gone"])
    assert _Handler.calls["/flaky"] == 2  # retried once

    again = {r.url.rsplit("/", 1)[-1]: r for r in check_external(site, **kwargs)}
    assert again["ok"].cached and not again["gone"].cached  # a dead link is asked again next time
    assert _Handler.calls["/ok"] == 1
