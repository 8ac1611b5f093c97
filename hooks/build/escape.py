"""One rule for every structured value (front matter, data/*.yml, worksheets/*.yml): it is text,
and it is escaped for the place it lands. No field of ours is Markdown or HTML (AUTHORING.md);
what the build adds on purpose (links to pages, citation links) it writes itself.

- `html_text`: text inside an HTML element (`<p>…</p>`, `<title>`).
- `html_attr`: an HTML attribute value in double quotes (`title="…"`, `content="…"`).
- `md_text`: text in generated Markdown that must stay text (a paragraph, a list item, a link
  text, a heading, a definition): HTML characters become entities, Markdown characters get a
  backslash, a leading '1.' or '-' does not start a list, white space runs become one space.
- `md_cell`: the same for a Markdown table cell (a '|' stays in its cell).

Templates use Jinja's `|e` (MkDocs themes run with autoescape off).
"""

from __future__ import annotations

import html
import re

# Characters Python-Markdown (with the tables extension) takes a backslash escape for. <, > and &
# are not among them: they become HTML entities instead (a backslash would stay visible).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
_LIST_START = re.compile(r"^(\d+)\.|^-")


def html_text(value: object) -> str:
    """Text for inside an HTML element."""
    return html.escape(str(value), quote=False)


def html_attr(value: object) -> str:
    """Text for a double- or single-quoted HTML attribute value."""
    return html.escape(str(value), quote=True)


def md_text(value: object) -> str:
    """Text that Markdown shows literally, wherever inline Markdown goes."""
    text = _MD_SPECIAL.sub(r"\\\1", html_text(re.sub(r"\s+", " ", str(value))))
    return _LIST_START.sub(lambda m: f"{m.group(1)}\\." if m.group(1) else "\\-", text)


def md_cell(value: object) -> str:
    """Text for a Markdown table cell: like md_text, whose '\\|' keeps a '|' inside the cell."""
    return md_text(value)
