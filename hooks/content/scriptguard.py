"""Content never carries script. The Content-Security-Policy admits the inline scripts of our own
templates and theme by their hash (hooks/hosting/policy.py); a script written into content would be
hashed and run like theirs. So every source an author writes is read before the build renders
anything, and the build fails, naming file and line, on:

- a script element: `<script>`, `<SCRIPT src=…>`, `<svg><script>`;
- an event handler attribute in a tag, quoted or not, in any case: `<img src=x onerror=alert(1)>`,
  `<b/onclick="…">`, `<a ONCLICK=…>`, also on a tag that runs over several lines;
- an event handler given through Markdown's attribute lists: `## Title {: onclick="…" }`.

Sources: the pages (docs/**/*.md) and every YAML file of docs/, data/ (facts, glossary, …),
templates/ and worksheets/. A worksheet, glossary or template field is text and shown as text
anyway; it is refused all the same, so that no source can ever carry code into a page.
`python -m hooks.content.scriptguard` checks them without a build.
"""

from __future__ import annotations

import pathlib
import re
import sys

from hooks.build.common import REPO, where_is

_SCRIPT = re.compile(r"<script(?=[\s/>]|$)", re.I | re.M)
# A tag (it may span lines) with an attribute on…= after white space, '/' or a quote.
_TAG_HANDLER = re.compile(r"<[a-z][^<>]*?[\s/\"'](on[a-z]+)\s*=", re.I)
# attr_list: `{: onclick="…" }`, `{ #id .class onclick=… }` (one line).
_ATTR_LIST_HANDLER = re.compile(r"\{:?[^{}\n]*?(?<![\w-])(on[a-z]+)\s*=", re.I)
FIX = (
    "Fix: remove it; content may not carry code (the security policy would run it). To show the "
    "word as text, write it without the angle brackets; behaviour belongs in a script module in "
    "overrides/assets/<feature>/ (README: security headers)."
)


def scan(text: str, where: str) -> list[str]:
    """One problem per script element or event handler in `text`, as 'file:line: …'."""
    found = []
    for match in _SCRIPT.finditer(text):
        found.append((match.start(), f"a script element ({_excerpt(text, match.start())})"))
    for pattern, kind in ((_TAG_HANDLER, "in a tag"), (_ATTR_LIST_HANDLER, "in an attribute list {: … }")):
        for match in pattern.finditer(text):
            start = match.start(1)
            found.append((start, f"an event handler {match.group(1)}= {kind} ({_excerpt(text, start)})"))
    return [f"{where}:{text.count(chr(10), 0, at) + 1}: {what}. {FIX}" for at, what in sorted(found)]


def _excerpt(text: str, start: int) -> str:
    return repr(text[start : start + 60].split("\n", 1)[0])


def sources(repo: pathlib.Path = REPO) -> list[pathlib.Path]:
    """Every file an author writes content in."""
    files = list((repo / "docs").rglob("*.md"))
    for folder in ("docs", "data", "templates", "worksheets"):
        files += [p for p in (repo / folder).rglob("*") if p.suffix in (".yml", ".yaml")]
    return sorted(p for p in files if p.is_file())


def check(repo: pathlib.Path = REPO) -> list[str]:
    """Every script element and event handler in the content sources, naming file and line."""
    problems = []
    for path in sources(repo):
        problems += scan(path.read_text(encoding="utf-8", errors="replace"), where_is(path))
    return problems


if __name__ == "__main__":
    problems = check()
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"scriptguard: {len(sources())} sources, {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)
