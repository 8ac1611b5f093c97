"""Search synonyms (data/synonyms.yml): words readers type that the site does not use.

Each rule maps a reader's words ('directeur', 'boss') to the words the site uses ('bestuurder',
'director'). Every entry of a language's search index (a page or a section) whose title or text
holds a site word gets the reader's words in an extra field, `synonyms`, which Material's lunr
index reads like the title and the text (the index's `config.fields`). The reader's words are
repeated as often as the site word occurs (a use in the title counts five times, as the title
weighs more; at most five repeats), so a search for the synonym ranks pages the way a search for
the site word would.
The field is not shown in the results.

CLI: `python -m hooks.content.synonyms check` validates the file without a build.
"""

from __future__ import annotations

import collections
import functools
import html
import re
import sys

from hooks.build.common import LANGUAGES, REPO, SourceError, check_cli, load_yaml, where_is

SOURCE = REPO / "data" / "synonyms.yml"
FIELD = "synonyms"
TITLE_WEIGHT = 5
MAX_REPEAT = 5  # lunr (BM25) barely scores repeats beyond a handful
_TAG = re.compile(r"<[^>]+>")


def rules(lang: str) -> list[tuple[list[str], list[str]]]:
    """The (reader words, site words) rules of a language, validated."""
    data = load_yaml(SOURCE) or {}
    problems = check(data)
    if problems:
        raise SourceError("\n".join(problems))
    return [(r["words"], r["site"]) for r in data.get(lang) or []]


def check(data=None) -> list[str]:
    """Problems in the file's shape, each naming the entry and the field."""
    data = load_yaml(SOURCE) if data is None else data
    where = where_is(SOURCE)
    if not isinstance(data, dict):
        return [f"{where}: must map each language ({', '.join(LANGUAGES)}) to a list of rules."]
    problems = [f"{where}: unknown language '{k}'. Use {', '.join(LANGUAGES)}." for k in data if k not in LANGUAGES]
    for lang in LANGUAGES:
        for i, rule in enumerate(data.get(lang) or []):
            at = f"{where}: {lang}[{i}]"
            if not isinstance(rule, dict) or set(rule) != {"words", "site"}:
                problems.append(f"{at} needs exactly 'words' (what readers type) and 'site' (the site's words).")
                continue
            for field in ("words", "site"):
                values = rule[field]
                if not isinstance(values, list) or not values or not all(isinstance(v, str) and v for v in values):
                    problems.append(f"{at}.{field} must be a non-empty list of words.")
                elif any(v != v.lower() for v in values):
                    problems.append(f"{at}.{field}: write {values} in lower case.")
            if isinstance(rule["words"], list) and any(
                isinstance(w, str) and re.search(r"[\s-]", w) for w in rule["words"]
            ):
                problems.append(f"{at}.words: one word per item (search splits on spaces and hyphens).")
    return problems


_WORD = re.compile(r"\w+(?:-\w+)*")


def _counter(site_words: list[str]):
    """A function counting the uses of the site words in a text, given the text and its word counts
    (single words are looked up in the counts; phrases are searched for)."""
    single = [w for w in site_words if _WORD.fullmatch(w)]
    phrases = [w for w in site_words if w not in single]
    pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(p)}(?![\w-])" for p in phrases)) if phrases else None

    def count(text: str, words: dict[str, int]) -> int:
        found = sum(words.get(w, 0) for w in single)
        # A phrase can only be found where its letters are: the plain test skips most regex searches.
        if pattern and any(p in text for p in phrases):
            found += len(pattern.findall(text))
        return found

    return count


def _words(text: str) -> tuple[str, dict[str, int]]:
    text = html.unescape(_TAG.sub(" ", text)).lower()
    return text, collections.Counter(_WORD.findall(text))


Rules = tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (reader words, site words) per rule


@functools.lru_cache(maxsize=8)
def _compiled(rules_: Rules) -> list:
    return [(list(words), list(site), _counter(list(site))) for words, site in rules_]


@functools.lru_cache(maxsize=1 << 15)
def _hits(rules_: Rules, title: str, text: str) -> tuple[tuple[int, int], ...]:
    """(rule number, hits) of every rule whose site words an entry uses. Kept per process: under
    `make serve` a rebuild counts again only the entries of the page that changed."""
    title, title_words = _words(title)
    text, text_words = _words(text)
    found = []
    for n, (_, _, count) in enumerate(_compiled(rules_)):
        hits = TITLE_WEIGHT * count(title, title_words) + count(text, text_words)
        if hits:
            found.append((n, hits))
    return tuple(found)


def add_synonyms(index: dict, lang: str) -> tuple[dict, list[str]]:
    """The index with a `synonyms` field on every entry that uses a site word, and one problem per
    rule whose site words occur nowhere in this language (the synonym would lead nowhere)."""
    rules_ = tuple((tuple(words), tuple(site)) for words, site in rules(lang))
    compiled = _compiled(rules_)
    used = [False] * len(compiled)
    docs = []
    for doc in index.get("docs", []):
        extra = []
        for n, hits in _hits(rules_, doc.get("title") or "", doc.get("text") or ""):
            used[n] = True
            extra += compiled[n][0] * min(hits, MAX_REPEAT)
        docs.append({**doc, FIELD: " ".join(extra)} if extra else doc)
    fields = {**index.get("config", {}).get("fields", {}), FIELD: {"boost": 1.0}}
    problems = [
        f"{where_is(SOURCE)}: {lang}: none of {site} occurs in the {lang} pages, so {words} would find "
        "nothing. Use a word the pages use, or drop the rule."
        for (words, site, _), hit in zip(compiled, used, strict=True)
        if not hit
    ]
    return {**index, "config": {**index.get("config", {}), "fields": fields}, "docs": docs}, problems


def main(argv: list[str]) -> int:
    return check_cli(
        argv, command="check", module="hooks.content.synonyms", check=check, ok="synonyms: data/synonyms.yml is valid"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
