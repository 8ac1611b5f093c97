"""Facts that several pages show (data/facts.yml) come from one place: no page or worksheet states
them by hand, every page that shows one shows the same text, and a broken fact fails the build."""

from __future__ import annotations

import pathlib
import re
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from hooks.content import facts
from tests.helpers import REPO, build, scratch_copy

LANGS = ("nl", "en")
MIN_WORDS = 6  # a fact's statement this long, found in a page's source, is a hand-written copy


def _plain(markdown: str) -> str:
    """Markdown as plain, lower-case, single-spaced text: links to their text, no emphasis or
    list marks."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"[*_`]", "", text)
    text = re.sub(r"^\s*(\d+\.|[-|>])\s*", "", text, flags=re.M)
    return " ".join(text.split()).lower()


def _sentences(fact: dict, lang: str) -> list[str]:
    """The statements of a fact long enough to recognise (questions are lead-ins, not facts)."""
    parts = re.split(r"(?<=[.?!])\s+", _plain(fact[lang]))
    return [s for s in parts if len(s.split()) >= MIN_WORDS and not s.endswith("?")]


def _pages():
    for lang in LANGS:
        for path in sorted((REPO / "docs" / lang).rglob("*.md")):
            yield lang, path


def _worksheet_strings(node, lang=None):
    """(language, text) of every string in a worksheet source; a text's language is the nl/en key
    above it."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _worksheet_strings(value, key if key in LANGS else lang)
    elif isinstance(node, list):
        for item in node:
            yield from _worksheet_strings(item, lang)
    elif isinstance(node, str) and lang:
        yield lang, node


def test_no_page_states_a_fact_by_hand():
    known = facts.facts()
    found = []
    for lang, path in _pages():
        source = path.read_text(encoding="utf-8")
        plain = _plain(source)
        here = path.relative_to(REPO / "docs" / lang).as_posix()
        for fact_id, fact in known.items():
            if fact.get("owner") == here:
                continue  # the page that holds the full text the fact sums up
            for pattern in (fact.get("restated") or {}).get(lang, []):
                for match in re.finditer(pattern, source, re.I):
                    found.append(f"{path.relative_to(REPO)}: '{match.group(0)}' states fact '{fact_id}' by hand")
            for sentence in _sentences(fact, lang):
                if sentence in plain:
                    found.append(f"{path.relative_to(REPO)}: '{sentence}' is a sentence of fact '{fact_id}'")
    assert not found, (
        "pages that state a fact by hand; show it with <!-- fact:ID --> instead (data/facts.yml):\n" + "\n".join(found)
    )


def test_worksheets_state_a_fact_only_as_the_fact_itself_does():
    known = facts.facts()
    wrong, checked = [], 0
    for path in sorted((REPO / "worksheets").glob("*.yml")):
        for lang, text in _worksheet_strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for fact_id, fact in known.items():
                for pattern in (fact.get("restated") or {}).get(lang, []):
                    for match in re.finditer(pattern, text, re.I):
                        checked += 1
                        if " ".join(match.group(0).split()).lower() not in _plain(fact[lang]):
                            wrong.append(
                                f"{path.relative_to(REPO)} ({lang}): '{match.group(0)}' disagrees with '{fact_id}'"
                            )
    assert not wrong, "worksheets that contradict data/facts.yml:\n" + "\n".join(wrong)
    assert checked >= 2, "expected the card signs (overlapmatrix) and the check rhythm (samenwerkingsafspraken)"


@pytest.mark.parametrize("lang", LANGS)
def test_the_core_session_script_and_the_session_plan_follow_the_timing_table(lang):
    table = facts.facts()["kerngesprek-tijden"]["table"]
    body = (REPO / "docs" / lang / "gesprekken" / "kerngesprek.md").read_text(encoding="utf-8")
    steps = facts._steps(body)
    assert steps == facts.column("kerngesprek-tijden", table["steps"]["partners"])
    duration = int(re.search(r"^\s*duration:\s*(\d+)", body, re.M).group(1))
    assert sum(minutes for _, minutes in steps) == duration
    plan = yaml.safe_load((REPO / "worksheets" / "draaiboek.yml").read_text(encoding="utf-8"))
    rows = plan["example"]["values"]["programma"][lang]
    assert [row[0] for row in rows] == [m for _, m in facts.column("kerngesprek-tijden", 4)], (
        "the session plan's example (worksheets/draaiboek.yml, four partners) must follow the timing table"
    )


def test_the_recurring_advice_has_one_source_and_the_pages_show_it():
    """The advice that kept drifting apart (issue 24) is a fact, and the pages that give it show
    the fact: what goes on paper, the kick-off's running order, when the ground rules go out, who
    goes first and the route for a newcomer."""
    known = facts.facts()
    shown_on = {
        "op-papier": ["methode/veilig-maken.md", "gesprekken/vastgelopen-overleg.md"],
        "startbijeenkomst-verloop": ["methode/veilig-maken.md"],
        "spelregels-rondsturen": ["methode/veilig-maken.md", "gesprekken/startbijeenkomst.md"],
        "voorgaan": ["methode/veilig-maken.md", "gesprekken/startbijeenkomst.md", "methode/rollen.md"],
        "nieuwe-mensen": ["methode/vastleggen.md", "gesprekken/periodieke-check.md"],
    }
    missing = []
    for fact_id, pages in shown_on.items():
        assert fact_id in known, fact_id
        for lang in LANGS:
            for page in pages:
                source = (REPO / "docs" / lang / page).read_text(encoding="utf-8")
                if f"<!-- fact:{fact_id} -->" not in source:
                    missing.append(f"docs/{lang}/{page}: <!-- fact:{fact_id} -->")
    assert not missing, "pages that give this advice without the fact:\n" + "\n".join(missing)


@pytest.mark.parametrize("lang", LANGS)
def test_the_kick_off_summary_follows_the_kick_off_script(lang):
    """The running order on the method page is the kick-off guide's own timed steps."""
    fact = facts.facts()["startbijeenkomst-verloop"]
    body = (REPO / "docs" / lang / fact["owner"]).read_text(encoding="utf-8")
    said = [int(m) for m in re.findall(r"\((\d+) min\)", fact[lang])]
    assert said == [minutes for _, minutes in facts._steps(body)], (
        f"fact 'startbijeenkomst-verloop' ({lang}) lists {said} minutes; the guide's steps differ"
    )
    assert len(said) >= 5


def test_a_page_restating_a_summed_up_fact_is_found_and_the_owner_is_not(tmp_path):
    known = facts.facts()
    pattern = known["startbijeenkomst-verloop"]["restated"]["nl"][0]
    assert re.search(pattern, "### 4. Spelregels afspreken (30 minuten) {#stap-4}", re.I)
    assert re.search(pattern, "### Spelregels maken (30 min) {#spelregels}", re.I)
    assert not re.search(pattern, "### Opening en spelregels (10 min) {#opening}", re.I)
    rounds = known["spelregels-rondsturen"]["restated"]["nl"][0]
    assert re.search(rounds, "Stuur de spelregels dezelfde dag rond.", re.I)
    assert not re.search(rounds, "Stuur de spelregels <!-- fact:spelregels-rondsturen --> rond.", re.I)
    paper = known["op-papier"]["restated"]["nl"]
    assert any(re.search(p, "Binnen twee dagen: maak een foto van de muur en stuur die rond.", re.I) for p in paper)


def test_markers_render_links_for_the_page_and_keep_indentation():
    out = facts.expand("x\n\n<!-- fact:openbaarheid-kort -->\n", "nl", "gesprekken/over-geld.md", "t.md")
    assert '<div class="fact" data-fact="openbaarheid-kort" markdown>' in out
    assert "](../methode/veilig-maken.md#openbaarheid)" in out
    nested = facts.expand("!!! tip\n    <!-- fact:grondregels -->\n", "en", "index.md", "t.md")
    assert all(line.startswith("    ") for line in nested.splitlines()[1:] if line)
    assert "](methode/veilig-maken.md#openbaarheid)" in nested
    inline = facts.expand("Check: <!-- fact:check-ritme-kort -->.", "en", "methode/index.md", "t.md")
    rhythm = "briefly every two months, thoroughly every six months"
    assert inline == f'Check: <span class="fact" data-fact="check-ritme-kort">{rhythm}</span>.'


def test_a_marker_naming_no_fact_or_misplaced_is_an_error_naming_page_and_marker():
    with pytest.raises(facts.SourceError) as err:
        facts.expand("See <!-- fact:grondregel --> and <!-- fact:kaartjes --> inline.", "nl", "x.md", "docs/nl/x.md")
    assert "docs/nl/x.md: <!-- fact:grondregel --> names no fact in data/facts.yml" in str(err.value)
    assert "docs/nl/x.md: <!-- fact:kaartjes --> is a block fact" in str(err.value)


def _built_page(root, rel: pathlib.PurePosixPath):
    return root / rel.parent / "index.html" if rel.name == "index.md" else root / rel.with_suffix("") / "index.html"


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_showing_a_fact_shows_the_same_text(built_site, lang):
    root = built_site if lang == "nl" else built_site / "en"
    known = facts.facts()
    texts: dict[str, dict[str, str]] = {fact_id: {} for fact_id in known}
    for _, path in (p for p in _pages() if p[0] == lang):
        markers = facts.MARKER.findall(path.read_text(encoding="utf-8"))
        if not markers:
            continue
        page = _built_page(root, pathlib.PurePosixPath(path.relative_to(REPO / "docs" / lang).as_posix()))
        html = page.read_text(encoding="utf-8")
        shown = BeautifulSoup(html, "html.parser").select("article [data-fact]")
        assert sorted(el["data-fact"] for el in shown) == sorted(markers), f"{page}: not every marker was rendered"
        assert not re.search(r"<!--\s*fact:", html), f"{page}: a marker is left in the page"
        for el in shown:
            texts[el["data-fact"]][str(page.relative_to(built_site))] = " ".join(el.get_text(" ").split())
    for fact_id, by_page in texts.items():
        assert by_page, f"fact '{fact_id}' is shown on no {lang} page"
        variants = set(by_page.values())
        assert len(variants) == 1, f"fact '{fact_id}' reads differently on {sorted(by_page)}"
        # The shown text is the text of data/facts.yml (words in order; a table comes before it).
        assert _words(_plain(known[fact_id][lang])) in _words(variants.pop()), fact_id


def _run_check(project) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hooks.content.facts", "check"], cwd=project, capture_output=True, text=True, timeout=120
    )


def test_the_check_command_names_a_missing_language(tmp_path):
    project = scratch_copy(tmp_path / "p")
    source = project / "data" / "facts.yml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    del data["check-ritme"]["en"]
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = _run_check(project)
    assert result.returncode == 1
    assert "data/facts.yml: fact 'check-ritme' (<!-- fact:check-ritme -->): the 'en' text is missing" in result.stderr


def test_a_fact_without_its_english_text_fails_the_build(tmp_path):
    project = scratch_copy(tmp_path / "p")
    source = project / "data" / "facts.yml"
    text = source.read_text(encoding="utf-8")
    start = text.index("  en: briefly every two months")
    source.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "data/facts.yml: fact 'check-ritme-kort' (<!-- fact:check-ritme-kort -->): the 'en' text is missing" in (
        result.stderr
    )


def test_a_page_naming_an_unknown_fact_fails_the_build(tmp_path):
    project = scratch_copy(tmp_path / "p")
    page = project / "docs" / "en" / "methode" / "samenvatting.md"
    page.write_text(page.read_text(encoding="utf-8").replace("fact:grondregels", "fact:grondregel"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/en/methode/samenvatting.md: <!-- fact:grondregel --> names no fact in data/facts.yml" in result.stderr


def test_the_check_command_names_an_owner_that_is_not_a_page(tmp_path):
    project = scratch_copy(tmp_path / "p")
    source = project / "data" / "facts.yml"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("owner: gesprekken/startbijeenkomst.md", "owner: gesprekken/startbijeenkomt.md"), encoding="utf-8"
    )
    result = _run_check(project)
    assert result.returncode == 1
    assert (
        "data/facts.yml: fact 'startbijeenkomst-verloop': owner 'gesprekken/startbijeenkomt.md' is not a page"
        in result.stderr
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_90_minute_stuck_meeting_is_the_guides_shortest_steps_and_adds_up(lang):
    """vastgelopen-overleg#negentig-minuten: per block the full minutes are the step's, the short
    minutes are the step's own 'Shorter' (or its full minutes), and the totals are 150 and 90."""
    body = (REPO / "docs" / lang / "gesprekken" / "vastgelopen-overleg.md").read_text(encoding="utf-8")
    label = {"nl": "Korter", "en": "Shorter"}[lang]
    verloop = body[body.index("{#verloop}") : body.index("{#anders}")]
    steps = {}
    for match in re.finditer(r"^###\s.*?\((\d+) min\)\s*\{#([\w-]+)\}\n(.*?)(?=^###\s|\Z)", verloop, re.M | re.S):
        short = re.search(rf"\*\*{label}:\*\*\s*(\d+) min", match.group(3))
        steps[match.group(2)] = (int(match.group(1)), int(short.group(1)) if short else int(match.group(1)))
    section = body[body.index("{#negentig-minuten}") :]
    rows = re.findall(r"^\| \[[^\]]+\]\(#([\w-]+)\) \| (\d+) \| (\d+) \|", section, re.M)
    assert [row[0] for row in rows] == list(steps), "the 90-minute table lists every step, in order"
    assert {step: (int(full), int(short)) for step, full, short in rows} == steps
    assert sum(full for full, _ in steps.values()) == 150
    assert sum(short for _, short in steps.values()) == 90
    assert re.search(r"^\| \*\*\w+\*\* \| \*\*150\*\* \| \*\*90\*\* \|", section, re.M)
