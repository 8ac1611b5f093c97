"""Filled-in downloads, in Chromium: for every sheet in both languages (Dutch at desktop width,
English on a phone) a reader fills every field on the page, with Dutch diacritics and a long text,
and downloads the sheet filled in as PDF and as DOCX. The PDF is the published one with the
answers in its still-editable fields (the original bytes kept, an incremental update after them),
still tagged, in its language, every field named; the DOCX has the answers in its content
controls and LibreOffice converts it. Nothing leaves the site: every request is logged."""

from __future__ import annotations

import io
import re

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

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
from tests.worksheets_helpers import libreoffice_pdf, pdf_text, render_page, widget_fields

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
    # an answer of several lines: line breaks (w:br) in the control's run, in a control that
    # keeps them in LibreOffice (rich text, not w:text)
    body = docx.Document(io.BytesIO(case["docx"])).element.body
    for sdt in body.iter(qn("w:sdt")):
        tag = sdt.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val"))
        if "\n" in texts.get(tag, ""):
            runs = sdt.find(qn("w:sdtContent")).findall(qn("w:r"))
            assert len(runs) == 1 and len(runs[0].findall(qn("w:br"))) == texts[tag].count("\n"), tag
            assert "\n" not in "".join(t.text for t in runs[0].iter(qn("w:t"))), tag
            assert sdt.find(qn("w:sdtPr")).find(qn("w:text")) is None, tag


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
    assert "/NeedAppearances" not in reader.trailer["/Root"]["/AcroForm"]
    text = " ".join(pdf_text(drawn_only(case["pdf"]), 1).split())
    assert DIACRITICS in text
    first_line = case["answers"]["positie"].split("\n")[0]
    assert first_line in text


@pytest.mark.libreoffice
def test_libreoffice_converts_every_filled_docx(filled, tmp_path):
    for (sheet, lang), case in filled.items():
        (tmp_path / f"{sheet}-{lang}.docx").write_bytes(case["docx"])
    libreoffice_pdf(sorted(tmp_path.glob("*.docx")), tmp_path, timeout=900)
    line_breaks = 0
    for (sheet, lang), case in filled.items():
        converted = tmp_path / f"{sheet}-{lang}.pdf"
        assert converted.is_file(), f"LibreOffice did not convert {sheet}-{lang}.docx"
        text = " ".join(pdf_text(converted.read_bytes()).split())
        texts, _, _ = expected_values(case["data"], case["answers"])
        sample = next(value for value in texts.values() if "\n" not in value)
        assert sample in text, f"{sheet}-{lang}: '{sample}' is not in the converted file"
        # an answer of several lines keeps its line breaks: line 2 starts a line of its own
        for value in [v for v in texts.values() if "\n" in v][:1]:
            lines = value.split("\n")
            raw = pdf_text(converted.read_bytes())
            assert re.search(re.escape(lines[0][-12:]) + r"[ \t]*\n\s*" + re.escape(lines[1][:12]), raw), (
                f"{sheet}-{lang}: the line break after '{lines[0][-12:]}' is lost"
            )
            line_breaks += 1
    assert line_breaks >= len(filled) // 2, "too few sheets with an answer of several lines to check"


def test_every_sheet_was_filled(filled):
    assert sorted(filled) == sorted(CASES)
    sources = {s: yaml.safe_load((REPO / "worksheets" / f"{s}.yml").read_text(encoding="utf-8")) for s in SHEETS}
    for (sheet, lang), case in filled.items():
        assert case["data"]["title"] == sources[sheet]["title"][lang]
        assert len(case["answers"]) == len(case["data"]["fields"])


# --- what a reader sees: poppler renders the appearances (issue #23) ------------------------------

LONG_ANSWER = (
    "We doen mee, maar pas over vier jaar, als onze woningen groot onderhoud krijgen. De gemeente "
    "betaalt de aansluiting op het warmtenet: zo’n € 4.500 per woning. Zonder die bijdrage stijgen de "
    "woonlasten van onze huurders – en dan verliezen we het draagvlak in de wijk. We willen ook dat de "
    "planning samen met de huurdersvereniging wordt gemaakt, niet achteraf; “meepraten” betekent voor "
    "ons: vóór het besluit. Daarnaast vragen we één vaste contactpersoon bij de gemeente, met mandaat "
    "om knopen door te hakken — de afgelopen jaren zijn we te vaak van loket naar loket gestuurd.\n"
    "Tot slot: we willen in januari een besluit. 🙂 Nadeel: dat is krap voor de raad, maar het kan "
    "als iedereen meewerkt en de ambtenaren op tijd hun advies geven. Slotzin met het woord eindpunt."
)
LONG_CELL = (
    "Woonlasten van huurders gaan niet omhoog, ook niet tijdelijk tijdens de bouw; anders verliezen "
    "we het draagvlak in de wijk en komt de huurdersvereniging niet meer aan tafel, zegt de cellaatste."
)
MARK = "\u2039?\u203a"  # what a character the font lacks prints as (wrap.js MARK)


def drawn_only(pdf: bytes) -> bytes:
    """The PDF with the value (/V) of every field taken out: what poppler shows of it is then what
    the appearances draw, not a value it read."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for ref in writer._root_object["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field.get("/FT") == "/Tx" and "/V" in field:
            del field[NameObject("/V")]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def in_order(words: list[str], text: str) -> list[str]:
    """The words not found in `text` one after the other (an empty list: all there, in order)."""
    missing, at = [], 0
    for word in words:
        found = text.find(word, at)
        if found < 0:
            missing.append(word)
        else:
            at = found + len(word)
    return missing


def dark(image, box) -> int:
    """Dark pixels (< 128) of a greyscale page image inside `box` (PDF points, from the bottom)."""
    scale = image.width / 595.2756
    x0, y0, x1, y1 = box
    crop = image.crop(
        (int(x0 * scale), int(image.height - y1 * scale), int(x1 * scale), int(image.height - y0 * scale))
    )
    return sum(1 for value in crop.tobytes() if value < 128)


def rect(pdf: bytes, name: str) -> tuple[float, float, float, float]:
    for ref in PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field.get("/T") == name:
            x0, y0, x1, y1 = (float(v) for v in field["/Rect"])
            return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)
    raise AssertionError(f"no field {name}")


@pytest.fixture(scope="module")
def long_answers(browser, server, built_site):
    """The belangenkaart (Dutch) with a 700+ character position, with €, curly quotes, dashes and
    an emoji, and a long first table cell, typed on the page and downloaded as PDF."""
    assert len(LONG_ANSWER) > 700
    reader = Reader(browser, server)
    try:
        reader.open(f"{PREFIX['nl']}werkbladen/belangenkaart/")
        data = reader.data()
        reader.page.fill("[name='positie']", LONG_ANSWER)
        table = next(f for f in data["fields"] if f["type"] == "table")
        reader.page.fill(f"[name='{table['pdf'][0][0]}']", LONG_CELL)
        name, pdf = reader.download("[data-ws-action=pdf]")
        reader.status(name)
        return {"data": data, "pdf": pdf, "blank": (built_site / data["files"]["pdf"]).read_bytes()}
    finally:
        reader.close()


def test_every_word_of_a_long_answer_and_a_long_cell_is_drawn_on_the_filled_pdf(long_answers):
    """Nothing typed is lost on paper: poppler's text of the drawn appearances (the values taken
    out) holds every word of a 700-character answer and of a long table cell, in order; the emoji
    prints as the marker."""
    text = pdf_text(drawn_only(long_answers["pdf"])).replace("\u2026", " ")
    flat = " ".join(text.split())
    answer = LONG_ANSWER.replace("🙂", MARK)
    assert in_order(answer.split(), flat) == []
    assert in_order(LONG_CELL.split(), flat) == []
    # no character became a bare '?': every '?' drawn is the sheet's own or part of a marker
    printed = " ".join(pdf_text(long_answers["blank"]).split())
    assert flat.count("?") == printed.count("?") + flat.count(MARK)


def test_the_answer_is_drawn_in_its_field_at_a_readable_size(long_answers, filled):
    """The field itself shows the start of the answer (its region is no longer blank when poppler
    renders it), and no appearance of any filled sheet uses a size below 9 pt."""
    pdf, blank = long_answers["pdf"], long_answers["blank"]
    box = rect(pdf, "positie")
    assert dark(render_page(pdf, 100), box) > dark(render_page(blank, 100), box) + 300
    for case in [long_answers, *filled.values()]:
        reader = PdfReader(io.BytesIO(case["pdf"]))
        for ref in reader.trailer["/Root"]["/AcroForm"]["/Fields"]:
            field = ref.get_object()
            if field.get("/FT") != "/Tx":
                continue
            stream = field["/AP"]["/N"].get_object().get_data().decode("latin-1")
            sizes = [float(size) for size in re.findall(r"/\S+ ([\d.]+) Tf", stream)]
            assert all(size >= 9 for size in sizes), (field["/T"], sizes)


def test_what_does_not_fit_continues_on_a_tagged_page_with_the_sheets_header_and_footer(long_answers):
    pdf, data = long_answers["pdf"], long_answers["data"]
    reader = PdfReader(io.BytesIO(pdf))
    blank_pages = len(PdfReader(io.BytesIO(long_answers["blank"])).pages)
    assert len(reader.pages) == blank_pages + 1
    page = " ".join(pdf_text(pdf, 2).split())
    continued = data["messages"]["continued"]
    field = next(f for f in data["fields"] if f["id"] == "positie")
    table = next(f for f in data["fields"] if f["type"] == "table")
    assert page.startswith(f"{data['title']} ({continued})"), page[:80]
    assert f"{field['label']} ({continued})" in page
    assert f"{table['label']} ({continued})" in page and "1. " + table["columns"][0]["label"] + ": " in page
    assert re.search(re.escape(data["footer"]["online"]) + r": https?://\S+/werkbladen/belangenkaart/ ", page)
    assert page.endswith(data["footer"]["meta"])
    # the characters the font lacks, said on the page
    assert data["messages"]["missing_title"] in page and "U+1F642" in page
    # tagged like the rest: the page is in the structure tree (headings and paragraphs marked on
    # it), its header and footer are artifacts
    root = reader.trailer["/Root"]
    added = reader.pages[1]
    key = added["/StructParents"]
    nums = root["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    elements = dict(zip(nums[::2], nums[1::2], strict=True))[key]
    kinds = [element.get_object()["/S"] for element in elements]
    assert kinds[0] == "/H2" and "/P" in kinds
    document = root["/StructTreeRoot"]["/K"][0].get_object()
    sections = [kid.get_object() for kid in document["/K"] if kid.get_object()["/S"] == "/Sect"]
    assert sections and all(
        kid.get_object()["/P"] == sections[0]["/P"] for kid in document["/K"] if kid.get_object()["/S"] == "/Sect"
    )
    content = added.get_contents().get_data().decode("latin-1")
    assert content.count("/Artifact <</Type /Pagination /Subtype /Header>> BDC") == 1
    assert content.count("/Artifact <</Type /Pagination /Subtype /Footer>> BDC") == 1
    assert len(re.findall(r"<</MCID \d+>> BDC", content)) == len(elements)
    assert added["/Tabs"] == "/S" and added.mediabox == reader.pages[0].mediabox


def test_a_ticked_box_shows_ticked_when_poppler_renders_it(filled, built_site):
    """The draaiboek's checklist, every other item ticked: poppler draws a tick in the ticked boxes
    and nothing more than the blank sheet in the others (each has its own on and off appearance;
    no NeedAppearances)."""
    case = filled[("draaiboek", "nl")]
    blank = (built_site / case["data"]["files"]["pdf"]).read_bytes()
    field = next(f for f in case["data"]["fields"] if f["type"] == "checklist")
    ticked = set(case["answers"][field["id"]])
    assert ticked and len(ticked) < len(field["items"])

    def page_of(pdf: bytes, name: str) -> int:
        reader = PdfReader(io.BytesIO(pdf))
        numbers = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, start=1)}
        for ref in reader.trailer["/Root"]["/AcroForm"]["/Fields"]:
            if ref.get_object()["/T"] == name:
                return numbers[ref.get_object().raw_get("/P").idnum]
        raise AssertionError(name)

    # every box and radio button has its own 'on' and 'off' drawing: no viewer has to make one up
    for ref in PdfReader(io.BytesIO(case["pdf"])).trailer["/Root"]["/AcroForm"]["/Fields"]:
        button = ref.get_object()
        if button.get("/FT") == "/Btn" and "/AP" in button:
            assert "/Off" in button["/AP"]["/N"] and len(button["/AP"]["/N"]) == 2, button["/T"]
    for item in field["items"]:
        box = rect(case["pdf"], item["pdf"])
        filled_page = render_page(case["pdf"], 150, page_of(case["pdf"], item["pdf"]))
        drawn = dark(filled_page, box) - dark(render_page(blank, 150, page_of(blank, item["pdf"])), box)
        if item["id"] in ticked:
            assert drawn > 15, f"{item['pdf']} is ticked but poppler draws it empty ({drawn} dark pixels more)"
        else:
            assert abs(drawn) < 3, f"{item['pdf']} is not ticked but poppler draws {drawn} dark pixels more"
