"""The sources of pages and data: read, checked (each problem names file, line or field, and the
fix), and turned into what pages show.
- frontmatter.py, guides.py: guide and story front matter, the timed steps, and the Markdown
  generated from them (fact boxes, related guides, indexes).
- facts.py, glossary.py, citations.py, synonyms.py, datafiles.py: data/*.yml (facts shown on several
  pages, glossary, sources, search words, taxonomy).
- messages.py: templates you can send (templates/*.yml).
- scriptguard.py: no script element or event handler in any page or YAML, before anything renders.
- planner.py: the planner's data per language. freshness.py: which English pages are older than
  their Dutch source.
"""
