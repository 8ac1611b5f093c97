"""The pure logic of the browser scripts under `node --test`: the planner's link codec (every name of
Object.prototype, 100 000 blocks, dates that are no day: tests/js/browser-logic.test.mjs), the
worksheet answers' storage, migration, two-tab merge and imports (answers-store.test.mjs) and the
filled-in files' entries and continuation pages (fill-plan.test.mjs). The browser tests drive the
same scripts in Chromium; these find a fault in the logic in a second."""

from __future__ import annotations

import shutil
import subprocess

from tests.helpers import REPO

FILES = ("browser-logic.test.mjs", "answers-store.test.mjs", "fill-plan.test.mjs")


def test_the_browser_logic_passes_node_test():
    node = shutil.which("node")
    assert node, "node is not installed (it comes with npm, which the tests need for axe-core: README)"
    result = subprocess.run(
        [
            node,
            "--no-warnings",
            "--test",
            *(str(REPO / "tests" / "js" / name) for name in FILES),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout, result.stdout[-2000:]
