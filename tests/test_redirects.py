"""A moved page keeps its published URLs in both languages through data/redirects.yml: a redirect
page for any host, and real 301s from nginx and in `_redirects`, with the #section kept."""

from __future__ import annotations

import json
import pathlib
import re
import urllib.parse

import pytest

from hooks.build.common import SourceError
from hooks.hosting import preview
from hooks.pages import redirects
from tests.helpers import build, free_port, scratch_copy
from tests.hosting_helpers import get


def _move_over_page(project):
    for lang in ("nl", "en"):
        (project / "docs" / lang / "over.md").rename(project / "docs" / lang / "over-ons.md")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("- over.md", "- over-ons.md"), encoding="utf-8")
    for md in (project / "docs").rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        if "over.md" in text:
            md.write_text(re.sub(r"\bover\.md", "over-ons.md", text), encoding="utf-8")


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    """The site built with over.md moved to over-ons.md and the redirect in data/redirects.yml."""
    tmp = tmp_path_factory.mktemp("moved")
    project = scratch_copy(tmp / "p")
    _move_over_page(project)
    entries = ["over.md: over-ons.md", *(f"{json.dumps(old)}: over-ons.md" for old in HOSTILE)]
    (project / "data" / "redirects.yml").write_text("\n".join(entries) + "\n", encoding="utf-8")
    result = build(project, tmp / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp / "site"


# Old page paths with every character that means something to nginx, to a `_redirects` line or to a
# URL: each must build, pass `nginx -t` and answer with its 301.
HOSTILE = [
    "gesprekken/oud gesprek.md",
    'oud "citaat".md',
    "oud'enkel.md",
    "oud;punt.md",
    "oud{accolade}.md",
    "oud-één.md",
    "oud#hekje.md",
    "oud?vraag.md",
    "oud$dollar.md",
    "oud%20procent.md",
]


def test_redirects_from_paths_with_any_character_pass_nginx_and_answer_301(moved_site):
    """nginx -t runs when the preview starts (preview.running fails on a rejected configuration)."""
    lines = (moved_site / "_redirects").read_text(encoding="utf-8").splitlines()
    fields = [line.split(" ") for line in lines if not line.startswith("#")]
    assert all(len(f) == 3 for f in fields), [f for f in fields if len(f) != 3]
    froms = {urllib.parse.unquote(f[0]): urllib.parse.unquote(f[1]) for f in fields}
    with preview.running(moved_site, port=free_port()) as server:
        for old in HOSTILE:
            for prefix in ("/", "/en/"):
                path = prefix + old.removesuffix(".md") + "/"
                assert froms[path] == prefix + "over-ons/", path
                reply = get(server.url.rstrip("/") + urllib.parse.quote(path, safe="/"))
                assert (reply.status, reply.header("Location")) == (301, prefix + "over-ons/"), (path, reply.status)
                assert reply.header("Content-Security-Policy"), path
            page = moved_site / old.removesuffix(".md") / "index.html"
            assert 'content="0; url=/over-ons/"' in page.read_text(encoding="utf-8"), page


def test_a_redirect_path_with_a_control_character_fails_naming_the_line(tmp_path):
    source = tmp_path / "redirects.yml"
    source.write_text('over.md: over-ons.md\n"oud\\tgesprek.md": over-ons.md\n', encoding="utf-8")
    with pytest.raises(SourceError) as failure:
        redirects.load(source)
    assert ":2: the old path 'oud\\tgesprek.md' holds an invisible control character" in str(failure.value)


def test_a_moved_page_redirects_in_both_languages_and_keeps_its_section(moved_site):
    for prefix, lang in (("", "nl"), ("en/", "en")):
        page = (moved_site / prefix / "over" / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in page
        assert f'content="0; url=/{prefix}over-ons/"' in page
        assert "location.hash" in page  # /over/#licentie lands on /over-ons/#licentie
        assert (moved_site / prefix / "over-ons" / "index.html").exists()


def test_the_host_answers_a_moved_page_with_a_301_and_the_browser_keeps_the_section(moved_site, browser):
    redirects = (moved_site / "_redirects").read_text(encoding="utf-8").splitlines()
    for old, new in (("/over/", "/over-ons/"), ("/en/over/", "/en/over-ons/")):
        assert f"{old} {new} 301" in redirects
    with preview.running(moved_site, port=free_port()) as server:
        base = server.url
        for old, new in (("over/", "/over-ons/"), ("over", "/over-ons/"), ("en/over/", "/en/over-ons/")):
            reply = get(base + old)
            assert reply.status == 301 and reply.header("Location") == new, (old, reply.status, reply.headers)
            assert reply.header("Content-Security-Policy")
        context = browser.new_context()
        try:
            page = context.new_page()
            statuses = []
            page.on("response", lambda r: statuses.append((r.status, urllib.parse.urlsplit(r.url).path)))
            for old, new in (("over/#licentie", "/over-ons/"), ("en/over/#licentie", "/en/over-ons/")):
                statuses.clear()
                page.goto(base + old)
                assert (301, "/" + old.partition("#")[0]) in statuses, statuses
                parts = urllib.parse.urlsplit(page.url)
                assert (parts.path, parts.fragment) == (new, "licentie")
                assert page.locator("#licentie").count() == 1
        finally:
            context.close()


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
