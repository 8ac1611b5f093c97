"""The sources of pages and data: read, checked (each problem names file, line or field, and the
fix), and turned into what pages show.
- frontmatter.py: the strict front matter of every page.
- guides/: guides and case stories: source.py reads and validates their front matter and timed
  steps; render.py generates Markdown from them (fact boxes, related guides, indexes).
- facts.py, glossary.py, citations.py, synonyms.py, datafiles.py: data/*.yml (facts shown on several
  pages, glossary, sources, search words, taxonomy).
- messages/: templates you can send (templates/*.yml): source.py reads and validates them;
  render.py makes the templates page, the lists on guide and phase pages and the planner's JSON.
- scriptguard.py: no script element or event handler in any page or YAML, before anything renders.
- planner.py: the planner's data per language. freshness.py: which English pages are older than
  their Dutch source.
"""
