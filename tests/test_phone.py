"""On a 390 px phone screen no page scrolls sideways, and worksheet tables turn into one card per
row with every input at full width."""

from __future__ import annotations

import pytest


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    yield context.new_page()
    context.close()


def test_no_page_scrolls_sideways_on_a_phone(built_site, server, phone):
    wide = []
    for index in sorted(built_site.rglob("index.html")):
        path = index.parent.relative_to(built_site).as_posix()
        if path.startswith(("assets", "search")):
            continue
        phone.goto(server + ("" if path == "." else path + "/"), wait_until="domcontentloaded")
        width = phone.evaluate("document.scrollingElement.scrollWidth")
        if width > 390:
            wide.append(f"/{path}: {width} px")
    assert not wide, "pages wider than the phone screen:\n" + "\n".join(wide)


@pytest.mark.parametrize("path", ["werkbladen/optiesbord/", "en/werkbladen/draaiboek/"])
def test_worksheet_tables_stack_into_cards_on_a_phone(server, phone, path):
    phone.goto(server + path)
    cells = phone.eval_on_selector_all(
        ".ws-form table.ws-table td",
        "tds => tds.map(td => [getComputedStyle(td).display, td.querySelector('input').getBoundingClientRect().width,"
        " getComputedStyle(td, '::before').content])",
    )
    assert cells
    for display, input_width, label in cells:
        assert display == "block"
        assert input_width > 250, f"an input is only {input_width} px wide"
        assert label not in ("none", "normal", '""'), "a stacked cell shows no column name"
