"""MkDocs adapter for hooks/content.py: validates guide and story front matter and fills in the
generated parts (fact boxes, related guides, indexes, glossary, glossary tooltips)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from mkdocs.plugins import get_plugin_logger

from hooks import citations, content, glossary
from hooks.common import LANGUAGES, SourceError, build_language

log = get_plugin_logger("content")


def _page_path(page) -> str:
    """The page's path below its language folder: 'gesprekken/kerngesprek.md'."""
    uri = page.file.src_uri
    head, _, rest = uri.partition("/")
    return rest if head in LANGUAGES and rest else uri


def on_page_markdown(markdown, page, config, files):
    lang, here = build_language(config), _page_path(page)
    source = pathlib.Path(page.file.abs_src_path)
    try:
        if here.startswith("gesprekken/") and not here.endswith("index.md"):
            problems = content.validate_guide(source, markdown, page.meta)
            if not problems:
                factbox = content.render_guide_factbox(lang, here, page.meta)
                markdown = content.insert_after_h1(markdown, factbox) + content.render_related(lang, here, page.meta)
        elif here.startswith("praktijk/") and not here.endswith("index.md"):
            problems = content.validate_story(source, page.meta)
            if not problems:
                markdown = content.insert_after_h1(markdown, content.render_story_header(lang, here, page.meta))
        else:
            problems = []
        for marker, render in content.MARKERS.items():
            if marker in markdown:
                markdown = markdown.replace(marker, render(lang, here))
        markdown = citations.link_citations(markdown, here)
    except SourceError as exc:
        problems = str(exc).splitlines()
    for problem in problems:
        log.error(problem)
    return markdown


PERMALINK_TITLES = {"nl": "Kopieer de link naar dit kopje", "en": "Copy the link to this section"}


def on_page_content(html, page, config, files):
    # toc's permalink title is one setting for both languages; give each language its own.
    lang = build_language(config)
    title = PERMALINK_TITLES.get(lang, PERMALINK_TITLES["nl"])
    try:
        if _page_path(page) != "begrippen.md":  # the glossary itself has the definitions in full
            html = glossary.add_tooltips(html, lang)
    except SourceError as exc:
        log.error(str(exc))
    if page.meta.get("print") == "one-page":  # compact print styles (site.css) so it fits one A4
        html = f'<div class="print-one-page">{html}</div>'
    return html.replace('class="headerlink" href=', f'class="headerlink" aria-label="{title}" href=').replace(
        f'title="{config.mdx_configs.get("toc", {}).get("permalink_title", "")}"', f'title="{title}"'
    )
