"""Language parity of the built site: every page has its twin, heading ids match between twins,
and a link from a Dutch page to another Dutch page has its counterpart on the English page."""

from __future__ import annotations

from hooks.build.common import DEFAULT_LANGUAGE, LANGUAGES
from hooks.linkcheck.problems import Problem
from hooks.linkcheck.scan import Page
from hooks.linkcheck.urls import Sources, did_you_mean, find_file, language_of, page_url, resolve, twin_path

OTHER_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)


def _is_page(page: Page) -> bool:
    return page.redirect is None and not page.path.startswith(("assets/", "search/"))


def _content_targets(page: Page, files: set[str], site_url: str) -> dict[str, str]:
    """Pages (as language-neutral paths) linked from the page's content -> the link as written."""
    targets = {}
    for link in page.links:
        if not (link.in_content and link.tag == "a"):
            continue
        target = resolve(link.value, page.path, site_url=site_url)
        found = find_file(target, files) if target else None
        if found and found.endswith("index.html") and found != page.path:
            # Pages, not fragments: heading ids are compared on their own, and a wrong #fragment is
            # already a broken link.
            targets.setdefault(language_of(found)[1], link.value)
    return targets


def check_parity(pages: dict[str, Page], files: set[str], *, site_url: str, sources: Sources) -> list[Problem]:
    problems = []
    for path, page in sorted(pages.items()):
        if not _is_page(page):
            continue
        lang, _ = language_of(path)
        if lang != DEFAULT_LANGUAGE:
            if twin_path(path, DEFAULT_LANGUAGE) not in pages:
                problems.append(_missing_twin(path, DEFAULT_LANGUAGE, sources))
            continue
        for other in OTHER_LANGUAGES:
            twin = pages.get(twin_path(path, other))
            if twin is None:
                problems.append(_missing_twin(path, other, sources))
                continue
            if path != "404.html" and sources.markdown(twin.path) is None and sources.markdown(path) is not None:
                problems.append(_missing_twin(path, other, sources, fallback=True))
                continue
            problems += _headings(page, twin, sources)
            problems += _links(page, twin, files, site_url, sources)
    return problems


def _missing_twin(path: str, other: str, sources: Sources, *, fallback: bool = False) -> Problem:
    lang, rest = language_of(path)
    rel = sources.markdown(path)
    rel_md = rel.relative_to(sources.docs_dir / lang).as_posix() if rel else rest
    what = (
        f"is published in {other.upper()} from the Dutch fallback: there is no docs/{other}/{rel_md}"
        if fallback
        else f"has no {other.upper()} twin: {twin_path(path, other)} is not in the built site"
    )
    return Problem(
        sources.of(path),
        page_url(path),
        what,
        f"Add docs/{other}/{rel_md} (same relative path; every page exists in both languages).",
        kind="parity",
    )


def _headings(page: Page, twin: Page, sources: Sources) -> list[Problem]:
    problems = []
    mine = {k for k, v in page.headings.items() if v >= 2}
    theirs = {k for k, v in twin.headings.items() if v >= 2}
    for side, here, missing_from, there in ((page, mine - theirs, twin, theirs), (twin, theirs - mine, page, mine)):
        for ident in sorted(here):
            hint = did_you_mean(ident, there - (mine & theirs), prefix="#")
            problems.append(
                Problem(
                    sources.of(side.path),
                    f"#{ident}",
                    f"is a heading id that its twin {sources.of(missing_from.path)} does not have",
                    f"Give the heading the same explicit id in both languages ({{#{ident}}}).{hint}",
                    kind="parity",
                )
            )
    return problems


def _links(page: Page, twin: Page, files: set[str], site_url: str, sources: Sources) -> list[Problem]:
    mine = _content_targets(page, files, site_url)
    theirs = _content_targets(twin, files, site_url)
    problems = []
    for target, written in sorted(mine.items()):
        if target in theirs:
            continue
        lang = language_of(twin.path)[0]
        twin_url = page_url(twin_path(target, lang))
        hint = did_you_mean(twin_url, [page_url(twin_path(t, lang)) for t in theirs])
        problems.append(
            Problem(
                sources.of(twin.path),
                twin_url,
                f"is missing: {sources.of(page.path)} links to '{written}', its twin has no link to {twin_url}",
                f"Add the link in the {language_of(twin.path)[0].upper()} text (or remove it from the Dutch).{hint}",
                kind="parity",
            )
        )
    return problems
