"""In Debian's Chromium: the language switch stays on the page (also after instant navigation),
search is per language with Dutch stemming, each language has its own 404 page, and a page view
sends no request to another host and none that fails."""

from __future__ import annotations

import re
import urllib.parse

import pytest

from tests.helpers import instant_click, pick_language


def _path(page) -> str:
    return urllib.parse.urlsplit(page.url).path


@pytest.mark.parametrize(
    ("start", "via", "then", "lang", "expected"),
    [
        ("", "methode/", "methode/waarom/", "en", "/en/methode/waarom/"),
        ("en/", "en/methode/", "en/methode/waarom/", "nl", "/methode/waarom/"),
    ],
)
def test_language_switch_after_instant_navigation_leads_to_the_twin(server, page, start, via, then, lang, expected):
    page.goto(server + start)
    # Two instant navigations away from the first page opened: stock Material + i18n would still
    # send the reader to the twin of the first page.
    instant_click(page, '.md-tabs a.md-tabs__link[href$="methode/"]', "/" + via)
    instant_click(page, '.md-content a[href*="waarom/"]', "/" + then)
    pick_language(page, lang, expected)
    assert _path(page) == expected
    assert page.evaluate("document.documentElement.lang") == lang


@pytest.mark.parametrize(
    ("start", "lang", "expected"),
    [
        ("gesprekken/kerngesprek/#verloop", "en", "/en/gesprekken/kerngesprek/"),
        ("en/gesprekken/kerngesprek/#verloop", "nl", "/gesprekken/kerngesprek/"),
    ],
)
def test_language_switch_keeps_the_section_anchor(server, page, start, lang, expected):
    page.goto(server + start)
    pick_language(page, lang, expected)
    assert _path(page) == expected
    assert urllib.parse.urlsplit(page.url).fragment == "verloop"
    assert page.locator("#verloop").count() == 1


def _search_from(page, url: str, query: str) -> tuple[list[str], list[str]]:
    """Open url, search for query: the result links, and every URL the page requested."""
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(url)
    hits = _search(page, query)
    assert hits, f"no results for {query!r}"
    return hits, requested


def _search(page, query: str) -> list[str]:
    page.keyboard.press("/")
    page.keyboard.type(query, delay=40)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


def test_search_on_a_dutch_page_finds_only_dutch_pages_with_dutch_stemming(server, page):
    hits, requested = _search_from(page, server + "methode/", "belangen")
    assert all(not urllib.parse.urlsplit(h).path.startswith("/en/") for h in hits), hits
    assert any(u.endswith("lunr.nl.min.js") for u in requested), "the Dutch stemmer was not loaded"
    assert not any(u.endswith("lunr.multi.min.js") for u in requested), "search still mixes languages"
    assert any(u.endswith("/search/search_index.json") and "/en/" not in u for u in requested)


def test_search_on_an_english_page_finds_only_english_pages(server, page):
    hits, requested = _search_from(page, server + "en/methode/", "interests")
    assert all(urllib.parse.urlsplit(h).path.startswith("/en/") for h in hits), hits
    assert any(u.endswith("/en/search/search_index.json") for u in requested)


def test_english_search_does_not_return_dutch_pages(server, page):
    page.goto(server + "en/")
    page.keyboard.press("/")
    page.keyboard.type("samenwerkingsverbanden gemeenten", delay=40)
    # Search has answered (a count or "No matching documents"), not merely not answered yet.
    page.wait_for_function(
        "() => /matching document/.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=20_000,
    )
    hits = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    assert all(urllib.parse.urlsplit(h).path.startswith("/en/") for h in hits), hits


@pytest.mark.parametrize(
    ("missing", "lang", "home"),
    [("bestaat/niet/", "nl", "/"), ("en/does/not/exist/", "en", "/en/")],
)
def test_each_language_has_its_own_404_page(server, page, missing, lang, home):
    response = page.goto(server + missing)
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    # Its links work from any depth: the logo leads to the home page of the same language.
    logo = page.get_attribute(".md-header__button.md-logo", "href")
    assert urllib.parse.urlsplit(urllib.parse.urljoin(page.url, logo)).path == home
    other = "en" if lang == "nl" else "nl"
    target = page.get_attribute(f"a.md-select__link[hreflang={other}]", "href")
    assert page.request.get(urllib.parse.urljoin(page.url, target)).status == 200
    # It says so in its own language and offers ways back into the same language.
    heading = page.inner_text(".md-content h1")
    assert ("bestaat niet" in heading) if lang == "nl" else ("does not exist" in heading), heading
    links = page.eval_on_selector_all(".md-content li a", "els => els.map(a => a.href)")
    assert len(links) >= 4 and all(urllib.parse.urlsplit(h).path.startswith(home) for h in links)
    assert all(page.request.get(h).status == 200 for h in links)


def test_a_page_view_stays_on_the_site_and_no_request_fails(server, page):
    seen, failed = [], []
    page.on("request", lambda r: seen.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    page.goto(server + "gesprekken/kerngesprek/")
    page.wait_for_load_state("networkidle")
    instant_click(page, '.md-content a[href*="werkbladen/belangenkaart/"]', "/werkbladen/belangenkaart/")
    page.wait_for_load_state("networkidle")
    page.goto(server + "en/gesprekken/kerngesprek/")
    page.wait_for_load_state("networkidle")
    own = urllib.parse.urlsplit(server).netloc
    foreign = [u for u in seen if urllib.parse.urlsplit(u).netloc not in (own, "") and not u.startswith("data:")]
    assert not foreign, foreign
    assert not failed, failed


def test_heading_permalinks_are_labelled_in_the_page_language(server, page):
    page.goto(server + "en/gesprekken/kerngesprek/")
    label = page.get_attribute("#verloop .headerlink", "aria-label")
    assert label and re.search(r"[Ll]ink", label) and "kopje" not in label


@pytest.mark.parametrize(
    ("path", "message"), [("gesprekken/kerngesprek/", "gekopieerd"), ("en/gesprekken/kerngesprek/", "copied")]
)
def test_the_permalink_of_a_heading_copies_the_address_of_that_section(server, browser, path, message):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    pg = context.new_page()
    try:
        pg.goto(server + path)
        pg.hover("#verloop")
        pg.click("#verloop .headerlink")
        pg.wait_for_selector(".copy-status--visible")
        assert message in pg.inner_text("#copy-status")
        assert pg.evaluate("navigator.clipboard.readText()") == server + path + "#verloop"
        assert pg.url.endswith("#verloop")
    finally:
        context.close()
