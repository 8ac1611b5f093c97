"""The schemas of data/taxonomy.yml and data/begrippen.yml, checked with the line of each field.

`checked(path, check)` reads a data file with the strict loader and runs `check(data, report)`;
`report(path_in_file, message, fix)` collects a problem, and all problems of the file come out at
once as one SourceError: 'data/begrippen.yml:12: entry 'achterban': nl.definition must be a text,
not 5. Fix: …'. The result is kept per version of the file.
"""

from __future__ import annotations

import functools
import pathlib
import re
from collections.abc import Callable
from typing import Any

from hooks.build import strict_yaml
from hooks.build.common import LANGUAGES, SourceError, where_is

SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
SLUG_FIX = "use lower-case letters, digits and hyphens (slugs appear in addresses and #anchors)"

Report = Callable[[tuple, str, str], None]


def checked(path: pathlib.Path, check: Callable[[Any, Report], None]) -> Any:
    """The data of a YAML data file that passed `check`; SourceError listing every problem."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise SourceError(f"{where_is(path)} is missing.") from None
    return _checked(str(path), check, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _checked(path: str, check, mtime: int, size: int) -> Any:
    where = where_is(pathlib.Path(path))
    try:
        with open(path, encoding="utf-8") as fh:
            data, node = strict_yaml.parse(fh.read(), source=where)
    except strict_yaml.StrictYAMLError as exc:
        raise SourceError(str(exc)) from None
    lines = strict_yaml.line_map(node)
    problems: list[str] = []

    def report(at: tuple, message: str, fix: str) -> None:
        probe = at
        while probe and probe not in lines:
            probe = probe[:-1]
        line = f":{lines[probe]}" if probe in lines else ""
        problems.append(f"{where}{line}: {message}. Fix: {fix}.")

    check(data, report)
    if problems:
        raise SourceError("\n".join(problems))
    return data


def is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


# ---- data/taxonomy.yml ----


LABELLED = ("phases", "situations", "sectors", "outcomes")


def check_taxonomy(data: Any, report: Report) -> None:
    """phases, situations, sectors, outcomes: lists of {slug, nl, en} (phases also a number);
    guides: a list of slugs; worksheets: a list of {id, en} with two slugs."""
    if not isinstance(data, dict):
        report(
            (),
            "must be a mapping with phases:, guides:, worksheets:, situations:, sectors:, outcomes:",
            "see the comments at the top",
        )
        return
    for key in (*LABELLED, "guides", "worksheets"):
        items = data.get(key)
        if not isinstance(items, list) or not items:
            report((key,), f"'{key}' must be a non-empty list", f"add `{key}:` with its items")
            continue
        for i, item in enumerate(items):
            if key == "guides":
                if not isinstance(item, str) or not SLUG.match(item):
                    report((key, i), f"{key}[{i}]: '{item}' is not a slug", SLUG_FIX)
                continue
            fields = (
                {"id": "slug", "en": "slug"} if key == "worksheets" else {"slug": "slug", "nl": "text", "en": "text"}
            )
            if key == "phases":
                fields["number"] = "number"
            if not isinstance(item, dict):
                report((key, i), f"{key}[{i}]: must be a mapping {{{', '.join(fields)}}}", "write it like the others")
                continue
            for field, kind in fields.items():
                value, at = item.get(field), (key, i, field)
                if field not in item:
                    report((key, i), f"{key}[{i}].{field}: is missing", f"add `{field}: …`")
                elif kind == "slug" and (not isinstance(value, str) or not SLUG.match(value)):
                    report(at, f"{key}[{i}].{field}: '{value}' is not a slug", SLUG_FIX)
                elif kind == "text" and not is_text(value):
                    report(at, f"{key}[{i}].{field}: must be a text, not {value!r}", f"write `{field}: …` as text")
                elif kind == "number" and (not isinstance(value, int) or isinstance(value, bool)):
                    report(at, f"{key}[{i}].{field}: must be a whole number, not {value!r}", "write the phase number")


# ---- data/begrippen.yml ----


ENTRY_KEYS = {"id", *LANGUAGES, "tooltip", "institution"}
TEXT_KEYS = {"term": True, "definition": True, "confuse": False}  # field: required


def check_glossary(data: Any, report: Report) -> None:
    """A list of entries {id, nl: {term, definition, confuse?}, en: {…}, tooltip?: {nl: [forms], en: [forms]}}."""
    if not isinstance(data, list):
        report((), "must be a list of entries", "see AUTHORING.md, 'Glossary'")
        return
    ids: dict[str, int] = {}
    for i, entry in enumerate(data):
        if not isinstance(entry, dict):
            report((i,), f"entry {i + 1} must be a mapping (id:, nl:, en:, tooltip:)", "see AUTHORING.md, 'Glossary'")
            continue
        name = entry.get("id") if isinstance(entry.get("id"), str) else f"number {i + 1}"
        where = f"entry '{name}'"
        if not isinstance(entry.get("id"), str) or not SLUG.match(entry["id"]):
            report((i, "id"), f"{where}: id '{entry.get('id')}' is not a slug", SLUG_FIX)
        elif entry["id"] in ids:
            report((i, "id"), f"{where}: id '{entry['id']}' is used twice", "give each entry its own id")
        else:
            ids[entry["id"]] = i
        for key in entry:
            if key not in ENTRY_KEYS:
                report((i, key), f"{where}: '{key}' is not a known field", f"use {', '.join(sorted(ENTRY_KEYS))}")
        for lang in LANGUAGES:
            block = entry.get(lang)
            if not isinstance(block, dict):
                report(
                    (i, lang),
                    f"{where}: '{lang}' needs 'term' and 'definition'",
                    f"add `{lang}: {{term: …, definition: …}}`",
                )
                continue
            for field, required in TEXT_KEYS.items():
                if field not in block:
                    if required:
                        report((i, lang), f"{where}: {lang}.{field} is missing", f"add `{field}: …`")
                elif not is_text(block[field]):
                    report(
                        (i, lang, field),
                        f"{where}: {lang}.{field} must be a text, not {block[field]!r}",
                        f'write `{field}: "…"` as text',
                    )
            for field in block:
                if field not in TEXT_KEYS:
                    report(
                        (i, lang, field), f"{where}: {lang}.{field} is not a known field", f"use {', '.join(TEXT_KEYS)}"
                    )
        tooltip = entry.get("tooltip", {})
        if not isinstance(tooltip, dict):
            report(
                (i, "tooltip"),
                f"{where}: 'tooltip' must map nl/en to lists of word forms",
                "write `tooltip: {nl: [form, form], en: [form]}`",
            )
            continue
        for lang, forms in tooltip.items():
            if lang not in LANGUAGES or not isinstance(forms, list) or not all(is_text(f) for f in forms):
                report(
                    (i, "tooltip", lang),
                    f"{where}: tooltip.{lang} must be a list of word forms (texts) for nl or en, not {forms!r}",
                    f"write `{lang}: [form, form]`",
                )
        if entry.get("institution") and not tooltip.get("en"):
            report(
                (i, "tooltip"),
                f"{where}: an institution needs 'tooltip.en' forms",
                "list the Dutch word and the English words the pages use for it, so English readers see it explained",
            )
