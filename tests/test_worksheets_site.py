"""Worksheets in the built site: every sheet has its PDF and DOCX in both languages, linked from
its page with an on-screen form and an example; every PDF is A4, tagged, in its language,
fillable with readable field names, small, with a QR code that leads to its own page."""

from __future__ import annotations

import io
import pathlib
import subprocess
import sys
import urllib.parse

import docx
import pytest
import yaml
from bs4 import BeautifulSoup
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.helpers import REPO, build, scratch_copy
from tests.worksheets_helpers import decode_pdf_qr, expected_field_names, pdf_text, widget_fields

SOURCES = sorted((REPO / "worksheets").glob("*.yml"))
SHEETS = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in SOURCES}
CASES = [(sheet_id, lang) for sheet_id in SHEETS for lang in ("nl", "en")]
PREFIX = {"nl": "", "en": "en/"}
LOCALE = {"nl": "nl-NL", "en": "en-GB"}


def download(site: pathlib.Path, sheet_id: str, lang: str, kind: str) -> pathlib.Path:
    return site / f"{PREFIX[lang]}werkbladen/{SHEETS[sheet_id]['files'][lang]}.{kind}"


def test_every_taxonomy_worksheet_has_a_source():
    taxonomy = yaml.safe_load((REPO / "data" / "taxonomy.yml").read_text(encoding="utf-8"))
    assert sorted(w["id"] for w in taxonomy["worksheets"]) == sorted(SHEETS)


def test_all_sources_pass_the_check():
    result = subprocess.run(
        [sys.executable, "-m", "hooks.worksheets", "check"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("sheet_id", "lang"), CASES)
def test_page_links_downloads_and_shows_form_and_example(built_site, sheet_id, lang):
    page = built_site / f"{PREFIX[lang]}werkbladen/{sheet_id}/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article")
    hrefs = {a["href"] for a in article.find_all("a", href=True)}
    for kind in ("pdf", "docx"):
        name = f"{SHEETS[sheet_id]['files'][lang]}.{kind}"
        assert f"../{name}" in hrefs
        assert download(built_site, sheet_id, lang, kind).is_file()
    form = article.find("form", class_="ws-form")
    assert form is not None and form.find(["input", "textarea"]) is not None
    assert article.find(class_="ws-example") is not None
    for heading in ("wanneer", "invullen", "downloaden", "werkblad", "voorbeeld"):
        assert article.find(id=heading) is not None, heading
    for href in hrefs:
        if href.startswith(("http", "#", "mailto:")):
            continue
        target = (page.parent / urllib.parse.unquote(href.split("#")[0])).resolve()
        assert target.exists() or (target / "index.html").exists(), href


@pytest.mark.parametrize(("sheet_id", "lang"), CASES)
def test_pdf_is_accessible_fillable_and_small(built_site, sheet_id, lang):
    data = download(built_site, sheet_id, lang, "pdf").read_bytes()
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and "/MarkInfo" in root
    assert root["/Lang"] == lang
    for pdf_page in reader.pages:
        assert round(float(pdf_page.mediabox.width)) == 595 and round(float(pdf_page.mediabox.height)) == 842
    fields = widget_fields(data)
    assert expected_field_names(SHEETS[sheet_id]) <= set(fields)
    assert all(f["TU"].strip() for f in fields.values())
    assert len(data) < 100_000 * len(reader.pages)
    assert SHEETS[sheet_id]["title"][lang] in " ".join(pdf_text(data).split())


@pytest.mark.parametrize(("sheet_id", "lang"), CASES)
def test_qr_code_leads_to_the_sheet_page_in_the_built_site(built_site, site_url, sheet_id, lang):
    data = download(built_site, sheet_id, lang, "pdf").read_bytes()
    expected = f"{site_url}{PREFIX[lang]}werkbladen/{sheet_id}/"
    assert decode_pdf_qr(data) == [expected]
    assert (built_site / expected.removeprefix(site_url) / "index.html").is_file()


@pytest.mark.parametrize(("sheet_id", "lang"), CASES)
def test_docx_opens_with_headings_tables_and_language(built_site, sheet_id, lang):
    document = docx.Document(str(download(built_site, sheet_id, lang, "docx")))
    assert document.paragraphs[0].style.name == "Heading 1"
    assert document.paragraphs[0].text == SHEETS[sheet_id]["title"][lang]
    assert len(document.tables) >= 1
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(".//" + qn("w:lang")).get(qn("w:val")) == LOCALE[lang]


def test_a_bad_worksheet_fails_the_build_with_file_field_and_fix(tmp_path):
    (tmp_path / "project").mkdir()
    project = scratch_copy(tmp_path / "project")
    source = project / "worksheets" / "belangenkaart.yml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("related:\n", "related:\n  - gesprekken/bestaat-niet.md\n", 1), encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "worksheets/belangenkaart.yml:" in output
    assert "related[0]: page 'gesprekken/bestaat-niet.md' does not exist" in output
    assert "Aborted with a BuildError" in output
