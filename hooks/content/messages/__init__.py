"""Templates you can send (templates/<id>.yml): invitations, an explainer, notes and messages that
facilitators write around a meeting. One source per template, both languages inside.

- source.py: the Template model; reads and validates every source (schema in AUTHORING.md) and the
  placeholder pairs in templates/_placeholders.yml.
- render.py: what readers and the planner get from a template: the templates page and the
  'Templates' list of guide and phase pages (Markdown), the text blocks with their copy button and
  mailto: link (HTML), and the planner's sjablonen/sjablonen.json.
- __main__.py: `python -m hooks.content.messages check` validates without a build;
  `python -m hooks.content.messages show <id> [nl|en]` prints a template as it is copied.

hooks/templates_hook.py is the MkDocs adapter.
"""

from hooks.content.messages import render, source

__all__ = ["render", "source"]
