"""The glossary (data/begrippen.yml): validation, the glossary page, and the tooltips.

Every entry has a term and a definition in both languages; its `tooltip` word forms get an
<abbr title="definition"> wherever they occur in a page's text (one pass over the page HTML).
"""

from __future__ import annotations

import functools
import html
import pathlib
import re
from html.parser import HTMLParser

from hooks.build.common import REPO, sort_key
from hooks.build.escape import md_text
from hooks.content import datafiles
from hooks.content.citations import cite_text

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
    for entry in sorted(glossary(), key=lambda e: sort_key(e[lang]["term"], lang)):
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


_SKIP = {"a", "abbr", "code", "pre", "script", "style", "textarea", "h1", "svg", "title", "button", "label"}


class _TextRanges(HTMLParser):
    """Where a page's text is: the (start, end) offsets of every run of text outside the skipped
    elements. An HTML parser, not a pattern: a '>' inside an attribute value is not the end of a
    tag, and the text of <script> and <style> is not page text."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=False)  # text arrives exactly as written, entities apart
        self.starts = [0] + [m.end() for m in re.finditer("\n", page)]
        self.skip: list[str] = []
        self.ranges: list[tuple[int, int]] = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass  # <x/> opens nothing

    def handle_endtag(self, tag):
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()

    def handle_data(self, data):
        if not self.skip and data.strip():
            line, column = self.getpos()
            start = self.starts[line - 1] + column
            self.ranges.append((start, start + len(data)))


def add_tooltips(page_html: str, lang: str) -> str:
    """Give every glossary term with a tooltip form an <abbr title="definition"> in the page text
    (not inside tags or attribute values, links, code, scripts, headings of level 1, form labels or
    existing abbreviations). The rest of the page is kept byte for byte."""
    path = SOURCE
    pattern, titles = _tooltips(lang, path.stat().st_mtime if path.exists() else 0.0)
    if pattern is None:
        return page_html
    parser = _TextRanges(page_html)
    parser.feed(page_html)
    parser.close()
    parts, done = [], 0
    for start, end in parser.ranges:
        parts.append(page_html[done:start])
        parts.append(
            pattern.sub(lambda m: f'<abbr title="{titles[m.group(1)]}">{m.group(1)}</abbr>', page_html[start:end])
        )
        done = end
    parts.append(page_html[done:])
    return "".join(parts)
