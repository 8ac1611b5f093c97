"""The CLI: `check` exits 1 with file, field and fix for a bad source; `build` renders every sheet
in both languages to the paths they get on the site, with the JSON of its fields for the browser."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.worksheets_helpers import INVALID, VALID

REPO = VALID.parents[3]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hooks.worksheets", *args], cwd=REPO, capture_output=True, text=True, timeout=300
    )


def test_check_fails_with_file_field_and_fix(tmp_path):
    (tmp_path / "worksheets").mkdir()
    shutil.copyfile(INVALID / "table-without-columns.yml", tmp_path / "worksheets" / "table-without-columns.yml")
    result = cli("--root", str(tmp_path), "check")
    assert result.returncode == 1
    assert (
        "worksheets/table-without-columns.yml:18: sections[1].fields[1].columns: a table needs columns. Fix: add"
        in result.stderr
    )


def test_check_passes_on_a_valid_source(tmp_path):
    (tmp_path / "worksheets").mkdir()
    shutil.copyfile(VALID, tmp_path / "worksheets" / "proefblad.yml")
    for lang in ("nl", "en"):
        page = tmp_path / "docs" / lang / "gesprekken" / "kerngesprek.md"
        page.parent.mkdir(parents=True)
        page.write_text("# Kerngesprek\n", encoding="utf-8")
    result = cli("--root", str(tmp_path), "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "worksheets: 1 sheets valid"


def test_build_writes_both_languages(tmp_path):
    root = tmp_path / "project"
    (root / "worksheets").mkdir(parents=True)
    shutil.copyfile(VALID, root / "worksheets" / "proefblad.yml")
    for lang in ("nl", "en"):
        page = root / "docs" / lang / "gesprekken" / "kerngesprek.md"
        page.parent.mkdir(parents=True)
        page.write_text("# K\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli("--root", str(root), "build", "--out", str(out), "--site-url", "https://c.example.org/")
    assert result.returncode == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.*")) == [
        "assets/worksheets/en/proefblad.json",
        "assets/worksheets/nl/proefblad.json",
        "en/werkbladen/test-sheet.docx",
        "en/werkbladen/test-sheet.pdf",
        "werkbladen/proefblad.docx",
        "werkbladen/proefblad.pdf",
    ]
    assert "worksheets (en): 1 sheets, 2 files, 2 rendered, 0 cached" in result.stdout
