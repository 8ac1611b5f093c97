"""The JSON of a worksheet's fields (hooks/worksheets/fields.py), which the browser uses to keep,
restore and fill answers: its names are the names of the form's inputs, of the PDF's form fields
and of the DOCX's content controls, for every sheet in both languages; the site publishes it and
the page carries it; texts inside it stay text."""

from __future__ import annotations

import copy
import io
import json
import re

import docx
import pytest
import yaml
from bs4 import BeautifulSoup
from docx.oxml.ns import qn

from hooks.worksheets.fields import FORMAT, json_path, sheet_data, sheet_json
from hooks.worksheets.labels import LABELS
from hooks.worksheets.render_html import form_fragment, tools_fragment
from tests.helpers import REPO
from tests.worksheets_helpers import expected_field_names, sheet, widget_fields

SHEETS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REPO / "worksheets").glob("*.yml"))}
CASES = [(sheet_id, lang) for sheet_id in SHEETS for lang in ("nl", "en")]
PREFIX = {"nl": "", "en": "en/"}


def pdf_names(data: dict) -> set[str]:
    names = set()
    for field in data["fields"]:
        if field["type"] == "table":
            names |= {name for row in field["pdf"] for name in row}
        elif field["type"] == "checklist":
            names |= {item["pdf"] for item in field["items"]}
        else:
            names.add(field["pdf"])
    return names


def docx_names(data: dict) -> set[str]:
    names = set()
    for field in data["fields"]:
        if field["type"] == "table":
            names |= {name for row in field["docx"] for name in row}
        elif field["type"] == "checklist":
            names |= {item["docx"] for item in field["items"]}
        elif field["type"] == "scale":
            names |= set(field["docx"])
        else:
            names.add(field["docx"])
    return names


def test_the_json_names_every_input_of_the_form_by_its_name():
    data = sheet_data(sheet(), "nl")
    inputs = BeautifulSoup(form_fragment(sheet(), "nl"), "html.parser").find_all(["input", "textarea"])
    assert pdf_names(data) == {i["name"] for i in inputs} == expected_field_names(sheet())
    assert data["format"] == FORMAT and data["sheet"] == "proefblad" and data["version"] == sheet()["version"]
    assert data["files"] == {"pdf": "werkbladen/proefblad.pdf", "docx": "werkbladen/proefblad.docx"}
    table = next(f for f in data["fields"] if f["type"] == "table")
    assert table["rows"] == 3 and [c["id"] for c in table["columns"]] == ["belang", "prio"]
    assert table["pdf"][1] == ["tabel-r2-belang", "tabel-r2-prio"]
    scale = next(f for f in data["fields"] if f["type"] == "scale")
    assert scale["docx"] == [f"risico-{n}" for n in range(1, 6)] and (scale["min"], scale["max"]) == ("laag", "hoog")
    assert sheet_data(sheet(), "en")["files"]["pdf"] == "en/werkbladen/test-sheet.pdf"


def test_the_interface_texts_match_between_the_languages():
    nl, en = LABELS["nl"], LABELS["en"]
    assert nl.keys() == en.keys()
    for key in nl:
        assert set(re.findall(r"\{\w+\}", nl[key])) == set(re.findall(r"\{\w+\}", en[key])), key
    messages = sheet_data(sheet(), "en")["messages"]
    assert messages["saved"] == en["msg_saved"] and "orphans" in messages and "import_other" in messages


def test_texts_in_the_json_of_the_page_stay_text():
    data = copy.deepcopy(sheet())
    nasty = 'Kijk <script>alert("x")</script> & "quote" \' ĳ'
    data["sections"][0]["fields"][0]["label"]["nl"] = nasty
    html = tools_fragment(data, "nl")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None
    parsed = json.loads(soup.select_one(".ws-tools")["data-ws"])
    assert parsed["fields"][0]["label"] == nasty
    assert "<script>" not in html and "style=" not in html


@pytest.mark.parametrize(("sheet_id", "lang"), CASES)
def test_the_site_publishes_the_json_and_its_names_are_those_of_the_pdf_and_the_docx(built_site, sheet_id, lang):
    published = built_site / json_path(lang, sheet_id)
    data = json.loads(published.read_text(encoding="utf-8"))
    assert published.read_text(encoding="utf-8").strip() == sheet_json(SHEETS[sheet_id], lang)
    pdf = (built_site / data["files"]["pdf"]).read_bytes()
    assert pdf_names(data) == set(widget_fields(pdf)) == expected_field_names(SHEETS[sheet_id])
    body = docx.Document(str(built_site / data["files"]["docx"])).element.body
    tags = [sdt.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val")) for sdt in body.iter(qn("w:sdt"))]
    assert sorted(tags) == sorted(docx_names(data))
    page = built_site / f"{PREFIX[lang]}werkbladen/{sheet_id}/index.html"
    tools = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(".ws-tools[data-ws]")
    assert json.loads(tools["data-ws"]) == data


def test_the_docx_writer_and_the_json_agree_on_a_sheet_with_every_kind_of_field():
    from hooks.worksheets.docx_writer import render_docx

    data = sheet_data(sheet(), "nl")
    body = docx.Document(io.BytesIO(render_docx(sheet(), "nl", url="https://x.example.org/"))).element.body
    tags = {sdt.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val")) for sdt in body.iter(qn("w:sdt"))}
    assert tags == docx_names(data)
