"""CLI: `python -m hooks.worksheets check` and `python -m hooks.worksheets build --out DIR`.

check  validates every worksheets/*.yml (schema, taxonomy, related pages); exit 1 with messages.
build  renders every sheet in every language to DIR, at the paths it gets on the site (PDF, DOCX,
       and the JSON of its fields for the browser).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from . import LANGUAGES
from .build import WorksheetErrors, build_language, field_files, load_sources

DEFAULT_SITE_URL = "https://belangenoptafel.example.org/"
ROOT = Path(__file__).resolve().parents[2]


def _load(root: Path):
    try:
        return load_sources(root, docs_dir=root / "docs")
    except WorksheetErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print(f"worksheets: {exc}", file=sys.stderr)
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.worksheets", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this checkout)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every worksheets/*.yml")
    build = commands.add_parser("build", help="render every sheet to DIR")
    build.add_argument("--out", type=Path, required=True, help="output folder")
    build.add_argument(
        "--site-url",
        default=os.environ.get("SITE_URL", DEFAULT_SITE_URL),
        help="site URL for the printed links and QR codes",
    )
    build.add_argument(
        "--cache", type=Path, default=None, help="cache folder (default: <root>/.cache/plugin/worksheets)"
    )
    args = parser.parse_args(argv)

    root = args.root.resolve()
    sources = _load(root)
    if sources is None:
        return 1
    if args.command == "check":
        print(f"worksheets: {len(sources)} sheets valid")
        return 0
    cache_dir = args.cache or root / ".cache" / "plugin" / "worksheets"
    for lang in LANGUAGES:
        report = build_language(sources, lang, site_url=args.site_url, cache_dir=cache_dir)
        for output in report.outputs + field_files(sources, lang, cache_dir=cache_dir):
            target = args.out / output.uri
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(output.path, target)
        print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
