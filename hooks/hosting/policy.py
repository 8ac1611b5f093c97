"""The security headers of every response, with a Content-Security-Policy built from the pages.

Scripts run only from files of the site itself, plus each inline `<script>` that Material or our
templates put in a page, allowed by the sha256 hash of its exact text (computed here from the built
pages, so a changed template changes the policy with it). No 'unsafe-inline', no 'unsafe-eval'.
`<script type="application/json">` blocks are data, never run, and need no hash.

Only scripts known at build are hashed: each inline script of a page must be one of the scripts of
a template (Material's theme, overrides/, the redirect page of hooks/pages/redirects.py), with only what
the template fills in (`{{ … }}`, `{% … %}`) differing. A script that came from content matches no
template and fails the build, naming the page (hooks/content/scriptguard.py already refuses it in the
sources, naming file and line; this is the second net).

Styles come from the site's stylesheets; the few `style="…"` attributes in the pages (the worksheet
forms size their columns and text boxes with them) are allowed one by one by their hash
('unsafe-hashes' admits hashed attributes, nothing else); a new attribute value gets its hash on
the next build, an injected one is blocked. Images may be `data:` URLs: Material draws its icons
in the stylesheet as `data:image/svg+xml` masks, and an image cannot run code.

Inline event handlers (`onclick="…"`) would need 'unsafe-inline' or 'unsafe-hashes' for scripts:
the build fails on them, naming the page. (`javascript:` links are the link guard's: it names the
Markdown file and line.)
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import html
import json
import pathlib
import re
from collections.abc import Callable

from hooks.build.store import Store, digest
from hooks.hosting.sitefiles import SiteFiles

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_STYLE_ATTR = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_HANDLER_ATTR = re.compile(r"""\s(on[a-z]+)\s*=\s*["']""", re.I)
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
# Types a browser runs; anything else (application/json, text/template, …) is data.
_RUNNABLE = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}

# Powerful features the site never uses: refused to the page and anything in it.
_UNUSED = ("accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb")
PERMISSIONS = ", ".join(f"{feature}=()" for feature in _UNUSED)


# What a template fills into a script: a value (a path, a language code), never something that could
# end a string or a statement and start code of its own.
_FILLED = r"[^\"'`<>;(){}\n]*?"
_JINJA = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})", re.S)


def _runnable(attrs: str) -> bool:
    kind = _TYPE.search(attrs)
    kind = (next(g for g in kind.groups() if g is not None) if kind else "").strip().lower()
    return not _SRC.search(attrs) and kind in _RUNNABLE


def template_pattern(body: str) -> re.Pattern | None:
    """The script texts a template's script body can become: its literal text (white space may
    differ), anything where the template fills something in. None for a body that is nothing but
    filled-in text (it would admit any script). A filled-in part is a plain value (_FILLED)."""
    parts = _JINJA.split(body)
    literal = "".join(parts[0::2])
    if len(re.sub(r"\s", "", literal)) < 8:
        return None
    pattern = []
    for i, part in enumerate(parts):
        if i % 2:
            pattern.append(_FILLED)
        else:
            pattern.append(r"\s*".join(re.escape(word) for word in re.split(r"\s+", part)))
    return re.compile(r"\s*" + "".join(pattern) + r"\s*", re.S)


def known_scripts(templates: list[str]) -> list[re.Pattern]:
    """The inline scripts the given template texts can put in a page, as patterns."""
    found = []
    for text in templates:
        for match in _SCRIPT.finditer(text):
            if _runnable(match.group(1)) and (pattern := template_pattern(match.group(2))) is not None:
                found.append(pattern)
    return found


def theme_templates(*folders: pathlib.Path) -> list[str]:
    """The texts of every template in `folders` and of Material's theme."""
    import material

    roots = [pathlib.Path(material.__file__).parent / "templates", *folders]
    return [p.read_text(encoding="utf-8") for root in roots for p in sorted(root.rglob("*.html"))]


@dataclasses.dataclass
class Inline:
    """What the built pages hold inline: hashes of scripts and styles, and what no hash can allow."""

    scripts: set[str] = dataclasses.field(default_factory=set)
    styles: set[str] = dataclasses.field(default_factory=set)
    problems: list[str] = dataclasses.field(default_factory=list)


def csp_hash(text: str) -> str:
    """The CSP source expression of an inline script or style: 'sha256-<base64>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def scan_page(text: str, where: str, found: Inline, known: list[re.Pattern] | None = None) -> None:
    """Add the inline scripts and styles of one page to `found`; note what cannot be allowed.
    `known`: the scripts templates can write (known_scripts); None admits every inline script."""
    for match in _SCRIPT.finditer(text):
        attrs, body = match.group(1), match.group(2)
        if not _runnable(attrs):
            continue
        hashed = csp_hash(body)
        if known is not None and hashed not in found.scripts and not any(p.fullmatch(body) for p in known):
            found.problems.append(
                f"{where}: an inline script that no template of the theme or of ours writes "
                f"({body.strip()[:60]!r}): content cannot carry script, and the security policy will not "
                "hash it. Remove it from the content (hooks/content/scriptguard.py names the source when it can); "
                "behaviour belongs in a script module in overrides/assets/<feature>/."
            )
            continue
        found.scripts.add(hashed)
    for match in _STYLE_ELEMENT.finditer(text):
        found.styles.add(csp_hash(match.group(1)))
    outside_scripts = _SCRIPT.sub("", text)
    for tag in _TAG.finditer(outside_scripts):
        for attr in _STYLE_ATTR.finditer(tag.group(0)):
            value = attr.group(1) if attr.group(1) is not None else attr.group(2)
            found.styles.add(csp_hash(html.unescape(value)))
        handler = _HANDLER_ATTR.search(tag.group(0))
        if handler:
            found.problems.append(
                f"{where}: inline event handler {handler.group(1)}= in {tag.group(0)[:80]!r}: the security policy "
                "blocks it. Attach the handler from a script file (addEventListener) instead."
            )


def scan_site(
    site: pathlib.Path,
    known: list[re.Pattern] | Callable[[], list[re.Pattern]] | None = None,
    files: SiteFiles | None = None,
    kept: Store | None = None,
    salt: str = "",
) -> Inline:
    """The inline scripts and styles of every HTML file of a built site (`known`: see scan_page; a
    function is called only when a page has to be scanned). With `kept`, a page's hashes are kept
    under the SHA-256 of its bytes and `salt` (which must change with this module and with what
    `known` stands for), and a page whose bytes were scanned before is not scanned again. A page
    with problems is never kept: it is scanned, and named, on every build."""
    files = files or SiteFiles(site)
    found = Inline()
    patterns: list[list[re.Pattern] | None] = []

    def known_now() -> list[re.Pattern] | None:
        if not patterns:
            patterns.append(known() if callable(known) else known)
        return patterns[0]

    for page in (p for p in files.paths if p.suffix == ".html"):
        key = digest(salt.encode(), files.sha256(page)) if kept else ""
        stored = kept.get(key) if kept else None
        if stored is not None:
            entry = json.loads(stored)
            found.scripts.update(entry["scripts"])
            found.styles.update(entry["styles"])
            kept.reused += 1
            continue
        mine = Inline()
        scan_page(files.text(page), page.relative_to(site).as_posix(), mine, known_now())
        found.scripts |= mine.scripts
        found.styles |= mine.styles
        found.problems += mine.problems
        if kept and not mine.problems:
            entry = {"scripts": sorted(mine.scripts), "styles": sorted(mine.styles)}
            kept.put(key, json.dumps(entry, separators=(",", ":")).encode())
            kept.computed += 1
    return found


def salt(*parts: str) -> str:
    """What a kept scan result depends on besides the page: this module's code and `parts` (what
    the known scripts are made from)."""
    return digest(pathlib.Path(__file__).read_bytes(), *(part.encode("utf-8") for part in parts))


def content_security_policy(found: Inline) -> str:
    """The policy for every page; hashes sorted, so the same pages give the same bytes."""
    styles = ["'self'"]
    if found.styles:
        styles += ["'unsafe-hashes'", *sorted(found.styles)]
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *sorted(found.scripts)],
        "style-src": styles,
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def security_headers(found: Inline) -> dict[str, str]:
    """The headers every response carries (pages, files, redirects and 404s alike)."""
    return {
        "Content-Security-Policy": content_security_policy(found),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": PERMISSIONS,
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }
