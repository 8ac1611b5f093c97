"""hooks/build/memo.py: a rebuild reuses the results of our text steps, gives byte for byte the site a
build without them gives, and follows every edit to a page, a data file or a worksheet source."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
import time
import urllib.request

import pytest
from bs4 import BeautifulSoup

from hooks.build import memo
from hooks.worksheets.page import SLOTS, fill_slots
from tests.helpers import MKDOCS, build, build_env, free_port, running, scratch_copy


def _tree(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def _counts(stderr: str) -> tuple[int, int]:
    match = re.search(r"memo \(\.cache/plugin/memo\): (\d+) results reused, (\d+) computed", stderr)
    assert match, stderr[-2000:]
    return int(match.group(1)), int(match.group(2))


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """A scratch project built twice: first with an empty memo, then with the memo of the first."""
    tmp = tmp_path_factory.mktemp("memo")
    project = scratch_copy(tmp / "p")
    shutil.rmtree(project / ".cache" / "plugin" / "memo", ignore_errors=True)
    first = build(project, tmp / "cold")
    assert first.returncode == 0, first.stderr[-3000:]
    second = build(project, tmp / "warm")
    assert second.returncode == 0, second.stderr[-3000:]
    return project, tmp, first, second


def test_a_rebuild_reuses_every_result_and_writes_the_same_site(warm):
    project, tmp, first, second = warm
    cold = _counts(first.stderr)
    assert cold[1] > 150  # two languages: every page's Markdown, the tooltips, the forms
    reused, computed = _counts(second.stderr)
    assert computed == 0 and reused == sum(cold)
    assert _tree(tmp / "cold") == _tree(tmp / "warm")
    _, mismatch, errors = filecmp.cmpfiles(tmp / "cold", tmp / "warm", _tree(tmp / "cold"), shallow=False)
    assert not mismatch and not errors


def test_the_memo_gives_what_the_steps_give_without_it(warm, tmp_path):
    project, tmp, *_ = warm
    result = build(project, tmp_path / "off", env={"MEMO": "off"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert _counts(result.stderr) == (0, 0)
    files = _tree(tmp / "warm")
    assert _tree(tmp_path / "off") == files
    _, mismatch, errors = filecmp.cmpfiles(tmp / "warm", tmp_path / "off", files, shallow=False)
    assert not mismatch and not errors


def test_edits_to_pages_data_and_worksheets_show_in_the_next_build(warm, tmp_path):
    project, *_ = warm
    edits = {
        # a glossary definition: the tooltip on every page that uses the term
        "data/begrippen.yml": ("De mensen of de organisatie namens wie", "Wie iemand vertegenwoordigt, namens wie"),
        # a worksheet label: the on-screen form
        "worksheets/belangenkaart.yml": ("Mandaat: wat mag je zelf toezeggen?", "Mandaat: wat mag jij beloven?"),
        # a guide's front matter: its fact box
        "docs/nl/gesprekken/kerngesprek.md": ("Vier tot tien partners;", "Liefst vijf tot zeven;"),
        # a fact (data/facts.yml): every page that shows it
        "data/facts.yml": ("Niemand vraagt door.", "Niemand vraagt verder."),
        # the taxonomy: a heading of the guides index, which reads every guide
        "data/taxonomy.yml": ('"Geld is de olifant in de kamer"', '"Geld is de olifant in de kamer (bewerkt)"'),
    }
    originals = {rel: (project / rel).read_text(encoding="utf-8") for rel in edits}
    for rel, (old, new) in edits.items():
        assert old in originals[rel], (rel, old)
        (project / rel).write_text(originals[rel].replace(old, new, 1), encoding="utf-8")
    try:
        result = build(project, tmp_path / "edited")
        assert result.returncode == 0, result.stderr[-3000:]
        assert _counts(result.stderr)[1] > 0
        site = tmp_path / "edited"
        # a page none of the other edits touches: only the glossary file changes its tooltips
        roles = BeautifulSoup((site / "methode/rollen/index.html").read_text(encoding="utf-8"), "html.parser")
        titles = [abbr["title"] for abbr in roles.select("abbr") if abbr.get_text() == "achterban"]
        assert titles and all(t.startswith("Wie iemand vertegenwoordigt, namens wie") for t in titles)
        kern = BeautifulSoup((site / "gesprekken/kerngesprek/index.html").read_text(encoding="utf-8"), "html.parser")
        assert "Liefst vijf tot zeven;" in kern.select_one(".factbox").get_text()
        rules = BeautifulSoup((site / "methode/samenvatting/index.html").read_text(encoding="utf-8"), "html.parser")
        assert "Niemand vraagt verder." in rules.select_one("[data-fact=grondregels]").get_text()
        sheet = (site / "werkbladen/belangenkaart/index.html").read_text(encoding="utf-8")
        form = BeautifulSoup(sheet, "html.parser").select_one("form.ws-form")
        assert "Mandaat: wat mag jij beloven?" in form.get_text()
        index = (site / "gesprekken/index.html").read_text(encoding="utf-8")
        headings = [h.get_text(strip=True) for h in BeautifulSoup(index, "html.parser").select("h3")]
        assert any(h.startswith("Geld is de olifant in de kamer (bewerkt)") for h in headings), headings
    finally:
        for rel, text in originals.items():
            (project / rel).write_text(text, encoding="utf-8")


def test_an_unreadable_memo_file_counts_as_empty_and_save_keeps_only_what_was_used(tmp_path, monkeypatch):
    monkeypatch.setattr(memo, "CACHE", tmp_path)
    monkeypatch.setattr(memo, "_stores", {})
    monkeypatch.setattr(memo, "_used", {})
    monkeypatch.setattr(memo, "_dirty", set())
    monkeypatch.setattr(memo, "_counts", {"reused": 0, "computed": 0})
    (tmp_path / "upper.json").write_text("{not json", encoding="utf-8")
    calls = []

    def upper(text):
        calls.append(text)
        return text.upper()

    assert memo.remember("upper", upper, "a") == "A"
    assert memo.remember("upper", upper, "b") == "B"
    assert memo.remember("upper", upper, "a") == "A"
    assert calls == ["a", "b"]
    assert memo.save() == (1, 2)
    assert len(json.loads((tmp_path / "upper.json").read_text(encoding="utf-8"))) == 2
    # the next build asks for one of them: the file keeps that one only
    assert memo.remember("upper", upper, "b") == "B" and calls == ["a", "b"]
    assert memo.save() == (1, 0)
    assert list(json.loads((tmp_path / "upper.json").read_text(encoding="utf-8")).values()) == ["B"]


def test_a_dependency_file_is_part_of_the_key(tmp_path, monkeypatch):
    monkeypatch.setattr(memo, "CACHE", tmp_path / "memo")
    monkeypatch.setattr(memo, "_stores", {})
    monkeypatch.setattr(memo, "_used", {})
    dep = tmp_path / "dep.txt"
    dep.write_text("one", encoding="utf-8")
    read = lambda _: dep.read_text(encoding="utf-8")  # noqa: E731
    assert memo.remember("dep", read, "x", deps=[dep]) == "one"
    dep.write_text("three", encoding="utf-8")
    assert memo.remember("dep", read, "x", deps=[dep]) == "three"


def test_a_worksheet_page_without_its_placeholder_is_an_error():
    parts = {"form": "<form></form>", "example": "<div></div>"}
    html = f"<h2>x</h2>\n{SLOTS['form']}\n<h2>y</h2>\n{SLOTS['example']}"
    assert fill_slots(html, parts) == "<h2>x</h2>\n<form></form>\n<h2>y</h2>\n<div></div>"
    with pytest.raises(ValueError, match="0 placeholder"):
        fill_slots("<h2>x</h2>", parts)


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, proc, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _page(url):
            return
        assert proc.poll() is None, proc.stdout.read()
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r} under mkdocs serve")


def test_mkdocs_serve_rebuilds_on_an_edit_to_the_glossary_or_a_worksheet(tmp_path):
    project = scratch_copy(tmp_path / "p")
    port = free_port()
    env = {**build_env(), "MKDOCS_STRICT": "false"}
    base = f"http://127.0.0.1:{port}"
    with running([*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"], project, env) as proc:
        _wait_for(f"{base}/methode/rollen/", 'title="De mensen of de organisatie namens wie', proc)
        glossary = project / "data" / "begrippen.yml"
        glossary.write_text(
            glossary.read_text(encoding="utf-8").replace("De mensen of de organisatie namens wie", "Namens wie", 1),
            encoding="utf-8",
        )
        _wait_for(f"{base}/methode/rollen/", 'title="Namens wie iemand aan tafel zit', proc)
        sheet = project / "worksheets" / "belangenkaart.yml"
        sheet.write_text(
            sheet.read_text(encoding="utf-8").replace("Mandaat: wat mag je zelf toezeggen?", "Wat mag jij beloven?", 1),
            encoding="utf-8",
        )
        _wait_for(f"{base}/werkbladen/belangenkaart/", "Wat mag jij beloven?", proc)
