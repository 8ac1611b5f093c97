"""The schema check: a valid source passes; every kind of bad input fails with file, field,
line and what to do, and all problems of a file are reported at once."""

from __future__ import annotations

import pathlib

import pytest

from hooks.worksheets.build import WorksheetErrors, load_sources
from hooks.worksheets.schema import format_path, validate
from hooks.worksheets.source import load_sheet
from tests.worksheets_helpers import INVALID, VALID, sheet


def errors_of(name: str) -> list[str]:
    return [str(e) for e in load_sheet(INVALID / f"{name}.yml").errors]


def test_valid_fixture_has_no_errors():
    loaded = load_sheet(VALID)
    assert loaded.ok, [str(e) for e in loaded.errors]


def test_field_paths_are_written_like_yaml_access():
    assert format_path(("sections", 2, "fields", 0, "columns")) == "sections[2].fields[0].columns"


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("missing-language", ["missing-language.yml:4: title.en: missing language 'en'", "Fix: add `en: …`"]),
        (
            "unknown-type",
            ["unknown-type.yml:14: sections[0].fields[1].type: unknown field type 'date'", "use one of: text"],
        ),
        ("duplicate-id", ["duplicate-id.yml:17: sections[1].fields[0].id: duplicate field id 'naam'", "unique"]),
        (
            "table-without-columns",
            ["table-without-columns.yml:18: sections[1].fields[1].columns: a table needs columns", "add `columns:`"],
        ),
        ("bad-yaml", ["bad-yaml.yml:4: the YAML does not parse", "Fix: check indentation"]),
    ],
)
def test_bad_input_names_file_line_field_and_fix(case, expected):
    messages = errors_of(case)
    assert len(messages) == 1, messages
    for part in expected:
        assert part in messages[0]


def test_every_problem_of_a_file_is_reported_at_once():
    messages = "\n".join(errors_of("many-problems"))
    for part in [
        "colour: unknown key 'colour'",
        "id: id 'other-name' differs from the file name",
        "version: version must be a whole number",
        "files.en: download name 'Many Problems' is not a slug",
        "title.en: the 'en' text is empty",
        "purpose: expected a text in both languages",
        "when.de: unknown language 'de'",
        "instructions.nl: instructions must be a non-empty list",
        "related[0]: '/gesprekken/x.md' is not a page path",
        "sections[0].fields[0].min: a scale field has no 'min'",
        "example.values.risico: a scale value must be a whole number from 1 to 5, got 9",
        "example.values.soorten[0]: 'tijd' is not an item of checklist 'soorten'",
        "example.values.onbekend: 'onbekend' is not a field",
    ]:
        assert part in messages, part


def test_example_table_rows_must_match_the_columns():
    data = sheet()
    data["example"]["values"]["tabel"]["nl"].append(["alleen één cel"])
    messages = [str(e) for e in validate(data, file="proefblad.yml")]
    assert any("example.values.tabel.nl[2]: row has 1 cells but the table has 2 columns" in m for m in messages)


def _project(tmp_path: pathlib.Path, source: pathlib.Path, pages: list[str]) -> pathlib.Path:
    (tmp_path / "worksheets").mkdir()
    (tmp_path / "worksheets" / source.name).write_bytes(source.read_bytes())
    for lang in ("nl", "en"):
        for page in pages:
            target = tmp_path / "docs" / lang / page
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("# Page\n", encoding="utf-8")
    return tmp_path


def test_related_page_that_does_not_exist_names_file_and_field(tmp_path):
    root = _project(tmp_path, INVALID / "related-missing.yml", ["gesprekken/bestaat.md"])
    with pytest.raises(WorksheetErrors) as caught:
        load_sources(root, docs_dir=root / "docs")
    messages = [str(e) for e in caught.value.errors]
    assert len(messages) == 1
    assert messages[0].startswith("worksheets/related-missing.yml:10: related[1]: page 'gesprekken/bestaat-niet.md'")
    assert "docs/nl, docs/en" in messages[0]


def test_related_pages_that_exist_pass(tmp_path):
    root = _project(tmp_path, INVALID / "related-missing.yml", ["gesprekken/bestaat.md", "gesprekken/bestaat-niet.md"])
    assert [s.id for s in load_sources(root, docs_dir=root / "docs")] == ["related-missing"]
