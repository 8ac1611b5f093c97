"""Every work cited on the site is in the list of checked sources, and on the sources page in both
languages; citations link to their entry there."""

from __future__ import annotations

import re

import pytest
import yaml

from hooks.content import citations
from tests.helpers import REPO

CITATION = re.compile(r"\b((?:De |Van )?[A-Z][A-Za-z'-]+(?:(?:,| &| et al\.)[ A-Za-z'&.-]*?)? (?:19|20)\d{2})\b")


def _texts():
    for path in sorted((REPO / "docs").rglob("*.md")):
        yield path, path.read_text(encoding="utf-8")
    for path in [*sorted((REPO / "worksheets").glob("*.yml")), REPO / "data" / "begrippen.yml"]:
        yield path, yaml.safe_dump(yaml.safe_load(path.read_text(encoding="utf-8")), allow_unicode=True, width=10_000)


def test_every_citation_names_a_work_from_the_checked_list():
    keys = citations.citation_keys()
    unknown = []
    for path, text in _texts():
        for group in re.findall(r"\(([^()]*?(?:19|20)\d{2}[^()]*)\)", text):
            for part in re.split(r";\s*", group):
                match = CITATION.search(part)
                if match and not any(key in part for key in keys):
                    unknown.append(f"{path.relative_to(REPO)}: ({part})")
    assert not unknown, "citations not in data/sources-canon.md:\n" + "\n".join(unknown)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_checked_work_is_on_the_sources_page(lang):
    page = (REPO / "docs" / lang / "bronnen.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r"\{ *#([a-z0-9-]+) *\}", page))
    keys = citations.citation_keys()
    canon = [
        line
        for line in (REPO / "data" / "sources-canon.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("- ")
    ]
    assert len(keys) == len(canon), "a work in sources-canon.md has no anchor on bronnen.md"
    assert set(keys.values()) <= anchors


def test_citations_link_to_the_sources_page(built_site):
    html = (built_site / "en" / "gesprekken" / "kerngesprek" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./\.\./bronnen/#fisher-ury-1981">Fisher &amp; Ury 1981</a>', html)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_citations_on_worksheet_pages_link_to_the_sources_page(built_site, lang):
    from bs4 import BeautifulSoup

    root = built_site / ("" if lang == "nl" else "en")
    sources = BeautifulSoup((root / "bronnen" / "index.html").read_text(encoding="utf-8"), "html.parser")
    anchors = {tag["id"] for tag in sources.find_all(id=True)}
    linked = 0
    for page in sorted((root / "werkbladen").glob("*/index.html")):
        lead = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("p.ws-lead")
        assert lead is not None, page
        cited = [c for c in re.findall(r"\(([^()]*?(?:19|20)\d{2})\)", lead.get_text()) if CITATION.search(c)]
        links = [a for a in lead.find_all("a") if a["href"].startswith("../../bronnen/#")]
        assert [a.get_text() for a in links] == [c.removeprefix("naar ").removeprefix("after ") for c in cited], page
        assert {a["href"].split("#", 1)[1] for a in links} <= anchors, page
        linked += len(links)
    assert linked >= 9  # every worksheet but one cites a work in its lead
