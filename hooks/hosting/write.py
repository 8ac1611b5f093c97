"""The hosting step of a build: everything hooks/hosting writes into a built site, in order."""

from __future__ import annotations

import dataclasses
import pathlib
import urllib.parse

from hooks.build.common import REPO
from hooks.build.release import path_problem
from hooks.build.store import Files, Store
from hooks.hosting import compress, offline, policy, rules
from hooks.hosting.sitefiles import SiteFiles
from hooks.pages import redirects


class HostingError(Exception):
    """The built pages hold something the security policy cannot allow; the message says what."""


@dataclasses.dataclass
class Summary:
    version: str
    scripts: int
    styles: int
    redirects: int
    immutable: int
    offline_bytes: dict[str, int]
    compression: compress.Report
    pages_scanned: int  # pages whose inline scripts and styles were read now (the others: kept)
    damaged: list[str]  # kept results that did not match their hash (made again): 'compress/<key>'


def site_path_of(site_url: str) -> str:
    """The URL path the site lives at: '/' or '/belangen/'."""
    path = urllib.parse.urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def _templates() -> list[str]:
    """The texts the inline scripts of a page may come from: the theme, overrides/, the redirect page."""
    return [*policy.theme_templates(REPO / "overrides"), redirects.PAGE.replace("{url}", "{{ url }}")]


def _templates_salt() -> str:
    """What the known scripts stand for, cheaply: Material's version (its templates change only with
    it, pinned in requirements.txt), our templates and the redirect page, byte for byte."""
    import material

    ours = sorted((REPO / "overrides").rglob("*.html"))
    return policy.salt(
        f"material {material.__version__}",
        *(f"{p.relative_to(REPO).as_posix()}\0{p.read_text(encoding='utf-8')}" for p in ours),
        redirects.PAGE,
    )


def write_host_files(site: pathlib.Path, site_url: str, cache: pathlib.Path) -> Summary:
    """Write sw.js, offline.json, _nginx.conf, _nginx-brotli.conf, _headers, _redirects and the
    precompressed copies into `site`. `cache` (.cache/plugin/hosting) keeps results between builds,
    by content: `compress/` the .gz/.br of each file, `policy/` the inline hashes of each page."""
    site_path = site_path_of(site_url)
    problem = path_problem(site_url)  # the check `make release` runs before it builds
    if problem:
        raise HostingError(problem)
    files = SiteFiles(site)
    # The inline scripts the theme, overrides/ and the redirect pages can write: nothing else is hashed.
    scanned = Store(cache / "policy")
    inline = policy.scan_site(
        site, lambda: policy.known_scripts(_templates()), files, kept=scanned, salt=_templates_salt()
    )
    if inline.problems:
        raise HostingError("\n".join(inline.problems))
    headers = policy.security_headers(inline)
    moved = redirects.moved_urls(site_path, redirects.load())
    immutable = rules.fingerprinted(site, site_path)
    version, manifest = offline.write(site, site_path, files)
    (site / "_nginx.conf").write_text(rules.nginx_server_block(site_path, headers, moved, immutable), encoding="utf-8")
    (site / "_nginx-brotli.conf").write_text(rules.BROTLI, encoding="utf-8")
    (site / "_headers").write_text(rules.headers_file(site_path, headers, immutable), encoding="utf-8")
    (site / "_redirects").write_text(rules.redirects_file(site_path, moved), encoding="utf-8")
    compressed = Files(cache / "compress")
    report = compress.precompress(site, compressed, files)
    return Summary(
        version=version,
        scripts=len(inline.scripts),
        styles=len(inline.styles),
        redirects=len(moved),
        immutable=len(immutable),
        offline_bytes={lang: entry["bytes"] for lang, entry in manifest["languages"].items()},
        compression=report,
        pages_scanned=scanned.computed,
        damaged=[f"policy/{key}" for key in scanned.damaged] + [f"compress/{key}" for key in compressed.damaged],
    )
