"""MkDocs adapter for hooks/pages/i18n_site.py: twins, per-language search, sitemaps and 404 pages."""

import logging
import pathlib
import sys
import time
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger

from hooks.build import buildlock
from hooks.build.common import DEFAULT_LANGUAGE, LANGUAGES, SourceError, build_language, i18n_busy
from hooks.build.store import Store
from hooks.content import freshness
from hooks.content.guides.render import insert_after_h1
from hooks.pages import i18n_site, redirects

log = get_plugin_logger("i18n-site")
_not_found_pages: dict[str, str] = {}
_stale: dict[str, tuple[int, int]] = {}


class _KnownWarningFilter(logging.Filter):
    """The plugin warns that its contextual language link does not survive instant navigation.
    True for stock Material; assets/site/site.js computes the twin at click time, so we drop the record."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "not compatible with theme.features = navigation.instant" not in record.getMessage()


def on_startup(command, dirty):
    for name in ("mkdocs.plugins.mkdocs_static_i18n", "mkdocs.plugins.mkdocs_static_i18n.reconfigure"):
        logging.getLogger(name).addFilter(_KnownWarningFilter())


def on_files(files, config):
    # Once per build is enough; the default-language build runs first.
    if build_language(config) == DEFAULT_LANGUAGE and not i18n_busy(config):
        _not_found_pages.clear()
        problems = i18n_site.missing_twins()
        if problems:
            for line in problems:
                log.error(line)
            raise PluginError(f"{len(problems)} page(s) without a twin in the other language (listed above).")
    if build_language(config) != DEFAULT_LANGUAGE:
        _stale.clear()
        try:
            _stale.update(freshness.stale_translations(lang=build_language(config)))
        except SourceError as exc:
            raise PluginError(str(exc)) from None
        for rel, (nl_time, en_time) in sorted(_stale.items()):
            log.info(
                "translation older than its Dutch source: docs/%s/%s (Dutch %s, translation %s)",
                build_language(config),
                rel,
                freshness.day(nl_time),
                freshness.day(en_time),
            )
    return files


@event_priority(100)  # before anything else of the build: MkDocs cleans the site folder after this event
def on_pre_build(config):
    if not i18n_busy(config):
        buildlock.acquire(config.site_dir, wait=log.info)


def on_build_error(error):
    buildlock.release_all()


def on_post_template(output_content, template_name, config):
    # Keep this language's 404 page in memory: the next language build writes /404.html again,
    # and reading it back from disk would read whatever was written last.
    if template_name == "404.html":
        _not_found_pages[build_language(config)] = output_content
    return output_content


def on_page_markdown(markdown, page, config, files):
    # A visible notice on a translation that is older than its Dutch source (hooks/content/freshness.py).
    head, _, rel = page.file.src_uri.partition("/")
    if head in LANGUAGES and head != DEFAULT_LANGUAGE and rel in _stale:
        return insert_after_h1(markdown, freshness.notice(*_stale[rel]))
    return markdown


@event_priority(-110)  # after the i18n plugin (-100) has built every language
def _finish(config):
    if i18n_busy(config):
        return
    start = time.perf_counter()
    site = pathlib.Path(config.site_dir)
    site_path = urllib.parse.urlsplit(config.site_url or "/").path or "/"
    for lang, html in _not_found_pages.items():
        target = site / ("404.html" if lang == DEFAULT_LANGUAGE else f"{lang}/404.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(i18n_site.point_language_links_home(html, site_path), encoding="utf-8")
    try:
        moved = redirects.load()
        problems = redirects.write_redirects(site, site_path, moved)
    except SourceError as exc:
        moved, problems = {}, str(exc).splitlines()
    for problem in problems:
        log.error(problem)
    kept = Store(pathlib.Path(config.config_file_path).resolve().parent / ".cache" / "plugin" / "search-index")
    try:
        counts = i18n_site.write_search_indexes_kept(site, kept)
    except SourceError as exc:  # a search synonym that leads nowhere (data/synonyms.yml)
        counts = {}
        for line in str(exc).splitlines():
            log.error(line)
    for key in kept.damaged:
        log.info("search-index cache: %s was damaged (its hash did not match); made it again", key)
    maps = i18n_site.write_language_sitemaps(site, config.site_url)
    log.info(
        "search %s; sitemaps %s; 404 pages %s; %d redirects; %.2f s",
        ", ".join(f"{k} {v} entries" for k, v in counts.items()),
        ", ".join(f"{k} {v} urls" for k, v in maps.items()),
        "+".join(sorted(_not_found_pages)),
        len(moved) * 2,
        time.perf_counter() - start,
    )


@event_priority(-200)  # the very last step of the whole build (after the link check and the memo)
def _unlock(config):
    if not i18n_busy(config):
        buildlock.release(config.site_dir)


on_post_build = CombinedEvent(_finish, _unlock)
