"""Facts that several pages show (ground rules, check rhythm, card colours, timings), kept once in
data/facts.yml and put into each page where it says `<!-- fact:ID -->`.

- A block fact stands on a line of its own and becomes `<div class="fact" data-fact="ID">`; an
  inline fact (`inline: true`) sits inside a sentence and becomes `<span class="fact" …>`.
- `[text](@/path.md#anchor)` in a fact is a link relative to the language root; it is rewritten
  for the page that shows the fact, so MkDocs checks it like any other link.
- A `table:` fact is rendered from its rows (minutes per number of partners); when it names a
  guide (`steps:`), the timed steps of that guide must equal one of its columns.
- `restated:` lists patterns that betray a hand-written copy of the fact (tests/test_facts.py); `owner:`
  names the one page that holds the full text the fact sums up (it may state it).

A missing fact, a missing language or a malformed entry is a SourceError naming the file and the
marker. CLI: `python -m hooks.content.facts check` checks data/facts.yml and every marker in docs/.
"""

from __future__ import annotations

import functools
import re
import sys

from hooks.build.common import DOCS, LANGUAGES, REPO, SourceError, check_cli, load_yaml, rel_link, where_is

SOURCE = REPO / "data" / "facts.yml"
MARKER = re.compile(r"<!--\s*fact:([a-z0-9-]+)\s*-->")
# A block marker on a line of its own, after any indentation or blockquote prefix.
BLOCK_LINE = re.compile(r"^(?P<prefix>[ \t>]*)<!--\s*fact:(?P<id>[a-z0-9-]+)\s*-->[ \t]*$", re.M)
LINK = re.compile(r"\]\(@/([^)#\s]+)(#[^)\s]*)?\)")
STEP = re.compile(r"^###\s+.*?\((?P<min>\d+)\s*min\)\s*\{\s*#(?P<id>[\w-]+)\s*\}\s*$")
KEYS = {"nl", "en", "inline", "owner", "restated", "table"}
TABLE_KEYS = {"partners", "steps", "head", "column", "total", "rows"}


def facts() -> dict:
    """data/facts.yml, checked: every fact has text in both languages (SourceError otherwise)."""
    return _checked(SOURCE.stat().st_mtime if SOURCE.exists() else 0.0)


@functools.lru_cache(maxsize=4)
def _checked(version: float) -> dict:
    data = load_yaml(SOURCE)
    where = where_is(SOURCE)
    if not isinstance(data, dict) or not data:
        raise SourceError(f"{where}: expected a mapping of fact ids to facts (see the comment at its top).")
    problems = []
    for fact_id, fact in data.items():
        at = f"{where}: fact '{fact_id}'"
        if not re.fullmatch(r"[a-z0-9-]+", str(fact_id)):
            problems.append(f"{at}: ids are lower-case letters, digits and hyphens.")
        if not isinstance(fact, dict):
            problems.append(f"{at}: expected nl, en and optional inline/restated/table keys.")
            continue
        for key in sorted(set(fact) - KEYS):
            problems.append(f"{at}: unknown key '{key}'. Known: {', '.join(sorted(KEYS))}.")
        for lang in LANGUAGES:
            if not isinstance(fact.get(lang), str) or not fact[lang].strip():
                problems.append(
                    f"{at} (<!-- fact:{fact_id} -->): the '{lang}' text is missing. "
                    f"Add `{lang}: …`; every fact needs both languages."
                )
        for lang, patterns in (fact.get("restated") or {}).items():
            for pattern in patterns or []:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    problems.append(f"{at}: restated.{lang} pattern {pattern!r} is not a regular expression ({exc}).")
        if "owner" in fact and not (DOCS / "nl" / str(fact["owner"])).is_file():
            problems.append(
                f"{at}: owner '{fact['owner']}' is not a page below docs/nl/ (a path such as gesprekken/x.md)."
            )
        if "table" in fact:
            problems += _table_problems(at, fact["table"])
        if fact.get("inline") and ("table" in fact or any("\n\n" in str(fact.get(k, "")).strip() for k in LANGUAGES)):
            problems.append(f"{at}: an inline fact is one paragraph of text, without a table.")
    if problems:
        raise SourceError("\n".join(problems))
    return data


def _table_problems(at: str, table) -> list[str]:
    if not isinstance(table, dict):
        return [f"{at}: table must be a mapping with {', '.join(sorted(TABLE_KEYS))}."]
    required = ("partners", "head", "column", "total", "rows")
    problems = [f"{at}: table.{k} is missing." for k in required if k not in table]
    problems += [f"{at}: table.{k} is not a known key." for k in sorted(set(table) - TABLE_KEYS)]
    columns = table.get("partners") or []
    for i, row in enumerate(table.get("rows") or []):
        minutes = row.get("minutes") if isinstance(row, dict) else None
        if not isinstance(row, dict) or not row.get("id") or not isinstance(row.get("label"), dict):
            problems.append(f"{at}: table.rows[{i}] needs id, label {{nl, en}} and minutes.")
        elif not isinstance(minutes, list) or len(minutes) != len(columns):
            problems.append(f"{at}: table.rows[{i}] ({row['id']}) needs {len(columns)} minutes, one per column.")
        elif "each" in row and len(row["each"]) != len(columns):
            problems.append(f"{at}: table.rows[{i}] ({row['id']}) each: needs {len(columns)} values.")
    steps = table.get("steps")
    if steps is not None and (not isinstance(steps, dict) or steps.get("partners") not in columns):
        problems.append(f"{at}: table.steps needs page and partners (one of {columns}).")
    return problems


def column(fact_id: str, partners: int) -> list[tuple[str, int]]:
    """(row id, minutes) of a table fact for a number of partners."""
    table = facts()[fact_id]["table"]
    index = table["partners"].index(partners)
    return [(row["id"], row["minutes"][index]) for row in table["rows"]]


def _render_table(table: dict, lang: str) -> str:
    columns = [table["column"][lang].format(n=n) for n in table["partners"]]
    lines = [f"| {table['head'][lang]} | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for row in table["rows"]:
        cells = []
        for i, minutes in enumerate(row["minutes"]):
            each = row.get("each")
            cells.append(f"{minutes} ({table['partners'][i]} × {each[i]})" if each else str(minutes))
        lines.append(f"| {row['label'][lang]} | " + " | ".join(cells) + " |")
    totals = [sum(row["minutes"][i] for row in table["rows"]) for i in range(len(columns))]
    lines.append(f"| **{table['total'][lang]}** | " + " | ".join(f"**{t}**" for t in totals) + " |")
    return "\n".join(lines)


def render(fact_id: str, lang: str, here: str, prefix: str = "") -> str:
    """The Markdown of one fact for the page `here` (path below the language root); a block fact
    gets `prefix` (the marker's indentation or blockquote marks) on every line."""
    fact = facts()[fact_id]
    text = fact[lang].strip()
    text = LINK.sub(lambda m: f"]({rel_link(here, m.group(1))}{m.group(2) or ''})", text)
    if fact.get("inline"):
        return f'<span class="fact" data-fact="{fact_id}">{" ".join(text.split())}</span>'
    body = (_render_table(fact["table"], lang) + "\n\n" + text) if "table" in fact else text
    block = f'<div class="fact" data-fact="{fact_id}" markdown>\n\n{body}\n\n</div>'
    return "\n".join((prefix + line).rstrip() if line else prefix.rstrip() for line in block.split("\n"))


def _steps(markdown: str) -> list[tuple[str, int]]:
    """(id, minutes) of the timed steps under the section with id 'verloop'."""
    steps, inside = [], False
    for line in markdown.splitlines():
        if line.startswith("## "):
            inside = "{#verloop}" in line.replace(" ", "")
        elif inside and (match := STEP.match(line.strip())):
            steps.append((match["id"], int(match["min"])))
    return steps


def expand(markdown: str, lang: str, here: str, source: str) -> str:
    """The page's Markdown with every fact marker replaced. `source` names the page in errors."""
    known = facts()
    problems = []
    for match in MARKER.finditer(markdown):
        fact_id = match.group(1)
        if fact_id not in known:
            problems.append(
                f"{source}: <!-- fact:{fact_id} --> names no fact in {where_is(SOURCE)}. "
                f"Known: {', '.join(sorted(known))}."
            )
            continue
        block = not known[fact_id].get("inline")
        start, end = markdown.rfind("\n", 0, match.start()) + 1, markdown.find("\n", match.end())
        if block and not BLOCK_LINE.fullmatch(markdown[start : end if end >= 0 else None]):
            problems.append(f"{source}: <!-- fact:{fact_id} --> is a block fact; put the marker on a line of its own.")
        steps = (known[fact_id].get("table") or {}).get("steps")
        if steps and steps.get("page") == here:
            want = column(fact_id, steps["partners"])
            if _steps(markdown) != want:
                problems.append(
                    f"{source}: the timed steps (### … (N min) {{#id}}) are {_steps(markdown)}, but fact "
                    f"'{fact_id}' in {where_is(SOURCE)} gives {want} for {steps['partners']} partners. Make them equal."
                )
    if problems:
        raise SourceError("\n".join(problems))
    markdown = BLOCK_LINE.sub(
        lambda m: (
            render(m["id"], lang, here, m["prefix"])
            if not known[m["id"]].get("inline")
            else m["prefix"] + render(m["id"], lang, here)
        ),
        markdown,
    )
    return MARKER.sub(lambda m: render(m.group(1), lang, here), markdown)


def check_all() -> list[str]:
    """Check data/facts.yml and every marker in docs/ (both languages) without a build."""
    try:
        facts()
    except SourceError as exc:
        return str(exc).splitlines()
    problems = []
    for lang in LANGUAGES:
        for path in sorted((DOCS / lang).rglob("*.md")):
            here = path.relative_to(DOCS / lang).as_posix()
            try:
                expand(path.read_text(encoding="utf-8"), lang, here, where_is(path))
            except SourceError as exc:
                problems += str(exc).splitlines()
    return problems


def main(argv: list[str]) -> int:
    return check_cli(
        argv, command="check", module="hooks.content.facts", check=check_all, ok="facts: all markers resolve"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
