"""The glossary (data/begrippen.yml): validation, the glossary page, and the tooltips.

Every entry has a term and a definition in both languages; its `tooltip` word forms get an
<abbr title="definition"> wherever they occur in a page's text (one pass over the page HTML).
"""

from __future__ import annotations

import functools
import html
import pathlib
import re

from hooks import datafiles
from hooks.citations import cite_text
from hooks.common import REPO
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


def _glossary(path: pathlib.Path, mtime: float) -> list[dict]:
    return datafiles.checked(path, datafiles.check_glossary) or []


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
