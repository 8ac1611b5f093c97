"""Templates you can send (templates/<id>.yml): invitations, an explainer, notes and messages that
facilitators write around a meeting. One source per template, both languages inside.

- load(): validates every source (schema in AUTHORING.md) and the placeholder pairs in
  templates/_placeholders.yml. Each problem names the file, the field and the fix: a missing
  language, an unknown guide, phase, kind or moment, a placeholder used in one language and not in
  the other, an explainer whose short version is longer than three sentences.
- render_*: the templates page (sjablonen/index.md, marker `<!-- index:templates -->`), grouped by
  moment, every template under a `##` heading whose id is the template id (a stable anchor); the
  'Templates' list on each guide and phase page a template belongs to. Links are relative .md
  links, so MkDocs validates them; the text itself is escaped HTML put in by fill_slots().
- plain_text() / mailto(): what the copy button puts on the clipboard, and the mailto: link.
- data(): per language, the JSON the build writes to sjablonen/sjablonen.json (for the planner).

CLI: `python -m hooks.content.messages check` validates without a build;
`python -m hooks.content.messages show <id> [nl|en]` prints a template as it is copied.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import html
import pathlib
import re
import sys
import urllib.parse

from hooks.build.common import (
    DEFAULT_LANGUAGE,
    DOCS,
    LANGUAGES,
    REPO,
    SourceError,
    load_yaml,
    rel_link,
    taxonomy,
    where_is,
)

SOURCE_DIR = REPO / "templates"
PLACEHOLDER_FILE = "_placeholders.yml"
PAGE = "sjablonen/index.md"  # the templates page, below each language folder
JSON_NAME = "sjablonen/sjablonen.json"  # below each language's site folder
MARKER = "<!-- index:templates -->"
SECTION_ID = "sjablonen"  # the id of the generated list on guide and phase pages
RESERVED_IDS = {"overzicht", "gebruik"}  # headings of the templates page itself

# A mailto: link is offered only when the whole URL stays within this many characters. RFC 6068
# sets no limit, but the programs that open the link do: Internet Explorer and Windows' URL handling
# stop at 2,083 characters, and Chrome has been seen to drop mailto: links of about 2,000. Beyond
# that a mail program may open an empty or cut-off message, so a longer text is offered for copying
# only.
MAILTO_LIMIT = 2000

TOP_FIELDS = {"id": str, "kind": str, "moment": str, "guides": list, "phases": list}
TEXT_FIELDS = {"title": str, "purpose": str, "subject": str, "body": str}
OPTIONAL_TEXT_FIELDS = {"short": str, "tips": list}
CHECKED_FOR_PLACEHOLDERS = ("subject", "body", "short")
SHORT_MAX_SENTENCES = 3
PLACEHOLDER = re.compile(r"\[([^\[\]\n]+)\]")
_LIST_LINE = re.compile(r"^(?:- |(\d+)\. )")

LABELS = {
    "nl": {
        "subject": "Onderwerp",
        "copy": "Kopieer de tekst",
        "mail": "Open in je mailprogramma",
        "too-long": "Deze tekst is te lang voor een maillink. Kopieer hem en plak hem in je mail.",
        "kind": "Soort",
        "belongs": "Hoort bij",
        "tips": "Let op",
        "overview": "Overzicht",
        "section": "Sjablonen",
        "section-intro": "Teksten die je kunt kopiëren of meteen in je mail zet:",
        "short": "Kort: drie zinnen",
        "long": "Lang: één alinea",
        "moment": "Moment",
    },
    "en": {
        "subject": "Subject",
        "copy": "Copy the text",
        "mail": "Open in your email program",
        "too-long": "This text is too long for an email link. Copy it and paste it into your email.",
        "kind": "Kind",
        "belongs": "Belongs to",
        "tips": "Watch out",
        "overview": "Overview",
        "section": "Templates",
        "section-intro": "Texts you can copy, or open straight in your email:",
        "short": "Short: three sentences",
        "long": "Long: one paragraph",
        "moment": "Moment",
    },
}


@dataclasses.dataclass(frozen=True)
class Template:
    """One validated template source."""

    id: str
    path: pathlib.Path
    kind: str
    moment: str
    guides: tuple[str, ...]
    phases: tuple[str, ...]
    texts: dict  # lang -> {title, purpose, subject, body, short?, tips?}

    def versions(self, lang: str) -> list[tuple[str, str]]:
        """(version id, body) pairs: ('', body) for most; the explainer also has ('short', …) first."""
        text = self.texts[lang]
        return ([("short", text["short"])] if "short" in text else []) + [("", text["body"])]


# ---- Loading and validation ---------------------------------------------------------------------


def _suggest(value: str, options) -> str:
    close = difflib.get_close_matches(str(value), [str(o) for o in options], n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


def _slugs(key: str) -> list[str]:
    return [item["slug"] for item in taxonomy().get(key) or []]


def placeholders(source_dir: pathlib.Path = SOURCE_DIR) -> dict[str, dict[str, str]]:
    """Placeholder key -> {lang: words between the brackets}, validated."""
    path = source_dir / PLACEHOLDER_FILE
    data = load_yaml(path)
    where = where_is(path)
    if not isinstance(data, dict):
        raise SourceError(f"{where}: must map a key to {{nl: …, en: …}} (see AUTHORING.md, 'Templates').")
    problems, seen = [], {lang: {} for lang in LANGUAGES}
    for key, forms in data.items():
        if not isinstance(forms, dict) or set(forms) != set(LANGUAGES):
            problems.append(
                f"{where}: {key}: needs exactly {', '.join(LANGUAGES)} "
                f"(found {sorted(forms) if isinstance(forms, dict) else forms!r}). "
                'Quote a text with a comma: {nl: "a, b", en: "c, d"}.'
            )
            continue
        for lang in LANGUAGES:
            words = forms[lang]
            if not isinstance(words, str) or not words.strip() or "[" in words or "]" in words:
                problems.append(f"{where}: {key}.{lang}: must be the words between the brackets, not {words!r}.")
            elif words in seen[lang]:
                problems.append(f"{where}: {key}.{lang}: '{words}' is also the {lang} form of '{seen[lang][words]}'.")
            else:
                seen[lang][words] = key
    if problems:
        raise SourceError("\n".join(problems))
    return data


def _sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])[\"'”’)]*\s+", text.strip()) if s.strip()])


def _check_text_block(where: str, lang: str, block, kind: str) -> list[str]:
    if not isinstance(block, dict):
        other = "en" if lang == "nl" else "nl"
        return [
            f"{where}: {lang}: is missing. Every template has both languages: add an '{lang}:' block "
            f"with {', '.join(TEXT_FIELDS)} (written natively, like the '{other}:' block)."
        ]
    problems = []
    known = {**TEXT_FIELDS, **OPTIONAL_TEXT_FIELDS}
    for field in TEXT_FIELDS:
        value = block.get(field)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{where}: {lang}.{field} is missing or empty. Add it (see AUTHORING.md, 'Templates').")
    for field in block:
        if field not in known:
            problems.append(
                f"{where}: {lang}.{field} is not a known field.{_suggest(field, known)} Known: {', '.join(known)}."
            )
    if kind == "explainer":
        short = block.get("short")
        if not isinstance(short, str) or not short.strip():
            problems.append(
                f"{where}: {lang}.short is missing: an explainer has a short version (at most three sentences)."
            )
        elif _sentences(short) > SHORT_MAX_SENTENCES:
            problems.append(
                f"{where}: {lang}.short has {_sentences(short)} sentences; "
                f"the short version has at most {SHORT_MAX_SENTENCES}."
            )
        if isinstance(block.get("body"), str) and "\n\n" in block["body"].strip():
            problems.append(f"{where}: {lang}.body of an explainer is one paragraph: remove the blank lines.")
    elif "short" in block:
        problems.append(f"{where}: {lang}.short is only for kind 'explainer' (this is '{kind}'). Remove it.")
    tips = block.get("tips")
    if tips is not None and (not isinstance(tips, list) or not all(isinstance(t, str) and t.strip() for t in tips)):
        problems.append(f"{where}: {lang}.tips must be a list of sentences.")
    return problems


def _placeholder_keys(where: str, field: str, text: str, lang: str, by_words: dict[str, str]) -> tuple[set, list]:
    keys, problems = set(), []
    for words in PLACEHOLDER.findall(text):
        key = by_words.get(words.strip())
        if key is None:
            problems.append(
                f"{where}: {lang}.{field}: [{words}] is not a known placeholder.{_suggest(words, by_words)} "
                f"Use one from templates/{PLACEHOLDER_FILE}, or add it there with both language forms."
            )
        else:
            keys.add(key)
    return keys, problems


def _check_placeholders(where: str, texts: dict, pairs: dict) -> list[str]:
    """Every [placeholder] is known, and each field has the same placeholders in both languages."""
    problems = []
    for field in CHECKED_FOR_PLACEHOLDERS:
        found = {}
        for lang in LANGUAGES:
            value = texts[lang].get(field)
            if isinstance(value, str):
                by_words = {forms[lang]: key for key, forms in pairs.items()}
                found[lang], bad = _placeholder_keys(where, field, value, lang, by_words)
                problems += bad
        if len(found) < len(LANGUAGES):
            continue
        for lang in LANGUAGES:
            for other in LANGUAGES:
                for key in sorted(found[lang] - found[other]):
                    problems.append(
                        f"{where}: {other}.{field}: placeholder [{pairs[key][lang]}] in {lang}.{field} has no "
                        f"counterpart: add [{pairs[key][other]}] to {other}.{field}, or remove it from {lang}.{field}."
                    )
    return problems


def validate(path: pathlib.Path, data, pairs: dict) -> list[str]:
    """Problems of one template source (an empty list when it is valid)."""
    where = where_is(path)
    if not isinstance(data, dict):
        return [f"{where}: must be a mapping with {', '.join(TOP_FIELDS)}, nl and en (see AUTHORING.md, 'Templates')."]
    problems = []
    known = [*TOP_FIELDS, *LANGUAGES]
    for key, kind in TOP_FIELDS.items():
        if key not in data:
            problems.append(f"{where}: {key} is missing. Add it (see AUTHORING.md, 'Templates').")
        elif not isinstance(data[key], kind) or (kind is str and not data[key].strip()):
            problems.append(f"{where}: {key} must be a {'list' if kind is list else 'text'}, not {data[key]!r}.")
    for key in data:
        if key not in known:
            problems.append(f"{where}: {key} is not a known field.{_suggest(key, known)} Known: {', '.join(known)}.")
    if isinstance(data.get("id"), str) and data["id"] != path.stem:
        problems.append(f"{where}: id '{data['id']}' must equal the file name '{path.stem}'.")
    if path.stem in RESERVED_IDS:
        problems.append(f"{where}: '{path.stem}' is a heading of the templates page; choose another id and file name.")
    for field, key in (("kind", "template_kinds"), ("moment", "template_moments")):
        value, options = data.get(field), _slugs(key)
        if isinstance(value, str) and value not in options:
            problems.append(
                f"{where}: {field} '{value}' is unknown.{_suggest(value, options)} Known: {', '.join(options)} "
                f"(data/taxonomy.yml, {key})."
            )
    for field, options, what in (
        ("guides", taxonomy()["guides"], "guide"),
        ("phases", _slugs("phases"), "phase"),
    ):
        for value in data.get(field) if isinstance(data.get(field), list) else []:
            if value not in options:
                problems.append(
                    f"{where}: {field} names {what} '{value}', which does not exist.{_suggest(value, options)}"
                )
    if isinstance(data.get("guides"), list) and isinstance(data.get("phases"), list):
        if not data["guides"] and not data["phases"]:
            problems.append(f"{where}: guides and phases are both empty: name where the template belongs.")
    kind = data.get("kind") if isinstance(data.get("kind"), str) else ""
    blocks = {lang: data.get(lang) for lang in LANGUAGES}
    for lang in LANGUAGES:
        problems += _check_text_block(where, lang, blocks[lang], kind)
    if all(isinstance(b, dict) for b in blocks.values()):
        problems += _check_placeholders(where, blocks, pairs)
        tips = {lang: blocks[lang].get("tips") for lang in LANGUAGES}
        if (tips["nl"] is None) != (tips["en"] is None):
            have, lack = ("nl", "en") if tips["en"] is None else ("en", "nl")
            problems.append(f"{where}: {lack}.tips is missing: {have} has tips; give {lack} the same ones.")
        elif isinstance(tips["nl"], list) and isinstance(tips["en"], list) and len(tips["nl"]) != len(tips["en"]):
            problems.append(
                f"{where}: nl.tips has {len(tips['nl'])} items and en.tips {len(tips['en'])}: make them match."
            )
    return problems


def _source_files(source_dir: pathlib.Path) -> list[pathlib.Path]:
    return sorted(p for p in source_dir.glob("*.yml") if not p.name.startswith("_"))


def _clean(text: str) -> str:
    """A text as it is sent: trailing white space off every line, no blank lines at the ends."""
    return "\n".join(line.rstrip() for line in str(text).strip("\n").splitlines()).strip()


def load(source_dir: pathlib.Path = SOURCE_DIR) -> list[Template]:
    """Every template, validated, in page order (moment, then file name). Raises SourceError."""
    files = _source_files(source_dir)
    signature = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    extra = [source_dir / PLACEHOLDER_FILE, REPO / "data" / "taxonomy.yml"]
    signature += tuple((str(p), p.stat().st_mtime_ns if p.exists() else 0, 0) for p in extra)
    return list(_load(str(source_dir), signature))


@functools.lru_cache(maxsize=4)
def _load(source_dir: str, signature: tuple) -> tuple[Template, ...]:
    folder = pathlib.Path(source_dir)
    pairs = placeholders(folder)
    problems, found = [], []
    for path in _source_files(folder):
        try:
            data = load_yaml(path)
        except SourceError as exc:
            problems.append(str(exc))
            continue
        bad = validate(path, data, pairs)
        if bad:
            problems += bad
            continue
        texts = {}
        for lang in LANGUAGES:
            block = data[lang]
            texts[lang] = {k: _clean(block[k]) for k in ("title", "purpose", "subject", "body", "short") if k in block}
            texts[lang]["subject"] = " ".join(texts[lang]["subject"].split())
            if "tips" in block:
                texts[lang]["tips"] = [" ".join(t.split()) for t in block["tips"]]
        found.append(
            Template(
                data["id"], path, data["kind"], data["moment"], tuple(data["guides"]), tuple(data["phases"]), texts
            )
        )
    if not found and not problems:
        problems.append(f"{where_is(folder)}: no templates found (templates/<id>.yml).")
    if problems:
        raise SourceError("\n".join(problems))
    # Page order: by moment, then in the order of the process (the first guide's place in the
    # taxonomy, else the first phase's), then by kind and id.
    moments, kinds, guides, phases = (
        _slugs("template_moments"),
        _slugs("template_kinds"),
        taxonomy()["guides"],
        _slugs("phases"),
    )

    def place(t: Template) -> tuple:
        step = guides.index(t.guides[0]) if t.guides else len(guides) + phases.index(t.phases[0])
        return (moments.index(t.moment), step, kinds.index(t.kind), t.id)

    return tuple(sorted(found, key=place))


# ---- Text, clipboard and mailto -----------------------------------------------------------------


def plain_text(lang: str, subject: str, body: str) -> str:
    """What the copy button puts on the clipboard: the subject line, a blank line, the body."""
    return f"{LABELS[lang]['subject']}: {subject}\n\n{body}"


def mailto(subject: str, body: str) -> str | None:
    """A mailto: link that opens a new message with this subject and body (RFC 6068: every
    character outside the unreserved set percent-encoded as UTF-8, spaces as %20, line breaks as
    %0D%0A), or None when it would be longer than MAILTO_LIMIT."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    url = f"mailto:?subject={urllib.parse.quote(subject, safe='')}&body={urllib.parse.quote(body, safe='')}"
    return url if len(url) <= MAILTO_LIMIT else None


def page_url(lang: str, template_id: str) -> str:
    """The template's address below site_url: '/sjablonen/#id', '/en/sjablonen/#id'."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return f"/{prefix}{PAGE.removesuffix('index.md')}#{template_id}"


def data(lang: str, templates: list[Template] | None = None) -> dict:
    """The templates of one language as the planner reads them (sjablonen/sjablonen.json)."""
    pairs = placeholders()
    out = []
    for t in templates if templates is not None else load():
        text = t.texts[lang]
        used = sorted({w for f in CHECKED_FOR_PLACEHOLDERS for w in PLACEHOLDER.findall(text.get(f, ""))})
        by_words = {forms[lang]: key for key, forms in pairs.items()}
        entry = {
            "id": t.id,
            "title": text["title"],
            "kind": t.kind,
            "moment": t.moment,
            "guides": list(t.guides),
            "phases": list(t.phases),
            "purpose": text["purpose"],
            "subject": text["subject"],
            "body": text["body"],
            "text": plain_text(lang, text["subject"], text["body"]),
            "mailto": mailto(text["subject"], text["body"]),
            "url": page_url(lang, t.id),
            "placeholders": sorted(({"key": by_words[w], "text": f"[{w}]"} for w in used), key=lambda p: p["key"]),
        }
        if "short" in text:
            entry["short"] = {
                "body": text["short"],
                "text": plain_text(lang, text["subject"], text["short"]),
                "mailto": mailto(text["subject"], text["short"]),
                "url": page_url(lang, f"{t.id}-kort"),
            }
        out.append(entry)
    return {"version": 1, "language": lang, "templates": out}


# ---- Markdown for pages -------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")


def md_text(text: str) -> str:
    """Text that Markdown shows literally: HTML-escaped, Markdown characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


def _label(key: str, slug: str, lang: str) -> str:
    return next((x[lang] for x in taxonomy().get(key) or [] if x["slug"] == slug), slug)


def _guide_title(lang: str, slug: str) -> str:
    """A guide's title from its front matter (read once per version of the file)."""
    from hooks.content.guides import read_page

    path = DOCS / lang / "gesprekken" / f"{slug}.md"
    return str(read_page(path)[1].get("title") or slug) if path.exists() else slug


def _belongs(lang: str, here: str, t: Template) -> str:
    links = [f"[{md_text(_guide_title(lang, g))}]({rel_link(here, f'gesprekken/{g}.md')})" for g in t.guides]
    for slug in t.phases:
        phase = next(p for p in taxonomy()["phases"] if p["slug"] == slug)
        links.append(f"[{phase['number']}. {md_text(phase[lang])}]({rel_link(here, f'methode/{slug}.md')})")
    return ", ".join(links)


def slot(template_id: str, version: str = "") -> str:
    return f"<!-- template:{template_id}{':' + version if version else ''} -->"


def render_page(lang: str, here: str = PAGE, templates: list[Template] | None = None) -> str:
    """The generated part of the templates page: the overview by moment, then every template."""
    templates = templates if templates is not None else load()
    t = LABELS[lang]
    parts = [f"## {t['overview']} {{#overzicht}}\n"]
    for moment in taxonomy()["template_moments"]:
        group = [x for x in templates if x.moment == moment["slug"]]
        if not group:
            continue
        items = "\n".join(f"- [{md_text(x.texts[lang]['title'])}](#{x.id})" for x in group)
        parts.append(f"### {md_text(moment[lang])} {{#{moment['slug']}}}\n\n{items}\n")
    for x in templates:
        text = x.texts[lang]
        lines = [
            f"## {md_text(text['title'])} {{#{x.id}}}",
            "",
            md_text(text["purpose"]),
            "",
            f'<p class="tpl-meta" markdown>**{t["kind"]}:** {md_text(_label("template_kinds", x.kind, lang))} · '
            f"**{t['moment']}:** {md_text(_label('template_moments', x.moment, lang))} · "
            f"**{t['belongs']}:** {_belongs(lang, here, x)}</p>",
            "",
        ]
        if text.get("tips"):
            lines += [f'!!! note "{t["tips"]}"', ""] + [f"    - {md_text(tip)}" for tip in text["tips"]] + [""]
        if "short" in text:
            lines += [f"### {t['short']} {{#{x.id}-kort}}", "", slot(x.id, "short"), ""]
            lines += [f"### {t['long']} {{#{x.id}-lang}}", "", slot(x.id), ""]
        else:
            lines += [slot(x.id), ""]
        parts.append("\n".join(lines))
    return "\n".join(parts)


def for_page(kind: str, slug: str, templates: list[Template] | None = None) -> list[Template]:
    """The templates that belong to a guide (kind 'guide') or a phase (kind 'phase')."""
    templates = templates if templates is not None else load()
    return [t for t in templates if slug in (t.guides if kind == "guide" else t.phases)]


def render_list(lang: str, here: str, templates: list[Template], level: int = 2) -> str:
    """The 'Templates' section of a guide (## heading) or a phase page (### in its tools)."""
    if not templates:
        return ""
    t = LABELS[lang]
    page = rel_link(here, PAGE)
    items = "\n".join(
        f"- [{md_text(x.texts[lang]['title'])}]({page}#{x.id}): {md_text(x.texts[lang]['purpose'])}" for x in templates
    )
    return f"{'#' * level} {t['section']} {{#{SECTION_ID}}}\n\n{t['section-intro']}\n\n{items}\n"


def insert_section(markdown: str, section: str, *, before_id: str | None = None, inside_id: str | None = None) -> str:
    """Put a generated section into a page: before the `##` heading with id `before_id` (a guide's
    'varianten'), or at the end of the `##` section with id `inside_id` (a phase's 'hulpmiddelen',
    which ends at the next `##` or a `---` line). Without such a heading: at the end."""
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if not line.startswith("## "):
            continue
        if before_id and f"{{#{before_id}}}" in line.replace(" ", ""):
            return "\n".join(lines[:i] + [section] + lines[i:])
        if inside_id and f"{{#{inside_id}}}" in line.replace(" ", ""):
            end = next(
                (j for j in range(i + 1, len(lines)) if lines[j].startswith("## ") or lines[j].strip() == "---"),
                len(lines),
            )
            return "\n".join(lines[:end] + ["", section] + lines[end:])
    return markdown.rstrip("\n") + "\n\n" + section


# ---- HTML for the text blocks -------------------------------------------------------------------


def _inline(text: str) -> str:
    """One line of a template as HTML: escaped, every [placeholder] marked."""
    return PLACEHOLDER.sub(lambda m: f'<mark class="tpl-ph">{m.group(0)}</mark>', html.escape(text, quote=False))


def body_html(body: str) -> str:
    """The body as paragraphs; lines that start with '- ' or '1. ' become a list."""
    out = []
    for paragraph in body.split("\n\n"):
        run: list[str] = []
        kind = None
        for line in paragraph.split("\n") + [None]:
            match = _LIST_LINE.match(line) if line is not None else None
            line_kind = ("ol" if match.group(1) else "ul") if match else ("p" if line is not None else None)
            if run and line_kind != kind:
                if kind == "p":
                    out.append("<p>" + "<br>\n".join(_inline(x) for x in run) + "</p>")
                else:
                    items = "".join(f"<li>{_inline(_LIST_LINE.sub('', x, count=1))}</li>" for x in run)
                    out.append(f"<{kind}>{items}</{kind}>")
                run = []
            if line is not None:
                run.append(line)
                kind = line_kind
    return "\n".join(out)


def text_block(lang: str, t: Template, version: str = "") -> str:
    """The text of a template with its copy button and mailto link (escaped HTML)."""
    labels, text = LABELS[lang], t.texts[lang]
    body = text["short"] if version == "short" else text["body"]
    name = html.escape(text["title"] + (f" ({labels['short'].split(':')[0].lower()})" if version == "short" else ""))
    copy = html.escape(plain_text(lang, text["subject"], body), quote=True).replace("\n", "&#10;")
    link = mailto(text["subject"], body)
    actions = [
        f'<button type="button" class="md-button md-button--primary tpl-copy" data-copy="{copy}" hidden>'
        f'{labels["copy"]}<span class="tpl-sr">: {name}</span></button>'
    ]
    if link:
        actions.append(
            f'<a class="md-button tpl-mail" href="{html.escape(link, quote=True)}">'
            f'{labels["mail"]}<span class="tpl-sr">: {name}</span></a>'
        )
    note = "" if link else f'\n<p class="tpl-note">{labels["too-long"]}</p>'
    return (
        f'<div class="tpl" data-template="{html.escape(t.id)}{"-kort" if version == "short" else ""}">\n'
        f'<p class="tpl-subject"><strong>{labels["subject"]}:</strong> {_inline(text["subject"])}</p>\n'
        f'<div class="tpl-body">\n{body_html(body)}\n</div>\n'
        f'<p class="tpl-actions">{" ".join(actions)} <span class="tpl-status" role="status"></span></p>{note}\n'
        "</div>"
    )


def fill_slots(page_html: str, lang: str, templates: list[Template] | None = None) -> str:
    """Replace every template slot of a rendered page by its text block."""
    if "<!-- template:" not in page_html:
        return page_html
    for t in templates if templates is not None else load():
        for version, _ in t.versions(lang):
            page_html = page_html.replace(slot(t.id, version), text_block(lang, t, version))
    left = re.findall(r"<!-- template:[^>]*-->", page_html)
    if left:
        raise SourceError(f"{PAGE}: no template for {', '.join(left)}.")
    return page_html


# ---- CLI ----------------------------------------------------------------------------------------


def check() -> list[str]:
    try:
        load()
    except SourceError as exc:
        return str(exc).splitlines()
    return []


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        problems = check()
        for line in problems:
            print(line, file=sys.stderr)
        if not problems:
            print(f"templates: {len(load())} templates in {where_is(SOURCE_DIR)} are valid")
        return 1 if problems else 0
    if argv[:1] == ["show"] and len(argv) in (2, 3):
        lang = argv[2] if len(argv) == 3 else DEFAULT_LANGUAGE
        try:
            t = next(x for x in load() if x.id == argv[1])
        except StopIteration:
            print(f"no template '{argv[1]}'.{_suggest(argv[1], [x.id for x in load()])}", file=sys.stderr)
            return 1
        for _version, body in t.versions(lang):
            print(plain_text(lang, t.texts[lang]["subject"], body) + "\n")
        return 0
    print("usage: python -m hooks.content.messages check | show <id> [nl|en]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
