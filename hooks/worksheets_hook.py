"""MkDocs adapter for the worksheet engine (hooks/worksheets/).

on_files: validate worksheets/*.yml, render (or reuse) the PDF and DOCX of the language being
built and the JSON of their fields, and add them as files at their final paths.
on_page_markdown: pages with front matter `worksheet: <id>` get their body from the YAML;
on_page_content puts the form and the example into the rendered page (from hooks/build/memo.py when the
source is unchanged). Runs once per language (i18n plugin). State: the validated sources of the
language build in progress (set by on_files, read by the page events); validation itself is
memoised while the sources and the page set are unchanged.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # MkDocs does not add the repo root

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from hooks.build import memo
from hooks.content.citations import cite_text
from hooks.worksheets import DEFAULT_LANGUAGE, STYLES_DIR
from hooks.worksheets.build import (
    KINDS,
    Source,
    WorksheetErrors,
    build_language,
    field_files,
    load_sources,
)
from hooks.worksheets.page import (
    Link,
    download_text,
    fill_slots,
    fragments,
    md_text,
    page_markdown,
    page_title,
    relative_href,
)
from hooks.worksheets.paths import file_name, output_uri

log = get_plugin_logger("worksheets")
SCREEN_CSS_URI = "assets/worksheets.css"


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def _cache_dir(config) -> Path:
    return _root(config) / ".cache" / "plugin" / "worksheets"


_validated: dict[str, list] = {"sources": []}  # the sources of the build in progress


def _sources(config):
    """The validated worksheets/*.yml (from hooks/build/memo.py while the sources, the taxonomy and the
    set of pages, which `related:` links must exist in, are unchanged)."""
    root, docs = _root(config), Path(config.docs_dir)
    watched = sorted((root / "worksheets").glob("*.yml")) + [root / "data" / "taxonomy.yml"]
    pages = "\n".join(sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")))

    def validate(*_):
        return [[str(s.path), s.data] for s in load_sources(root, docs_dir=docs)]

    try:
        valid = memo.remember("worksheet-sources", validate, str(root), pages, deps=watched)
    except WorksheetErrors as exc:
        for error in exc.errors:
            log.error(str(error))
        raise PluginError(f"worksheets: {exc}; see the messages above") from None
    _validated["sources"] = [Source(Path(path), Path(path).read_bytes(), data) for path, data in valid]
    return _validated["sources"]


def _title(path: Path) -> str | None:
    return memo.remember("page-title", lambda p: page_title(Path(p)), str(path), deps=[path])


def _source(sheet_id: str):
    """The validated source of a sheet id in the build in progress (on_files validated them all)."""
    return next((s for s in _validated["sources"] if s.path.stem == sheet_id), None)


def on_files(files: Files, config, **kwargs) -> Files:
    """Add the current language's worksheet downloads (files in the cache) to the site."""
    lang = _language(config)
    sources = _sources(config)
    report = build_language(sources, lang, site_url=config.site_url or "", cache_dir=_cache_dir(config))
    # ... and the JSON of each sheet's fields, for the browser (assets/worksheets/answers.js, fill.js).
    for output in report.outputs + field_files(sources, lang, cache_dir=_cache_dir(config)):
        existing = files.get_file_from_path(output.uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, output.uri, abs_src_path=str(output.path)))
    # The on-screen form's stylesheet, at the same URL in every language build (extra_css lists it).
    if files.get_file_from_path(SCREEN_CSS_URI) is None:
        files.append(File.generated(config, SCREEN_CSS_URI, abs_src_path=str(STYLES_DIR / "screen.css")))
    for name in report.repaired:  # never an error: the file was simply made again
        log.logger.info("worksheet cache: %s was damaged (its hash did not match); rendered it again", name)
    log.logger.info(report.summary())  # the summary names itself: no "worksheets: " prefix
    return files


def on_page_markdown(markdown: str, page, config, files: Files, **kwargs) -> str | None:
    """Render the body of a worksheet page (front matter `worksheet: <id>`) from its YAML."""
    sheet_id = page.meta.get("worksheet")
    if not sheet_id:
        return None
    lang = _language(config)
    docs_lang = Path(config.docs_dir) / lang
    # Path inside the language folder (also right for a page that falls back to the Dutch file).
    page_rel = "/".join(Path(page.file.abs_src_path).resolve().relative_to(Path(config.docs_dir).resolve()).parts[1:])
    source = _source(sheet_id)
    if source is None:
        raise PluginError(
            f"{page.file.src_uri}: worksheet: '{sheet_id}' has no source worksheets/{sheet_id}.yml. "
            "Fix: correct the id in the front matter or add the YAML file"
        )
    sheet = source.data
    downloads = []
    for kind in KINDS:
        generated = files.get_file_from_path(output_uri(sheet, lang, kind))  # added in on_files
        size = Path(generated.abs_src_path).stat().st_size if generated is not None else 0
        href = relative_href(f"werkbladen/{file_name(sheet, lang, kind)}", page_rel)
        downloads.append(Link(download_text(sheet, lang, kind, size), href))
    related = [Link(_title(docs_lang / rel) or rel, relative_href(rel, page_rel)) for rel in sheet.get("related") or []]
    body = page_markdown(
        sheet, lang, downloads=downloads, related=related, cite=lambda text: cite_text(text, page_rel, md_text)
    )
    return markdown.rstrip() + "\n\n" + body


@event_priority(50)  # before content_hook's glossary tooltips, which also cover the form's texts
def on_page_content(html: str, page, config, files: Files, **kwargs) -> str | None:
    """Put the form and the example of a worksheet page where page_markdown left placeholders."""
    sheet_id = page.meta.get("worksheet")
    if not sheet_id:
        return None
    lang = _language(config)
    source = _source(sheet_id)
    parts = memo.remember(
        "worksheet-fragments",
        lambda raw, lang: fragments(source.data, lang),
        source.raw.decode("utf-8"),
        lang,
        deps=[_root(config) / "data" / "taxonomy.yml"],
    )
    try:
        return fill_slots(html, parts)
    except ValueError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}. The page body comes from worksheets/{sheet_id}.yml") from None


def on_serve(server, config, builder, **kwargs):
    """Under `mkdocs serve`, rebuild when a worksheet source or the engine changes."""
    server.watch(str(_root(config) / "worksheets"))
    server.watch(str(STYLES_DIR.parent / "templates"))
    server.watch(str(STYLES_DIR))
    return server
