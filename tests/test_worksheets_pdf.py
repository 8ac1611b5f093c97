"""The worksheet PDF: A4, tagged (PDF/UA-1), in its language, fillable with a readable name per
field, Dutch diacritics right in text and in filled fields, long words wrapped, a QR code that
leads to the sheet's page, the filled-in example on a page of its own, and small."""

from __future__ import annotations

import copy
import io
import re

import pytest
from PIL import ImageChops
from pypdf import PdfReader, PdfWriter

from hooks.worksheets.build import page_url
from hooks.worksheets.labels import labels
from hooks.worksheets.pdf import render_pdf
from hooks.worksheets.qr import qr_svg_data_uri
from hooks.worksheets.render_html import sheet_document
from tests.worksheets_helpers import (
    SITE_URL,
    decode_pdf_qr,
    expected_field_names,
    pdf_text,
    render_page,
    sheet,
    widget_fields,
)

A4 = (595.28, 841.89)


def make_pdf(data: dict, lang: str) -> bytes:
    url = page_url(SITE_URL, lang, data["id"])
    return render_pdf(sheet_document(data, lang, url=url, qr=qr_svg_data_uri(url)))


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    return {lang: make_pdf(sheet(), lang) for lang in ("nl", "en")}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pdf_is_a4_tagged_and_in_its_language(pdfs, lang):
    reader = PdfReader(io.BytesIO(pdfs[lang]))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == lang
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_input_is_a_form_field_with_a_readable_name(pdfs, lang):
    fields = widget_fields(pdfs[lang])
    assert expected_field_names(sheet()) <= set(fields)
    for name, field in fields.items():
        assert field["TU"].strip() and field["TU"] != name, (name, field)
    assert fields["tabel-r2-prio"]["TU"] == ("Prioriteit (1-5), rij 2" if lang == "nl" else "Priority (1-5), row 2")
    assert fields["risico"]["TU"].startswith("Risico (1 = laag" if lang == "nl" else "Risk (1 = low")


def test_diacritics_are_right_in_the_text(pdfs):
    text = pdf_text(pdfs["nl"])
    assert "Proefblad met ë, é, ï en ĳ" in text
    assert "één ĳsbeer" in text
    assert '<tekens> & "aanhalingstekens"' in text


def _fill(pdf: bytes, value: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.update_page_form_field_values(writer.pages[0], {"partner": value}, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _field_crop(pdf: bytes, name: str):
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    widget = next(a.get_object() for a in page["/Annots"] if a.get_object().get("/T") == name)
    rect = [float(v) for v in widget["/Rect"]]
    x0, x1 = sorted(rect[0::2])
    y0, y1 = sorted(rect[1::2])
    scale, height = 150 / 72, float(page.mediabox.height)
    box = (int(x0 * scale), int((height - y1) * scale), int(x1 * scale), int((height - y0) * scale))
    return render_page(pdf, 150).crop(box)


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_diacritics_are_right_in_a_filled_field(pdfs):
    value = "Ĳsselstein: één ïdee, ë"
    filled = _fill(pdfs["nl"], value)
    assert value in pdf_text(filled)
    drawn = _field_crop(filled, "partner")
    plain = _field_crop(_fill(pdfs["nl"], "IJsselstein: een idee, e"), "partner")
    missing = _field_crop(_fill(pdfs["nl"], "ΩΩsselstein: ΩΩn Ωdee, Ω"), "partner")  # glyphs not in the font
    empty = _field_crop(pdfs["nl"], "partner")
    assert ImageChops.difference(drawn, empty).getbbox(), "the filled value is not drawn"
    assert ImageChops.difference(drawn, plain).getbbox(), "accents are drawn like plain letters"
    assert ImageChops.difference(drawn, missing).getbbox(), "diacritics are drawn as missing glyphs"


def test_long_words_wrap_and_are_not_cut_off():
    data = copy.deepcopy(sheet())
    word = "Samenwerkingsovereenkomstonderhandelingsvoorbereidingsbijeenkomst" * 3
    data["purpose"]["nl"] = f"Begin {word} eind."
    data["sections"][1]["fields"][0]["columns"][1]["label"]["nl"] = word
    text = pdf_text(make_pdf(data, "nl"))
    joined = "".join(re.sub(r"[\u2010\u00ad-]\n", "", text).split())  # undo hyphenation at line ends
    assert joined.count(word) >= 2, "a long word is cut off"
    assert max(len(line) for line in text.splitlines()) < len(word), "a long word runs off the page"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_qr_code_decodes_to_the_sheet_page(pdfs, lang):
    assert decode_pdf_qr(pdfs[lang]) == [page_url(SITE_URL, lang, "proefblad")]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_url_of_the_page_is_printed_on_the_sheet(pdfs, lang):
    assert page_url(SITE_URL, lang, "proefblad") in pdf_text(pdfs[lang])


def test_sheet_fits_one_page_the_example_follows_and_it_is_under_100_kb(pdfs):
    for pdf in pdfs.values():
        pages = PdfReader(io.BytesIO(pdf)).pages
        assert len(pages) == 2
        assert pages[0].get("/Annots"), "the fields are not on the first page"
        assert not pages[1].get("/Annots"), "the example page has form fields"
        assert len(pdf) < 100_000


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_filled_in_example_is_on_its_own_page_titled_as_an_example(pdfs, lang):
    example = sheet()["example"]
    first, second = (" ".join(pdf_text(pdfs[lang], page).split()) for page in (1, 2))
    title = f"{labels(lang)['example']}: {sheet()['title'][lang]}"
    assert title in second and title not in first
    assert labels(lang)["example_note"] in second
    assert example["values"]["partner"][lang] in second  # 'Gemeente Ĳsselstein' in Dutch
    assert example["values"]["tabel"][lang][0][0] in second
    checked = [i["label"][lang] for i in sheet()["sections"][1]["fields"][1]["items"] if i["id"] == "geld"]
    assert f"{sheet()['sections'][1]['fields'][1]['label'][lang]}: {checked[0]}" in second
    assert example["values"]["partner"][lang] not in first


def test_same_source_gives_the_same_pdf_bytes():
    assert make_pdf(sheet(), "nl") == make_pdf(sheet(), "nl")
