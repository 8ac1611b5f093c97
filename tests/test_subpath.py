"""A site served below a path (https://host/belangen/, as on many static hosts) builds, passes the
link guard, and its language switch and search work there; on nginx with the generated block too,
with its 404 pages, and the service worker keeps it offline below that path."""

from __future__ import annotations

import pathlib
import urllib.parse

import pytest

from hooks.hosting import preview
from tests.helpers import REPO, build, free_port, pick_language, serve
from tests.hosting_helpers import NGINX_HOST, get


@pytest.fixture(scope="module")
def subpath_build(tmp_path_factory):
    """The site built for http://127.0.0.1:<port>/belangen/ into <www>/belangen: (www, port)."""
    port = free_port()
    www = tmp_path_factory.mktemp("www")
    result = build(REPO, www / "belangen", f"http://127.0.0.1:{port}/belangen/")
    assert result.returncode == 0, result.stderr[-3000:]
    return www, port


@pytest.fixture(scope="module")
def subpath_server(subpath_build):
    www, port = subpath_build
    httpd = serve(www, port)
    yield f"http://127.0.0.1:{port}/belangen/"
    httpd.shutdown()


def test_language_switch_below_a_path_keeps_page_and_section(subpath_server, page):
    page.goto(subpath_server + "gesprekken/kerngesprek/#verloop")
    pick_language(page, "en", "/belangen/en/gesprekken/kerngesprek/")
    parts = urllib.parse.urlsplit(page.url)
    assert parts.path == "/belangen/en/gesprekken/kerngesprek/" and parts.fragment == "verloop"
    pick_language(page, "nl", "/belangen/gesprekken/kerngesprek/")
    assert urllib.parse.urlsplit(page.url).path == "/belangen/gesprekken/kerngesprek/"


def test_search_below_a_path_stays_in_its_language(subpath_server, page):
    page.goto(subpath_server + "en/")
    page.keyboard.press("/")
    page.keyboard.type("interests", delay=40)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    hits = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    assert hits and all(urllib.parse.urlsplit(h).path.startswith("/belangen/en/") for h in hits), hits
    assert pathlib.PurePosixPath(urllib.parse.urlsplit(hits[0]).path).parts[1] == "belangen"


def test_nginx_serves_a_site_below_a_path_with_the_generated_block_and_it_works_offline(subpath_build, browser):
    www, port = subpath_build
    with preview.running(www / "belangen", site_path="/belangen/", host=NGINX_HOST, port=port) as nginx:
        base = nginx.url
        assert base.endswith("/belangen/")
        missing = get(base + "en/does/not/exist/")
        assert missing.status == 404 and b'<html lang="en"' in missing.body
        assert get(base + "bestaat/niet/").status == 404
        assert get(base + "methode").header("Location") == "/belangen/methode/"
        assert get(base + "_headers").status == 404
        page_reply = get(base + "gesprekken/kerngesprek/", encoding="br")
        assert page_reply.status == 200 and page_reply.header("Content-Encoding") == "br"
        assert page_reply.header("Content-Security-Policy")
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(base + "gesprekken/kerngesprek/")
            page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
            scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
            assert scope == base
            page.goto(base + "methode/")
            page.wait_for_function(
                "async (u) => !!(await caches.match(u))", arg=base + "methode/", timeout=60_000, polling=250
            )
            context.set_offline(True)
            response = page.goto(base + "gesprekken/kerngesprek/")
            assert response.status == 200 and response.from_service_worker
        finally:
            context.close()
