"""The planner's export and invitations, in Debian's Chromium, in both languages.

Export: a plan of three guides and a break (more rows than the draaiboek worksheet's table holds)
is downloaded as the draaiboek worksheet filled in, as PDF and as DOCX, made in the browser by the
worksheets' own machinery (fill.js, loaded only when a button is pressed). Every block arrives:
the rows that fit in the form's table, the rest on a continuation (PDF: pages after the table;
DOCX: more rows in the table), with its minutes, clock times, title, goal and key question.
Invitations: a plan with the core session shows the invitation template for it, pointing at its
anchor on the templates page; a plan without such a guide shows none."""

from __future__ import annotations

import io
import json
import urllib.parse

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.answers_helpers import docx_answers, pdf_answers
from tests.helpers import REPO
from tests.test_planner_browser import PREFIX, fresh, guides, open_planner, ui
from tests.worksheets_helpers import pdf_text

__all__ = ["guides"]  # a fixture, used by name below

PLAN = "?p=kerngesprek,pauze:15,over-geld,startbijeenkomst&start=13:30&datum=2026-03-12&titel=Regio+Noord&v=1"
START = 13 * 60 + 30
ROWS = 8  # the draaiboek's table (worksheets/draaiboek.yml)


def _data(site, lang: str) -> dict[str, dict]:
    """The guides of one language with their questions (gidsen.json and details.json together)."""
    folder = site / PREFIX[lang] / "plannen"
    core = json.loads((folder / "gidsen.json").read_text(encoding="utf-8"))
    details = json.loads((folder / "details.json").read_text(encoding="utf-8"))
    guides = {g["slug"]: g for g in core["guides"]}
    for slug, guide in guides.items():
        for step in guide["steps"]:
            step["questions"] = details["guides"][slug]["questions"][step["id"]]
    return guides


def _clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def expected_rows(guides: dict, lang: str) -> list[dict]:
    """The programme of PLAN as the worksheet's rows: minutes, 'from–to title: goal', first question."""
    rows, at = [], START
    for token in urllib.parse.parse_qs(PLAN[1:])["p"][0].split(","):
        if token.startswith("pauze:"):
            minutes = int(token.split(":")[1])
            rows.append(
                {"minuten": str(minutes), "blok": f"{_clock(at)}–{_clock(at + minutes)} {ui('breakTitle', lang)}"}
            )
            at += minutes
            continue
        for step in guides[token]["steps"]:
            blok = f"{_clock(at)}–{_clock(at + step['minutes'])} {step['title']}: {step['goal']}"
            rows.append({"minuten": str(step["minutes"]), "blok": blok, "kernvraag": step["questions"][0]})
            at += step["minutes"]
    return rows


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def exported(browser, server, built_site):
    """Per language: the plan's PDF and DOCX as downloaded, and what was requested before the press."""
    out = {}
    for lang in ("nl", "en"):
        with fresh(browser, server, "phone" if lang == "en" else "desktop", accept_downloads=True) as context:
            requests: list[str] = []
            context.on("request", lambda r, log=requests: log.append(r.url))
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e, log=errors: log.append(str(e)))
            open_planner(page, server, lang, PLAN)
            before = list(requests)
            files = {}
            for kind, label in (("pdf", "exportPdf"), ("docx", "exportDocx")):
                with page.expect_download(timeout=120_000) as info:
                    page.get_by_role("button", name=ui(label, lang)).click()
                download = info.value
                with open(download.path(), "rb") as stream:
                    files[kind] = (download.suggested_filename, stream.read())
                status = page.locator("#planner .planner-status[role=status]").last
                status.filter(has_text=download.suggested_filename).wait_for(timeout=60_000)
            out[lang] = {"files": files, "before": before, "after": requests, "errors": errors}
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_plan_downloads_as_the_filled_draaiboek_pdf_with_every_block(exported, built_site, lang):
    name, pdf = exported[lang]["files"]["pdf"]
    data = json.loads((built_site / "assets" / "worksheets" / lang / "draaiboek.json").read_text(encoding="utf-8"))
    assert name == data["files"]["pdf"].rsplit("/", 1)[1][:-4] + "-" + data["messages"]["filled"] + ".pdf"
    blank = (built_site / data["files"]["pdf"]).read_bytes()
    assert pdf.startswith(blank) and len(pdf) > len(blank), "not the published worksheet, updated"
    texts, _, _ = pdf_answers(pdf)
    assert texts["naam"] == "Regio Noord"
    assert texts["wanneer-waar"].startswith(("donderdag 12 maart 2026, 13:30–", "Thursday 12 March 2026, 13:30–"))
    rows = expected_rows(_data(built_site, lang), lang)
    assert len(rows) > ROWS, "the plan must be longer than the worksheet's table"
    for number, row in enumerate(rows[:ROWS], start=1):
        for column, text in row.items():
            assert texts[f"programma-r{number}-{column}"] == text, (number, column)
    # The rest on continuation pages after the table, every block with its number and columns.
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > len(PdfReader(io.BytesIO(blank)).pages)
    everything = _flat(pdf_text(pdf))
    table = next(f for f in data["fields"] if f["id"] == "programma")
    labels = {c["id"]: c["label"] for c in table["columns"]}
    assert _flat(f"{table['label']} ({data['messages']['continued']})") in everything
    for number, row in enumerate(rows[ROWS:], start=ROWS + 1):
        first = True
        for column, text in row.items():
            line = (f"{number}. " if first else "") + f"{labels[column]}: {text}"
            first = False
            assert _flat(line) in everything, f"row {number} ({column}) is not in the PDF: {line!r}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_plan_downloads_as_the_filled_draaiboek_docx_with_every_block(exported, built_site, lang):
    name, docx = exported[lang]["files"]["docx"]
    assert name.endswith(".docx")
    texts, _ = docx_answers(docx)
    assert texts["naam"] == "Regio Noord"
    assert texts["wanneer-waar"].startswith(("donderdag 12 maart 2026, 13:30–", "Thursday 12 March 2026, 13:30–"))
    rows = expected_rows(_data(built_site, lang), lang)
    for number, row in enumerate(rows, start=1):
        for column, text in row.items():
            assert texts.get(f"programma-r{number}-{column}") == text, (number, column)
    assert not any(tag.startswith(f"programma-r{len(rows) + 1}-") for tag in texts)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_block_goal_and_key_question_can_be_read_on_the_exported_pdf(exported, built_site, lang):
    """As legible as a sheet filled in by hand: what poppler renders of the drawn appearances (the
    values taken out) holds every block with its goal and key question in full, at 9 pt or more
    (a row too long for the sheet's cells is written out whole on the continuation page)."""
    import re

    from tests.test_worksheets_fill import drawn_only

    _, pdf = exported[lang]["files"]["pdf"]
    everything = _flat(pdf_text(drawn_only(pdf)))
    for number, row in enumerate(expected_rows(_data(built_site, lang), lang), start=1):
        for column in ("blok", "kernvraag"):
            if row.get(column):
                assert _flat(row[column]) in everything, f"row {number} ({column}) cannot be read: {row[column]!r}"
    reader = PdfReader(io.BytesIO(pdf))
    assert all(
        abs(float(p.mediabox.width) - 595.28) < 1 and abs(float(p.mediabox.height) - 841.89) < 1 for p in reader.pages
    )
    for ref in reader.trailer["/Root"]["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field.get("/FT") == "/Tx" and field.get("/V"):
            stream = field["/AP"]["/N"].get_object().get_data().decode("latin-1")
            assert all(float(size) >= 9 for size in re.findall(r"/\S+ ([\d.]+) Tf", stream)), field["/T"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_exported_docx_gives_the_wide_programme_a_landscape_page_and_fitting_columns(exported, lang):
    """Not six equal narrow columns: the programme table is as wide as a landscape A4 page's text
    and its columns follow the sheet's widths (the key question widest, the minutes narrowest), in
    the grid LibreOffice reads and the cell widths Word reads."""
    import docx
    import yaml
    from docx.oxml.ns import qn

    _, data = exported[lang]["files"]["docx"]
    document = docx.Document(io.BytesIO(data))
    sheet = yaml.safe_load((REPO / "worksheets" / "draaiboek.yml").read_text(encoding="utf-8"))
    columns = next(f for s in sheet["sections"] for f in s["fields"] if f["id"] == "programma")["columns"]
    table = next(t for t in document.tables if len(t.columns) == len(columns) and t.rows[0].cells[0].text)
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    weights = [c["width"] for c in columns]
    for width, weight in zip(grid, weights, strict=True):
        assert abs(width / sum(grid) - weight / sum(weights)) < 0.01, (grid, weights)
    assert [c.width for c in table.rows[1].cells] == [c.width for c in table.rows[-1].cells]
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    # the section that holds the table: the first section break after it
    body = list(document.element.body.iterchildren())
    after = body[body.index(table._tbl) :]
    sect = next(
        p.find(qn("w:pPr")).find(qn("w:sectPr")) for p in after if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
    )
    size = sect.find(qn("w:pgSz"))
    assert size.get(qn("w:orient")) == "landscape" and int(size.get(qn("w:w"))) > int(size.get(qn("w:h")))
    margins = sect.find(qn("w:pgMar"))
    text_width = int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
    assert abs(sum(grid) - text_width) < 20
    assert any(s.orientation == 0 for s in document.sections), "the rest of the sheet is portrait"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_export_loads_its_machinery_only_when_pressed_and_nothing_leaves_the_site(exported, lang):
    case = exported[lang]
    assert not [u for u in case["before"] if "/assets/worksheets/" in u], "fill.js loaded with the planner"
    loaded = [urllib.parse.urlsplit(u).path for u in case["after"]]
    assert "/assets/worksheets/fill.js" in loaded
    assert any(p.startswith("/assets/worksheets/vendor/pdf-lib") for p in loaded)
    assert any(p.startswith("/assets/worksheets/vendor/fflate") for p in loaded)
    assert "/assets/worksheets/wrap.js" in loaded
    assert not case["errors"], case["errors"]


# --- invitations -----------------------------------------------------------------------------------


def _invitations(page) -> list[dict]:
    return page.eval_on_selector_all(
        "#planner .planner-invitations li",
        "els => els.map(li => [...li.querySelectorAll('a')].map(a => ({text: a.textContent, href: a.href})))",
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_plan_with_the_core_session_offers_its_invitation(browser, server, built_site, lang):
    templates = json.loads((built_site / PREFIX[lang] / "sjablonen" / "sjablonen.json").read_text(encoding="utf-8"))
    invitation = next(t for t in templates["templates"] if t["id"] == "uitnodiging-kerngesprek")
    with fresh(browser, server, "phone" if lang == "nl" else "desktop") as context:
        page = context.new_page()
        # The core session twice (whole and one step): its invitation once.
        open_planner(page, server, lang, "?p=kerngesprek,pauze:10,kerngesprek.rondes&v=1")
        page.get_by_role("heading", name=ui("invite", lang)).wait_for()
        items = _invitations(page)
        assert len(items) == 1, items
        link = items[0][0]
        assert link["text"] == invitation["title"]
        assert link["href"] == server.rstrip("/") + invitation["url"]
        page.wait_for_function("() => document.querySelector('#planner .planner-invitations a[href^=\"mailto:\"]')")
        mail = _invitations(page)[0][1]
        assert mail["href"] == invitation["mailto"] and mail["text"] == ui("inviteMail", lang)
        # The link leads to the template, under its anchor on the templates page.
        page.click("#planner .planner-invitations a >> nth=0")
        page.wait_for_url("**/sjablonen/#uitnodiging-kerngesprek")
        # (instant navigation may swap the content after the address changed: wait for it)
        expect(page.locator("#uitnodiging-kerngesprek")).to_contain_text(invitation["title"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_plan_without_a_matching_guide_offers_no_invitation(browser, server, lang):
    with fresh(browser, server) as context:
        page = context.new_page()
        open_planner(page, server, lang, "?p=vertrouwensherstel,pauze:15,eer-en-timing&v=1")
        assert _invitations(page) == []
        assert page.locator("#planner-h-invite").is_hidden()
        # Adding the core session offers its invitation; removing it takes it away.
        page.select_option("#planner-gids", "kerngesprek")
        page.get_by_role("button", name=ui("addButton", lang), exact=True).click()
        page.get_by_role("heading", name=ui("invite", lang)).wait_for()
        assert [i[0]["href"].rsplit("/", 2)[-2:] for i in _invitations(page)] == [
            ["sjablonen", "#uitnodiging-kerngesprek"]
        ]
        page.locator("#planner .planner-block").last.locator("[data-control=remove]").click()
        assert _invitations(page) == [] and page.locator("#planner-h-invite").is_hidden()


def test_the_worksheet_table_is_shorter_than_the_plan_in_these_tests():
    import yaml

    sheet = yaml.safe_load((REPO / "worksheets" / "draaiboek.yml").read_text(encoding="utf-8"))
    table = next(f for s in sheet["sections"] for f in s["fields"] if f["id"] == "programma")
    assert table["rows"] == ROWS


# --- the details: loaded when the plan first needs them, then the page works offline ---------------


def test_an_empty_planner_loads_no_details_and_a_guide_added_brings_them_for_offline_use(browser, server, guides):
    with fresh(browser, server) as context:
        requests: list[str] = []
        context.on("request", lambda r: requests.append(urllib.parse.urlsplit(r.url).path))
        page = context.new_page()
        open_planner(page, server, "nl")
        page.wait_for_load_state("networkidle")
        assert "/plannen/gidsen.json" in requests and "/plannen/details.json" not in requests
        page.select_option("#planner-gids", "kerngesprek")
        page.get_by_role("button", name=ui("addButton", "nl"), exact=True).click()
        page.wait_for_function("() => document.querySelector('#planner .planner-print__script li')")
        assert "/plannen/details.json" in requests
        context.set_offline(True)
        kern = guides["nl"]["kerngesprek"]
        # The script to print holds the questions and situations, run mode the questions.
        printed = page.eval_on_selector("#planner .planner-print__script", "e => e.textContent")
        assert kern["steps"][0]["questions"][0] in printed and kern["anders"][0]["title"] in printed
        page.get_by_role("button", name=ui("runStart", "nl")).click()
        expect(page.locator(".planner-run__questions li").first).to_have_text(kern["steps"][0]["questions"][0])
