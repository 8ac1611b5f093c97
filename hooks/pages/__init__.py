"""What is done to built pages after MkDocs renders them.
- i18n_site.py: twins, search index per language, sitemaps, a 404 per language.
- redirects.py: redirect pages for moved pages. last_updated.py: the date each page changed (git).
- slim_css.py, slim_html.py: Material's stylesheet without rules no page uses; pages without
  template indentation. search_dedup.py: one search entry per section.
- share.py, cards.py: Open Graph and hreflang tags in every head; a 1200x630 card image per page.
- phone_tables.py: text tables that become one card per row on a phone.
"""
