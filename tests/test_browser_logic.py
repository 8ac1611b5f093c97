"""The pure logic of the browser scripts under `node --test` (tests/js/browser-logic.test.mjs): the
planner's link codec (every name of Object.prototype, 100 000 blocks, dates that are no day) and the
worksheet answers' normalising. The browser tests drive the same scripts in Chromium; these find a
fault in the logic in a second."""

from __future__ import annotations

import shutil
import subprocess

from tests.helpers import REPO


def test_the_browser_logic_passes_node_test():
    node = shutil.which("node")
    assert node, "node is not installed (it comes with npm, which the tests need for axe-core: README)"
    result = subprocess.run(
        [node, "--test", str(REPO / "tests" / "js" / "browser-logic.test.mjs")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout, result.stdout[-2000:]
