"""The body of a worksheet's site page (werkbladen/<id>.md), rendered from its YAML source.

Headings are Markdown with fixed ids (identical in both languages); texts are escaped HTML
blocks; downloads and related pages are Markdown links, so MkDocs validates them under --strict.
The form and the example, large HTML that Markdown would only pass through, stand in the Markdown
as a placeholder comment (SLOTS); `fill_slots` puts them into the rendered page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import escape

from hooks.build.escape import md_text

from .labels import labels
from .render_html import example_fragment, form_fragment, orphans_fragment, tools_fragment


@dataclass(frozen=True)
class Link:
    text: str
    href: str  # relative to the page's Markdown file


def human_size(size: int, lang: str) -> str:
    kb = max(1, round(size / 1000))
    number = f"{kb:,}".replace(",", "." if lang == "nl" else ",")
    return f"{number} {labels(lang)['kb']}"


def page_title(path: Path) -> str | None:
    """The `title:` front matter of a Markdown page, else its first H1, else None."""
    from hooks.build.common import SourceError
    from hooks.content.frontmatter import split

    try:
        body, meta = split(path.read_text(encoding="utf-8"), path.name)
    except (OSError, UnicodeDecodeError, SourceError):
        return None  # the front matter check names the problem
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        return meta["title"].strip()
    match = re.search(r"^#\s+(.+?)\s*(?:\{[^}]*\})?\s*$", body, flags=re.MULTILINE)
    return match.group(1) if match else None


def relative_href(target: str, page: str) -> str:
    """A link from page (e.g. 'werkbladen/x.md') to target (e.g. 'gesprekken/y.md')."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


# Placeholder comment in the page Markdown -> the fragment that replaces it in the page HTML.
SLOTS = {"form": "<!-- worksheet:form -->", "example": "<!-- worksheet:example -->"}


def fragments(sheet: dict[str, Any], lang: str) -> dict[str, str]:
    """The HTML of each slot: the on-screen form with its answer tools, and the filled-in example."""
    form = tools_fragment(sheet, lang) + form_fragment(sheet, lang) + orphans_fragment(sheet, lang)
    return {"form": form.strip(), "example": example_fragment(sheet, lang).strip()}


def fill_slots(html: str, parts: dict[str, str]) -> str:
    """Put each fragment where Markdown left its placeholder; a missing placeholder is an error."""
    for slot, marker in SLOTS.items():
        if html.count(marker) != 1:
            raise ValueError(f"the rendered page has {html.count(marker)} placeholder(s) {marker}, expected 1")
        html = html.replace(marker, parts[slot])
    return html


def page_markdown(
    sheet: dict[str, Any],
    lang: str,
    *,
    downloads: list[Link],
    related: list[Link],
    cite: Callable[[str], str] = md_text,
) -> str:
    """The generated part of a worksheet page, appended after the stub's H1 (form and example as
    placeholders: see `fragments` and `fill_slots`). `cite` turns the purpose, plain text, into
    Markdown: the site passes one that links citations such as (Moore 2014) to the sources page."""
    words = labels(lang)

    def t(value: dict[str, str]) -> str:
        return str(escape(value[lang]))

    out: list[str] = []
    out += [cite(sheet["purpose"][lang]), "{: .ws-lead }", ""]
    out += [f"## {md_text(words['when'])} {{#wanneer}}", "", f"<p>{t(sheet['when'])}</p>", ""]
    out += [f"## {md_text(words['instructions'])} {{#invullen}}", "", '<ol class="ws-steps">']
    out += [f"<li>{escape(step)}</li>" for step in sheet["instructions"][lang]]
    out += ["</ol>", ""]
    out += [f"## {md_text(words['downloads'])} {{#downloaden}}", ""]
    # Download buttons (attr_list); the first, the PDF, is the primary one.
    out += [
        " ".join(
            f"[{md_text(link.text)}]({link.href}){{ .md-button{' .md-button--primary' if i == 0 else ''} download }}"
            for i, link in enumerate(downloads)
        )
    ]
    out += ["", f"## {md_text(words['form'])} {{#werkblad}}", ""]
    out += [SLOTS["form"], ""]
    out += [f"## {md_text(words['example'])} {{#voorbeeld}}", ""]
    out += [SLOTS["example"], ""]
    if related:
        out += [f"## {md_text(words['related'])} {{#hoort-bij}}", ""]
        out += [f"- [{md_text(link.text)}]({link.href})" for link in related]
        out += [""]
    return "\n".join(out)


def download_text(sheet: dict[str, Any], lang: str, kind: str, size: int) -> str:
    words = labels(lang)
    return f"{sheet['title'][lang]} ({kind.upper()}, {human_size(size, lang)}): {words[kind]}"
