"""The planner in Debian's Chromium, the way a consultant and a facilitator use it, in both languages
at phone and desktop width: build a plan from three guides and a step, reorder, edit minutes, set a
start time and read the clock times; open the address in a fresh browser and in the other
language; old, malformed and hostile links; 'add to plan' on guide pages (after instant navigation
too); both print views as PDF; run mode on a fake clock; axe and the keyboard. Every browser context
logs its requests: nothing may leave the site's origin."""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import unicodedata
import urllib.parse

import pytest
import yaml
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.helpers import FULL_STORAGE, PROTOTYPE_NAMES, REPO, pick_language, wait_for_path
from tests.quality_helpers import axe_run
from tests.worksheets_helpers import pdf_text, render_page

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
PREFIX = {"nl": "", "en": "en/"}
OTHER = {"nl": "en", "en": "nl"}
UI = yaml.safe_load((REPO / "data" / "planner.yml").read_text(encoding="utf-8"))["ui"]


def ui(key: str, lang: str, **values) -> str:
    node = UI
    for part in key.split("."):
        node = node[part]
    return node[lang].format(**values) if values else node[lang]


@pytest.fixture(scope="module")
def guides(built_site) -> dict[str, dict]:
    """The planner data per language, gidsen.json with what details.json adds (each step's
    questions, the guide's situations): {lang: {slug: guide}}."""
    out = {}
    for lang, prefix in PREFIX.items():
        data = json.loads((built_site / prefix / "plannen" / "gidsen.json").read_text(encoding="utf-8"))
        details = json.loads((built_site / prefix / "plannen" / "details.json").read_text(encoding="utf-8"))
        for g in data["guides"]:
            g["anders"] = details["guides"][g["slug"]]["anders"]
            for s in g["steps"]:
                s["questions"] = details["guides"][g["slug"]]["questions"][s["id"]]
        out[lang] = {g["slug"]: g for g in data["guides"]}
    return out


@contextlib.contextmanager
def fresh(browser, server: str, viewport: str = "desktop", **options):
    """A new browser profile whose every request is logged; afterwards none may have left the site."""
    context = browser.new_context(viewport=VIEWPORTS[viewport], **{"timezone_id": "UTC", **options})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    try:
        yield context
    finally:
        context.close()
    foreign = [u for u in requests if not u.startswith(server) and not u.startswith(("data:", "blob:"))]
    assert not foreign, f"requests that left the site: {foreign}"


def open_planner(page, server: str, lang: str, query: str = "") -> None:
    page.goto(server + PREFIX[lang] + "plannen/" + query)
    page.wait_for_selector("#planner .planner-editor")


def blocks(page) -> list[dict]:
    return page.eval_on_selector_all(
        "#planner .planner-block",
        """els => els.map(e => {
            const title = e.querySelector('.planner-block__title');
            const input = e.querySelector('input[data-control=title]');
            return {kind: e.className.match(/planner-block--(\\w+)/)[1],
                    time: e.querySelector('[data-time]').textContent,
                    title: title ? title.textContent : input.value};
        })""",
    )


def query(page) -> str:
    """The plan in the address bar (read in the page: page.url follows history changes later)."""
    return page.evaluate("location.search.slice(1)")


def add(page, guide: str, step: str = "") -> None:
    before = page.locator("#planner .planner-block").count()
    page.select_option("#planner-gids", guide)
    page.select_option("#planner-deel", step)
    page.click(".planner-add .planner-button--main")
    page.wait_for_function(f"document.querySelectorAll('#planner .planner-block').length === {before + 1}")


def announced(page, text: str) -> bool:
    """True once the planner's status line (role=status) says `text`."""
    page.wait_for_function("t => document.querySelector('#planner .planner-status').textContent === t", arg=text)
    return page.locator("#planner .planner-status").is_visible()


# --- building, sharing, switching language ---------------------------------------------------------


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_plan_from_three_guides_and_a_step_travels_in_its_link(browser, server, guides, lang, viewport):
    g = guides[lang]
    with fresh(browser, server, viewport) as context:
        page = context.new_page()
        open_planner(page, server, lang)
        assert blocks(page) == []
        add(page, "startbijeenkomst")
        add(page, "kerngesprek")
        add(page, "over-geld")
        add(page, "eer-en-timing", "kalender")
        # Reorder with the buttons: 'over-geld' one up. Focus stays on the moved block; it is announced.
        page.locator("#planner .planner-block").nth(2).locator("[data-control=up]").click()
        moved = page.evaluate("document.activeElement.closest('.planner-block').querySelector('a').textContent")
        assert moved == g["over-geld"]["title"]
        assert announced(page, ui("moved", lang, title=g["over-geld"]["title"], i=2, n=4))
        # Minutes of the core session down to 120; a start time gives clock times.
        minutes = page.locator("#planner .planner-block").nth(2).locator("input[data-control=minutes]")
        minutes.fill("120")
        minutes.press("Tab")
        page.fill("#planner-start", "13:30")
        expected = [
            ("guide", "13:30–15:30", g["startbijeenkomst"]["title"]),
            ("guide", "15:30–17:00", g["over-geld"]["title"]),
            ("guide", "17:00–19:00", g["kerngesprek"]["title"]),
            ("step", "19:00–19:20", next(s["title"] for s in g["eer-en-timing"]["steps"] if s["id"] == "kalender")),
        ]
        assert [(b["kind"], b["time"], b["title"]) for b in blocks(page)] == expected
        link = page.evaluate("location.href")
        assert query(page) == "p=startbijeenkomst,over-geld,kerngesprek:120,eer-en-timing.kalender&start=13:30&v=1"
        assert page.input_value("#planner-link") == link

    # The link in a fresh browser profile: the same plan. Then in the other language.
    with fresh(browser, server, viewport) as context:
        page = context.new_page()
        page.goto(link)
        page.wait_for_selector("#planner .planner-block")
        assert [(b["kind"], b["time"], b["title"]) for b in blocks(page)] == expected
        other = OTHER[lang]
        pick_language(page, other, "/" + PREFIX[other] + "plannen/")
        page.wait_for_selector("#planner .planner-block")
        o = guides[other]
        titles = [o["startbijeenkomst"]["title"], o["over-geld"]["title"], o["kerngesprek"]["title"]]
        titles.append(next(s["title"] for s in o["eer-en-timing"]["steps"] if s["id"] == "kalender"))
        times = [e[1] for e in expected]
        assert [(b["time"], b["title"]) for b in blocks(page)] == list(zip(times, titles, strict=True))
        assert query(page) == "p=startbijeenkomst,over-geld,kerngesprek:120,eer-en-timing.kalender&start=13:30&v=1"


def test_the_last_plan_is_kept_in_the_browser_and_an_opened_link_keeps_the_previous_one(browser, server):
    with fresh(browser, server) as context:
        page = context.new_page()
        open_planner(page, server, "nl", "?p=kerngesprek,pauze:15&start=09:00&v=1")
        page.fill("#planner-titel", "Regio Noord")
        page.goto(server + "plannen/")  # no plan in the address: the kept one comes back
        page.wait_for_selector("#planner .planner-block")
        assert query(page) == "p=kerngesprek,pauze:15&start=09:00&titel=Regio+Noord&v=1"
        expect(page.locator("#planner-titel")).to_have_value("Regio Noord")
        open_planner(page, server, "nl", "?p=over-geld&v=1")  # someone else's link
        recent = page.locator("#planner .planner-recent")
        assert ui("recentKept", "nl") in recent.inner_text()
        recent.get_by_role("link").click()
        page.wait_for_function("location.search.includes('titel=Regio')")
        # instant navigation changes the address before the planner has drawn the plan: wait for it
        expect(page.locator("#planner-titel")).to_have_value("Regio Noord", timeout=15_000)


def test_add_to_plan_on_guide_pages_works_after_instant_navigation(browser, server, guides):
    with fresh(browser, server) as context:
        page = context.new_page()
        page.goto(server + "en/gesprekken/")
        page.evaluate("window.__sameDocument = true")
        page.click('.md-content a[href$="over-geld/"]')  # instant navigation: no page load
        wait_for_path(page, "/en/gesprekken/over-geld/")
        page.wait_for_selector(".plan-add button")
        assert page.evaluate("window.__sameDocument === true"), "not an instant navigation"
        steps = guides["en"]["over-geld"]["steps"]
        assert page.locator(".plan-add button").count() == 1 + len(steps)
        whole = page.get_by_role("button", name="Add this guide to your plan")
        whole.focus()
        page.keyboard.press("Enter")  # by keyboard
        confirm = page.locator(".plan-add").first.get_by_role("status")
        assert confirm.inner_text().startswith("Added to your plan.")
        name = f"Add this step to your plan: {steps[2]['title']} ({steps[2]['minutes']} min)"
        step = page.get_by_role("button", name=name, exact=True)
        step.click()
        link = page.locator(".plan-add").nth(3).get_by_role("link", name="Open the planner")
        assert "p=over-geld,over-geld.druk&v=1" in link.get_attribute("href")
        link.click()
        wait_for_path(page, "/en/plannen/")
        page.wait_for_selector("#planner .planner-block")
        assert [b["title"] for b in blocks(page)] == [guides["en"]["over-geld"]["title"], steps[2]["title"]]


# --- links from before, broken links, hostile links ------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_old_link_whose_guide_lost_a_step_opens_and_names_the_step(browser, server, guides, lang):
    with fresh(browser, server, "phone") as context:
        page = context.new_page()
        open_planner(page, server, lang, "?p=kerngesprek.oude-stap:20,kerngesprek.rondes,pauze:10&start=10:00&v=1")
        notice = page.inner_text("#planner .planner-notice")
        assert ui("missingNote", lang) + "kerngesprek.oude-stap" in notice
        step = next(s for s in guides[lang]["kerngesprek"]["steps"] if s["id"] == "rondes")
        end = f"{10 + step['minutes'] // 60}:{step['minutes'] % 60:02d}"  # the step starts at 10:00
        after = f"{10 + (step['minutes'] + 10) // 60}:{(step['minutes'] + 10) % 60:02d}"
        assert [(b["kind"], b["time"], b["title"]) for b in blocks(page)] == [
            ("missing", "", "kerngesprek.oude-stap"),
            ("step", f"10:00–{end}", step["title"]),
            ("break", f"{end}–{after}", ui("breakTitle", lang)),
        ]
        page.locator(".planner-block--missing [data-control=remove]").click()
        assert query(page) == "p=kerngesprek.rondes,pauze:10&start=10:00&v=1"
        assert [b["time"] for b in blocks(page)] == [f"10:00–{end}", f"{end}–{after}"]


def test_a_malformed_link_says_what_it_could_not_read_and_shows_the_rest(browser, server, guides):
    with fresh(browser, server) as context:
        page = context.new_page()
        open_planner(page, server, "nl", "?p=kerngesprek,pauze:abc,,over-geld:9999,%E0%A4%A&start=25:99&doel=lang&v=1")
        notice = page.inner_text("#planner .planner-notice")
        unread = ("blok: pauze:abc", "blok: over-geld:9999", "blok: %E0%A4%A", "begintijd: 25:99")
        for part in (*unread, "gewenste lengte: lang"):
            assert part in notice, notice
        assert ui("rest", "nl") in notice
        shown = [(b["kind"], b["title"]) for b in blocks(page)]
        assert shown == [
            ("guide", guides["nl"]["kerngesprek"]["title"]),
            ("bad", "pauze:abc"),
            ("bad", "over-geld:9999"),
            ("bad", "%E0%A4%A"),
        ]
        assert page.inner_text("#planner .planner-total").startswith(ui("total", "nl") + ": 2 uur 30 min")
        # Nothing is lost until the reader removes it: an edit writes the unreadable parts back.
        page.fill("#planner-titel", "x")
        assert query(page).startswith("p=kerngesprek,pauze:abc,over-geld:9999,%E0%A4%A&")


def test_a_link_full_of_markup_and_script_shows_it_as_text_and_runs_nothing(browser, server):
    free = '<img src=x onerror="window.__pwned=1">'
    bad = "<script>window.__pwned=2</script>"
    title = '<b id="bold">vet</b><script>window.__pwned=3</script>'
    note = '<iframe src="javascript:window.__pwned=4"></iframe><a href="javascript:alert(5)">klik</a>'
    q = urllib.parse.quote
    link = f"?p=vrij:10:{q(free)},{q(bad)},kerngesprek&titel={q(title)}&notitie={q(note)}&start=13:00&v=1"
    with fresh(browser, server) as context:
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        open_planner(page, server, "nl", link)
        page.wait_for_timeout(500)
        assert page.evaluate("window.__pwned") is None and not dialogs
        markup = "#bold, #planner img, #planner iframe, #planner script, #planner a[href^=javascript]"
        assert page.locator(markup).count() == 0
        assert page.input_value("#planner-titel") == title
        assert page.input_value("#planner-notitie") == note
        assert page.input_value("#planner input[data-control=title]") == free
        assert bad in page.inner_text("#planner .planner-notice")
        assert [b["title"] for b in blocks(page)][:2] == [free, bad]
        printed = page.eval_on_selector("#planner .planner-print", "e => e.textContent")
        assert title in printed and note in printed and free in printed
        # The share link carries the text encoded, with only link-safe characters, ending in v=1.
        shared = page.input_value("#planner-link")
        assert all(c.isalnum() or c in "-._~%+:,=&?/" for c in shared), shared
        assert shared.endswith("&v=1")


# --- printing --------------------------------------------------------------------------------------


def _pdf_text(page) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True, prefer_css_page_size=True)))
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    return unicodedata.normalize("NFKC", text), reader  # ligatures ('ﬁ') back to letters


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_script_and_the_agenda_print_on_a4_with_what_each_needs(browser, server, guides, lang):
    g = guides[lang]
    name = "Aardgasvrij West"
    with fresh(browser, server) as context:
        page = context.new_page()
        plan = "?p=kerngesprek,pauze:15,over-geld.druk&start=13:30&titel=Aardgasvrij+West"
        plan += "&notitie=Graag+voor+vrijdag.&v=1"
        open_planner(page, server, lang, plan)
        script, reader = _pdf_text(page)
        width, height = (round(float(x)) for x in reader.pages[0].mediabox.upper_right)
        assert (width, height) == (595, 842)
        opening = g["kerngesprek"]["steps"][0]
        druk = next(s for s in g["over-geld"]["steps"] if s["id"] == "druk")
        flat = " ".join(script.split())
        for text in (
            f"{ui('script', lang)}: {name}",
            "13:30–16:00",
            "16:15–16:35",
            opening["questions"][0],
            druk["questions"][0],
            ui("anders", lang),
            g["kerngesprek"]["anders"][0]["title"],
            "Graag voor vrijdag.",
        ):
            assert " ".join(text.split()) in flat, f"{text!r} not in the printed script"
        assert " ".join(opening["goal"].split()) in flat
        assert ui("copy", lang) not in flat and ui("settings", lang) not in flat  # no controls on paper

        page.click("label[for=planner-print-agenda]")
        agenda, _ = _pdf_text(page)
        flat = " ".join(agenda.split())
        for text in (name, "13:30–16:00", "16:00–16:15", ui("breakTitle", lang), druk["title"], opening["title"]):
            assert text in flat, f"{text!r} not in the printed agenda"
        for text in (opening["questions"][0], ui("anders", lang), "Graag voor vrijdag.", ui("goal", lang) + ":"):
            assert text not in flat, f"{text!r} is facilitator text, but it is in the agenda"


WRITTEN = {"nl": "maandag 14 december 2026", "en": "Monday 14 December 2026"}


def _flat(text: str) -> str:
    return " ".join(text.split())


def shared(page) -> str:
    """The plan in the share link (the address bar keeps an opened link as it came until an edit)."""
    return page.input_value("#planner-link").split("?", 1)[1]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_agenda_gives_title_date_in_words_venue_start_to_end_and_purpose(browser, server, lang):
    venue = "Wijkcentrum De Boog, zaal 2 <b>"
    purpose = "We maken de belangen van alle partners zichtbaar."
    q = urllib.parse.quote_plus
    link = f"?p=kerngesprek,pauze:15&start=13:30&datum=2026-12-14&titel=Aardgasvrij+West&plaats={q(venue)}"
    link += f"&bedoeling={q(purpose)}&v=1"
    # Ten hours behind UTC: a date read as midnight UTC would print Sunday the 13th here.
    with fresh(browser, server, timezone_id="Pacific/Honolulu") as context:
        page = context.new_page()
        open_planner(page, server, lang, link)
        page.click("label[for=planner-print-agenda]")
        agenda, reader = _pdf_text(page)
        assert len(reader.pages) == 1
        flat = _flat(agenda)
        for text in ("Aardgasvrij West", f"{WRITTEN[lang]}, 13:30–16:15", ui("where", lang), venue, purpose):
            assert text in flat, f"{text!r} not in the printed agenda: {flat[:300]}"
        assert "2026-12-14" not in flat
        # Venue and purpose are fields of the plan, kept in its link, shown as text.
        assert page.input_value("#planner-plaats") == venue
        assert page.input_value("#planner-bedoeling") == purpose
        page.fill("#planner-plaats", venue + " 3")
        assert query(page).endswith(f"&titel=Aardgasvrij+West&plaats={q(venue + ' 3')}&bedoeling={q(purpose)}&v=1")
        assert page.locator("#planner b").count() == 0
        # Capped: a venue longer than the field takes is cut, the rest of the link still opens.
        open_planner(page, server, lang, "?p=kerngesprek&plaats=" + "x" * 200 + "&start=13:30&v=1")
        assert page.input_value("#planner-plaats") == "x" * 120
        assert shared(page) == "p=kerngesprek&start=13:30&plaats=" + "x" * 120 + "&v=1"
        # An older link, without venue and purpose, opens as it did and stays the same link.
        open_planner(page, server, lang, "?p=kerngesprek&start=13:30&datum=2026-12-14&v=1")
        assert shared(page) == "p=kerngesprek&start=13:30&datum=2026-12-14&v=1"
        assert page.input_value("#planner-plaats") == "" and page.locator("#planner .planner-notice li").count() == 0
        page.click("label[for=planner-print-agenda]")
        agenda, _ = _pdf_text(page)
        assert f"{WRITTEN[lang]}, 13:30–16:00" in _flat(agenda) and ui("where", lang) not in agenda
        # The title is a title on paper: bold, black and large, not a thin grey heading.
        page.emulate_media(media="print")
        weight, colour, size = page.eval_on_selector(
            "#planner .planner-print__agenda h2",
            "e => { const s = getComputedStyle(e); return [+s.fontWeight, s.color, parseFloat(s.fontSize)]; }",
        )
        assert weight >= 700 and colour == "rgb(0, 0, 0)" and size >= 26, (weight, colour, size)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_script_prints_only_the_situations_of_the_steps_in_the_plan_once_per_guide(browser, server, guides, lang):
    g = guides[lang]["kerngesprek"]
    opening = g["steps"][0]

    def start(a) -> str:
        return _flat(a["text"][0])[:60]

    with fresh(browser, server) as context:
        page = context.new_page()
        # One ten-minute step: none of the guide's situations belong to it.
        open_planner(page, server, lang, "?p=kerngesprek.opening&start=13:30&v=1")
        script, reader = _pdf_text(page)
        flat = _flat(script)
        assert _flat(opening["questions"][0]) in flat
        assert len(reader.pages) == 1 and ui("anders", lang) not in flat
        assert not [a["id"] for a in g["anders"] if start(a) in flat]
        # Two steps of the guide: the situations of those two, each once; the second block points up.
        open_planner(page, server, lang, "?p=kerngesprek.rondes,pauze:10,kerngesprek.canvas&start=13:30&v=1")
        flat = _flat(_pdf_text(page)[0])
        wanted = [a for a in g["anders"] if {"rondes", "canvas"} & set(a["steps"])]
        other = [a for a in g["anders"] if a not in wanted]
        assert wanted and other
        assert [a["id"] for a in wanted if flat.count(start(a)) != 1] == []
        assert [a["id"] for a in other if start(a) in flat] == []
        assert flat.count(ui("anders", lang)) == 2  # the heading, and the pointer up in the second block
        assert _flat(ui("andersAbove", lang, c="13:30 " + g["title"])) in flat


def _blank_below(image) -> float:
    """How much of the page's text area (A4, 16 mm margins: site.css) is empty below its last ink."""
    grey = image.convert("L")
    width, height = grey.size
    pixels = grey.load()
    ink = [y for y in range(height) if any(pixels[x, y] < 160 for x in range(0, width, 2))]
    top, bottom = height * 16 / 297, height * (297 - 16) / 297
    return (bottom - ink[-1]) / (bottom - top) if ink else 1.0


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_script_leaves_no_page_half_empty_and_prints_addresses_short_and_whole(browser, server, lang):
    prefix = PREFIX[lang]
    link = "?p=kerngesprek.rondes,pauze:15,over-geld,vastgelopen-overleg.ronde,persoonlijke-belangen&start=13:30&v=1"
    with fresh(browser, server) as context:
        page = context.new_page()
        open_planner(page, server, lang, link)
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # as a real print does (site.js)
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages >= 3
    blank = [round(_blank_below(render_page(pdf, dpi=30, page=n)), 2) for n in range(1, pages + 1)]
    assert max(blank[:-1]) <= 0.4, f"blank part of each page: {blank}"
    text = pdf_text(pdf)
    lines = [line.strip() for line in text.splitlines()]
    host = server.split("://", 1)[1]
    for path in ("kerngesprek/#rondes", "over-geld/", "vastgelopen-overleg/#ronde", "persoonlijke-belangen/"):
        address = f"{host}{prefix}gesprekken/{path}"
        assert any(address in line for line in lines), f"{address} is not printed whole on one line"
    assert "http://" not in text and "https://" not in text


# --- run mode --------------------------------------------------------------------------------------


def _run_state(page) -> dict:
    return page.evaluate(
        """() => {
            const run = document.querySelector('#planner .planner-run');
            return {cls: run.className, clock: run.querySelector('.planner-run__clock').textContent,
                    state: run.querySelector('.planner-run__state').textContent,
                    title: run.querySelector('.planner-run__title').textContent,
                    next: [...run.querySelectorAll('.planner-run__next li')].map(li => li.textContent)};
        }"""
    )


@pytest.mark.parametrize(("lang", "viewport"), [("nl", "phone"), ("en", "desktop")])
def test_run_mode_counts_down_changes_colour_and_moves_later_times_on_overrun(browser, server, guides, lang, viewport):
    opening = guides[lang]["kerngesprek"]["steps"][0]  # 10 minutes
    brk = ui("breakTitle", lang)
    with fresh(browser, server, viewport) as context:
        page = context.new_page()
        start = datetime.datetime(2026, 3, 12, 13, 30, tzinfo=datetime.UTC)
        page.clock.install(time=start - datetime.timedelta(minutes=1))
        open_planner(page, server, lang, "?p=kerngesprek.opening,pauze:10&v=1")
        page.clock.pause_at(start)  # time moves only when the test says so
        page.get_by_role("button", name=ui("runStart", lang)).click()
        page.wait_for_selector("#planner .planner-run:not([hidden])")
        state = _run_state(page)
        assert (state["title"], state["clock"], state["state"]) == (opening["title"], "10:00", ui("state.ok", lang))
        assert "planner-run--ok" in state["cls"] and state["next"] == [f"13:40 {brk} (10 min)"]
        page.clock.run_for(8 * 60_000)  # 20 % left
        state = _run_state(page)
        assert (state["clock"], state["state"]) == ("2:00", ui("state.low", lang))
        assert "planner-run--low" in state["cls"]
        page.clock.run_for(90_000)  # 5 % left
        state = _run_state(page)
        assert (state["clock"], state["state"]) == ("0:30", ui("state.last", lang))
        assert "planner-run--last" in state["cls"]
        # A locked screen: timers stop, time goes on. The clock reads the time, not its own ticks.
        page.clock.fast_forward("02:30")
        page.clock.run_for(1000)
        state = _run_state(page)
        assert (state["clock"], state["state"]) == ("+2:01", ui("state.over", lang))
        assert "planner-run--over" in state["cls"]
        assert state["next"] == [f"13:42 {brk} (10 min)"]  # the break moved with the overrun
        assert ui("endAt", lang) + ": 13:52" in page.inner_text("#planner .planner-run")
        # A reload (or a browser that was closed) picks the meeting up where it is.
        page.reload()
        page.wait_for_selector("#planner .planner-run:not([hidden])")
        assert _run_state(page)["title"] == opening["title"]
        page.get_by_role("button", name=ui("next", lang), exact=True).click()
        state = _run_state(page)
        assert (state["title"], state["clock"], state["next"]) == (brk, "10:00", [])
        page.clock.run_for(3 * 60_000)
        assert _run_state(page)["clock"] == "7:00"
        page.get_by_role("button", name=ui("runStop", lang), exact=True).click()
        assert page.locator("#planner .planner-editor").is_visible()


# --- accessibility, keyboard, without JavaScript, the draaiboek hook --------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_finds_nothing_on_a_planner_with_a_plan_a_notice_and_in_run_mode(browser, server, lang):
    with fresh(browser, server, "phone") as context:
        page = context.new_page()
        plan = "?p=kerngesprek,pauze:15,vrij:20:Koffie,kerngesprek.weg,x:y:z&start=13:30&doel=120&v=1"
        open_planner(page, server, lang, plan)
        assert axe_run(page) == []
        page.get_by_role("button", name=ui("runStart", lang)).click()
        assert axe_run(page) == []
        page.goto(server + PREFIX[lang] + "gesprekken/kerngesprek/")
        page.locator(".plan-add button").first.click()
        assert axe_run(page) == []


def test_the_planner_works_by_keyboard_and_announces_moves(browser, server, guides):
    with fresh(browser, server) as context:
        page = context.new_page()
        open_planner(page, server, "nl")
        page.focus("#planner-gids")
        page.keyboard.press("End")  # the last guide
        page.keyboard.press("Tab")  # to the part
        page.keyboard.press("ArrowDown")  # its first step
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # 'Zet in je plan'
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # 'Pauze toevoegen'
        last = list(guides["nl"])[-1]
        first_step = guides["nl"][last]["steps"][0]["title"]
        assert [b["title"] for b in blocks(page)] == [first_step, ui("breakTitle", "nl")]
        up = page.locator("#planner .planner-block").nth(1).locator("[data-control=up]")
        up.focus()
        page.keyboard.press("Enter")
        assert [b["title"] for b in blocks(page)] == [ui("breakTitle", "nl"), first_step]
        assert announced(page, ui("moved", "nl", title=ui("breakTitle", "nl"), i=1, n=2))
        # The moved block's 'up' is now disabled: focus went to its 'down', on the same block.
        focused = page.evaluate("(e => [e.dataset.control, e.closest('li').innerText])(document.activeElement)")
        assert focused[0] == "down" and ui("breakTitle", "nl") in focused[1]
        page.keyboard.press("Enter")
        assert [b["title"] for b in blocks(page)] == [first_step, ui("breakTitle", "nl")]


def test_without_javascript_the_page_says_the_planner_needs_it(browser, server):
    with fresh(browser, server, java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(server + "plannen/")
        assert "De planner werkt met JavaScript." in page.inner_text("#planner")
        page.goto(server + "en/plannen/")
        assert "The planner needs JavaScript." in page.inner_text("#planner")


def test_the_plan_gives_the_answers_of_the_draaiboek_worksheet(browser, server, guides, built_site):
    with fresh(browser, server) as context:
        page = context.new_page()
        plan = "?p=kerngesprek,pauze:15,over-geld.druk&start=13:30&datum=2026-03-12&titel=Regio+Noord&v=1"
        open_planner(page, server, "nl", plan)
        answers = page.evaluate("window.BelangenPlanner.draaiboek()")
    kern, geld = guides["nl"]["kerngesprek"], guides["nl"]["over-geld"]
    assert answers["naam"] == "Regio Noord"
    assert answers["wanneer-waar"] == "donderdag 12 maart 2026, 13:30–16:35"
    assert answers["doel"] == kern["goal"] + " " + geld["goal"]
    # The venue and the purpose of the printed agenda go on the sheet too.
    with fresh(browser, server) as context:
        page = context.new_page()
        open_planner(
            page, server, "en", plan.replace("&v=1", "&plaats=Wijkcentrum+De+Boog&bedoeling=Zicht+op+belangen&v=1")
        )
        placed = page.evaluate("window.BelangenPlanner.draaiboek()")
    assert placed["wanneer-waar"] == "Thursday 12 March 2026, 13:30–16:35, Wijkcentrum De Boog"
    assert placed["doel"] == "Zicht op belangen"
    # Rows in the worksheet's answers format: {column id: text}; the block's clock times in 'blok'.
    rows = answers["programma"]
    assert len(rows) == len(kern["steps"]) + 2 and all(set(r) <= {"minuten", "blok", "kernvraag"} for r in rows)
    assert sum(int(r["minuten"]) for r in rows) == 150 + 15 + 20
    first = kern["steps"][0]
    end = 13 * 60 + 30 + first["minutes"]
    assert rows[0]["blok"] == f"13:30–{end // 60}:{end % 60:02d} " + first["title"] + ": " + first["goal"]
    details = json.loads((built_site / "plannen" / "details.json").read_text(encoding="utf-8"))
    assert rows[0]["kernvraag"] == details["guides"]["kerngesprek"]["questions"][first["id"]][0]
    assert rows[len(kern["steps"])]["blok"] == "16:00–16:15 " + ui("breakTitle", "nl")


# --- misuse: hostile names, full storage, other people's links, huge plans (issue #22) -------------


def stored_plan(page) -> dict:
    return page.evaluate("JSON.parse(localStorage.getItem('bot-plan') || 'null')")


def test_no_name_of_object_prototype_breaks_the_planner_or_its_storage(browser, server, guides):
    q = urllib.parse.quote
    with fresh(browser, server) as context:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        for name in PROTOTYPE_NAMES:
            n = q(name, safe="")
            open_planner(page, server, "nl", f"?p={n},{n}.{n},kerngesprek.{n},vrij:10:{n},pauze:5&v=1")
            notice = page.inner_text("#planner .planner-notice")
            assert ui("problems", "nl") in notice and name in notice, (name, notice)
            assert [b["kind"] for b in blocks(page)][-2:] == ["free", "break"], name
            assert blocks(page)[-2]["title"] == name
            # The plan is kept in this browser as it came, and a later visit opens it and works.
            page.goto(server + "plannen/")
            page.wait_for_selector("#planner .planner-editor")
            assert len(blocks(page)) == 5, name
            add(page, "over-geld")
            assert blocks(page)[-1]["title"] == guides["nl"]["over-geld"]["title"]
            assert errors == [], (name, errors)
        # 'Add to plan' on a guide page adds to that plan, and the planner opens it.
        page.goto(server + "gesprekken/kerngesprek/")
        page.locator(".plan-add button").first.click()
        page.locator(".plan-add").first.get_by_role("link").click()
        wait_for_path(page, "/plannen/")
        page.wait_for_selector("#planner .planner-block")
        assert blocks(page)[-1]["title"] == guides["nl"]["kerngesprek"]["title"]
        assert errors == []


def test_opening_other_plans_never_discards_the_readers_own(browser, server, guides):
    g = guides["nl"]
    with fresh(browser, server) as context:
        page = context.new_page()
        open_planner(page, server, "nl")
        add(page, "kerngesprek")
        page.fill("#planner-titel", "Mijn eigen plan")
        assert page.locator("#planner .planner-recent").is_hidden()
        open_planner(page, server, "nl", "?p=over-geld&v=1")  # a colleague's link
        open_planner(page, server, "nl", "?p=startbijeenkomst&titel=Van+Sanne&v=1")  # and another one
        recent = page.locator("#planner .planner-recent")
        expect(recent).to_have_attribute("open", "")
        assert ui("recentKept", "nl") in recent.inner_text()
        links = recent.get_by_role("link").all_inner_texts()
        assert len(links) == 2 and links[1].startswith("Mijn eigen plan: " + g["kerngesprek"]["title"]), links
        assert links[0].startswith(g["over-geld"]["title"])
        # A link with only a start time sets the start time of the plan that is open; it empties nothing.
        open_planner(page, server, "nl", "?start=10:00")
        assert [b["title"] for b in blocks(page)] == [g["startbijeenkomst"]["title"]]
        assert page.input_value("#planner-start") == "10:00"
        assert page.input_value("#planner-titel") == "Van Sanne"
        expect(recent).not_to_have_attribute("open", "")  # folded when no link replaced the plan
        recent.locator("summary").click()
        recent.get_by_role("link", name="Mijn eigen plan", exact=False).click()
        expect(page.locator("#planner-titel")).to_have_value("Mijn eigen plan", timeout=15_000)
        assert [b["title"] for b in blocks(page)] == [g["kerngesprek"]["title"]]
        # The colleague's plans are among the earlier plans now, and a visit without a link keeps mine.
        assert len(stored_plan(page)["recent"]) == 2
        page.goto(server + "plannen/")
        expect(page.locator("#planner-titel")).to_have_value("Mijn eigen plan")


def test_a_huge_plan_is_capped_a_long_link_is_warned_and_a_wrong_date_is_named(browser, server):
    with fresh(browser, server) as context:
        page = context.new_page()
        open_planner(page, server, "en", "?p=" + ",".join(["pauze:1"] * 1000) + "&v=1")
        assert len(blocks(page)) == 200
        assert ui("tooMany", "en", n=1000, max=200) in page.inner_text("#planner .planner-notice")
        page.click("text=" + ui("addBreak", "en"))
        assert announced(page, ui("full", "en", max=200))
        assert len(blocks(page)) == 200
        # Too long for a mail program: no mail link, and it is said; too long for web servers: said.
        open_planner(page, server, "nl", "?p=kerngesprek&v=1")
        assert page.locator("#planner .planner-link-note").inner_text() == ""
        assert page.locator(f"text={ui('mail', 'nl')}").is_visible()
        page.fill("#planner-notitie", "é" * 300)
        expect(page.locator("#planner .planner-link-note")).to_have_text(ui("mailTooLong", "nl"))
        assert page.locator(f"text={ui('mail', 'nl')}").is_hidden()
        page.fill("#planner-notitie", "€" * 1000)
        length = len(page.input_value("#planner-link"))
        assert length > 8000
        expect(page.locator("#planner .planner-link-note")).to_have_text(ui("linkTooLong", "nl", n=length, max=8000))
        # A date that is no day is named, and left out.
        for day in ("2025-02-30", "2025-13-01", "0000-00-00"):
            open_planner(page, server, "nl", f"?p=kerngesprek&datum={day}&v=1")
            assert f"{ui('problem.datum', 'nl')}: {day}" in page.inner_text("#planner .planner-notice")
            assert page.input_value("#planner-datum") == "" and "datum=" not in page.input_value("#planner-link")
        open_planner(page, server, "nl", "?p=kerngesprek&datum=2028-02-29&v=1")
        assert page.input_value("#planner-datum") == "2028-02-29"


def test_a_full_storage_is_said_and_nothing_is_called_added(browser, server, guides):
    title = guides["nl"]["over-geld"]["title"]
    with fresh(browser, server) as context:
        page = context.new_page()
        open_planner(page, server, "nl", "?p=kerngesprek&v=1")  # kept in this browser
        context.add_init_script(FULL_STORAGE)
        page.goto(server + "plannen/")
        page.wait_for_selector("#planner .planner-block")
        assert len(blocks(page)) == 1
        unsaved = page.locator("#planner .planner-unsaved")
        assert unsaved.is_hidden()
        add(page, "over-geld")
        assert announced(page, ui("addedUnsaved", "nl", title=title))
        expect(unsaved).to_be_visible()
        assert ui("unsaved", "nl") in unsaved.inner_text() and unsaved.get_attribute("role") == "alert"
        page.fill("#planner-titel", "Nog steeds niet bewaard")
        expect(unsaved).to_be_visible()  # it stays said
        assert stored_plan(page)["query"] == "p=kerngesprek&v=1"  # what was saved is still there
        page.goto(server + "gesprekken/over-geld/")
        page.locator(".plan-add button").first.click()
        status = page.locator(".plan-add").first.get_by_role("status")
        assert status.inner_text().startswith("Deze browser kon je plan niet bewaren.")
        assert "p=kerngesprek,over-geld" in status.get_by_role("link").get_attribute("href")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_second_press_on_add_to_plan_says_it_is_already_in_the_plan_with_undo(browser, server, lang):
    words = {
        "nl": ("Zet dit gesprek in je plan", "Staat al in je plan.", "Ongedaan maken", "Weer uit je plan"),
        "en": ("Add this guide to your plan", "Already in your plan.", "Undo", "Taken out of your plan"),
    }
    add_label, already, undo, removed = words[lang]
    with fresh(browser, server, "phone") as context:
        page = context.new_page()
        page.goto(server + PREFIX[lang] + "gesprekken/over-geld/")
        button = page.get_by_role("button", name=add_label)
        button.click()
        button.click()
        status = page.locator(".plan-add").first.get_by_role("status")
        expect(status).to_contain_text(already)
        assert stored_plan(page)["query"] == "p=over-geld&v=1"
        status.get_by_role("button", name=undo).click()
        expect(status).to_contain_text(removed)
        assert stored_plan(page)["query"] == ""
        assert page.evaluate("document.activeElement.textContent") == add_label
        button.click()
        assert stored_plan(page)["query"] == "p=over-geld&v=1"
