"""A rebuild with nothing changed reuses the link check's verdict and the slimmed stylesheet;
any change to the output is checked again."""

from __future__ import annotations

import shutil

from tests.helpers import build, scratch_copy


def test_an_unchanged_site_is_not_checked_twice_and_a_changed_one_is(tmp_path):
    project = scratch_copy(tmp_path / "p")
    shutil.rmtree(project / ".cache" / "linkcheck", ignore_errors=True)  # no verdict from earlier builds
    first = build(project, tmp_path / "s1")
    assert first.returncode == 0, first.stderr[-2000:]
    assert "all resolve" in first.stderr

    second = build(project, tmp_path / "s2")
    assert second.returncode == 0, second.stderr[-2000:]
    assert "nothing to check again" in second.stderr and "all resolve" not in second.stderr
    css = "assets/stylesheets"
    one = sorted((tmp_path / "s1" / css).glob("main.*.css"))[0].read_bytes()
    two = sorted((tmp_path / "s2" / css).glob("main.*.css"))[0].read_bytes()
    assert one == two

    page = project / "docs" / "en" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    third = build(project, tmp_path / "s3")
    assert third.returncode == 0, third.stderr[-2000:]
    assert "all resolve" in third.stderr and "nothing to check again" not in third.stderr
