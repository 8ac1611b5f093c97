"""Wide tables on a phone: a table of text with three or more columns becomes one card per row
below 30em (site.css, `table[data-stack]`), each cell under its column's name (`data-label`, from
the header row). A table of figures (the core session's timings for 4 to 10 partners) stays a
table: site.css sets it tighter on a phone, so every column shows.

Runs on each page's HTML (hooks/phone_hook.py); Markdown tables are regular (no nested tables).
"""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_BODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_HEADER_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_CELL = re.compile(r"<td\b([^>]*)>(.*?)</td>", re.S)
_TAG = re.compile(r"<[^>]+>")
_FIGURE = re.compile(r"^[\s\d.,:%+\-–—]*$")

MIN_COLUMNS = 3  # a table of two columns fits a phone as it is
TEXT_CELL = 14  # characters: a column whose cells are longer than this on average is text


def _text(cell: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", cell)).split())


def stacks(labels: list[str], rows: list[list[str]]) -> bool:
    """Whether a table becomes cards on a phone: three or more columns, and some column after the
    first holds text rather than figures."""
    if len(labels) < MIN_COLUMNS or not rows:
        return False
    for col in range(1, len(labels)):
        cells = [row[col] for row in rows if col < len(row)]
        if any(not _FIGURE.match(c) for c in cells) and sum(map(len, cells)) / max(len(cells), 1) > TEXT_CELL:
            return True
    return False


def _mark(match: re.Match) -> str:
    inner = match.group(1)
    head, body = _HEAD.search(inner), _BODY.search(inner)
    if not head or not body:
        return match.group(0)
    labels = [_text(c) for c in _HEADER_CELL.findall(head.group(1))]
    rows = [[_text(c) for _, c in _CELL.findall(r)] for r in _ROW.findall(body.group(1))]
    if not stacks(labels, rows):
        return match.group(0)

    def row(r: re.Match) -> str:
        cells = iter(labels)

        def cell(c: re.Match) -> str:
            label = next(cells, "")
            return f'<td{c.group(1)} data-label="{html.escape(label, quote=True)}">{c.group(2)}</td>'

        return "<tr>" + _CELL.sub(cell, r.group(1)) + "</tr>"

    new_body = "<tbody>" + _ROW.sub(row, body.group(1)) + "</tbody>"
    return "<table data-stack>" + inner[: body.start()] + new_body + inner[body.end() :] + "</table>"


def mark(page_html: str) -> str:
    """The page's HTML with its text tables marked to stack on a phone."""
    return _TABLE.sub(_mark, page_html) if "<table>" in page_html else page_html
