"""A site served below a path (https://host/belangen/, as on many static hosts) builds, passes the
link guard, and its language switch and search work there."""

from __future__ import annotations

import pathlib
import urllib.parse

import pytest

from tests.helpers import REPO, build, free_port, pick_language, serve


@pytest.fixture(scope="module")
def subpath_server(tmp_path_factory):
    port = free_port()
    www = tmp_path_factory.mktemp("www")
    result = build(REPO, www / "belangen", f"http://127.0.0.1:{port}/belangen/")
    assert result.returncode == 0, result.stderr[-3000:]
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
