"""Write a worksheet in one language as an editable Word file (python-docx).

Real Word headings (Heading 1/2/3), real tables with a repeated header row, the document
language set, the page URL and its QR code at the end, and fixed core properties.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .labels import labels
from .qr import qr_png_bytes
from .repro import normalise_zip, source_datetime
from .schema import SCALE_POINTS

LOCALES = {"nl": "nl-NL", "en": "en-GB"}
BOX = "\u2610"  # ballot box


def _set_language(document: Any, lang: str) -> None:
    """Set the proofing language in the document defaults and the Normal style."""
    locale = LOCALES[lang]
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for target in (rpr, document.styles["Normal"].element.get_or_add_rPr()):
        existing = target.find(qn("w:lang"))
        if existing is not None:
            target.remove(existing)
        lang_el = OxmlElement("w:lang")
        lang_el.set(qn("w:val"), locale)
        lang_el.set(qn("w:eastAsia"), locale)
        lang_el.set(qn("w:bidi"), "ar-SA")
        target.append(lang_el)


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _box(document: Any, lines: int) -> None:
    """An empty bordered box to write in (a one-cell table)."""
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.rows[0].cells[0]
    for _ in range(lines - 1):
        cell.add_paragraph("")


def _label(document: Any, text: str, help_text: str | None) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run(text).bold = True
    if help_text:
        help_paragraph = document.add_paragraph(help_text)
        help_paragraph.paragraph_format.keep_with_next = True
        for run in help_paragraph.runs:
            run.italic = True


def _field(document: Any, field: dict[str, Any], t, words: dict[str, str]) -> None:
    kind = field["type"]
    help_text = t(field["help"]) if field.get("help") else None
    _label(document, t(field["label"]), help_text)
    if kind == "text":
        _box(document, 1)
    elif kind == "longtext":
        _box(document, field.get("lines", 3))
    elif kind == "table":
        columns = field["columns"]
        table = document.add_table(rows=1 + field.get("rows", 5), cols=len(columns))
        table.style = "Table Grid"
        total = sum(c.get("width", 1) for c in columns)
        for index, column in enumerate(columns):
            header = table.rows[0].cells[index]
            header.text = ""
            header.paragraphs[0].add_run(t(column["label"])).bold = True
            for row in table.rows:
                row.cells[index].width = Cm(17 * column.get("width", 1) / total)
        _repeat_header(table.rows[0])
    elif kind == "checklist":
        for item in field["items"]:
            document.add_paragraph(f"{BOX} {t(item['label'])}")
    elif kind == "scale":
        document.add_paragraph(words["scale"].format(min=t(field["min"]), max=t(field["max"]), n=SCALE_POINTS))
        document.add_paragraph("    ".join(f"{BOX} {n}" for n in range(1, SCALE_POINTS + 1)))


def render_docx(sheet: dict[str, Any], lang: str, *, url: str) -> bytes:
    """DOCX bytes for one worksheet in one language. Deterministic."""
    words = labels(lang)

    def t(value: Any) -> str:
        return value[lang]

    document = Document()
    _set_language(document, lang)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin = section.bottom_margin = Cm(1.8)
    document.styles["Normal"].font.size = Pt(10.5)

    document.add_heading(t(sheet["title"]), level=1)
    document.add_paragraph(t(sheet["purpose"]))
    document.add_heading(words["instructions"], level=2)
    for step in sheet["instructions"][lang]:
        document.add_paragraph(step, style="List Number")

    for part in sheet["sections"]:
        document.add_heading(t(part["title"]), level=2)
        if part.get("intro"):
            document.add_paragraph(t(part["intro"]))
        for field in part["fields"]:
            _field(document, field, t, words)

    footer = document.add_paragraph()
    footer.paragraph_format.space_before = Pt(12)
    footer.add_run(f"{words['online']}: {url}")
    document.add_paragraph(f"{words['licence']} · {words['version']} {sheet['version']}")
    picture = document.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.LEFT
    picture.add_run().add_picture(io.BytesIO(qr_png_bytes(url)), width=Cm(2.6))
    _describe_picture(document, f"{words['qr_alt']} {url}")

    stamp = source_datetime()
    core = document.core_properties
    core.title = _clip(t(sheet["title"]))
    core.subject = _clip(t(sheet["purpose"]))
    core.author = words["licence"].split(" · ")[0]
    core.last_modified_by = core.author
    core.language = LOCALES[lang]
    core.keywords = sheet["id"]
    core.comments = url
    core.category = ""
    core.identifier = url
    core.revision = int(sheet["version"])
    core.version = str(sheet["version"])
    core.created = core.modified = core.last_printed = stamp

    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


def _clip(text: str, limit: int = 255) -> str:
    """Core properties hold at most 255 characters; shorten at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def _describe_picture(document: Any, text: str) -> None:
    """Give the last inline picture an alternative text (Word's 'descr')."""
    doc_prs = document.element.body.findall(".//" + qn("wp:docPr"))
    if doc_prs:
        doc_prs[-1].set("descr", text)
        doc_prs[-1].set("title", text)
