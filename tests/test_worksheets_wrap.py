"""The line breaking of the filled-in PDF (overrides/assets/worksheets/wrap.js) is plain JavaScript
without the DOM: its unit tests (tests/js/wrap.test.mjs: long words, CJK, empty text, new lines,
exact fits, what goes on to a continuation page) run with `node --test`, here in `make test`."""

from __future__ import annotations

import subprocess

from tests.helpers import REPO
from tests.worksheets_helpers import need


def test_the_line_breaking_passes_its_node_tests():
    node = need("node")
    result = subprocess.run(
        [node, "--no-warnings", "--test", "--test-reporter=tap", str(REPO / "tests" / "js" / "wrap.test.mjs")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout, result.stdout[-2000:]
