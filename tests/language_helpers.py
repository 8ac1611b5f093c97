"""Language checks on the built pages: text per page (page language, and 'mixed' text that may be
in either language), hunspell with the project word lists, a Dutch syllable counter and the
Flesch-Douma reading ease, and Dutch glossary terms on English pages."""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess

import yaml
from bs4 import BeautifulSoup

REPO = pathlib.Path(__file__).resolve().parents[1]
DICTIONARIES = {"nl": "nl", "en": "en_GB"}
WORDLISTS = {"nl": REPO / "data" / "wordlist-nl.txt", "en": REPO / "data" / "wordlist-en.txt"}
# Text that is not prose to check: code, permalinks, buttons, and the worksheet form's inputs.
NOT_PROSE = "pre, code, kbd, script, style, svg, .headerlink, .md-content__button, input, textarea, select"
# Text that may be in either language: italics (titles, terms from the other language), glossary
# tooltips (`abbr`: a Dutch term on an English page), text marked with a language, the references on
# the sources page, and the glossary (terms and definitions refer to both languages throughout).
MIXED = "em, i, cite, abbr, [lang]"
MIXED_ON = {"bronnen/": "dt", "en/bronnen/": "dt", "begrippen/": "h3, p", "en/begrippen/": "h3, p"}
# A word: letters, with inner apostrophes (auto's) and hyphens (trade-offs, eigenaar-bewoners).
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def require_hunspell() -> None:
    import pytest

    missing = [d for d in DICTIONARIES.values() if not pathlib.Path(f"/usr/share/hunspell/{d}.dic").is_file()]
    if not shutil.which("hunspell") or missing:
        pytest.fail("hunspell with nl and en_GB dictionaries is needed: make test-deps (.ci/apt-packages.txt)")


def language_of(path: str) -> str:
    return "en" if path == "en/" or path.startswith("en/") else "nl"


def article(site: pathlib.Path, path: str) -> BeautifulSoup:
    soup = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    content = soup.select_one("article.md-content__inner") or soup.body
    for el in content.select(NOT_PROSE):
        el.decompose()
    return content


def split_text(content, path: str) -> tuple[str, str]:
    """(text in the page's language, mixed text) of a page's content; `content` is changed."""
    mixed_selector = MIXED + (", " + MIXED_ON[path] if path in MIXED_ON else "")
    mixed = []
    for el in content.select(mixed_selector):
        mixed.append(el.get_text(" "))
        el.decompose()
    return content.get_text(" "), " ".join(mixed)


def words(text: str) -> list[str]:
    """Words to spell-check: chunks with digits, addresses or e-mail are left out, and so are
    abbreviations in capitals (BATNA, MGA); the glossary and `abbr` cover those. A possessive 's is
    taken off (the dictionaries lack most possessives; Dutch plurals like auto's keep their stem)."""
    found = []
    for chunk in text.split():
        if any(c.isdigit() for c in chunk) or "@" in chunk or "/" in chunk:
            continue
        for word in WORD.findall(chunk.replace("’", "'")):
            if len(word) > 1 and word.isupper():
                continue
            found.append(word[:-2] if word.endswith("'s") else word)  # possessive: the noun is checked
    return found


def read_wordlist(lang: str) -> list[str]:
    file = WORDLISTS[lang]
    if not file.is_file():
        return []
    lines = file.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def unknown(words_: set[str], langs: list[str], wordlist_langs: list[str]) -> set[str]:
    """The words hunspell does not know in any of `langs`, given the project word lists. For a
    hyphenated word hunspell may name only the part it does not know: the word counts as unknown
    when it or one of its parts is named and not in the lists."""
    if not words_:
        return set()
    extra = {w for lang in wordlist_langs for w in read_wordlist(lang)}

    def listed(word: str) -> bool:
        return word in extra or word.lower() in extra

    candidates = sorted(w for w in words_ if not listed(w))
    if not candidates:
        return set()
    dicts = ",".join(DICTIONARIES[lang] for lang in langs)
    result = subprocess.run(
        ["hunspell", "-d", dicts, "-i", "utf-8", "-l"],
        input="\n".join(candidates),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    named = {w for w in result.stdout.split() if not listed(w)}
    return {w for w in candidates if w in named or any(part in named for part in w.split("-"))}


def spelling_report(site: pathlib.Path, paths: list[str]) -> dict[str, list[str]]:
    """Unknown words per page: page-language text against its dictionary and word list; mixed
    text against both dictionaries and both lists."""
    plain, mixed = {}, {}
    for path in paths:
        text, other = split_text(article(site, path), path)
        plain[path], mixed[path] = words(text), words(other)
    bad: dict[str, set[str]] = {}
    for lang in ("nl", "en"):
        mine = [p for p in paths if language_of(p) == lang]
        wrong = unknown({w for p in mine for w in plain[p]}, [lang], [lang])
        for p in mine:
            bad.setdefault(p, set()).update(w for w in plain[p] if w in wrong)
    wrong_mixed = unknown({w for p in paths for w in mixed[p]}, ["nl", "en"], ["nl", "en"])
    for p in paths:
        bad.setdefault(p, set()).update(w for w in mixed[p] if w in wrong_mixed)
    return {p: sorted(ws) for p, ws in bad.items() if ws}


# --- readability ---------------------------------------------------------------------------------

VOWELS = "aeiouyáéíóúàèìòùâêîôûäëïöü"
DIAERESIS = "äëïöü"
_VOWEL_RUN = re.compile(f"[{VOWELS}]+")


def syllables_nl(word: str) -> int:
    """Dutch syllables, approximately: one per group of vowels ('ij', 'ui', 'eeuw', 'ooi' and the
    like are one group), a vowel with a diaeresis starts a new one (ide-eën, re-ëel), and every
    word has at least one. Hiatus without a diaeresis (the-a-ter) is undercounted."""
    word = word.lower()
    count = 0
    for run in _VOWEL_RUN.findall(word):
        count += 1 + sum(1 for i, c in enumerate(run) if c in DIAERESIS and i > 0)
    return max(1, count)


def sentences_and_words(content) -> tuple[int, list[str]]:
    """Sentences and words of the running text: paragraphs and list items (a list item or a
    paragraph without a full stop is one sentence); headings, tables and forms are left out."""
    n_sentences, all_words = 0, []
    for block in content.select("p, li"):
        if block.find(["p", "ul", "ol"]):
            continue  # a list item holding paragraphs or lists: its children count
        text = block.get_text(" ").strip()
        found = WORD.findall(text)
        if not found:
            continue
        parts = [s for s in re.split(r"(?<=[.!?])[\"'”’)]*\s+", text) if WORD.search(s)]
        n_sentences += max(1, len(parts))
        all_words += found
    return n_sentences, all_words


def flesch_douma(content) -> tuple[float, int]:
    """Flesch-Douma reading ease (206.84 - 0.77 x syllables per 100 words - 0.93 x words per
    sentence) and the number of words it is based on."""
    n_sentences, found = sentences_and_words(content)
    if not found:
        return 0.0, 0
    syllables = sum(syllables_nl(w) for w in found)
    score = 206.84 - 0.77 * (100 * syllables / len(found)) - 0.93 * (len(found) / n_sentences)
    return round(score, 1), len(found)


# --- terminology ---------------------------------------------------------------------------------


def dutch_terms() -> dict[str, list[str]]:
    """Glossary id -> the Dutch word forms (term and tooltip forms) that are not English words."""
    entries = yaml.safe_load((REPO / "data" / "begrippen.yml").read_text(encoding="utf-8"))
    forms = {}
    for entry in entries:
        nl_forms = {entry["nl"]["term"], *((entry.get("tooltip") or {}).get("nl") or [])}
        # Single words; abbreviations in capitals (BATNA) are the same in both languages.
        forms[entry["id"]] = sorted(f for f in nl_forms if " " not in f and not f.isupper())
    english_words = {f for fs in forms.values() for f in fs} - unknown(
        {f for fs in forms.values() for f in fs}, ["en"], []
    )
    return {k: [f for f in fs if f not in english_words] for k, fs in forms.items() if fs}


def bare_dutch_terms(site: pathlib.Path, path: str, terms: dict[str, list[str]]) -> list[str]:
    """Dutch glossary terms on an English page outside a tooltip (`abbr`), italics or a Dutch
    `lang` attribute, i.e. without a visible sign that they are Dutch and explained."""
    content = article(site, path)
    for el in content.select("abbr, em, i, [lang=nl], a[href*='begrippen']"):
        el.decompose()
    text = content.get_text(" ")
    found = []
    for forms in terms.values():
        for form in forms:
            if re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text, flags=re.I):
                found.append(form)
    return sorted(set(found))
