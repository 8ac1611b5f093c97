"""Page front matter, read strictly.

MkDocs reads front matter itself and, when it does not parse, silently shows the raw YAML as page
text (and the page has no title). So before MkDocs reads a page, every page's front matter is
parsed here with hooks/build/strict_yaml.py: a syntax error, a missing closing '---', a duplicate key or
an alias fails the build naming the file, the line and the parser's reason. `title` and
`description` must be one short text each.

`split(text, source)` is the strict twin of mkdocs.utils.meta.get_data: our own code reads
front matter through it, so it sees exactly what the check accepted.
"""

from __future__ import annotations

import functools
import pathlib
import re

from mkdocs.utils.meta import YAML_RE

from hooks.build import strict_yaml
from hooks.build.common import SourceError, where_is

OPENING = re.compile(r"^-{3}[ \t]*\r?\n")
TEXT_FIELDS = {
    # field: (longest length, why it must be short)
    "title": (150, "it is the page's name in menus, tabs, search results and the browser tab"),
    "description": (300, "it is the one-sentence summary in search results and link previews"),
}


def split(text: str, source: str) -> tuple[str, dict]:
    """(body, front matter) of a page. Raises SourceError when the front matter cannot be read."""
    match = YAML_RE.match(text)
    if not match:
        if OPENING.match(text):
            raise SourceError(
                f"{source}:1: the front matter starts with '---' but has no closing '---' line (followed "
                "by a line break), so MkDocs would show it as page text. Fix: end the front matter with a "
                "line '---'."
            )
        return text, {}
    try:
        data = strict_yaml.load(match.group(1), source=source, first_line=2)
    except strict_yaml.StrictYAMLError as exc:
        where = f"{source}:{exc.line}" if exc.line else source
        raise SourceError(f"{where}: front matter: {exc.problem}. Fix: {exc.fix}") from None
    if not isinstance(data, dict):
        raise SourceError(
            f"{source}:2: the front matter must be 'key: value' lines (title:, description:, …), not "
            f"{type(data).__name__ if data is not None else 'empty'}. Fix: write it as in AUTHORING.md."
        )
    return text[match.end() :].lstrip("\n"), data


def check_fields(source: str, meta: dict) -> list[str]:
    """Problems with the fields every page may have: title and description are short texts."""
    problems = []
    for field, (longest, why) in TEXT_FIELDS.items():
        if field not in meta:
            continue
        value = meta[field]
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{source}: front matter '{field}' must be a text, not {value!r}. Fix: write `{field}: …`.")
        elif len(value) > longest:
            problems.append(
                f"{source}: front matter '{field}' is {len(value):,} characters long; at most {longest} fit "
                f"({why}). Fix: shorten it."
            )
    return problems


def check_page(path: pathlib.Path) -> list[str]:
    """Every problem with one page's front matter (empty: fine)."""
    stat = path.stat()
    return list(_check_page(str(path), stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=1024)
def _check_page(path: str, mtime: int, size: int) -> tuple[str, ...]:
    source = where_is(pathlib.Path(path))
    try:
        with open(path, encoding="utf-8") as fh:
            _, meta = split(fh.read(), source)
    except UnicodeDecodeError as exc:
        return (f"{source}: is not UTF-8 text ({exc.reason} at byte {exc.start}). Fix: save it as UTF-8.",)
    except SourceError as exc:
        return (str(exc),)
    return tuple(check_fields(source, meta))


def check_tree(docs: pathlib.Path) -> list[str]:
    """Front matter problems of every Markdown page below `docs`, in a stable order."""
    return [problem for path in sorted(docs.rglob("*.md")) for problem in check_page(path)]
