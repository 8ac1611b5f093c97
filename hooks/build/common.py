"""Shared helpers for the build: repository paths, the taxonomy, the build language, loggers."""

from __future__ import annotations

import pathlib
import posixpath
import sys
import unicodedata

REPO = pathlib.Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")


class SourceError(Exception):
    """A content problem the author must fix; the message names the file, the field and the fix."""


def load_yaml(path: pathlib.Path) -> object:
    """Parse a YAML file with the strict loader (hooks/build/strict_yaml.py: no aliases, no duplicate
    keys), once per version of the file, so `mkdocs serve` sees edits."""
    from hooks.build import strict_yaml

    try:
        return strict_yaml.load_file(path, display=where_is(path))
    except strict_yaml.StrictYAMLError as exc:
        raise SourceError(str(exc)) from None
    except FileNotFoundError as exc:
        raise SourceError(f"{where_is(path)} is missing.") from exc


def taxonomy() -> dict:
    """The fixed lists of data/taxonomy.yml (phases, guides, worksheets, situations, …), checked
    (hooks/content/datafiles.py: slugs, labels as text; a problem is a SourceError naming line and field)."""
    from hooks.content import datafiles

    return datafiles.checked(REPO / "data" / "taxonomy.yml", datafiles.check_taxonomy)


def build_language(config) -> str:
    """The language of the build in progress (the i18n plugin re-runs the build per language)."""
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or DEFAULT_LANGUAGE


def i18n_busy(config) -> bool:
    """True while the i18n plugin is building the other languages inside the default build."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def url_prefix(lang: str) -> str:
    """The path prefix of a language below the site root: '' for Dutch, 'en/' for English."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def check_cli(argv: list[str], *, command: str, module: str, check, ok: str) -> int:
    """A pre-commit style check command: problems to stderr and exit 1, or one line and exit 0."""
    if argv[:1] != [command]:
        print(f"usage: python -m {module} {command}", file=sys.stderr)
        return 2
    problems = check()
    for line in problems:
        print(line, file=sys.stderr)
    if not problems:
        print(ok)
    return 1 if problems else 0


def rel_link(from_page: str, to_page: str) -> str:
    """Relative link between two pages given by their path below the language root."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def where_is(path: pathlib.Path) -> str:
    """A path as the author knows it: relative to the repository where possible."""
    try:
        return str(path.relative_to(REPO))
    except ValueError:
        return str(path)


_ARTICLES = {"nl": ("de ", "het ", "een "), "en": ("the ", "a ", "an ")}


def sort_key(title: str, lang: str) -> str:
    """How a title sorts in an index of its language: without case, accents or a leading article
    ('The core session' under C, 'Cliëntenraad' next to 'client')."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().casefold().lstrip("'\"")
    for article in _ARTICLES.get(lang, ()):
        if text.startswith(article):
            return text[len(article) :]
    return text
