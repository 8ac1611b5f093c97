"""Every structured value is text: a hostile string typed into any field of any kind (guide and
story front matter, taxonomy labels and reasons, the glossary, a worksheet, a message template, a
page's title and description) shows literally on every page that shows it, in both languages, and
nothing of it runs: no alert fires in Chromium, no element or attribute comes alive, and table
columns stay intact. A script element or an event handler never gets this far: the build refuses
them in any source (hooks/content/scriptguard.py, tests/test_build_failures.py), so the hostile string
carries what that guard lets through: markup, a script hidden in entities inside an iframe's srcdoc,
a javascript: link."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from hooks.build import strict_yaml
from tests.helpers import build, scratch_copy, serve

HOSTILE = (
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe> <img src=x> [x](javascript:alert(1)) '
    '<naam> a|b "quote" & *stars*'
)
GUIDE, STORY, SHEET, TERM, PAGE = (
    "gesprekken/over-geld.md",
    "praktijk/buurthuis.md",
    "belangenkaart",
    "achterban",
    "over.md",
)
LANGS = {"nl": "", "en": "en/"}


# Templates allow [square brackets] only around known placeholders: their hostile string has the
# link without its brackets.
TEMPLATE = "uitnodiging-kerngesprek"


def value(tag: str, lang: str) -> str:
    """What a field holds: a tag naming the field and language, then the hostile string."""
    hostile = HOSTILE.replace("[x](", "(") if tag.startswith("M-") else HOSTILE
    return f"{tag}-{lang} {hostile}"


def _edit_front_matter(path, edit):
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    meta = strict_yaml.load(head)
    edit(meta)
    dumped = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000)
    path.write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")


def _edit_yaml(path, edit):
    data = strict_yaml.load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8")


def _poison(project):
    docs = project / "docs"
    for lang in LANGS:

        def guide(meta, lang=lang):
            meta["title"], meta["description"] = value("G-title", lang), value("G-description", lang)
            for field in ("situation", "goal", "participants", "lead"):
                meta["guide"][field] = value(f"G-{field}", lang)

        def story(meta, lang=lang):
            meta["title"], meta["description"] = value("T-title", lang), value("T-description", lang)
            for field in ("partners", "scale", "duration"):
                meta["story"][field] = value(f"T-{field}", lang)

        def page(meta, lang=lang):
            meta["title"], meta["description"] = value("X-title", lang), value("X-description", lang)

        _edit_front_matter(docs / lang / GUIDE, guide)
        _edit_front_matter(docs / lang / STORY, story)
        _edit_front_matter(docs / lang / PAGE, page)

    def taxonomy(data):
        for key, slug, tag in (
            ("phases", "op-tafel", "P-label"),
            ("situations", "geld", "S-label"),
            ("sectors", "buurt", "C-label"),
            ("outcomes", "akkoord", "O-label"),
        ):
            item = next(x for x in data[key] if x["slug"] == slug)
            item.update({lang: value(tag, lang) for lang in LANGS})
            if key == "situations":
                item["reason"] = {lang: value("S-reason", lang) for lang in LANGS}

    def glossary(entries):
        entry = next(e for e in entries if e["id"] == TERM)
        for lang in LANGS:
            entry[lang] = {f: value(f"B-{f}", lang) for f in ("term", "definition", "confuse")}

    def worksheet(data):
        for lang in LANGS:
            data["title"][lang] = value("W-title", lang)
            data["purpose"][lang] = value("W-purpose", lang)
            data["when"][lang] = value("W-when", lang)
            data["instructions"][lang][0] = value("W-step", lang)
            section = data["sections"][0]
            section["title"][lang] = value("W-section", lang)
            section["fields"][0]["label"][lang] = value("W-label", lang)

    def template(data):
        for lang in LANGS:
            data[lang].update({f: value(f"M-{f}", lang) for f in ("title", "purpose", "subject", "body")})

    _edit_yaml(project / "data" / "taxonomy.yml", taxonomy)
    _edit_yaml(project / "templates" / f"{TEMPLATE}.yml", template)
    _edit_yaml(project / "data" / "begrippen.yml", glossary)
    _edit_yaml(project / "worksheets" / f"{SHEET}.yml", worksheet)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    project = scratch_copy(tmp / "p")
    _poison(project)
    result = build(project, tmp / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    httpd = serve(tmp / "site")
    yield tmp / "site", f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


# page -> the fields it shows as visible text
PAGES = {
    "gesprekken/over-geld/": ["G-situation", "G-goal", "G-participants", "G-lead", "P-label"],
    "gesprekken/": ["G-title", "G-description", "S-label", "S-reason", "P-label"],
    "gesprekken/kerngesprek/": ["G-title", "M-title"],
    "sjablonen/": ["M-title", "M-purpose", "M-subject", "M-body"],
    "praktijk/buurthuis/": ["T-partners", "T-scale", "T-duration", "C-label", "O-label", "P-label"],
    "praktijk/": ["T-title", "T-scale", "C-label", "O-label"],
    "begrippen/": ["B-term", "B-definition", "B-confuse"],
    "werkbladen/": ["W-title", "W-purpose"],
    f"werkbladen/{SHEET}/": ["W-purpose", "W-when", "W-step", "W-section", "W-label", "W-title"],
    "over/": [],
}
# page -> the fields in its <title> and <meta name="description">
HEAD = {"gesprekken/over-geld/": "G", "praktijk/buurthuis/": "T", "over/": "X"}
CASES = [(lang, path) for lang in LANGS for path in PAGES]

DEAD = """() => {
    const live = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            if (/^on/i.test(attr.name)) live.push(`${el.tagName} ${attr.name}`);
            if (/^\\s*javascript:/i.test(attr.value)) live.push(`${el.tagName} ${attr.name}=${attr.value}`);
        }
    }
    for (const el of document.querySelectorAll('naam, img[src="x"], iframe')) live.push(el.outerHTML);
    for (const el of document.querySelectorAll('script')) if (el.textContent.includes('alert(1)')) live.push('script');
    return live;
}"""


def _text(page) -> str:
    return re.sub(r"\s+", " ", page.evaluate("document.body.textContent"))


@pytest.mark.parametrize(("lang", "path"), CASES)
def test_a_hostile_string_in_every_field_shows_literally_and_runs_nowhere(hostile_site, browser, lang, path):
    _, base = hostile_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base + LANGS[lang] + path, wait_until="load")
    try:
        text = _text(page)
        for tag in PAGES[path]:
            assert value(tag, lang) in text, f"/{LANGS[lang]}{path}: {tag} is not shown literally"
        if path in HEAD:
            assert page.title().startswith(value(f"{HEAD[path]}-title", lang))
            description = page.get_attribute('meta[name="description"]', "content")
            assert description == value(f"{HEAD[path]}-description", lang)
        assert page.evaluate(DEAD) == []
        assert dialogs == [], f"/{LANGS[lang]}{path}: a script ran"
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_hostile_value_in_a_story_keeps_the_index_table_columns(hostile_site, browser, lang):
    _, base = hostile_site
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + LANGS[lang] + "praktijk/")
    try:
        rows = page.evaluate(
            "() => [...document.querySelectorAll('.md-content table tr')].map("
            "r => [...r.cells].map(c => c.textContent.replace(/\\s+/g, ' ').trim()))"
        )
    finally:
        context.close()
    assert len({len(r) for r in rows}) == 1, rows
    row = next(r for r in rows if r[0] == value("T-title", lang))
    assert row[1:] == [value("C-label", lang), value("T-scale", lang), value("O-label", lang)]


@pytest.mark.parametrize("lang", LANGS)
def test_a_hostile_glossary_definition_is_a_plain_tooltip(hostile_site, browser, lang):
    _, base = hostile_site
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + LANGS[lang] + "methode/rollen/")
    try:
        titles = page.evaluate("() => [...document.querySelectorAll('abbr[title]')].map(a => a.title)")
        live = page.evaluate(DEAD)
    finally:
        context.close()
    assert value("B-definition", lang) in titles
    assert live == []


def test_the_search_index_holds_the_hostile_values_as_text(hostile_site):
    site, _ = hostile_site
    for prefix in LANGS.values():
        index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        for doc in index["docs"]:
            for key in ("title", "text"):
                assert not [t for t in ("<script", "<naam>", "<img src=x", "<iframe") if t in doc[key]], (
                    doc["location"],
                    key,
                    doc[key][:300],
                )
