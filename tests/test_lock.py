"""The Python lock installs exactly as written on a fresh machine (issue #21).

A fresh venv from the machine's own `python3 -m venv` (whatever pip it bundles) is set up by the
Makefile's own rule; `pip check` and the lock's closure check must be clean. The closure check
itself is tested on a lock that drops an extra, the way fonttools[woff] broke every fresh install.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

from hooks.build import lock

REPO = pathlib.Path(__file__).resolve().parents[1]


def test_fresh_venv_installs_the_lock_by_the_makefile_rule(tmp_path):
    python3 = shutil.which("python3")
    assert python3, "the machine's python3 is needed"
    venv = tmp_path / "venv"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PIP_"))}
    result = subprocess.run(
        ["make", "--no-print-directory", "venv", f"VENV={venv}", f"PYTHON={python3}"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    locked = lock.entries((REPO / "requirements.txt").read_text(encoding="utf-8"))
    pip_version = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert pip_version.startswith(f"pip {locked['pip'][2]} "), pip_version
    check = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    frozen = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    installed = {lock._normalise(n): v for n, v in (line.split("==") for line in frozen.split())}
    wanted = {key: version for key, (_, _, version) in locked.items()}
    # Exactly the locked set: nothing missing, nothing else, every version as pinned (setuptools may
    # come with an old venv and is not ours to remove).
    installed.pop("setuptools", None)
    assert installed == wanted
    assert list(venv.glob(".installed-*")), "the Makefile's stamp was not written"


def test_every_requirement_of_every_locked_package_is_locked():
    text = (REPO / "requirements.txt").read_text(encoding="utf-8")
    assert lock.closure_problems(text) == []
    # The extra that broke fresh installs is written in the lock.
    assert "woff" in lock.entries(text)["fonttools"][1]


def test_closure_check_names_a_dropped_extra_and_a_missing_package():
    text = (REPO / "requirements.txt").read_text(encoding="utf-8")
    broken = text.replace("fonttools[woff]==", "fonttools==")
    problems = lock.closure_problems(broken)
    named = [p for p in problems if "weasyprint" in p and "fonttools[woff]" in p]
    assert any("without the extra woff" in p for p in named), problems
    # With the extra written, the extra's own packages must be there too.
    without_zopfli = "\n".join(line for line in text.splitlines() if not line.startswith("zopfli=="))
    problems = lock.closure_problems(without_zopfli)
    assert any(p.startswith("fonttools needs zopfli") and "does not hold" in p for p in problems), problems


def test_an_unpinned_line_is_refused_with_its_line_number():
    try:
        lock.entries("mkdocs==1.6.1 \\\n    --hash=sha256:00\nfonttools>=4.59\n")
    except lock.LockError as error:
        assert "line 3" in str(error) and "make lock" in str(error)
    else:
        raise AssertionError("an unpinned requirement was accepted")


def test_pip_is_installed_first_from_its_own_locked_entry():
    text = (REPO / "requirements.txt").read_text(encoding="utf-8")
    first = lock.block(text, "pip")
    assert first.startswith("pip==") and "--hash=sha256:" in first
    assert "\n" not in first.rstrip("\n").split("\n")[-1] and not first.rstrip().endswith("\\")
    assert sys.version_info >= (3, 11)
