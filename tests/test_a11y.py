"""Accessibility, in Debian's Chromium: axe-core (WCAG 2.0/2.1 A and AA plus best practices) finds
nothing on any built page in either language, 404 pages included; and the site works by keyboard
(skip link, language switch, search)."""

from __future__ import annotations

import contextlib
import urllib.parse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.helpers import wait_for_path
from tests.quality_helpers import axe_violations, format_violations, not_found_paths, page_paths, shared_page

__all__ = ["shared_page"]  # a fixture, used by name below


def _axe_over(page, server: str, paths: list[str]) -> dict[str, list[dict]]:
    found = {}
    for path in paths:
        violations = axe_violations(page, server + path)
        if violations:
            found[path] = violations
    return found


def _pages(built_site, english: bool) -> list[str]:
    paths = [p for p in page_paths(built_site) if p.startswith("en/") == english]
    return paths


def test_the_site_has_the_same_pages_in_both_languages(built_site):
    dutch, english = _pages(built_site, english=False), _pages(built_site, english=True)
    assert len(dutch) >= 40, f"only {len(dutch)} Dutch pages found in the build"
    assert ["en/" + p for p in dutch] == english


@pytest.mark.parametrize("english", [False, True], ids=["nl", "en"])
def test_axe_finds_no_violation_on_any_page(built_site, server, shared_page, english):
    paths = _pages(built_site, english)
    found = _axe_over(shared_page, server, paths)
    assert not found, f"axe-core: violations on {len(found)} of {len(paths)} pages\n" + format_violations(found)


def test_axe_finds_no_violation_on_either_404_page(built_site, server, shared_page):
    paths = not_found_paths(built_site)
    assert paths == ["404.html", "en/404.html"]
    found = _axe_over(shared_page, server, paths)
    # And as a reader meets them: a missing address in each language.
    for path in ("bestaat-niet/", "en/does-not-exist/"):
        violations = axe_violations(shared_page, server + path)
        if violations:
            found[path] = violations
    assert not found, "axe-core: violations on the 404 pages\n" + format_violations(found)


# --- keyboard ------------------------------------------------------------------------------------


def _focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {
                tag: el.tagName.toLowerCase(),
                cls: el.className || "",
                href: el.getAttribute("href") || "",
                hreflang: el.getAttribute("hreflang") || "",
                label: el.getAttribute("aria-label") || "",
                inContent: !!el.closest(".md-content"),
                visible: !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length),
            };
        }"""
    )


def _tab_until(page, predicate, limit: int = 60) -> dict:
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = _focused(page)
        if predicate(info):
            return info
        seen.append(f"{info['tag']}.{info['cls']} {info['href'] or info['label']}".strip())
    pytest.fail(f"not reached in {limit} Tab presses; focus went: " + " | ".join(seen[:25]))


@pytest.mark.parametrize("path", ["gesprekken/kerngesprek/", "en/gesprekken/kerngesprek/"])
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(server, page, path):
    page.goto(server + path)
    page.keyboard.press("Tab")
    first = _focused(page)
    assert "md-skip" in first["cls"], f"first Tab stop is {first}, not the skip link"
    assert first["visible"], "the skip link is not visible when focused"
    page.keyboard.press("Enter")
    with contextlib.suppress(PlaywrightTimeout):  # the assertion below says where focus went instead
        page.wait_for_function("() => !!document.activeElement.closest('.md-content')", timeout=10_000)
    landed = _focused(page)
    assert landed["inContent"], f"after the skip link, focus is on {landed}, not in the content"
    # The next Tab stop lies in the content, past the header, tabs and navigation.
    page.keyboard.press("Tab")
    after = _focused(page)
    assert after["inContent"], f"after the skip link, Tab went to {after}, outside the content"


@pytest.mark.parametrize(
    ("path", "lang", "expected"),
    [
        ("gesprekken/kerngesprek/", "en", "/en/gesprekken/kerngesprek/"),
        ("en/gesprekken/kerngesprek/", "nl", "/gesprekken/kerngesprek/"),
    ],
)
def test_language_switch_works_with_the_keyboard_and_lands_on_the_twin(server, page, path, lang, expected):
    page.goto(server + path)
    button = _tab_until(page, lambda f: f["tag"] == "button" and f["label"] in ("Selecteer taal", "Select language"))
    assert button["visible"]
    page.keyboard.press("Enter")
    choice = _tab_until(page, lambda f: f["hreflang"] == lang, limit=5)
    assert choice["visible"], "the language choice has keyboard focus but is not shown"
    page.keyboard.press("Enter")
    wait_for_path(page, expected)
    assert urllib.parse.urlsplit(page.url).path == expected
    assert page.evaluate("document.documentElement.lang") == lang


@pytest.mark.parametrize(("path", "query"), [("", "kerngesprek"), ("en/", "core session")])
def test_search_opens_with_slash_and_results_are_reached_with_arrow_keys(server, page, path, query):
    page.goto(server + path)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    # Material reads the query on keyup: the whole query in one go, then one keyup, so the first
    # results drawn are the final ones (typed letter by letter, a later letter's results could
    # replace the list while ArrowDown moved into it; it failed so on a loaded machine).
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.wait_for_function(
        "q => document.querySelector('.md-search__input').value === q"
        " && document.querySelector('.md-search-result__item') !== null",
        arg=query,
        timeout=10_000,
    )
    page.keyboard.press("ArrowDown")
    result = _focused(page)
    assert result["tag"] == "a" and "md-search-result__link" in result["cls"], f"ArrowDown focused {result}"
    target = urllib.parse.urlsplit(urllib.parse.urljoin(page.url, result["href"])).path
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.pathname === {target!r}", timeout=10_000)
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')") is False
