"""One fast pass over every built file: element ids, headings, href/src values, redirects.

A regex pass per HTML file (no DOM; BeautifulSoup on every page would cost ten times as much).
Every attribute that holds a URL is read (href, src, each candidate of a srcset, <object data>,
poster, action, formaction), double-quoted, single-quoted or unquoted: raw HTML in a page may
be written any way, and the guard must name the exact link and its line.
"""

from __future__ import annotations

import dataclasses
import html
import pathlib
import re

_ID = re.compile(r""" id=(?:"([^"]+)"|'([^']+)')""")  # a literal prefix keeps the search fast
_HEADING = re.compile(r"""<h([1-6])\b[^>]*?\sid=(?:"([^"]+)"|'([^']+)')""")
_LINK = re.compile(
    r"""\s(href|src|srcset|data|poster|action|formaction)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""",
    re.IGNORECASE,
)
_TAG = re.compile(r"<([a-zA-Z0-9]+)")
_REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]*)">')
# The link-preview image of a page (hooks/pages/share.py): a URL in a content attribute.
_PREVIEW_IMAGE = re.compile(r'<meta (?:property|name)="(?:og:image|twitter:image)" content="([^"]*)"')


@dataclasses.dataclass
class Link:
    """One href or src value as written in the built file, with its line (1-based)."""

    tag: str
    value: str
    line: int
    in_content: bool


@dataclasses.dataclass
class Page:
    """What the checks need to know about one built HTML file."""

    path: str  # below the site folder, with '/': 'gesprekken/kerngesprek/index.html'
    ids: set[str]
    headings: dict[str, int]  # id -> level (2 for ##), in the article only
    links: list[Link]
    redirect: str | None = None  # target of a redirect page (hooks/pages/redirects.py)
    images: list[Link] = dataclasses.field(default_factory=list)  # og:image, twitter:image


def scan_html(path: str, text: str) -> Page:
    """Collect ids, headings and links of one HTML file."""
    if '<meta http-equiv="refresh"' in text[:600]:  # a redirect page (hooks/pages/redirects.py)
        redirect = _REDIRECT.search(text)
        return Page(path, set(), {}, [], redirect=html.unescape(redirect.group(1)) if redirect else "")
    ids = {html.unescape(a or b) for a, b in _ID.findall(text)}
    start = text.find('<article class="md-content__inner')
    end = text.find("</article>", start) if start >= 0 else -1
    start, end = (start, end) if end >= 0 else (0, 0)
    headings = {}
    for level, a, b in _HEADING.findall(text, start, end):
        headings.setdefault(html.unescape(a or b), int(level))
    links = []
    line, pos = 1, 0
    for match in _LINK.finditer(text):
        line += text.count("\n", pos, match.start(1))
        pos = match.start(1)
        opening = text.rfind("<", 0, pos)
        if text.rfind(">", 0, pos) > opening:
            continue  # 'href=' in the text of the page, not in a tag
        tag = _TAG.match(text, opening)
        if text.find('class="headerlink"', opening, pos) >= 0:
            continue  # the '#' after a heading: always its own id
        name = tag.group(1).lower() if tag else ""
        attribute = match.group(1).lower()
        value = html.unescape(next(v for v in match.groups()[1:] if v is not None))
        for url in _srcset(value) if attribute == "srcset" else [value]:
            links.append(Link(name, url, line, start <= pos < end))
    images = [
        Link("meta", html.unescape(m.group(1)), text.count("\n", 0, m.start()) + 1, False)
        for m in _PREVIEW_IMAGE.finditer(text, 0, max(text.find("</head>"), 0))
    ]
    return Page(path, ids, headings, links, images=images)


def _srcset(value: str) -> list[str]:
    """The URLs of a srcset: 'a.png 1x, b.png 2x' -> ['a.png', 'b.png']."""
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def scan_site(site: pathlib.Path) -> dict[str, Page]:
    """Every HTML file of a built site, keyed by its path below the site folder."""
    pages = {}
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        pages[rel] = scan_html(rel, file.read_text(encoding="utf-8"))
    return pages


def site_files(site: pathlib.Path) -> set[str]:
    """Every file of a built site, as paths below the site folder."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
