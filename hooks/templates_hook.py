"""MkDocs adapter for hooks/content/messages/ (templates you can send, templates/<id>.yml).

on_files: validate every template once per build (a problem fails the build, naming file and field).
on_page_markdown: the templates page gets its overview and sections; each guide and phase page a
template belongs to gets a 'Templates' list. on_page_content: the text blocks (escaped HTML, copy
button, mailto: link) and the copy script go into the templates page. on_post_build: per language,
sjablonen/sjablonen.json for the planner. State: none beyond the validated sources, which
messages.source.load() keeps per version of the files.
"""

import json
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from hooks.build.common import DEFAULT_LANGUAGE, LANGUAGES, SourceError, build_language, i18n_busy
from hooks.content import messages

log = get_plugin_logger("templates")
SCRIPT = "assets/templates/templates.js"


def _templates():
    try:
        return messages.source.load()
    except SourceError as exc:
        for line in str(exc).splitlines():
            log.error(line)
        raise PluginError("templates: invalid sources (listed above); see AUTHORING.md, 'Templates'.") from None


def on_files(files, config):
    if build_language(config) == DEFAULT_LANGUAGE and not i18n_busy(config):
        start = time.perf_counter()
        found = _templates()
        log.info("%d templates valid, %.2f s", len(found), time.perf_counter() - start)
    return files


def _page_path(page) -> str:
    head, _, rest = page.file.src_uri.partition("/")
    return rest if head in LANGUAGES and rest else page.file.src_uri


def on_page_markdown(markdown, page, config, files):
    here, lang = _page_path(page), build_language(config)
    if here == messages.render.PAGE and messages.render.MARKER in markdown:
        return markdown.replace(messages.render.MARKER, messages.render.render_page(lang, here, _templates()))
    folder, _, name = here.partition("/")
    if folder not in ("gesprekken", "methode") or "/" in name or name == "index.md":
        return markdown
    slug = name.removesuffix(".md")
    if folder == "gesprekken":
        section = messages.render.render_list(lang, here, messages.render.for_page("guide", slug, _templates()))
        return messages.render.insert_section(markdown, section, before_id="varianten") if section else markdown
    section = messages.render.render_list(lang, here, messages.render.for_page("phase", slug, _templates()), level=3)
    return messages.render.insert_section(markdown, section, inside_id="hulpmiddelen") if section else markdown


@event_priority(-10)  # after content_hook's glossary tooltips: a text to send carries no markup
def on_page_content(html, page, config, files):
    if _page_path(page) != messages.render.PAGE:
        return html
    lang = build_language(config)
    try:
        html = messages.render.fill_slots(html, lang, _templates())
    except SourceError as exc:
        raise PluginError(str(exc)) from None
    # The copy script, in the content so that Material's instant navigation runs it on this page
    # only; the URL is relative to the page (the assets live once, below the site root).
    return html + f'\n<script type="module" src="{get_relative_url(SCRIPT, page.url)}"></script>\n'


@event_priority(-105)  # after the i18n plugin (-100) has built every language
def on_post_build(config):
    if i18n_busy(config):
        return
    site = pathlib.Path(config.site_dir)
    templates = _templates()
    for lang in LANGUAGES:
        target = site / ("" if lang == DEFAULT_LANGUAGE else lang) / messages.render.JSON_NAME
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(messages.render.data(lang, templates), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    log.info("wrote %s for %s (%d templates)", messages.render.JSON_NAME, "+".join(LANGUAGES), len(templates))


def on_serve(server, config, builder):
    """Under `mkdocs serve`, rebuild when a template source changes."""
    server.watch(str(messages.source.SOURCE_DIR))
    return server
