"""Worksheets filled in on the page and kept in the browser, in Chromium, in both languages, on a
phone and at desktop width: answers come back after a reload and in the other language; named
copies are kept side by side; answers move to a fresh browser profile as a JSON file, and a wrong
file changes nothing; answers to fields no longer on the sheet are shown, not dropped; clearing
asks first; saving is announced once, not per key; the print view is the filled sheet on A4;
without JavaScript the page still has the form, the example and the downloads; axe finds nothing
with the tools open; the keyboard reaches and works everything; no request leaves the site."""

from __future__ import annotations

import io
import json

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.answers_helpers import DIACRITICS, KEY, PREFIX, Reader, fill_everything, long_text, switch_language
from tests.helpers import FULL_STORAGE, PROTOTYPE_NAMES
from tests.quality_helpers import axe_run, format_violations
from tests.worksheets_helpers import pdf_text

OTHER = {"nl": "en", "en": "nl"}
SIZES = [pytest.param(False, id="desktop"), pytest.param(True, id="phone")]


@pytest.fixture
def reader(browser, server, request):
    """A reader's fresh browser profile (desktop unless the test is parametrized with `phone`)."""
    phone = request.node.callspec.params.get("phone", False) if hasattr(request.node, "callspec") else False
    person = Reader(browser, server, phone=phone)
    yield person
    person.close()


def values_of(page, names: list[str]) -> list[str]:
    return [page.input_value(f"[name='{name}']") for name in names]


@pytest.mark.parametrize("phone", SIZES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_answers_come_back_after_a_reload_and_in_the_other_language(reader, lang, phone):
    path = f"{PREFIX[lang]}werkbladen/ongemakkelijke-lijst/"
    reader.open(path)
    answers = fill_everything(reader, reader.data())
    reader.status(reader.data()["messages"]["saved"])
    reader.page.reload()
    reader.page.wait_for_selector(".ws-tools[data-ws-ready]")
    names = ["uitwerkingstabel-r1-soort", "uitwerkingstabel-r5-helpt", "nodig"]
    expected = ["r1k1 één", "r5k3 één", long_text(lang)]
    assert values_of(reader.page, names) == expected
    assert reader.page.is_checked("[name='soortenlijst-geld']")
    assert reader.page.is_checked("[name='spanning'][value='4']")
    other = OTHER[lang]
    switch_language(reader, other, f"{PREFIX[other]}werkbladen/ongemakkelijke-lijst/")
    assert reader.page.evaluate("document.documentElement.lang") == other
    assert values_of(reader.page, names) == expected
    assert reader.page.is_checked("[name='spanning'][value='4']")
    assert reader.stored("ongemakkelijke-lijst")["copies"][0]["answers"] == answers
    assert reader.foreign_requests() == [] and reader.errors == []


def test_every_keystroke_is_kept_at_once(reader):
    """Closing the tab right after typing loses nothing: the answer is stored before any pause."""
    reader.open("werkbladen/belangenkaart/")
    reader.page.type("[name='partner']", DIACRITICS, delay=10)
    assert reader.stored("belangenkaart")["copies"][0]["answers"]["partner"] == DIACRITICS
    reader.page.goto(reader.server + "werkbladen/belangenkaart/")
    reader.page.wait_for_selector(".ws-tools[data-ws-ready]")
    assert reader.page.input_value("[name='partner']") == DIACRITICS


@pytest.mark.parametrize("phone", SIZES)
def test_two_named_copies_are_kept_side_by_side(reader, phone):
    page = reader.page
    reader.open("werkbladen/belangenkaart/")
    reader.more()
    for name, partner in (("Gemeente", "Gemeente Ĳsselstein"), ("Corporatie", "Woonstede")):
        page.fill("#wst-copy-name", name)
        page.click("[data-ws-action=copy-new]")
        reader.status(name)
        assert page.input_value("[name='partner']") == "", "a new copy starts empty"
        page.fill("[name='partner']", partner)
    labels = page.eval_on_selector_all("#wst-copy option", "os => os.map(o => o.textContent)")
    assert labels == ["Zonder naam", "Gemeente", "Corporatie"]
    page.select_option("#wst-copy", "Gemeente")
    assert page.input_value("[name='partner']") == "Gemeente Ĳsselstein"
    page.reload()
    page.wait_for_selector(".ws-tools[data-ws-ready]")
    assert page.input_value("#wst-copy") == "Gemeente", "the copy last shown is shown again"
    assert page.input_value("[name='partner']") == "Gemeente Ĳsselstein"
    page.select_option("#wst-copy", "Corporatie")
    assert page.input_value("[name='partner']") == "Woonstede"
    reader.more()
    page.fill("#wst-copy-name", "Gemeente")
    page.click("[data-ws-action=copy-new]")
    reader.status("Gemeente")
    assert "al een kopie" in page.text_content(".ws-status")
    assert page.input_value("[name='partner']") == "Woonstede", "a refused name changed the copy"
    page.fill("#wst-copy-name", "Woningcorporatie")
    page.click("[data-ws-action=copy-rename]")
    reader.status("Woningcorporatie")
    names = [copy["name"] for copy in reader.stored("belangenkaart")["copies"]]
    assert names == ["", "Gemeente", "Woningcorporatie"]
    assert reader.foreign_requests() == []


@pytest.mark.parametrize("phone", SIZES)
def test_answers_move_to_a_fresh_browser_profile_as_a_file(browser, server, tmp_path, phone):
    first = Reader(browser, server, phone=phone)
    try:
        first.open("werkbladen/ongemakkelijke-lijst/")
        answers = fill_everything(first, first.data())
        first.more()
        first.page.fill("#wst-copy-name", "Zorgaanbieder")
        first.page.click("[data-ws-action=copy-rename]")
        name, body = first.download("[data-ws-action=export]")
        assert first.foreign_requests() == []
    finally:
        first.close()
    assert name == "ongemakkelijke-lijst-antwoorden-zorgaanbieder.json"
    exported = json.loads(body)
    assert exported["kind"] == "belangen-op-tafel/answers" and exported["format"] == 1
    assert exported["sheet"] == "ongemakkelijke-lijst" and exported["name"] == "Zorgaanbieder"
    assert exported["answers"] == answers
    file = tmp_path / name
    file.write_bytes(body)

    second = Reader(browser, server, phone=phone)  # a new profile: empty storage
    try:
        second.open("en/werkbladen/ongemakkelijke-lijst/")
        assert second.page.input_value("[name='nodig']") == ""
        second.page.fill("[name='uitwerkingstabel-r1-soort']", "typed before the import")
        second.more()
        second.page.set_input_files("#wst-import", str(file))
        second.status("Zorgaanbieder")
        assert second.page.input_value("#wst-copy") == "Zorgaanbieder"
        assert second.page.input_value("[name='nodig']") == long_text("nl")
        assert second.page.is_checked("[name='spanning'][value='4']")
        second.page.select_option("#wst-copy", "")
        assert second.page.input_value("[name='uitwerkingstabel-r1-soort']") == "typed before the import"
        assert second.foreign_requests() == [] and second.errors == []
    finally:
        second.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            json.dumps({"kind": "belangen-op-tafel/answers", "format": 1, "sheet": "belangenkaart", "answers": {}}),
            "belongs to another worksheet (belangenkaart)",
        ),
        ("{this is not json", "cannot be read"),
        (json.dumps({"kind": "something-else", "answers": {}}), "cannot be read"),
        (
            json.dumps({"kind": "belangen-op-tafel/answers", "format": 99, "sheet": "optiesbord", "answers": {}}),
            "newer version",
        ),
    ],
    ids=["other-sheet", "broken", "not-answers", "newer"],
)
def test_a_wrong_file_gives_a_clear_message_and_changes_nothing(reader, tmp_path, content, message):
    reader.open("en/werkbladen/optiesbord/")
    reader.page.fill("[name='vraag-tekst']", DIACRITICS)
    before = reader.stored("optiesbord")
    file = tmp_path / "answers.json"
    file.write_text(content, encoding="utf-8")
    reader.more()
    reader.page.set_input_files("#wst-import", str(file))
    reader.status(message)
    assert "Nothing has changed" in reader.page.text_content(".ws-status")
    assert reader.stored("optiesbord") == before
    assert reader.page.input_value("[name='vraag-tekst']") == DIACRITICS


def test_answers_no_longer_on_the_sheet_are_shown_and_kept(reader):
    page = reader.page
    reader.open("werkbladen/ongemakkelijke-lijst/")
    old = {
        "format": 1,
        "sheet": "ongemakkelijke-lijst",
        "current": "",
        "copies": [
            {
                "name": "",
                "updated": None,
                "kept": [],
                "answers": {
                    "oud-veld": "Tekst op een vraag die er niet meer is",
                    "nodig": "Blijft gewoon staan",
                    "uitwerkingstabel": [{"soort": "Geld", "vervallen-kolom": "Oude kolomtekst"}],
                    "soortenlijst": ["geld", "verdwenen-item"],
                    "spanning": "heel spannend",
                },
            }
        ],
    }
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY + "ongemakkelijke-lijst", json.dumps(old)])
    page.reload()
    page.wait_for_selector(".ws-orphans:not([hidden])")
    shown = page.text_content(".ws-orphans")
    for text in ("Tekst op een vraag die er niet meer is", "Oude kolomtekst", "verdwenen-item", "heel spannend"):
        assert text in shown
    assert "Niet meer op dit werkblad" in shown
    assert page.input_value("[name='nodig']") == "Blijft gewoon staan"
    assert page.input_value("[name='uitwerkingstabel-r1-soort']") == "Geld"
    assert page.is_checked("[name='soortenlijst-geld']")
    page.fill("[name='nodig']", "Nieuw antwoord")
    kept = reader.stored("ongemakkelijke-lijst")["copies"][0]["kept"]
    assert {item["text"] for item in kept} == {
        "Tekst op een vraag die er niet meer is",
        "Oude kolomtekst",
        "verdwenen-item",
        "heel spannend",
    }
    page.reload()
    page.wait_for_selector(".ws-orphans:not([hidden])")
    assert "Oude kolomtekst" in page.text_content(".ws-orphans")


def test_clearing_asks_first(reader):
    page = reader.page
    reader.open("werkbladen/krachtenveld/")
    page.fill("[name='samenwerking']", "Buurtteam")
    reader.open("werkbladen/belangenkaart/")
    page.fill("[name='partner']", "Gemeente")
    reader.more()
    reader.accept_dialogs = False
    page.click("[data-ws-action=clear]")
    assert reader.dialogs and "wissen?" in reader.dialogs[-1]
    assert page.input_value("[name='partner']") == "Gemeente"
    assert reader.stored("belangenkaart")["copies"][0]["answers"] == {"partner": "Gemeente"}
    reader.accept_dialogs = True
    page.click("[data-ws-action=clear]")
    reader.status("gewist")
    assert page.input_value("[name='partner']") == ""
    assert reader.stored("belangenkaart")["copies"][0]["answers"] == {}
    assert reader.stored("krachtenveld")["copies"][0]["answers"] == {"samenwerking": "Buurtteam"}
    page.fill("[name='partner']", "Opnieuw")
    asked = len(reader.dialogs)
    page.click("[data-ws-action=clear-all]")
    reader.status("Alle antwoorden")
    assert len(reader.dialogs) == asked + 1
    assert reader.stored("krachtenveld") is None
    assert page.input_value("[name='partner']") == ""


def test_saving_is_announced_once_not_on_every_keystroke(reader):
    page = reader.page
    reader.open("en/werkbladen/belangenkaart/")
    status = page.query_selector(".ws-status")
    assert status.get_attribute("role") == "status"
    page.evaluate(
        """() => { window.__changes = 0; new MutationObserver(() => window.__changes++)
            .observe(document.querySelector('.ws-status'), {childList: true, characterData: true, subtree: true}); }"""
    )
    page.type("[name='partner']", "Housing association Ĳsselstein", delay=25)
    reader.status("Saved in this browser.")
    page.type("[name='mandaat']", " and more", delay=25)
    page.wait_for_timeout(1500)  # past the pause after which saving would be announced again
    assert page.evaluate("window.__changes") == 1, "saving was announced more than once"
    assert reader.stored("belangenkaart")["copies"][0]["answers"]["mandaat"] == " and more"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_print_view_is_the_filled_sheet_on_a4(reader, lang):
    page = reader.page
    reader.open(f"{PREFIX[lang]}werkbladen/belangenkaart/")
    answers = fill_everything(reader, reader.data())
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    pages = PdfReader(io.BytesIO(pdf)).pages
    for sheet in pages:
        assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == (595, 842)
    text = " ".join(pdf_text(pdf).split())
    data = reader.data()
    assert data["title"] in text
    assert answers["partner"] in text
    for line in answers["positie"].split("\n"):
        assert " ".join(line.split()) in text, "a line of the long text is not printed"
    assert answers["belangenlijst"][5]["delen"] in text
    absent = [page.text_content(".ws-example-note")[:40], page.text_content(".ws-note")[:40]]
    for ident in ("downloaden", "voorbeeld", "hoort-bij", "wanneer"):  # the heading, without its permalink
        absent.append(page.evaluate("i => document.getElementById(i).firstChild.textContent", ident))
    for words in absent:
        assert " ".join(words.split()) not in text, f"'{words}' is printed"


def test_without_javascript_the_page_has_the_form_the_example_and_the_downloads(browser, server):
    reader = Reader(browser, server, javascript=False)
    try:
        page = reader.page
        page.goto(server + "werkbladen/belangenkaart/")
        assert page.is_visible("form.ws-form [name='partner']")
        assert page.is_visible(".ws-example")
        assert page.is_visible("a[download][href$='belangenkaart.pdf']")
        assert page.is_visible("a[download][href$='belangenkaart.docx']")
        assert page.is_visible(".ws-nojs")
        assert "JavaScript" in page.text_content(".ws-nojs")
        assert not page.is_visible(".ws-tools")
    finally:
        reader.close()
    reader = Reader(browser, server)
    try:
        reader.open("werkbladen/belangenkaart/")
        assert not reader.page.is_visible(".ws-nojs"), "the no-JavaScript line shows while the script runs"
    finally:
        reader.close()


@pytest.mark.parametrize("phone", SIZES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_finds_nothing_with_the_answer_tools_open(reader, lang, phone):
    page = reader.page
    path = f"{PREFIX[lang]}werkbladen/ongemakkelijke-lijst/"
    page.goto(reader.server + path)
    stored = {"format": 1, "sheet": "ongemakkelijke-lijst", "current": "Team",
              "copies": [{"name": "Team", "answers": {"oud": "Oude tekst"}, "kept": []}]}  # fmt: skip
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY + "ongemakkelijke-lijst", json.dumps(stored)])
    reader.open(path)
    page.fill("[name='nodig']", DIACRITICS)
    reader.status(reader.data()["messages"]["saved"])
    reader.more()
    assert page.is_visible(".ws-orphans")
    violations = axe_run(page)
    assert not violations, format_violations({path: violations})


def _focused(page) -> str:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return el.id || el.getAttribute('data-ws-action') || el.getAttribute('name') || el.tagName.toLowerCase();
        }"""
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_answer_tools_work_with_the_keyboard(reader, lang):
    page = reader.page
    reader.open(f"{PREFIX[lang]}werkbladen/belangenkaart/")
    page.focus("[name='partner']")
    page.keyboard.type(DIACRITICS)
    page.focus("#wst-copy")  # the copy list, first of the tools
    order = []
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(_focused(page))
    assert order == ["pdf", "docx", "print", "export", "import"]
    page.keyboard.press("Tab")
    assert _focused(page) == "summary"
    page.keyboard.press("Enter")  # 'Copies and clearing'

    page.keyboard.press("Tab")
    assert _focused(page) == "wst-copy-name"
    page.keyboard.type("Team")
    page.keyboard.press("Enter")  # Enter in the name field makes the copy
    reader.status("Team")
    assert page.input_value("#wst-copy") == "Team" and page.input_value("[name='partner']") == ""
    for action in ("copy-new", "copy-rename", "clear", "clear-all"):
        page.keyboard.press("Tab")
        assert _focused(page) == action
    page.focus("#wst-copy")
    page.keyboard.press("Tab")  # the PDF button
    with page.expect_download(timeout=120_000) as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith("-team.pdf")
    page.focus("#wst-copy")
    page.keyboard.press("ArrowUp")  # back to the first copy, by keyboard
    page.wait_for_function("() => document.querySelector('[name=partner]').value !== ''")
    assert page.input_value("[name='partner']") == DIACRITICS
    assert reader.foreign_requests() == []


def test_instant_navigation_sets_up_each_worksheet_page(reader):
    """Material swaps pages in without a reload: the tools still appear and restore answers."""
    page = reader.page
    reader.open("werkbladen/belangenkaart/")
    page.fill("[name='partner']", DIACRITICS)
    page.goto(reader.server + "werkbladen/")
    page.evaluate("window.__samePage = true")
    page.click("article a[href$='waarom-ladder/']")
    page.wait_for_selector(".ws-tools[data-ws-ready]:not([hidden])")
    assert page.evaluate("window.__samePage === true"), "the page was loaded, not swapped in"
    page.fill("[name='wie']", "Wethouder")
    page.click(".md-sidebar--primary a[href$='belangenkaart/']")
    page.wait_for_function("() => location.pathname.endsWith('/werkbladen/belangenkaart/')")
    page.wait_for_selector(".ws-tools[data-ws-ready]:not([hidden])")
    assert page.evaluate("window.__samePage === true"), "the page was loaded, not swapped in"
    assert page.input_value("[name='partner']") == DIACRITICS
    assert reader.stored("waarom-ladder")["copies"][0]["answers"] == {"wie": "Wethouder"}
    assert reader.errors == []


# --- misuse: hostile names, two tabs, a full storage (issue #22); imports and the tools (issue #25) --


def test_no_name_of_object_prototype_is_lost_or_breaks_the_sheet(reader, tmp_path):
    """Answers and copies named like Object.prototype's properties, from storage and from a file."""
    page = reader.page
    reader.open("werkbladen/belangenkaart/")
    answers = {name: f"antwoord onder {name}" for name in PROTOTYPE_NAMES}
    copies = [
        {"name": name, "updated": None, "kept": [], "answers": dict(answers, partner=name)} for name in PROTOTYPE_NAMES
    ]
    entry = {"format": 1, "sheet": "belangenkaart", "current": "constructor", "copies": copies}
    # JSON text, as storage holds it: '__proto__' is an ordinary key there.
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY + "belangenkaart", json.dumps(entry)])
    page.reload()
    page.wait_for_selector(".ws-orphans:not([hidden])")
    assert page.input_value("#wst-copy") == "constructor"
    assert page.input_value("[name='partner']") == "constructor"
    shown = page.text_content(".ws-orphans")
    for name in PROTOTYPE_NAMES:
        assert f"antwoord onder {name}" in shown, name
    labels = page.eval_on_selector_all("#wst-copy option", "os => os.map(o => o.textContent)")
    assert labels == PROTOTYPE_NAMES
    for name in PROTOTYPE_NAMES:
        page.select_option("#wst-copy", name)
        assert page.input_value("[name='partner']") == name
    page.fill("[name='mandaat']", "Getypt")
    stored = reader.stored("belangenkaart")
    last = next(c for c in stored["copies"] if c["name"] == PROTOTYPE_NAMES[-1])
    assert last["answers"]["mandaat"] == "Getypt"
    assert {item["text"] for item in last["kept"]} == set(answers.values())
    # A file with such names imports as a copy of its own, and keeps every answer.
    body = {"kind": "belangen-op-tafel/answers", "format": 1, "sheet": "belangenkaart", "name": "__proto__"}
    file = tmp_path / "answers.json"
    file.write_text(json.dumps(dict(body, answers=answers)), encoding="utf-8")
    page.set_input_files("#wst-import", str(file))
    reader.status("__proto__ (2)")
    shown = page.text_content(".ws-orphans")
    assert all(f"antwoord onder {name}" in shown for name in PROTOTYPE_NAMES)
    page.reload()
    page.wait_for_selector(".ws-tools[data-ws-ready]")
    assert page.input_value("#wst-copy") == "__proto__ (2)"
    assert reader.errors == []


def test_answers_typed_in_two_tabs_are_all_kept(reader):
    """A Dutch and an English tab of one sheet: each save writes only its own field, and each tab
    shows what the other saved, without touching the field the reader is typing in."""
    dutch = reader.page
    reader.open("werkbladen/belangenkaart/")
    english = reader.context.new_page()
    english.goto(reader.server + "en/werkbladen/belangenkaart/")
    english.wait_for_selector(".ws-tools[data-ws-ready]:not([hidden])")
    dutch.fill("[name='partner']", "A: de gemeente")
    english.fill("[name='mandaat']", "B: from the English tab")
    dutch.focus("[name='positie']")
    dutch.keyboard.type("C: derde")
    assert reader.stored("belangenkaart")["copies"][0]["answers"] == {
        "partner": "A: de gemeente",
        "mandaat": "B: from the English tab",
        "positie": "C: derde",
    }
    # The Dutch tab shows B while the reader is typing in C; the English tab shows A and C.
    dutch.wait_for_function("() => document.querySelector('[name=mandaat]').value === 'B: from the English tab'")
    assert dutch.evaluate("document.activeElement.name") == "positie"
    english.wait_for_function("() => document.querySelector('[name=positie]').value === 'C: derde'")
    assert english.input_value("[name='partner']") == "A: de gemeente"
    # Typing on in C while the English tab changes C too: the Dutch tab's field is not overwritten.
    english.fill("[name='positie']", "C from English")
    dutch.keyboard.type(" en verder")  # before or after the other tab's change reaches this tab
    assert dutch.input_value("[name='positie']") == "C: derde en verder"
    assert reader.stored("belangenkaart")["copies"][0]["answers"]["positie"] == "C: derde en verder"
    assert reader.stored("belangenkaart")["copies"][0]["answers"]["mandaat"] == "B: from the English tab"
    english.close()


def test_a_full_storage_is_said_where_the_reader_types_and_hides_nothing(reader, tmp_path):
    page = reader.page
    reader.open("en/werkbladen/belangenkaart/")
    page.fill("[name='partner']", "Saved before")
    reader.context.add_init_script(FULL_STORAGE)
    page.reload()
    page.wait_for_selector(".ws-tools[data-ws-ready]:not([hidden])")
    assert page.input_value("[name='partner']") == "Saved before", "a full storage emptied the form"
    failed = reader.data()["messages"]["save_failed"]
    page.focus("[name='mandaat']")
    page.keyboard.type("Not kept")
    box = page.locator(".ws-unsaved")
    expect(box).to_be_visible()
    assert box.get_attribute("role") == "alert" and failed in box.inner_text()
    # It is said next to the field being typed in.
    assert page.evaluate(
        "document.querySelector('.ws-unsaved').previousElementSibling.contains(document.activeElement)"
    )
    reader.status(failed)
    # The way out: download the answers, the unsaved ones too.
    with page.expect_download() as info:
        box.get_by_role("button", name="Download your answers").click()
    with open(info.value.path(), "rb") as stream:
        assert json.load(stream)["answers"] == {"partner": "Saved before", "mandaat": "Not kept"}
    # Nothing reports success that was not saved, and the message stays.
    file = tmp_path / "big.json"
    answers = {"partner": "Imported"}
    file.write_text(json.dumps({"kind": "belangen-op-tafel/answers", "format": 1, "sheet": "belangenkaart",
                                "name": "Team", "answers": answers}), encoding="utf-8")  # fmt: skip
    page.set_input_files("#wst-import", str(file))
    page.wait_for_function("() => document.querySelector('#wst-copy').value === 'Team'")
    assert page.text_content(".ws-status") == failed
    reader.more()
    page.fill("#wst-copy-name", "Another")
    page.click("[data-ws-action=copy-new]")
    page.wait_for_function("() => document.querySelector('#wst-copy').value === 'Another'")
    assert page.text_content(".ws-status") == failed
    page.fill("#wst-copy-name", "Renamed")
    page.click("[data-ws-action=copy-rename]")
    page.wait_for_function("() => document.querySelector('#wst-copy').value === 'Renamed'")
    assert page.text_content(".ws-status") == failed
    page.select_option("#wst-copy", "")
    assert page.text_content(".ws-status") == failed
    page.click("[data-ws-action=clear]")
    assert page.text_content(".ws-status") == failed
    assert page.input_value("[name='partner']") == "Saved before", "a clear that was not saved emptied the form"
    expect(box).to_be_visible()
    page.reload()
    page.wait_for_selector(".ws-tools[data-ws-ready]:not([hidden])")
    assert page.input_value("[name='partner']") == "Saved before"
    assert [c["name"] for c in reader.stored("belangenkaart")["copies"]] == [""]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_imported_copies_are_named_by_their_file_or_date_and_the_tools_are_in_sight(reader, tmp_path, lang):
    page = reader.page
    reader.open(f"{PREFIX[lang]}werkbladen/belangenkaart/")
    for action in ("pdf", "docx", "export", "import"):
        assert page.is_visible(f"[data-ws-action={action}]"), f"{action} is not in sight"
    body = {"kind": "belangen-op-tafel/answers", "format": 1, "sheet": "belangenkaart", "name": ""}
    body["exported"] = "2026-03-12T12:00:00.000Z"  # the same day in every time zone from -11 to +11
    named = tmp_path / "team-noord.json"
    named.write_text(json.dumps(dict(body, answers={"partner": "Noord"})), encoding="utf-8")
    page.set_input_files("#wst-import", str(named))
    page.wait_for_function("() => document.querySelector('#wst-copy').value === 'team-noord'")
    data = reader.data()  # the name an export of an unnamed copy gets: <sheet file>-<answers>.json
    plain = tmp_path / f"{data['files']['pdf'].split('/')[-1].removesuffix('.pdf')}-{data['messages']['answers']}.json"
    plain.write_text(json.dumps(dict(body, answers={"partner": "Zuid"})), encoding="utf-8")
    page.set_input_files("#wst-import", str(plain))
    imported = {"nl": "Geïmporteerd", "en": "Imported"}[lang]
    expected = f"{imported} 2026-03-12 "
    page.wait_for_function("t => document.querySelector('#wst-copy').value.startsWith(t)", arg=expected)
    labels = page.eval_on_selector_all("#wst-copy option", "os => os.map(o => o.textContent)")
    assert labels[1] == "team-noord" and labels[2].startswith(expected)
    assert reader.data()["messages"]["untitled"] not in labels[1:]
