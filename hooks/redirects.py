"""Redirects for moved pages, in both languages at once.

mkdocs-redirects cannot express a redirect in the default language under the i18n plugin's folder
layout (the Dutch page has no `nl/` prefix, and the English build overwrites what the Dutch build
wrote), so we write them ourselves from data/redirects.yml:

    gesprekken/oud.md: gesprekken/nieuw.md      # paths below the language folder

gives `/gesprekken/oud/` → `/gesprekken/nieuw/` and `/en/gesprekken/oud/` → `/en/gesprekken/nieuw/`.
A `#section` in the address is kept. Each redirect page is a small HTML file with a meta refresh, a
canonical link and a plain link, in the language of its folder.
"""

from __future__ import annotations

import html
import pathlib
import posixpath

from hooks.common import DEFAULT_LANGUAGE, LANGUAGES, REPO, SourceError, load_yaml, url_prefix

SOURCE = REPO / "data" / "redirects.yml"
TEXT = {"nl": ("Doorsturen…", "Deze pagina is verhuisd naar"), "en": ("Redirecting…", "This page has moved to")}

PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="{url}">
<meta name="robots" content="noindex">
<script>location.replace("{url}" + location.hash)</script>
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body><p>{moved} <a href="{url}">{url}</a>.</p></body>
</html>
"""


def _dir_url(md_path: str) -> str:
    """'gesprekken/oud.md' -> 'gesprekken/oud/'; 'index.md' -> ''."""
    stem = md_path.removesuffix(".md")
    stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


def load(source: pathlib.Path = SOURCE) -> dict[str, str]:
    if not source.exists():
        return {}
    data = load_yaml(source) or {}
    if not isinstance(data, dict):
        raise SourceError(f"{source.relative_to(REPO)}: must map old page paths to new ones (old.md: new.md).")
    return {str(k): str(v) for k, v in data.items()}


def write_redirects(site: pathlib.Path, site_path: str, redirects: dict[str, str]) -> list[str]:
    """Write every redirect in every language; return the problems (a target that does not exist,
    or a redirect that would overwrite a real page)."""
    problems = []
    for old, new in redirects.items():
        for lang in LANGUAGES:
            prefix = url_prefix(lang)
            source = site / prefix / _dir_url(old) / "index.html"
            target = site / prefix / _dir_url(new) / "index.html"
            where = f"data/redirects.yml: {old}: {new}"
            if not target.exists():
                problems.append(f"{where}: the target /{prefix}{_dir_url(new)} does not exist. Correct the new path.")
                continue
            if source.exists() and 'http-equiv="refresh"' not in source.read_text(encoding="utf-8")[:600]:
                problems.append(
                    f"{where}: /{prefix}{_dir_url(old)} is still a real page. Remove the redirect or the page."
                )
                continue
            url = posixpath.join(site_path, prefix, _dir_url(new))
            title, moved = TEXT.get(lang, TEXT[DEFAULT_LANGUAGE])
            source.parent.mkdir(parents=True, exist_ok=True)
            body = PAGE.format(lang=lang, title=title, moved=moved, url=html.escape(url))
            source.write_text(body, encoding="utf-8")
    return problems


def moved_urls(site_path: str, redirects: dict[str, str]) -> list[tuple[str, str]]:
    """Every redirect as (old URL path, new URL path), in every language, below `site_path`; for
    the web server's real 301s (hooks/hosting/rules.py)."""
    pairs = []
    for old, new in redirects.items():
        for lang in LANGUAGES:
            base = posixpath.join(site_path, url_prefix(lang))
            pairs.append((posixpath.join(base, _dir_url(old)), posixpath.join(base, _dir_url(new))))
    return pairs
