"""Reproducible, cached rendering: two builds give byte-identical files, a rebuild with nothing
changed renders nothing, and a change re-renders only what it touches."""

from __future__ import annotations

import json
import pathlib
import shutil

import pytest

from hooks.worksheets import pdf as pdf_module
from hooks.worksheets.build import build_language, load_sources
from tests.worksheets_helpers import VALID


@pytest.fixture
def project(tmp_path) -> pathlib.Path:
    (tmp_path / "worksheets").mkdir()
    shutil.copyfile(VALID, tmp_path / "worksheets" / "proefblad.yml")
    second = (
        VALID.read_text(encoding="utf-8")
        .replace("id: proefblad", "id: tweede")
        .replace("{nl: proefblad, en: test-sheet}", "{nl: tweede, en: second}")
    )
    (tmp_path / "worksheets" / "tweede.yml").write_text(second, encoding="utf-8")
    return tmp_path


def run(root: pathlib.Path, cache: pathlib.Path, lang: str = "nl", url: str = "https://a.example.org/"):
    return build_language(load_sources(root), lang, site_url=url, cache_dir=cache)


def test_two_builds_give_byte_identical_files(project, tmp_path):
    first = run(project, tmp_path / "cache-1")
    second = run(project, tmp_path / "cache-2")
    assert first.rendered == second.rendered == 4
    for a, b in zip(first.outputs, second.outputs, strict=True):
        assert a.uri == b.uri
        assert a.path.read_bytes() == b.path.read_bytes(), a.uri


def test_rebuild_with_nothing_changed_renders_nothing(project, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    assert run(project, cache).rendered == 4
    calls = []
    monkeypatch.setattr(pdf_module, "render_pdf", lambda html: calls.append(html) or b"")
    again = run(project, cache)
    assert (again.rendered, again.cached, calls) == (0, 4, [])
    assert again.summary().startswith("worksheets (nl): 2 sheets, 4 files, 0 rendered, 4 cached, ")
    manifest = json.loads((cache / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["files"]) == ["nl/proefblad.docx", "nl/proefblad.pdf", "nl/tweede.docx", "nl/tweede.pdf"]


def test_builds_for_different_site_urls_keep_their_own_files(project, tmp_path):
    cache = tmp_path / "cache"
    a = {o.uri: o.path for o in run(project, cache, url="https://a.example.org/").outputs}
    b = {o.uri: o.path for o in run(project, cache, url="https://b.example.org/").outputs}
    assert all(a[uri] != b[uri] and a[uri].read_bytes() != b[uri].read_bytes() for uri in a)
    again = run(project, cache, url="https://a.example.org/")
    assert again.rendered == 0 and {o.uri: o.path for o in again.outputs} == a


def test_a_change_rerenders_only_what_it_touches(project, tmp_path):
    cache = tmp_path / "cache"
    run(project, cache)
    source = project / "worksheets" / "tweede.yml"
    source.write_text(source.read_text(encoding="utf-8").replace("version: 2", "version: 3"), encoding="utf-8")
    report = run(project, cache)
    assert sorted(o.uri for o in report.outputs if o.rendered) == ["werkbladen/tweede.docx", "werkbladen/tweede.pdf"]
    assert run(project, cache, url="https://b.example.org/").rendered == 4, (
        "the site URL is printed: it is part of the key"
    )


def test_a_missing_cached_file_is_rendered_again(project, tmp_path):
    cache = tmp_path / "cache"
    first = run(project, cache, lang="en")
    first.outputs[0].path.unlink()
    assert run(project, cache, lang="en").rendered == 1


def test_outputs_land_at_their_final_site_paths(project, tmp_path):
    assert [o.uri for o in run(project, tmp_path / "c", lang="nl").outputs][:2] == [
        "werkbladen/proefblad.pdf",
        "werkbladen/proefblad.docx",
    ]
    assert [o.uri for o in run(project, tmp_path / "c", lang="en").outputs][:2] == [
        "en/werkbladen/test-sheet.pdf",
        "en/werkbladen/test-sheet.docx",
    ]


def test_a_damaged_cached_file_is_rendered_again_and_reported(project, tmp_path):
    cache = tmp_path / "cache"
    first = run(project, cache)
    damaged = first.outputs[0].path
    good = damaged.read_bytes()
    damaged.write_bytes(good[: len(good) // 2])  # truncated, as by a killed build or a full disk
    again = run(project, cache)
    assert again.rendered == 1 and again.outputs[0].path.read_bytes() == good
    assert again.repaired == ["nl/proefblad.pdf"]
    assert "1 damaged in the cache and rendered again" in again.summary()
    assert run(project, cache).rendered == 0
