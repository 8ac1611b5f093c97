"""Content-hash cache of rendered worksheets in .cache/plugin/worksheets/.

A file is rendered again only when its key changes: the hash of the YAML bytes, every template,
stylesheet, font and module of this package, the generator version, the site URL, the language,
the output kind and the fixed timestamp. Files are stored under their key
(`nl/<key>/belangenkaart.pdf`), so builds for different site URLs (a test server's port, a
deployment) keep their own copies and never overwrite one another, also when they run at the same
time. manifest.json maps each output name to the key used last; `save` keeps the newest
KEEP_VARIANTS copies of each output and removes older ones.

Each file has its SHA-256 next to it (`belangenkaart.pdf.sha256`, written after the file). A file
whose hash does not match (truncated by a killed build or a full disk, edited by hand) or that has
no hash is not fresh: it is rendered again and reported in `damaged`, never used.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from hooks.build.store import write_atomic

from . import FONTS_DIR, GENERATOR_VERSION, PACKAGE_DIR, STYLES_DIR, TEMPLATES_DIR
from .repro import source_epoch

MANIFEST = "manifest.json"
KEEP_VARIANTS = 6
DIGEST_SUFFIX = ".sha256"


def _digest_file(path: Path) -> Path:
    return path.with_name(path.name + DIGEST_SUFFIX)


def engine_digest() -> str:
    """Hash of everything in the engine that shapes the output bytes."""
    digest = hashlib.sha256(GENERATOR_VERSION.encode())
    files = [
        *sorted(TEMPLATES_DIR.glob("*.j2")),
        STYLES_DIR / "print.css",
        *sorted(FONTS_DIR.glob("*.ttf")),
        *sorted(PACKAGE_DIR.glob("*.py")),
    ]
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def output_key(*, source: bytes, engine: str, kind: str, lang: str, site_url: str) -> str:
    """The cache key of one output file."""
    digest = hashlib.sha256()
    for part in (engine, kind, lang, site_url, str(source_epoch())):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(source)
    return digest.hexdigest()


class Cache:
    """The cache folder and its manifest (read at start, written back when it changed)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._entries: dict[str, str] = {}
        self._dirty = False
        self.damaged: list[str] = []  # outputs found damaged in the cache (rendered again)
        manifest = folder / MANIFEST
        if manifest.is_file():
            try:
                loaded = json.loads(manifest.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError):
                loaded = {}
            if isinstance(loaded, dict) and isinstance(loaded.get("files"), dict):
                self._entries = {str(k): str(v) for k, v in loaded["files"].items()}

    def path(self, name: str, key: str) -> Path:
        """Where output `name` ('nl/belangenkaart.pdf') rendered under `key` is kept."""
        folder, _, file = name.rpartition("/")
        return self.folder / folder / key[:24] / file

    def fresh(self, name: str, key: str) -> bool:
        """True when `name` is cached under this key and its bytes match their recorded hash. A
        file that is there but does not match is added to `damaged`."""
        path = self.path(name, key)
        if not path.is_file():
            return False
        try:
            expected = _digest_file(path).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            expected = ""
        if hashlib.sha256(path.read_bytes()).hexdigest() != expected:
            self.damaged.append(name)
            return False
        if self._entries.get(name) != key:
            self._entries[name] = key
            self._dirty = True
        return True

    def store(self, name: str, key: str, data: bytes) -> Path:
        target = self.path(name, key)
        write_atomic(target, data)
        write_atomic(_digest_file(target), hashlib.sha256(data).hexdigest().encode("ascii") + b"\n")
        self._entries[name] = key
        self._dirty = True
        return target

    def _prune(self) -> None:
        """Keep the newest KEEP_VARIANTS copies of each output (by modification time)."""
        variants: dict[tuple[Path, str], list[Path]] = {}
        for file in self.folder.glob("*/*/*"):
            if file.is_file() and file.suffix != DIGEST_SUFFIX:
                variants.setdefault((file.parent.parent, file.name), []).append(file)
        for files in variants.values():
            files.sort(key=lambda f: f.stat().st_mtime, reverse=True)
            for old in files[KEEP_VARIANTS:]:
                old.unlink(missing_ok=True)
                _digest_file(old).unlink(missing_ok=True)
                try:
                    old.parent.rmdir()
                except OSError:
                    pass

    def save(self) -> None:
        if not self._dirty:
            return
        self._prune()
        body = json.dumps({"generator": GENERATOR_VERSION, "files": dict(sorted(self._entries.items()))}, indent=1)
        write_atomic(self.folder / MANIFEST, (body + "\n").encode("utf-8"))
        self._dirty = False
