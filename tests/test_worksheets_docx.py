"""The worksheet DOCX: opens in python-docx with real headings and tables, the document language
set, the page URL and QR code, fixed core properties, and the same bytes every time; every place to
write is a content control tagged with its field name; the filled-in example follows on a page of
its own; LibreOffice converts it."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from hooks.worksheets.build import page_url
from hooks.worksheets.docx_writer import render_docx
from hooks.worksheets.repro import source_datetime
from tests.worksheets_helpers import SITE_URL, decode_qr, expected_field_names, libreoffice_pdf, pdf_text, sheet


def make_docx(lang: str) -> bytes:
    return render_docx(sheet(), lang, url=page_url(SITE_URL, lang, "proefblad"))


@pytest.mark.parametrize(("lang", "locale"), [("nl", "nl-NL"), ("en", "en-GB")])
def test_docx_has_headings_tables_and_language(lang, locale):
    document = docx.Document(io.BytesIO(make_docx(lang)))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", sheet()["title"][lang])
    assert ("Heading 2", sheet()["sections"][1]["title"][lang]) in headings
    table = next(t for t in document.tables if len(t.columns) == 2)
    assert [c.text for c in table.rows[0].cells] == [
        c["label"][lang] for c in sheet()["sections"][1]["fields"][0]["columns"]
    ]
    assert len(table.rows) == 1 + 3
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(".//" + qn("w:lang")).get(qn("w:val")) == locale
    assert document.core_properties.language == locale


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_docx_carries_the_page_url_and_its_qr_code(lang):
    url = page_url(SITE_URL, lang, "proefblad")
    data = make_docx(lang)
    document = docx.Document(io.BytesIO(data))
    assert any(url in p.text for p in document.paragraphs)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        images = [n for n in package.namelist() if n.startswith("word/media/")]
        assert len(images) == 1
        from PIL import Image

        assert decode_qr(Image.open(io.BytesIO(package.read(images[0]))).convert("L")) == [url]


def test_docx_core_properties_are_fixed():
    props = docx.Document(io.BytesIO(make_docx("nl"))).core_properties
    stamp = source_datetime()
    assert props.created.replace(tzinfo=None) == stamp
    assert props.modified.replace(tzinfo=None) == stamp
    assert props.title == sheet()["title"]["nl"]
    assert props.revision == sheet()["version"]


def test_docx_zip_entries_have_fixed_timestamps_and_bytes_repeat():
    first, second = make_docx("nl"), make_docx("nl")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(2024, 1, 1, 0, 0, 0)}


def test_source_date_epoch_sets_the_timestamps(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01
    with zipfile.ZipFile(io.BytesIO(make_docx("nl"))) as package:
        assert {info.date_time for info in package.infolist()} == {(2025, 1, 1, 0, 0, 0)}


@pytest.mark.libreoffice
def test_docx_converts_with_libreoffice_keeping_its_text(tmp_path):
    for lang in ("nl", "en"):
        source = tmp_path / f"proefblad-{lang}.docx"
        source.write_bytes(make_docx(lang))
        libreoffice_pdf([source], tmp_path, timeout=180)
        text = " ".join(pdf_text((tmp_path / f"proefblad-{lang}.pdf").read_bytes()).split())
        assert sheet()["title"][lang] in text
        assert sheet()["sections"][1]["fields"][0]["columns"][0]["label"][lang] in text
        assert sheet()["example"]["values"]["partner"][lang] in text  # the example, 'Ĳsselstein' in Dutch


# --- content controls (the browser fills them: assets/worksheets/fill.js) ------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


def controls(data: bytes) -> dict[str, object]:
    """Every content control of a DOCX by its tag."""
    body = docx.Document(io.BytesIO(data)).element.body
    found = {}
    for sdt in body.iter(qn("w:sdt")):
        tag = sdt.find(f"{W}sdtPr/{W}tag").get(qn("w:val"))
        assert tag not in found, f"two controls tagged {tag}"
        found[tag] = sdt
    return found


def docx_names(data: dict) -> set[str]:
    """The tag of every place to write: the PDF's field names, with a scale as one tag per point."""
    names = set()
    for name in expected_field_names(data):
        field = next((f for s in data["sections"] for f in s["fields"] if f["id"] == name), None)
        if field and field["type"] == "scale":
            names |= {f"{name}-{n}" for n in range(1, 6)}
        else:
            names.add(name)
    return names


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_place_to_write_is_a_content_control_tagged_with_its_name(lang):
    found = controls(make_docx(lang))
    assert set(found) == docx_names(sheet())
    partner = found["partner"][0]
    assert partner.find(f"{W}text") is not None and partner.find(f"{W}showingPlcHdr") is not None
    assert partner.find(f"{W}alias").get(qn("w:val")) == sheet()["sections"][0]["fields"][0]["label"][lang]
    assert found["toelichting"][0].find(f"{W}text").get(qn("w:multiLine")) == "1"
    cell = found["tabel-r2-prio"]
    assert cell.getparent().getparent().tag == qn("w:tc"), "a table cell's control is not in its cell"
    for name in ("soorten-geld", "risico-3"):
        box = found[name][0].find(f"{W14}checkbox")
        assert box is not None and box.find(f"{W14}checked").get(qn("w14:val")) == "0"
        assert "".join(t.text for t in found[name].iter(qn("w:t"))) == "\u2610"
    ids = [sdt.find(f"{W}sdtPr/{W}id").get(qn("w:val")) for sdt in found.values()]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_filled_in_example_follows_on_a_new_page_titled_as_an_example(lang):
    from hooks.worksheets.labels import labels

    document = docx.Document(io.BytesIO(make_docx(lang)))
    title = f"{labels(lang)['example']}: {sheet()['title'][lang]}"
    paragraphs = document.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text == title)
    assert paragraphs[index].style.name == "Heading 1"
    assert any(br.get(qn("w:type")) == "page" for p in paragraphs[:index] for br in p._p.iter(qn("w:br")))
    after = "\n".join(p.text for p in paragraphs[index:])
    values = sheet()["example"]["values"]
    assert values["partner"][lang] in after
    assert values["toelichting"][lang].split("\n")[0] in after
    assert "\u2612 " + sheet()["sections"][1]["fields"][1]["items"][0]["label"][lang] in after
    example_table = document.tables[-1]
    assert [c.text for c in example_table.rows[1].cells] == values["tabel"][lang][0]
    blocks = list(document.element.body.iterchildren())
    start = blocks.index(paragraphs[index]._p)
    assert not [sdt for block in blocks[start:] for sdt in block.iter(qn("w:sdt"))], "the example has controls"
