"""Drop the rules of Material's stylesheet that can never match on this site.

Material ships one stylesheet for every feature (blog, code highlighting, a dozen admonition types
with their icons, tabs, annotations, …); this site uses a fraction. After the build, a rule is kept
when every class its selector requires occurs somewhere in the site: in a `class` attribute of any
built page or as a word in any script that works on pages (classes that Material's JavaScript adds
at run time), every element it requires occurs in a page or as such a word (no rules for `kbd`,
`figure` or `h6` on a site without them), and the writing direction it requires (`[dir=rtl]`) is
one a page declares. Classes inside `:not(…)`, `:is(…)`, `:where(…)` and `:has(…)` are not
required, so the test errs on the side of keeping a rule. Words of Material's script count only for
components the site has (GATES: no code blocks, no rules for copy buttons). At-rules other than
@media and @supports (@font-face, @keyframes, …) are kept.
Then custom properties (`--md-admonition-icon--bug: url(data:…)`) that nothing reads any more
through `var(…)` (in the stylesheets, pages or scripts) are dropped too: most of them are icons.

CLI: `python -m hooks.pages.slim_css SITE_DIR` slims the stylesheets of a built site in place and prints
the sizes.
"""

from __future__ import annotations

import hashlib
import pathlib
import re
import sys

import rjsmin
import tinycss2

_CLASS_ATTR = re.compile(r'class="([^"]*)"')
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S)
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_OPTIONAL = re.compile(r":(?:not|is|where|has|matches)\(")


def site_usage(site: pathlib.Path, sheets: list[pathlib.Path]) -> tuple[set[str], frozenset[str]]:
    """One pass over a built site (usage() of every page, script and stylesheet): the classes and
    words it uses, and the custom properties read outside the slimmed `sheets`."""
    used: set[str] = set()
    read: set[str] = set()
    for path in site.rglob("*"):
        if path.suffix not in (".css", ".html", ".js"):
            continue
        words, properties = usage(path.relative_to(site).as_posix(), path.read_text(encoding="utf-8", errors="replace"))
        used |= words
        if path not in sheets:
            read |= properties
    return used, frozenset(read)


# Scripts that never put a class on a page: libraries the worksheets load to write PDF and DOCX,
# search's worker and stemmers, the service worker. Their thousands of identifiers ('info', 'bug',
# 'warning') would otherwise keep the rules of admonition types and code highlighting nobody uses.
_NO_DOM = re.compile(r"(^|/)vendor/|^assets/javascripts/(lunr|workers)/|^sw\.js$")
_DIR_ATTR = re.compile(r'\bdir="(\w+)"')


def usage(rel: str, text: str) -> tuple[frozenset[str], frozenset[str]]:
    """What one built file (path below the site root, its text) gives slimming: the classes and
    words that may be classes, with a 'dir=…' token per writing direction a page declares; and the
    custom properties it reads."""
    if rel.endswith(".html"):
        words = {c for attr in _CLASS_ATTR.findall(text) for c in attr.split()}
        for script in _INLINE_SCRIPT.findall(text):
            words.update(_WORD.findall(script))
        words.update(f"dir={d}" for d in _DIR_ATTR.findall(text))
        words.update(f"<{tag.lower()}" for tag in _TAG.findall(text))
        words.update(f"gate:{name}" for name, (_, marker) in GATES.items() if marker.search(text))
        return frozenset(words), frozenset(_VAR.findall(text))
    if rel.endswith(".js"):
        if _NO_DOM.search(rel):
            return frozenset(), frozenset(re.findall(r"--[\w-]+", text))
        return frozenset(_WORD.findall(text)), frozenset(re.findall(r"--[\w-]+", text))
    return frozenset(), frozenset(_VAR.findall(text))


def _strip_groups(selector: str) -> str:
    """Remove attribute selectors and optional groups (:not(…), :is(…), …) from a selector."""
    selector = re.sub(r"\[[^\]]*\]", "", selector)
    while True:
        match = _OPTIONAL.search(selector)
        if not match:
            return selector
        depth, i = 1, match.end()
        while i < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[i], 0)
            i += 1
        selector = selector[: match.start()] + selector[i:]


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in prelude:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


# An element name at the start of a compound selector (`.md-typeset kbd`, `figure>img`), and the
# pseudo-classes and -elements to ignore while looking for one.
_TYPE = re.compile(r"(?:^|[\s>+~])([a-zA-Z][\w-]*)")
_PSEUDO = re.compile(r"::?[\w-]+(?:\([^)]*\))?")
_TAG = re.compile(r"<([a-zA-Z][\w-]*)")
_DIR = re.compile(r"\[dir=[\"']?(\w+)[\"']?\]")


def _keep_selector(selector: str, used: set[str]) -> bool:
    """Every class and element the selector requires is used (an element: in a page, or as a word
    in a script that may create it), and so is the writing direction it requires
    (`[dir=rtl]` only where `used` holds 'dir=rtl': a page declares it; left-to-right is the default)."""
    if any(d != "ltr" and f"dir={d}" not in used for d in _DIR.findall(selector.split(":not(")[0])):
        return False
    required = _strip_groups(selector)
    if not all(f"<{tag}" in used or tag in used for tag in _TYPE.findall(_PSEUDO.sub("", required))):
        return False
    return all(name in used for name in _CLASS.findall(required))


def _slim_rules(rules, used: set[str]) -> list[str]:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s.strip() for s in _split_selectors(tinycss2.serialize(rule.prelude)) if _keep_selector(s, used)]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = _slim_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            out.append(tinycss2.serialize([rule]))
    return out


_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_CUSTOM = re.compile(r"(?<![\w-])(--[\w-]+)\s*:")


def _drop_unread_properties(css: str, read_elsewhere: set[str]) -> str:
    """Remove `--name: value` declarations that no `var(--name)` reads, until nothing changes."""
    while True:
        read = set(_VAR.findall(css)) | read_elsewhere
        rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        slimmed = "".join(_drop_in(rules, read))
        if slimmed == css:
            return css
        css = slimmed


def _drop_in(rules, read: set[str]) -> list[str]:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            kept = [
                f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"
                for d in declarations
                if d.type == "declaration" and (not d.name.startswith("--") or d.name in read)
            ]
            if kept:
                out.append(tinycss2.serialize(rule.prelude).strip() + "{" + ";".join(kept) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = _drop_in(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), read)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        else:
            out.append(tinycss2.serialize([rule]))
    return out


# Classes Material's JavaScript adds only to markup of one kind (its words are in the bundle, the
# classes never on a page without that markup): name -> (the classes, the markup a page must have).
# Code blocks bring copy buttons, annotations and highlighting; content tabs their labels; a
# version selector needs `extra.version`; tags the tags plugin. Without the markup, their rules go.
GATES = {
    "code blocks": (re.compile(r"^(?:md-annotation|md-code|md-clipboard|highlight)"), re.compile(r"<(?:pre|code)\b")),
    "content tabs": (re.compile(r"^tabbed-"), re.compile(r'class="[^"]*\btabbed-set\b')),
    "version selector": (re.compile(r"^md-version"), re.compile(r'"version":\s*\{')),
    "tags": (re.compile(r"^md-tag"), re.compile(r'class="[^"]*\bmd-tag\b')),
}


def _ungated(used: set[str]) -> set[str]:
    """`used` without the classes of components no page has (GATES)."""
    closed = [classes for name, (classes, _) in GATES.items() if f"gate:{name}" not in used]
    return {word for word in used if not any(classes.match(word) for classes in closed)}


def slim(css: str, used: set[str], read_elsewhere: frozenset[str] = frozenset()) -> str:
    """The rules of `css` that can match (`used`: classes on the site), without custom properties
    that nothing reads (`read_elsewhere`: names read by other stylesheets, pages or scripts)."""
    used = _ungated(set(used))
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return _drop_unread_properties("".join(_slim_rules(rules, used)), set(read_elsewhere))


def slim_site(site: pathlib.Path, cache_dir: pathlib.Path | None = None) -> list[tuple[str, int, int]]:
    """Slim Material's main stylesheet(s) in a built site; return (file, bytes before, bytes after).
    With `cache_dir`, a result is kept under a hash of everything it depends on (every page,
    script and stylesheet of the site, this module) and reused when they are the same, without
    scanning the pages again."""
    sheets = sorted((site / "assets" / "stylesheets").glob("main.*.min.css"))
    key = _inputs_key(site) if cache_dir else ""
    used: set[str] | None = None
    elsewhere: frozenset[str] = frozenset()
    report = []
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        cached = cache_dir / f"{key[:32]}-{sheet.name}" if cache_dir else None
        if cached and cached.is_file():
            slimmed = cached.read_text(encoding="utf-8")
        else:
            if used is None:
                used, elsewhere = site_usage(site, sheets)
            slimmed = slim(css, used, elsewhere)
            if cached:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(slimmed, encoding="utf-8")
        sheet.write_text(slimmed, encoding="utf-8")
        report.append((sheet.name, len(css.encode()), len(slimmed.encode())))
    return report


def _inputs_key(site: pathlib.Path) -> str:
    """Hash of what slimming reads: every .html, .js and .css file of the site, and this module."""
    digest = hashlib.sha256(pathlib.Path(__file__).read_bytes())
    for path in sorted(p for p in site.rglob("*") if p.suffix in (".css", ".html", ".js")):
        digest.update(str(path.relative_to(site)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


_BLOCK_COMMENT_LINES = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.S | re.M)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


# Our own scripts and stylesheets: a folder per feature below assets/ (overrides/assets/<feature>/),
# walked, so a new module is covered without a list to edit. Libraries (vendor/) stay as they came.
FEATURES = ("planner", "site", "templates", "offline", "worksheets")
# Minified whole (rjsmin: comments and spaces): weight budgets (tests/test_weight.py). The worksheets'
# scripts lose only their comment blocks (their line structure stays readable in the built site).
COMMENTS_ONLY = ("worksheets",)
LOOSE = ("worksheets.css",)  # published by hooks/worksheets_hook.py next to the feature folders


def own_assets(site: pathlib.Path) -> list[str]:
    """Our own .js and .css files in a built site, as paths below site/assets/, sorted."""
    assets = site / "assets"
    names = [name for name in LOOSE if (assets / name).is_file()]
    for feature in FEATURES:
        names += [
            p.relative_to(assets).as_posix()
            for p in (assets / feature).rglob("*")
            if p.suffix in (".js", ".css") and p.is_file() and "vendor" not in p.relative_to(assets).parts
        ]
    return sorted(names)


def minified(name: str) -> bool:
    """Whether an own asset (path below assets/) is minified whole rather than stripped of comments."""
    return name.endswith(".js") and name.split("/", 1)[0] not in COMMENTS_ONLY


def strip_comments(site: pathlib.Path, names: list[str] | tuple[str, ...] | None = None) -> int:
    """Drop the comments of our own assets in the built site (they stay in the sources): every
    comment in CSS; our scripts are minified (comments and spaces), the worksheets' scripts lose
    their comment blocks on their own lines. Returns the bytes saved."""
    saved = 0
    for name in own_assets(site) if names is None else names:
        path = site / "assets" / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        if minified(name):
            slim_text = rjsmin.jsmin(text)
        elif name.endswith(".css"):
            slim_text = _CSS_COMMENT.sub("", text)
        else:
            slim_text = _BLOCK_COMMENT_LINES.sub("", text)
        slim_text = re.sub(r"\n\s*\n+", "\n", slim_text)
        saved += len(text) - len(slim_text)
        path.write_text(slim_text, encoding="utf-8")
    return saved


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not pathlib.Path(argv[0]).is_dir():
        print("usage: python -m hooks.pages.slim_css SITE_DIR", file=sys.stderr)
        return 2
    for name, before, after in slim_site(pathlib.Path(argv[0])):
        print(f"{name}: {before} -> {after} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
