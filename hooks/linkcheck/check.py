"""The whole-site check: lychee for every href/src and #fragment, our own checks for what is
specific to this site (language parity, the URL contract, URLs in the worksheet downloads, the
planner's data), and messages that name the source file, the link, what is wrong and the likely fix."""

from __future__ import annotations

import dataclasses
import pathlib
import re
import time

from hooks.build.common import DOCS, REPO
from hooks.linkcheck import contract, lychee
from hooks.linkcheck.documents import document_urls
from hooks.linkcheck.parity import check_parity
from hooks.linkcheck.planner_data import check_planner_data
from hooks.linkcheck.problems import Problem
from hooks.linkcheck.scan import Link, Page, scan_site, site_files
from hooks.linkcheck.urls import Sources, Target, did_you_mean, find_file, page_url, resolve

CONTRACT = pathlib.Path("data/published-urls.txt")
CACHE = pathlib.Path(".cache/linkcheck")
TEMPLATE_GROUP = 3  # the same broken link on this many pages is reported once
SUGGEST_LIMIT = 200  # beyond this many broken links, skip the 'did you mean' (difflib is slow)


@dataclasses.dataclass
class Report:
    problems: list[Problem]
    unlisted: set[str]  # URLs of the site not in the contract yet
    pages: int
    links: int
    documents: int
    seconds: float
    contract_file: str

    def summary(self) -> str:
        state = f"{len(self.problems)} problem(s)" if self.problems else "all resolve"
        return (
            f"linkcheck: {self.pages} pages, {self.links} links, {self.documents} worksheet files, "
            f"{self.contract_listed} published URLs: {state}, {self.seconds:.2f} s"
        )

    contract_listed: int = 0


def check_site(
    site: pathlib.Path,
    *,
    site_url: str,
    repo: pathlib.Path = REPO,
    docs_dir: pathlib.Path | None = None,
    contract_file: pathlib.Path | None = None,
) -> Report:
    """Check a built site; `repo` is the project folder (sources, contract, cache)."""
    start = time.perf_counter()
    site = pathlib.Path(site)
    docs_dir = pathlib.Path(docs_dir) if docs_dir else (DOCS if repo == REPO else repo / "docs")
    contract_file = contract_file or repo / CONTRACT
    sources = Sources(repo=repo, docs_dir=docs_dir)
    proc = lychee.start(site, site_url)
    try:
        pages = scan_site(site)
        files = site_files(site)
        problems = check_parity(pages, files, site_url=site_url, sources=sources)
        listed = contract.read(contract_file)
        found, unlisted = contract.check_contract(
            listed, pages, files, contract_name=_rel(contract_file, repo), sources=sources
        )
        problems += found
        problems += _group(_unsafe_links(pages, repo, sources))
        docs = sorted(site / f for f in files if f.endswith((".pdf", ".docx")) and not f.startswith("assets/"))
        problems += _check_documents(docs, site, files, pages, site_url, repo, sources)
        problems += check_planner_data(site, files, pages, sources)
        problems += _group(_preview_images(pages, files, site_url))
    finally:
        failures = lychee.finish(proc, site)
    suggest = len(failures) <= SUGGEST_LIMIT
    problems += _group(_explain(f, pages, files, site_url, repo, sources, suggest) for f in failures)
    return Report(
        problems=problems,
        unlisted=unlisted,
        pages=sum(1 for p in pages.values() if p.redirect is None),
        links=sum(len(p.links) for p in pages.values()),
        documents=len(docs),
        seconds=time.perf_counter() - start,
        contract_file=_rel(contract_file, repo),
        contract_listed=len(listed),
    )


def _rel(path: pathlib.Path, repo: pathlib.Path) -> str:
    try:
        return path.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError:
        return str(path)


# ---- Links that run code or carry a document ----

UNSAFE_SCHEMES = ("javascript", "data", "vbscript")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def scheme_of(value: str) -> str:
    """The scheme of a link as a browser reads it (white space and control characters ignored)."""
    match = _SCHEME.match(re.sub(r"[\x00-\x20]", "", value).lower())
    return match.group(1) if match else ""


def _unsafe_links(pages: dict[str, Page], repo: pathlib.Path, sources: Sources):
    """javascript: and data: links (and vbscript:): a page of ours never runs code from a link or
    carries a document inside one. One problem per link, naming the source and its line."""
    for page in pages.values():
        if page.redirect is not None:
            continue
        for link in page.links:
            scheme = scheme_of(link.value)
            if scheme not in UNSAFE_SCHEMES:
                continue
            where = f"{page.path}:{link.line}"
            what = f"is a {scheme}: link; a page may not run code or hold a document inside a link"
            fix = "Link to a page or a file of the site instead (scripts live in assets/, see README)."
            if link.in_content:
                yield (
                    Problem(_markdown_line(sources, page.path, link.value, None), link.value, what, fix, where=where),
                    None,
                )
            else:
                template = _find_in_templates(repo, link.value.strip(), None)
                source = template or f"{sources.of(page.path)} (outside the page text: theme template or a hook)"
                yield Problem(source, link.value, what, fix, where=where), link.value


# ---- Link-preview images ----


def _preview_images(pages: dict[str, Page], files: set[str], site_url: str):
    """Each og:image / twitter:image of a page is a file of this build, at site_url."""
    for page in pages.values():
        for link in page.images:
            target = resolve(link.value, page.path, site_url=site_url)
            if target is not None and target.path in files:
                continue
            what = "is not a file of this build" if target else f"is not an address below site_url ({site_url})"
            fix = "The card images are written by hooks/share_hook.py; is the hook listed in mkdocs.yml?"
            yield (
                Problem("overrides/main.html", link.value, what, fix, where=f"{page.path}:{link.line}"),
                "preview-image",
            )


# ---- Worksheet downloads ----


def _check_documents(docs, site, files, pages, site_url, repo, sources) -> list[Problem]:
    problems = []
    for path, urls in document_urls(docs, repo / CACHE / "documents.json").items():
        built = path.relative_to(site).as_posix()
        for url in urls:
            if url.startswith("!unreadable"):
                problems.append(Problem(sources.of(built), built, f"cannot be read ({url[13:]})", kind="document"))
                continue
            target = resolve(url, built, site_url=site_url)
            if target is None:
                if "/werkbladen/" in url:
                    problems.append(
                        Problem(
                            sources.of(built),
                            url,
                            f"in {built} points at another site than site_url ({site_url})",
                            "Rebuild the worksheets with the right SITE_URL (delete .cache/plugin/worksheets).",
                            where=built,
                            kind="document",
                        )
                    )
                continue
            problem = _target_problem(target, files, pages)
            if problem:
                what, fix = problem
                problems.append(
                    Problem(sources.of(built), url, f"in {built} {what}", fix, where=built, kind="document")
                )
    return problems


# ---- lychee's failures, explained ----


def _target_problem(
    target: Target, files: set[str], pages: dict[str, Page], suggest: bool = True
) -> tuple[str, str] | None:
    """(what is wrong, fix) for an internal target, or None when it resolves."""
    found = find_file(target, files)
    if found is None:
        if target.path.startswith("../"):
            return "leads outside the site (above site_url)", "Use a path below the site root."
        if not suggest:
            return f"leads to {target.url}, which is not in the built site", ""
        candidates = sorted({page_url(p) for p, pg in pages.items() if pg.redirect is None} | {"/" + f for f in files})
        return f"leads to {target.url}, which is not in the built site", did_you_mean("/" + target.path, candidates)
    page = pages.get(found)
    if target.fragment and page is not None and page.redirect is None and target.fragment not in page.ids:
        return (
            f"leads to {page_url(found)}, which has no id '{target.fragment}'",
            did_you_mean(target.fragment, list(page.headings) or page.ids, prefix="#"),
        )
    return None


def _pick_link(page: Page | None, failure: lychee.Failure, site_url: str) -> Link | None:
    if page is None:
        return None
    on_line = [link for link in page.links if link.line == failure.line]
    wanted = failure.url.rstrip("/").removesuffix("/index.html")
    for link in on_line:
        target = resolve(link.value, page.path, site_url=site_url)
        if target and target.url.lstrip("/").rstrip("/").replace("/#", "#") == wanted.replace("/#", "#"):
            return link
    return on_line[0] if on_line else None


def _explain(failure, pages, files, site_url, repo, sources, suggest=True) -> tuple[Problem, str | None]:
    page = pages.get(failure.input)
    link = _pick_link(page, failure, site_url)
    where = f"{failure.input}:{failure.line}" if failure.line else failure.input
    if link is None:
        return Problem(
            sources.of(failure.input), failure.url, f"does not resolve ({failure.status})", where=where
        ), None
    target = resolve(link.value, failure.input, site_url=site_url)
    what, fix = (_target_problem(target, files, pages, suggest) if target else None) or (
        f"does not resolve ({failure.status})",
        "",
    )
    if link.in_content:
        source = _markdown_line(sources, failure.input, link.value, target)
        if target is not None and not target.fragment:
            fix = (fix + " Link to the .md file, relatively (AUTHORING.md: Links).").strip()
        return Problem(source, link.value, what, fix, where=where), None
    template = _find_in_templates(repo, link.value, target)
    source = template or f"{sources.of(failure.input)} (outside the page text: theme template, mkdocs.yml or a hook)"
    return Problem(source, link.value, what, fix, where=where), (target.url if target else link.value)


def _markdown_line(sources: Sources, built: str, value: str, target: Target | None) -> str:
    source = sources.markdown(built)
    if source is None:
        return sources.of(built)
    needles = [f"#{target.fragment}"] if target and target.fragment else []
    if target:
        needles.append(target.path.rstrip("/").rsplit("/", 1)[-1] or value)
    needles.append(value.strip())  # raw HTML in the page: the value as written
    lines = source.read_text(encoding="utf-8").splitlines()
    for needle in needles:
        for number, line in enumerate(lines, 1):
            if needle and needle in line:
                return f"{sources.of(built)}:{number}"
    return sources.of(built)


def _find_in_templates(repo: pathlib.Path, value: str, target: Target | None) -> str | None:
    overrides = repo / "overrides"
    needles = [value]
    if target:
        needles.append(target.path.rstrip("/").rsplit("/", 1)[-1] + ("#" + target.fragment if target.fragment else ""))
    for template in sorted(overrides.rglob("*.html")) if overrides.is_dir() else []:
        lines = template.read_text(encoding="utf-8").splitlines()
        for needle in needles:
            for number, line in enumerate(lines, 1):
                if needle and needle in line:
                    return f"{template.relative_to(repo).as_posix()}:{number}"
    return None


def _group(explained) -> list[Problem]:
    """A template link broken on every page is one problem, not a hundred."""
    by_key: dict[tuple, list[Problem]] = {}
    problems = []
    for problem, key in explained:
        if key is None:
            problems.append(problem)
        else:
            by_key.setdefault((problem.source, key, problem.what.split(",")[0]), []).append(problem)
    for group in by_key.values():
        if len(group) < TEMPLATE_GROUP:
            problems += group
            continue
        first = group[0]
        pages = ", ".join(p.where for p in group[:3])
        problems.append(dataclasses.replace(first, where=f"{len(group)} pages, e.g. {pages}", what=first.what))
    return problems
