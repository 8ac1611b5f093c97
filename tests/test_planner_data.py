"""The planner's data: written by the build from the guides with the parser that checks their
timings (hooks/content/planner.py over hooks/content/guides/source.py), complete for the script view, the same plan in
both languages, and checked: a step without what the script needs fails the build, naming the file
and the step; the link guard finds a step id in the data that is not on the page."""

from __future__ import annotations

import json
import shutil

import pytest

from hooks.build.common import DOCS, LANGUAGES, REPO
from hooks.content import guides, messages, planner
from hooks.linkcheck.planner_data import check_planner_data
from hooks.linkcheck.scan import scan_site, site_files
from hooks.linkcheck.urls import Sources
from tests.helpers import build, scratch_copy


def _data(site, lang: str) -> dict:
    prefix = "" if lang == "nl" else f"{lang}/"
    return json.loads((site / prefix / "plannen" / "gidsen.json").read_text(encoding="utf-8"))


def _whole(site, lang: str) -> dict:
    """gidsen.json with what details.json adds (questions, situations), as the planner joins them."""
    prefix = "" if lang == "nl" else f"{lang}/"
    data = _data(site, lang)
    details = json.loads((site / prefix / "plannen" / "details.json").read_text(encoding="utf-8"))
    for guide in data["guides"]:
        guide["anders"] = details["guides"][guide["slug"]]["anders"]
        for step in guide["steps"]:
            step["questions"] = details["guides"][guide["slug"]]["questions"][step["id"]]
    return data


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_guide_is_in_the_data_with_what_the_script_needs(built_site, lang):
    data = _whole(built_site, lang)
    guide_files = sorted(p.stem for p in (DOCS / lang / "gesprekken").glob("*.md") if p.name != "index.md")
    assert sorted(g["slug"] for g in data["guides"]) == guide_files
    for guide in data["guides"]:
        body, meta = guides.source.read_page(DOCS / lang / "gesprekken" / f"{guide['slug']}.md")
        # The same parser as the timing check: the steps and minutes the page shows.
        assert [(s["title"], s["minutes"]) for s in guide["steps"]] == [
            (p.title, p.minutes) for p in guides.source.section_parts(body, "verloop")
        ]
        assert sum(s["minutes"] for s in guide["steps"]) == guide["duration"] == meta["guide"]["duration"]
        for step in guide["steps"]:
            assert step["goal"] and step["questions"], f"{guide['slug']}#{step['id']}"
            assert all("*" not in q and "{" not in q for q in step["questions"]), step["questions"]
            if "shorter" in step:
                assert 0 < step["shorter"]["minutes"] < step["minutes"]
        assert guide["anders"] and all(a["id"] and a["text"] for a in guide["anders"])
    assert data["ui"]["blocks"] and data["ui"]["state"]["over"]


def test_the_guides_say_what_can_be_shortened(built_site):
    data = _data(built_site, "nl")
    shorter = [s for g in data["guides"] for s in g["steps"] if "shorter" in s]
    assert len(shorter) >= 30 and all(s["shorter"]["how"] for s in shorter)


def test_both_languages_describe_the_same_plan(built_site):
    nl, en = _data(built_site, "nl"), _data(built_site, "en")
    assert [g["slug"] for g in nl["guides"]] == [g["slug"] for g in en["guides"]]
    for a, b in zip(nl["guides"], en["guides"], strict=True):
        assert [(s["id"], s["minutes"], s.get("shorter", {}).get("minutes")) for s in a["steps"]] == [
            (s["id"], s["minutes"], s.get("shorter", {}).get("minutes")) for s in b["steps"]
        ]
        assert a["title"] != b["title"] or a["slug"] == "intake"  # each in its own language


def test_the_data_is_what_the_module_computes_and_stable(built_site):
    data, problems = planner.build_all()
    assert not problems
    for lang in LANGUAGES:
        prefix = "" if lang == "nl" else f"{lang}/"
        core, details = planner.split(data[lang])
        written = (built_site / prefix / "plannen" / "gidsen.json").read_text(encoding="utf-8")
        assert written == planner.to_json(core)
        written = (built_site / prefix / "plannen" / "details.json").read_text(encoding="utf-8")
        assert written == planner.to_json(details)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_first_load_part_holds_no_questions_or_situations(built_site, lang):
    """What only the script, run mode and the export need is in details.json, loaded when needed."""
    data = _data(built_site, lang)
    assert all("anders" not in g and all("questions" not in s for s in g["steps"]) for g in data["guides"])
    assert all("mailto" not in i for i in data["invitations"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_invitations_come_from_the_templates(built_site, lang):
    """Every invitation template with the guides it belongs to, from the templates' own loader."""
    invitations = [t for t in messages.source.load() if t.kind == "invitation"]
    data = _data(built_site, lang)
    assert [(i["id"], i["guides"]) for i in data["invitations"]] == [(t.id, list(t.guides)) for t in invitations]
    assert any("kerngesprek" in i["guides"] for i in data["invitations"])
    built = messages.render.data(lang)["templates"]
    for invitation in data["invitations"]:
        template = next(t for t in built if t["id"] == invitation["id"])
        assert invitation["title"] == template["title"]
        assert "/" + ("" if lang == "nl" else "en/") + invitation["url"] == template["url"]


def _docs_copy(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    return docs


def _replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_languages_that_disagree_on_a_step_are_named_and_the_guide_left_out(tmp_path):
    docs = _docs_copy(tmp_path)
    _replace(
        docs / "en" / "gesprekken" / "kerngesprek.md",
        "**Shorter:** 10 min. Look at the canvas seated.",
        "**Shorter:** 5 min. Look at the canvas seated.",
    )
    data, problems = planner.build_all(docs)
    assert any("en/gesprekken/kerngesprek.md: its steps" in p and "make them equal" in p for p in problems), problems
    assert all("kerngesprek" not in [g["slug"] for g in data[lang]["guides"]] for lang in LANGUAGES)


def test_a_question_mark_that_does_not_follow_an_italic_question_is_named(tmp_path):
    docs = _docs_copy(tmp_path)
    path = docs / "nl" / "gesprekken" / "over-geld.md"
    _replace(path, '*"Welk belang van wie dient dit?"*{.vraag}', '"Welk belang van wie dient dit?" {.vraag}')
    _, problems = planner.build_all(docs)
    assert any("over-geld.md: step '### Van bedragen naar opties (15 min) {#opties}'" in p for p in problems), problems
    assert any("has no literal question" in p for p in problems)


def test_the_planner_words_need_both_languages_and_the_same_placeholders(tmp_path):
    source = tmp_path / "planner.yml"
    text = (REPO / "data" / "planner.yml").read_text(encoding="utf-8")
    text = text.replace('en: "{title} is now in place {i} of {n}."', 'en: "{title} is now in place {i}."')
    text = text.replace('datum: {nl: "Datum", en: "Date"}', 'datum: {nl: "Datum"}')
    source.write_text(text, encoding="utf-8")
    _, problems = planner.ui_texts(source)
    assert any("ui.moved has other {placeholders}" in p for p in problems), problems
    assert any("ui.datum needs a text in every language (nl, en)" in p for p in problems), problems


def test_a_step_without_goal_or_question_fails_the_build_naming_file_and_step(tmp_path):
    project = scratch_copy(tmp_path / "p")
    guide = project / "docs" / "nl" / "gesprekken" / "kerngesprek.md"
    _replace(guide, "**Doel:** Even bijkomen. Iedereen weet wat er na de pauze komt.\n\n", "")
    _replace(guide, "**Korter:** 10 min. Sla het voorlezen over", "**Korter:** 20 min. Sla het voorlezen over")
    english = project / "docs" / "en" / "gesprekken" / "intake.md"
    text = english.read_text(encoding="utf-8").replace('"*{.vraag}', '"*')
    english.write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/nl/gesprekken/kerngesprek.md: step '### Pauze (10 min) {#pauze}' has no goal" in result.stderr
    assert "'**Korter:**' must start with fewer minutes than the step's 15" in result.stderr
    assert (
        "docs/en/gesprekken/intake.md: step '### Introductions and the reason for asking (10 min) {#aanleiding}' "
        "has no literal question for the planner's script" in result.stderr
    )


def test_the_link_guard_finds_a_step_that_is_not_on_the_page(built_site, tmp_path):
    pages, files = scan_site(built_site), site_files(built_site)
    sources = Sources(repo=REPO, docs_dir=DOCS)
    assert check_planner_data(built_site, files, pages, sources) == []
    copy = tmp_path / "site"
    (copy / "en" / "plannen").mkdir(parents=True)
    data = _data(built_site, "en")
    data["guides"][0]["steps"][1]["id"] = "verdwenen-stap"
    (copy / "en" / "plannen" / "gidsen.json").write_text(json.dumps(data), encoding="utf-8")
    problems = check_planner_data(copy, {"en/plannen/gidsen.json"}, pages, sources)
    assert [str(p) for p in problems] == [
        f"docs/en/gesprekken/{data['guides'][0]['slug']}.md: '/en/gesprekken/{data['guides'][0]['slug']}/"
        "#verdwenen-stap' has no anchor on the page (in en/plannen/gidsen.json). Give the ### heading that id: "
        "'{#verdwenen-stap}' (AUTHORING.md)."
    ]


def test_the_link_guard_checks_the_situations_and_the_invitations(built_site, tmp_path):
    pages, sources = scan_site(built_site), Sources(repo=REPO, docs_dir=DOCS)
    copy = tmp_path / "site"
    (copy / "plannen").mkdir(parents=True)
    data = _data(built_site, "nl")
    details = json.loads((built_site / "plannen" / "details.json").read_text(encoding="utf-8"))
    kern = next(i for i in data["invitations"] if i["id"] == "uitnodiging-kerngesprek")
    kern["url"] = "sjablonen/#uitnodiging-weg"
    details["guides"]["kerngesprek"]["anders"][0]["id"] = "verdwenen-situatie"
    (copy / "plannen" / "gidsen.json").write_text(json.dumps(data), encoding="utf-8")
    (copy / "plannen" / "details.json").write_text(json.dumps(details), encoding="utf-8")
    files = {"plannen/gidsen.json", "plannen/details.json"}
    problems = [str(p) for p in check_planner_data(copy, files, pages, sources)]
    assert problems == [
        "docs/nl/gesprekken/kerngesprek.md: '/gesprekken/kerngesprek/#verdwenen-situatie' has no anchor on the page "
        "(in plannen/details.json). Give the ### heading that id: '{#verdwenen-situatie}' (AUTHORING.md).",
        "templates/uitnodiging-kerngesprek.yml: '/sjablonen/#uitnodiging-weg' (the planner's invitation) has no "
        "anchor on the templates page (in plannen/gidsen.json). Rebuild the site; the templates page gives every "
        "template the anchor of its id.",
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_situation_names_the_steps_it_belongs_to(built_site, lang):
    """The script prints a guide's 'when it goes differently' situations only for the steps in the
    plan: each situation in details.json carries its steps (data/planner-situations.yml)."""
    prefix = "" if lang == "nl" else f"{lang}/"
    details = json.loads((built_site / prefix / "plannen" / "details.json").read_text(encoding="utf-8"))
    for guide in _data(built_site, lang)["guides"]:
        ids = {s["id"] for s in guide["steps"]}
        situations = details["guides"][guide["slug"]]["anders"]
        assert situations and all(a["steps"] and set(a["steps"]) <= ids for a in situations), guide["slug"]
    kern = {a["id"]: a["steps"] for a in details["guides"]["kerngesprek"]["anders"]}
    assert not any("opening" in steps for steps in kern.values())  # the opening has none of its own


def test_a_situation_without_steps_or_with_a_step_the_guide_lacks_is_named(tmp_path, monkeypatch):
    source = tmp_path / "planner-situations.yml"
    text = (REPO / "data" / "planner-situations.yml").read_text(encoding="utf-8")
    text = text.replace("  stilte: [ongemakkelijke-ronde]\n", "", 1)
    text = text.replace("  lekken: [afspraken]\nbelangeninterview:", "  lekken: [afspraak]\nbelangeninterview:", 1)
    source.write_text(text, encoding="utf-8")
    monkeypatch.setattr(planner, "SITUATIONS", source)
    data, problems = planner.build_all()
    assert any(
        "kerngesprek.md: situation '### Stilte {#stilte}' has no steps in" in p and "kerngesprek: stilte:" in p
        for p in problems
    ), problems
    assert any("intake.md:" in p and "the step(s) afspraak, which the guide does not have" in p for p in problems)
    assert all("kerngesprek" not in [g["slug"] for g in data[lang]["guides"]] for lang in LANGUAGES)
