"""The service worker and its data, from the built site.

- `sw.js` (at the site root, so its scope covers both languages): hooks/hosting/sw.js with the data
  of this build written in: its version (a hash of every file of the site, so any change to any
  page or file gives a new service worker, and an unchanged site the same bytes), the site root,
  and per language the files search needs (index, worker, stemmer);
- `offline.json`: per language the files that make it work offline (every page, download, asset,
  the search index and sitemap; not the link-preview cards, which no page loads), with their
  total size, for 'keep this offline' on the home page,
  and the content hash of each (`hashes`, address -> the first 32 hex digits of the SHA-256 of its
  bytes): the service worker stores a response under this build's version only when its bytes
  have that hash, so an upload that is not atomic never gets an old file kept as a new one.
  Derived from the files of the build: a new page, worksheet or planner is in it by itself.
"""

from __future__ import annotations

import hashlib
import json
import pathlib

from hooks.build.common import DEFAULT_LANGUAGE, LANGUAGES, url_prefix
from hooks.hosting import COMPRESSED_SUFFIXES, HOST_FILES
from hooks.hosting.sitefiles import SiteFiles

TEMPLATE = pathlib.Path(__file__).with_name("sw.js")
_PLACEHOLDER = "const BUILD = {};"
_LEFT_OUT_SUFFIXES = (*COMPRESSED_SUFFIXES, ".map")
_LEFT_OUT_NAMES = (*HOST_FILES, "404.html")
# Link-preview cards (hooks/pages/share.py): read by mail and chat programs, never by a page.
_LEFT_OUT_FOLDERS = ("assets/cards/",)


def site_version(site: pathlib.Path, files: SiteFiles | None = None) -> str:
    """A hash of every file of the site (path and bytes): the version of this build."""
    files = files or SiteFiles(site)
    digest = hashlib.sha256()
    for path in files.paths:
        digest.update(path.relative_to(site).as_posix().encode() + b"\0")
        digest.update(files.sha256(path))
    return digest.hexdigest()[:16]


def _language_of(rel: str) -> str | None:
    """The language a file belongs to, or None for what both share (assets)."""
    if rel.startswith("assets/"):
        return None
    head = rel.split("/", 1)[0]
    return head if head in LANGUAGES and head != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def _is_redirect(path: pathlib.Path, files: SiteFiles) -> bool:
    if path.suffix != ".html":
        return False
    return 'http-equiv="refresh"' in files.text(path)[:600]


def search_files(site: pathlib.Path, lang: str) -> list[str]:
    """Paths below the site root that search in `lang` loads: its index, Material's search worker,
    and the lunr stemmers its index asks for."""
    index = site / url_prefix(lang) / "search" / "search_index.json"
    files = [index.relative_to(site).as_posix()]
    files += [p.relative_to(site).as_posix() for p in sorted(site.glob("assets/javascripts/workers/search.*.js"))]
    wanted = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    lunr = "assets/javascripts/lunr/min/"
    names = []
    if any(code != "en" for code in wanted):
        names.append("lunr.stemmer.support.min.js")
    names += [f"lunr.{code}.min.js" for code in wanted if code != "en"]
    if len(wanted) > 1:
        names.append("lunr.multi.min.js")
    return files + [lunr + name for name in names if (site / lunr / name).is_file()]


def language_files(site: pathlib.Path, lang: str, files: SiteFiles | None = None) -> list[tuple[str, int]]:
    """(path below the site root, bytes) of everything `lang` needs offline. Pages are listed by
    their address (`methode/`), as the browser asks for them; redirect pages and 404s are left out,
    and so are the search stemmers of other languages."""
    other_lunr = {
        f"assets/javascripts/lunr/{p.relative_to(site / 'assets/javascripts/lunr').as_posix()}"
        for p in (site / "assets/javascripts/lunr").rglob("*")
        if p.is_file()
    } - set(search_files(site, lang))
    files = files or SiteFiles(site)
    found = []
    for path in files.paths:
        rel = path.relative_to(site).as_posix()
        owner = _language_of(rel)
        if owner not in (None, lang) or path.suffix in _LEFT_OUT_SUFFIXES or path.name in _LEFT_OUT_NAMES:
            continue
        if rel in other_lunr or rel.startswith(_LEFT_OUT_FOLDERS) or _is_redirect(path, files):
            continue
        address = rel.removesuffix("index.html") if path.name == "index.html" else rel
        found.append((address, len(files.data(path))))
    return found


HASH_DIGITS = 32


def content_hash(path: pathlib.Path, files: SiteFiles | None = None) -> str:
    """What the service worker compares a response with (sw.js: digest())."""
    digest = files.sha256(path) if files else hashlib.sha256(path.read_bytes()).digest()
    return digest.hex()[:HASH_DIGITS]


def manifest(site: pathlib.Path, site_path: str, version: str, files: SiteFiles | None = None) -> dict:
    """The content of offline.json."""
    files = files or SiteFiles(site)
    languages, hashes = {}, {}
    for lang in LANGUAGES:
        listed = language_files(site, lang, files)
        languages[lang] = {"bytes": sum(size for _, size in listed), "files": [site_path + rel for rel, _ in listed]}
        for rel, _ in listed:
            path = site / (rel + "index.html" if rel.endswith("/") or not rel else rel)
            hashes[site_path + rel] = content_hash(path, files)
    return {"version": version, "languages": languages, "hashes": hashes}


def service_worker(site: pathlib.Path, site_path: str, version: str) -> str:
    """sw.js for this build: the template with the build's data in place of its placeholder."""
    template = TEMPLATE.read_text(encoding="utf-8")
    if template.count(_PLACEHOLDER) != 1:
        raise ValueError(f"{TEMPLATE}: needs the line '{_PLACEHOLDER}' exactly once (the build writes its data there)")
    data = {
        "version": version,
        "root": site_path,
        "default": DEFAULT_LANGUAGE,
        "languages": {lang: site_path + url_prefix(lang) for lang in LANGUAGES},
        "search": {lang: [site_path + rel for rel in search_files(site, lang)] for lang in LANGUAGES},
    }
    return template.replace(_PLACEHOLDER, f"const BUILD = {json.dumps(data, sort_keys=True, separators=(',', ':'))};")


def write(site: pathlib.Path, site_path: str, files: SiteFiles | None = None) -> tuple[str, dict]:
    """Write sw.js and offline.json into the site; return the version and the manifest. `files`:
    the site's content files, read once for the whole hosting step."""
    files = files or SiteFiles(site)
    version = site_version(site, files)
    data = manifest(site, site_path, version, files)
    (site / "offline.json").write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    (site / "sw.js").write_text(service_worker(site, site_path, version), encoding="utf-8")
    return version, data
