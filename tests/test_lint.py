"""The Python code is ruff-clean and ruff-formatted (ruff.toml)."""

import subprocess
import sys

from tests.helpers import REPO


def test_code_passes_ruff_check_and_format():
    ruff = [sys.executable, "-m", "ruff"]
    check = subprocess.run([*ruff, "check", "hooks", "tests", "bench"], cwd=REPO, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run(
        [*ruff, "format", "--check", "hooks", "tests", "bench"], cwd=REPO, capture_output=True, text=True
    )
    assert fmt.returncode == 0, "run `.venv/bin/ruff format hooks tests bench`:\n" + fmt.stdout
