"""MkDocs adapter for hooks/content/planner.py: the planner's data, one JSON per language.

on_files: in the default-language pass, read and check every guide of every language once (the
languages must agree, so they are checked together) and write the JSON files into
.cache/plugin/planner/; each language build then adds its own files at /<lang>/plannen/gidsen.json
and /<lang>/plannen/details.json (what the script, run mode and the export load when first needed).
A problem (a step without a goal or a literal question, languages that disagree) is logged as an
error naming the file and the step, so a strict build fails; the guide is left out of the data.
"""

import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from hooks.build import memo
from hooks.build.common import DEFAULT_LANGUAGE, DOCS, LANGUAGES, REPO, build_language, url_prefix
from hooks.content import planner

log = get_plugin_logger("planner")
_NAMES = ("gidsen.json", "details.json")  # in the cache, per language: planner.split's two parts


def _cache(config) -> pathlib.Path:
    return pathlib.Path(config.config_file_path).resolve().parent / ".cache" / "plugin" / "planner"


def _build_all(docs: str, _sources: str) -> list:
    """planner.build_all, as a memo step: the data of every language and the problems."""
    data, problems = planner.build_all(pathlib.Path(docs))
    return [data, problems]


def on_files(files, config):
    lang = build_language(config)
    cache = _cache(config)
    if lang == DEFAULT_LANGUAGE:
        start = time.perf_counter()
        # From hooks/build/memo.py while the pages, data/, templates/ and our code are unchanged.
        sources = memo.tree_version(DOCS, REPO / "data", REPO / "templates")
        data, problems = memo.remember("planner-data", _build_all, str(DOCS), sources)
        for problem in problems:
            log.error(problem)
        for code in LANGUAGES:
            for name, part in zip(_NAMES, planner.split(data[code]), strict=True):
                target = cache / code / name
                target.parent.mkdir(parents=True, exist_ok=True)
                text = planner.to_json(part)
                if not target.is_file() or target.read_text(encoding="utf-8") != text:
                    target.write_text(text, encoding="utf-8")
        guides = data[DEFAULT_LANGUAGE]["guides"]
        log.info(
            "%d guides, %d steps, %d invitations per language -> %s, %s; %.2f s",
            len(guides),
            sum(len(g["steps"]) for g in guides),
            len(data[DEFAULT_LANGUAGE]["invitations"]),
            planner.FILE,
            planner.DETAILS,
            time.perf_counter() - start,
        )
    for name, path in zip(_NAMES, (planner.FILE, planner.DETAILS), strict=True):
        uri = url_prefix(lang) + path
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, abs_src_path=str(cache / lang / name)))
    return files
