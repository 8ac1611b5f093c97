"""Build logic for the site. Hook files (hooks/*_hook.py) are thin MkDocs adapters over the
modules in this package; every module also runs as a plain CLI (python -m hooks.<name>)."""
