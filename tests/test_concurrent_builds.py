"""Two `mkdocs build` runs in one checkout at the same time (two terminals, an editor's save and a
test run) both succeed and leave a consistent site: each language keeps its own 404 page."""

from __future__ import annotations

import subprocess

from tests.helpers import MKDOCS, build_env, scratch_copy


def _lang_and_heading(page: str) -> tuple[str, str]:
    lang = page.split('<html lang="', 1)[1].split('"', 1)[0]
    heading = page.split("<h1>", 1)[1].split("</h1>", 1)[0]
    return lang, heading


def test_two_builds_at_once_in_one_checkout_keep_both_404_pages(tmp_path):
    project = scratch_copy(tmp_path / "p")
    for attempt in range(2):
        runs = [
            subprocess.Popen(
                [*MKDOCS, "build", "--strict"],
                cwd=project,
                env=build_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [run.communicate(timeout=900)[0] for run in runs]
        for run, output in zip(runs, outputs, strict=True):
            assert run.returncode == 0, f"attempt {attempt}: {output[-3000:]}"
        site = project / "site"
        nl = _lang_and_heading((site / "404.html").read_text(encoding="utf-8"))
        en = _lang_and_heading((site / "en" / "404.html").read_text(encoding="utf-8"))
        assert nl == ("nl", "Deze pagina bestaat niet (meer)"), f"attempt {attempt}: /404.html is {nl}"
        assert en == ("en", "This page does not exist (any more)"), f"attempt {attempt}: /en/404.html is {en}"
        assert any("another build" in output for output in outputs), outputs[0][-2000:]
