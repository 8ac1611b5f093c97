"""Resolving links inside a built site, naming the source of a built file, and near-miss hints."""

from __future__ import annotations

import dataclasses
import difflib
import functools
import pathlib
import posixpath
import urllib.parse

from hooks.build import strict_yaml
from hooks.build.common import DEFAULT_LANGUAGE, LANGUAGES

SKIPPED_SCHEMES = ("mailto", "tel", "data", "javascript", "blob", "about")


@dataclasses.dataclass(frozen=True)
class Target:
    """Where an internal link leads: a path below the site folder and a fragment."""

    path: str  # 'gesprekken/kerngesprek/' or 'werkbladen/belangenkaart.pdf' ('' = the home page)
    fragment: str

    @property
    def url(self) -> str:
        """The URL path as a reader sees it: '/gesprekken/kerngesprek/#verloop'."""
        return "/" + self.path + (f"#{self.fragment}" if self.fragment else "")


def site_prefix(site_url: str) -> str:
    """The path of site_url, always ending in '/': '/' or '/belangen/'."""
    path = urllib.parse.urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def is_external(value: str, site_url: str) -> bool:
    """An http(s) link to another site (not below site_url)."""
    return value.startswith(("http://", "https://", "//")) and not (site_url and value.startswith(site_url))


def resolve(value: str, base: str, *, site_url: str) -> Target | None:
    """The target of an href/src found in the built file `base` ('x/index.html'); None when the
    link leaves the site (another host, mailto:, data: …). A path outside the site starts '../'."""
    value = value.strip()
    if not value:
        return None
    if site_url and value.startswith(site_url):
        value = "/" + value[len(site_url) :]
        prefix = "/"
    else:
        prefix = site_prefix(site_url)
    parts = urllib.parse.urlsplit(value)
    if parts.scheme or parts.netloc:
        return None
    path = urllib.parse.unquote(parts.path)
    if not path:
        path = base
    elif path.startswith("/"):
        if not path.startswith(prefix):
            return Target("../" + path.lstrip("/"), parts.fragment)
        path = path[len(prefix) :]
    else:
        path = posixpath.join(posixpath.dirname(base), path)
    trailing = path.endswith("/") or path == ""
    path = posixpath.normpath(path) if path else "."
    path = "" if path == "." else path + ("/" if trailing else "")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return Target(path, urllib.parse.unquote(parts.fragment))


def find_file(target: Target, files: set[str]) -> str | None:
    """The built file a target leads to (a folder leads to its index.html), or None."""
    path = target.path
    if path in files:
        return path
    folder = path if path.endswith("/") or not path else path + "/"
    if folder + "index.html" in files:
        return folder + "index.html"
    return None


def page_url(html_path: str) -> str:
    """'gesprekken/kerngesprek/index.html' -> '/gesprekken/kerngesprek/'."""
    return "/" + (html_path[: -len("index.html")] if html_path.endswith("index.html") else html_path)


def language_of(path: str) -> tuple[str, str]:
    """('en', 'gesprekken/x/index.html') for 'en/gesprekken/x/index.html'; Dutch has no prefix."""
    head, _, rest = path.partition("/")
    if head in LANGUAGES and head != DEFAULT_LANGUAGE and rest:
        return head, rest
    return DEFAULT_LANGUAGE, path


def twin_path(path: str, lang: str) -> str:
    """The same page in another language."""
    _, rest = language_of(path)
    return rest if lang == DEFAULT_LANGUAGE else f"{lang}/{rest}"


def did_you_mean(wrong: str, candidates, *, prefix: str = "") -> str:
    """' Did you mean '…'?' for the closest candidate, or ''."""
    close = difflib.get_close_matches(wrong, list(candidates), n=1, cutoff=0.6)
    return f" Did you mean '{prefix}{close[0]}'?" if close else ""


class Sources:
    """Names the file a writer edits for a built file: 'docs/nl/gesprekken/kerngesprek.md'."""

    def __init__(self, *, repo: pathlib.Path, docs_dir: pathlib.Path):
        self.repo = repo
        self.docs_dir = docs_dir

    def _rel(self, path: pathlib.Path) -> str:
        try:
            return path.relative_to(self.repo).as_posix()
        except ValueError:
            return str(path)

    @functools.cached_property
    def _downloads(self) -> dict[str, str]:
        """'en/werkbladen/interest-map.pdf' -> 'worksheets/belangenkaart.yml'."""
        result = {}
        for source in sorted((self.repo / "worksheets").glob("*.yml")):
            try:
                data = strict_yaml.load_file(source) or {}
            except (OSError, UnicodeDecodeError, strict_yaml.StrictYAMLError):
                continue  # the worksheet check reports it
            names = data.get("files") if isinstance(data, dict) else None
            for lang, name in (names or {}).items():
                folder = "werkbladen/" if lang == DEFAULT_LANGUAGE else f"{lang}/werkbladen/"
                for kind in ("pdf", "docx"):
                    result[f"{folder}{name}.{kind}"] = self._rel(source)
        return result

    def markdown(self, html_path: str) -> pathlib.Path | None:
        """The Markdown source of a built page, if it exists."""
        lang, rest = language_of(html_path)
        if not rest.endswith("index.html"):
            return None
        stem = rest[: -len("index.html")].rstrip("/")
        base = self.docs_dir / lang
        candidates = [base / "index.md"] if not stem else [base / f"{stem}.md", base / stem / "index.md"]
        return next((c for c in candidates if c.is_file()), None)

    def of(self, built: str) -> str:
        """The source to fix for a built file, as precise as we can say."""
        if built in self._downloads:
            return self._downloads[built]
        lang, rest = language_of(built)
        if rest == "404.html":
            return f"the {lang.upper()} 404 page ({built}: Material's 404.html, overrides/)"
        source = self.markdown(built)
        if source:
            return self._rel(source)
        return built
