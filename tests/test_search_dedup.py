"""hooks/pages/search_dedup.py removes exactly what the i18n plugin's quadratic de-duplication removes."""

from __future__ import annotations

import copy
import json
import random

from mkdocs_static_i18n.plugin import I18n

from hooks.pages.search_dedup import dedupe


def _plugin(languages=("nl", "en")) -> I18n:
    plugin = I18n()
    plugin.config = type(
        "Config", (), {"languages": [type("L", (), {"locale": lang, "build": True}) for lang in languages]}
    )()
    return plugin


def _both(entries: list[dict]) -> tuple[list[dict], list[dict]]:
    theirs, ours = copy.deepcopy(entries), copy.deepcopy(entries)
    _plugin().reconfigure_search_duplicates(theirs)
    if not dedupe(ours, ["nl", "en"]):  # a list a build does not make: left to the plugin
        assert ours == entries
        return theirs, theirs
    return theirs, ours


def _entry(location: str, title: str, text: str) -> dict:
    return {"location": location, "title": title, "text": text}


def test_adjacent_duplicates_are_skipped_the_way_the_plugin_skips_them():
    entries = [_entry("a/", "T", "x"), _entry("a/#s", "S", "")]
    entries += [
        _entry("en/a/", "T", "x"),
        _entry("en/b/a/", "T", "x"),
        _entry("en/c/a/", "T", "x"),
        _entry("en/a/#s", "S", ""),
    ]
    theirs, ours = _both(entries)
    assert ours == theirs
    assert len(theirs) < len(entries)  # something was removed, and not everything that matched


def test_random_lists_give_the_plugins_result():
    rng = random.Random(17)
    handled = 0
    for _ in range(600):
        entries = []
        pages = [rng.choice(["", "a/", "b/", "a/b/"]) + rng.choice(["", "#x", "#y"]) for _ in range(rng.randint(1, 8))]
        for loc in pages:
            entries.append(_entry(loc, rng.choice("TU"), rng.choice(["", "p", "q"])))
        for _ in range(rng.randint(0, 12)):
            entries.append(
                _entry(rng.choice(["en/", "en/x/"]) + rng.choice(pages), rng.choice("TU"), rng.choice(["", "p", "q"]))
            )
        theirs, ours = _both(entries)
        assert ours == theirs, json.dumps(entries)
        handled += ours is not theirs
    assert handled > 200  # most lists are de-duplicated by dedupe itself


def test_lists_a_build_does_not_make_are_left_to_the_plugin():
    entries = [_entry("en/a/", "T", "x"), _entry("a/", "T", "x")]
    assert not dedupe(entries, ["nl", "en"]) and len(entries) == 2
    entries = [_entry("a/", "T", "x"), _entry("en/a/", "T", "x"), _entry("en/a/", "T", "x")]
    assert not dedupe(entries, ["nl", "en"]) and len(entries) == 3


def test_the_real_site_gives_the_plugins_result(built_site):
    # The per-language indexes a build writes, put back together in build order (Dutch first).
    nl = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    en = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    entries = nl + [{**e, "location": "en/" + e["location"]} for e in en]
    entries += [{**e, "location": "en/" + e["location"]} for e in nl[:60]]  # translated twins equal to Dutch entries
    theirs, ours = _both(entries)
    assert ours == theirs and len(theirs) < len(entries)
