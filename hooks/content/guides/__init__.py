"""Guides and case stories (docs/<lang>/gesprekken/, docs/<lang>/praktijk/): their front matter and
what is generated from it.

- source.py: reads a page's front matter and its timed steps, and validates guides, stories, the
  situations of data/taxonomy.yml and the facts a page shares with its twin (schema in
  AUTHORING.md). Each problem names the file, the field and the fix.
- render.py: the Markdown generated into pages (fact boxes, related guides, the composite notice,
  the guides / stories / worksheets / glossary indexes).
- __main__.py: `python -m hooks.content.guides check` validates every guide, story and the glossary
  without a build.

hooks/content_hook.py is the MkDocs adapter.
"""

from hooks.content.guides import render, source

__all__ = ["render", "source"]
