"""CLI: `python -m hooks.hosting write SITE [--site-url URL]` writes the host files into a built site
(what every build does); `python -m hooks.hosting preview [SITE] [--port N] [--host H]` serves it
with real nginx until Ctrl-C (`make preview`)."""

from __future__ import annotations

import argparse
import pathlib
import signal
import sys
import time

from hooks.build.common import REPO
from hooks.hosting import preview
from hooks.hosting.write import HostingError, site_path_of, write_host_files


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.hosting")
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="write sw.js, offline.json, _nginx.conf, _headers, _redirects, .gz/.br")
    w.add_argument("site", type=pathlib.Path)
    w.add_argument("--site-url", default="/", help="the site_url it was built for (only its path matters)")
    w.add_argument(
        "--cache", type=pathlib.Path, default=REPO / ".cache" / "plugin" / "hosting", help="results kept by content"
    )
    p = sub.add_parser("preview", help="serve a built site with nginx and the generated configuration")
    p.add_argument("site", type=pathlib.Path, nargs="?", default=REPO / "site")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--site-path", default=None, help="URL path of the site (default: from the built sitemap)")
    args = parser.parse_args(argv)

    if args.command == "write":
        try:
            s = write_host_files(args.site, args.site_url, args.cache)
        except HostingError as exc:
            print(exc, file=sys.stderr)
            return 1
        for entry in s.damaged:
            print(f"hosting cache: {entry} was damaged (its hash did not match); made it again")
        print(
            f"hosting: version {s.version}; {s.scripts} script and {s.styles} style hashes; {s.redirects} redirects; "
            f"{s.pages_scanned} pages scanned, {s.compression.compressed} files compressed"
        )
        return 0

    site_path = args.site_path or _site_path_from_sitemap(args.site)
    # Stop on SIGTERM and Ctrl-C even when the parent (a test runner, a CI shell) handed down these
    # signals blocked or ignored. The handler takes no lock (an Event's set() in a handler deadlocks
    # when the signal lands while the main thread holds that Event's lock): it raises once, and the
    # `with` below stops nginx on the way out.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, _interrupt)
    try:
        with preview.running(args.site, site_path=site_path, host=args.host, port=args.port) as server:
            print(f"nginx serves {args.site} at {server.url} (the build's _nginx.conf); Ctrl-C stops it", flush=True)
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        pass
    except preview.PreviewError as exc:
        print(f"preview: {exc}", file=sys.stderr)
        return 1
    print("nginx stopped")
    return 0


def _interrupt(*_) -> None:
    # Once only: `make` passes its own SIGTERM on to the preview, so a stop from a test runner or a
    # CI shell arrives twice; a second KeyboardInterrupt while nginx is being stopped would abandon it.
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, signal.SIG_IGN)
    raise KeyboardInterrupt


def _site_path_from_sitemap(site: pathlib.Path) -> str:
    """The URL path the site was built for, read from its sitemap (the first <loc>)."""
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return "/"
    text = sitemap.read_text(encoding="utf-8")
    start = text.find("<loc>")
    return site_path_of(text[start + 5 : text.find("</loc>", start)]) if start >= 0 else "/"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
