"""Precompressed copies of the site's text files: `file.gz` (gzip, level 9) and `file.br` (brotli,
quality 11) next to each, kept only where smaller. A server sends them as they are (nginx
`gzip_static`/`brotli_static`), so no request pays for compression. The bytes are the same on every
build (no timestamp, no file name in the gzip header), and each result is kept in a cache folder
(`.cache/plugin/hosting/compress/`, hooks/build/store.py: Files) by the SHA-256 of its input and
the codecs' versions, named by its own hash and checked against it when read: a rebuild compresses
only what changed and links the kept copies into the site; a damaged copy is compressed again,
never linked.
"""

from __future__ import annotations

import dataclasses
import gzip
import pathlib
import zlib

import brotli

from hooks.build.store import Files, digest, place
from hooks.hosting import COMPRESSED_SUFFIXES, HOST_CONFIG
from hooks.hosting.sitefiles import SiteFiles

TEXT_SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".webmanifest")
_CODECS = {
    ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
    ".br": lambda data: brotli.compress(data, quality=11),
}
CODECS = f"gzip 9, zlib {zlib.ZLIB_RUNTIME_VERSION}; brotli 11, {brotli.__version__}"  # part of each key


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


def copy_key(sha256_hex: str, suffix: str) -> str:
    """The name a compressed copy is kept under: the input's SHA-256, the codec and its version."""
    return f"{digest(sha256_hex.encode(), suffix.encode(), CODECS.encode())}{suffix}"


def precompress(site: pathlib.Path, kept: Files, files: SiteFiles | None = None) -> Report:
    """Write `.gz` and `.br` next to every text file of `site` (where smaller); remove stale ones.
    `kept`: the copies of earlier builds, by input and codec (each checked when read), linked into
    the site rather than written again."""
    files = files or SiteFiles(site)
    report = Report()
    for path in candidates(site):
        data = files.data(path)
        report.files += 1
        report.raw_bytes += len(data)
        for suffix in COMPRESSED_SUFFIXES:
            target = path.with_name(path.name + suffix)
            key = copy_key(files.sha256(path).hex(), suffix)
            source, result = kept.fetch(key, lambda suffix=suffix, data=data: _CODECS[suffix](data))
            if len(result) >= len(data):
                target.unlink(missing_ok=True)
                continue
            if suffix == ".gz":
                report.gz_bytes += len(result)
            else:
                report.br_bytes += len(result)
            place(source, result, target)
            report.written += 1
    report.compressed = kept.computed
    return report
