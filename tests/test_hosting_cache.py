"""The hosting step's results kept between builds (.cache/plugin/hosting/: the policy's hashes per
page, the .gz/.br copies per file; hooks/build/store.py) never give a site other than doing the work
would: a changed page gets a new policy, new compressed copies and a new offline hash from a warm
cache, and a damaged entry is made again, logged, never copied into the site."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys

import brotli

from hooks.hosting import compress
from tests.helpers import REPO

SITE_URL = "https://belangenoptafel.example.org/"


def _copy(built_site, target):
    shutil.copytree(built_site, target, ignore=shutil.ignore_patterns("*.gz", "*.br", "*.pdf", "*.docx"))
    return target


def _write(site, cache) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "hooks.hosting", "write", str(site), "--site-url", SITE_URL, "--cache", str(cache)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result


def _files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _csp(site) -> str:
    return re.search(r"^  Content-Security-Policy: (.*)$", (site / "_headers").read_text(encoding="utf-8"), re.M)[1]


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_a_changed_page_gets_its_new_policy_copies_and_offline_hash_from_a_warm_cache(built_site, tmp_path):
    site, cache = _copy(built_site, tmp_path / "site"), tmp_path / "cache"
    _write(site, cache)
    assert list((cache / "policy").iterdir()) and list((cache / "compress").iterdir())
    page = site / "over" / "index.html"
    text = page.read_text(encoding="utf-8")
    old_script = re.search(r"<script>(__md_scope=new URL\(\"\.\.\",location\).*?)</script>", text, re.S)[1]
    new_script = old_script.replace('new URL("..",location)', 'new URL("../",location)', 1)
    changed = text.replace(old_script, new_script, 1).replace("<h1", '<h1 style="color: teal"', 1)
    changed = changed.replace("</main>", "<p>Een nieuwe alinea.</p></main>", 1)
    page.write_text(changed, encoding="utf-8")

    result = _write(site, cache)
    policy = _csp(site)
    assert _sha(new_script) in policy and _sha("color: teal") in policy
    assert _sha(old_script) in policy  # every other page still has the old script
    raw = page.read_bytes()
    assert brotli.decompress((site / "over" / "index.html.br").read_bytes()) == raw
    assert gzip.decompress((site / "over" / "index.html.gz").read_bytes()) == raw
    manifest = json.loads((site / "offline.json").read_text(encoding="utf-8"))
    assert manifest["hashes"]["/over/"] == hashlib.sha256(raw).hexdigest()[:32]
    assert "1 pages scanned" in result.stdout, result.stdout  # and only this one

    cold = tmp_path / "cold"
    shutil.copytree(site, cold, ignore=shutil.ignore_patterns("*.gz", "*.br"))
    _write(cold, tmp_path / "empty-cache")
    assert _files(cold) == _files(site), "a warm cache gave other host files than an empty one"


def test_a_damaged_entry_is_made_again_and_logged_never_copied_into_the_site(built_site, tmp_path):
    site, cache = _copy(built_site, tmp_path / "site"), tmp_path / "cache"
    _write(site, cache)
    first = _files(site)
    page = site / "over" / "index.html"
    key = compress.copy_key(hashlib.sha256(page.read_bytes()).hexdigest(), ".br")
    (br_entry,) = (cache / "compress").glob(f"{key}.*")
    br_entry.write_bytes(br_entry.read_bytes()[:-40])  # cut off (in place: the site's copy is a link to it)
    scanned = sorted((cache / "policy").iterdir())
    for entry in scanned:  # every page's kept hashes edited: a script hash no page has
        entry.write_bytes(entry.read_bytes().replace(b'"scripts":[', b'"scripts":["\'sha256-bogus\'",', 1))
    for copy in site.rglob("*.br"):
        copy.unlink()

    result = _write(site, cache)
    assert _files(site) == first, "a damaged cache entry changed the site"
    assert brotli.decompress((site / "over" / "index.html.br").read_bytes()) == page.read_bytes()
    assert f"hosting cache: compress/{key} was damaged" in result.stdout, result.stdout
    assert sum("hosting cache: policy/" in line for line in result.stdout.splitlines()) == len(scanned)
    assert f"{len(scanned)} pages scanned" in result.stdout
