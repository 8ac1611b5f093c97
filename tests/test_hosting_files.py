"""What the build writes for hosting, checked against the built pages themselves: the policy's hashes
cover exactly the inline scripts and style attributes found by an HTML parser; the precompressed
files hold the same bytes and are the same on every run; offline.json lists every page and download
of its language and nothing else; the service worker's version follows the content; inline code
that no policy can allow fails with the page named."""

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
from bs4 import BeautifulSoup

from hooks.hosting import HOST_FILES
from tests.helpers import REPO
from tests.quality_helpers import page_paths

RUNNABLE = {None, "", "text/javascript", "application/javascript", "module"}


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _policy(site) -> dict[str, list[str]]:
    headers = (site / "_headers").read_text(encoding="utf-8")
    csp = re.search(r"^  Content-Security-Policy: (.*)$", headers, re.M).group(1)
    return {part.split()[0]: part.split()[1:] for part in csp.split("; ")}


def _inline(site) -> tuple[set[str], set[str]]:
    scripts, styles = set(), set()
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            if not script.get("src") and script.get("type") in RUNNABLE:
                scripts.add(_sha(script.string or ""))
        for tag in soup.find_all(style=True):
            styles.add(_sha(tag["style"]))
    return scripts, styles


def test_the_policy_allows_exactly_the_inline_scripts_and_styles_of_the_pages(built_site):
    policy = _policy(built_site)
    scripts, styles = _inline(built_site)
    assert scripts, "no inline script found: the parser or the pages changed"
    assert set(policy["script-src"]) == {"'self'"} | scripts
    assert set(policy["style-src"]) == {"'self'", "'unsafe-hashes'"} | styles if styles else {"'self'"}
    assert policy["img-src"] == ["'self'", "data:"] and policy["object-src"] == ["'none'"]
    nginx = (built_site / "_nginx.conf").read_text(encoding="utf-8")
    header = (built_site / "_headers").read_text(encoding="utf-8")
    csp = re.search(r"Content-Security-Policy: (.*)", header).group(1)
    assert nginx.count(f'add_header Content-Security-Policy "{csp}" always;') >= 2


def test_every_text_file_has_precompressed_copies_with_the_same_bytes(built_site):
    texts = [p for p in built_site.rglob("*") if p.suffix in (".html", ".css", ".js", ".json", ".xml", ".svg")]
    assert len(texts) > 100
    for path in texts:
        raw = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if len(raw) > 1000:
            assert gz.is_file() and br.is_file(), path
        if gz.is_file():
            assert gzip.decompress(gz.read_bytes()) == raw, gz
        if br.is_file():
            assert brotli.decompress(br.read_bytes()) == raw, br


def test_offline_json_lists_every_page_and_download_of_its_language_and_nothing_else(built_site):
    manifest = json.loads((built_site / "offline.json").read_text(encoding="utf-8"))
    pages = page_paths(built_site)
    for lang in ("nl", "en"):
        entry = manifest["languages"][lang]
        files = entry["files"]
        mine = [p for p in pages if p.startswith("en/") == (lang == "en")]
        redirects = [p for p in mine if 'http-equiv="refresh"' in (built_site / p / "index.html").read_text()[:600]]
        assert {"/" + p for p in mine if p not in redirects} <= set(files)
        downloads = [
            p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.suffix in (".pdf", ".docx")
        ]
        assert {"/" + d for d in downloads if d.startswith("en/") == (lang == "en")} <= set(files)
        prefix = "/en/" if lang == "en" else "/"
        assert prefix + "search/search_index.json" in files and prefix + "sitemap.xml" in files
        for file in files:
            assert not file.endswith((".gz", ".br", ".map")) and file.rsplit("/", 1)[-1] not in HOST_FILES, file
            assert file.startswith("/assets/") or file.startswith("/en/") == (lang == "en"), file
        sizes = [
            (built_site / (f.lstrip("/") + ("index.html" if f.endswith("/") else ""))).stat().st_size for f in files
        ]
        assert entry["bytes"] == sum(sizes)


def _write(site) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hooks.hosting", "write", str(site)], cwd=REPO, capture_output=True, text=True
    )


def test_the_version_and_every_host_file_follow_the_content_and_nothing_else(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert _write(site).returncode == 0
    again = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert again == first, "writing the host files again changed them: " + str(
        sorted(str(k) for k in again if again[k] != first.get(k))[:5]
    )
    version = re.search(r'"version":"([0-9a-f]+)"', (site / "sw.js").read_text()).group(1)
    page = site / "methode" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</main>", "<p>nieuw</p></main>"), encoding="utf-8")
    assert _write(site).returncode == 0
    assert re.search(r'"version":"([0-9a-f]+)"', (site / "sw.js").read_text()).group(1) != version
    assert gzip.decompress((site / "methode" / "index.html.gz").read_bytes()) == page.read_bytes()


def test_an_inline_event_handler_fails_with_the_page_named(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("*.gz", "*.br", "*.pdf", "*.docx"))
    page = site / "over" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<h1", '<h1 onclick="go()"', 1), encoding="utf-8")
    result = _write(site)
    assert result.returncode == 1
    assert "over/index.html: inline event handler onclick=" in result.stderr and "addEventListener" in result.stderr


def test_an_inline_script_no_template_writes_is_not_hashed_and_fails_with_the_page_named(built_site, tmp_path):
    """The policy hashes only the scripts of the theme and our templates: a script that came from
    content (here written straight into a built page, past the source guard) is refused."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("*.gz", "*.br", "*.pdf", "*.docx"))
    page = site / "over" / "index.html"
    injected = "<script>document.title = 'pwned'</script>"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</article>", injected + "</article>", 1), encoding="utf-8"
    )
    assert injected in page.read_text(encoding="utf-8")
    result = _write(site)
    assert result.returncode == 1
    assert "over/index.html: an inline script that no template of the theme or of ours writes" in result.stderr
    assert _sha("document.title = 'pwned'") not in (site / "_headers").read_text(encoding="utf-8")
