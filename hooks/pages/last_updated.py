"""The day each page was last updated, from git, for the line at the bottom of every page.

One `git log` over the sources (milliseconds, like hooks/content/freshness.py) gives the last commit of
every file. A page's date is that of its own file; a worksheet page also counts its
worksheets/<id>.yml, the glossary its data/begrippen.yml. Sensible fallbacks, so that a page never
shows a wrong date:
- outside a git checkout, or for a page not yet committed: no date;
- in a shallow clone (CI often clones one commit deep) git dates every older file to the oldest
  commit it has, and cannot tell what that commit changed; those files get no date, files changed
  in the later commits keep theirs (a clone one commit deep shows no dates at all).
The dates are written in words in the page's language (Babel, which Material already needs).

CLI: `python -m hooks.pages.last_updated` lists every page with its date.
"""

from __future__ import annotations

import datetime
import pathlib
import subprocess
import sys
import zoneinfo

from babel.dates import format_date

from hooks.build.common import DOCS, LANGUAGES, REPO

SOURCES = ("docs", "worksheets", "data/begrippen.yml")
TIMEZONE = zoneinfo.ZoneInfo("Europe/Amsterdam")
LABELS = {"nl": "Laatst bijgewerkt:", "en": "Last updated:"}
LOCALES = {"nl": "nl", "en": "en_GB"}


def _git(repo: pathlib.Path, *args: str) -> str | None:
    try:
        return subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def last_changes(repo: pathlib.Path = REPO) -> tuple[dict[str, int], str]:
    """Path (relative to the repo) → time of the last commit that changed it, and how the history
    was read: 'full', 'shallow' or 'none' (not a git checkout)."""
    shallow = (_git(repo, "rev-parse", "--is-shallow-repository") or "").strip()
    if shallow not in ("true", "false"):
        return {}, "none"
    # A shallow clone's oldest commit looks like a root commit that adds every file: leave it out.
    show_root = "false" if shallow == "true" else "true"
    out = _git(
        repo, "-c", f"log.showRoot={show_root}", "log", "--format=@%ct", "--name-only", "--no-renames", "--", *SOURCES
    )
    times: dict[str, int] = {}
    current = 0
    for line in (out or "").splitlines():
        if line.startswith("@"):
            current = int(line[1:])
        elif line and line not in times:
            times[line] = current
    return times, "shallow" if shallow == "true" else "full"


def page_time(times: dict[str, int], lang: str, rel: str) -> int | None:
    """The time of the last change to a page (path below its language folder), or None."""
    own = times.get(f"docs/{lang}/{rel}")
    if own is None:
        return None
    extra = []
    if rel.startswith("werkbladen/") and rel != "werkbladen/index.md":
        extra.append(times.get(f"worksheets/{pathlib.PurePosixPath(rel).stem}.yml"))
    if rel == "begrippen.md":
        extra.append(times.get("data/begrippen.yml"))
    return max([own, *[t for t in extra if t is not None]])


def describe(timestamp: int, lang: str) -> dict[str, str]:
    """What the page template shows: the label, the date in words and as ISO 8601."""
    day = datetime.datetime.fromtimestamp(timestamp, TIMEZONE).date()
    return {"label": LABELS[lang], "text": format_date(day, "long", locale=LOCALES[lang]), "iso": day.isoformat()}


def main(argv: list[str]) -> int:
    times, history = last_changes()
    for lang in LANGUAGES:
        for path in sorted((DOCS / lang).rglob("*.md")):
            rel = path.relative_to(DOCS / lang).as_posix()
            found = page_time(times, lang, rel)
            print(f"docs/{lang}/{rel}: {describe(found, lang)['iso'] if found else 'no date'}")
    print(f"last_updated: history {history}, {len(times)} files dated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
