"""The pure logic of the browser code under `node --test`: every `tests/js/*.test.mjs` (the planner's
plan link, clock arithmetic and kept plan, importing overrides/assets/planner/{link,time,store}.js
as the browser does; the worksheet answers' storage, migration, two-tab merge and imports; the
filled-in files' entries and continuation pages; the PDF line breaking; whatever module gets its
tests there next),
at least MIN_TESTS tests in all (issue #26). The browser tests drive the same code in Chromium; these
find a fault in the logic in a second."""

from __future__ import annotations

import re
import shutil
import subprocess

from tests.helpers import REPO

MIN_TESTS = 30


def test_the_browser_logic_passes_node_test():
    node = shutil.which("node")
    assert node, "node is not installed (it comes with npm, which the tests need for axe-core: README)"
    files = sorted((REPO / "tests" / "js").glob("*.test.mjs"))
    assert files, "no tests/js/*.test.mjs"
    result = subprocess.run(
        [node, "--no-warnings", "--test", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.M)
    failed = re.search(r"^# fail (\d+)$", result.stdout, re.M)
    assert passed and failed and failed.group(1) == "0", result.stdout[-2000:]
    assert int(passed.group(1)) >= MIN_TESTS, f"only {passed.group(1)} browser-logic tests pass (at least {MIN_TESTS})"
