"""Redirects for moved pages, in both languages at once.

mkdocs-redirects cannot express a redirect in the default language under the i18n plugin's folder
layout (the Dutch page has no `nl/` prefix, and the English build overwrites what the Dutch build
wrote), so we write them ourselves from data/redirects.yml:

    gesprekken/oud.md: gesprekken/nieuw.md      # paths below the language folder

gives `/gesprekken/oud/` → `/gesprekken/nieuw/` and `/en/gesprekken/oud/` → `/en/gesprekken/nieuw/`.
Paths stay below the language folder (no leading '/', no '..'); a chain (a → b, b → page) leads
straight to the final page; a bad entry or a loop fails the build naming its line.
A `#section` in the address is kept. Each redirect page is a small HTML file with a meta refresh, a
canonical link and a plain link, in the language of its folder.
"""

from __future__ import annotations

import html
import pathlib
import posixpath
import urllib.parse

from hooks.build import strict_yaml
from hooks.build.common import DEFAULT_LANGUAGE, LANGUAGES, REPO, SourceError, url_prefix, where_is

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
    """Old page path -> the page it finally leads to (a chain a -> b -> page resolved to page).
    Raises SourceError naming the line of every bad entry: a path that is not a page path below
    the language folder (a leading '/', '..', a scheme), or a loop."""
    if not source.exists():
        return {}
    where = where_is(source)
    try:
        data, node = strict_yaml.parse(source.read_text(encoding="utf-8"), source=where)
    except strict_yaml.StrictYAMLError as exc:
        raise SourceError(str(exc)) from None
    lines = strict_yaml.line_map(node)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourceError(f"{where}: must map old page paths to new ones (old.md: new.md).")
    problems, moved = [], {}
    for old, new in data.items():
        line = f"{where}:{lines.get((old,), '?')}"
        bad = [
            f"the {side} path {value!r} {why}" for side, value in (("old", old), ("new", new)) if (why := _bad(value))
        ]
        if bad:
            problems += [
                f"{line}: {what}. Fix: write a page path below the language folder, like gesprekken/oud.md."
                for what in bad
            ]
        else:
            moved[old] = new
    final = {}
    for old in moved:
        chain = [old]
        while chain[-1] in moved:
            chain.append(moved[chain[-1]])
            if chain[-1] in chain[:-1]:
                loop = " -> ".join(f"'{step}'" for step in chain)
                problems.append(
                    f"{where}:{lines.get((old,), '?')}: {loop} is a loop. Fix: let the last one lead to a page."
                )
                break
        else:
            final[old] = chain[-1]
    if problems:
        raise SourceError("\n".join(problems))
    return final


def _bad(path: object) -> str:
    """Why `path` is not a page path below the language folder ('' when it is one)."""
    if not isinstance(path, str) or not path.endswith(".md"):
        return "is not a page path (it must end in .md)"
    parts = path.split("/")
    if any(ord(c) < 32 or ord(c) == 127 for c in path):
        return "holds an invisible control character (a tab, a line break)"
    if path.startswith("/") or "\\" in path or ":" in path or ".." in parts or "" in parts or "." in parts:
        return "leaves the site (no leading '/', no '..', no '\\', no scheme)"
    return ""


def write_redirects(site: pathlib.Path, site_path: str, redirects: dict[str, str]) -> list[str]:
    """Write every redirect in every language; return the problems (a target that does not exist,
    or a redirect that would overwrite a real page)."""
    problems = []
    root = site.resolve()
    for old, new in redirects.items():
        for lang in LANGUAGES:
            prefix = url_prefix(lang)
            source = site / prefix / _dir_url(old) / "index.html"
            target = site / prefix / _dir_url(new) / "index.html"
            where = f"data/redirects.yml: {old}: {new}"
            if not source.resolve().is_relative_to(root) or not target.resolve().is_relative_to(root):
                problems.append(f"{where}: leads outside the site. Write page paths below the language folder.")
                continue
            if not target.exists():
                problems.append(f"{where}: the target /{prefix}{_dir_url(new)} does not exist. Correct the new path.")
                continue
            if source.exists() and 'http-equiv="refresh"' not in source.read_text(encoding="utf-8")[:600]:
                problems.append(
                    f"{where}: /{prefix}{_dir_url(old)} is still a real page. Remove the redirect or the page."
                )
                continue
            # Percent-encoded: a path with a space, a quote or '<' stays one safe address in the page.
            url = urllib.parse.quote(posixpath.join(site_path, prefix, _dir_url(new)), safe="/")
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
