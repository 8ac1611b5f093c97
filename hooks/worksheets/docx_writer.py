"""Write a worksheet in one language as an editable Word file (python-docx).

Real Word headings (Heading 1/2/3), real tables with a repeated header row, the document
language set, the page URL and its QR code, the filled-in example on a page of its own, and fixed
core properties. Every place to write is a content control (w:sdt) tagged with the input's name
(fields.py), so the browser can fill the file: plain text for texts and table cells, a check
box for each checklist item and each point of a scale.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .fields import cell_name, item_name, point_name
from .labels import labels
from .qr import qr_png_bytes
from .repro import normalise_zip, source_datetime
from .schema import SCALE_POINTS

LOCALES = {"nl": "nl-NL", "en": "en-GB"}
BOX = "\u2610"  # ballot box
CHECKED = "\u2612"  # ballot box with X
PLACEHOLDER = "\u2002" * 3  # what an empty text control shows (Word selects it on a click)
LINE_TWIPS = 300  # height of one written line in a box
PAGE = (Cm(21.0), Cm(29.7))  # A4, portrait
SIDE_MARGIN = Cm(2.0)
WIDE = 6  # a table with this many columns or more gets a landscape page (section) of its own


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


class _Ids:
    """Numbers for w:id of the content controls: unique in the document, the same every build."""

    def __init__(self) -> None:
        self.last = 0

    def next(self) -> str:
        self.last += 1
        return str(self.last)


def _control(tag: str, alias: str, ids: _Ids, kind: Any) -> tuple[Any, Any]:
    """A run-level content control (w:sdt) with its tag, title and type; returns (sdt, content)."""
    sdt, pr, content = OxmlElement("w:sdt"), OxmlElement("w:sdtPr"), OxmlElement("w:sdtContent")
    for name, value in (("w:alias", alias[:255]), ("w:tag", tag), ("w:id", ids.next())):
        element = OxmlElement(name)
        element.set(qn("w:val"), value)
        pr.append(element)
    pr.append(kind)
    sdt.append(pr)
    sdt.append(content)
    return sdt, content


def _run(text: str) -> Any:
    run, t = OxmlElement("w:r"), OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


def _text_control(paragraph: Any, tag: str, alias: str, ids: _Ids) -> None:
    """A plain-text content control at the end of `paragraph`, showing its placeholder. Every
    one allows line breaks (w:multiLine): without it LibreOffice drops the w:br of an answer
    with more than one line, and Word will not let a reader type one."""
    kind = OxmlElement("w:text")
    kind.set(qn("w:multiLine"), "1")
    sdt, content = _control(tag, alias, ids, kind)
    sdt[0].insert(len(sdt[0]) - 1, OxmlElement("w:showingPlcHdr"))
    content.append(_run(PLACEHOLDER))
    paragraph._p.append(sdt)


def _check_control(paragraph: Any, tag: str, alias: str, ids: _Ids) -> None:
    """A check box content control (Word 2010+, w14) at the end of `paragraph`, not checked."""
    box = OxmlElement("w14:checkbox")
    for name, value in (("w14:checked", "0"), ("w14:checkedState", "2612"), ("w14:uncheckedState", "2610")):
        element = OxmlElement(name)
        element.set(qn("w14:val"), value)
        if name != "w14:checked":
            element.set(qn("w14:font"), "MS Gothic")
        box.append(element)
    sdt, content = _control(tag, alias, ids, box)
    content.append(_run(BOX))
    paragraph._p.append(sdt)


def _row_height(row: Any, lines: int) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(LINE_TWIPS * lines))
    height.set(qn("w:hRule"), "atLeast")
    tr_pr.append(height)


def _box(document: Any, lines: int, tag: str, alias: str, ids: _Ids) -> None:
    """A bordered box to write in (a one-cell table, `lines` high) holding a text control."""
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    _row_height(table.rows[0], lines)
    _text_control(table.rows[0].cells[0].paragraphs[0], tag, alias, ids)


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


def _text_width(document: Any) -> int:
    """The width between the margins of the current (last) section, in EMU."""
    section = document.sections[-1]
    return section.page_width - section.left_margin - section.right_margin


def _orientation(document: Any, landscape: bool) -> None:
    """Start a new section on a new page, A4 in landscape or portrait."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (PAGE[1], PAGE[0]) if landscape else PAGE


def _table(document: Any, columns: list[dict[str, Any]], rows: int, t) -> Any:
    """A table with a bold, repeated header row, as wide as the text and its columns in
    proportion to their `width` (the sheet's source). The widths go in the table grid (what
    LibreOffice reads), in every cell (what Word reads) and the layout is fixed, so neither
    program makes the columns equal."""
    table = document.add_table(rows=1 + rows, cols=len(columns))
    table.style = "Table Grid"
    table.autofit = False
    total = sum(c.get("width", 1) for c in columns)
    full = _text_width(document)
    widths = [int(full * c.get("width", 1) / total) for c in columns]
    properties = table._tbl.tblPr
    for name, value in (("w:tblW", str(sum(widths) // 635)), ("w:tblLayout", "fixed")):
        old = properties.find(qn(name))
        if old is not None:
            properties.remove(old)
        element = OxmlElement(name)
        if name == "w:tblW":
            element.set(qn("w:w"), value)
            element.set(qn("w:type"), "dxa")
        else:
            element.set(qn("w:type"), value)
        properties.append(element)
    for grid, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid.set(qn("w:w"), str(width // 635))  # EMU to twentieths of a point
    for index, column in enumerate(columns):
        header = table.rows[0].cells[index]
        header.text = ""
        header.paragraphs[0].add_run(t(column["label"])).bold = True
        for row in table.rows:
            row.cells[index].width = widths[index]
    _repeat_header(table.rows[0])
    return table


def _field(document: Any, field: dict[str, Any], t, words: dict[str, str], ids: _Ids) -> None:
    kind, fid = field["type"], field["id"]
    help_text = t(field["help"]) if field.get("help") else None
    label = t(field["label"])
    wide = kind == "table" and len(field["columns"]) >= WIDE
    if wide:
        _orientation(document, landscape=True)
    _label(document, label, help_text)
    if kind == "text":
        _box(document, 1, fid, label, ids)
    elif kind == "longtext":
        _box(document, field.get("lines", 3), fid, label, ids)
    elif kind == "table":
        columns = field["columns"]
        table = _table(document, columns, field.get("rows", 5), t)
        for r, row in enumerate(table.rows[1:], start=1):
            _row_height(row, 1)
            for column, cell in zip(columns, row.cells, strict=True):
                alias = f"{t(column['label'])}, {words['row']} {r}"
                _text_control(cell.paragraphs[0], cell_name(fid, r, column["id"]), alias, ids)
    elif kind == "checklist":
        for item in field["items"]:
            paragraph = document.add_paragraph()
            _check_control(paragraph, item_name(fid, item["id"]), t(item["label"]), ids)
            paragraph.add_run(f" {t(item['label'])}")
    elif kind == "scale":
        key = words["scale"].format(min=t(field["min"]), max=t(field["max"]), n=SCALE_POINTS)
        document.add_paragraph(key)
        paragraph = document.add_paragraph()
        for n in range(1, SCALE_POINTS + 1):
            _check_control(paragraph, point_name(fid, n), f"{label} ({key}): {n}", ids)
            paragraph.add_run(f" {n}" + ("    " if n < SCALE_POINTS else ""))
    if wide:
        _orientation(document, landscape=False)


def _example(document: Any, sheet: dict[str, Any], lang: str, t, words: dict[str, str]) -> None:
    """The filled-in example, on a page of its own after the sheet (plain text: not to fill in)."""
    example = sheet["example"]
    values = example["values"]
    document.add_page_break()
    document.add_heading(f"{words['example']}: {t(sheet['title'])}", level=1)
    note = document.add_paragraph()
    note.add_run(words["example_note"]).bold = True
    note.add_run(f" {t(example['intro'])}")
    for part in sheet["sections"]:
        filled = [f for f in part["fields"] if f["id"] in values]
        if not filled:
            continue
        document.add_heading(t(part["title"]), level=2)
        for field in filled:
            kind, value = field["type"], values[field["id"]]
            if kind == "table":
                _label(document, t(field["label"]), None)
                table = _table(document, field["columns"], len(value[lang]), t)
                for row, cells in zip(table.rows[1:], value[lang], strict=True):
                    for cell, text in zip(row.cells, cells, strict=True):
                        cell.text = str(text)
                continue
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{t(field['label'])}: ").bold = True
            if kind in ("text", "longtext"):
                lines = t(value).split("\n")
                for index, line in enumerate(lines):
                    run = paragraph.add_run(line)
                    if index < len(lines) - 1:
                        run.add_break()
            elif kind == "scale":
                key = words["scale"].format(min=t(field["min"]), max=t(field["max"]), n=SCALE_POINTS)
                paragraph.add_run(f"{value} ({key})")
            elif kind == "checklist":
                for item in field["items"]:
                    mark = CHECKED if item["id"] in value else BOX
                    document.add_paragraph(f"{mark} {t(item['label'])}")


def render_docx(sheet: dict[str, Any], lang: str, *, url: str) -> bytes:
    """DOCX bytes for one worksheet in one language. Deterministic."""
    words = labels(lang)

    def t(value: Any) -> str:
        return value[lang]

    document = Document()
    _set_language(document, lang)
    section = document.sections[0]
    section.page_width, section.page_height = PAGE
    for side in ("left_margin", "right_margin"):
        setattr(section, side, SIDE_MARGIN)
    section.top_margin = section.bottom_margin = Cm(1.8)
    document.styles["Normal"].font.size = Pt(10.5)

    document.add_heading(t(sheet["title"]), level=1)
    document.add_paragraph(t(sheet["purpose"]))
    document.add_heading(words["instructions"], level=2)
    for step in sheet["instructions"][lang]:
        document.add_paragraph(step, style="List Number")

    ids = _Ids()
    for part in sheet["sections"]:
        document.add_heading(t(part["title"]), level=2)
        if part.get("intro"):
            document.add_paragraph(t(part["intro"]))
        for field in part["fields"]:
            _field(document, field, t, words, ids)

    footer = document.add_paragraph()
    footer.paragraph_format.space_before = Pt(12)
    footer.add_run(f"{words['online']}: {url}")
    document.add_paragraph(f"{words['licence']} · {words['version']} {sheet['version']}")
    picture = document.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.LEFT
    picture.add_run().add_picture(io.BytesIO(qr_png_bytes(url)), width=Cm(2.6))
    _describe_picture(document, f"{words['qr_alt']} {url}")
    _example(document, sheet, lang, t, words)

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
