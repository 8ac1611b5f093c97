"""MkDocs adapter for the worksheet engine (hooks/worksheets/).

on_files: validate worksheets/*.yml, render (or reuse) the PDF and DOCX of the language being
built and add them as files at their final paths. on_page_markdown: pages with front matter
`worksheet: <id>` get their body from the YAML. Runs once per language (i18n plugin); keeps no
state between calls: everything is derived from config and the cache folder.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # MkDocs does not add the repo root

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from hooks.worksheets import DEFAULT_LANGUAGE, STYLES_DIR
from hooks.worksheets.build import KINDS, WorksheetErrors, build_language, file_name, load_sources, output_uri
from hooks.worksheets.page import Link, download_text, page_markdown, page_title, relative_href

log = get_plugin_logger("worksheets")
SCREEN_CSS_URI = "assets/worksheets.css"


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def _cache_dir(config) -> Path:
    return _root(config) / ".cache" / "plugin" / "worksheets"


def _sources(config):
    try:
        return load_sources(_root(config), docs_dir=Path(config.docs_dir))
    except WorksheetErrors as exc:
        for error in exc.errors:
            log.error(str(error))
        raise PluginError(f"worksheets: {exc}; see the messages above") from None


def on_files(files: Files, config, **kwargs) -> Files:
    """Add the current language's worksheet downloads (files in the cache) to the site."""
    lang = _language(config)
    report = build_language(_sources(config), lang, site_url=config.site_url or "", cache_dir=_cache_dir(config))
    for output in report.outputs:
        existing = files.get_file_from_path(output.uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, output.uri, abs_src_path=str(output.path)))
    # The on-screen form's stylesheet, at the same URL in every language build (extra_css lists it).
    if files.get_file_from_path(SCREEN_CSS_URI) is None:
        files.append(File.generated(config, SCREEN_CSS_URI, abs_src_path=str(STYLES_DIR / "screen.css")))
    log.logger.info(report.summary())  # the summary names itself: no "worksheets: " prefix
    return files


def on_page_markdown(markdown: str, page, config, files: Files, **kwargs) -> str | None:
    """Render the body of a worksheet page (front matter `worksheet: <id>`) from its YAML."""
    sheet_id = page.meta.get("worksheet")
    if not sheet_id:
        return None
    lang = _language(config)
    root = _root(config)
    docs_lang = Path(config.docs_dir) / lang
    # Path inside the language folder (also right for a page that falls back to the Dutch file).
    page_rel = "/".join(Path(page.file.abs_src_path).resolve().relative_to(Path(config.docs_dir).resolve()).parts[1:])
    source_path = root / "worksheets" / f"{sheet_id}.yml"
    if not source_path.is_file():
        raise PluginError(
            f"{page.file.src_uri}: worksheet: '{sheet_id}' has no source worksheets/{sheet_id}.yml. "
            "Fix: correct the id in the front matter or add the YAML file"
        )
    (source,) = _load_one(config, source_path)
    sheet = source.data
    downloads = []
    for kind in KINDS:
        generated = files.get_file_from_path(output_uri(sheet, lang, kind))  # added in on_files
        size = Path(generated.abs_src_path).stat().st_size if generated is not None else 0
        href = relative_href(f"werkbladen/{file_name(sheet, lang, kind)}", page_rel)
        downloads.append(Link(download_text(sheet, lang, kind, size), href))
    related = [
        Link(page_title(docs_lang / rel) or rel, relative_href(rel, page_rel)) for rel in sheet.get("related") or []
    ]
    return markdown.rstrip() + "\n\n" + page_markdown(sheet, lang, downloads=downloads, related=related)


def _load_one(config, path: Path):
    try:
        return load_sources(_root(config), docs_dir=Path(config.docs_dir), paths=[path])
    except WorksheetErrors as exc:
        for error in exc.errors:
            log.error(str(error))
        raise PluginError(f"worksheets: {exc}; see the messages above") from None


def on_serve(server, config, builder, **kwargs):
    """Under `mkdocs serve`, rebuild when a worksheet source or the engine changes."""
    server.watch(str(_root(config) / "worksheets"))
    server.watch(str(STYLES_DIR.parent / "templates"))
    server.watch(str(STYLES_DIR))
    return server
