"""README's two commands: `make serve` serves both languages; `make test` is what .ci/run runs.
(.ci/run itself proves `make test` on a fresh clone: CI runs it on one.)"""

from __future__ import annotations

import os
import re
import time
import urllib.error
import urllib.request

from tests.helpers import REPO, free_port, running


def _readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The two commands", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line.split("#")[0].strip() for line in section.strip().splitlines()]


def test_readme_names_exactly_two_commands_and_ci_runs_the_test_command():
    assert _readme_commands() == ["make serve", "make test"]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^exec make test$", ci, re.M)


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def test_make_serve_serves_the_site_in_both_languages():
    port = free_port()
    env = {**os.environ, "PORT": str(port)}
    with running(["make", "serve", f"PORT={port}"], REPO, env) as proc:
        deadline, status = time.monotonic() + 120, None
        while time.monotonic() < deadline:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/")
                if status == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            if proc.poll() is not None:
                break
            time.sleep(0.5)
        assert status == 200, (
            f"make serve did not serve the home page:\n{proc.stdout.read() if proc.poll() is not None else ''}"
        )
        assert '<html lang="nl"' in body
        status, body = _get(f"http://127.0.0.1:{port}/en/gesprekken/kerngesprek/")
        assert status == 200 and '<html lang="en"' in body
