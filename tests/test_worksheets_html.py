"""The HTML of a worksheet: texts are escaped (never markup), every input has a name a screen
reader can read, tables have column headers, and the page body links what MkDocs must check."""

from __future__ import annotations

import copy

from bs4 import BeautifulSoup

from hooks.worksheets.page import Link, md_text, page_markdown, relative_href
from hooks.worksheets.render_html import example_fragment, form_fragment, sheet_document
from tests.worksheets_helpers import sheet

NASTY = "Kijk <script>alert(\"x\")</script> & <b>vet</b> 'quote'"


def nasty_sheet() -> dict:
    data = copy.deepcopy(sheet())
    data["sections"][0]["fields"][0]["label"]["nl"] = NASTY
    data["sections"][0]["intro"]["nl"] = NASTY
    data["example"]["values"]["partner"]["nl"] = NASTY
    data["instructions"]["nl"][0] = NASTY
    return data


def test_text_with_markup_characters_is_escaped_everywhere():
    data = nasty_sheet()
    for html in (
        form_fragment(data, "nl"),
        example_fragment(data, "nl"),
        sheet_document(data, "nl", url="https://x.example.org/", qr="data:,"),
        page_markdown(data, "nl", downloads=[], related=[]),
    ):
        soup = BeautifulSoup(html, "html.parser")
        assert soup.find("script") is None
        assert soup.find("b") is None
        assert "&lt;script&gt;" in html
        assert NASTY in soup.get_text()


def test_every_input_has_a_label_for_or_a_title():
    soup = BeautifulSoup(form_fragment(sheet(), "nl"), "html.parser")
    controls = soup.find_all(["input", "textarea"])
    assert len(controls) == 2 + 3 * 2 + 2 + 5
    for control in controls:
        label = soup.find("label", attrs={"for": control["id"]})
        assert (label and label.get_text(strip=True)) or control.get("title"), control
        assert control.find_parent("label") is None, "a control wrapped in its label loses its name in the PDF"
        assert control.get("name")
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_tables_have_caption_and_column_headers():
    soup = BeautifulSoup(form_fragment(sheet(), "en"), "html.parser")
    table = soup.find("table")
    assert table.caption.get_text(strip=True) == "Interests per partner"
    assert [th["scope"] for th in table.find_all("th")] == ["col", "col"]
    assert table.find("input")["title"] == "Interest, row 1"


def test_groups_of_choices_are_fieldsets_with_a_legend():
    soup = BeautifulSoup(form_fragment(sheet(), "nl"), "html.parser")
    for kind in ("ws-checklist", "ws-scale", "ws-section"):
        for fieldset in soup.select(f"fieldset.{kind}"):
            assert fieldset.legend and fieldset.legend.get_text(strip=True)


def test_example_is_labelled_and_keeps_line_breaks():
    soup = BeautifulSoup(example_fragment(sheet(), "nl"), "html.parser")
    assert "Voorbeeld" in soup.get_text()
    assert soup.select_one(".ws-longtext").find("br") is not None
    assert soup.find(attrs={"aria-label": "aangevinkt"}).parent.get_text(strip=True).endswith("Geld en budget")


def test_page_body_has_fixed_section_ids_in_both_languages_and_markdown_links():
    links = [Link("Proefblad (PDF, 35 kB)", "proefblad.pdf")]
    related = [Link("Kerngesprek [1]", relative_href("gesprekken/kerngesprek.md", "werkbladen/proefblad.md"))]
    ids = []
    for lang in ("nl", "en"):
        body = page_markdown(sheet(), lang, downloads=links, related=related)
        ids.append([line.rsplit("{#", 1)[1].rstrip("}") for line in body.splitlines() if line.startswith("## ")])
        assert "[Proefblad \\(PDF, 35 kB\\)](proefblad.pdf){ .md-button .md-button--primary download }" in body
        assert "- [Kerngesprek \\[1\\]](../gesprekken/kerngesprek.md)" in body
    assert ids[0] == ids[1] == ["wanneer", "invullen", "downloaden", "werkblad", "voorbeeld", "hoort-bij"]


def test_markdown_link_text_is_literal():
    assert md_text("a *b* [c]") == "a \\*b\\* \\[c\\]"


def test_the_lead_paragraph_shows_any_text_literally_after_markdown():
    import markdown

    data = copy.deepcopy(sheet())
    data["purpose"]["nl"] = NASTY + " *niet vet* [geen link](x) 1. geen lijst \\ | # _x_ `c`"
    html = markdown.markdown(
        page_markdown(data, "nl", downloads=[], related=[]), extensions=["attr_list", "md_in_html", "tables"]
    )
    lead = BeautifulSoup(html, "html.parser").select_one("p.ws-lead")
    assert lead.get_text() == data["purpose"]["nl"]
    assert lead.find(["script", "b", "em", "a", "code"]) is None
    assert md_text("1. eerst") == "1\\. eerst" and md_text("- streep") == "\\- streep"
