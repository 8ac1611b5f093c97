"""MkDocs adapter for hooks/pages/phone_tables.py: text tables of three or more columns become one card
per row on a phone (site.css)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from mkdocs.plugins import event_priority

from hooks.pages import phone_tables


@event_priority(-20)  # after the glossary tooltips (content_hook) and the templates' slots
def on_page_content(html, page, config, files):
    return phone_tables.mark(html)
