"""Guides and case stories as sources: the front matter of every page in docs/<lang>/gesprekken/
and docs/<lang>/praktijk/, read and validated.

- read_page / section_parts / timed_steps: a page's front matter (strict: frontmatter.py) and the
  ### parts of a section, the one parser of a guide's steps (the planner reads them too).
- validate_guide / validate_story: the fact-box front matter (schema in AUTHORING.md), the timed
  steps of a guide adding up to its duration. Each problem names the file, the field and the fix.
- validate_situations: every situation of data/taxonomy.yml starts with a guide tagged with it.
- check_twin_facts: duration, phase, sector, … are equal in a page and its twin.
- check_all: all of the above for every page, and the glossary (the CLI, __main__.py).

What pages show of this front matter is generated in render.py, next to this module.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import pathlib
import re

from hooks.build.common import DEFAULT_LANGUAGE, DOCS, LANGUAGES, SourceError, taxonomy, where_is
from hooks.content import frontmatter, glossary

GUIDE_FIELDS = {
    "situation": str,
    "goal": str,
    "participants": str,
    "lead": str,
    "duration": int,
    "phase": str,
    "worksheets": list,
    "situations": list,
    "related": list,
}
STORY_FIELDS = {
    "sector": str,
    "partners": str,
    "scale": str,
    "duration": str,
    "outcome": str,
    "phases": list,
    "guides": list,
    "worksheets": list,
}
# Facts that are the same in every language: they must be equal in a page and its twin.
TWIN_FACTS = {
    "gesprekken": ("guide", ("duration", "phase", "worksheets", "situations", "related")),
    "praktijk": ("story", ("sector", "outcome", "phases", "guides", "worksheets")),
}
STEP = re.compile(r"^###\s+(?P<title>.*?)\s*\((?P<min>\d+)\s*min\)\s*(\{[^}]*\})?\s*$")
PART_ID = re.compile(r"\{\s*#([\w-]+)[^}]*\}\s*$")


# ---- Reading pages ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def _read(path: str, mtime: float) -> tuple[str, dict]:
    with open(path, encoding="utf-8") as fh:
        return frontmatter.split(fh.read(), where_is(pathlib.Path(path)))


def read_page(path: pathlib.Path) -> tuple[str, dict]:
    """Markdown body and front matter of a page (strict: hooks/content/frontmatter.py; cached per
    modification time). Raises SourceError when the front matter cannot be read."""
    return _read(str(path), path.stat().st_mtime)


def _suggest(value: str, options) -> str:
    close = difflib.get_close_matches(str(value), list(options), n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


# ---- Validation ---------------------------------------------------------------------------------


def _check_fields(where: str, block_name: str, block, fields: dict) -> list[str]:
    if not isinstance(block, dict):
        return [f"{where}: front matter needs a '{block_name}:' block with {', '.join(fields)} (see AUTHORING.md)."]
    problems = []
    for key, kind in fields.items():
        if key not in block:
            problems.append(f"{where}: {block_name}.{key} is missing. Add it (see AUTHORING.md).")
        elif not isinstance(block[key], kind) or (kind is str and not block[key].strip()):
            problems.append(
                f"{where}: {block_name}.{key} must be a {'list' if kind is list else kind.__name__}, "
                f"not {block[key]!r}."
            )
    for key in block:
        if key not in fields:
            problems.append(
                f"{where}: {block_name}.{key} is not a known field.{_suggest(key, fields)} Known: {', '.join(fields)}."
            )
    return problems


def _check_slugs(where: str, field: str, values, known, what: str) -> list[str]:
    if not isinstance(values, list):
        return []
    return [
        f"{where}: {field} names {what} '{v}', which does not exist.{_suggest(v, known)}"
        for v in values
        if v not in known
    ]


@dataclasses.dataclass(frozen=True)
class Part:
    """One ### part of a ## section: a timed step of 'verloop', a situation of 'anders'."""

    heading: str  # as written after '### ': 'Pauze (10 min) {#pauze}'
    title: str  # without the '(N min)' and the '{#id}': 'Pauze'
    minutes: int  # -1 when the heading has no '(N min)'
    id: str  # '' when the heading has no '{#id}'
    body: str  # the Markdown below the heading, up to the next ## or ### heading


def section_parts(markdown: str, section: str) -> list[Part]:
    """The ### parts of the ## section with id `section`, in order (the one parser of guide steps)."""
    parts, inside, current = [], False, None
    for line in [*markdown.splitlines(), "## end"]:
        if line.startswith(("## ", "### ")) and current is not None:
            parts.append(Part(*current[:4], "\n".join(current[4]).strip()))
            current = None
        if line.startswith("## "):
            inside = f"{{#{section}}}" in line.replace(" ", "")
        elif inside and line.startswith("### "):
            heading = line[4:].strip()
            match, ident = STEP.match(line.strip()), PART_ID.search(heading)
            title = match["title"] if match else PART_ID.sub("", heading).strip()
            current = (heading, title, int(match["min"]) if match else -1, ident[1] if ident else "", [])
        elif current is not None:
            current[4].append(line)
    return parts


def timed_steps(markdown: str) -> list[tuple[str, int]]:
    """The (title, minutes) of each ### step in the section with id 'verloop'."""
    return [(part.heading, part.minutes) for part in section_parts(markdown, "verloop")]


def _front_matter(path: pathlib.Path, meta: dict, name: str, fields: dict) -> tuple[str, dict | None, list[str]]:
    """The common part of a guide's or story's check: title, description and the fields of its block."""
    where, block = where_is(path), meta.get(name)
    problems = [f"{where}: front matter needs '{k}:'." for k in ("title", "description") if not meta.get(k)]
    problems += _check_fields(where, name, block, fields)
    return where, block if isinstance(block, dict) else None, problems


def validate_guide(path: pathlib.Path, markdown: str, meta: dict) -> list[str]:
    tax = taxonomy()
    where, block, problems = _front_matter(path, meta, "guide", GUIDE_FIELDS)
    if block is None:
        return problems
    phases = [p["slug"] for p in tax["phases"]]
    if isinstance(block.get("phase"), str) and block["phase"] not in phases:
        problems.append(f"{where}: guide.phase '{block['phase']}' is not a phase.{_suggest(block['phase'], phases)}")
    problems += _check_slugs(
        where, "guide.worksheets", block.get("worksheets"), [w["id"] for w in tax["worksheets"]], "worksheet"
    )
    problems += _check_slugs(
        where, "guide.situations", block.get("situations"), [s["slug"] for s in tax["situations"]], "situation"
    )
    problems += _check_slugs(where, "guide.related", block.get("related"), tax["guides"], "guide")
    steps = timed_steps(markdown)
    if not steps:
        problems.append(
            f"{where}: no timed steps found. Under '## … {{#verloop}}', write each step as '### Title (N min) {{#id}}'."
        )
    for title, minutes in steps:
        if minutes < 0:
            problems.append(f"{where}: step '### {title}' has no time. End the heading with '(N min) {{#id}}'.")
    total = sum(m for _, m in steps if m > 0)
    if steps and isinstance(block.get("duration"), int) and total != block["duration"]:
        problems.append(
            f"{where}: the steps under #verloop add up to {total} min, but guide.duration is "
            f"{block['duration']}. Make them equal."
        )
    return problems


def validate_story(path: pathlib.Path, meta: dict) -> list[str]:
    tax = taxonomy()
    where, block, problems = _front_matter(path, meta, "story", STORY_FIELDS)
    if block is None:
        return problems
    for field, key in (("sector", "sectors"), ("outcome", "outcomes")):
        known = [s["slug"] for s in tax[key]]
        if isinstance(block.get(field), str) and block[field] not in known:
            problems.append(
                f"{where}: story.{field} '{block[field]}' is unknown.{_suggest(block[field], known)} "
                f"Known: {', '.join(known)}."
            )
    problems += _check_slugs(where, "story.phases", block.get("phases"), [p["slug"] for p in tax["phases"]], "phase")
    problems += _check_slugs(where, "story.guides", block.get("guides"), tax["guides"], "guide")
    problems += _check_slugs(
        where, "story.worksheets", block.get("worksheets"), [w["id"] for w in tax["worksheets"]], "worksheet"
    )
    return problems


def validate_situations() -> list[str]:
    """Each situation in data/taxonomy.yml names a start guide that exists and is tagged with that
    situation in both languages, and a one-line reason in both languages."""
    tax, where = taxonomy(), "data/taxonomy.yml"
    problems = []
    for i, sit in enumerate(tax["situations"]):
        field, start = f"{where}: situations[{i}] ('{sit.get('slug')}')", sit.get("start")
        reason = sit.get("reason") if isinstance(sit.get("reason"), dict) else {}
        problems += [
            f"{field}.reason.{lang} is missing: one line on why this guide comes first."
            for lang in LANGUAGES
            if not str(reason.get(lang) or "").strip()
        ]
        if start not in tax["guides"]:
            problems.append(
                f"{field}.start names guide '{start}', which is not in guides:.{_suggest(start, tax['guides'])} "
                "Name the guide to read first in this situation."
            )
            continue
        for lang in LANGUAGES:
            path = DOCS / lang / "gesprekken" / f"{start}.md"
            guide = read_page(path)[1].get("guide") if path.exists() else None
            if isinstance(guide, dict) and sit.get("slug") not in (guide.get("situations") or []):
                problems.append(
                    f"{field}.start: '{start}' is not tagged with this situation in {where_is(path)}. "
                    f"Add '{sit.get('slug')}' to its guide.situations, or start with a guide that has it."
                )
    return problems


def check_twin_facts(docs: pathlib.Path = DOCS) -> list[str]:
    """Language-independent fields of guides and stories that differ between a page and its twin."""
    problems = []
    names = {"nl": "Dutch", "en": "English"}
    for folder, (block, fields) in TWIN_FACTS.items():
        for source in sorted((docs / DEFAULT_LANGUAGE / folder).glob("*.md")):
            if source.name == "index.md":
                continue
            for lang in LANGUAGES:
                twin = docs / lang / folder / source.name
                if lang == DEFAULT_LANGUAGE or not twin.exists():
                    continue  # a missing twin is reported by the twins check
                mine, theirs = read_page(source)[1].get(block), read_page(twin)[1].get(block)
                if not isinstance(mine, dict) or not isinstance(theirs, dict):
                    continue  # reported by validate_guide / validate_story
                for field in fields:
                    if field in mine and field in theirs and mine[field] != theirs[field]:
                        problems.append(
                            f"{where_is(source)} and {where_is(twin)} differ in {block}.{field} "
                            f"({mine[field]!r} in {names[DEFAULT_LANGUAGE]}, {theirs[field]!r} in "
                            f"{names.get(lang, lang)}). Make them equal: this fact is the same in every language."
                        )
    return problems


def check_all() -> list[str]:
    """Validate the front matter of every page, every guide, story and the glossary, in both languages."""
    problems = frontmatter.check_tree(DOCS)
    if problems:  # everything below reads the same front matter
        return problems
    try:
        for lang in LANGUAGES:
            for path in sorted((DOCS / lang / "gesprekken").glob("*.md")):
                if path.name != "index.md":
                    body, meta = read_page(path)
                    problems += validate_guide(path, body, meta)
            for path in sorted((DOCS / lang / "praktijk").glob("*.md")):
                if path.name != "index.md":
                    problems += validate_story(path, read_page(path)[1])
        problems += check_twin_facts()
        problems += validate_situations()
    except SourceError as exc:
        problems += str(exc).splitlines()
    try:
        glossary.glossary()
    except SourceError as exc:
        problems += str(exc).splitlines()
    return problems
