"""Render a worksheet in one language to HTML with the Jinja templates in templates/.

`sheet_document()` is the whole printable A4 document (input of the PDF); `form_fragment()` and
`example_fragment()` are the parts the site page embeds. Everything is autoescaped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import jinja2
import markupsafe

from . import FONTS_DIR, GENERATOR_VERSION, STYLES_DIR, TEMPLATES_DIR
from .fields import cell_name, item_name, sheet_json
from .labels import labels
from .schema import SCALE_POINTS

PRINT_CSS = STYLES_DIR / "print.css"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["nl2br"] = _nl2br
    return env


def _nl2br(value: str) -> markupsafe.Markup:
    """Escape a text and keep its line breaks as <br>."""
    return markupsafe.Markup("<br>\n").join(markupsafe.escape(part) for part in str(value).split("\n"))


def _context(sheet: dict[str, Any], lang: str) -> dict[str, Any]:
    def t(value: Any) -> str:
        """The text of a {nl: …, en: …} mapping in this language."""
        return value[lang] if isinstance(value, dict) else str(value)

    def col_width(table: dict[str, Any], column: dict[str, Any]) -> float:
        total = sum(c.get("width", 1) for c in table["columns"])
        return 100.0 * column.get("width", 1) / total

    example = sheet.get("example") or {}
    return {
        "sheet": sheet,
        "lang": lang,
        "L": labels(lang),
        "t": t,
        "col_width": col_width,
        "points": SCALE_POINTS,
        "values": example.get("values") or {},
        "generator_version": GENERATOR_VERSION,
        "for_print": False,
        "cell_name": cell_name,
        "item_name": item_name,
    }


def _tidy(html: str) -> str:
    """Drop blank lines so the HTML stays one raw block inside Markdown."""
    return re.sub(r"\n\s*\n+", "\n", html).strip() + "\n"


def print_css() -> str:
    """The print stylesheet with the font folder filled in as a file URL."""
    css = PRINT_CSS.read_text(encoding="utf-8")
    return css.replace("FONTS_DIR", FONTS_DIR.as_uri())


def sheet_document(sheet: dict[str, Any], lang: str, *, url: str, qr: str) -> str:
    """The whole worksheet as a standalone HTML document for WeasyPrint."""
    template = _environment().get_template("sheet.html.j2")
    return _tidy(template.render(**{**_context(sheet, lang), "for_print": True}, url=url, qr=qr, css=print_css()))


def form_fragment(sheet: dict[str, Any], lang: str, *, prefix: str = "ws-") -> str:
    """The blank worksheet as an on-screen HTML form (for the site page)."""
    module = _environment().get_template("_form.html.j2").make_module(_context(sheet, lang))
    return _tidy(str(module.render_form(sheet, prefix)))


def tools_fragment(sheet: dict[str, Any], lang: str) -> str:
    """The answer tools above the on-screen form (shown by answers.js), with the sheet's fields as
    JSON in `data-ws`, and the line that says filling in needs JavaScript."""
    module = _environment().get_template("page.html.j2").make_module(_context(sheet, lang))
    return _tidy(str(module.answers_tools(sheet_json(sheet, lang))))


def orphans_fragment(sheet: dict[str, Any], lang: str) -> str:
    """The place below the form where answers to fields no longer on the sheet are shown."""
    module = _environment().get_template("page.html.j2").make_module(_context(sheet, lang))
    return _tidy(str(module.orphans()))


def example_fragment(sheet: dict[str, Any], lang: str) -> str:
    """The filled-in example as read-only HTML (for the site page)."""
    module = _environment().get_template("page.html.j2").make_module(_context(sheet, lang))
    return _tidy(str(module.example(sheet)))
