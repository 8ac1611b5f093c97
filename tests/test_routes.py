"""The right guide in one click: the home page's route to the stuck-meeting plan (on the first
screen of a phone), the guides index with a 'start here' guide per situation and lists sorted by
title in their own language, search synonyms, Dutch institutions explained on English pages, and
the date each page was last updated (from git, with fallbacks for a shallow clone and no git)."""

from __future__ import annotations

import os
import re
import subprocess
import urllib.parse

import pytest
import yaml
from bs4 import BeautifulSoup

from hooks.build.common import sort_key
from hooks.content import guides, synonyms
from hooks.pages import last_updated
from tests.helpers import REPO, build, scratch_copy

TAXONOMY = yaml.safe_load((REPO / "data" / "taxonomy.yml").read_text(encoding="utf-8"))
GLOSSARY = yaml.safe_load((REPO / "data" / "begrippen.yml").read_text(encoding="utf-8"))
LANGS = [("nl", ""), ("en", "en/")]
START = {"nl": "Begin hier:", "en": "Start here:"}


def _soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _slug(href: str) -> str:
    return href.rstrip("/").split("/")[-1]


# --- the route on the home page ------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_the_stuck_meeting_route_is_on_the_first_screen_of_a_phone(server, browser, lang, prefix):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(server + prefix)
        link = page.locator('.md-content a[href$="gesprekken/vastgelopen-overleg/"]').first
        box = link.bounding_box()
        assert box is not None, "no link to the stuck-meeting plan on the home page"
        assert page.evaluate("window.scrollY") == 0
        assert 0 <= box["y"] and box["y"] + box["height"] <= 844, f"the link is below the first screen: {box}"
        assert link.is_visible()
        link.click()
        page.wait_for_function("p => location.pathname === p", arg=f"/{prefix}gesprekken/vastgelopen-overleg/")
        # Instant navigation can change the address before it swaps the content in: wait for the page.
        page.locator("#telefoon").first.wait_for(state="attached", timeout=10_000)
        assert page.locator("#telefoon").count() == 1 and page.locator("#verloop").count() == 1
    finally:
        context.close()


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_the_stuck_meeting_plan_is_one_150_minute_meeting_prepared_by_30_minute_calls(built_site, lang, prefix):
    soup = _soup(built_site / prefix / "gesprekken" / "vastgelopen-overleg" / "index.html")
    steps = []
    for heading in soup.find(id="verloop").find_all_next(["h2", "h3"]):
        if heading.name == "h2":
            break
        steps.append(int(re.search(r"\((\d+) min\)", heading.get_text()).group(1)))
    assert sum(steps) == 150 and len(steps) >= 6, steps
    call = soup.find(id="telefoon").find_next("table")
    minutes = [row.find("td").get_text() for row in call.select("tbody tr")]
    assert minutes[0].startswith("0") and minutes[-1].endswith("30"), minutes


# --- the guides index ----------------------------------------------------------------------------


def _situation_lists(site, prefix):
    soup = _soup(site / prefix / "gesprekken" / "index.html")
    for situation in TAXONOMY["situations"]:
        yield situation, soup.find(id=situation["slug"]).find_next("ul").find_all("li", recursive=False)


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_each_situation_starts_with_its_start_guide_and_the_reason(built_site, lang, prefix):
    for situation, items in _situation_lists(built_site, prefix):
        first = items[0]
        assert first.get_text(" ", strip=True).startswith(START[lang]), first
        assert _slug(first.find("a")["href"]) == situation["start"]
        assert situation["reason"][lang] in first.get_text(" ", strip=True)
        assert not any(START[lang] in li.get_text() for li in items[1:])


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_generated_lists_sort_by_title_in_their_own_language(built_site, lang, prefix):
    for situation, items in _situation_lists(built_site, prefix):
        others = [li.find("a").get_text() for li in items[1:]]
        assert others == sorted(others, key=lambda t: sort_key(t, lang)), (situation["slug"], others)
    soup = _soup(built_site / prefix / "gesprekken" / "index.html")
    for phase in TAXONOMY["phases"]:
        heading = soup.find(id=f"fase-{phase['slug']}")
        if heading:
            titles = [li.find("a").get_text() for li in heading.find_next("ul").find_all("li", recursive=False)]
            assert titles == sorted(titles, key=lambda t: sort_key(t, lang)), (phase["slug"], titles)
    glossary = _soup(built_site / prefix / "begrippen" / "index.html")
    terms = [h.get_text(strip=True).rstrip("#") for h in glossary.select(".md-content h3[id]")]
    assert terms == sorted(terms, key=lambda t: sort_key(t, lang))


def test_sort_keys_ignore_case_accents_and_a_leading_article():
    assert sort_key("The core session", "en") == "core session"
    assert sort_key("A stuck meeting", "en") < sort_key("Talking about money", "en")
    assert sort_key("Cliëntenraad", "nl") == "clientenraad"
    assert sort_key("De startbijeenkomst", "nl") == "startbijeenkomst"


def test_a_start_guide_that_is_unknown_or_not_tagged_is_named_with_file_and_field(monkeypatch):
    tax = {**TAXONOMY, "situations": [dict(s) for s in TAXONOMY["situations"]]}
    tax["situations"][0]["start"] = "kerngesprekk"
    tax["situations"][2]["start"] = "eer-en-timing"  # geld: eer-en-timing is not tagged with it
    del tax["situations"][3]["reason"]["en"]
    monkeypatch.setattr(guides.source, "taxonomy", lambda: tax)
    problems = guides.source.validate_situations()
    assert any(
        p.startswith("data/taxonomy.yml: situations[0] ('starten').start names guide 'kerngesprekk'")
        and "Did you mean 'kerngesprek'?" in p
        for p in problems
    ), problems
    untagged = [p for p in problems if "situations[2] ('geld').start: 'eer-en-timing' is not tagged" in p]
    assert {("docs/nl/" in p, "docs/en/" in p) for p in untagged} == {(True, False), (False, True)}, untagged
    assert "data/taxonomy.yml: situations[3] ('eer').reason.en is missing" in "\n".join(problems)


def test_a_start_guide_not_tagged_with_its_situation_fails_the_build(tmp_path):
    project = scratch_copy(tmp_path / "p")
    taxonomy = project / "data" / "taxonomy.yml"
    text = taxonomy.read_text(encoding="utf-8")
    taxonomy.write_text(text.replace("start: over-geld", "start: eer-en-timing", 1), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "data/taxonomy.yml: situations[2] ('geld').start: 'eer-en-timing' is not tagged with this situation in "
        "docs/nl/gesprekken/eer-en-timing.md. Add 'geld' to its guide.situations"
    ) in result.stderr


# --- search synonyms -----------------------------------------------------------------------------


def _search(page, url: str, query: str) -> list[str]:
    page.goto(url)
    page.keyboard.press("/")
    page.keyboard.type(query, delay=40)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    # Results are for the whole word once the links carry it for highlighting (?h=word; a page
    # listed only for its sections has an empty one).
    page.wait_for_function(
        "q => { const h = [...document.querySelectorAll('.md-search-result__item > a')]"
        ".map(e => new URL(e.href).searchParams.get('h'));"
        " return h.includes(q) && h.every(x => x === q || x === ''); }",
        arg=query,
        timeout=15_000,
    )
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


@pytest.mark.parametrize(
    ("start", "query", "site_word", "expected"),
    [
        ("methode/", "directeur", "bestuurder", "/gesprekken/intern-voorbereiden/"),
        ("en/methode/", "boss", "director", "/en/gesprekken/intern-voorbereiden/"),
    ],
)
def test_search_finds_the_page_for_a_word_the_site_does_not_use(
    server, page, built_site, start, query, site_word, expected
):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    hits = _search(page, server + start, query)
    paths = [urllib.parse.urlsplit(h).path for h in hits]
    assert expected in paths, paths
    # At least one page is found only through the synonym: it never uses the reader's word.
    found_by_synonym = [
        p
        for p in dict.fromkeys(paths)
        if query not in (built_site / p.lstrip("/") / "index.html").read_text(encoding="utf-8").lower()
        and site_word in (built_site / p.lstrip("/") / "index.html").read_text(encoding="utf-8").lower()
    ]
    assert found_by_synonym, paths
    own = urllib.parse.urlsplit(server).netloc
    assert all(urllib.parse.urlsplit(u).netloc in (own, "") for u in requested if not u.startswith("data:"))


def test_synonyms_go_into_a_field_the_index_reads_as_often_as_the_site_word_occurs():
    index = {
        "config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
        "docs": [
            {"location": "a/", "title": "De bestuurder", "text": "<p>Een bestuurder en nog een Bestuurder.</p>"},
            {"location": "b/", "title": "Geld", "text": "<p>Over de begroting.</p>"},
            {"location": "c/", "title": "Niets", "text": "<p>Een bestuurdersfunctie telt niet.</p>"},
        ],
    }
    result, problems = synonyms.add_synonyms(index, "nl")
    assert result["config"]["fields"]["synonyms"] == {"boost": 1.0}
    docs = {d["location"]: d for d in result["docs"]}
    assert docs["a/"]["synonyms"].split().count("directeur") == synonyms.MAX_REPEAT  # title 5x + text 2x, capped
    assert "directeur" not in docs["b/"].get("synonyms", "") and "budget" in docs["b/"]["synonyms"]
    assert "synonyms" not in docs["c/"]  # whole words only
    # Rules whose site words occur nowhere in this tiny index are reported, naming the file.
    assert problems and all(p.startswith("data/synonyms.yml: nl: none of [") for p in problems)
    assert not any("'bestuurder'" in p for p in problems)


def test_a_malformed_synonym_rule_is_named_with_its_entry_and_field():
    problems = synonyms.check(
        {"nl": [{"words": ["Directeur"], "site": ["bestuurder"]}, {"words": ["twee woorden"], "site": []}], "fr": []}
    )
    text = "\n".join(problems)
    assert "data/synonyms.yml: unknown language 'fr'" in text
    assert "data/synonyms.yml: nl[0].words: write ['Directeur'] in lower case." in text
    assert "data/synonyms.yml: nl[1].site must be a non-empty list of words." in text
    assert "data/synonyms.yml: nl[1].words: one word per item" in text
    assert synonyms.check() == []


# --- Dutch institutions on English pages ---------------------------------------------------------

INSTITUTIONS = [e for e in GLOSSARY if e.get("institution")]


def _any_of(forms: list[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def test_the_dutch_institutions_the_issue_names_are_in_the_glossary():
    ids = {e["id"] for e in INSTITUTIONS}
    assert {"wethouder", "centrumgemeente", "woo", "clientenraad", "passend-onderwijs", "regionale-inkoop"} <= ids
    for entry in INSTITUTIONS:
        forms = entry["tooltip"]["en"]
        dutch = entry["nl"]["term"].split(" (")[0]
        assert dutch in forms, f"{entry['id']}: the Dutch word '{dutch}' has no English tooltip form"


def test_every_dutch_institution_on_an_english_page_is_explained_at_first_use(built_site):
    """The first mention of an institution on every English page carries its tooltip (an <abbr>
    with the definition) or links to its glossary entry. Page titles (h1) carry no tooltips; the
    generated worksheet form and example keep the sheet's own wording, as printed on the PDF."""
    patterns = {
        e["id"]: re.compile(
            r"(?<![\w-])(?:"
            + "|".join(re.escape(f) for f in sorted(e["tooltip"]["en"], key=len, reverse=True))
            + r")(?![\w-])",
            re.IGNORECASE,
        )
        for e in INSTITUTIONS
    }
    unexplained, seen = [], 0
    for index in sorted((built_site / "en").rglob("index.html")):
        rel = index.parent.relative_to(built_site).as_posix()
        if rel in ("en/begrippen",) or "assets" in rel:
            continue
        article = _soup(index).select_one("article.md-content__inner")
        for el in article.select("h1, script, style, svg, .headerlink, form.ws-form, .ws-example"):
            el.decompose()
        texts = article.find_all(string=True)
        for entry_id, pattern in patterns.items():
            node = next((t for t in texts if pattern.search(t)), None)
            if node is None:
                continue
            seen += 1
            parents = list(node.parents)
            if not any(p.name == "abbr" and p.get("title") for p in parents) and not any(
                p.name == "a" and "begrippen" in (p.get("href") or "") for p in parents
            ):
                unexplained.append(f"/{rel}/: '{pattern.search(node).group(0)}' ({entry_id})")
    assert seen > 40, "too few institutions found on English pages to mean anything"
    assert not unexplained, (
        "Dutch institutions on English pages without an explanation at first use (add the form to tooltip.en "
        "in data/begrippen.yml, or explain it where it first appears):\n" + "\n".join(unexplained)
    )


# --- last updated --------------------------------------------------------------------------------


def _tracked_pages() -> set[str]:
    out = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "docs"], capture_output=True, text=True, check=True
    ).stdout.split()
    return {p for p in out if p.endswith(".md")}


def test_every_committed_page_shows_when_it_was_last_updated(built_site):
    tracked = _tracked_pages()
    assert len(tracked) > 90
    times, kind = last_updated.last_changes()
    wrong = []
    for lang, prefix in LANGS:
        for md in sorted((REPO / "docs" / lang).rglob("*.md")):
            rel = md.relative_to(REPO / "docs" / lang).with_suffix("")
            url = (rel.parent if rel.name == "index" else rel).as_posix().removeprefix(".")
            page = _soup(built_site / prefix / url / "index.html")
            shown = page.select_one(".md-content .md-source-file time")
            expected = last_updated.page_time(times, lang, md.relative_to(REPO / "docs" / lang).as_posix())
            if f"docs/{lang}/{md.relative_to(REPO / 'docs' / lang).as_posix()}" not in tracked or expected is None:
                if shown is not None:
                    wrong.append(f"{md.relative_to(REPO)}: has no history but shows {shown}")
                continue
            day = last_updated.describe(expected, lang)
            label = {"nl": "Laatst bijgewerkt:", "en": "Last updated:"}[lang]
            if shown is None or shown["datetime"] != day["iso"] or label not in shown.parent.get_text():
                wrong.append(f"{md.relative_to(REPO)}: expected {label} {day['iso']}, found {shown}")
    assert kind in ("full", "shallow")
    assert not wrong, "\n".join(wrong[:20])


def _git(repo, *args, date=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@example.org"
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def test_page_dates_in_a_full_clone_a_shallow_clone_and_without_git(tmp_path):
    repo = tmp_path / "repo"
    (repo / "docs" / "nl" / "werkbladen").mkdir(parents=True)
    (repo / "worksheets").mkdir()
    _git(tmp_path, "init", "-q", "repo")
    for name in ("docs/nl/a.md", "docs/nl/b.md", "docs/nl/c.md", "docs/nl/werkbladen/x.md", "worksheets/x.yml"):
        (repo / name).write_text("1", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "one", date="2026-01-10T12:00:00+01:00")
    (repo / "docs" / "nl" / "c.md").write_text("2", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "two", date="2026-02-01T12:00:00+01:00")
    (repo / "docs" / "nl" / "b.md").write_text("2", encoding="utf-8")
    (repo / "worksheets" / "x.yml").write_text("2", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "three", date="2026-03-05T23:30:00+01:00")

    times, kind = last_updated.last_changes(repo)
    assert kind == "full"
    assert last_updated.describe(last_updated.page_time(times, "nl", "a.md"), "nl")["iso"] == "2026-01-10"
    # 23:30 in Amsterdam is the 5th there, though the 5th 22:30 in UTC: the Dutch date counts.
    assert last_updated.describe(last_updated.page_time(times, "nl", "b.md"), "en")["text"] == "5 March 2026"
    # a worksheet page counts the change to its source
    assert last_updated.describe(last_updated.page_time(times, "nl", "werkbladen/x.md"), "nl") == {
        "label": "Laatst bijgewerkt:",
        "text": "5 maart 2026",
        "iso": "2026-03-05",
    }
    assert last_updated.page_time(times, "nl", "new.md") is None  # not committed: no date

    # A clone two commits deep: git would date every file untouched since to its oldest commit.
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(shallow)], check=True)
    times, kind = last_updated.last_changes(shallow)
    assert kind == "shallow"
    assert last_updated.describe(last_updated.page_time(times, "nl", "b.md"), "nl")["iso"] == "2026-03-05"
    assert last_updated.page_time(times, "nl", "a.md") is None  # last changed before the cut-off
    assert last_updated.page_time(times, "nl", "c.md") is None  # changed in the oldest commit: unknowable
    one_deep = tmp_path / "one-deep"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(one_deep)], check=True)
    assert last_updated.last_changes(one_deep) == ({}, "shallow")

    plain = tmp_path / "plain"
    plain.mkdir()
    assert last_updated.last_changes(plain) == ({}, "none")
