"""The built site as files: every page in both languages with the right <html lang>, sitemaps with
hreflang alternates, one search index per language, guides and stories with their fact boxes,
generated indexes that list every guide and story, glossary tooltips, nothing from other hosts."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.helpers import REPO

TAXONOMY = yaml.safe_load((REPO / "data" / "taxonomy.yml").read_text(encoding="utf-8"))
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _pages(site):
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_source_page_is_built_in_both_languages(built_site):
    for md in sorted((REPO / "docs" / "nl").rglob("*.md")):
        rel = md.relative_to(REPO / "docs" / "nl").with_suffix("")
        url = (rel.parent if rel.name == "index" else rel).as_posix().removeprefix(".")
        assert (built_site / url / "index.html").exists(), f"no Dutch page for {md}"
        assert (built_site / "en" / url / "index.html").exists(), f"no English page for {md}"


def test_every_page_declares_its_language(built_site):
    wrong = []
    for page in [*_pages(built_site), built_site / "404.html", built_site / "en" / "404.html"]:
        rel = page.relative_to(built_site).as_posix()
        expected = "en" if rel.startswith("en/") else "nl"
        lang = re.search(r'<html lang="([a-z]+)"', page.read_text(encoding="utf-8")).group(1)
        if lang != expected:
            wrong.append(f"{rel}: lang={lang}")
    assert not wrong, wrong


def test_sitemap_lists_both_languages_with_hreflang_alternates(built_site, site_url):
    root = ET.parse(built_site / "sitemap.xml").getroot()
    urls = {u.findtext("s:loc", namespaces=NS): u for u in root.findall("s:url", NS)}
    assert site_url + "gesprekken/kerngesprek/" in urls
    assert site_url + "en/gesprekken/kerngesprek/" in urls
    alternates = {
        a.get("hreflang"): a.get("href") for a in urls[site_url + "gesprekken/kerngesprek/"].findall("x:link", NS)
    }
    assert alternates == {"nl": site_url + "gesprekken/kerngesprek/", "en": site_url + "en/gesprekken/kerngesprek/"}
    english = ET.parse(built_site / "en" / "sitemap.xml").getroot()
    locs = [u.findtext("s:loc", namespaces=NS) for u in english.findall("s:url", NS)]
    assert locs and all(loc.startswith(site_url + "en/") for loc in locs)


def test_search_index_is_split_per_language(built_site):
    nl = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert nl["config"]["lang"] == ["nl"] and en["config"]["lang"] == ["en"]
    assert not [d for d in nl["docs"] if d["location"].startswith("en/")]
    titles_nl = {d["title"] for d in nl["docs"]}
    titles_en = {d["title"] for d in en["docs"]}
    assert "Kerngesprek: belangen op tafel" in titles_nl or any("Kerngesprek" in t for t in titles_nl)
    assert not any("Kerngesprek" in t for t in titles_en)
    locations = [d["location"] for d in nl["docs"]]
    assert len(locations) == len(set(zip(locations, [d["title"] for d in nl["docs"]], strict=True)))


def test_no_page_loads_anything_from_another_host(built_site):
    offenders = []
    for page in _pages(built_site):
        soup = _soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in soup.find_all(tag):
                value = el.get(attr) or ""
                if tag == "link" and "stylesheet" not in (el.get("rel") or []) and "icon" not in (el.get("rel") or []):
                    continue
                if re.match(r"^(https?:)?//", value):
                    offenders.append(f"{page.relative_to(built_site)}: {value}")
    assert not offenders, offenders


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("guide", TAXONOMY["guides"])
def test_every_guide_opens_with_its_fact_box_and_ends_with_related_guides(built_site, lang, guide):
    page = built_site / ("en/" if lang == "en" else "") / "gesprekken" / guide / "index.html"
    soup = _soup(page)
    box = soup.select_one(".md-content .factbox")
    assert box is not None, f"{page}: no fact box"
    labels = [dt.get_text(strip=True) for dt in box.find_all("dt")]
    assert len(labels) == 7, labels
    assert box.find("a", href=re.compile(r"methode/")), "fact box does not link its phase"
    assert soup.find(id="verloop") and soup.find(id="verwant"), "script or related guides missing"
    h1 = soup.select_one(".md-content h1")
    assert h1.find_next(class_="factbox") is box


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_guides_index_lists_every_guide_by_situation_and_by_phase(built_site, lang):
    soup = _soup(built_site / ("en/" if lang == "en" else "") / "gesprekken" / "index.html")
    for section in ("situatie", "fase"):
        heading = soup.find(id=section)
        assert heading is not None
    linked = {a["href"].rstrip("/").split("/")[-1] for a in soup.select(".md-content a[href]")}
    missing = [g for g in TAXONOMY["guides"] if g not in linked]
    assert not missing, missing
    for situation in TAXONOMY["situations"]:
        block = soup.find(id=situation["slug"])
        assert block is not None, f"no block for situation {situation['slug']}"
        assert block.find_next("ul").find("a"), f"no guide for situation {situation['slug']}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_case_stories_say_they_are_composites_and_the_index_lists_them(built_site, lang):
    base = built_site / ("en/" if lang == "en" else "") / "praktijk"
    stories = [p.parent.name for p in base.glob("*/index.html")]
    assert len(stories) >= 7
    for story in stories:
        soup = _soup(base / story / "index.html")
        notice = soup.select_one(".composite-notice")
        assert notice is not None and len(notice.get_text()) > 60, f"{story}: no composite notice"
        assert soup.select_one(".factbox"), f"{story}: no fact box"
    index = _soup(base / "index.html")
    rows = index.select(".md-content table tbody tr")
    assert {r.find("a")["href"].rstrip("/").split("/")[-1] for r in rows} == set(stories)


@pytest.mark.parametrize(("lang", "term"), [("nl", "wethouder"), ("en", "wethouder")])
def test_glossary_terms_carry_their_definition_as_a_tooltip(built_site, lang, term):
    soup = _soup(built_site / ("en/" if lang == "en" else "") / "gesprekken" / "eer-en-timing" / "index.html")
    abbr = [a for a in soup.find_all("abbr") if a.get_text() == term]
    assert abbr and len(abbr[0]["title"]) > 30


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_glossary_page_has_at_least_thirty_terms_with_ids(built_site, lang):
    soup = _soup(built_site / ("en/" if lang == "en" else "") / "begrippen" / "index.html")
    entries = soup.select(".md-content h3[id]")
    assert len(entries) >= 30


def test_heading_ids_of_twins_match(built_site):
    mismatched = []
    for page in _pages(built_site):
        rel = page.relative_to(built_site)
        if rel.parts[0] == "en":
            continue
        twin = built_site / "en" / rel
        ids_nl = [h.get("id") for h in _soup(page).select(".md-content h2[id]")]
        ids_en = [h.get("id") for h in _soup(twin).select(".md-content h2[id]")]
        if ids_nl != ids_en:
            mismatched.append(f"{rel}: nl {ids_nl} != en {ids_en}")
    assert not mismatched, "\n".join(mismatched)


GUIDE_SECTIONS = ["voorbereiding", "verloop", "anders", "afsluiten", "varianten"]
WHEN_IT_GOES_DIFFERENTLY = ["stilte", "boosheid", "terughoudend", "machtsverschil", "lekken"]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("guide", TAXONOMY["guides"])
def test_every_guide_has_the_script_sections_consultants_link_to(built_site, lang, guide):
    soup = _soup(built_site / ("en/" if lang == "en" else "") / "gesprekken" / guide / "index.html")
    h2 = [h["id"] for h in soup.select(".md-content h2[id]")]
    assert [s for s in GUIDE_SECTIONS if s in h2] == GUIDE_SECTIONS, h2
    anders = soup.find(id="anders")
    h3_after = []
    for sibling in anders.find_all_next(["h2", "h3"]):
        if sibling.name == "h2":
            break
        h3_after.append(sibling.get("id"))
    assert all(s in h3_after for s in WHEN_IT_GOES_DIFFERENTLY), h3_after
    steps = [h.get_text() for h in soup.find(id="verloop").find_all_next("h3")]
    assert any(re.search(r"\(\d+ min\)", s) for s in steps)


def test_no_page_shows_markdown_link_syntax_as_text(built_site):
    literal = re.compile(r"\]\((?:\.\./)*[\w/-]+\.md(?:#[\w-]+)?\)")
    offenders = [
        str(p.relative_to(built_site)) for p in _pages(built_site) if literal.search(p.read_text(encoding="utf-8"))
    ]
    assert not offenders, offenders
