"""A moved page keeps its published URLs in both languages through data/redirects.yml."""

from __future__ import annotations

import re

from tests.helpers import build, scratch_copy


def _move_over_page(project):
    for lang in ("nl", "en"):
        (project / "docs" / lang / "over.md").rename(project / "docs" / lang / "over-ons.md")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("- over.md", "- over-ons.md"), encoding="utf-8")
    for md in (project / "docs").rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        if "over.md" in text:
            md.write_text(re.sub(r"\bover\.md", "over-ons.md", text), encoding="utf-8")


def test_a_moved_page_redirects_in_both_languages_and_keeps_its_section(tmp_path):
    project = scratch_copy(tmp_path / "p")
    _move_over_page(project)
    (project / "data" / "redirects.yml").write_text("over.md: over-ons.md\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    for prefix, lang in (("", "nl"), ("en/", "en")):
        page = (tmp_path / "site" / prefix / "over" / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in page
        assert f'content="0; url=/{prefix}over-ons/"' in page
        assert "location.hash" in page  # /over/#licentie lands on /over-ons/#licentie
        assert (tmp_path / "site" / prefix / "over-ons" / "index.html").exists()


def test_a_redirect_to_a_page_that_does_not_exist_fails_the_build(tmp_path):
    project = scratch_copy(tmp_path / "p")
    _move_over_page(project)
    (project / "data" / "redirects.yml").write_text("over.md: over-onz.md\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "data/redirects.yml: over.md: over-onz.md: the target /over-onz/ does not exist" in result.stderr
