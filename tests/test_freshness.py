"""A translation older than its Dutch source is reported and gets a visible notice, until it is
updated or recorded as reviewed against the new Dutch text."""

from __future__ import annotations

import subprocess

from hooks.content import freshness
from tests.helpers import build, scratch_copy


def _commit(repo, message, when):
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "PATH": "/usr/bin:/bin",
    }
    for args in (["init", "-q"], ["add", "-A"], ["-c", "commit.gpgsign=false", "commit", "-q", "-m", message]):
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def _project_with_a_stale_translation(tmp_path):
    project = scratch_copy(tmp_path / "p")
    _commit(project, "all pages", "2026-01-01T10:00:00")
    page = project / "docs" / "nl" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen nieuwe alinea.\n", encoding="utf-8")
    _commit(project, "Dutch only", "2026-02-01T10:00:00")
    return project


def test_a_dutch_change_makes_the_english_page_stale_until_reviewed(tmp_path):
    project = _project_with_a_stale_translation(tmp_path)
    stale = freshness.stale_translations(project)
    assert list(stale) == ["over.md"]
    assert freshness.day(stale["over.md"][0]) == "2026-02-01"
    freshness.mark_reviewed(["over.md"], project)
    assert freshness.stale_translations(project) == {}


def test_a_stale_page_shows_a_notice_and_the_build_reports_it(tmp_path):
    project = _project_with_a_stale_translation(tmp_path)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "translation older than its Dutch source: docs/en/over.md" in result.stderr
    english = (tmp_path / "site" / "en" / "over" / "index.html").read_text(encoding="utf-8")
    assert "Translation may be out of date" in english and "2026-02-01" in english
    fresh = (tmp_path / "site" / "en" / "bronnen" / "index.html").read_text(encoding="utf-8")
    assert "Translation may be out of date" not in fresh
