"""Build logic for the site. hooks/*_hook.py are the MkDocs adapters mkdocs.yml names, each a few
lines over a package by concern: content/ (sources of pages and data), pages/ (what is done to built
pages), worksheets/, linkcheck/, hosting/, build/ (lock, memo, strict YAML, the dev server). Each
package's __init__ says what it owns; modules with a CLI run as `python -m hooks.<package>.<name>`."""
