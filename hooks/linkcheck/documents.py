"""URLs printed in the worksheet downloads (PDF text and link annotations, DOCX text and
hyperlinks). The QR code carries the same page URL as the text; decoding it is tested elsewhere.

Text extraction with pypdf costs about 60 ms per PDF, so results are cached by content hash in
.cache/linkcheck/documents.json: an unchanged worksheet costs one hash on the next build.
"""

from __future__ import annotations

import hashlib
import json
import pathlib
import re
import zipfile

import pypdf
from pypdf.errors import PdfReadError

CACHE_VERSION = 1
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_RUN = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def _pdf_urls(path: pathlib.Path) -> list[str]:
    reader = pypdf.PdfReader(path)
    urls = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                urls.append(str(action["/URI"]))
        urls += _URL.findall(page.extract_text() or "")
    return urls


def _docx_urls(path: pathlib.Path) -> list[str]:
    urls = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("word/") and name.endswith((".xml", ".rels")):
                text = zf.read(name).decode("utf-8", errors="replace")
                if name.endswith(".rels"):
                    urls += re.findall(r'Target="(https?://[^"]+)"', text)
                else:
                    # Text runs may split a URL: join the runs of each paragraph first.
                    for para in text.split("</w:p>"):
                        urls += _URL.findall("".join(_RUN.findall(para)))
    return urls


def _clean(url: str) -> str:
    return url.rstrip(".,;:")


def document_urls(files: list[pathlib.Path], cache_file: pathlib.Path | None) -> dict[pathlib.Path, list[str]]:
    """The URLs in each PDF/DOCX, sorted and unique. A file that cannot be read lists ['!unreadable: …']."""
    cache: dict = {}
    if cache_file and cache_file.is_file():
        try:
            cache = json.loads(cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            cache = {}
        if cache.get("version") != CACHE_VERSION:
            cache = {}
    entries = cache.setdefault("files", {})
    cache["version"] = CACHE_VERSION
    result, used, changed = {}, set(), False
    for path in files:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        used.add(digest)
        if digest not in entries:
            try:
                urls = _pdf_urls(path) if path.suffix == ".pdf" else _docx_urls(path)
            except (PdfReadError, zipfile.BadZipFile, KeyError, ValueError) as exc:
                urls = [f"!unreadable: {exc}"]
            entries[digest] = sorted({_clean(u) for u in urls})
            changed = True
        result[path] = entries[digest]
    if cache_file and (changed or set(entries) - used):
        cache["files"] = {k: v for k, v in entries.items() if k in used}
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_text(json.dumps(cache, indent=0, sort_keys=True), encoding="utf-8")
    return result
