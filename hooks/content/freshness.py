"""Translation freshness: which English pages are older than their Dutch source.

A twin is stale when the Dutch file's last commit is newer than the English file's last commit
(one `git log` over docs/, so it costs milliseconds), unless a translator checked the English page
against exactly this Dutch text and recorded that in data/translations-reviewed.yml (a Dutch
change that needs no English change, such as shorter sentences). The build lists stale pages and
puts a visible notice on each. Outside a git checkout nothing is reported.

CLI: `python -m hooks.content.freshness` prints the report;
`python -m hooks.content.freshness reviewed gesprekken/kerngesprek.md …` records that the English page was
checked against the current Dutch text.
"""

from __future__ import annotations

import datetime
import hashlib
import pathlib
import subprocess
import sys

import yaml

from hooks.build import strict_yaml
from hooks.build.common import DEFAULT_LANGUAGE, REPO, SourceError

REVIEWED = "data/translations-reviewed.yml"


def text_hash(path: pathlib.Path) -> str:
    """The git blob id of a file's content (what `git hash-object` prints)."""
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def reviewed(repo: pathlib.Path = REPO) -> dict[str, str]:
    """Page -> the Dutch text (git blob id) its translation was checked against. Raises SourceError
    when the file cannot be read (strict YAML: hooks/build/strict_yaml.py)."""
    path = repo / REVIEWED
    try:
        data = strict_yaml.load_file(path, display=REVIEWED) if path.exists() else {}
    except strict_yaml.StrictYAMLError as exc:
        raise SourceError(str(exc)) from None
    if not isinstance(data or {}, dict):
        raise SourceError(
            f"{REVIEWED}: must map page paths to text hashes. Fix: `python -m hooks.content.freshness reviewed`."
        )
    return dict(data or {})


def last_commits(repo: pathlib.Path = REPO, folder: str = "docs") -> dict[str, int]:
    """Path (relative to the repo) → time of the last commit that touched it."""
    try:
        out = subprocess.run(
            ["git", "-C", str(repo), "log", "--format=@%ct", "--name-only", "--no-renames", "--", folder],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    times, current = {}, 0
    for line in out.splitlines():
        if line.startswith("@"):
            current = int(line[1:])
        elif line and line not in times:
            times[line] = current
    return times


def stale_translations(repo: pathlib.Path = REPO, lang: str = "en") -> dict[str, tuple[int, int]]:
    """Page path below the language folder → (Dutch commit time, translation commit time)."""
    times, checked = last_commits(repo), reviewed(repo)
    stale = {}
    prefix = f"docs/{DEFAULT_LANGUAGE}/"
    for path, nl_time in times.items():
        if not path.startswith(prefix) or not path.endswith(".md"):
            continue
        rel = path[len(prefix) :]
        other = times.get(f"docs/{lang}/{rel}")
        source = repo / path
        if other is None or nl_time <= other or not source.exists():
            continue
        if checked.get(rel) == text_hash(source):
            continue
        stale[rel] = (nl_time, other)
    return stale


def day(timestamp: int) -> str:
    return datetime.datetime.fromtimestamp(timestamp, datetime.UTC).strftime("%Y-%m-%d")


def notice(nl_time: int, en_time: int) -> str:
    return (
        '!!! warning "Translation may be out of date"\n'
        f"    The Dutch version of this page changed on {day(nl_time)}, after this translation "
        f"({day(en_time)}). Where the two differ, the Dutch page is leading.\n"
    )


def mark_reviewed(pages: list[str], repo: pathlib.Path = REPO) -> None:
    checked = reviewed(repo)
    for rel in pages:
        rel = rel.removeprefix("docs/nl/").removeprefix("docs/en/")
        source = repo / "docs" / DEFAULT_LANGUAGE / rel
        if not source.exists():
            raise SystemExit(
                f"{source} does not exist: give the page path below docs/nl/, e.g. gesprekken/kerngesprek.md"
            )
        checked[rel] = text_hash(source)
    header = (
        "# English pages checked against this Dutch text (git blob id).\n"
        "# Written by `python -m hooks.content.freshness reviewed <page>`; see hooks/content/freshness.py.\n"
    )
    (repo / REVIEWED).write_text(header + yaml.safe_dump(dict(sorted(checked.items()))), encoding="utf-8")


def main(argv: list[str]) -> int:
    if argv[:1] == ["reviewed"]:
        mark_reviewed(argv[1:])
        print(f"freshness: recorded {len(argv) - 1} page(s) as reviewed in {REVIEWED}")
        return 0
    stale = stale_translations()
    for rel, (nl_time, en_time) in sorted(stale.items()):
        print(f"docs/en/{rel}: Dutch source changed {day(nl_time)}, translation {day(en_time)}")
    print(f"freshness: {len(stale)} English page(s) older than their Dutch source")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
