"""MkDocs adapter for hooks/pages/last_updated.py: the date each page was last updated, from git, as
`page.meta.last_updated` for overrides/partials/source-file.html."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from mkdocs.plugins import get_plugin_logger

from hooks.build.common import DEFAULT_LANGUAGE, LANGUAGES, build_language
from hooks.pages import last_updated

log = get_plugin_logger("last-updated")
_history: dict[str, object] = {"times": {}, "kind": "none"}


def on_files(files, config):
    # Once per build: the default language is built first, the others follow in the same process.
    if build_language(config) == DEFAULT_LANGUAGE:
        times, kind = last_updated.last_changes()
        _history.update(times=times, kind=kind)
        note = {
            "full": "",
            "shallow": " (shallow clone: pages unchanged in the fetched commits get no date)",
            "none": " (not a git checkout: no dates shown)",
        }[kind]
        log.info("page dates from git: %d files dated%s", len(times), note)
    return files


def on_page_context(context, page, config, nav):
    lang = build_language(config)
    head, _, rel = page.file.src_uri.partition("/")
    when = last_updated.page_time(_history["times"], lang, rel if head in LANGUAGES else page.file.src_uri)
    if when is not None:
        page.meta["last_updated"] = last_updated.describe(when, lang)
    return context
