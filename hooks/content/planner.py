"""The planner's data: per language one JSON of the guides and their timed steps.

Read with the same parser that checks that a guide's steps add up (hooks/content/guides/source.py,
`section_parts`). Per step the planner's script needs, and this module checks:
- a goal: the step's first paragraph starts with '**Doel:**' (en: '**Goal:**');
- optionally, in that paragraph, how far it can be shortened: '**Korter:** 10 min. How.'
  (en: '**Shorter:**'), fewer minutes than the step has;
- one or more literal questions, marked in the text as *"…?"*{.vraag} (attr_list: the page shows
  them as before, in italics);
- the guide's '## … {#anders}' section (what to do when it goes differently), each situation with
  the steps it belongs to in data/planner-situations.yml (the script prints only those of the
  steps in the plan).
Both languages must agree on guides, step ids, minutes and shortening: a plan link opens the same
plan in either language. Each problem names the file, the step and the fix (AUTHORING.md).
The planner's own words (data/planner.yml) go into the same file, one language each, and so do
the invitation templates (templates/*.yml, kind 'invitation', read with hooks/content/messages/source.py)
with the guides they belong to, so the planner offers the invitation for its session.

Two files per language (`split`): plannen/gidsen.json, what the editor needs on first load, and
plannen/details.json, what only the script, run mode and the export need (each step's literal
questions, the 'when it goes differently' situations, the invitations' mailto links); the planner
loads the second when the plan first has a guide or a step in it.

CLI: `python -m hooks.content.planner check` validates; `python -m hooks.content.planner json nl` prints the data.
"""

from __future__ import annotations

import json
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
    taxonomy,
    url_prefix,
    where_is,
)
from hooks.content import guides, messages

VERSION = 1
FILE = "plannen/gidsen.json"  # below each language's root: /plannen/gidsen.json, /en/plannen/gidsen.json
DETAILS = "plannen/details.json"  # loaded when first needed (the script, run mode, the export)
INVITATION = "invitation"  # the template kind the planner offers per guide
UI = REPO / "data" / "planner.yml"
SITUATIONS = REPO / "data" / "planner-situations.yml"  # which steps each 'when it goes differently' belongs to
RESERVED = ("pauze", "vrij")  # block names of the plan link (assets/planner/); no guide may take them
LABELS = {"nl": {"goal": "Doel", "shorter": "Korter"}, "en": {"goal": "Goal", "shorter": "Shorter"}}
QUESTION = re.compile(r"(?<![*\w])\*(?!\*)(?P<q>[^*\n]+?)\*\{\s*:?\s*\.vraag\s*\}")
_ATTRS = re.compile(r"\{\s*:?\s*[.#][^}]*\}")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_TAG = re.compile(r"<[^>]+>")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")


def plain(markdown: str) -> str:
    """Inline Markdown as plain text: links keep their text, emphasis and attribute lists go."""
    text = _LINK.sub(r"\1", _ATTRS.sub("", markdown))
    text = _EMPHASIS.sub(r"\2", _EMPHASIS.sub(r"\2", text))
    text = _TAG.sub("", text).replace("`", "")
    return " ".join(text.split())


def paragraphs(markdown: str) -> list[str]:
    """A block of Markdown as plain paragraphs; each list item is a paragraph of its own."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        current: list[str] = []
        for line in block.splitlines():
            if line.startswith("!!!"):  # an admonition's first line: keep its title
                line = " ".join(re.findall(r'"([^"]*)"', line))
            if _ITEM.match(line) and current:
                out.append(plain(" ".join(current)))
                current = []
            current.append(_ITEM.sub("", line))
        if current:
            out.append(plain(" ".join(current)))
    return [p for p in out if p]


def _goal(lang: str, body: str) -> tuple[str, dict | None] | None:
    """(goal, shorter) from the step's first paragraph, or None when it does not start with the goal."""
    first = re.split(r"\n\s*\n", body.strip(), maxsplit=1)[0]
    labels = LABELS[lang]
    head = f"**{labels['goal']}:**"
    if not first.startswith(head):
        return None
    goal, _, rest = first[len(head) :].partition(f"**{labels['shorter']}:**")
    if not rest:
        return plain(goal), None
    match = re.match(r"\s*(\d+)\s*min\b\.?\s*(.*)", rest, re.S)
    if not match:
        return plain(goal), {"minutes": -1, "how": plain(rest)}
    return plain(goal), {"minutes": int(match[1]), "how": plain(match[2])}


def step_data(lang: str, where: str, part: guides.source.Part) -> tuple[dict, list[str]]:
    """What the planner keeps of one timed step, and what is missing for its script."""
    labels, step = LABELS[lang], f"step '### {part.heading}'"
    problems = []
    if not part.id:
        problems.append(f"{where}: {step} has no id. End the heading with '{{#id}}' (AUTHORING.md).")
    found = _goal(lang, part.body)
    goal, shorter = found or ("", None)
    if found is None:
        problems.append(
            f"{where}: {step} has no goal. Start the step with a paragraph "
            f"'**{labels['goal']}:** what the group has at the end of this step.' (AUTHORING.md: the planner)."
        )
    elif not goal:
        problems.append(f"{where}: {step}: '**{labels['goal']}:**' is empty. Say what the step is for.")
    if shorter and not 0 < shorter["minutes"] < part.minutes:
        problems.append(
            f"{where}: {step}: '**{labels['shorter']}:**' must start with fewer minutes than the step's "
            f"{part.minutes} (and more than 0), as in '**{labels['shorter']}:** {max(part.minutes // 2, 1)} min. How.'"
        )
    questions = [plain(m["q"]).strip("\"“”„' ") for m in QUESTION.finditer(part.body)]
    if not questions:
        problems.append(
            f"{where}: {step} has no literal question for the planner's script. Mark one or more in the "
            f'text as *"…?"*{{.vraag}} (AUTHORING.md: the planner).'
        )
    if part.body.count(".vraag") != len(questions):
        problems.append(
            f"{where}: {step}: a '{{.vraag}}' does not follow an italic question; write it as "
            f'*"…?"*{{.vraag}}, with no space before the brace.'
        )
    data = {"id": part.id, "title": plain(part.title), "minutes": part.minutes, "goal": goal, "questions": questions}
    if shorter and not problems:
        data["shorter"] = shorter
    return data, problems


def situation_steps(path: pathlib.Path | None = None) -> tuple[dict, list[str]]:
    """data/planner-situations.yml: {guide: {situation id: [step ids]}}, one list for both languages."""
    path = path or SITUATIONS
    try:
        source = load_yaml(path)
    except SourceError as exc:
        return {}, [str(exc)]
    if not isinstance(source, dict):
        return {}, [f"{where_is(path)}: needs a mapping 'guide: {{situation id: [step ids]}}'."]
    return source, []


def _situations(where: str, slug: str, anders: list[dict], ids: list[str], listed: object) -> list[str]:
    """Give each situation the steps it belongs to (data/planner-situations.yml); what is missing
    or names a step the guide does not have."""
    file, problems = where_is(SITUATIONS), []
    listed = listed if isinstance(listed, dict) else {}
    for situation in anders:
        steps = listed.get(situation["id"])
        if not isinstance(steps, list) or not steps or not all(isinstance(s, str) for s in steps):
            problems.append(
                f"{where}: situation '### {situation['title']} {{#{situation['id']}}}' has no steps in {file}. "
                f"Add '{slug}: {situation['id']}: [step ids]' with the steps it belongs to (AUTHORING.md: the planner)."
            )
            continue
        unknown = [s for s in steps if s not in ids]
        if unknown:
            problems.append(
                f"{where}: {file} gives situation '{situation['id']}' the step(s) {', '.join(unknown)}, which the "
                f"guide does not have (its steps: {', '.join(ids)})."
            )
        situation["steps"] = [s for s in steps if s in ids]
    extra = sorted(set(listed) - {s["id"] for s in anders})
    if extra:
        problems.append(f"{where}: {file} lists situation(s) {', '.join(extra)}, which the guide does not have.")
    return problems


def guide_data(lang: str, path: pathlib.Path, situations: dict | None = None) -> tuple[dict | None, list[str]]:
    """One guide for the planner (None when the guide itself is invalid: its page reports that).
    `situations`: data/planner-situations.yml (read when not given)."""
    body, meta = guides.source.read_page(path)
    where = where_is(path)
    if guides.source.validate_guide(path, body, meta):
        return None, [f"{where}: the guide is not valid (see the messages of `python -m hooks.content.guides check`)."]
    guide, problems, steps = meta["guide"], [], []
    for part in guides.source.section_parts(body, "verloop"):
        step, found = step_data(lang, where, part)
        steps.append(step)
        problems += found
    ids = [s["id"] for s in steps]
    twice = sorted(i for i in set(ids) if ids.count(i) > 1)
    problems += [f"{where}: two steps have the id '{i}'. Give each its own." for i in twice]
    anders = [
        {"id": part.id, "title": plain(part.title), "text": paragraphs(part.body)}
        for part in guides.source.section_parts(body, "anders")
    ]
    if situations is None:
        situations, found = situation_steps()
        problems += found
    problems += _situations(where, path.stem, anders, ids, situations.get(path.stem))
    if not anders:
        problems.append(
            f"{where}: no '## … {{#anders}}' section with ### situations: the planner's script shows them "
            "('when it goes differently', AUTHORING.md)."
        )
    return {
        "slug": path.stem,
        "title": plain(str(meta["title"])),
        "path": f"gesprekken/{path.stem}/",
        "duration": guide["duration"],
        "phase": guide["phase"],
        "goal": plain(guide["goal"]),
        "steps": steps,
        "anders": anders,
    }, problems


def _guide_files(lang: str, docs: pathlib.Path) -> list[pathlib.Path]:
    """Every guide of a language, in the order of data/taxonomy.yml (others after, by name)."""
    order = {slug: i for i, slug in enumerate(taxonomy()["guides"])}
    files = [p for p in (docs / lang / "gesprekken").glob("*.md") if p.name != "index.md"]
    return sorted(files, key=lambda p: (order.get(p.stem, len(order)), p.stem))


def _shape(guide: dict) -> dict:
    """What must be equal in every language: the plan link names steps and counts minutes."""
    return {
        "duration": guide["duration"],
        "steps": [(s["id"], s["minutes"], s.get("shorter", {}).get("minutes")) for s in guide["steps"]],
    }


def ui_texts(path: pathlib.Path = UI) -> tuple[dict[str, dict], list[str]]:
    """The planner's words per language from data/planner.yml: every text in nl and en, with the
    same {placeholders} in both."""
    try:
        source = load_yaml(path)
    except SourceError as exc:
        return {lang: {} for lang in LANGUAGES}, [str(exc)]
    texts: dict[str, dict] = {lang: {} for lang in LANGUAGES}
    problems: list[str] = []

    def walk(node, into: dict[str, dict], where: str) -> None:
        if isinstance(node, dict) and set(node) & set(LANGUAGES):
            found = {lang: node.get(lang) for lang in LANGUAGES}
            if set(node) != set(LANGUAGES) or not all(isinstance(v, str) and v.strip() for v in found.values()):
                problems.append(f"{where_is(path)}: {where} needs a text in every language ({', '.join(LANGUAGES)}).")
            elif len({tuple(sorted(re.findall(r"\{(\w+)\}", v))) for v in found.values()}) > 1:
                problems.append(f"{where_is(path)}: {where} has other {{placeholders}} in nl than in en.")
            for lang in LANGUAGES:
                into[lang] = found[lang]
        elif isinstance(node, dict) and node:
            for key, value in node.items():
                inner = {lang: {} for lang in LANGUAGES}
                walk(value, inner, f"{where}.{key}")
                for lang in LANGUAGES:
                    into[lang][key] = inner[lang]
        else:
            problems.append(f"{where_is(path)}: {where} must be {{nl: …, en: …}} or a group of such texts.")

    root = source.get("ui") if isinstance(source, dict) else None
    if not isinstance(root, dict):
        return texts, [f"{where_is(path)}: needs a 'ui:' mapping of texts."]
    for key, value in root.items():
        inner = {lang: {} for lang in LANGUAGES}
        walk(value, inner, f"ui.{key}")
        for lang in LANGUAGES:
            texts[lang][key] = inner[lang]
    return texts, problems


def build_all(docs: pathlib.Path = DOCS) -> tuple[dict[str, dict], list[str]]:
    """The planner data of every language, and every problem. A guide with a problem in any
    language is left out of every language (a plan link must mean the same in both)."""
    ui, problems = ui_texts()
    situations, situation_problems = situation_steps()
    problems += situation_problems
    found: dict[str, dict[str, tuple[dict, pathlib.Path]]] = {}  # slug -> lang -> (guide, file)
    bad: set[str] = set()
    for lang in LANGUAGES:
        for path in _guide_files(lang, docs):
            if path.stem in RESERVED:
                problems.append(f"{where_is(path)}: '{path.stem}' is a word of the plan link; rename the guide.")
                bad.add(path.stem)
                continue
            guide, guide_problems = guide_data(lang, path, situations)
            problems += guide_problems
            if guide is None or guide_problems:
                bad.add(path.stem)
            else:
                found.setdefault(path.stem, {})[lang] = (guide, path)
    for slug, by_lang in sorted(found.items()):
        base = by_lang.get(DEFAULT_LANGUAGE)
        for lang, (guide, path) in sorted(by_lang.items()):
            if base and _shape(guide) != _shape(base[0]):
                bad.add(slug)
                problems.append(
                    f"{where_is(path)}: its steps (ids, minutes or '**{LABELS[lang]['shorter']}:**' minutes) differ "
                    f"from {where_is(base[1])}. A plan link must mean the same in both languages: make them equal."
                )
    invitations, found_problems = _invitations()
    problems += found_problems
    data = {}
    for lang in LANGUAGES:
        guides = [by_lang[lang][0] for slug, by_lang in found.items() if slug not in bad and lang in by_lang]
        offered = [dict(i[lang], guides=[g for g in i["guides"] if g not in bad]) for i in invitations]
        offered = [i for i in offered if i["guides"]]
        data[lang] = {"version": VERSION, "lang": lang, "guides": guides, "invitations": offered, "ui": ui[lang]}
    return data, problems


def _invitations() -> tuple[list[dict], list[str]]:
    """The invitation templates, in the order of the templates page: the guides each belongs to
    and per language its id, title, address on the templates page (below the language's root, with
    the template's anchor) and mailto link (None when too long). Invalid templates are named by
    their own check (hooks/templates_hook.py); the planner then offers none."""
    try:
        templates = messages.source.load()
    except SourceError as exc:
        return [], [str(exc)]
    texts = {lang: messages.render.data(lang, templates)["templates"] for lang in LANGUAGES}
    out = []
    for index, template in enumerate(templates):
        if template.kind != INVITATION:
            continue
        entry = {"guides": list(template.guides)}
        for lang in LANGUAGES:
            t = texts[lang][index]
            entry[lang] = {
                "id": t["id"],
                "title": t["title"],
                "url": t["url"].lstrip("/").removeprefix(url_prefix(lang)),
                "mailto": t["mailto"],
            }
        out.append(entry)
    return out, []


def split(data: dict) -> tuple[dict, dict]:
    """One language's data as (gidsen.json, details.json): the questions, the situations and the
    mailto links move to the second, keyed by guide and step id."""
    core = {key: value for key, value in data.items() if key not in ("guides", "invitations")}
    core["guides"], core["invitations"] = [], []
    details = {"version": data["version"], "lang": data["lang"], "guides": {}, "mailto": {}}
    for guide in data["guides"]:
        light = {key: value for key, value in guide.items() if key != "anders"}
        light["steps"] = [{k: v for k, v in step.items() if k != "questions"} for step in guide["steps"]]
        core["guides"].append(light)
        details["guides"][guide["slug"]] = {
            "anders": guide["anders"],
            "questions": {step["id"]: step["questions"] for step in guide["steps"]},
        }
    for invitation in data["invitations"]:
        core["invitations"].append({k: v for k, v in invitation.items() if k != "mailto"})
        if invitation["mailto"]:
            details["mailto"][invitation["id"]] = invitation["mailto"]
    return core, details


def to_json(data: dict) -> str:
    """Stable text: the same sources give the same bytes."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def check_all() -> list[str]:
    return build_all()[1]


def main(argv: list[str]) -> int:
    if argv[:1] == ["json"] and len(argv) == 2 and argv[1] in LANGUAGES:
        data, problems = build_all()
        print(json.dumps(data[argv[1]], ensure_ascii=False, indent=1))
        return 1 if problems else 0
    return check_cli(
        argv,
        command="check",
        module="hooks.content.planner",
        check=check_all,
        ok="planner: every guide step has a goal and a literal question, in both languages",
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
