"""The i18n plugin's search de-duplication, in linear time, with exactly its result.

mkdocs-static-i18n 1.3.1 (`reconfigure_search_duplicates`) drops a translated search entry
(location under `<lang>/`) that has the same title and text as a default-language entry whose
location it ends with. It compares every default entry with every translated entry (583 x 583
lambda calls at today's size, 100 times that with ten times the pages: most of a 10x build), and it
removes entries from the list its `filter` is iterating, so the entry right after a removed one is
not looked at for that default entry. `dedupe` gives the same list: candidates are looked up by
(title, text), and the skipped neighbour is skipped too. tests/test_search_dedup.py compares both on
the real site and on made-up lists with adjacent duplicates.

Upstream fix (mkdocs-static-i18n, reconfigure.py): index the translated entries by (title, text)
and iterate over a copy (`list(filter(...))`), which also removes the skipped duplicates.
"""

from __future__ import annotations

from collections.abc import Sequence


def dedupe(entries: list[dict], languages: Sequence[str]) -> bool:
    """Remove, in place, what `I18n.reconfigure_search_duplicates(entries)` removes. Returns False
    (and changes nothing) for lists a build does not make, where the plugin's result depends on
    more than this function repeats: a translated entry before a default-language one (its outer
    loop skips entries then), or two equal translated entries (`list.remove` takes the first)."""
    prefixes = tuple(f"{lang}/" for lang in languages)
    translated = [e["location"].startswith(prefixes) for e in entries]
    if True in translated and False in translated[translated.index(True) :]:
        return False
    default = [e for e, t in zip(entries, translated, strict=True) if not t]
    target = [e for e, t in zip(entries, translated, strict=True) if t]
    alive = [True] * len(target)
    by_key: dict[tuple, list[int]] = {}
    seen: dict[tuple, list[dict]] = {}
    for index, entry in enumerate(target):
        by_key.setdefault((entry["title"], entry["text"]), []).append(index)
        same = seen.setdefault((entry["location"], entry["title"], entry["text"]), [])
        if entry in same:  # two equal entries: the plugin's list.remove may take the other one
            return False
        same.append(entry)
    removed: list[int] = []
    for entry in default:
        skipped = -1  # the entry the plugin's iterator steps over after a removal
        for index in by_key.get((entry["title"], entry["text"]), ()):
            if not alive[index] or index == skipped or not target[index]["location"].endswith(entry["location"]):
                continue
            alive[index] = False
            removed.append(index)
            skipped = index + 1
            while skipped < len(target) and not alive[skipped]:
                skipped += 1
    if removed:
        gone = {id(target[i]) for i in removed}
        entries[:] = [e for e in entries if id(e) not in gone]
    return True
