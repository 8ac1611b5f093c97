"""Worksheet engine: one YAML source per worksheet (worksheets/<id>.yml), three outputs.

The same source becomes the site page body with an on-screen form (page.py), an accessible,
fillable A4 PDF (pdf.py) and an editable DOCX (docx_writer.py). source.py reads a source (YAML with
line numbers, the taxonomy, related pages), schema.py holds its rules and checks them,
characters.py says which characters a text may hold (the bundled fonts), build.py renders with a
content-hash cache (cache.py), paths.py says where pages and downloads live on the site, and
`python -m hooks.worksheets` is the CLI.
hooks/worksheets_hook.py is the thin MkDocs adapter.
"""

from __future__ import annotations

from pathlib import Path

# Bump when a change in this package changes the bytes of a PDF or DOCX (it is part of the cache key).
GENERATOR_VERSION = "1"

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STYLES_DIR = PACKAGE_DIR / "styles"
FONTS_DIR = PACKAGE_DIR / "fonts"
