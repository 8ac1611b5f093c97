"""Benchmark of the link guard: the whole-site check at 1x and 10x pages.

Builds the site once (or takes a built site as argument), then makes a synthetic 10x copy: every
page is copied nine more times under /bench-N/ (links inside stay valid, being relative).
Usage: .venv/bin/python bench/linkcheck.py [SITE_DIR]
"""

from __future__ import annotations

import pathlib
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from hooks.linkcheck.__main__ import configured_site_url
from hooks.linkcheck.check import check_site
from tests.helpers import REPO, build

SITE_URL = "https://belangenoptafel.example.org/"


def _time(site: pathlib.Path, site_url: str, runs: int = 3) -> tuple[float, int, int]:
    check_site(site, site_url=site_url)  # warm the document cache
    times, report = [], None
    for _ in range(runs):
        start = time.perf_counter()
        report = check_site(site, site_url=site_url)
        times.append(time.perf_counter() - start)
    return statistics.median(times), report.pages, report.links


def _multiply(site: pathlib.Path, factor: int) -> None:
    """Copy every page (with its folder depth kept) into factor-1 synthetic subtrees."""
    pages = [p for p in site.rglob("index.html") if not p.relative_to(site).as_posix().startswith("assets/")]
    for n in range(1, factor):
        for page in pages:
            rel = page.relative_to(site)
            if rel.parent.name in ("", "en"):
                continue  # the home pages stay single (their links are relative to the language root)
            target = site / rel.parent.parent / f"{rel.parent.name}-bench{n}" / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, target)


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        if argv:
            site, site_url = pathlib.Path(argv[0]), configured_site_url()
        else:
            site, site_url = pathlib.Path(tmp) / "site", SITE_URL
            result = build(REPO, site, site_url)
            if result.returncode != 0:
                print(result.stdout + result.stderr, file=sys.stderr)
                return 1
        seconds, pages, links = _time(site, site_url)
        print(f"linkcheck 1x:  {pages:5d} pages {links:7d} links  {seconds:.3f} s")
        big = pathlib.Path(tmp) / "site10"
        shutil.copytree(site, big)
        _multiply(big, 10)
        seconds10, pages10, links10 = _time(big, site_url)
        print(f"linkcheck 10x: {pages10:5d} pages {links10:7d} links  {seconds10:.3f} s")
        print(f"per page: {1000 * seconds / pages:.2f} ms at 1x, {1000 * seconds10 / pages10:.2f} ms at 10x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
