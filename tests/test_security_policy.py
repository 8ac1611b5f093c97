"""The security policy the build writes holds on real nginx, in Chromium: every kind of page in both
languages, at phone and desktop width, with search, the language switch and a worksheet form in
use, reports no Content-Security-Policy violation, no console error and no failed request; and
the policy bites: script, style and handlers injected into a page are blocked and reported."""

from __future__ import annotations

import pytest

from tests.helpers import pick_language, wait_for_path
from tests.hosting_helpers import nginx_server, recorded_context
from tests.quality_helpers import page_paths

__all__ = ["nginx_server"]  # a fixture, used by name below

# One page of each kind, by its Dutch path (the English one is below /en/). A new kind of page
# (a planner, templates) goes here; test_every_section_of_the_site_is_in_the_tour says when.
PAGE_TYPES = {
    "home": "",
    "method": "methode/",
    "method phase": "methode/op-tafel/",
    "method on one page": "methode/samenvatting/",
    "guides": "gesprekken/",
    "guide": "gesprekken/kerngesprek/",
    "worksheets": "werkbladen/",
    "worksheet": "werkbladen/belangenkaart/",
    "case stories": "praktijk/",
    "case story": "praktijk/jeugdhulp/",
    "glossary": "begrippen/",
    "sources": "bronnen/",
    "about": "over/",
    "templates": "sjablonen/",
    "planner": "plannen/?p=kerngesprek,pauze:15,vrij:20:Koffie&start=13:30&v=1",
    "not found": "bestaat/niet/",
}
SEARCH = {"nl": "belangen", "en": "interests"}
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def _tour(page, base: str, lang: str, recorder) -> None:
    prefix = "" if lang == "nl" else "en/"
    for name, path in PAGE_TYPES.items():
        url = base + prefix + path
        if name == "not found":
            recorder.expected_404.add(url)
        response = page.goto(url, wait_until="load")
        assert response.status == (404 if name == "not found" else 200), f"{name}: {url} gave {response.status}"
        page.wait_for_load_state("networkidle")
        if name == "worksheet":
            field = page.locator(".ws-form input[type=text]").first
            field.fill("Wat ons drijft" if lang == "nl" else "What drives us")
            for box in page.locator(".ws-form textarea").all()[:2]:
                box.fill("…")
            for action in ("pdf", "docx"):  # filled in, made in the browser (fill.js, pdf-lib, fflate)
                with page.expect_download(timeout=120_000):
                    page.click(f"[data-ws-action={action}]")
        if name == "guide":  # a glossary term's tooltip (Material positions it from a script)
            page.locator(".md-content abbr").first.hover()
            page.wait_for_selector(".md-tooltip2--active, .md-tooltip--active", timeout=10_000)
            page.locator(".plan-add button").first.click()  # 'add to plan'
            page.wait_for_selector(".plan-add a[href*='plannen']")
        if name == "templates":  # the copy button (with or without clipboard access)
            page.locator(".md-content button").first.click()
        if name == "planner":  # the plan from the link, its export (fill.js imported on the press), run mode
            page.wait_for_selector("#planner .planner-block")
            page.wait_for_selector("#planner .planner-invitations a")
            for action in ("pdf", "docx"):
                with page.expect_download(timeout=120_000):
                    page.click(f"#planner [data-export={action}]")
            page.locator("#planner button", has_text="Start" if lang == "en" else "Start de").first.click()


def _search(page, base: str, lang: str) -> None:
    page.goto(base + ("" if lang == "nl" else "en/") + "methode/")
    if page.viewport_size["width"] < 960:
        page.click("label[for=__search]")
    else:
        page.keyboard.press("/")
    page.keyboard.type(SEARCH[lang], delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)


def _switch(page, base: str, lang: str) -> None:
    other = "en" if lang == "nl" else "nl"
    start = ("" if lang == "nl" else "en/") + "gesprekken/kerngesprek/"
    page.goto(base + start)
    pick_language(page, other, "/" + ("en/" if other == "en" else "") + "gesprekken/kerngesprek/")
    wait_for_path(page, "/" + ("en/" if other == "en" else "") + "gesprekken/kerngesprek/")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_kind_of_page_keeps_to_the_security_policy(nginx_server, browser, lang, width):
    with recorded_context(browser, viewport=WIDTHS[width]) as (context, recorder):
        page = context.new_page()
        _tour(page, nginx_server, lang, recorder)
        _search(page, nginx_server, lang)
        _switch(page, nginx_server, lang)
        page.wait_for_load_state("networkidle")
        assert not recorder.report(), f"{lang}, {width}:\n{recorder.report()}"


def test_every_section_of_the_site_is_in_the_tour(built_site):
    sections = {path.split("/", 1)[0] for path in page_paths(built_site) if not path.startswith("en/")}
    toured = {path.split("/", 1)[0] for path in PAGE_TYPES.values()}
    missing = sorted(sections - toured)
    assert not missing, f"sections with no page in PAGE_TYPES (add one page of each): {missing}"


def test_the_policy_blocks_injected_script_style_and_handlers(nginx_server, browser):
    with recorded_context(browser) as (context, recorder):
        page = context.new_page()
        page.goto(nginx_server + "gesprekken/kerngesprek/", wait_until="load")
        page.evaluate(
            """() => {
                const s = document.createElement('script');
                s.textContent = 'window.__injected = true';
                document.head.appendChild(s);
                const h = document.querySelector('.md-content h1');
                h.setAttribute('style', 'color: rgb(255, 0, 0)');
                h.setAttribute('onclick', 'window.__handler = true');
                h.click();
            }"""
        )
        page.wait_for_function("() => window.__csp.length >= 3")
        assert page.evaluate("window.__injected") is None, "an injected inline script ran"
        assert page.evaluate("window.__handler") is None, "an injected inline event handler ran"
        assert page.evaluate("getComputedStyle(document.querySelector('.md-content h1')).color") != "rgb(255, 0, 0)"
        directives = set(page.evaluate("window.__csp"))
        assert {"script-src-elem", "style-src-attr", "script-src-attr"} <= directives, directives
