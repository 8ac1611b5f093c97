"""Structured content: front matter of guides and case stories, and what is generated from it.

- validate_guide / validate_story: the fact-box front matter (schema in AUTHORING.md), the timed
  steps of a guide adding up to its duration. Each problem names the file, the field and the fix.
- render_*: Markdown generated into pages (fact boxes, related guides, the composite notice,
  the guides / stories / worksheets / glossary indexes, glossary tooltips). Generated Markdown
  uses relative .md links, so MkDocs' own validation checks every one of them. Every value from
  front matter or data/*.yml is text, escaped for where it lands (hooks/build/escape.py).
- check_twin_facts: duration, phase, sector, … are equal in a page and its twin.

CLI: `python -m hooks.content.guides check` validates every guide, story and the glossary without a build.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import pathlib
import re
import sys

from hooks.build.common import (
    DEFAULT_LANGUAGE,
    DOCS,
    LANGUAGES,
    REPO,
    SourceError,
    check_cli,
    load_yaml,
    rel_link,
    sort_key,
    taxonomy,
    where_is,
)
from hooks.build.escape import md_cell, md_text
from hooks.content import frontmatter, glossary
from hooks.content.citations import cite_text

LABELS = {
    "nl": {
        "situation": "Situatie",
        "goal": "Doel",
        "participants": "Wie",
        "lead": "Leiding",
        "duration": "Tijd",
        "phase": "Fase",
        "worksheets": "Werkbladen",
        "minutes": "min",
        "related": "Verwante gesprekken",
        "sector": "Sector",
        "partners": "Partners",
        "scale": "Schaal",
        "period": "Duur",
        "outcome": "Uitkomst",
        "phases": "Fasen",
        "guides": "Gesprekken",
        "story": "Verhaal",
        "composite": (
            "Dit is een samengesteld verhaal. We hebben het gemaakt uit situaties die vaak voorkomen. "
            "Organisaties, personen en uitspraken zijn verzonnen. Lijkt het op een echte samenwerking? "
            "Dan is dat toeval."
        ),
        "worksheet": "Werkblad",
        "purpose": "Waarvoor",
        "none": "nog geen",
        "start": "Begin hier",
    },
    "en": {
        "situation": "Situation",
        "goal": "Goal",
        "participants": "Who",
        "lead": "Led by",
        "duration": "Time",
        "phase": "Phase",
        "worksheets": "Worksheets",
        "minutes": "min",
        "related": "Related guides",
        "sector": "Sector",
        "partners": "Partners",
        "scale": "Scale",
        "period": "Duration",
        "outcome": "Outcome",
        "phases": "Phases",
        "guides": "Guides",
        "story": "Story",
        "composite": (
            "This is a composite story. We built it from situations that occur often. "
            "Organisations, people and statements are invented. "
            "Any resemblance to a real partnership is coincidental."
        ),
        "worksheet": "Worksheet",
        "purpose": "What for",
        "none": "none yet",
        "start": "Start here",
    },
}

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


# ---- Rendering ----------------------------------------------------------------------------------


def _title(lang: str, rel: str) -> str:
    path = DOCS / lang / rel
    if not path.exists():
        return rel
    _, meta = read_page(path)
    return str(meta.get("title") or rel)


def _phase(lang: str, slug: str) -> dict:
    return next(p for p in taxonomy()["phases"] if p["slug"] == slug)


def _links(lang: str, here: str, targets: list[str]) -> str:
    return ", ".join(f"[{md_text(_title(lang, t))}]({rel_link(here, t)})" for t in targets) or LABELS[lang]["none"]


def _text(value: str, here: str) -> str:
    """A text field as Markdown that shows it literally, citations linked to the sources page."""
    return cite_text(str(value), here, md_text)


def _phase_link(lang: str, here: str, phase: dict) -> str:
    return f"[{phase['number']}. {md_text(phase[lang])}]({rel_link(here, 'methode/' + phase['slug'] + '.md')})"


def _factbox(rows: list[tuple[str, str]]) -> str:
    body = "\n\n".join(f"{label}\n:   {value}" for label, value in rows)
    return f'<div class="factbox" markdown>\n\n{body}\n\n</div>\n'


def render_guide_factbox(lang: str, here: str, meta: dict) -> str:
    g, t = meta["guide"], LABELS[lang]
    phase = _phase(lang, g["phase"])
    rows = [
        (t["situation"], _text(g["situation"], here)),
        (t["goal"], _text(g["goal"], here)),
        (t["participants"], _text(g["participants"], here)),
        (t["lead"], _text(g["lead"], here)),
        (t["duration"], f"{g['duration']} {t['minutes']}"),
        (t["phase"], _phase_link(lang, here, phase)),
        (t["worksheets"], _links(lang, here, [f"werkbladen/{w}.md" for w in g["worksheets"]])),
    ]
    return _factbox(rows)


def render_related(lang: str, here: str, meta: dict) -> str:
    pages = [f"gesprekken/{slug}.md" for slug in meta["guide"]["related"]]
    items = "\n".join(f"- [{md_text(_title(lang, p))}]({rel_link(here, p)})" for p in pages)
    return f"\n\n## {LABELS[lang]['related']} {{#verwant}}\n\n{items}\n" if items else ""


def _label(lang: str, key: str, slug: str) -> str:
    return next((x[lang] for x in taxonomy()[key] if x["slug"] == slug), slug)


def render_story_header(lang: str, here: str, meta: dict) -> str:
    s, t = meta["story"], LABELS[lang]
    phases = ", ".join(_phase_link(lang, here, _phase(lang, p)) for p in s["phases"])
    rows = [
        (t["sector"], md_text(_label(lang, "sectors", s["sector"]))),
        (t["partners"], _text(s["partners"], here)),
        (t["scale"], _text(s["scale"], here)),
        (t["period"], _text(s["duration"], here)),
        (t["outcome"], md_text(_label(lang, "outcomes", s["outcome"]))),
        (t["phases"], phases),
        (t["guides"], _links(lang, here, [f"gesprekken/{g}.md" for g in s["guides"]])),
        (t["worksheets"], _links(lang, here, [f"werkbladen/{w}.md" for w in s["worksheets"]])),
    ]
    return f'<p class="composite-notice">{t["composite"]}</p>\n\n' + _factbox(rows)


def _pages(lang: str, folder: str, block: str) -> list[tuple[str, dict]]:
    """Valid guides or stories of a folder; an invalid one is reported on its own page, not here."""
    out = []
    for path in sorted((DOCS / lang / folder).glob("*.md")):
        if path.name == "index.md":
            continue
        body, meta = read_page(path)
        problems = validate_guide(path, body, meta) if block == "guide" else validate_story(path, meta)
        if not problems:
            out.append((f"{folder}/{path.name}", meta))
    return out


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


def render_guides_by_situation(lang: str, here: str) -> str:
    """Per situation: the start guide with its reason, then the other guides by title."""
    problems = validate_situations()
    if problems:
        raise SourceError("\n".join(problems))
    guides, t = _pages(lang, "gesprekken", "guide"), LABELS[lang]
    parts = []
    for sit in taxonomy()["situations"]:
        hits = [(p, m) for p, m in guides if sit["slug"] in m["guide"].get("situations", [])]
        first = [(p, m) for p, m in hits if p == f"gesprekken/{sit['start']}.md"]
        others = sorted((pm for pm in hits if pm not in first), key=lambda pm: sort_key(pm[1]["title"], lang))
        items = [
            f"- **{t['start']}:** [{md_text(m['title'])}]({rel_link(here, p)}) · {m['guide']['duration']} "
            f"{t['minutes']}  \n  {_text(sit['reason'][lang], here)}"
            for p, m in first
        ]
        items += [
            f"- [{md_text(m['title'])}]({rel_link(here, p)}) · {m['guide']['duration']} {t['minutes']}"
            for p, m in others
        ]
        parts.append(f"### {md_text(sit[lang])} {{#{sit['slug']}}}\n\n{chr(10).join(items) or '- ' + t['none']}\n")
    return "\n".join(parts)


def render_home_situations(lang: str, here: str) -> str:
    """The home page's 'start from your situation': per situation of data/taxonomy.yml one link,
    straight to the guide to read first, with that guide's title under it."""
    problems = validate_situations()
    if problems:
        raise SourceError("\n".join(problems))
    guides = dict(_pages(lang, "gesprekken", "guide"))
    items = []
    for sit in taxonomy()["situations"]:
        path = f"gesprekken/{sit['start']}.md"
        meta = guides.get(path)
        if meta is None:  # an invalid guide is reported on its own page
            continue
        guide = md_text(meta["title"])
        items.append(
            f'- [{md_text(sit[lang])} <span class="home-situations__guide">{guide}</span>]({rel_link(here, path)})'
        )
    return "\n".join(items) + "\n"


def render_guides_by_phase(lang: str, here: str) -> str:
    guides = _pages(lang, "gesprekken", "guide")
    parts = []
    for phase in taxonomy()["phases"]:
        hits = [(p, m) for p, m in guides if m["guide"].get("phase") == phase["slug"]]
        if not hits:
            continue
        hits.sort(key=lambda pm: sort_key(pm[1]["title"], lang))
        items = "\n".join(
            f"- [{md_text(m['title'])}]({rel_link(here, p)}): {_text(m.get('description', ''), here)}" for p, m in hits
        )
        parts.append(f"### {_phase_link(lang, here, phase)} {{#fase-{phase['slug']}}}\n\n{items}\n")
    return "\n".join(parts)


def render_stories_index(lang: str, here: str) -> str:
    t = LABELS[lang]
    order = {s["slug"]: i for i, s in enumerate(taxonomy()["sectors"])}
    stories = sorted(_pages(lang, "praktijk", "story"), key=lambda pm: order.get(pm[1]["story"]["sector"], 99))
    rows = [f"| {t['story']} | {t['sector']} | {t['scale']} | {t['outcome']} |", "|---|---|---|---|"]
    for p, m in stories:
        s = m["story"]
        rows.append(
            f"| [{md_cell(m['title'])}]({rel_link(here, p)}) | {md_cell(_label(lang, 'sectors', s['sector']))} | "
            f"{md_cell(s['scale'])} | {md_cell(_label(lang, 'outcomes', s['outcome']))} |"
        )
    return "\n".join(rows) + "\n"


def render_worksheets_index(lang: str, here: str) -> str:
    items = []
    for w in taxonomy()["worksheets"]:
        src = REPO / "worksheets" / f"{w['id']}.yml"
        data = load_yaml(src) if src.exists() else {}
        title = (data.get("title") or {}).get(lang) or _title(lang, f"werkbladen/{w['id']}.md")
        purpose = (data.get("purpose") or {}).get(lang, "")
        link = rel_link(here, "werkbladen/" + w["id"] + ".md")
        text = f": {_text(purpose, here)}" if purpose.strip() else ""
        items.append(f"- **[{md_text(title)}]({link})**{text}")
    return "\n".join(items) + "\n"


MARKERS = {
    "<!-- index:guides-by-situation -->": render_guides_by_situation,
    "<!-- index:guides-by-phase -->": render_guides_by_phase,
    "<!-- index:home-situations -->": render_home_situations,
    "<!-- index:stories -->": render_stories_index,
    "<!-- index:worksheets -->": render_worksheets_index,
    "<!-- index:glossary -->": glossary.render_glossary,
}


def insert_after_h1(markdown: str, block: str) -> str:
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", block] + lines[i + 1 :])
    return block + "\n" + markdown


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


def main(argv: list[str]) -> int:
    return check_cli(
        argv,
        command="check",
        module="hooks.content.guides",
        check=check_all,
        ok="content: guides, stories and glossary are valid",
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
