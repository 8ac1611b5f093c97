"""English for a reader abroad, on the built site: one natural word for each Dutch term of the
method (no 'commissioner' for opdrachtgever, no 'working form' for werkvorm, one English word for
achterban, the glossary's), Dutch offices explained in the running text where a page first names
them (a tooltip does not open on a phone), the law said to be Dutch law, and search that finds the
residents' guide first when residents feel unheard."""

from __future__ import annotations

import re
import urllib.parse
import zipfile

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.helpers import REPO

GLOSSARY = {e["id"]: e for e in yaml.safe_load((REPO / "data" / "begrippen.yml").read_text(encoding="utf-8"))}

# Words a British or international reader takes for something else: a 'commissioner' is the police
# or the NHS, a 'working form' is nothing at all. The glossary's words are 'client' and 'format'.
NOT_ENGLISH = re.compile(r"\b(?:commissioners?|working forms?)\b", re.IGNORECASE)


def _soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _english_texts(site):
    """Every text an English reader gets: pages (and the search index, the planner's and the
    templates' data), and the worksheet downloads."""
    for path in sorted((site / "en").rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix in (".html", ".json"):
            yield rel, path.read_text(encoding="utf-8")
        elif path.suffix == ".pdf":
            yield rel, "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
        elif path.suffix == ".docx":
            with zipfile.ZipFile(path) as docx:
                yield rel, re.sub(r"<[^>]+>", "", docx.read("word/document.xml").decode("utf-8"))


def test_no_english_page_or_download_says_commissioner_or_working_form(built_site):
    seen, found = set(), []
    for rel, text in _english_texts(built_site):
        seen.add(rel.rsplit(".", 1)[-1])
        found += [f"/{rel}: '{m.group(0)}'" for m in NOT_ENGLISH.finditer(text)]
    assert {"html", "json", "pdf", "docx"} <= seen, seen
    assert not found, "write 'client' (opdrachtgever) and 'format' (werkvorm):\n" + "\n".join(sorted(set(found)))


def test_the_glossary_gives_client_and_constituency():
    assert GLOSSARY["opdrachtgever"]["en"]["term"] == "client (opdrachtgever)"
    assert GLOSSARY["achterban"]["en"]["term"] == "constituency (achterban)"


# --- achterban: one English word, the glossary's -----------------------------------------------

BLOCKS = ["p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6"]


def _blocks(path) -> list[str]:
    article = _soup(path).select_one("article.md-content__inner")
    if article is None:
        return []
    for el in article.select("script, style, svg, .headerlink"):
        el.decompose()
    return [" ".join(b.get_text(" ").split()) for b in article.find_all(BLOCKS)]


def _pairs(site):
    for nl in sorted(site.rglob("index.html")):
        rel = nl.relative_to(site)
        if rel.parts[0] in ("en", "assets"):
            continue
        en = site / "en" / rel
        if en.exists():
            yield rel.parent.as_posix(), _blocks(nl), _blocks(en)


# Pages whose generated lists are sorted in each language's own order (the glossary by term, the
# indexes by title): their n-th blocks need not match.
SORTED_PER_LANGUAGE = {"begrippen", "gesprekken", "praktijk", "werkbladen", "sjablonen"}


def test_achterban_is_one_english_word_on_every_page(built_site):
    """Pages have the same structure in both languages, so the n-th paragraph, list item or cell of
    an English page says what the n-th of its Dutch twin says. Wherever the Dutch says achterban,
    the English says the glossary's word (or names the Dutch word itself, as the home page does).
    Where the blocks cannot be paired, the English page must at least use the word."""
    term = GLOSSARY["achterban"]["en"]["term"].split(" (")[0]  # constituency
    english = re.compile(rf"\b{re.escape(term[:-1])}(?:y|ies)\b|\bachterban\b", re.IGNORECASE)
    dutch = re.compile(r"\bachterban\w*", re.IGNORECASE)
    checked, wrong = 0, []
    for rel, nl, en in _pairs(built_site):
        if len(nl) == len(en) and rel not in SORTED_PER_LANGUAGE:
            for nl_block, en_block in zip(nl, en, strict=True):
                if dutch.search(nl_block):
                    checked += 1
                    if not english.search(en_block):
                        wrong.append(f"/en/{rel}/: '{en_block[:160]}' (Dutch: '{nl_block[:100]}')")
        elif any(dutch.search(b) for b in nl):
            checked += 1
            if not any(english.search(b) for b in en):
                wrong.append(f"/en/{rel}/: the Dutch page says achterban, the English page never says '{term}'")
    assert checked >= 30, f"only {checked} uses of achterban found: the test would mean little"
    assert not wrong, (
        f"achterban is '{term}' in English (data/begrippen.yml), not 'members', 'own side' or 'own people':\n"
        + "\n".join(wrong)
    )


# --- Dutch offices explained in the running text -----------------------------------------------

# office: (the words the pages use for it, what the sentence that first names it must also say)
OFFICES = {
    "wethouder": (r"wethouders?|aldermen|alderman", r"municipal executive"),
    "burgemeester": (r"burgemeester|mayors?", r"appointed"),
    "woo": (r"Woo", r"Open Government Act"),
    "wmo": (r"Wmo", r"Social Support Act"),
}


def test_every_english_page_explains_a_dutch_office_where_it_first_names_it(built_site):
    """A tooltip does not open on a phone: the paragraph, list item or cell that first names the
    office says what it is. The page title carries none; the glossary and the sources page are
    references; a worksheet's form and example keep the sheet's own wording, as printed."""
    missing, seen = [], 0
    for index in sorted((built_site / "en").rglob("index.html")):
        rel = index.parent.relative_to(built_site).as_posix()
        if rel in ("en/begrippen", "en/bronnen") or "assets" in rel:
            continue
        article = _soup(index).select_one("article.md-content__inner")
        if article is None:
            continue
        for el in article.select("h1, script, style, svg, .headerlink, form.ws-form, .ws-example"):
            el.decompose()
        blocks = [" ".join(b.get_text(" ").split()) for b in article.find_all(BLOCKS) if not b.find(BLOCKS)]
        for office, (words, gloss) in OFFICES.items():
            flags = 0 if words[0].isupper() else re.IGNORECASE
            first = next((b for b in blocks if re.search(rf"(?<![\w-])(?:{words})(?![\w-])", b, flags)), None)
            if first is None:
                continue
            seen += 1
            if not re.search(gloss, first, re.IGNORECASE):
                missing.append(f"/{rel}/ ({office}): '{first[:160]}'")
    assert seen >= 25, f"only {seen} first mentions found"
    assert not missing, "say what the office is where the page first names it:\n" + "\n".join(missing)


def test_the_home_page_says_the_law_described_is_dutch_law(built_site):
    for prefix, words in (("", "Nederlandse wetten"), ("en/", "Dutch law")):
        text = " ".join(_soup(built_site / prefix / "index.html").select_one("article").get_text(" ").split())
        assert words in text, f"/{prefix}: '{words}' not on the home page"


# --- search: residents who feel unheard --------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "query", "expected", "new_word"),
    [
        ("methode/", "bewoners voelen zich niet gehoord", "/gesprekken/bewoners-aan-tafel/", "gehoord"),
        ("en/methode/", "residents feel unheard", "/en/gesprekken/bewoners-aan-tafel/", "unheard"),
    ],
)
def test_search_lists_the_residents_guide_first_when_residents_feel_unheard(
    server, page, start, query, expected, new_word
):
    page.goto(server + start)
    page.keyboard.press("/")
    # Search is ready once it invites typing (Material's own words, from the page's configuration);
    # then the whole query at once, so the results shown are for it and not for a half-typed one.
    ready = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    page.wait_for_function(
        "t => document.querySelector('.md-search-result__meta').textContent.trim() === t", arg=ready, timeout=20_000
    )
    page.fill(".md-search__input", query)
    page.keyboard.press("End")  # search reads the field on a key release
    # Wait for the results of the whole query: links carry the words they matched (?h=…), and the
    # last word is matched once the index has answered.
    page.wait_for_function(
        "w => [...document.querySelectorAll('.md-search-result__item > a')]"
        ".some(a => (new URL(a.href).searchParams.get('h') || '').split(' ').includes(w))",
        arg=new_word,
        timeout=15_000,
    )
    hits = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    paths = list(dict.fromkeys(urllib.parse.urlsplit(h).path for h in hits))
    assert paths[0] == expected, paths[:5]
