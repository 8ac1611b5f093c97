"""MkDocs adapter for hooks/content/guides/: validates guide and story front matter (source.py) and fills
in the generated parts (render.py: fact boxes, related guides, indexes, glossary, glossary tooltips)."""

import json
import pathlib
import sys

import markupsafe

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from hooks.build import memo
from hooks.build.common import DEFAULT_LANGUAGE, DOCS, LANGUAGES, REPO, SourceError, build_language, i18n_busy
from hooks.content import citations, frontmatter, glossary, guides, scriptguard

log = get_plugin_logger("content")
# Hash of the sources the generated parts read (all pages, data/, worksheets/); set per build.
_sources_version = {"value": ""}


def on_files(files, config):
    # Once per build: the default language is built first, the others follow in the same process
    # and read the same sources.
    if build_language(config) == DEFAULT_LANGUAGE:
        memo.begin()
        # The checks below read the pages, data/, templates/ and worksheets/ (and nothing else): their
        # problems come from the memo while those and our code are unchanged.
        docs = pathlib.Path(config.docs_dir)
        checked = memo.tree_version(docs, REPO / "data", REPO / "templates", REPO / "worksheets")
        # MkDocs shows front matter it cannot parse as page text: fail first, naming file and line.
        problems = memo.remember("check-front-matter", _check_front_matter, str(docs), checked)
        for problem in problems:
            log.error(problem)
        if problems:
            raise PluginError(f"{len(problems)} page(s) with front matter the build cannot read (listed above).")
        # Content never carries script: no source may hold a script element or an event handler.
        problems = memo.remember("check-scripts", _check_scripts, str(REPO), checked)
        for problem in problems:
            log.error(problem)
        if problems:
            raise PluginError(f"{len(problems)} script element(s) or event handler(s) in the content (listed above).")
        # Duration, phase, sector, …: one fact, the same in both languages (strict mode fails on it).
        for problem in memo.remember("check-twin-facts", _check_twin_facts, str(docs), checked):
            log.error(problem)
        _sources_version["value"] = memo.tree_version(DOCS, REPO / "data", REPO / "worksheets")
    return files


def _check_front_matter(docs: str, _sources: str) -> list[str]:
    return frontmatter.check_tree(pathlib.Path(docs))


def _check_scripts(repo: str, _sources: str) -> list[str]:
    return scriptguard.check(pathlib.Path(repo))


def _check_twin_facts(docs: str, _sources: str) -> list[str]:
    return guides.source.check_twin_facts(pathlib.Path(docs))


def _page_path(page) -> str:
    """The page's path below its language folder: 'gesprekken/kerngesprek.md'."""
    uri = page.file.src_uri
    head, _, rest = uri.partition("/")
    return rest if head in LANGUAGES and rest else uri


def on_page_markdown(markdown, page, config, files):
    lang, here = build_language(config), _page_path(page)
    # The result depends on the page, its front matter and the sources: from the memo when unchanged.
    markdown, problems = memo.remember(
        "content-markdown",
        lambda *_: _generate(markdown, page.meta, pathlib.Path(page.file.abs_src_path), lang, here),
        markdown,
        json.dumps(page.meta, sort_keys=True, default=str),
        page.file.src_uri,
        lang,
        here,
        _sources_version["value"],
    )
    for problem in problems:
        log.error(problem)
    return markdown


def _generate(markdown: str, meta: dict, source: pathlib.Path, lang: str, here: str) -> list:
    """The page's Markdown with its generated parts, and the problems found: [markdown, problems]."""
    try:
        if here.startswith("gesprekken/") and not here.endswith("index.md"):
            problems = guides.source.validate_guide(source, markdown, meta)
            if not problems:
                factbox = guides.render.render_guide_factbox(lang, here, meta)
                markdown = guides.render.insert_after_h1(markdown, factbox) + guides.render.render_related(
                    lang, here, meta
                )
        elif here.startswith("praktijk/") and not here.endswith("index.md"):
            problems = guides.source.validate_story(source, meta)
            if not problems:
                markdown = guides.render.insert_after_h1(markdown, guides.render.render_story_header(lang, here, meta))
        else:
            problems = []
        for marker, render in guides.render.MARKERS.items():
            if marker in markdown:
                markdown = markdown.replace(marker, render(lang, here))
        markdown = citations.link_citations(markdown, here)
    except SourceError as exc:
        problems = str(exc).splitlines()
    return [markdown, problems]


PERMALINK_TITLES = {"nl": "Kopieer de link naar dit kopje", "en": "Copy the link to this section"}


def on_page_content(html, page, config, files):
    # toc's permalink title is one setting for both languages; give each language its own.
    lang = build_language(config)
    title = PERMALINK_TITLES.get(lang, PERMALINK_TITLES["nl"])
    try:
        if _page_path(page) != "begrippen.md":  # the glossary itself has the definitions in full
            html = memo.remember("tooltips", glossary.add_tooltips, html, lang, deps=[glossary.SOURCE])
    except SourceError as exc:
        log.error(str(exc))
    # A title is text, but Material's templates print page titles as HTML (MkDocs runs Jinja with
    # autoescape off): escape it once, as Markup, which `|e` in a template leaves alone.
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = markupsafe.escape(page.meta["title"])
    if page.meta.get("print") == "one-page":  # compact print styles (site.css) so it fits one A4
        html = f'<div class="print-one-page">{html}</div>'
    return html.replace('class="headerlink" href=', f'class="headerlink" aria-label="{title}" href=').replace(
        f'title="{config.mdx_configs.get("toc", {}).get("permalink_title", "")}"', f'title="{title}"'
    )


@event_priority(-130)  # the very end of the build: after the last language and the link check
def on_post_build(config):
    if not i18n_busy(config):
        reused, computed = memo.save()
        log.info("memo (.cache/plugin/memo): %d results reused, %d computed", reused, computed)


def on_serve(server, config, builder):
    """Under `mkdocs serve`, rebuild when a data file changes (glossary, taxonomy, sources, redirects)."""
    server.watch(str(REPO / "data"))
    return server
