"""Language plumbing the i18n plugin leaves to us.

- Twins: every page exists in Dutch and English (same relative path), or the build fails.
- Search: the plugin writes one index for both languages; we split it so a Dutch page searches
  Dutch pages (with Dutch stemming) and an English page English ones (`/en/search/…`), and add
  the search synonyms of each language (hooks/content/synonyms.py).
- Sitemaps: `/sitemap.xml` lists both languages with hreflang alternates; `/en/sitemap.xml` holds
  the English URLs, which Material's instant navigation reads on English pages.
- 404: one page per language (`/404.html`, `/en/404.html`), language links pointing home.

CLI: `python -m hooks.pages.i18n_site twins` checks the twins without a build.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

from hooks.build import memo
from hooks.build.common import DEFAULT_LANGUAGE, DOCS, LANGUAGES, REPO, SourceError, check_cli, url_prefix
from hooks.build.store import Store, digest
from hooks.content import synonyms

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def missing_twins(docs: pathlib.Path = DOCS) -> list[str]:
    """One message per page that has no twin in the other language."""
    trees = {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")} for lang in LANGUAGES}
    problems = []
    for lang in LANGUAGES:
        for other in LANGUAGES:
            for rel in sorted(trees[lang] - trees[other]):
                src = (docs / lang / rel).relative_to(REPO) if docs.is_relative_to(REPO) else docs / lang / rel
                problems.append(
                    f"{src} has no {other.upper()} twin: add docs/{other}/{rel} "
                    f"(same relative path; every page exists in both languages)."
                )
    return problems


def split_search_index(index: dict) -> dict[str, dict]:
    """Split the plugin's mixed index into one index per language, without duplicates.

    Locations in the English index are made relative to `/en/`, which is the search base of
    English pages (see overrides/main.html)."""
    result = {}
    for lang in LANGUAGES:
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        others = tuple(f"{o}/" for o in LANGUAGES if o != DEFAULT_LANGUAGE)
        seen, docs = set(), []
        for doc in index.get("docs", []):
            loc = doc.get("location", "")
            if prefix:
                if not loc.startswith(prefix):
                    continue
                loc = loc[len(prefix) :]
            elif loc.startswith(others):
                continue
            key = (loc, doc.get("title"), doc.get("text"))
            if key in seen:
                continue
            seen.add(key)
            docs.append({**doc, "location": loc})
        config = {**index.get("config", {}), "lang": [lang]}
        result[lang] = {"config": config, "docs": docs}
    return result


def write_search_indexes(site: pathlib.Path, index: dict | None = None) -> dict[str, int]:
    """Replace the mixed index (`index`, or the one the search plugin wrote) with one per language,
    with the search synonyms of that language (hooks/content/synonyms.py); return the number of entries per
    language. A synonym rule that leads nowhere raises SourceError after the indexes are written."""
    if index is None:
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    counts, problems = {}, []
    for lang, sub in split_search_index(index).items():
        sub, found = synonyms.add_synonyms(sub, lang)
        problems += found
        target = site / ("" if lang == DEFAULT_LANGUAGE else lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(sub, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang] = len(sub["docs"])
    if problems:
        raise SourceError("\n".join(problems))
    return counts


def write_search_indexes_kept(site: pathlib.Path, kept: Store) -> dict[str, int]:
    """write_search_indexes, from `kept` when the plugin's index, the search synonyms and our code
    (memo.code_version) are those of an earlier build: the indexes are stored as written, under a
    hash of all three. Indexes with a synonym problem are never kept (the problem is raised again)."""
    try:
        rules = synonyms.SOURCE.read_bytes()
    except FileNotFoundError:
        rules = b"missing"
    mixed = (site / "search" / "search_index.json").read_bytes()
    key = digest(memo.code_version().encode(), rules, mixed)
    targets = {lang: site / url_prefix(lang) / "search" / "search_index.json" for lang in LANGUAGES}
    stored = kept.get(key)
    if stored is not None:
        entry = json.loads(stored)
        for lang, target in targets.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(entry["indexes"][lang].encode("utf-8"))
        kept.reused += 1
        return entry["counts"]
    counts = write_search_indexes(site, json.loads(mixed.decode("utf-8")))
    indexes = {lang: target.read_bytes().decode("utf-8") for lang, target in targets.items()}
    kept.put(key, json.dumps({"counts": counts, "indexes": indexes}, ensure_ascii=False).encode("utf-8"))
    kept.computed += 1
    return counts


def write_language_sitemaps(site: pathlib.Path, site_url: str) -> dict[str, int]:
    """Write `<lang>/sitemap.xml` for every non-default language, with that language's URLs."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    counts = {}
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        tree = ET.parse(site / "sitemap.xml")
        root = tree.getroot()
        base = site_url.rstrip("/") + f"/{lang}/"
        for url in list(root):
            loc = url.findtext(f"{{{SITEMAP_NS}}}loc") or ""
            if not loc.startswith(base):
                root.remove(url)
        counts[lang] = len(root)
        (site / lang).mkdir(exist_ok=True)
        tree.write(site / lang / "sitemap.xml", encoding="UTF-8", xml_declaration=True)
    return counts


_SELECT_LINK = re.compile(r'<a href="[^"]*" hreflang="([a-z]{2})" class="md-select__link">')


def point_language_links_home(html: str, site_path: str) -> str:
    """On a 404 page, let the language links lead to each language's home page (marked
    data-i18n-home, so assets/site/site.js keeps them: the twin of a missing page is missing too)."""

    def home(match: re.Match) -> str:
        lang = match.group(1)
        href = site_path + ("" if lang == DEFAULT_LANGUAGE else f"{lang}/")
        return f'<a href="{href}" hreflang="{lang}" class="md-select__link" data-i18n-home>'

    return _SELECT_LINK.sub(home, html)


def main(argv: list[str]) -> int:
    return check_cli(
        argv,
        command="twins",
        module="hooks.pages.i18n_site",
        check=missing_twins,
        ok="twins: every page exists in both languages",
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
