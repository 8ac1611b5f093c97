"""Command line of the link guard; see hooks/linkcheck/__init__.py."""

from __future__ import annotations

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile

import yaml

from hooks.build.common import REPO
from hooks.linkcheck import contract, external
from hooks.linkcheck.check import CACHE, CONTRACT, check_site
from hooks.linkcheck.lychee import LycheeError
from hooks.linkcheck.scan import scan_site, site_files

UPDATE = ".venv/bin/python -m hooks.linkcheck contract update"


def configured_site_url(repo: pathlib.Path = REPO) -> str:
    """site_url as mkdocs.yml sets it (SITE_URL from the environment, else the placeholder)."""
    from mkdocs.utils.yaml import get_yaml_loader

    with open(repo / "mkdocs.yml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=get_yaml_loader()).get("site_url") or ""


def _build(target: pathlib.Path, repo: pathlib.Path) -> None:
    """A strict build without the link check (the contract may be what is being repaired)."""
    env = {**os.environ, "LINKCHECK": "off", "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit("contract: the site does not build; fix the errors above first.")


def cmd_check(args) -> int:
    site_url = args.site_url if args.site_url is not None else configured_site_url()
    report = check_site(pathlib.Path(args.site_dir), site_url=site_url)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if report.unlisted:
        print(f"linkcheck: {len(report.unlisted)} URL(s) not in {report.contract_file} yet: run `{UPDATE}`")
    print(report.summary())
    return 1 if report.problems else 0


def cmd_contract(args) -> int:
    path = REPO / CONTRACT
    with tempfile.TemporaryDirectory() as tmp:
        site = pathlib.Path(args.site) if args.site else pathlib.Path(tmp) / "site"
        if not args.site:
            print("contract: building the site …")
            _build(site, REPO)
        pages, files = scan_site(site), site_files(site)
        listed = contract.read(path)
        current = contract.published_urls(pages, files)
        broken = [url for url in listed if contract.follow(url, pages, files)[0] is None]
        new = current - set(listed)
    if args.action == "check":
        for url in broken:
            print(f"{CONTRACT}: {url} no longer resolves (add a redirect)", file=sys.stderr)
        if new:
            print(f"{CONTRACT}: out of date, {len(new)} new URL(s), e.g. {sorted(new)[0]}: run `{UPDATE}`")
        return 1 if broken or new else 0
    if broken and not args.allow_removal:
        for url in broken:
            print(f"{CONTRACT}: {url} was published but no longer resolves", file=sys.stderr)
        print(
            "contract: not updated. Add redirects for these (data/redirects.yml), or drop them on purpose "
            "with --allow-removal (they may be printed on paper).",
            file=sys.stderr,
        )
        return 1
    keep = {url for url in listed if url not in broken}
    contract.write(path, keep | current)
    print(f"contract: {CONTRACT} lists {len(keep | current)} URLs ({len(new)} added, {len(broken)} removed)")
    return 0


def cmd_external(args) -> int:
    site_url = args.site_url if args.site_url is not None else configured_site_url()
    results = external.check_external(
        pathlib.Path(args.site_dir),
        site_url=site_url,
        cache_file=REPO / CACHE / "external.json",
        timeout=args.timeout,
        retries=args.retries,
        max_age_days=args.max_age,
    )
    dead = [r for r in results if not r.ok]
    for result in dead:
        print(result, file=sys.stderr)
    print(f"linkcheck external: {len(results)} URLs, {len(dead)} dead, {sum(r.cached for r in results)} from cache")
    return 1 if dead else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.linkcheck", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check a built site, offline")
    check.add_argument("site_dir")
    check.add_argument("--site-url", default=None, help="default: site_url of mkdocs.yml (SITE_URL)")
    check.set_defaults(func=cmd_check)
    con = sub.add_parser("contract", help="the committed list of published URLs")
    con.add_argument("action", choices=["update", "check"])
    con.add_argument("--site", help="a built site to read (default: build one in a temporary folder)")
    con.add_argument("--allow-removal", action="store_true", help="drop listed URLs that no longer resolve")
    con.set_defaults(func=cmd_contract)
    ext = sub.add_parser("external", help="check links to other sites (needs the network)")
    ext.add_argument("site_dir", nargs="?", default="site")
    ext.add_argument("--site-url", default=None)
    ext.add_argument("--timeout", type=float, default=10.0)
    ext.add_argument("--retries", type=int, default=2)
    ext.add_argument("--max-age", type=float, default=7.0, help="days a good result stays in the cache")
    ext.set_defaults(func=cmd_external)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except LycheeError as exc:
        print(f"linkcheck: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
