"""MkDocs adapter for hooks/content/facts.py: puts the facts of data/facts.yml where a page says
`<!-- fact:ID -->`. Listed before content_hook, so citations in a fact are linked like any other."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from mkdocs.plugins import get_plugin_logger

from hooks.build.common import LANGUAGES, SourceError, build_language, where_is
from hooks.content import facts

log = get_plugin_logger("facts")
_state: dict[str, dict] = {}


def on_files(files, config):
    # data/facts.yml is checked once per language build; a broken file is reported once, here.
    state = _state[build_language(config)] = {"shown": 0, "ok": True}
    try:
        facts.facts()
    except SourceError as exc:
        state["ok"] = False
        for problem in str(exc).splitlines():
            log.error(problem)
    return files


def on_page_markdown(markdown, page, config, files):
    state = _state.setdefault(build_language(config), {"shown": 0, "ok": True})
    if "fact:" not in markdown or not state["ok"]:
        return markdown
    head, _, rest = page.file.src_uri.partition("/")
    here = rest if head in LANGUAGES and rest else page.file.src_uri
    try:
        expanded = facts.expand(markdown, build_language(config), here, where_is(pathlib.Path(page.file.abs_src_path)))
    except SourceError as exc:
        for problem in str(exc).splitlines():
            log.error(problem)
        return markdown
    state["shown"] += len(facts.MARKER.findall(markdown))
    return expanded


def on_post_build(config):
    lang = build_language(config)
    log.info("%d shown on %s pages (data/facts.yml)", _state.get(lang, {}).get("shown", 0), lang)
