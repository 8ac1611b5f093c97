"""Offline use, in Chromium on real nginx (a service worker needs a secure context: 127.0.0.0/8 is
one): pages a reader opened, their assets and the search of their language keep working without a
network, with instant navigation and the language switch; 'keep offline' on the home page shows
the size first, stores the whole language (also pages and downloads never opened) and can remove
it; a new build replaces the old copy cleanly and says so once; nothing from another host is
stored."""

from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import urllib.parse

import pytest

from hooks.hosting import preview
from hooks.hosting.offline import search_files
from tests.helpers import build, free_port, instant_click, pick_language, scratch_copy
from tests.hosting_helpers import nginx_server, recorded_context
from tests.quality_helpers import axe_run

__all__ = ["nginx_server"]  # a fixture, used by name below

GUIDE = "gesprekken/kerngesprek/"

STORED = """async () => {
  const out = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) out.push([name, request.url]);
  }
  return out;
}"""


def _controlled(page) -> None:
    """Wait until the service worker controls the page (it registers after load)."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)


def _wait_stored(page, urls: list[str]) -> None:
    """Wait until every URL is in one of the service worker's caches."""
    page.wait_for_function(
        """async (urls) => {
            for (const url of urls) if (!(await caches.match(url, {ignoreVary: true}))) return false;
            return true;
        }""",
        arg=urls,
        timeout=60_000,
        polling=250,
    )


def _search(page, query: str) -> list[str]:
    page.keyboard.press("/")
    page.keyboard.type(query, delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


def test_pages_a_reader_opened_work_offline_with_search_instant_navigation_and_language_switch(
    nginx_server, built_site, browser
):
    base = nginx_server
    # Everything Dutch search loads (index, worker, stemmers): stored one by one after the second page.
    search = [base + rel for rel in search_files(built_site, "nl")]
    with recorded_context(browser) as (context, recorder):
        page = context.new_page()
        page.goto(base + "methode/")
        _controlled(page)
        for path in (GUIDE, "en/" + GUIDE, "methode/"):
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
        _wait_stored(page, [base + "methode/", base + GUIDE, base + "en/" + GUIDE, *search])
        assert not recorder.report(), recorder.report()

        context.set_offline(True)
        response = page.goto(base + GUIDE)
        assert response.status == 200 and response.from_service_worker
        instant_click(page, '.md-tabs a.md-tabs__link[href$="methode/"]', "/methode/")
        hits = _search(page, "belangen")
        assert hits and all(not urllib.parse.urlsplit(h).path.startswith("/en/") for h in hits), hits
        page.keyboard.press("Escape")
        page.goto(base + GUIDE + "#verloop")
        pick_language(page, "en", "/en/" + GUIDE)
        assert page.evaluate("document.documentElement.lang") == "en"
        assert urllib.parse.urlsplit(page.url).fragment == "verloop"

        # A page never opened: a clear 'not stored' page in its language, not the browser's error.
        response = page.goto(base + "en/praktijk/schulden/")
        assert response.status == 503
        assert "not stored" in page.inner_text("h1").lower()
        assert not recorder.violations and not [e for e in recorder.errors if "503" not in e], recorder.report()


# Files our ES modules load: `import … from "./x.js"`, `import("./x.js")`, `new URL("x.css", import.meta.url)`.
_IMPORTED = re.compile(
    r"""(?:\bfrom\s*|\bimport\s*\(\s*)["'](\.{1,2}/[^"']+\.\w+)["']"""
    r"""|new URL\(\s*["']([^"']+\.\w+)["']\s*,\s*import\.meta\.url\s*\)"""
)


def test_every_file_our_modules_import_is_built_and_kept_offline_in_both_languages(built_site):
    manifest = json.loads((built_site / "offline.json").read_text(encoding="utf-8"))["languages"]
    kept = {lang: {f[f.index("assets/") :] for f in data["files"] if "assets/" in f} for lang, data in manifest.items()}
    imported: dict[str, str] = {}
    for feature in ("planner", "site", "templates", "offline", "worksheets"):
        for script in sorted((built_site / "assets" / feature).rglob("*.js")):
            rel = script.relative_to(built_site).as_posix()
            if "/vendor/" in rel:
                continue
            for match in _IMPORTED.finditer(script.read_text(encoding="utf-8")):
                spec = match.group(1) or match.group(2)
                imported[os.path.normpath(os.path.join(os.path.dirname(rel), spec))] = rel
    assert {"assets/site/dict.js", "assets/planner/link.js", "assets/offline/offline-ui.js"} <= set(imported), imported
    for target, by in sorted(imported.items()):
        assert (built_site / target).is_file(), f"{by} imports {target}, which the build does not have"
        for lang, files in kept.items():
            assert target in files, f"{by} imports {target}, which offline.json does not keep for '{lang}'"


@pytest.mark.parametrize(("lang", "size_text"), [("nl", ","), ("en", ".")])
def test_keep_offline_shows_the_size_stores_the_whole_language_and_removes_it(
    nginx_server, built_site, browser, lang, size_text
):
    prefix = "" if lang == "nl" else "en/"
    manifest = json.loads((built_site / "offline.json").read_text(encoding="utf-8"))["languages"][lang]
    pages = [f for f in manifest["files"] if f.endswith("/")]
    downloads = [f for f in manifest["files"] if f.endswith((".pdf", ".docx"))]
    assert len(downloads) >= 18 and any(f.endswith("/werkbladen/belangenkaart/") for f in pages)
    assert all(f.startswith("/en/") == (lang == "en") for f in pages + downloads)
    with recorded_context(browser) as (context, recorder):
        page = context.new_page()
        page.goto(nginx_server + prefix)
        control = page.locator("[data-offline-keep]")
        button = control.locator("button")
        page.wait_for_selector("[data-offline-keep][data-offline-state=online]", timeout=60_000)
        size = f"{manifest['bytes'] / 1e6:.1f}".replace(".", size_text) + " MB"
        assert size in control.inner_text(), (size, control.inner_text())
        assert page.locator("[data-offline-keep] h2").count() == 1
        page.evaluate("window.__offlineUi.message({type: 'updated'})")  # the notice, to check it too
        page.locator(".offline-notice").wait_for()
        found = axe_run(page)
        assert not found, found
        page.locator(".offline-notice button").last.click()  # close
        assert page.locator(".offline-notice").count() == 0

        button.click()
        page.wait_for_selector("[data-offline-keep][data-offline-state=kept]", timeout=180_000)
        stored = {urllib.parse.urlsplit(url).path for _, url in page.evaluate(STORED)}
        missing = sorted(set(manifest["files"]) - stored)
        assert not missing, f"not stored: {missing[:10]}"
        assert not recorder.report(), recorder.report()

        context.set_offline(True)
        never = next(f for f in pages if "/gesprekken/" in f and not f.endswith("/gesprekken/"))
        response = page.goto(nginx_server.rstrip("/") + never)
        assert response.status == 200 and response.from_service_worker, never
        pdf = next(f for f in downloads if f.endswith(".pdf"))
        fetched = page.evaluate(
            "async (u) => { const r = await fetch(u); return [r.status, (await r.arrayBuffer()).byteLength]; }", pdf
        )
        assert fetched == [200, (built_site / pdf.lstrip("/")).stat().st_size]
        hits = _search(page, "belangen" if lang == "nl" else "interests")
        assert hits

        context.set_offline(False)
        page.goto(nginx_server + prefix)
        page.wait_for_selector("[data-offline-keep][data-offline-state=kept]", timeout=60_000)
        button.click()
        page.wait_for_selector("[data-offline-keep][data-offline-state=online]", timeout=60_000)
        names = page.evaluate("caches.keys()")
        assert not [n for n in names if n.endswith(f"-keep-{lang}")], names
        assert page.locator("[data-offline-keep] [role=status]").inner_text().strip()


def test_nothing_from_another_host_is_stored(nginx_server, server, browser):
    """The page may not even ask another host (the security policy); with the policy bypassed, the
    service worker still leaves requests to another host alone, and ignores them when told."""
    other = server  # the Python host of the other tests: another origin
    with recorded_context(browser, bypass_csp=True) as (context, _recorder):
        page = context.new_page()
        page.goto(nginx_server + GUIDE)
        _controlled(page)
        page.evaluate(
            """async (other) => {
                await fetch(other + 'assets/site/site.js', {mode: 'no-cors'});
                const img = new Image(); img.src = other + 'assets/logo.svg'; await img.decode().catch(() => {});
                const reg = await navigator.serviceWorker.ready;
                const urls = [other + 'assets/site/site.css', location.href];
                reg.active.postMessage({type: 'visit', lang: 'nl', urls});
            }""",
            other,
        )
        page.goto(nginx_server + "methode/")
        page.wait_for_load_state("networkidle")
        _wait_stored(page, [nginx_server + "methode/"])
        origin = nginx_server.rstrip("/")
        stored = page.evaluate(STORED)
        assert stored and all(url.startswith(origin + "/") for _, url in stored), [
            url for _, url in stored if not url.startswith(origin)
        ]


@pytest.fixture
def deployment(tmp_path, built_site, site_url):
    """nginx serving a symbolic link to the session's site: `deploy(site)` points it at another
    build and reloads nginx, as an operator deploys a new version."""
    live = tmp_path / "live"
    live.symlink_to(built_site, target_is_directory=True)
    with preview.running(live, port=free_port()) as nginx:

        def deploy(site):
            swap = tmp_path / "live.new"
            swap.symlink_to(site, target_is_directory=True)
            os.replace(swap, live)
            nginx.reload()

        yield nginx.url, deploy


NEW_TEXT = "Dit is de nieuwe versie van deze pagina."


@pytest.fixture(scope="module")
def new_build(tmp_path_factory, site_url):
    """The site built again with one more sentence on methode/waarom/: the next deployment."""
    tmp = tmp_path_factory.mktemp("v2")
    project = scratch_copy(tmp / "p")
    page_md = project / "docs" / "nl" / "methode" / "waarom.md"
    page_md.write_text(page_md.read_text(encoding="utf-8") + f"\n{NEW_TEXT}\n", encoding="utf-8")
    result = build(project, tmp / "v2", site_url)
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp / "v2"


def test_a_new_build_replaces_the_old_copy_and_the_reader_is_told_once(deployment, new_build, browser):
    base, deploy = deployment

    with recorded_context(browser) as (context, recorder):
        page = context.new_page()
        page.goto(base + "methode/waarom/")
        _controlled(page)
        page.goto(base + "methode/")
        _wait_stored(page, [base + "methode/waarom/", base + "methode/"])
        old = set(page.evaluate("caches.keys()"))
        assert old and "nieuwe versie" not in page.content()

        deploy(new_build)
        page.goto(base + "methode/")  # a page view: the browser looks for a new service worker
        notice = page.locator(".offline-notice")
        notice.wait_for(state="visible", timeout=120_000)
        assert notice.get_attribute("role") == "status"
        assert page.locator(".offline-notice").count() == 1
        names = set(page.evaluate("caches.keys()"))
        assert names and not names & old, f"old caches left: {names & old}"

        with page.expect_navigation():
            notice.locator("button").first.click()  # reload
        page.wait_for_load_state("networkidle")
        page.goto(base + "methode/waarom/")
        assert "Dit is de nieuwe versie van deze pagina." in page.inner_text(".md-content")
        page.wait_for_load_state("networkidle")
        assert page.locator(".offline-notice").count() == 0, "the notice came back"

        context.set_offline(True)  # the visited pages were carried over into the new version
        page.goto(base + "methode/waarom/")
        assert "Dit is de nieuwe versie van deze pagina." in page.inner_text(".md-content")
        assert not recorder.report(), recorder.report()


WAAROM = "methode/waarom/"
# Ask the browser to look for a new service worker now, and wait for the install it starts to end:
# 'activated', or 'redundant' when the install failed. (A navigation would start one too, at a
# moment of the browser's choosing: the test never navigates while a new sw.js is being tried.)
UPDATE = """async () => {
  const reg = await navigator.serviceWorker.getRegistration();
  const found = new Promise((resolve) =>
    reg.addEventListener('updatefound', () => resolve(reg.installing), {once: true}));
  await reg.update();
  const worker = await found;
  const done = () => ['activated', 'redundant'].includes(worker.state);
  if (!done()) await new Promise((resolve) => worker.addEventListener('statechange', () => done() && resolve()));
  return worker.state;
}"""
CACHED = """async ([url, prefix]) => {
  const out = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(prefix)) continue;
    const hit = await (await caches.open(name)).match(url, {ignoreVary: true});
    if (hit) out.push([name, await hit.text()]);
  }
  return out;
}"""
FETCHED = "async (url) => (await fetch(url)).text()"


def _version(site) -> str:
    return re.search(r'"version":"([0-9a-f]+)"', (site / "sw.js").read_text(encoding="utf-8")).group(1)


def _mixed(tmp_path, base_site, name, other, files) -> pathlib.Path:
    """A half-finished upload: `base_site` with `files` (and their .gz/.br) still as in `other`."""
    site = tmp_path / name
    shutil.copytree(base_site, site, symlinks=True)
    for rel in files:
        for suffix in ("", ".gz", ".br"):
            source = other / (rel + suffix)
            if source.is_file():
                shutil.copy2(source, site / (rel + suffix))
    return site


def test_a_deployment_reaches_a_returning_reader_at_once_whatever_the_upload_order(
    deployment, built_site, new_build, tmp_path, browser
):
    """Build A is served and a reader's service worker has stored its pages. Then a deployment of B
    arrives file by file, in either order, and completes. Online, each load shows what the server
    has at that moment (pages come from the network first); no copy of A's page is ever stored
    under B's version; offline afterwards, the reader gets B's page."""
    base, deploy = deployment
    new_version = _version(new_build)
    assert new_version != _version(built_site)
    waarom = base + WAAROM
    with recorded_context(browser) as (context, recorder):
        page = context.new_page()
        page.goto(waarom)
        _controlled(page)
        page.goto(base + "methode/")
        _wait_stored(page, [waarom, base + "methode/"])
        assert NEW_TEXT not in page.evaluate(CACHED, [waarom, "bot-"])[0][1]

        # 1. The pages arrive first; sw.js and offline.json are still A's. A's worker stays, and the
        #    first load of the page shows B's text: pages come from the network first.
        deploy(_mixed(tmp_path, new_build, "pages-first", built_site, ["sw.js", "offline.json"]))
        page.goto(waarom)
        assert NEW_TEXT in page.inner_text(".md-content"), "online, the first load after a deployment is old"

        # 2. The other order: sw.js and offline.json are B's, the page is still A's. B's worker cannot
        #    carry the page over (its bytes do not have B's hash): the install fails, A's worker stays,
        #    and nothing of A is stored under B's version.
        deploy(_mixed(tmp_path, new_build, "worker-first", built_site, [WAAROM + "index.html"]))
        assert NEW_TEXT not in page.evaluate(FETCHED, waarom)  # what the server has now, online
        assert page.evaluate(UPDATE) == "redundant"
        under_new = page.evaluate(CACHED, [waarom, f"bot-{new_version}-"])
        assert all(NEW_TEXT in text for _, text in under_new), "A's page stored under B's version"

        # 3. The upload completes: B's worker installs and takes over; online and offline the reader
        #    gets B's page.
        deploy(new_build)
        assert page.evaluate(UPDATE) == "activated"
        names = page.evaluate("caches.keys()")
        assert names and all(n.startswith(f"bot-{new_version}-") for n in names), names
        page.goto(waarom)
        assert NEW_TEXT in page.inner_text(".md-content")
        context.set_offline(True)
        response = page.goto(waarom)
        assert response.from_service_worker and NEW_TEXT in page.inner_text(".md-content")
        response = page.goto(base + "methode/")  # carried over from A's store, as B has it
        assert response.from_service_worker and response.status == 200
        assert not recorder.violations, recorder.report()
