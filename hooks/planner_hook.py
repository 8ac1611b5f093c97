"""MkDocs adapter for hooks/planner.py: the planner's data, one JSON per language.

on_files: in the default-language pass, read and check every guide of every language once (the
languages must agree, so they are checked together) and write the JSON files into
.cache/plugin/planner/; each language build then adds its own file at /<lang>/plannen/gidsen.json.
A problem (a step without a goal or a literal question, languages that disagree) is logged as an
error naming the file and the step, so a strict build fails; the guide is left out of the data.
"""

import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from hooks import planner
from hooks.common import DEFAULT_LANGUAGE, DOCS, LANGUAGES, build_language, url_prefix

log = get_plugin_logger("planner")


def _cache(config) -> pathlib.Path:
    return pathlib.Path(config.config_file_path).resolve().parent / ".cache" / "plugin" / "planner"


def on_files(files, config):
    lang = build_language(config)
    cache = _cache(config)
    if lang == DEFAULT_LANGUAGE:
        start = time.perf_counter()
        data, problems = planner.build_all(DOCS)
        for problem in problems:
            log.error(problem)
        for code in LANGUAGES:
            target = cache / code / "gidsen.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            text = planner.to_json(data[code])
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8")
        guides = data[DEFAULT_LANGUAGE]["guides"]
        log.info(
            "%d guides, %d steps per language -> %s; %.2f s",
            len(guides),
            sum(len(g["steps"]) for g in guides),
            planner.FILE,
            time.perf_counter() - start,
        )
    uri = url_prefix(lang) + planner.FILE
    existing = files.get_file_from_path(uri)
    if existing is not None:
        files.remove(existing)
    files.append(File.generated(config, uri, abs_src_path=str(cache / lang / "gidsen.json")))
    return files
