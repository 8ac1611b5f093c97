"""What an edit to one source file means for the built site: the pages to build again.

`make serve` (hooks/build/devserve.py) asks `impact(changes, view)` after every save. The answer is the
pages, per language, whose output can differ, or the reason only a full rebuild will do. The rules,
one per kind of source, all in this file:

| source | what depends on it |
|---|---|
| a page's body (`docs/<lang>/…md`) | that page (and the search index, the stylesheet check: always) |
| a page's title (front matter or `# heading`) | the navigation of every page: full rebuild |
| a guide's or story's front matter, or its validity | that page, the pages with an index marker of its folder |
| docs/nl/bronnen.md | the anchors every citation links to: full rebuild |
| a new, removed or renamed page or file under docs/ | the navigation, the file list: full rebuild |
| data/begrippen.yml | the tooltips on every page and the glossary: every page, both languages |
| data/facts.yml | every page with a `<!-- fact:… -->` marker |
| worksheets/<id>.yml | its pages, the pages with `<!-- index:worksheets -->`; its PDF and DOCX (*) |
| data/wordlist-*.txt, data/published-urls.txt | nothing in the site (tests and the link check read them) |
| anything else (mkdocs.yml, hooks/, overrides/, data/taxonomy.yml, …) | full rebuild |

(*) made by the worksheets hook's on_files, which every fast rebuild replays.

A new generator (a hook that puts one source into other pages) adds its rule to `RULES`: a function
`(change, view, impact)` that adds the pages that show the source, or sets `impact.full`. Files a hook
writes in `on_files` follow by themselves (each fast rebuild replays the hooks' on_files and copies
the files that changed); files written after the build go into `hooks/build/devserve.py`'s SITE_STEPS.
An unknown source always means a full rebuild, so a missing rule costs time, never correctness.
"""

from __future__ import annotations

import dataclasses
import pathlib
import re
from collections.abc import Callable, Iterable
from typing import Protocol

from mkdocs.utils.meta import get_data

from hooks.build.common import DEFAULT_LANGUAGE, REPO, SourceError
from hooks.content import facts, guides

# Index markers (hooks/content/guides/render.py MARKERS) that list the pages of a folder: their title, front matter
# and whether they are valid.
LISTED_IN = {
    "gesprekken/": ("<!-- index:guides-by-situation -->", "<!-- index:guides-by-phase -->"),
    "praktijk/": ("<!-- index:stories -->",),
}
WORKSHEETS_INDEX = "<!-- index:worksheets -->"
READ_BY_NO_PAGE = ("data/wordlist-nl.txt", "data/wordlist-en.txt", "data/published-urls.txt")
H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


class View(Protocol):
    """What the last build knew: its languages and, per language, each page's source text and meta."""

    languages: tuple[str, ...]

    def pages(self, lang: str) -> Iterable[str]: ...

    def source(self, lang: str, rel: str) -> str | None: ...

    def meta(self, lang: str, rel: str) -> dict: ...


@dataclasses.dataclass
class Impact:
    pages: set[tuple[str, str]] = dataclasses.field(default_factory=set)  # (language, path below it)
    full: str = ""  # why only a full rebuild will do; empty when the pages suffice

    def need_full(self, reason: str) -> None:
        self.full = self.full or reason


@dataclasses.dataclass(frozen=True)
class Change:
    path: str  # relative to the project, '/'-separated
    root: pathlib.Path = REPO

    def text(self) -> str | None:
        try:
            return (self.root / self.path).read_text(encoding="utf-8")
        except (FileNotFoundError, IsADirectoryError, UnicodeDecodeError):
            return None


def _title(text: str) -> tuple[object, str | None]:
    body, meta = get_data(text)
    h1 = H1.search(body)
    return meta.get("title"), h1.group(1) if h1 else None


def _valid(rel: str, text: str) -> bool:
    """Whether a guide or story passes its checks (an index lists only valid ones)."""
    body, meta = get_data(text)
    path = REPO / "docs" / DEFAULT_LANGUAGE / rel
    try:
        problems = guides.source.validate_guide(path, body, meta) if rel.startswith("gesprekken/") else None
        if problems is None:
            problems = guides.source.validate_story(path, meta)
    except (SourceError, KeyError, TypeError):
        return False
    return not problems


def _pages_with(view: View, langs: Iterable[str], test: Callable[[str, str], bool]) -> set[tuple[str, str]]:
    return {(lang, rel) for lang in langs for rel in view.pages(lang) if test(lang, rel)}


def page_rule(change: Change, view: View, impact: Impact) -> bool:
    """docs/<lang>/<path>.md: the page itself; its title is in every page's navigation; a guide's or
    story's front matter is in the indexes of its folder."""
    parts = change.path.split("/")
    if len(parts) < 3 or parts[0] != "docs" or parts[1] not in view.languages:
        return False
    lang, rel = parts[1], "/".join(parts[2:])
    if any(p.startswith(".") for p in parts[2:]):
        return True  # a hidden file (an editor's swap or temporary file): MkDocs leaves them out too
    old, new = view.source(lang, rel), change.text()
    if old is None or new is None or not rel.endswith(".md"):
        impact.need_full(f"{change.path}: a page or file was added, removed or is not a page")
        return True
    if old == new:
        return True
    if (lang, rel) == (DEFAULT_LANGUAGE, "bronnen.md"):
        impact.need_full(f"{change.path}: its anchors are the targets of every citation")
        return True
    if _title(old) != _title(new):
        impact.need_full(f"{change.path}: its title is in the navigation of every page")
        return True
    impact.pages.add((lang, rel))
    folder = next((f for f in LISTED_IN if rel.startswith(f) and not rel.endswith("index.md")), None)
    if folder and (get_data(old)[1] != get_data(new)[1] or _valid(rel, old) != _valid(rel, new)):
        markers = LISTED_IN[folder]
        impact.pages |= _pages_with(view, [lang], lambda lg, r: any(m in (view.source(lg, r) or "") for m in markers))
    return True


def glossary_rule(change: Change, view: View, impact: Impact) -> bool:
    """data/begrippen.yml: the tooltips on every page, and the glossary page."""
    if change.path != "data/begrippen.yml":
        return False
    impact.pages |= _pages_with(view, view.languages, lambda lang, rel: True)
    return True


def facts_rule(change: Change, view: View, impact: Impact) -> bool:
    """data/facts.yml: the pages that show a fact."""
    if change.path != "data/facts.yml":
        return False
    impact.pages |= _pages_with(view, view.languages, lambda lg, r: bool(facts.MARKER.search(view.source(lg, r) or "")))
    return True


def worksheet_rule(change: Change, view: View, impact: Impact) -> bool:
    """worksheets/<id>.yml: its pages (body, form, example, download sizes) and the worksheets index.
    Its PDF and DOCX are made again by the worksheets hook's on_files, which a fast rebuild replays."""
    parts = change.path.split("/")
    if len(parts) != 2 or parts[0] != "worksheets" or not parts[1].endswith(".yml"):
        return False
    sheet = parts[1].removesuffix(".yml")
    if not any(view.meta(lang, rel).get("worksheet") == sheet for lang in view.languages for rel in view.pages(lang)):
        impact.need_full(f"{change.path}: a worksheet without a page yet (or a new one)")
        return True
    impact.pages |= _pages_with(
        view,
        view.languages,
        lambda lg, r: view.meta(lg, r).get("worksheet") == sheet or WORKSHEETS_INDEX in (view.source(lg, r) or ""),
    )
    return True


def unread_rule(change: Change, view: View, impact: Impact) -> bool:
    """Files no page reads (the spelling word lists, the URL contract of the link check)."""
    return change.path in READ_BY_NO_PAGE


RULES: list[Callable[[Change, View, Impact], bool]] = [
    page_rule,
    glossary_rule,
    facts_rule,
    worksheet_rule,
    unread_rule,
]


def impact(changes: Iterable[str], view: View, root: pathlib.Path = REPO) -> Impact:
    """The pages that the changed files (paths relative to `root`) affect, or a full rebuild."""
    result = Impact()
    for path in sorted(set(changes)):
        change = Change(path, root)
        if not any(rule(change, view, result) for rule in RULES):
            result.need_full(f"{path}: no rule says which pages depend on it")
        if result.full:
            break
    return result
