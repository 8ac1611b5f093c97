"""Input that used to crash the build is a schema error naming file, field (and line) and the fix:
a control character in a worksheet (the DOCX writer raised), a character the worksheet font cannot
draw (printed as an empty box while pypdf still extracted it), wrong types and ids in the glossary
(AttributeError) and in the taxonomy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hooks.worksheets import labels
from hooks.worksheets.source import load_sheet
from tests.helpers import REPO, build_env, scratch_copy
from tests.worksheets_helpers import VALID


def _sheet_with(tmp_path, old: str, new: str):
    text = VALID.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "proefblad.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    return [str(e) for e in load_sheet(path).errors], line


@pytest.mark.parametrize(
    ("old", "new", "field", "char"),
    [
        (
            '  en: A small sheet to test the engine, with <markup> & "quotes".',
            '  en: "A small\\x01 sheet."',
            "purpose.en",
            "U+0001",
        ),
        ('[Budget, "5"]]\n      en', '[Budget, "5\\0"]]\n      en', "example.values.tabel.nl[1][1]", "U+0000"),
        ("{nl: Wie, en: Who}", '{nl: "Wie\\x1b", en: Who}', "sections[0].title.nl", "U+001B"),
    ],
)
def test_a_control_character_in_a_worksheet_is_a_schema_error(tmp_path, old, new, field, char):
    errors, line = _sheet_with(tmp_path, old, new)
    assert any(
        f"proefblad.yml:{line}: {field}: contains the invisible control character {char}" in e and "Fix: delete it" in e
        for e in errors
    ), errors


@pytest.mark.parametrize(
    ("old", "new", "field", "chars"),
    [
        ("{nl: Partner, en: Partner}", "{nl: Partner 中文, en: Partner}", "label.nl", ["U+4E2D '中'", "U+6587 '文'"]),
        ("{nl: laag, en: low}", "{nl: laag 😀, en: low}", "min.nl", ["U+1F600 '😀'"]),
        ("Whenever you test.", "Whenever you test → always.", "when.en", ["U+2192 '→'"]),
    ],
)
def test_a_character_the_worksheet_font_cannot_draw_is_named(tmp_path, old, new, field, chars):
    errors, line = _sheet_with(tmp_path, old, new)
    hits = [e for e in errors if f"proefblad.yml:{line}:" in e and f"{field}: " in e and "cannot print" in e]
    assert len(hits) == 1, errors
    for char in chars:
        assert char in hits[0]


def test_real_dutch_and_english_text_and_the_interface_words_are_covered():
    from hooks.worksheets.characters import font_characters

    covered = font_characters()
    for lang, words in labels.LABELS.items():
        for key, text in words.items():
            missing = sorted({c for c in text if ord(c) not in covered and c not in "\n"})
            assert not missing, (lang, key, missing)
    sample = "„Zo’n café-eigenaar: één ĳsje, € 2,50 – ‘cool’ — “quotes”… naïef, coördinatie, überhaupt"
    assert all(ord(c) in covered for c in sample)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return scratch_copy(tmp_path_factory.mktemp("schema") / "p")


def _content_check(project, rel, old, new):
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        return subprocess.run(
            [sys.executable, "-m", "hooks.content.guides", "check"],
            cwd=project,
            env=build_env(),
            capture_output=True,
            text=True,
            timeout=300,
        ), text[: text.index(old)].count("\n") + 1
    finally:
        path.write_bytes((REPO / rel).read_bytes())


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            '    definition: "De mensen of de organisatie namens wie',
            '    definition: 5\n    x: "',
            "entry 'achterban': nl.definition must be a text, not 5",
        ),
        (
            "    term: achterban\n",
            "    term: [achter, ban]\n",
            "entry 'achterban': nl.term must be a text, not ['achter', 'ban']",
        ),
        (
            "    nl: [achterban, achterbannen]",
            "    nl: [achterban, 5]",
            "entry 'achterban': tooltip.nl must be a list of word forms (texts)",
        ),
        ("- id: achterban", "- id: achter ban", "entry 'achter ban': id 'achter ban' is not a slug"),
    ],
)
def test_wrong_types_in_the_glossary_are_schema_errors(project, old, new, expected):
    result, line = _content_check(project, "data/begrippen.yml", old, new)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert f"data/begrippen.yml:{line}: {expected}" in result.stderr, result.stderr[-2000:]
    assert "Fix: " in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  - slug: geld\n", "  - slug: geld geld\n", "situations[2].slug: 'geld geld' is not a slug"),
        ("en: Youth care}", "en: 5}", "sectors[0].en: must be a text, not 5"),
    ],
)
def test_wrong_values_in_the_taxonomy_are_schema_errors(project, old, new, expected):
    result, line = _content_check(project, "data/taxonomy.yml", old, new)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert f"data/taxonomy.yml:{line}: {expected}" in result.stderr, result.stderr[-2000:]
