"""Render every worksheet in one language to PDF and DOCX, through the content-hash cache.

Pure orchestration over explicit paths: `load_sources()` validates, `build_language()` renders or
reuses; where things live on the site is paths.py.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hooks.build.store import write_atomic
from hooks.build.strict_yaml import StrictYAMLError

from . import LANGUAGES
from .cache import Cache, engine_digest, output_key
from .paths import cache_name, output_uri, page_url
from .schema import SheetError
from .source import LoadedSheet, check_related, load_sheet, load_taxonomy

KINDS = ("pdf", "docx")


class WorksheetErrors(Exception):
    """One or more worksheet sources are invalid; `errors` lists every problem."""

    def __init__(self, errors: list[SheetError]):
        self.errors = errors
        files = sorted({e.file for e in errors})
        super().__init__(f"{len(errors)} problem(s) in {', '.join(files)}")


@dataclass
class Source:
    """One valid worksheet source: its file, raw bytes and data."""

    path: Path
    raw: bytes
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return self.data["id"]


@dataclass
class Output:
    sheet: str
    lang: str
    kind: str
    uri: str  # final path in the built site
    path: Path  # the file in the cache
    rendered: bool


@dataclass
class Report:
    lang: str
    sheets: int
    outputs: list[Output] = field(default_factory=list)
    seconds: float = 0.0
    repaired: list[str] = field(default_factory=list)  # damaged cache files rendered again

    @property
    def rendered(self) -> int:
        return sum(o.rendered for o in self.outputs)

    @property
    def cached(self) -> int:
        return len(self.outputs) - self.rendered

    def summary(self) -> str:
        repaired = f" ({len(self.repaired)} damaged in the cache and rendered again)" if self.repaired else ""
        return (
            f"worksheets ({self.lang}): {self.sheets} sheets, {len(self.outputs)} files, "
            f"{self.rendered} rendered{repaired}, {self.cached} cached, {self.seconds:.1f} s"
        )


def source_files(root: Path) -> list[Path]:
    return sorted((root / "worksheets").glob("*.yml"))


def load_sources(root: Path, *, docs_dir: Path | None = None, paths: list[Path] | None = None) -> list[Source]:
    """Validate every worksheets/*.yml under `root`; raise WorksheetErrors listing all problems.

    With `docs_dir`, also check that every `related:` page exists in docs/<lang>/ for each language,
    and that download names are unique.
    """
    errors: list[SheetError] = []
    try:
        taxonomy = load_taxonomy(root)
    except StrictYAMLError as exc:
        raise WorksheetErrors([SheetError(exc.source, "", exc.problem, exc.fix, exc.line)]) from None
    sources: list[Source] = []
    for path in paths if paths is not None else source_files(root):
        display = _display(path, root)
        loaded: LoadedSheet = load_sheet(path, display=display, taxonomy=taxonomy)
        errors.extend(loaded.errors)
        if loaded.data is None or loaded.errors:
            continue
        if docs_dir is not None:
            errors.extend(
                check_related(
                    loaded.data,
                    file=display,
                    lines=loaded.lines,
                    exists=lambda lang, rel: (docs_dir / lang / rel).is_file(),
                )
            )
        sources.append(Source(path, path.read_bytes(), loaded.data))
    seen: dict[str, str] = {}
    for source in sources:
        for lang in LANGUAGES:
            name = cache_name(source.data, lang, "pdf")
            if name in seen:
                errors.append(
                    SheetError(
                        _display(source.path, root),
                        f"files.{lang}",
                        f"download name '{name}' is also used by {seen[name]}",
                        "choose a unique name",
                    )
                )
            seen[name] = _display(source.path, root)
    if errors:
        raise WorksheetErrors(errors)
    return sources


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def render(source: Source, lang: str, kind: str, *, site_url: str) -> bytes:
    """Render one output (no cache). The renderers load here, so `check` starts fast."""
    from . import docx_writer, pdf, qr, render_html

    url = page_url(site_url, lang, source.id)
    if kind == "pdf":
        return pdf.render_pdf(render_html.sheet_document(source.data, lang, url=url, qr=qr.qr_svg_data_uri(url)))
    return docx_writer.render_docx(source.data, lang, url=url)


def build_language(sources: list[Source], lang: str, *, site_url: str, cache_dir: Path) -> Report:
    """Render (or take from the cache) the PDF and DOCX of every sheet in one language."""
    started = time.perf_counter()
    cache = Cache(cache_dir)
    engine = engine_digest()
    report = Report(lang=lang, sheets=len(sources))
    try:
        for source in sources:
            for kind in KINDS:
                name = cache_name(source.data, lang, kind)
                key = output_key(source=source.raw, engine=engine, kind=kind, lang=lang, site_url=site_url)
                rendered = not cache.fresh(name, key)
                if rendered:
                    cache.store(name, key, render(source, lang, kind, site_url=site_url))
                report.outputs.append(
                    Output(source.id, lang, kind, output_uri(source.data, lang, kind), cache.path(name, key), rendered)
                )
    finally:
        cache.save()
    report.repaired = list(cache.damaged)
    report.seconds = time.perf_counter() - started
    return report


def field_files(sources: list[Source], lang: str, *, cache_dir: Path) -> list[Output]:
    """The JSON of every sheet's fields in one language (fields.py), for the browser: written to
    the cache folder when its text changed, published at assets/worksheets/<lang>/<id>.json."""
    from .fields import json_path, sheet_json

    outputs = []
    for source in sources:
        uri = json_path(lang, source.id)
        path = cache_dir / "fields" / lang / f"{source.id}.json"
        text = sheet_json(source.data, lang) + "\n"
        fresh = path.is_file() and path.read_text(encoding="utf-8") == text
        if not fresh:
            write_atomic(path, text.encode("utf-8"))
        outputs.append(Output(source.id, lang, "json", uri, path, not fresh))
    return outputs
