"""Templates you can send (templates/<id>.yml -> /sjablonen/ and /en/sjablonen/).

The sources: every template valid, in both languages; a missing twin, an unknown guide or a
placeholder in one language only fails the build (a scratch copy), naming file and field.
The built site: a stable anchor per template (in the URL contract), the JSON for the planner, the
lists on guide and phase pages, mailto links within the limit that the link guard accepts.
Chromium, both languages, phone and desktop: the copy button puts exactly the template's text on
the clipboard and says so (role=status); each mailto link decodes to the template's subject and
body; without JavaScript the text and the mail links are there; nothing leaves the site."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.parse

import pytest
import yaml
from bs4 import BeautifulSoup

from hooks.content import messages
from hooks.linkcheck.check import check_site
from tests.helpers import REPO, build, scratch_copy
from tests.quality_helpers import axe_run

LANGS = ("nl", "en")
SUBJECT = {"nl": "Onderwerp", "en": "Subject"}  # the first line of a copied template
# The templates issue #18 asks for, at least.
REQUIRED = {
    "uitnodiging-intake": "invitation",
    "uitnodiging-belangeninterview": "invitation",
    "uitnodiging-startbijeenkomst": "invitation",
    "uitnodiging-kerngesprek": "invitation",
    "uitnodiging-over-geld": "invitation",
    "uitnodiging-periodieke-check": "invitation",
    "uitleg-bestuurder": "explainer",
    "afsprakennotitie": "note",
    "bericht-na-bijeenkomst": "follow-up",
    "bericht-na-moeilijk-gesprek": "follow-up",
    "partner-blijft-weg": "message",
    "zonder-mandaat": "message",
}


def _prefix(lang: str) -> str:
    return "" if lang == "nl" else "en/"


def _json(site, lang: str) -> dict:
    return json.loads((site / _prefix(lang) / "sjablonen" / "sjablonen.json").read_text(encoding="utf-8"))


def _soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


# --- sources -------------------------------------------------------------------------------------


def test_every_template_is_valid_in_both_languages_and_the_required_ones_exist():
    templates = {t.id: t for t in messages.source.load()}
    for template_id, kind in REQUIRED.items():
        assert template_id in templates, f"templates/{template_id}.yml is missing"
        assert templates[template_id].kind == kind
    for t in templates.values():
        for lang in LANGS:
            text = t.texts[lang]
            assert text["subject"] and text["body"] and text["title"], f"{t.id}: {lang} is incomplete"
    explainer = templates["uitleg-bestuurder"]
    for lang in LANGS:
        short, long = explainer.texts[lang]["short"], explainer.texts[lang]["body"]
        assert len(re.findall(r"[.!?](?:\s|$)", short)) == 3, f"the {lang} short explainer is not three sentences"
        assert "\n\n" not in long and len(long) > len(short) * 1.5, f"the {lang} long explainer is not one paragraph"


def test_the_cli_check_passes_and_show_prints_the_copied_text():
    result = subprocess.run(
        [sys.executable, "-m", "hooks.content.messages", "check"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "templates are valid" in result.stdout
    shown = subprocess.run(
        [sys.executable, "-m", "hooks.content.messages", "show", "uitnodiging-kerngesprek", "en"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert shown.stdout.startswith("Subject: Core session for [partnership name] on [date]")


def _break_sources(project):
    """Three broken sources: a missing English twin, an unknown guide, a placeholder in Dutch only."""
    folder = project / "templates"
    intake = yaml.safe_load((folder / "uitnodiging-intake.yml").read_text(encoding="utf-8"))
    del intake["en"]
    (folder / "uitnodiging-intake.yml").write_text(yaml.safe_dump(intake, allow_unicode=True), encoding="utf-8")
    money = folder / "uitnodiging-over-geld.yml"
    money.write_text(money.read_text(encoding="utf-8").replace("guides: [over-geld]", "guides: [over-gled]"), "utf-8")
    core = folder / "uitnodiging-kerngesprek.yml"
    text = core.read_text(encoding="utf-8")
    assert "If that isn't possible, let me know by [reply date]." in text
    core.write_text(text.replace("let me know by [reply date].", "let me know soon."), encoding="utf-8")


EXPECTED_PROBLEMS = (
    "templates/uitnodiging-intake.yml: en: is missing. Every template has both languages",
    "templates/uitnodiging-over-geld.yml: guides names guide 'over-gled', which does not exist. "
    "Did you mean 'over-geld'?",
    "templates/uitnodiging-kerngesprek.yml: en.body: placeholder [reactiedatum] in nl.body has no counterpart: "
    "add [reply date] to en.body, or remove it from nl.body.",
)


def test_broken_sources_fail_the_cli_check_naming_file_and_field(tmp_path):
    project = scratch_copy(tmp_path / "p")
    _break_sources(project)
    result = subprocess.run(
        [sys.executable, "-m", "hooks.content.messages", "check"], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 1
    for expected in EXPECTED_PROBLEMS:
        assert expected in result.stderr


def test_broken_sources_fail_the_build_naming_file_and_field(tmp_path):
    project = scratch_copy(tmp_path / "p")
    _break_sources(project)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    for expected in EXPECTED_PROBLEMS:
        assert expected in result.stderr, result.stderr[-3000:]


def test_unknown_placeholders_and_a_long_short_explainer_are_named(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "_placeholders.yml").write_text(
        (messages.source.SOURCE_DIR / "_placeholders.yml").read_text("utf-8"), "utf-8"
    )
    source = (messages.source.SOURCE_DIR / "uitleg-bestuurder.yml").read_text(encoding="utf-8")
    source = source.replace("Dan zien we waar", "Dat is alles. Dan zien we waar")
    source = source.replace("Our partnership, [partnership name], has", "Our partnership, [partnership nme], has")
    (folder / "uitleg-bestuurder.yml").write_text(source, encoding="utf-8")
    with pytest.raises(messages.source.SourceError) as caught:
        messages.source.load(folder)
    message = str(caught.value)
    assert "uitleg-bestuurder.yml: nl.short has 4 sentences; the short version has at most 3." in message
    assert "uitleg-bestuurder.yml: en.body: [partnership nme] is not a known placeholder. Did you mean" in message


# --- text, clipboard text and mailto -------------------------------------------------------------


def test_mailto_encodes_subject_and_body_and_stays_within_the_limit():
    url = messages.render.mailto("Kerngesprek op [datum]: één & twee", "Beste [naam],\n\nRegel één.\nRegel twee?")
    assert url.startswith("mailto:?subject=") and " " not in url and "\n" not in url
    assert "%0D%0A%0D%0ARegel%20%C3%A9%C3%A9n.%0D%0ARegel" in url
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert query["subject"] == ["Kerngesprek op [datum]: één & twee"]
    assert query["body"] == ["Beste [naam],\r\n\r\nRegel één.\r\nRegel twee?"]
    overhead = len("mailto:?subject=x&body=")
    assert (
        len(messages.render.mailto("x", "a" * (messages.render.MAILTO_LIMIT - overhead)))
        == messages.render.MAILTO_LIMIT
    )
    assert messages.render.mailto("x", "a" * (messages.render.MAILTO_LIMIT - overhead + 1)) is None
    assert messages.render.mailto("x", "é" * 400) is None, (
        "the limit counts the encoded URL (é is %C3%A9), not the text"
    )


def test_a_text_too_long_for_a_mail_link_is_offered_for_copying_only():
    long = messages.source.Template(
        "lang",
        messages.source.SOURCE_DIR / "lang.yml",
        "note",
        "na",
        ("kerngesprek",),
        (),
        {lang: {"title": "T", "purpose": "P", "subject": "S", "body": "woord " * 500} for lang in LANGS},
    )
    block = messages.render.text_block("nl", long)
    assert "mailto:" not in block and 'class="tpl-note"' in block and "tpl-copy" in block
    assert "mailto:" in messages.render.text_block("nl", messages.source.load()[0])


# --- the built site ------------------------------------------------------------------------------


def test_each_template_has_a_stable_anchor_in_both_languages_and_in_the_url_contract(built_site):
    ids = [t.id for t in messages.source.load()]
    contract = set((REPO / "data" / "published-urls.txt").read_text(encoding="utf-8").split())
    headings = {}
    for lang in LANGS:
        article = _soup(built_site, _prefix(lang) + "sjablonen").select_one("article")
        headings[lang] = [h["id"] for h in article.select("h2[id]")]
        assert headings[lang] == ["gebruik", "overzicht", *ids]
        overview = [a["href"] for a in article.select("h3 ~ ul a[href^='#']")]
        assert sorted(overview) == sorted(f"#{i}" for i in ids), "the overview does not list every template once"
        for template_id in ids:
            assert f"/{_prefix(lang)}sjablonen/#{template_id}" in contract, f"{template_id} is not a published URL"
        assert [g["id"] for g in article.select("h3[id]")][:4] == ["voor", "tijdens", "na", "schuurt"]
    assert headings["nl"] == headings["en"]


def test_the_json_for_the_planner_matches_the_pages(built_site):
    for lang in LANGS:
        data = _json(built_site, lang)
        assert data["version"] == 1 and data["language"] == lang
        by_id = {t["id"]: t for t in data["templates"]}
        assert list(by_id) == [t.id for t in messages.source.load()]
        for t in data["templates"]:
            assert t["text"] == f"{SUBJECT[lang]}: {t['subject']}\n\n{t['body']}"
            assert t["url"] == f"/{_prefix(lang)}sjablonen/#{t['id']}"
            assert set(t["guides"]) <= set(yaml.safe_load((REPO / "data/taxonomy.yml").read_text())["guides"])
            for placeholder in t["placeholders"]:
                assert placeholder["text"] in t["subject"] + t["body"] + t.get("short", {}).get("body", "")
        short = by_id["uitleg-bestuurder"]["short"]
        assert short["text"] == f"{SUBJECT[lang]}: {by_id['uitleg-bestuurder']['subject']}\n\n{short['body']}"
    nl, en = _json(built_site, "nl"), _json(built_site, "en")
    for a, b in zip(nl["templates"], en["templates"], strict=True):
        assert [p["key"] for p in a["placeholders"]] == sorted(p["key"] for p in a["placeholders"])
        assert [p["key"] for p in a["placeholders"]] == [p["key"] for p in b["placeholders"]], a["id"]


def test_guide_and_phase_pages_link_to_their_templates(built_site):
    templates = messages.source.load()
    for lang in LANGS:
        for folder, kind in (("gesprekken", "guide"), ("methode", "phase")):
            slugs = {s for t in templates for s in (t.guides if kind == "guide" else t.phases)}
            for slug in slugs:
                article = _soup(built_site, f"{_prefix(lang)}{folder}/{slug}").select_one("article")
                section = article.find(id="sjablonen")
                assert section is not None, f"/{_prefix(lang)}{folder}/{slug}/ has no #sjablonen list"
                links = {a["href"] for a in section.find_next("ul").select("a[href]")}
                belongs = [t for t in templates if slug in (t.guides if kind == "guide" else t.phases)]
                expected = {f"../../sjablonen/#{t.id}" for t in belongs}
                assert links == expected, f"/{_prefix(lang)}{folder}/{slug}/"
    # The hand-written invitation lines in the guides gave way to links to the templates.
    for lang, phrase in (("nl", "Zet in de uitnodiging:"), ("en", "Say in the invitation:")):
        for page in (REPO / "docs" / lang / "gesprekken").glob("*.md"):
            assert phrase not in page.read_text(encoding="utf-8"), f"{page} still has '{phrase}'"


def test_the_link_guard_accepts_the_mailto_links(built_site, site_url):
    hrefs = [a["href"] for a in _soup(built_site, "sjablonen").select("a.tpl-mail")]
    assert len(hrefs) == sum(len(t.versions("nl")) for t in messages.source.load())
    assert all(h.startswith("mailto:?subject=") and len(h) <= messages.render.MAILTO_LIMIT for h in hrefs)
    assert check_site(built_site, site_url=site_url).problems == []


# --- Chromium ------------------------------------------------------------------------------------


def _context(browser, server, width: int, **options):
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    if options.get("java_script_enabled", True):
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    return context


def _outside(server: str, requested: list[str]) -> list[str]:
    return [u for u in requested if not u.startswith(server) and not u.startswith(("data:", "blob:"))]


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_copy_puts_exactly_the_template_text_on_the_clipboard(browser, server, built_site, lang, width):
    expected = {}
    for (
        t
    ) in messages.source.load():  # the source text, in the form a mail program takes: subject line, blank line, body
        text = t.texts[lang]
        expected[t.id] = f"{SUBJECT[lang]}: {text['subject']}\n\n{text['body']}"
        if "short" in text:
            expected[t.id + "-kort"] = f"{SUBJECT[lang]}: {text['subject']}\n\n{text['short']}"
    context = _context(browser, server, width)
    page = context.new_page()
    requested, failed = [], []
    page.on("request", lambda r: requested.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(server + _prefix(lang) + "sjablonen/")
    buttons = page.locator("button.tpl-copy")
    assert buttons.count() == len(expected)
    for i in range(buttons.count()):
        button = buttons.nth(i)
        template_id = button.evaluate("b => b.closest('.tpl').dataset.template")
        button.scroll_into_view_if_needed()
        button.click()
        status = page.locator(f'.tpl[data-template="{template_id}"] .tpl-status')
        status.filter(has_text=re.compile(r"\S")).wait_for(timeout=10_000)
        clipboard = page.evaluate("navigator.clipboard.readText()")
        assert clipboard == expected[template_id], f"{lang}: copying {template_id} gave other text"
        assert ("Gekopieerd" if lang == "nl" else "Copied") in status.inner_text()
        assert status.get_attribute("role") == "status"
    # The page in its state after copying: axe finds nothing.
    assert axe_run(page) == []
    assert _outside(server, requested) == [] and failed == []
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_each_mailto_link_decodes_to_the_subject_and_body(browser, server, built_site, lang):
    templates = {t.id: t for t in messages.source.load()}
    context = _context(browser, server, 1280)
    page = context.new_page()
    page.goto(server + _prefix(lang) + "sjablonen/")
    links = page.eval_on_selector_all(
        "a.tpl-mail", "as => as.map(a => [a.closest('.tpl').dataset.template, a.getAttribute('href')])"
    )
    assert len(links) == sum(len(t.versions(lang)) for t in templates.values())
    for template_id, href in links:
        base = template_id.removesuffix("-kort")
        text = templates[base].texts[lang]
        body = text["short"] if template_id.endswith("-kort") else text["body"]
        parts = urllib.parse.urlsplit(href)
        assert parts.scheme == "mailto" and parts.path == ""
        query = urllib.parse.parse_qs(parts.query, strict_parsing=True)
        assert query == {"subject": [text["subject"]], "body": [body.replace("\n", "\r\n")]}, template_id
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_text_is_selectable_and_the_mail_links_work(browser, server, lang):
    context = _context(browser, server, 390, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + _prefix(lang) + "sjablonen/#uitnodiging-kerngesprek")
    block = page.locator('.tpl[data-template="uitnodiging-kerngesprek"]')
    assert block.locator(".tpl-body").is_visible()
    assert not block.locator("button.tpl-copy").is_visible(), "a copy button that cannot work is shown"
    assert block.locator("a.tpl-mail").is_visible()
    assert block.locator(".tpl-body").inner_text().count("[") >= 3
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_when_the_clipboard_refuses_the_text_is_selected_and_that_is_said(browser, server, built_site, lang):
    context = _context(browser, server, 1280)
    context.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));")
    page = context.new_page()
    page.goto(server + _prefix(lang) + "sjablonen/")
    block = page.locator('.tpl[data-template="afsprakennotitie"]')
    block.locator("button.tpl-copy").click()
    block.locator(".tpl-status").filter(has_text=re.compile(r"\S")).wait_for(timeout=10_000)
    selected = page.evaluate("window.getSelection().toString()")
    note = next(t for t in _json(built_site, lang)["templates"] if t["id"] == "afsprakennotitie")
    assert note["subject"] in selected and "[" in selected
    assert ("Ctrl+C" in block.locator(".tpl-status").inner_text()) is True
    context.close()


def test_copy_works_after_instant_navigation_from_a_guide(browser, server, built_site):
    context = _context(browser, server, 1280)
    page = context.new_page()
    page.goto(server + "gesprekken/kerngesprek/")
    page.evaluate("window.__sameDocument = true")
    page.click('#sjablonen ~ ul a[href$="#uitnodiging-kerngesprek"]')
    page.wait_for_function("location.pathname === '/sjablonen/'")
    block = page.locator('.tpl[data-template="uitnodiging-kerngesprek"]')
    block.locator("button.tpl-copy").wait_for(state="visible", timeout=10_000)
    assert page.evaluate("window.__sameDocument === true"), "instant navigation did not engage"
    # The page's own stylesheet came along (head elements are merged on instant navigation).
    page.wait_for_function("getComputedStyle(document.querySelector('.tpl')).borderTopStyle === 'solid'")
    block.locator("button.tpl-copy").click()
    block.locator(".tpl-status").filter(has_text=re.compile(r"\S")).wait_for(timeout=10_000)
    expected = next(t for t in _json(built_site, "nl")["templates"] if t["id"] == "uitnodiging-kerngesprek")
    assert page.evaluate("navigator.clipboard.readText()") == expected["text"]
    context.close()


@pytest.mark.parametrize(("lang", "key"), [("nl", "Enter"), ("en", "Space")])
def test_the_copy_button_works_by_keyboard(browser, server, lang, key):
    context = _context(browser, server, 390)
    page = context.new_page()
    page.goto(server + _prefix(lang) + "sjablonen/#uitnodiging-startbijeenkomst")
    block = page.locator('.tpl[data-template="uitnodiging-startbijeenkomst"]')
    block.locator("a.tpl-mail").focus()  # the mail link right after the button: one Shift+Tab back
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.classList.contains('tpl-copy')")
    page.keyboard.press(key)
    block.locator(".tpl-status").filter(has_text=re.compile(r"\S")).wait_for(timeout=10_000)
    text = next(t for t in messages.source.load() if t.id == "uitnodiging-startbijeenkomst").texts[lang]
    expected = f"{SUBJECT[lang]}: {text['subject']}\n\n{text['body']}"
    assert page.evaluate("navigator.clipboard.readText()") == expected
    context.close()
