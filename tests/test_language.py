"""Language: every page is spelled correctly (hunspell nl / en_GB plus the project word lists in
data/), Dutch pages read at about B1 level (Flesch-Douma reading ease), and English pages mark the
Dutch glossary terms they use (a tooltip or italics)."""

from __future__ import annotations

from tests.language_helpers import (
    article,
    bare_dutch_terms,
    dutch_terms,
    flesch_douma,
    language_of,
    require_hunspell,
    spelling_report,
)
from tests.quality_helpers import page_paths

# Flesch-Douma: 60-70 is 'normal', 70-80 'fairly easy', 80+ 'easy'. B1 text lands at 60 or above
# in practice; the densest pages now (the glossary, a case story full of roles and institutions)
# score 61-62, the guides 75-84. A page below 60 needs shorter sentences or shorter words.
READING_EASE_FLOOR = 60.0
MIN_WORDS = 50  # below this, a score says little


def _spelling(built_site, lang: str) -> None:
    require_hunspell()
    paths = [p for p in page_paths(built_site) if language_of(p) == lang]
    assert paths, f"no {lang} pages in the build"
    report = spelling_report(built_site, paths)
    lines = [f"/{path}: {', '.join(words)}" for path, words in sorted(report.items())]
    assert not report, (
        f"unknown words on {len(report)} {lang} pages. Fix a misspelling in the page; add a real term or name to "
        f"data/wordlist-{lang}.txt (foreign titles and terms in italics are checked in both languages):\n"
        + "\n".join(lines)
    )


def test_dutch_pages_are_spelled_correctly(built_site):
    _spelling(built_site, "nl")


def test_english_pages_are_spelled_correctly(built_site):
    _spelling(built_site, "en")


def test_dutch_pages_read_at_about_b1(built_site, capsys):
    scores = []
    for path in page_paths(built_site):
        if language_of(path) != "nl":
            continue
        score, n_words = flesch_douma(article(built_site, path))
        if n_words >= MIN_WORDS:
            scores.append((score, n_words, path))
    scores.sort()
    assert len(scores) >= 40, f"only {len(scores)} Dutch pages with enough text to score"
    with capsys.disabled():
        print(f"\nFlesch-Douma reading ease, the five hardest Dutch pages (floor {READING_EASE_FLOOR}):")
        for score, n_words, path in scores[:5]:
            print(f"  {score:5.1f}  /{path} ({n_words} words)")
    below = [f"/{path}: {score} ({n_words} words)" for score, n_words, path in scores if score < READING_EASE_FLOOR]
    assert not below, f"Dutch pages below the reading-ease floor of {READING_EASE_FLOOR}:\n" + "\n".join(below)


def test_english_pages_mark_the_dutch_glossary_terms_they_use(built_site):
    require_hunspell()
    terms = dutch_terms()
    assert len(terms) >= 20, "the glossary (data/begrippen.yml) yielded too few Dutch terms"
    found = {}
    for path in page_paths(built_site):
        if language_of(path) == "en" and path != "en/begrippen/":
            bare = bare_dutch_terms(built_site, path, terms)
            if bare:
                found[path] = bare
    assert not found, (
        "Dutch glossary terms on English pages without a tooltip or italics (write *term*, or add the form to "
        "`tooltip.en` in data/begrippen.yml):\n" + "\n".join(f"/{p}: {', '.join(t)}" for p, t in found.items())
    )
