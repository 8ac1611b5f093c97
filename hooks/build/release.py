"""`make release SITE_URL=https://…/`: the site to deploy, built for the address it will live at.

Every printed address and QR code on a worksheet, the sitemap and the language links come from
SITE_URL; a build without it carries the placeholder `belangenoptafel.example.org`, and every QR code
on paper would be dead. This command refuses, before it builds anything, an address that is missing,
the placeholder or another example/local address, not https://, not a web address, or one whose
path a host would have to escape (path_problem(), which the hosting step of every build runs too);
then it runs the strict build with it (`make build` stays as it is for local use).

CLI: `python -m hooks.build.release check URL` (exit 1 with the reason); `python -m hooks.build.release build
URL [SITE_DIR]` checks, then builds.
"""

from __future__ import annotations

import ipaddress
import os
import re
import subprocess
import sys
import urllib.parse

from hooks.build.common import REPO

EXAMPLE = "https://belangenoptafel.nl/"
# Names that are never a real public site (RFC 2606, RFC 6761) and the placeholder of mkdocs.yml.
_NOT_REAL = ("example.org", "example.com", "example.net", "example", "test", "invalid", "localhost", "local")
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def problem(site_url: str | None) -> str:
    """Why `site_url` cannot be the address of a deployed site ('' when it can)."""
    fix = f"Set the address the site will live at: make release SITE_URL={EXAMPLE}"
    url = (site_url or "").strip()
    if not url:
        return f"release: SITE_URL is not set. {fix}"
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "http":
        return f"release: SITE_URL {url!r} starts with http://; readers and QR codes need https://. {fix}"
    if parts.scheme != "https" or not parts.hostname or " " in url:
        return f"release: SITE_URL {url!r} is not a web address (https://name.tld/). {fix}"
    host = parts.hostname.lower()
    if any(host == name or host.endswith("." + name) for name in _NOT_REAL) or _is_ip(host):
        return f"release: SITE_URL {url!r} is a placeholder or local address, not where readers find the site. {fix}"
    if not _HOST.match(host) or parts.query or parts.fragment or parts.username or parts.password:
        return f"release: SITE_URL {url!r} is not a web address (https://name.tld/, no ?query or #part). {fix}"
    if path_problem(url):
        return f"release: {path_problem(url)}"
    return ""


def path_problem(site_url: str) -> str:
    """Why the site cannot live at the path of `site_url` ('' when it can): a character outside
    letters, digits and - . _ ~ / would have to be escaped in the host's configuration, which
    hooks/hosting/rules.py writes with the path as it is. `make release` asks before it builds, the
    hosting step of every build after it (hooks/hosting/write.py): one check, one message."""
    path = urllib.parse.urlsplit(site_url or "/").path or "/"
    if urllib.parse.quote(path, safe="/") == path:
        return ""
    return (
        f"SITE_URL {site_url!r} has a path with characters a host would have to escape ({path!r}). "
        f"Fix: use an address whose path has only letters, digits and - . _ ~ /, like {EXAMPLE}belangen/."
    )


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("check", "build"):
        print("usage: python -m hooks.build.release check|build URL [SITE_DIR]", file=sys.stderr)
        return 2
    command, url = argv[0], argv[1]
    why = problem(url)
    if why:
        print(why, file=sys.stderr)
        return 1
    url = url.strip()
    url = url if url.endswith("/") else url + "/"
    if command == "check":
        print(f"release: {url} is a real address")
        return 0
    site_dir = argv[2] if len(argv) > 2 else "site"
    print(f"release: building {site_dir}/ for {url}", flush=True)
    env = {**os.environ, "SITE_URL": url}
    return subprocess.call([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", site_dir], cwd=REPO, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
