"""A moved page keeps its published URLs in both languages through data/redirects.yml."""

from __future__ import annotations

import pathlib
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


def test_a_redirect_chain_leads_straight_to_the_final_page(tmp_path):
    project = scratch_copy(tmp_path / "p")
    _move_over_page(project)
    (project / "data" / "redirects.yml").write_text("over.md: tussen.md\ntussen.md: over-ons.md\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    for prefix in ("", "en/"):
        for old in ("over", "tussen"):
            page = (tmp_path / "site" / prefix / old / "index.html").read_text(encoding="utf-8")
            assert f'content="0; url=/{prefix}over-ons/"' in page, (prefix, old)


def test_redirects_that_leave_the_site_or_loop_fail_naming_the_line_and_write_nothing_outside(tmp_path):
    project = scratch_copy(tmp_path / "p")
    entries = [
        "# moved pages",
        "../../../buiten.md: over.md",
        "/tmp/absoluut.md: over.md",
        "gesprekken/oud.md: ../over.md",
        "oud.md: over",
        "a.md: b.md",
        "b.md: a.md",
    ]
    (project / "data" / "redirects.yml").write_text("\n".join(entries) + "\n", encoding="utf-8")
    result = build(project, tmp_path / "deep" / "er" / "site")
    assert result.returncode != 0
    out = result.stderr
    assert "data/redirects.yml:2: the old path '../../../buiten.md' leaves the site" in out, out
    assert "data/redirects.yml:3: the old path '/tmp/absoluut.md' leaves the site" in out
    assert "data/redirects.yml:4: the new path '../over.md' leaves the site" in out
    assert "data/redirects.yml:5: the new path 'over' is not a page path" in out
    assert "data/redirects.yml:6: 'a.md' -> 'b.md' -> 'a.md' is a loop" in out
    assert not (tmp_path / "buiten").exists() and not (tmp_path / "deep" / "buiten").exists()
    assert not pathlib.Path("/tmp/absoluut").exists()
