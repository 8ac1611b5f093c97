"""Helpers for the quality gates (accessibility, page weight, language): the list of built pages,
the site behind a compressing static host (tests.helpers.serve), axe-core in a page, and a shared
browser page."""

from __future__ import annotations

import pathlib

import pytest

from tests.helpers import REPO, serve

AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def page_paths(site: pathlib.Path) -> list[str]:
    """URL paths of every built page (each index.html), both languages, in a stable order."""
    paths = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        paths.append("" if rel == "." else rel + "/")
    return paths


def not_found_paths(site: pathlib.Path) -> list[str]:
    """The 404 page of each language, as built."""
    return [p.relative_to(site).as_posix() for p in (site / "404.html", site / "en" / "404.html") if p.is_file()]


# --- first-load weight ----------------------------------------------------------------------------


def first_load(page, url: str) -> list[dict]:
    """Load `url` in a fresh page and return every response of the first load with its status and
    the bytes that went over the wire (body as sent, i.e. compressed, plus headers)."""
    responses = []

    def on_finished(request):
        response = request.response()
        sizes = request.sizes()
        responses.append(
            {
                "url": request.url,
                "status": response.status if response else 0,
                "type": request.resource_type,
                "encoding": (response.headers.get("content-encoding", "") if response else ""),
                "body": sizes["responseBodySize"],
                "headers": sizes["responseHeadersSize"],
            }
        )

    def on_failed(request):
        responses.append(
            {"url": request.url, "status": 0, "type": request.resource_type, "encoding": "", "body": 0, "headers": 0}
        )

    page.on("requestfinished", on_finished)
    page.on("requestfailed", on_failed)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    page.remove_listener("requestfinished", on_finished)
    page.remove_listener("requestfailed", on_failed)
    return responses


# --- axe-core -------------------------------------------------------------------------------------


def require_axe() -> pathlib.Path:
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` in {REPO} (make test does it)")
    return AXE_JS


# axe judges the page at rest. Material fades the header's title in and out as the page scrolls
# (opacity 0.15 s, transform 0.4 s); caught halfway, the title's contrast fails though no reader
# ever has to read it like that. So transitions and animations are switched off while axe runs
# (through a constructed stylesheet, which the security policy allows), and two frames pass first.
_AXE_RUN = """async (tags) => {
    const still = new CSSStyleSheet();
    still.replaceSync('*, *::before, *::after { transition: none !important; animation: none !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, still];
    try {
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
        return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.map(n => n.target.join(' ')),
        }));
    } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== still);
    }
}"""


def axe_run(page) -> list[dict]:
    """Run the WCAG 2.1 A/AA and best-practice rules of axe-core on the page as it is now (axe is
    injected on first use, also where the security policy blocks script tags); the violations."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(require_axe().read_text(encoding="utf-8"))
    return page.evaluate(_AXE_RUN, AXE_TAGS)


def axe_violations(page, url: str) -> list[dict]:
    """Open `url` and run axe on it (axe_run); the violations."""
    page.goto(url, wait_until="load")
    return axe_run(page)


def format_violations(found: dict[str, list[dict]]) -> str:
    lines = []
    for path, violations in found.items():
        for v in violations:
            more = len(v["targets"]) - 8
            targets = ", ".join(v["targets"][:8]) + (f" (+{more} more)" if more > 0 else "")
            lines.append(f"/{path}: {v['id']} ({v['impact']}): {v['help']} -> {targets}")
    return "\n".join(lines)


# --- fixtures -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_page(browser):
    """One browser page for a whole module (axe over ~100 pages in one tab)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def gzip_server(built_site):
    """The built site behind a gzip-capable static host; the base URL. Its port differs from the
    one the site was built for, which only matters for instant navigation (not used here)."""
    httpd = serve(built_site)
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
