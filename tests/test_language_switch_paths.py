"""The language switch never leaves the site's origin, whatever the address: on hosts that merge
slashes a page is also served at '//gesprekken/kerngesprek/', and both 404 pages are served at any
missing address. site.js runs to its end there (no script error) and the switch leads to the twin
(or, on a 404 page, to the other language's home page) on the same host."""

from __future__ import annotations

import urllib.parse

import pytest

from tests.helpers import pick_language


def _open(browser, url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until="load")
    return context, page, errors, requests


def _switch_links(page) -> dict[str, str]:
    return page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('a.md-select__link[hreflang]')]"
        ".map(a => [a.getAttribute('hreflang'), a.href]))"
    )


@pytest.mark.parametrize(
    ("path", "lang", "expected"),
    [
        ("//", "en", "/en/"),
        ("//gesprekken/kerngesprek/", "en", "/en/gesprekken/kerngesprek/"),
        ("//en/gesprekken/kerngesprek/", "nl", "/gesprekken/kerngesprek/"),
        ("//en//", "nl", "/"),
    ],
)
def test_the_switch_stays_on_the_site_on_paths_with_doubled_slashes(server, browser, path, lang, expected):
    origin = server.rstrip("/")
    context, page, errors, requests = _open(browser, origin + path)
    try:
        links = _switch_links(page)
        assert links and all(
            urllib.parse.urlsplit(href).netloc == urllib.parse.urlsplit(server).netloc for href in links.values()
        ), links
        assert urllib.parse.urlsplit(links[lang]).path == expected, links
        pick_language(page, lang, expected)
        assert page.url == origin + expected
        assert errors == [], errors
        own = urllib.parse.urlsplit(server).netloc
        assert all(urllib.parse.urlsplit(u).netloc in (own, "") for u in requests if not u.startswith("data:")), (
            requests
        )
    finally:
        context.close()


@pytest.mark.parametrize(
    ("path", "lang", "other", "home"),
    [
        ("bestaat/niet/", "nl", "en", "/en/"),
        ("en/does/not/exist/", "en", "nl", "/"),
        ("/gesprekken/bestaat-niet/", "nl", "en", "/en/"),
    ],
)
def test_on_both_404_pages_site_js_runs_and_the_switch_leads_home_on_the_same_site(
    server, browser, path, lang, other, home
):
    origin = server.rstrip("/")
    context, page, errors, _ = _open(browser, f"{origin}/{path}")
    try:
        assert page.evaluate("document.documentElement.lang") == lang
        assert errors == [], errors
        # refresh() ran: every switch link carries its language; the current one is marked.
        assert page.evaluate("[...document.querySelectorAll('a.md-select__link[hreflang]')].every(a => a.lang)")
        assert page.get_attribute(f"a.md-select__link[hreflang={lang}]", "aria-current") == "true"
        links = _switch_links(page)
        assert links[other] == origin + home, links
        pick_language(page, other, home)
        assert page.url == origin + home
    finally:
        context.close()
