"""The link guard on the real built site and on copies of it broken on purpose (no rebuild)."""

from __future__ import annotations

import subprocess
import sys

import pypdf
import pytest
from pypdf.annotations import Link

from hooks.build.common import REPO
from hooks.linkcheck.check import check_site
from tests.linkcheck_helpers import copied_site, edit


def problems(site, site_url):
    return [str(p) for p in check_site(site, site_url=site_url).problems]


def test_unbroken_site_passes(built_site, site_url):
    report = check_site(built_site, site_url=site_url)
    assert report.problems == []
    assert report.pages > 90 and report.documents >= 36 and report.contract_listed > 600


def test_cli_checks_a_built_site_and_exits_0(built_site, site_url):
    result = subprocess.run(
        [sys.executable, "-m", "hooks.linkcheck", "check", str(built_site), "--site-url", site_url],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "all resolve" in result.stdout


@pytest.fixture
def site(built_site, tmp_path):
    return copied_site(built_site, tmp_path)


def test_missing_download_names_the_page_that_links_it(site, site_url):
    (site / "werkbladen/belangenkaart.pdf").unlink()
    found = problems(site, site_url)
    assert any(p.startswith("docs/nl/werkbladen/belangenkaart.md") and "belangenkaart.pdf" in p for p in found)
    assert any("data/published-urls.txt: '/werkbladen/belangenkaart.pdf' was published" in p for p in found)


def test_worksheet_url_pointing_nowhere_names_the_worksheet_source(site, site_url):
    pdf = site / "en/werkbladen/interest-map.pdf"
    writer = pypdf.PdfWriter(clone_from=pdf)
    writer.add_annotation(0, Link(rect=(10, 10, 100, 20), url=f"{site_url}en/werkbladen/belangenkart/"))
    with open(pdf, "wb") as fh:
        writer.write(fh)
    found = problems(site, site_url)
    assert len(found) == 1, found
    assert found[0].startswith("worksheets/belangenkaart.yml: ")
    assert "en/werkbladen/belangenkart/" in found[0] and "Did you mean '/en/werkbladen/belangenkaart/'" in found[0]


def test_wrong_anchor_gets_a_did_you_mean(site, site_url):
    edit(site / "methode/op-tafel/index.html", 'veilig-maken/#voorbeeld"', 'veilig-maken/#voorbeelt"')
    found = [p for p in problems(site, site_url) if "#voorbeelt'" in p]
    assert found and found[0].startswith("docs/nl/methode/op-tafel.md:"), found
    assert "has no id 'voorbeelt'" in found[0] and "Did you mean '#voorbeeld'?" in found[0]


def test_missing_twin_in_built_site_is_reported(site, site_url):
    (site / "en/over/index.html").unlink()
    found = problems(site, site_url)
    assert any(p.startswith("docs/nl/over.md") and "no EN twin" in p and "docs/en/over.md" in p for p in found)


def test_heading_id_that_differs_from_its_twin_is_reported(site, site_url):
    edit(site / "en/gesprekken/kerngesprek/index.html", 'id="afsluiten"', 'id="closing"')
    found = [p for p in problems(site, site_url) if "twin" in p]
    assert any(p.startswith("docs/en/gesprekken/kerngesprek.md: '#closing'") for p in found), found
    assert any(p.startswith("docs/nl/gesprekken/kerngesprek.md: '#afsluiten'") for p in found), found


def test_link_missing_on_the_english_twin_is_reported(site, site_url):
    article = '<article class="md-content__inner md-typeset">'
    edit(site / "gesprekken/kerngesprek/index.html", article, article + '<p><a href="../../over/">over</a></p>')
    found = [p for p in problems(site, site_url) if "twin has no link" in p]
    assert len(found) == 1 and found[0].startswith("docs/en/gesprekken/kerngesprek.md: '/en/over/'"), found


def test_published_url_behind_a_redirect_still_resolves(site, site_url):
    # What hooks/pages/redirects.py writes for 'over.md: over-ons.md' after the page moved.
    (site / "en/over").rename(site / "en/over-ons")
    (site / "en/over").mkdir()
    redirect = '<title>Redirecting…</title><meta http-equiv="refresh" content="0; url=../over-ons/">'
    (site / "en/over/index.html").write_text(f"<html><head>{redirect}</head></html>", encoding="utf-8")
    found = [p for p in problems(site, site_url) if p.startswith("data/published-urls.txt")]
    assert found == []
    # ... and a redirect that leads nowhere does not.
    (site / "en/over-ons/index.html").unlink()
    found = [p for p in problems(site, site_url) if p.startswith("data/published-urls.txt: '/en/over/'")]
    assert found and "redirected to /en/over-ons/" in found[0]
