"""`make serve`: MkDocs' dev server, with a fast path for the editor's loop.

Stock `mkdocs serve` rebuilds the whole site, in both languages, on every save. This server is
MkDocs' own LiveReloadServer and build, plus one thing: it keeps the last build in memory (per
language: the files, the navigation, every page with its rendered content, the theme's compiled
templates, each page's search entries) and, when the saved files allow it, builds only the pages
that depend on them (hooks/build/dependencies.py says which), in one long-lived process:

1. for each language (the default first, as the i18n plugin does): set the config to it (the i18n
   plugin's own `on_config`), replay our hooks' `on_files` (their per-build state: the hash of the
   sources, validated worksheets, made PDF/DOCX downloads, which are copied when new), then each
   affected page goes through MkDocs' own `_populate_page` and `_build_page` (every plugin event);
2. then the site-wide outputs a page feeds (SITE_STEPS): the search index (the pages' entries in
   build order, de-duplicated by the i18n plugin, split per language by hooks/pages/i18n_site.py) and the
   slimmed stylesheet (made again from Material's original only when the set of classes in the site
   changed).

A page whose title changes, a new or removed file, a change to the config, a template, our code or
any source without a rule, gives the stock full rebuild (MkDocs' `build`, which also refreshes the
memory). So does an error in the fast path. The link check runs on full builds only (`make build`).
A test compares every served page with a clean build after each kind of edit
(tests/test_devserve.py). Markdown is converted again only when a page's Markdown changed (kept per
page in memory): an edit to the glossary re-renders every page's template and tooltips, not its
Markdown.

Usage: python -m hooks.build.devserve [--dev-addr 127.0.0.1:8000]   (MKDOCS_STRICT=false, as make serve)
"""

from __future__ import annotations

import argparse
import copy
import json
import logging
import os
import pathlib
import shutil
import sys
import tempfile
import threading
import time
from urllib.parse import urlsplit

import watchdog.events
from mkdocs.commands import build as mkbuild
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer, _serve_url
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

from hooks.build import dependencies
from hooks.build.common import DEFAULT_LANGUAGE, LANGUAGES, REPO
from hooks.pages import i18n_site, slim_css

log = logging.getLogger("mkdocs.devserve")
INCLUSION = InclusionLevel.is_in_serve  # what `mkdocs serve` builds


class _Language:
    """One language of the last build: its files, navigation, template environment and pages."""

    def __init__(self, lang: str, files, nav):
        self.lang, self.files, self.nav = lang, files, nav
        self.env = None
        self.pages: list = []  # in build order (the order of the search entries)
        self.entries: dict[int, list] = {}  # id(page) -> its search entries

    def rel(self, page) -> str:
        head, _, rest = page.file.src_uri.partition("/")
        return rest if head in LANGUAGES and rest else page.file.src_uri


class Memory:
    """The last build, recorded while it ran (a plugin object added to the config of each full
    build), and the fast path that builds pages again from it."""

    def __init__(self, root: pathlib.Path):
        self.root = root
        self.ready = False  # a full build was recorded: the fast path may run
        self.config = None
        self.languages: dict[str, _Language] = {}
        self.languages_order: list[str] = []
        self.index: dict[tuple[str, str], object] = {}  # (language, path below it) -> page
        self.usage: dict[str, tuple[frozenset, frozenset]] = {}  # site file -> (classes/words, properties)
        self._search_count = 0

    # ---- recording (events of a full build) ----------------------------------------------------

    def attach(self, config) -> None:
        """Record the next full build of `config`."""
        self.ready, self.config, self.languages = False, config, {}
        config.plugins["devserve-memory"] = self

    @staticmethod
    def _lang(config) -> str:
        return getattr(config.plugins.get("i18n"), "current_language", None) or DEFAULT_LANGUAGE

    @event_priority(-1000)  # after the i18n plugin made the language's navigation
    def on_nav(self, nav, config, files):
        self.languages[self._lang(config)] = _Language(self._lang(config), files, nav)
        self._search_count = len(_search(config).search_index.entries)
        return nav

    def on_pre_page(self, page, config, files):
        if not isinstance(page.__dict__.get("render"), _MarkdownMemo):
            page.render = _MarkdownMemo(page)  # its Markdown is converted again only when it changed
        return page

    @event_priority(-1000)  # the last one: an env another plugin returned is the one pages use
    def on_env(self, env, config, files):
        self.languages[self._lang(config)].env = env
        return env

    @event_priority(-1000)  # after the search plugin indexed the page
    def on_page_context(self, context, page, config, nav):
        if self.ready:  # a fast rebuild keeps the entries itself
            return context
        language = self.languages[self._lang(config)]
        entries = _search(config).search_index.entries
        language.pages.append(page)
        language.entries[id(page)] = list(entries[self._search_count :])
        self._search_count = len(entries)
        return context

    @event_priority(-1000)  # the very end: after the last language and every site-wide step
    def on_post_build(self, config):
        if getattr(config.plugins.get("i18n"), "building", False):
            return
        self.languages_order = [lang for lang in LANGUAGES if lang in self.languages]
        self.index = {(lang, language.rel(p)): p for lang, language in self.languages.items() for p in language.pages}
        self.usage = {
            str(p.relative_to(config.site_dir)): _usage(p, pathlib.Path(config.site_dir))
            for p in pathlib.Path(config.site_dir).rglob("*")
            if p.suffix in (".html", ".js", ".css")
        }
        self.ready = True

    # ---- what the last build knew (hooks/dependencies.View) -------------------------------------

    def pages(self, lang):
        return [self.languages[lang].rel(p) for p in self.languages[lang].pages] if lang in self.languages else []

    def _page(self, lang, rel):
        return self.index.get((lang, rel))

    def source(self, lang, rel):
        page = self._page(lang, rel)
        return getattr(page, "_devserve_source", None) if page is not None else None

    def meta(self, lang, rel):
        page = self._page(lang, rel)
        return page.meta if page is not None else {}

    # ---- the fast path ---------------------------------------------------------------------------

    def update(self, changed: set[str]) -> bool:
        """Build what the changed files (project-relative) affect. False: a full rebuild is needed."""
        impact = dependencies.impact(changed, _View(self), self.root)
        if impact.full:
            log.info("full rebuild: %s", impact.full)
            return False
        start = time.perf_counter()
        config, written, titles = self.config, [], {}
        for lang in self.languages_order:
            wanted = {rel for lg, rel in impact.pages if lg == lang}
            if not wanted and lang != DEFAULT_LANGUAGE:
                continue
            language = self.languages[lang]
            _switch_language(config, lang)
            if not self._replay_on_files(language):
                return False
            pages = [p for p in language.pages if language.rel(p) in wanted]
            for page in pages:
                titles[id(page)] = page.title
                mkbuild._populate_page(page, config, language.files)
            doc_files = language.files.documentation_pages(inclusion=INCLUSION)
            for page in pages:
                if page.title != titles[id(page)]:
                    log.info(
                        "full rebuild: the title of %s changed (it is in every page's navigation)", page.file.src_uri
                    )
                    return False
                search = _search(config)
                search.search_index = type(search.search_index)(**search.config)
                mkbuild._build_page(page, config, doc_files, language.nav, language.env)
                language.entries[id(page)] = list(search.search_index.entries)
                written.append(pathlib.Path(page.file.abs_dest_path))
            anchors = config.validation.links.anchors
            for page in language.pages:
                page.validate_anchor_links(files=language.files, log_level=anchors)
        for step in SITE_STEPS:
            step(self, config, written)
        log.info(
            "fast rebuild: %d page(s) of %s in %.2f s (the link check runs on `make build`)",
            len(written),
            " + ".join(sorted({lg for lg, _ in impact.pages})) or "no language",
            time.perf_counter() - start,
        )
        return True

    def _replay_on_files(self, language) -> bool:
        """Our hooks' on_files for this language (their per-build state, generated downloads); files
        they replaced are copied to the site. False when the set of files changed."""
        config = self.config
        hooks = set(config["hooks"])
        before = {f.src_uri: f for f in language.files}
        files = language.files
        for handler in config.plugins.events["files"]:
            if getattr(handler, "__module__", None) in hooks:
                files = handler(files, config=config) or files
        if files is not language.files or {f.src_uri for f in files} != set(before):
            log.info("full rebuild: the hooks changed the set of files")
            return False
        for file in files:
            old = before[file.src_uri]
            if old is file or file.is_documentation_page():
                continue
            if old.abs_src_path is None or file.abs_src_path is None:  # generated in memory
                changed = old.content_bytes != file.content_bytes
            else:  # a file on disk: the worksheet cache names each output by its inputs; a file
                # rewritten in place (a sheet's fields JSON, the planner's data) is newer than its copy
                changed = old.abs_src_path != file.abs_src_path or file.is_modified()
            if changed:
                file.copy_file()
        return True


class _View:
    """hooks/dependencies.View over the memory."""

    def __init__(self, memory: Memory):
        self.memory, self.languages = memory, tuple(memory.languages_order)

    def pages(self, lang):
        return self.memory.pages(lang)

    def source(self, lang, rel):
        return self.memory.source(lang, rel)

    def meta(self, lang, rel):
        return self.memory.meta(lang, rel)


class _MarkdownMemo:
    """`page.render` that converts the Markdown only when it differs from the last conversion of
    this page; otherwise it restores what that conversion set (content, toc, title, anchors, links)
    and repeats its warnings."""

    def __init__(self, page):
        self.page, self.markdown, self.saved, self.records = page, None, None, []
        self.render = type(page).render.__get__(page)

    def __call__(self, config, files):
        page = self.page
        page._devserve_source = page.file.content_string  # for hooks/build/dependencies.py: what changed
        if self.saved is not None and page.markdown == self.markdown:
            content, toc, title, anchors, links = self.saved
            page.content, page.toc, page._title_from_render = content, copy.deepcopy(toc), title
            page.present_anchor_ids = set(anchors) if anchors is not None else None
            page.links_to_anchors = {f: dict(v) for f, v in links.items()} if links is not None else None
            for record in self.records:
                logging.getLogger(record.name).handle(record)
            return
        catcher = _Catch()
        logging.getLogger("mkdocs").addHandler(catcher)
        try:
            self.render(config, files)
        finally:
            logging.getLogger("mkdocs").removeHandler(catcher)
        self.markdown, self.records = page.markdown, catcher.records
        links = page.links_to_anchors
        self.saved = (
            page.content,
            copy.deepcopy(page.toc),
            page._title_from_render,
            set(page.present_anchor_ids or ()) if page.present_anchor_ids is not None else None,
            {f: dict(v) for f, v in links.items()} if links is not None else None,
        )


class _Catch(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def _search(config):
    return config.plugins["material/search"] if "material/search" in config.plugins else config.plugins["search"]


def _switch_language(config, lang: str) -> None:
    """Set the (shared) config to `lang` the way the i18n plugin does before each language build
    (it builds the other languages inside the default one's on_post_build, on the same config;
    upstream, a public `configure(config, language)` would make this one call)."""
    i18n = config.plugins["i18n"]
    quiet = logging.getLogger("mkdocs.plugins.mkdocs_static_i18n")
    level = quiet.level
    quiet.setLevel(logging.WARNING)  # its 'Building … documentation' lines would mislead here
    try:
        i18n.current_language = lang
        i18n.on_config(config)
    finally:
        quiet.setLevel(level)


def _usage(path: pathlib.Path, site: pathlib.Path) -> tuple[frozenset, frozenset]:
    """What hooks/pages/slim_css.py reads from one built file: (classes and script words, custom properties)."""
    return slim_css.usage(path.relative_to(site).as_posix(), path.read_text(encoding="utf-8", errors="replace"))


# ---- site-wide outputs that pages feed ----------------------------------------------------------


def search_step(memory: Memory, config, written) -> None:
    """The search index: every page's entries in build order, de-duplicated by the i18n plugin as
    in a full build, written by the search plugin, split per language (hooks/pages/i18n_site.py)."""
    entries = [
        e
        for lang in memory.languages_order
        for p in memory.languages[lang].pages
        for e in memory.languages[lang].entries[id(p)]
    ]
    i18n, search = config.plugins["i18n"], _search(config)
    if i18n.config.reconfigure_search:
        i18n.reconfigure_search_duplicates(entries)  # linear: hooks/speedups_hook.py
    search.search_index = type(search.search_index)(**search.config)
    search.search_index.entries.extend(entries)
    # What the search plugin's on_post_build writes, split per language without the detour via disk.
    index = json.loads(search.search_index.generate_search_index(None))
    i18n_site.write_search_indexes(pathlib.Path(config.site_dir), index)


def stylesheet_step(memory: Memory, config, written) -> None:
    """The slimmed Material stylesheet (hooks/pages/slim_css.py): made again from the original only when
    the classes or custom properties the site uses changed."""
    site = pathlib.Path(config.site_dir)
    sheets = sorted((site / "assets" / "stylesheets").glob("main.*.min.css"))
    fresh = {str(path.relative_to(site)): _usage(path, site) for path in written}
    if all(memory.usage.get(name) == usage for name, usage in fresh.items()):
        return  # no written page uses another class or property than before
    before = _union(memory.usage, sheets, site)
    memory.usage.update(fresh)
    after = _union(memory.usage, sheets, site)
    if after == before:
        return
    files = memory.languages[DEFAULT_LANGUAGE].files
    for sheet in sheets:
        original = files.get_file_from_path(str(sheet.relative_to(site)))
        css = pathlib.Path(original.abs_src_path).read_text(encoding="utf-8")
        sheet.write_text(slim_css.slim(css, after[0], after[1]), encoding="utf-8")
    log.info("stylesheet slimmed again: the site's classes changed")


def _union(usage, sheets, site) -> tuple[set, frozenset]:
    skip = {str(s.relative_to(site)) for s in sheets}
    used: set[str] = set()
    props: set[str] = set()
    for name, (words, read) in usage.items():
        if name.endswith((".html", ".js")):
            used |= words
        if name not in skip:
            props |= read
    return used, frozenset(props)


# Site-wide steps of a fast rebuild, in order. A hook that writes a file after the build from the
# pages or their sources (a planner's data, hosting files) adds its step here.
SITE_STEPS = [search_step, stylesheet_step]


# ---- the server ------------------------------------------------------------------------------------


class Server(LiveReloadServer):
    """MkDocs' LiveReloadServer that also remembers which files changed. `watch` is the stock one
    plus that; upstream, LiveReloadServer could hand the changed paths to the builder itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.changed: set[str] = set()

    def watch(self, path, func=None, *, recursive=True):
        path = os.path.abspath(path)
        if func is not None and func is not self.builder:
            raise TypeError("Plugins can no longer pass a 'func' parameter to watch().")
        if path in self._watched_paths:
            self._watched_paths[path] += 1
            return
        self._watched_paths[path] = 1

        def callback(event):
            if event.is_directory:
                return
            with self._rebuild_cond:
                for name in (event.src_path, getattr(event, "dest_path", "")):
                    if name:
                        self.changed.add(os.fsdecode(name))
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = callback
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def take_changes(self) -> set[str]:
        with self._rebuild_cond:
            changed, self.changed = self.changed, set()
        return changed


def serve(dev_addr: str | None = None, config_file: str | None = None) -> None:
    """`mkdocs serve` (livereload, no --dirty) with the fast path above."""
    site_dir = tempfile.mkdtemp(prefix="mkdocs_")
    memory = Memory(REPO)

    def get_config():
        kwargs = {"dev_addr": dev_addr} if dev_addr else {}
        return load_config(config_file=config_file, site_dir=site_dir, **kwargs)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    serve_url = _serve_url(host, port, mount_path)
    lock = threading.Lock()

    def builder(config=None):
        with lock:
            changed = server.take_changes()
            if config is None and memory.ready:
                rel = set()
                for name in changed:
                    path = pathlib.Path(name)
                    if path.is_relative_to(REPO):
                        rel.add(path.relative_to(REPO).as_posix())
                    else:
                        rel.add(str(path))
                try:
                    if memory.update(rel):
                        return
                except Exception as exc:  # any failure of the fast path: the full build below decides
                    # (a content error then fails it with the stock message; our bug costs only time)
                    log.info("fast rebuild failed (%s: %s); full rebuild", type(exc).__name__, exc)
            log.info("Building documentation...")
            if config is None:
                config = get_config()
            config.site_url = serve_url
            memory.attach(config)
            mkbuild.build(config, serve_url=serve_url)

    server = Server(builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path)

    def error_handler(code):
        if code in (404, 500):
            page = pathlib.Path(site_dir, f"{code}.html")
            if page.is_file():
                return page.read_bytes()
        return None

    server.error_handler = error_handler
    try:
        builder(config)
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-a", "--dev-addr", help="IP:PORT to serve on (default: mkdocs.yml's dev_addr)")
    parser.add_argument("-f", "--config-file", help="mkdocs.yml to use")
    args = parser.parse_args(argv)
    from mkdocs.__main__ import ColorFormatter

    handler = logging.StreamHandler()
    handler.setFormatter(ColorFormatter())
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    serve(args.dev_addr, args.config_file)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
