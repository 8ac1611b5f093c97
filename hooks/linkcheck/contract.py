"""The URL contract: data/published-urls.txt lists every URL we ever published (pages in both
languages, downloads, and the ## section ids of every page). Each must keep resolving in the built
site, directly or through a redirect (data/redirects.yml), because it is printed on paper and pasted
into proposals. `python -m hooks.linkcheck contract update` adds new URLs to the file."""

from __future__ import annotations

import pathlib

from hooks.hosting import HOST_CONFIG, HOST_FILES
from hooks.linkcheck.problems import Problem
from hooks.linkcheck.scan import Page
from hooks.linkcheck.urls import Sources, Target, did_you_mean, find_file, page_url, resolve

HEADER = """\
# Published URLs: every one must keep working (they are printed on worksheets and pasted into
# proposals). The build fails when one no longer resolves; a moved page needs a redirect in
# data/redirects.yml (old.md: new.md, for both languages). Paths are below site_url.
# Update after adding pages or sections (keeps every URL already listed):
#     .venv/bin/python -m hooks.linkcheck contract update
# Sorted, one URL per line; lines starting with '#' are comments.
"""
_NOT_PUBLISHED = ("assets/", "search/")
_NOT_PUBLISHED_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz")
# Host configuration and brotli copies (hooks/hosting): not addresses a reader uses. (/sw.js is:
# a registered service worker asks for it again and again.)
_HOST_FILES = HOST_CONFIG
MAX_REDIRECTS = 5


def published_urls(pages: dict[str, Page], files: set[str]) -> set[str]:
    """The URLs of a built site that we promise to keep: pages, downloads, ## ids of pages."""
    urls = set()
    for path in files:
        name = path.rsplit("/", 1)[-1]
        if path.startswith(_NOT_PUBLISHED) or name in _NOT_PUBLISHED_FILES or "/search/" in path:
            continue
        if path in _HOST_FILES or path.endswith(".br"):
            continue
        page = pages.get(path)
        if page is not None:
            if page.redirect is not None:
                continue
            url = page_url(path)
            urls.add(url)
            urls.update(f"{url}#{ident}" for ident, level in page.headings.items() if level == 2)
        elif not path.endswith((".html", ".json", ".xml", ".gz")):
            urls.add("/" + path)
    return urls


def read(path: pathlib.Path) -> list[str]:
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def write(path: pathlib.Path, urls: set[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + "".join(f"{url}\n" for url in sorted(urls)), encoding="utf-8")


def follow(url: str, pages: dict[str, Page], files: set[str]) -> tuple[str | None, str, list[str]]:
    """Resolve a published URL through redirects: (built file or None, fragment, hops taken)."""
    target = Target(url.lstrip("/").partition("#")[0], url.partition("#")[2])
    hops = []
    for _ in range(MAX_REDIRECTS + 1):
        found = find_file(target, files)
        page = pages.get(found) if found else None
        if page is None or page.redirect is None:
            return found, target.fragment, hops
        new = resolve(page.redirect, found, site_url="")
        if new is None:
            return None, target.fragment, [*hops, page.redirect]  # a redirect to another site
        hops.append(new.url)
        target = Target(new.path, target.fragment or new.fragment)
    return None, target.fragment, hops


def check_contract(
    listed: list[str], pages: dict[str, Page], files: set[str], *, contract_name: str, sources: Sources
) -> tuple[list[Problem], set[str]]:
    """Problems for listed URLs that no longer resolve, and the URLs of the site not listed yet."""
    problems = []
    all_pages = sorted({page_url(p) for p, pg in pages.items() if pg.redirect is None})
    hosted = HOST_CONFIG[0] in files  # the hosting step ran (not with HOSTING=off, as make serve shows the site)
    for url in listed:
        if not hosted and url.lstrip("/") in HOST_FILES:
            continue  # /sw.js: written by the hosting step only
        found, fragment, hops = follow(url, pages, files)
        via = f" (redirected to {hops[-1]})" if hops else ""
        if found is None:
            near = did_you_mean(hops[-1] if hops else url.partition("#")[0], all_pages + sorted("/" + f for f in files))
            fix = (
                "The redirect leads nowhere: correct its target in data/redirects.yml."
                if hops
                else "Restore it, or add a redirect in data/redirects.yml "
                "('old/page.md: new/page.md', paths below the language folder; it serves both languages)."
            )
            problems.append(
                Problem(contract_name, url, f"was published but no longer resolves{via}", fix + near, kind="contract")
            )
        elif fragment and fragment not in pages[found].ids:
            page = pages[found]
            fix = (
                f"Put the id back on the heading in {sources.of(found)} ({{#{fragment}}}) or add a redirect."
                + did_you_mean(fragment, page.headings, prefix="#")
            )
            problems.append(
                Problem(
                    contract_name,
                    url,
                    f"was published but {page_url(found)} has no id '{fragment}'{via}",
                    fix,
                    kind="contract",
                )
            )
    return problems, published_urls(pages, files) - set(listed)
