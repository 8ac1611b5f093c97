"""The hosting step of a build: everything hooks/hosting writes into a built site, in order."""

from __future__ import annotations

import dataclasses
import pathlib
import urllib.parse

from hooks.build.common import REPO
from hooks.build.release import path_problem
from hooks.hosting import compress, offline, policy, rules
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


def site_path_of(site_url: str) -> str:
    """The URL path the site lives at: '/' or '/belangen/'."""
    path = urllib.parse.urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def write_host_files(site: pathlib.Path, site_url: str, cache: pathlib.Path) -> Summary:
    """Write sw.js, offline.json, _nginx.conf, _nginx-brotli.conf, _headers, _redirects and the
    precompressed copies into `site`; `cache` keeps compressed results between builds."""
    site_path = site_path_of(site_url)
    if path_problem(site_url):  # the check `make release` runs before it builds
        raise HostingError(path_problem(site_url))
    # The inline scripts the theme, overrides/ and the redirect pages can write: nothing else is hashed.
    known = policy.known_scripts(
        [*policy.theme_templates(REPO / "overrides"), redirects.PAGE.replace("{url}", "{{ url }}")]
    )
    inline = policy.scan_site(site, known)
    if inline.problems:
        raise HostingError("\n".join(inline.problems))
    headers = policy.security_headers(inline)
    moved = redirects.moved_urls(site_path, redirects.load())
    immutable = rules.fingerprinted(site, site_path)
    version, manifest = offline.write(site, site_path)
    (site / "_nginx.conf").write_text(rules.nginx_server_block(site_path, headers, moved, immutable), encoding="utf-8")
    (site / "_nginx-brotli.conf").write_text(rules.BROTLI, encoding="utf-8")
    (site / "_headers").write_text(rules.headers_file(site_path, headers, immutable), encoding="utf-8")
    (site / "_redirects").write_text(rules.redirects_file(site_path, moved), encoding="utf-8")
    report = compress.precompress(site, cache)
    return Summary(
        version=version,
        scripts=len(inline.scripts),
        styles=len(inline.styles),
        redirects=len(moved),
        immutable=len(immutable),
        offline_bytes={lang: entry["bytes"] for lang, entry in manifest["languages"].items()},
        compression=report,
    )
