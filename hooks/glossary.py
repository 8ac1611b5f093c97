"""The glossary (data/begrippen.yml): validation, the glossary page, and the tooltips.

Every entry has a term and a definition in both languages; its `tooltip` word forms get an
<abbr title="definition"> wherever they occur in a page's text (one pass over the page HTML).
"""

from __future__ import annotations

import functools
import html
import pathlib
import re

from hooks.citations import cite_text
from hooks.common import LANGUAGES, REPO, SourceError, load_yaml, where_is
from hooks.escape import md_text

SOURCE = REPO / "data" / "begrippen.yml"
LABELS = {
    "nl": {"other": "Engels", "confuse": "Let op"},
    "en": {"other": "Dutch", "confuse": "Watch out"},
}


def glossary() -> list[dict]:
    """The glossary entries of data/begrippen.yml, validated (once per version of the file)."""
    path = SOURCE
    return _glossary(path, path.stat().st_mtime if path.exists() else 0.0)


@functools.lru_cache(maxsize=4)
def _glossary(path: pathlib.Path, mtime: float) -> list[dict]:
    entries = load_yaml(path) or []
    problems, ids = [], set()
    if not isinstance(entries, list):
        raise SourceError(f"{where_is(path)}: must be a list of entries (see AUTHORING.md, 'Glossary').")
    for i, entry in enumerate(entries):
        where = f"{where_is(path)}: entry {i + 1} ({entry.get('id', '?') if isinstance(entry, dict) else '?'})"
        if not isinstance(entry, dict) or not entry.get("id"):
            problems.append(f"{where}: needs an 'id'.")
            continue
        if entry["id"] in ids:
            problems.append(f"{where}: id '{entry['id']}' is used twice. Give each entry its own id.")
        ids.add(entry["id"])
        for lang in LANGUAGES:
            text = entry.get(lang)
            if not isinstance(text, dict) or not text.get("term") or not text.get("definition"):
                problems.append(f"{where}: '{lang}' needs 'term' and 'definition'.")
        tooltip = entry.get("tooltip", {})
        if not isinstance(tooltip, dict) or any(not isinstance(tooltip.get(k, []), list) for k in LANGUAGES):
            problems.append(f"{where}: 'tooltip' must map nl/en to lists of word forms.")
    if problems:
        raise SourceError("\n".join(problems))
    return entries


def render_glossary(lang: str, here: str) -> str:
    """The glossary page body: every term, its definition and its counterpart in the other
    language. The fields are text (escaped for Markdown); citations link to the sources page."""
    t, other = LABELS[lang], "en" if lang == "nl" else "nl"
    parts = []
    for entry in sorted(glossary(), key=lambda e: e[lang]["term"].lower()):
        mine, theirs = entry[lang], entry[other]
        lines = [
            f"### {md_text(mine['term'])} {{#{entry['id']}}}",
            "",
            cite_text(mine["definition"].strip(), here, md_text),
            "",
            f"*{t['other']}: {md_text(theirs['term'])}*",
        ]
        if mine.get("confuse"):
            lines += ["", f"**{t['confuse']}:** {cite_text(mine['confuse'].strip(), here, md_text)}"]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


@functools.lru_cache(maxsize=8)
def _tooltips(lang: str, version: float) -> tuple[re.Pattern | None, dict[str, str]]:
    titles = {}
    for entry in glossary():
        definition = html.escape(" ".join(entry[lang]["definition"].split()), quote=True)
        for form in entry.get("tooltip", {}).get(lang, []) or []:
            titles[form] = definition
    if not titles:
        return None, {}
    forms = sorted(titles, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])"), titles


_TAG = re.compile(r"(<[^>]+>)")
_SKIP = {"a", "abbr", "code", "pre", "script", "style", "textarea", "h1", "svg", "title", "button", "label"}


def add_tooltips(page_html: str, lang: str) -> str:
    """Give every glossary term with a tooltip form an <abbr title="definition"> in the page text
    (not inside links, code, headings of level 1, form labels or existing abbreviations)."""
    path = SOURCE
    pattern, titles = _tooltips(lang, path.stat().st_mtime if path.exists() else 0.0)
    if pattern is None:
        return page_html
    parts, skip = _TAG.split(page_html), []
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            name = re.match(r"</?([a-zA-Z0-9]+)", part)
            if name and name.group(1).lower() in _SKIP and not part.endswith("/>"):
                if part.startswith("</"):
                    if skip and skip[-1] == name.group(1).lower():
                        skip.pop()
                else:
                    skip.append(name.group(1).lower())
        elif not skip and part.strip():
            parts[i] = pattern.sub(lambda m: f'<abbr title="{titles[m.group(1)]}">{m.group(1)}</abbr>', part)
    return "".join(parts)
