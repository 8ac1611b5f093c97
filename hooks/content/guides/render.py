"""The Markdown generated into pages from the front matter of guides and stories (validated in
source.py) and from data/*.yml: fact boxes, related guides, the composite notice, and the guides /
stories / worksheets / glossary indexes (MARKERS: the marker in a page and what replaces it).

Generated Markdown uses relative .md links, so MkDocs' own validation checks every one of them.
Every value from front matter or data/*.yml is text, escaped for where it lands
(hooks/build/escape.py).
"""

from __future__ import annotations

from hooks.build.common import DOCS, REPO, SourceError, load_yaml, rel_link, sort_key, taxonomy
from hooks.build.escape import md_cell, md_text
from hooks.content import glossary
from hooks.content.citations import cite_text
from hooks.content.guides.source import read_page, validate_guide, validate_situations, validate_story

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
