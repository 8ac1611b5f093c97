"""Helpers for the tests of worksheets filled in on the page (assets/worksheets/answers.js and
fill.js): a reader's browser profile that logs every request, the sheet's field data as the page
carries it, filling every field the way a reader does, and reading the answers back out of a
filled PDF or DOCX."""

from __future__ import annotations

import io
import json
import urllib.parse

from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.helpers import pick_language

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PREFIX = {"nl": "", "en": "en/"}
DIACRITICS = "Ĳsselstein: één ïdee, café, ë"
KEY = "belangen-op-tafel:answers:"


class Reader:
    """A fresh browser profile (its own storage) at phone or desktop size, with a log of every
    request any of its pages makes."""

    def __init__(self, browser, server: str, *, phone: bool = False, javascript: bool = True):
        self.server = server
        self.context = browser.new_context(
            **(PHONE if phone else DESKTOP), accept_downloads=True, java_script_enabled=javascript
        )
        self.requests: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.dialogs: list[str] = []  # the questions asked (window.confirm)
        self.accept_dialogs = True
        self.page.on("dialog", self._answer)

    def _answer(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        if self.accept_dialogs:
            dialog.accept()
        else:
            dialog.dismiss()

    def open(self, path: str) -> None:
        """Open a worksheet page and wait until its answer tools are ready."""
        self.page.goto(self.server + path)
        self.page.wait_for_selector(".ws-tools[data-ws-ready]:not([hidden])", timeout=15_000)

    def data(self) -> dict:
        return json.loads(self.page.get_attribute(".ws-tools", "data-ws"))

    def status(self, text: str, timeout: int = 60_000) -> None:
        """Wait until the status line says `text` (a part of it)."""
        self.page.wait_for_function(
            "t => (document.querySelector('.ws-status').textContent || '').includes(t)", arg=text, timeout=timeout
        )

    def download(self, selector: str, timeout: int = 120_000) -> tuple[str, bytes]:
        """Click `selector`, wait for the download; its suggested name and bytes."""
        with self.page.expect_download(timeout=timeout) as info:
            self.page.click(selector)
        download = info.value
        with open(download.path(), "rb") as stream:
            return download.suggested_filename, stream.read()

    def stored(self, sheet: str) -> dict | None:
        raw = self.page.evaluate("k => localStorage.getItem(k)", KEY + sheet)
        return json.loads(raw) if raw else None

    def more(self) -> None:
        """Open 'Copies and clearing'."""
        if not self.page.evaluate("document.querySelector('.ws-more').open"):
            self.page.click(".ws-more > summary")

    def foreign_requests(self) -> list[str]:
        """Requests that left the site's origin (blob: and data: URLs of the page stay in it)."""
        origin = urllib.parse.urlsplit(self.server)
        mine = f"{origin.scheme}://{origin.netloc}"
        return [
            url
            for url in self.requests
            if not (url.startswith(mine + "/") or url.startswith("data:") or url.startswith(f"blob:{mine}/"))
        ]

    def close(self) -> None:
        self.context.close()


def switch_language(reader: Reader, lang: str, path: str) -> None:
    """Use the header's language menu (a phone has it too) and wait for the twin page."""
    pick_language(reader.page, lang, "/" + path)
    reader.page.wait_for_selector(".ws-tools[data-ws-ready]:not([hidden])", timeout=15_000)


def long_text(lang: str) -> str:
    line = {
        "nl": "Wij willen eerst weten wat het voor de huurders betekent, en ook wat het kost voor ons.",
        "en": "We first want to know what it means for the tenants, and also what it costs us.",
    }[lang]
    return "\n".join(f"{n}. {line} {DIACRITICS}" for n in range(1, 16))  # about 1,800 characters


def fill_everything(reader: Reader, data: dict) -> dict:
    """Fill every field of the sheet through the form, as a reader does; the answers (the answers
    format) it should hold."""
    page = reader.page
    answers: dict = {}
    for f_index, field in enumerate(data["fields"]):
        kind = field["type"]
        if kind == "text":
            value = f"{f_index} {DIACRITICS}"
            page.fill(f"[name='{field['pdf']}']", value)
            answers[field["id"]] = value
        elif kind == "longtext":
            value = long_text(data["lang"])
            page.fill(f"[name='{field['pdf']}']", value)
            answers[field["id"]] = value
        elif kind == "table":
            rows = []
            for r, names in enumerate(field["pdf"]):
                cells = {}
                for c, name in enumerate(names):
                    value = f"r{r + 1}k{c + 1} één"
                    page.fill(f"[name='{name}']", value)
                    cells[field["columns"][c]["id"]] = value
                rows.append(cells)
            answers[field["id"]] = rows
        elif kind == "checklist":
            chosen = [item for i, item in enumerate(field["items"]) if i % 2 == 0]
            for item in chosen:
                page.check(f"[name='{item['pdf']}']")
            answers[field["id"]] = [item["id"] for item in chosen]
        elif kind == "scale":
            page.check(f"[name='{field['pdf']}'][value='4']")
            answers[field["id"]] = 4
    return answers


def expected_values(data: dict, answers: dict) -> tuple[dict[str, str], set[str], dict[str, int]]:
    """(text per input name, checked check box names, chosen point per scale) for `answers`."""
    texts, checked, points = {}, set(), {}
    for field in data["fields"]:
        value = answers.get(field["id"])
        if value is None:
            continue
        if field["type"] in ("text", "longtext"):
            texts[field["pdf"]] = value
        elif field["type"] == "table":
            for r, names in enumerate(field["pdf"]):
                for c, name in enumerate(names):
                    if field["columns"][c]["id"] in value[r]:
                        texts[name] = value[r][field["columns"][c]["id"]]
        elif field["type"] == "checklist":
            checked |= {item["pdf"] for item in field["items"] if item["id"] in value}
        elif field["type"] == "scale":
            points[field["pdf"]] = value
    return texts, checked, points


def pdf_answers(pdf: bytes) -> tuple[dict[str, str], set[str], dict[str, int]]:
    """What a filled PDF holds: text per field, checked check boxes, the chosen point of each radio
    group (read from the chosen button's /TU, which ends in ': <point>')."""
    reader = PdfReader(io.BytesIO(pdf))
    texts, checked, points = {}, set(), {}
    for ref in reader.trailer["/Root"]["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        name = str(field.get("/T"))
        if field.get("/FT") == "/Tx" and field.get("/V"):
            texts[name] = str(field["/V"])
        elif "/Kids" in field:
            for kid in field["/Kids"]:
                kid = kid.get_object()
                if kid.get("/AS") not in (None, "/Off"):
                    points[name] = int(str(kid["/TU"]).rsplit(":", 1)[1])
        elif field.get("/FT") == "/Btn" and field.get("/V") not in (None, "/Off"):
            checked.add(name)
    return texts, checked, points


def run_text(element) -> str:
    """The text of a piece of WordprocessingML: w:t, with w:br as a new line and w:tab as a tab."""
    out = []
    for node in element.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
        out.append(node.text or "" if node.tag == qn("w:t") else "\n" if node.tag == qn("w:br") else "\t")
    return "".join(out)


def docx_answers(data: bytes) -> tuple[dict[str, str], set[str]]:
    """What a filled DOCX holds: the text of each text control and the tags of checked boxes."""
    body = Document(io.BytesIO(data)).element.body
    w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
    texts, checked = {}, set()
    for sdt in body.iter(qn("w:sdt")):
        properties = sdt.find(qn("w:sdtPr"))
        tag = properties.find(qn("w:tag")).get(qn("w:val"))
        box = properties.find(f"{w14}checkbox")
        if box is not None:
            if box.find(f"{w14}checked").get(f"{w14}val") == "1":
                checked.add(tag)
        elif properties.find(qn("w:showingPlcHdr")) is None:
            texts[tag] = run_text(sdt.find(qn("w:sdtContent")))
    return texts, checked
