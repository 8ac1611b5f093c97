"""Citations: '(Fisher & Ury 1981)' in a page links to that work on the sources page.

The citable works and their short keys are in data/sources-canon.md; their anchors are on
bronnen.md ('{ #fisher-ury-1981 }'). A key maps to the anchor that starts with its first author
and ends with its year.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from hooks.build.common import DOCS, REPO, rel_link

CANON = REPO / "data" / "sources-canon.md"


def citation_keys() -> dict[str, str]:
    """Citation keys of data/sources-canon.md ('Fisher & Ury 1981') mapped to their anchor on
    bronnen.md ('fisher-ury-1981'): the anchor starting with the first author and ending with the year."""
    return dict(_citation_keys((DOCS / "nl" / "bronnen.md").stat().st_mtime, CANON.stat().st_mtime))


@functools.lru_cache(maxsize=4)
def _citation_keys(*versions: float) -> tuple[tuple[str, str], ...]:
    anchors = re.findall(r"\{ *#([a-z0-9-]+) *\}", (DOCS / "nl" / "bronnen.md").read_text(encoding="utf-8"))
    keys = {}
    for line in CANON.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^- (.+?(\d{4})) — ", line)
        if not match:
            continue
        key, year = match.group(1), match.group(2)
        first = re.sub(r"[^a-z]+", "-", key.split(",")[0].split("&")[0].split(" et al")[0].lower()).strip("-")
        first = first.rsplit("-", 1)[0] if first.endswith(year) else first
        hit = next((a for a in anchors if a.startswith(first) and a.endswith(year)), None)
        if hit:
            keys[key] = hit
    return tuple(keys.items())


def link_citations(markdown: str, here: str) -> str:
    """Turn '(Fisher & Ury 1981)' into a link to the work on the sources page."""
    if here == "bronnen.md":
        return markdown
    keys = citation_keys()
    target = rel_link(here, "bronnen.md")
    pattern = _citation_pattern(tuple(keys))
    return pattern.sub(lambda m: f"[{m.group(1)}]({target}#{keys[m.group(1)]})", markdown)


def cite_text(text: str, here: str, escape: Callable[[str], str]) -> str:
    """Plain text as Markdown for the page `here`: each citation a link to its work on the sources
    page, the text around it through `escape` (which makes it literal Markdown)."""
    keys = citation_keys()
    target = rel_link(here, "bronnen.md")
    parts, start = [], 0
    for match in _citation_pattern(tuple(keys)).finditer(text):
        parts += [escape(text[start : match.start()]), f"[{escape(match.group(1))}]({target}#{keys[match.group(1)]})"]
        start = match.end()
    return "".join(parts) + escape(text[start:])


@functools.lru_cache(maxsize=4)
def _citation_pattern(keys: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<!\[)({alternatives})(?!\]\()")
