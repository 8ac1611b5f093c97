"""Filled-in downloads, in Chromium: for every sheet in both languages (Dutch at desktop width,
English on a phone) a reader fills every field on the page, with Dutch diacritics and a long text,
and downloads the sheet filled in as PDF and as DOCX. The PDF is the published one with the
answers in its still-editable fields (the original bytes kept, an incremental update after them),
still tagged, in its language, every field named; the DOCX has the answers in its content
controls and LibreOffice converts it. Nothing leaves the site: every request is logged."""

from __future__ import annotations

import io

import pytest
import yaml
from pypdf import PdfReader

from tests.answers_helpers import (
    DIACRITICS,
    PREFIX,
    Reader,
    docx_answers,
    expected_values,
    fill_everything,
    pdf_answers,
)
from tests.helpers import REPO
from tests.worksheets_helpers import libreoffice_pdf, pdf_text, widget_fields

SHEETS = sorted(p.stem for p in (REPO / "worksheets").glob("*.yml"))
CASES = [(sheet, lang) for sheet in SHEETS for lang in ("nl", "en")]


@pytest.fixture(scope="module")
def filled(browser, server, built_site):
    """Every sheet in both languages, filled in on its page and downloaded as PDF and DOCX:
    {(sheet, lang): {"answers", "data", "pdf", "docx", "names", "foreign", "errors"}}."""
    made = {}
    for sheet, lang in CASES:
        reader = Reader(browser, server, phone=lang == "en")
        try:
            reader.open(f"{PREFIX[lang]}werkbladen/{sheet}/")
            data = reader.data()
            answers = fill_everything(reader, data)
            pdf_name, pdf = reader.download("[data-ws-action=pdf]")
            reader.status(pdf_name)
            docx_name, docx = reader.download("[data-ws-action=docx]")
            reader.status(docx_name)
            made[(sheet, lang)] = {
                "answers": answers,
                "data": data,
                "pdf": pdf,
                "docx": docx,
                "names": (pdf_name, docx_name),
                "foreign": reader.foreign_requests(),
                "errors": reader.errors,
            }
        finally:
            reader.close()
    return made


@pytest.mark.parametrize(("sheet", "lang"), CASES)
def test_the_filled_pdf_holds_the_answers_in_editable_fields_and_stays_accessible(filled, built_site, sheet, lang):
    case = filled[(sheet, lang)]
    data, pdf = case["data"], case["pdf"]
    blank = (built_site / data["files"]["pdf"]).read_bytes()
    assert pdf.startswith(blank), "the published PDF was rewritten, not updated"
    assert len(pdf) > len(blank)
    texts, checked, points = expected_values(data, case["answers"])
    assert pdf_answers(pdf) == (texts, checked, points)
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"] and root["/Lang"] == lang
    fields = widget_fields(pdf)
    assert fields.keys() == widget_fields(blank).keys()
    assert all(field["TU"].strip() for field in fields.values()), "a field lost its name"
    for name in texts:
        field = next(f.get_object() for f in root["/AcroForm"]["/Fields"] if f.get_object()["/T"] == name)
        assert not int(field.get("/Ff", 0)) & 1, f"{name} became read-only"
        assert "/AP" in field, f"{name} has no appearance"
    assert case["names"] == (
        f"{data['files']['pdf'].rsplit('/', 1)[1][:-4]}-{data['messages']['filled']}.pdf",
        f"{data['files']['docx'].rsplit('/', 1)[1][:-5]}-{data['messages']['filled']}.docx",
    )


@pytest.mark.parametrize(("sheet", "lang"), CASES)
def test_the_filled_docx_holds_the_answers_in_its_content_controls(filled, sheet, lang):
    case = filled[(sheet, lang)]
    texts, checked, points = expected_values(case["data"], case["answers"])
    for field in case["data"]["fields"]:
        if field["type"] == "scale" and field["pdf"] in points:
            checked.add(field["docx"][points[field["pdf"]] - 1])
    assert docx_answers(case["docx"]) == (texts, checked)


@pytest.mark.parametrize(("sheet", "lang"), CASES)
def test_nothing_left_the_site_and_the_page_had_no_errors(filled, sheet, lang):
    case = filled[(sheet, lang)]
    assert case["foreign"] == []
    assert case["errors"] == []


def test_the_filled_pdf_draws_diacritics_and_long_text_itself(filled):
    """Viewers that do not redraw fields show the answers: the appearances carry the text in the
    PDF's own font (pdftotext reads them), so the PDF does not ask viewers to redraw."""
    case = filled[("belangenkaart", "nl")]
    reader = PdfReader(io.BytesIO(case["pdf"]))
    assert reader.trailer["/Root"]["/AcroForm"]["/NeedAppearances"] == False  # noqa: E712 (a pypdf BooleanObject)
    text = " ".join(pdf_text(case["pdf"], 1).split())
    assert DIACRITICS in text
    first_line = case["answers"]["positie"].split("\n")[0]
    assert first_line in text


@pytest.mark.libreoffice
def test_libreoffice_converts_every_filled_docx(filled, tmp_path):
    for (sheet, lang), case in filled.items():
        (tmp_path / f"{sheet}-{lang}.docx").write_bytes(case["docx"])
    libreoffice_pdf(sorted(tmp_path.glob("*.docx")), tmp_path, timeout=900)
    for (sheet, lang), case in filled.items():
        converted = tmp_path / f"{sheet}-{lang}.pdf"
        assert converted.is_file(), f"LibreOffice did not convert {sheet}-{lang}.docx"
        text = " ".join(pdf_text(converted.read_bytes()).split())
        texts, _, _ = expected_values(case["data"], case["answers"])
        sample = next(value for value in texts.values() if "\n" not in value)
        assert sample in text, f"{sheet}-{lang}: '{sample}' is not in the converted file"


def test_every_sheet_was_filled(filled):
    assert sorted(filled) == sorted(CASES)
    sources = {s: yaml.safe_load((REPO / "worksheets" / f"{s}.yml").read_text(encoding="utf-8")) for s in SHEETS}
    for (sheet, lang), case in filled.items():
        assert case["data"]["title"] == sources[sheet]["title"][lang]
        assert len(case["answers"]) == len(case["data"]["fields"])
