"""The schema of a worksheet source (worksheets/<id>.yml, described in AUTHORING.md): its keys and
field types, and `validate(data)`, which checks parsed data against every rule and returns *all*
problems as SheetErrors. Each problem names the file, the field path
(`sections[2].fields[0].columns`), the YAML line and the fix.

Reading a source from disk (YAML with line numbers, the taxonomy, related pages) is source.py;
which characters a text may hold is characters.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import LANGUAGES, characters

FIELD_TYPES = ("text", "longtext", "table", "checklist", "scale")
SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
SCALE_POINTS = 5

TOP_KEYS = {
    "id": True,
    "version": True,
    "files": True,
    "title": True,
    "purpose": True,
    "when": True,
    "instructions": True,
    "related": True,
    "sections": True,
    "example": True,
}
SECTION_KEYS = {"id", "title", "intro", "fields"}
FIELD_KEYS = {
    "text": {"id", "type", "label", "help"},
    "longtext": {"id", "type", "label", "help", "lines"},
    "table": {"id", "type", "label", "help", "rows", "columns"},
    "checklist": {"id", "type", "label", "help", "items"},
    "scale": {"id", "type", "label", "help", "min", "max"},
}

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class SheetError:
    """One problem in one worksheet source."""

    file: str
    path: str
    message: str
    fix: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field_part = f" {self.path}:" if self.path else ""
        return f"{where}:{field_part} {self.message}. Fix: {self.fix}"


def format_path(path: Path_) -> str:
    """('sections', 2, 'fields', 0, 'columns') -> 'sections[2].fields[0].columns'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


# --- the checker -------------------------------------------------------------------------------


class _Checker:
    def __init__(self, file: str, lines: dict[Path_, int]):
        self.file = file
        self.lines = lines
        self.errors: list[SheetError] = []
        self.field_types: dict[str, dict[str, Any]] = {}

    def error(self, path: Path_, message: str, fix: str) -> None:
        line = None
        probe = path
        while probe and probe not in self.lines:
            probe = probe[:-1]
        line = self.lines.get(probe)
        self.errors.append(SheetError(self.file, format_path(path), message, fix, line))

    # generic shapes

    def mapping(self, value: Any, path: Path_, what: str) -> bool:
        if not isinstance(value, dict):
            self.error(
                path, f"{what} must be a mapping (key: value), got {_kind(value)}", "write it as `key: value` lines"
            )
            return False
        return True

    def keys(self, value: dict, path: Path_, allowed: set[str], required: set[str], what: str) -> None:
        for key in value:
            if key not in allowed:
                self.error(
                    (*path, key),
                    f"unknown key '{key}' in {what}",
                    f"remove it or use one of: {', '.join(sorted(allowed))}",
                )
        for key in sorted(required):
            if key not in value:
                self.error(
                    (*path, key), f"{what} has no '{key}'", f"add `{key}:` (see AUTHORING.md, section Worksheets)"
                )

    def text(self, value: Any, path: Path_) -> None:
        """A text in both languages: {nl: '…', en: '…'}."""
        if not isinstance(value, dict):
            self.error(path, f"expected a text in both languages, got {_kind(value)}", "write it as `{nl: …, en: …}`")
            return
        for lang in LANGUAGES:
            if lang not in value:
                self.error(
                    (*path, lang), f"missing language '{lang}'", f"add `{lang}: …` with the {_lang_name(lang)} text"
                )
            elif not isinstance(value[lang], str) or not value[lang].strip():
                self.error((*path, lang), f"the '{lang}' text is empty or not text", "write the text as a string")
        for lang in value:
            if lang not in LANGUAGES:
                self.error((*path, lang), f"unknown language '{lang}'", f"use only {', '.join(LANGUAGES)}")

    def slug(self, value: Any, path: Path_, what: str) -> bool:
        if not isinstance(value, str) or not SLUG.match(value):
            self.error(
                path, f"{what} '{value}' is not a slug", "use lower-case letters, digits and hyphens, e.g. `mijn-veld`"
            )
            return False
        return True

    def count(self, value: Any, path: Path_, low: int, high: int, what: str) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.error(
                path,
                f"{what} must be a whole number from {low} to {high}, got {value!r}",
                f"write a number from {low} to {high}",
            )

    # the sheet

    def sheet(self, data: Any, stem: str, taxonomy: dict[str, str] | None) -> None:
        if not self.mapping(data, (), "the worksheet"):
            return
        self.keys(data, (), set(TOP_KEYS), {k for k, req in TOP_KEYS.items() if req}, "the worksheet")
        if "id" in data and self.slug(data["id"], ("id",), "id") and data["id"] != stem:
            self.error(
                ("id",),
                f"id '{data['id']}' differs from the file name '{stem}.yml'",
                f"set `id: {stem}` or rename the file",
            )
        if taxonomy is not None and data.get("id") == stem and stem not in taxonomy:
            self.error(
                ("id",),
                f"'{stem}' is not a worksheet in data/taxonomy.yml",
                "add it to `worksheets:` there or use a listed id",
            )
        if "version" in data:
            self.count(data["version"], ("version",), 1, 999, "version")
        if "files" in data and self.mapping(data["files"], ("files",), "files"):
            for lang in LANGUAGES:
                if lang not in data["files"]:
                    self.error(
                        ("files", lang),
                        f"missing language '{lang}'",
                        f"add `{lang}: <download name without extension>`",
                    )
                else:
                    self.slug(data["files"][lang], ("files", lang), "download name")
            want = (taxonomy or {}).get(stem)
            if want and data["files"].get("en") not in (None, want):
                self.error(
                    ("files", "en"),
                    f"English download name differs from data/taxonomy.yml ('{want}')",
                    f"set `en: {want}`",
                )
        for key in ("title", "purpose", "when"):
            if key in data:
                self.text(data[key], (key,))
        if "instructions" in data:
            self.instructions(data["instructions"])
        if "related" in data:
            self.related(data["related"])
        if "sections" in data:
            self.sections(data["sections"])
        if "example" in data:
            self.example(data["example"])
        self.characters(data, ())

    def characters(self, value: Any, path: Path_) -> None:
        """Every text goes into the PDF and the DOCX: only characters they can hold and print
        (characters.py)."""
        if isinstance(value, dict):
            for key, item in value.items():
                self.characters(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.characters(item, (*path, index))
        elif isinstance(value, str):
            for message, fix in characters.problems(value):
                self.error(path, message, fix)

    def instructions(self, value: Any) -> None:
        path = ("instructions",)
        if not self.mapping(value, path, "instructions"):
            return
        for lang in LANGUAGES:
            steps = value.get(lang)
            if steps is None:
                self.error((*path, lang), f"missing language '{lang}'", f"add `{lang}: [step, step]`")
            elif not isinstance(steps, list) or not steps or not all(isinstance(s, str) and s.strip() for s in steps):
                self.error((*path, lang), "instructions must be a non-empty list of texts", "write `- step` lines")

    def related(self, value: Any) -> None:
        if not isinstance(value, list):
            self.error(
                ("related",), "related must be a list of page paths", "write `- gesprekken/kerngesprek.md` lines"
            )
            return
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.endswith(".md") or item.startswith(("/", "..")) or "://" in item:
                self.error(
                    ("related", i),
                    f"'{item}' is not a page path relative to the language root",
                    "write a path like `gesprekken/kerngesprek.md` (no leading / or ..)",
                )

    def sections(self, value: Any) -> None:
        if not isinstance(value, list) or not value:
            self.error(
                ("sections",),
                "sections must be a non-empty list",
                "add at least one section with `id`, `title`, `fields`",
            )
            return
        section_ids: set[str] = set()
        for i, section in enumerate(value):
            path: Path_ = ("sections", i)
            if not self.mapping(section, path, "a section"):
                continue
            self.keys(section, path, SECTION_KEYS, {"id", "title", "fields"}, "a section")
            if "id" in section and self.slug(section["id"], (*path, "id"), "section id"):
                if section["id"] in section_ids:
                    self.error(
                        (*path, "id"), f"duplicate section id '{section['id']}'", "give every section its own id"
                    )
                section_ids.add(section["id"])
            if "title" in section:
                self.text(section["title"], (*path, "title"))
            if "intro" in section:
                self.text(section["intro"], (*path, "intro"))
            fields = section.get("fields")
            if "fields" in section and (not isinstance(fields, list) or not fields):
                self.error((*path, "fields"), "fields must be a non-empty list", "add at least one field")
            elif isinstance(fields, list):
                for j, item in enumerate(fields):
                    self.field(item, (*path, "fields", j))

    def field(self, value: Any, path: Path_) -> None:
        if not self.mapping(value, path, "a field"):
            return
        kind = value.get("type")
        if kind not in FIELD_TYPES:
            self.error((*path, "type"), f"unknown field type {kind!r}", f"use one of: {', '.join(FIELD_TYPES)}")
            return
        self.keys(value, path, FIELD_KEYS[kind], {"id", "type", "label"}, f"a {kind} field")
        if "id" in value and self.slug(value["id"], (*path, "id"), "field id"):
            if value["id"] in self.field_types:
                self.error(
                    (*path, "id"),
                    f"duplicate field id '{value['id']}'",
                    "field ids must be unique in the whole worksheet",
                )
            else:
                self.field_types[value["id"]] = value
        for key in ("label", "help", "min", "max"):
            if key in value:
                self.text(value[key], (*path, key))
        if kind == "longtext" and "lines" in value:
            self.count(value["lines"], (*path, "lines"), 1, 30, "lines")
        if kind == "scale":
            for key in ("min", "max"):
                if key not in value:
                    self.error(
                        (*path, key),
                        f"a scale field has no '{key}'",
                        f"add `{key}: {{nl: …, en: …}}` (the meaning of {1 if key == 'min' else SCALE_POINTS})",
                    )
        if kind == "table":
            if "rows" in value:
                self.count(value["rows"], (*path, "rows"), 1, 40, "rows")
            self.items(value.get("columns"), (*path, "columns"), "column", "a table needs columns", width=True)
        if kind == "checklist":
            self.items(value.get("items"), (*path, "items"), "item", "a checklist needs items", width=False)

    def items(self, value: Any, path: Path_, what: str, missing: str, *, width: bool) -> None:
        if not isinstance(value, list) or not value:
            self.error(path, missing, f"add `{path[-1]}:` with at least one `{{id: …, label: {{nl: …, en: …}}}}`")
            return
        seen: set[str] = set()
        allowed = {"id", "label", "width"} if width else {"id", "label"}
        for k, item in enumerate(value):
            item_path = (*path, k)
            if not self.mapping(item, item_path, f"a {what}"):
                continue
            self.keys(item, item_path, allowed, {"id", "label"}, f"a {what}")
            if "id" in item and self.slug(item["id"], (*item_path, "id"), f"{what} id"):
                if item["id"] in seen:
                    self.error(
                        (*item_path, "id"), f"duplicate {what} id '{item['id']}'", f"give every {what} its own id"
                    )
                seen.add(item["id"])
            if "label" in item:
                self.text(item["label"], (*item_path, "label"))
            if "width" in item and (
                not isinstance(item["width"], (int, float)) or isinstance(item["width"], bool) or item["width"] <= 0
            ):
                self.error(
                    (*item_path, "width"), "width must be a positive number", "write a relative width such as 1 or 2"
                )

    def example(self, value: Any) -> None:
        path: Path_ = ("example",)
        if not self.mapping(value, path, "example"):
            return
        self.keys(value, path, {"intro", "values"}, {"intro", "values"}, "example")
        if "intro" in value:
            self.text(value["intro"], (*path, "intro"))
        values = value.get("values")
        if "values" not in value or not self.mapping(values, (*path, "values"), "example.values"):
            return
        for key, item in values.items():
            self.example_value(str(key), item, (*path, "values", key))

    def example_value(self, key: str, item: Any, path: Path_) -> None:
        spec = self.field_types.get(key)
        if spec is None:
            self.error(
                path,
                f"'{key}' is not a field of this worksheet",
                f"use one of: {', '.join(self.field_types) or '(no fields)'}",
            )
            return
        kind = spec["type"]
        if kind in ("text", "longtext"):
            self.text(item, path)
        elif kind == "scale":
            self.count(item, path, 1, SCALE_POINTS, "a scale value")
        elif kind == "checklist":
            known = {i.get("id") for i in spec.get("items") or [] if isinstance(i, dict)}
            if not isinstance(item, list):
                self.error(path, "a checklist value must be a list of item ids", "write `[id, id]`")
                return
            for k, checked in enumerate(item):
                if checked not in known:
                    self.error(
                        (*path, k),
                        f"'{checked}' is not an item of checklist '{key}'",
                        f"use one of: {', '.join(sorted(map(str, known)))}",
                    )
        elif kind == "table":
            columns = spec.get("columns") or []
            if not self.mapping(item, path, "a table value"):
                return
            for lang in LANGUAGES:
                rows = item.get(lang)
                if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                    self.error(
                        (*path, lang),
                        f"missing or malformed '{lang}' rows",
                        f"write `{lang}: [[cell, cell], [cell, cell]]`",
                    )
                    continue
                for r, row in enumerate(rows):
                    if len(row) != len(columns):
                        self.error(
                            (*path, lang, r),
                            f"row has {len(row)} cells but the table has {len(columns)} columns",
                            f"give each row exactly {len(columns)} cells (use '' for an empty one)",
                        )
                    for c, cell in enumerate(row):
                        if not isinstance(cell, (str, int, float)) or isinstance(cell, bool):
                            self.error((*path, lang, r, c), "a cell must be text or a number", "quote the cell text")


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}.get(
        type(value), type(value).__name__
    )


def _lang_name(lang: str) -> str:
    return {"nl": "Dutch", "en": "English"}.get(lang, lang)


# --- public API --------------------------------------------------------------------------------


def validate(
    data: Any, *, file: str, lines: dict[Path_, int] | None = None, taxonomy: dict[str, str] | None = None
) -> list[SheetError]:
    """Check parsed data against the schema; return every problem (empty list: valid)."""
    checker = _Checker(file, lines or {})
    checker.sheet(data, Path(file).stem, taxonomy)
    return checker.errors
