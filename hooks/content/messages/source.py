"""The templates you can send, as sources (templates/<id>.yml): the Template model, and reading
and validating every source (schema in AUTHORING.md) and the placeholder pairs in
templates/_placeholders.yml. Each problem names the file, the field and the fix: a missing
language, an unknown guide, phase, kind or moment, a placeholder used in one language and not in
the other, an explainer whose short version is longer than three sentences.

What pages and the planner make of a template is in render.py, next to this module.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import pathlib
import re

from hooks.build.common import LANGUAGES, REPO, SourceError, load_yaml, taxonomy, where_is

SOURCE_DIR = REPO / "templates"
PLACEHOLDER_FILE = "_placeholders.yml"
RESERVED_IDS = {"overzicht", "gebruik"}  # headings of the templates page itself

TOP_FIELDS = {"id": str, "kind": str, "moment": str, "guides": list, "phases": list}
TEXT_FIELDS = {"title": str, "purpose": str, "subject": str, "body": str}
OPTIONAL_TEXT_FIELDS = {"short": str, "tips": list}
CHECKED_FOR_PLACEHOLDERS = ("subject", "body", "short")
SHORT_MAX_SENTENCES = 3
PLACEHOLDER = re.compile(r"\[([^\[\]\n]+)\]")


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


def suggest(value: str, options) -> str:
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
                f"{where}: {lang}.{field} is not a known field.{suggest(field, known)} Known: {', '.join(known)}."
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
                f"{where}: {lang}.{field}: [{words}] is not a known placeholder.{suggest(words, by_words)} "
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
            problems.append(f"{where}: {key} is not a known field.{suggest(key, known)} Known: {', '.join(known)}.")
    if isinstance(data.get("id"), str) and data["id"] != path.stem:
        problems.append(f"{where}: id '{data['id']}' must equal the file name '{path.stem}'.")
    if path.stem in RESERVED_IDS:
        problems.append(f"{where}: '{path.stem}' is a heading of the templates page; choose another id and file name.")
    for field, key in (("kind", "template_kinds"), ("moment", "template_moments")):
        value, options = data.get(field), _slugs(key)
        if isinstance(value, str) and value not in options:
            problems.append(
                f"{where}: {field} '{value}' is unknown.{suggest(value, options)} Known: {', '.join(options)} "
                f"(data/taxonomy.yml, {key})."
            )
    for field, options, what in (
        ("guides", taxonomy()["guides"], "guide"),
        ("phases", _slugs("phases"), "phase"),
    ):
        for value in data.get(field) if isinstance(data.get(field), list) else []:
            if value not in options:
                problems.append(
                    f"{where}: {field} names {what} '{value}', which does not exist.{suggest(value, options)}"
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


def check() -> list[str]:
    """Every problem of every source, one per line (an empty list when all are valid)."""
    try:
        load()
    except SourceError as exc:
        return str(exc).splitlines()
    return []
