"""Bad YAML fails fast and clearly, in every YAML we read (worksheets/*.yml, data/*.yml, page
front matter): an alias bomb is refused before it expands, a duplicate key is an error naming
file, line and key, and front matter that does not parse fails the build instead of turning into
page text."""

from __future__ import annotations

import re
import resource
import subprocess
import sys

import pytest

from tests.helpers import build, build_env, scratch_copy

# Nine levels of nine aliases: 9**9 strings once expanded, 400 bytes as text.
BOMB = 'lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)
MEMORY = 1_500_000_000  # bytes a check may use: a refused bomb needs a few MB, an expanded one gigabytes


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_check(project, *args) -> subprocess.CompletedProcess:
    """A check CLI of the scratch copy, with its memory capped (an expanding bomb fails, not the machine)."""
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=project,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=_limit_memory,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return scratch_copy(tmp_path_factory.mktemp("bad-yaml") / "p")


def _restore(project, *paths):
    from tests.helpers import REPO

    for rel in paths:
        (project / rel).write_bytes((REPO / rel).read_bytes())


def test_an_alias_bomb_in_a_worksheet_is_refused_naming_file_and_line(project):
    sheet = project / "worksheets" / "waarom-ladder.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8") + BOMB, encoding="utf-8")
    try:
        result = run_check(project, "hooks.worksheets", "check")
    finally:
        _restore(project, "worksheets/waarom-ladder.yml")
    assert result.returncode == 1, result.stderr[-2000:]
    lines = len(sheet.read_text(encoding="utf-8").splitlines())
    assert f"worksheets/waarom-ladder.yml:{lines + 2}:" in result.stderr, result.stderr[-2000:]
    assert "an alias (*a)" in result.stderr and "write the repeated value out in full" in result.stderr


def test_an_alias_in_the_glossary_is_refused(project):
    glossary = project / "data" / "begrippen.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n- " + BOMB.replace("\n", "\n  "), encoding="utf-8")
    try:
        result = run_check(project, "hooks.content.guides", "check")
    finally:
        _restore(project, "data/begrippen.yml")
    assert result.returncode == 1, result.stderr[-2000:]
    assert re.search(r"data/begrippen\.yml:\d+: an alias \(\*a\)", result.stderr), result.stderr[-2000:]


def test_a_second_sections_key_in_a_worksheet_names_file_line_and_key(project):
    sheet = project / "worksheets" / "waarom-ladder.yml"
    text = sheet.read_text(encoding="utf-8")
    first = text.splitlines().index("sections:") + 1
    sheet.write_text(text + "sections:\n  - id: extra\n", encoding="utf-8")
    try:
        result = run_check(project, "hooks.worksheets", "check")
    finally:
        _restore(project, "worksheets/waarom-ladder.yml")
    assert result.returncode == 1
    line = len(text.splitlines()) + 1
    assert f"worksheets/waarom-ladder.yml:{line}: duplicate key 'sections' (first on line {first})" in result.stderr, (
        result.stderr[-2000:]
    )


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        ("data/begrippen.yml", "    term: achterban\n", "    term: achterban\n    term: achterbannen\n"),
        ("data/taxonomy.yml", "guides:", "guides: []\nguides:"),
    ],
)
def test_a_duplicate_key_in_a_data_file_names_file_line_and_key(project, rel, old, new):
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1 + new.rstrip("\n").count("\n")
    key = new.strip().split("\n")[-1].split(":")[0].strip()
    try:
        result = run_check(project, "hooks.content.guides", "check")
    finally:
        _restore(project, rel)
    assert result.returncode == 1
    assert f"{rel}:{line}: duplicate key '{key}'" in result.stderr, result.stderr[-2000:]


def _front_matter(path, edit):
    text = path.read_text(encoding="utf-8")
    path.write_text(edit(text), encoding="utf-8")


def test_front_matter_that_cannot_be_read_fails_the_build_naming_file_line_and_reason(tmp_path):
    project = scratch_copy(tmp_path / "p")
    docs = project / "docs"
    # A colon in an unquoted value: MkDocs would show the YAML as page text, and the guide check
    # would complain about a missing title.
    title = re.compile(r"^title: .*$", flags=re.M)
    _front_matter(docs / "nl/gesprekken/over-geld.md", lambda t: title.sub("title: Geld: wie", t, count=1))
    _front_matter(docs / "en/over.md", lambda t: t.replace("\ntitle:", "\ntitle: About\ntitle:", 1))
    _front_matter(docs / "nl/over.md", lambda t: t.replace("\ntitle:", "\nx: &x [1]\ny: *x\ntitle:", 1))
    _front_matter(docs / "en/bronnen.md", lambda t: t.replace("\n---\n", "\n--\n", 1))
    _front_matter(docs / "nl/bronnen.md", lambda t: title.sub("title: " + "Lang" * 50_000, t, count=1))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    out = result.stderr
    guide = "docs/nl/gesprekken/over-geld.md:2: front matter: the YAML does not parse: mapping values are not"
    assert guide in out, out
    assert "needs 'title:'" not in out
    assert "docs/en/over.md:3: front matter: duplicate key 'title' (first on line 2)" in out, out
    assert "docs/nl/over.md:3: front matter: an alias (*x)" in out, out
    assert "docs/en/bronnen.md:1: the front matter starts with '---' but has no closing '---' line" in out, out
    assert "docs/nl/bronnen.md: front matter 'title' is 200,000 characters long; at most 150 fit" in out, out
