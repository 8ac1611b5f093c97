"""The worksheet DOCX: opens in python-docx with real headings and tables, the document language
set, the page URL and QR code, fixed core properties, and the same bytes every time."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from hooks.worksheets.build import page_url
from hooks.worksheets.docx_writer import render_docx
from hooks.worksheets.repro import source_datetime
from tests.worksheets_helpers import SITE_URL, decode_qr, pdf_text, sheet


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
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.fail("LibreOffice is not installed: run `make test-deps` (libreoffice-writer-nogui)")
    for lang in ("nl", "en"):
        source = tmp_path / f"proefblad-{lang}.docx"
        source.write_bytes(make_docx(lang))
        subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{tmp_path}/lo",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        text = " ".join(pdf_text((tmp_path / f"proefblad-{lang}.pdf").read_bytes()).split())
        assert sheet()["title"][lang] in text
        assert sheet()["sections"][1]["fields"][0]["columns"][0]["label"][lang] in text
