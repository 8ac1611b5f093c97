"""Helpers for the worksheet tests: fixture paths, rendering, PDF fields, poppler and zbar."""

from __future__ import annotations

import io
import pathlib
import shutil
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from hooks.worksheets.source import load_sheet

DATA = pathlib.Path(__file__).resolve().parent / "data" / "worksheets"
VALID = DATA / "proefblad.yml"
INVALID = DATA / "invalid"
SITE_URL = "https://belangenoptafel.example.org/"


def sheet(path: pathlib.Path = VALID) -> dict:
    loaded = load_sheet(path)
    assert loaded.ok, [str(e) for e in loaded.errors]
    return loaded.data


def need(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        pytest.fail(f"{tool} is not installed: run `make test-deps` (see .ci/apt-packages.txt)")
    return found


def libreoffice_pdf(docx: list[pathlib.Path], outdir: pathlib.Path, timeout: int) -> None:
    """Convert DOCX files to PDF with LibreOffice (headless, its profile in `outdir`), one call;
    each `x.docx` becomes `outdir/x.pdf`. Fails the test when LibreOffice is missing."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.fail("LibreOffice is not installed: run `make test-deps` (libreoffice-writer-nogui)")
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{outdir}/lo", "--convert-to", "pdf"]
        + ["--outdir", str(outdir), *(str(p) for p in docx)],
        check=True,
        capture_output=True,
        timeout=timeout,
    )


def pdf_text(pdf: bytes, page: int | None = None) -> str:
    """The text of a PDF (poppler), or of one page of it."""
    need("pdftotext")
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def render_page(pdf: bytes, dpi: int = 150, page: int = 1) -> Image.Image:
    need("pdftoppm")
    out = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout
    return Image.open(io.BytesIO(out)).convert("L")


def decode_qr(image: Image.Image) -> list[str]:
    need("zbarimg")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", "-"],
        input=buffer.getvalue(),
        capture_output=True,
    )
    return [line for line in result.stdout.decode().splitlines() if line]


def decode_pdf_qr(pdf: bytes) -> list[str]:
    found: list[str] = []
    for number in range(1, len(PdfReader(io.BytesIO(pdf)).pages) + 1):
        found += decode_qr(render_page(pdf, 150, number))
    return found


def widget_fields(pdf: bytes) -> dict[str, dict]:
    """Every AcroForm field by name, with its /TU and /FT (radio kids folded into their group)."""
    reader = PdfReader(io.BytesIO(pdf))
    fields = {}
    for ref in reader.trailer["/Root"]["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        name = str(field.get("/T"))
        if name in fields:
            continue
        fields[name] = {"TU": str(field.get("/TU", "")), "FT": str(field.get("/FT", ""))}
    return fields


def expected_field_names(data: dict) -> set[str]:
    """The PDF field name of every input the worksheet source asks for."""
    names: set[str] = set()
    for section in data["sections"]:
        for field in section["fields"]:
            kind, fid = field["type"], field["id"]
            if kind in ("text", "longtext", "scale"):
                names.add(fid)
            elif kind == "table":
                for row in range(1, field.get("rows", 5) + 1):
                    names |= {f"{fid}-r{row}-{c['id']}" for c in field["columns"]}
            elif kind == "checklist":
                names |= {f"{fid}-{item['id']}" for item in field["items"]}
    return names
