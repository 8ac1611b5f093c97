"""The content files of a built site, each read and hashed once for the whole hosting step.

The service worker's version, the hashes in offline.json, the keys of the precompressed copies and
of the policy's per-page results all start from a file's SHA-256; reading and hashing the site once
(instead of once per step and language) is most of what a rebuild with nothing changed costs here.
The hosting step writes only its own files (hooks/hosting: HOST_FILES and the `.gz`/`.br` copies),
never a content file, so what was read stays true until it ends.
"""

from __future__ import annotations

import hashlib
import pathlib

from hooks.hosting import COMPRESSED_SUFFIXES, HOST_FILES


def content_files(site: pathlib.Path) -> list[pathlib.Path]:
    """Every file of the site's content (not what the hosting step writes), sorted."""
    return sorted(
        p
        for p in site.rglob("*")
        if p.is_file() and not p.name.endswith(COMPRESSED_SUFFIXES) and not (p.parent == site and p.name in HOST_FILES)
    )


class SiteFiles:
    """`paths`: the content files (content_files); `data(path)`, `text(path)`, `sha256(path)`: read,
    decoded and hashed on first use, once. Any other path is read from disk every time."""

    def __init__(self, site: pathlib.Path):
        self.site = site
        self.paths = content_files(site)
        self._content = set(self.paths)
        self._data: dict[pathlib.Path, bytes] = {}
        self._sha: dict[pathlib.Path, bytes] = {}
        self._text: dict[pathlib.Path, str] = {}

    def data(self, path: pathlib.Path) -> bytes:
        if path not in self._content:
            return path.read_bytes()
        if path not in self._data:
            self._data[path] = path.read_bytes()
        return self._data[path]

    def text(self, path: pathlib.Path) -> str:
        """The file as `path.read_text(encoding="utf-8")` reads it (line breaks as \\n)."""
        if path in self._text:
            return self._text[path]
        text = self.data(path).decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        if path in self._content:
            self._text[path] = text
        return text

    def sha256(self, path: pathlib.Path) -> bytes:
        if path not in self._content:
            return hashlib.sha256(path.read_bytes()).digest()
        if path not in self._sha:
            self._sha[path] = hashlib.sha256(self.data(path)).digest()
        return self._sha[path]
