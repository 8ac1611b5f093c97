"""Helpers for the link-guard tests: break a scratch copy and build it, or check a copied site."""

from __future__ import annotations

import pathlib
import re
import shutil

from tests.helpers import build, scratch_copy


def edit(path: pathlib.Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: '{old}' not found; the test needs updating"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def append(path: pathlib.Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def broken_build(tmp_path: pathlib.Path, breaker) -> tuple[int, str]:
    """Copy the project, let `breaker(project)` break it, build strictly: (returncode, output)."""
    project = scratch_copy(tmp_path / "project")
    breaker(project)
    result = build(project, tmp_path / "site")
    return result.returncode, result.stdout + result.stderr


def copied_site(built_site: pathlib.Path, tmp_path: pathlib.Path) -> pathlib.Path:
    target = tmp_path / "site"
    shutil.copytree(built_site, target)
    return target


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.match(r"(ERROR|WARNING)\s+-", line)]
