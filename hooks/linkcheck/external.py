"""Links to other sites, checked only on request (`make linkcheck-external`): never in the normal
offline build. urllib with a timeout, retries with backoff, a few threads, and a JSON cache in
.cache/linkcheck/external.json so a good URL is asked again only after `max_age_days`."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import http.client
import json
import pathlib
import time
import urllib.error
import urllib.request

from hooks.build.common import REPO
from hooks.linkcheck.scan import scan_site
from hooks.linkcheck.urls import Sources, is_external

USER_AGENT = "belangenoptafel-linkcheck/1 (+https://belangenoptafel.example.org/)"
RETRY_STATUS = {429, 500, 502, 503, 504}
GET_INSTEAD = {403, 405, 501}  # servers that refuse HEAD


@dataclasses.dataclass
class Result:
    url: str
    ok: bool
    status: str
    pages: list[str]
    cached: bool = False

    def __str__(self) -> str:
        return f"{self.url}: {self.status}, linked from {', '.join(self.pages)}"


def _request(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def probe(url: str, *, timeout: float = 10.0, retries: int = 2, backoff: float = 0.5) -> tuple[bool, str]:
    """(ok, status text) for one URL: HEAD, GET when HEAD is refused, retries on 429/5xx/network."""
    status = "not tried"
    for attempt in range(retries + 1):
        try:
            code = _request(url, "HEAD", timeout)
            if code in GET_INSTEAD:
                code = _request(url, "GET", timeout)
            status = f"HTTP {code}"
            if code < 400:
                return True, status
            if code not in RETRY_STATUS:
                return False, status
        except (TimeoutError, urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            status = f"no answer ({getattr(exc, 'reason', exc)})"
        if attempt < retries:
            time.sleep(backoff * 2**attempt)
    return False, status


def external_links(site: pathlib.Path, site_url: str, sources: Sources) -> dict[str, list[str]]:
    """External http(s) URL -> the source files that link to it."""
    found: dict[str, set[str]] = {}
    for path, page in scan_site(site).items():
        for link in page.links:
            if link.tag == "a" and link.value.startswith(("http://", "https://")) and is_external(link.value, site_url):
                found.setdefault(link.value.split("#")[0], set()).add(sources.of(path))
    return {url: sorted(pages) for url, pages in sorted(found.items())}


def check_external(
    site: pathlib.Path,
    *,
    site_url: str,
    cache_file: pathlib.Path,
    timeout: float = 10.0,
    retries: int = 2,
    max_age_days: float = 7.0,
    repo: pathlib.Path = REPO,
    workers: int = 8,
) -> list[Result]:
    sources = Sources(repo=repo, docs_dir=repo / "docs")
    links = external_links(site, site_url, sources)
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8")) if cache_file.is_file() else {}
    except (OSError, ValueError):
        cache = {}
    now = time.time()
    fresh = {u: c for u, c in cache.items() if c.get("ok") and now - c.get("checked", 0) < max_age_days * 86400}
    todo = [u for u in links if u not in fresh]
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        answers = dict(zip(todo, pool.map(lambda u: probe(u, timeout=timeout, retries=retries), todo), strict=True))
    results = []
    for url, pages in links.items():
        if url in fresh:
            results.append(Result(url, True, fresh[url]["status"], pages, cached=True))
            continue
        ok, status = answers[url]
        cache[url] = {"ok": ok, "status": status, "checked": now}
        results.append(Result(url, ok, status, pages))
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")
    return results
