"""The front door on a phone (390 x 844, both languages): the home page shows what the site is, the
tools and every situation (each straight to its guide) within two screens; the header title,
tables, planner, run mode, worksheet text areas and search results fit a phone."""

from __future__ import annotations

import pathlib
import re

import pytest

from hooks.build.common import taxonomy
from hooks.pages import phone_tables
from tests.quality_helpers import axe_run, format_violations
from tests.test_planner_browser import PREFIX, open_planner, ui

SCREEN = {"width": 390, "height": 844}
TOOLS = ["plannen/", "sjablonen/", "werkbladen/", "#bewaren"]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=SCREEN, device_scale_factor=2, is_mobile=True, timezone_id="UTC")
    yield context.new_page()
    context.close()


def _bottom(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(
        selector,
        "els => els.map(a => ({href: a.href, text: a.textContent.trim(),"
        " bottom: a.getBoundingClientRect().bottom + window.scrollY}))",
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_home_shows_tools_and_every_situation_within_two_phone_screens(server, phone, lang):
    phone.goto(server + PREFIX[lang], wait_until="load")
    situations = _bottom(phone, "article .home-situations a")
    tools = _bottom(phone, "article .home-tools a")
    home = server + PREFIX[lang]
    expected = [(s[lang], f"{home}gesprekken/{s['start']}/") for s in taxonomy()["situations"]]
    assert [a["href"] for a in situations] == [href for _, href in expected]
    for (label, _), link in zip(expected, situations, strict=True):
        assert link["text"].startswith(label), link
    assert [a["href"] for a in tools] == [home + tool for tool in TOOLS]
    assert phone.locator("#bewaren[data-offline-keep]").count() == 1
    late = [f"{a['text'][:40]!r} ends at {a['bottom']:.0f} px" for a in tools + situations if a["bottom"] > 2 * 844]
    assert not late, "beyond the first two screens:\n" + "\n".join(late)
    # What the site is: the h1 and at most two sentences before the tools.
    intro = phone.locator("article .home-intro").inner_text()
    assert 1 <= len(re.findall(r"[.?!](\s|$)", intro)) <= 2, intro
    weight, colour = phone.eval_on_selector(
        "article h1", "h => [getComputedStyle(h).fontWeight, getComputedStyle(h).color]"
    )
    assert int(weight) >= 700 and colour == "rgb(22, 58, 55)"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_home_on_a_phone_has_no_accessibility_violations(server, phone, lang):
    phone.goto(server + PREFIX[lang], wait_until="load")
    violations = axe_run(phone)
    assert not violations, format_violations({PREFIX[lang]: violations})


@pytest.mark.parametrize("path", ["", "en/", "en/gesprekken/vertrouwensherstel/", "werkbladen/samenwerkingsafspraken/"])
def test_the_header_title_is_not_cut_on_a_phone(server, phone, path):
    phone.goto(server + path, wait_until="load")
    sizes = phone.eval_on_selector(
        ".md-header__title .md-header__topic .md-ellipsis",
        "e => [e.scrollWidth, e.clientWidth, e.textContent.trim()]",
    )
    assert sizes[0] <= sizes[1], f"/{path}: '{sizes[2]}' is {sizes[0]} px in {sizes[1]} px"


def _table_pages(site: pathlib.Path) -> list[str]:
    pages = []
    for index in sorted(site.rglob("index.html")):
        text = index.read_text(encoding="utf-8")
        start = text.find('<article class="md-content__inner')
        if start >= 0 and re.search(r"<table( data-stack)?>", text[start:]):
            rel = index.parent.relative_to(site).as_posix()
            pages.append("" if rel == "." else rel + "/")
    return pages


def test_no_table_is_cut_on_a_phone(built_site, server, phone):
    pages = _table_pages(built_site)
    assert "gesprekken/kerngesprek/" in pages and "en/praktijk/" in pages
    cut = []
    for path in pages:
        phone.goto(server + path, wait_until="domcontentloaded")
        found = phone.eval_on_selector_all(
            "article table:not(.ws-table)",
            """ts => ts.filter(t => t.offsetParent).map(t => {
                const wrap = t.closest('.md-typeset__scrollwrap') || t.parentElement;
                const stacked = getComputedStyle(t.querySelector('td')).display === 'block';
                return {stacked, scroll: wrap.scrollWidth, width: wrap.clientWidth,
                        right: Math.max(...[...t.rows[0].cells].map(c => c.getBoundingClientRect().right)),
                        head: [...t.rows[0].cells].map(c => c.textContent.trim()).join(' | ')};
            })""",
        )
        for table in found:
            if not table["stacked"] and (table["scroll"] > table["width"] or table["right"] > SCREEN["width"]):
                cut.append(f"/{path}: table '{table['head'][:60]}' is {table['scroll']} px in {table['width']} px")
    assert not cut, "tables cut off on a 390 px phone:\n" + "\n".join(cut)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_core_session_timings_show_every_column_on_a_phone(server, phone, lang):
    phone.goto(server + PREFIX[lang] + "gesprekken/kerngesprek/", wait_until="load")
    table = phone.locator("article table", has_text="10 partners").first
    heads = table.locator("tr").first.locator("th")
    assert heads.count() == 5
    for i in range(5):
        box = heads.nth(i).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= SCREEN["width"], heads.nth(i).inner_text()


def test_text_tables_are_marked_to_stack_and_tables_of_figures_are_not():
    timings = (
        "<table>\n<thead>\n<tr>\n<th>Blok</th>\n<th>4 partners</th>\n<th>6 partners</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>Opening</td>\n<td>10</td>\n<td>40 (4 × 10)</td>\n</tr>\n</tbody>\n</table>"
    )
    assert phone_tables.mark(timings) == timings
    text = (
        '<table>\n<thead>\n<tr>\n<th>Partner</th>\n<th>Standpunt <abbr title="x">&amp;</abbr></th>\n'
        "<th>Belang</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Gemeente</td>\n"
        '<td style="text-align: left;">We willen twintig woningen per jaar</td>\n'
        "<td>Plekken vrijmaken voor cliënten</td>\n"
        "</tr>\n</tbody>\n</table>"
    )
    marked = phone_tables.mark(text)
    assert marked.startswith("<table data-stack>")
    assert '<td data-label="Partner">Gemeente</td>' in marked
    assert '<td style="text-align: left;" data-label="Standpunt &amp;">' in marked
    two_columns = text.replace("<th>Belang</th>\n", "").replace("<td>Plekken vrijmaken voor cliënten</td>\n", "")
    assert phone_tables.mark(two_columns) == two_columns
    assert phone_tables.mark('<table class="ws-table"><tr><td>x</td></tr></table>').startswith(
        '<table class="ws-table">'
    )


def _small_targets(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector,
        """els => els.filter(e => e.offsetParent).map(e => {
            const r = e.getBoundingClientRect();
            return [(e.textContent || e.getAttribute('aria-label') || e.type || '').trim().slice(0, 30),
                    Math.round(r.width), Math.round(r.height)];
        }).filter(([, w, h]) => w < 44 || h < 44).map(x => x.join(' '))""",
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_planner_touch_targets_are_at_least_44_px_on_a_phone(server, phone, lang):
    open_planner(phone, server, lang, "?p=kerngesprek,pauze:15,over-geld.druk&start=13:30&v=1")
    phone.wait_for_selector("#planner .planner-block")
    targets = "#planner :is(button, a.planner-button, select, input:not([type=radio]):not([readonly]))"
    assert phone.locator(targets).count() > 15
    small = _small_targets(phone, targets)
    small += _small_targets(phone, "#planner .planner-choice p")  # a radio with its label
    assert not small, "targets under 44 x 44 px:\n" + "\n".join(small)
    phone.goto(server + PREFIX[lang] + "gesprekken/over-geld/", wait_until="load")
    phone.wait_for_selector(".plan-add button")
    assert not _small_targets(phone, ".plan-add button")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_run_mode_clock_stays_at_the_top_on_a_phone(server, phone, lang):
    open_planner(phone, server, lang, "?p=kerngesprek,pauze:15&v=1")
    phone.get_by_role("button", name=ui("runStart", lang)).click()
    phone.wait_for_selector("#planner .planner-run:not([hidden])")
    clock = phone.locator(".planner-run__clock")
    assert clock.bounding_box()["y"] < 844 * 0.6, "the clock starts below the middle of the screen"
    phone.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
    phone.wait_for_function("window.scrollY > 300")
    header = phone.locator(".md-header").bounding_box()
    box = clock.bounding_box()
    assert header["y"] + header["height"] - 1 <= box["y"] <= header["y"] + header["height"] + 20, box


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_previous_plan_notice_is_calm_and_secondary(server, phone, lang):
    open_planner(phone, server, lang, "?p=kerngesprek&v=1")
    open_planner(phone, server, lang, "?p=over-geld&v=1")
    # The plan the link replaced is kept among the earlier plans: a quiet, folded list, open on this
    # visit, never the red alarm of a link that could not be read.
    notice = phone.locator("#planner .planner-recent")
    notice.wait_for()
    assert ui("recent", lang).split(" (")[0] in notice.inner_text()
    assert phone.locator("#planner .planner-notice").is_hidden()
    style = notice.evaluate(
        "n => { const s = getComputedStyle(n); return [s.backgroundColor, s.borderTopColor, parseFloat(s.fontSize),"
        " parseFloat(getComputedStyle(n.closest('article')).fontSize)]; }"
    )
    background, border, size, body = style
    assert background != "rgb(253, 241, 241)" and border != "rgb(164, 38, 44)", style  # not the red alarm
    assert size < body, style


@pytest.mark.parametrize("path", ["werkbladen/belangenkaart/", "en/werkbladen/overlapmatrix/"])
def test_worksheet_text_areas_start_taller_than_two_rows_and_grow_with_their_text(server, phone, path):
    phone.goto(server + path, wait_until="load")
    area = phone.locator("form.ws-form textarea").first
    start, line = area.evaluate("a => [a.clientHeight, parseFloat(getComputedStyle(a).lineHeight)]")
    assert start >= 3 * line, f"{start} px is not three lines of {line} px"
    area.fill("\n".join(f"regel {i}" for i in range(12)))
    phone.wait_for_function("a => a.clientHeight >= a.scrollHeight - 1", arg=area.element_handle())
    grown = area.evaluate("a => a.clientHeight")
    assert grown >= 12 * line > start


@pytest.mark.parametrize(("lang", "query"), [("nl", "geld"), ("en", "money")])
def test_search_results_are_short_on_a_phone(server, phone, lang, query):
    phone.goto(server + PREFIX[lang], wait_until="load")
    phone.locator("label[for=__search]").first.click()
    phone.locator("input[data-md-component=search-query]").fill(query)
    phone.wait_for_selector(".md-search-result__item")
    heights = phone.eval_on_selector_all(
        ".md-search-result__article", "els => els.map(a => a.getBoundingClientRect().height)"
    )
    assert len(heights) > 5
    assert max(heights) <= 844 / 4, f"a result is {max(heights):.0f} px high"
