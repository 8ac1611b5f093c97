"""Precompressed copies of the site's text files: `file.gz` (gzip, level 9) and `file.br` (brotli,
quality 11) next to each, kept only where smaller. A server sends them as they are (nginx
`gzip_static`/`brotli_static`), so no request pays for compression. The bytes are the same on every
build (no timestamp, no file name in the gzip header), and each result is kept in a cache folder
(`.cache/plugin/hosting/compress/`, hooks/build/store.py) by the SHA-256 of its input and checked
against its own hash when read, so a rebuild compresses only what changed and a damaged entry is
compressed again, never copied into the site.
"""

from __future__ import annotations

import dataclasses
import gzip
import pathlib

import brotli

from hooks.build.store import Store
from hooks.hosting import COMPRESSED_SUFFIXES, HOST_CONFIG
from hooks.hosting.sitefiles import SiteFiles

TEXT_SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".webmanifest")
_CODECS = {
    ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
    ".br": lambda data: brotli.compress(data, quality=11),
}


@dataclasses.dataclass
class Report:
    files: int = 0
    written: int = 0
    compressed: int = 0  # results computed now (not from the cache)
    raw_bytes: int = 0
    gz_bytes: int = 0
    br_bytes: int = 0


def candidates(site: pathlib.Path) -> list[pathlib.Path]:
    """The text files of the site a browser may fetch (host configuration excluded)."""
    return sorted(p for p in site.rglob("*") if p.suffix in TEXT_SUFFIXES and p.is_file() and p.name not in HOST_CONFIG)


def precompress(site: pathlib.Path, kept: Store, files: SiteFiles | None = None) -> Report:
    """Write `.gz` and `.br` next to every text file of `site` (where smaller); remove stale ones.
    `kept`: the results of earlier builds, by the SHA-256 of the input (each checked when read)."""
    files = files or SiteFiles(site)
    report = Report()
    for path in candidates(site):
        data = files.data(path)
        key = files.sha256(path).hex()
        report.files += 1
        report.raw_bytes += len(data)
        for suffix in COMPRESSED_SUFFIXES:
            target = path.with_name(path.name + suffix)
            result = kept.fetch(key + suffix, lambda suffix=suffix, data=data: _CODECS[suffix](data))
            if len(result) >= len(data):
                target.unlink(missing_ok=True)
                continue
            if suffix == ".gz":
                report.gz_bytes += len(result)
            else:
                report.br_bytes += len(result)
            if not target.is_file() or target.read_bytes() != result:
                target.write_bytes(result)
            report.written += 1
    report.compressed = kept.computed
    return report
