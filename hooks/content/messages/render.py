"""What readers and the planner get from the templates you can send (the sources: source.py).

- render_*: the templates page (sjablonen/index.md, marker `<!-- index:templates -->`), grouped by
  moment, every template under a `##` heading whose id is the template id (a stable anchor); the
  'Templates' list on each guide and phase page a template belongs to. Links are relative .md
  links, so MkDocs validates them; the text itself is escaped HTML put in by fill_slots().
- plain_text() / mailto(): what the copy button puts on the clipboard, and the mailto: link.
- data(): per language, the JSON the build writes to sjablonen/sjablonen.json (for the planner).
"""

from __future__ import annotations

import html
import re
import urllib.parse

from hooks.build.common import DEFAULT_LANGUAGE, DOCS, SourceError, rel_link, taxonomy
from hooks.content.messages.source import CHECKED_FOR_PLACEHOLDERS, PLACEHOLDER, Template, load, placeholders

PAGE = "sjablonen/index.md"  # the templates page, below each language folder
JSON_NAME = "sjablonen/sjablonen.json"  # below each language's site folder
MARKER = "<!-- index:templates -->"
SECTION_ID = "sjablonen"  # the id of the generated list on guide and phase pages

# A mailto: link is offered only when the whole URL stays within this many characters. RFC 6068
# sets no limit, but the programs that open the link do: Internet Explorer and Windows' URL handling
# stop at 2,083 characters, and Chrome has been seen to drop mailto: links of about 2,000. Beyond
# that a mail program may open an empty or cut-off message, so a longer text is offered for copying
# only.
MAILTO_LIMIT = 2000

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
    from hooks.content.guides.source import read_page

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
