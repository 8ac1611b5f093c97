"""`make release SITE_URL=https://…/` builds the site to deploy and refuses, before building
anything, an address that would print dead links and QR codes on every worksheet."""

from __future__ import annotations

import io
import os
import subprocess

import pytest
from pypdf import PdfReader

from tests.helpers import REPO
from tests.worksheets_helpers import decode_pdf_qr

RELEASE_URL = "https://oefen.belangenoptafel.nl/"


def _release(site_url: str | None, site_dir) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "MAKEFLAGS")}
    args = ["make", "-s", "release", f"SITE_DIR={site_dir}"]
    if site_url is not None:
        args.append(f"SITE_URL={site_url}")
    return subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=1200)


@pytest.mark.parametrize(
    ("site_url", "says"),
    [
        (None, "SITE_URL is not set"),
        ("", "SITE_URL is not set"),
        ("https://belangenoptafel.example.org/", "is a placeholder or local address"),
        ("https://127.0.0.1:8080/", "is a placeholder or local address"),
        ("http://belangenoptafel.nl/", "starts with http://; readers and QR codes need https://"),
        ("belangenoptafel.nl", "is not a web address"),
        ("https://", "is not a web address"),
        ("https://belangen optafel.nl/", "is not a web address"),
        ("https://belangenoptafel.nl/?x=1", "is not a web address"),
    ],
)
def test_release_refuses_an_address_that_is_not_real_and_builds_nothing(tmp_path, site_url, says):
    result = _release(site_url, tmp_path / "site")
    assert result.returncode != 0
    assert says in result.stderr, result.stderr
    assert "make release SITE_URL=https://" in result.stderr  # what to set
    assert not (tmp_path / "site").exists()


def test_release_builds_the_site_with_the_address_on_every_sheet_and_in_the_sitemap(tmp_path):
    site = tmp_path / "site"
    result = _release(RELEASE_URL, site)
    assert result.returncode == 0, result.stderr[-3000:]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{RELEASE_URL}</loc>" in sitemap and "example.org" not in sitemap
    for prefix, lang in (("", "nl"), ("en/", "en")):
        pdfs = sorted((site / prefix / "werkbladen").glob("*.pdf"))
        assert pdfs, f"{lang}: no worksheet PDF"
        pdf = pdfs[0].read_bytes()
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        host = RELEASE_URL.removeprefix("https://").rstrip("/")
        assert host in text.replace("\n", ""), f"{lang}: the printed address is not {host}"
        assert decode_pdf_qr(pdf)[0].startswith(f"{RELEASE_URL}{prefix}werkbladen/"), lang


@pytest.mark.parametrize("site_url", ["https://belangenoptafel.nl/bélangen/", "https://belangenoptafel.nl/a%20b/"])
def test_a_path_a_host_would_have_to_escape_is_refused_with_one_message_before_and_after_the_build(tmp_path, site_url):
    from hooks.build.release import path_problem, problem
    from hooks.hosting.write import HostingError, write_host_files

    why = path_problem(site_url)
    assert "has a path with characters a host would have to escape" in why and "Fix:" in why
    assert problem(site_url) == f"release: {why}"  # `make release`, before it builds
    with pytest.raises(HostingError) as caught:  # the hosting step of a build
        write_host_files(tmp_path, site_url, tmp_path / "cache")
    assert str(caught.value) == why
    assert path_problem(RELEASE_URL + "belangen/") == ""
