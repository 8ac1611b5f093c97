"""The Python lock: set up .venv from requirements.txt exactly, and regenerate the lock.

What the lock guarantees: every package the site, its hooks and its tests need, the packages an
extra asks for included, is in requirements.txt with its version and hashes, and the install takes
exactly that set and resolves nothing. So a new release upstream cannot change or break a fresh
install. pip itself is in the lock and installed first, so the pip a machine's `python3 -m venv`
happens to bundle only has to install one pinned, hashed wheel.

This module needs nothing but the standard library for `install` (it runs before anything is in
the venv); `check` and the tests use `packaging`, which the lock holds.

CLI (the Makefile calls these):
  python3 -m hooks.build.lock install .venv   pip from the lock, then the lock with --no-deps, then
                                              `pip check` and the closure check below
  python3 -m hooks.build.lock check           every requirement of every locked package (with the
                                              extras the lock asks for) is itself in the lock
  python3 -m hooks.build.lock update          regenerate requirements.txt from requirements.in with
                                              uv (pinned below), keeping the current pins and extras
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LOCK = REPO / "requirements.txt"
SOURCE = REPO / "requirements.in"
# The tool that writes the lock, installed into a venv of its own under .cache/ by `update`.
UV = "uv==0.13.8"
COMPILE = [
    "pip",
    "compile",
    "--generate-hashes",
    "--no-strip-extras",  # fonttools[woff]: the extra stays visible in the lock
    "--python-version",
    "3.11.5",
    "requirements.in",
    "-o",
    "requirements.txt",
]

_ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s\\;]+)")


class LockError(Exception):
    """A lock that cannot be installed as it is: the message says what and what to do."""


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def entries(text: str) -> dict[str, tuple[str, frozenset[str], str]]:
    """Locked packages: normalised name -> (name as written, extras, version)."""
    found = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line[0] in " #\t-":
            continue
        match = _ENTRY.match(line)
        if not match:
            raise LockError(f"requirements.txt line {number}: {line.strip()!r} is not pinned with ==. Run `make lock`.")
        name, extras, version = match.groups()
        extras_set = frozenset(e.strip() for e in (extras or "[]")[1:-1].split(",") if e.strip())
        found[_normalise(name)] = (name, extras_set, version)
    return found


def block(text: str, name: str) -> str:
    """The lines of one package's entry (its pin and hashes) in the lock."""
    lines = text.splitlines()
    for start, line in enumerate(lines):
        match = _ENTRY.match(line)
        if match and _normalise(match.group(1)) == _normalise(name):
            end = start + 1
            while end < len(lines) and lines[end].startswith("    --hash"):
                end += 1
            return "\n".join(lines[start:end]).rstrip(" \\") + "\n"
    raise LockError(f"requirements.txt has no entry for {name}: add it to requirements.in and run `make lock`.")


def _pip(python: Path, *args: str) -> None:
    command = [str(python), "-m", "pip", "--disable-pip-version-check", "--no-input", *args]
    result = subprocess.run(command, cwd=REPO)
    if result.returncode:
        raise LockError(f"`{' '.join(command[1:])}` failed (exit {result.returncode}); see pip's message above.")


def install(venv: Path) -> None:
    python = venv / "bin" / "python"
    text = LOCK.read_text(encoding="utf-8")
    entries(text)  # every line pinned, or a clear error before pip starts
    with tempfile.TemporaryDirectory() as tmp:
        first = Path(tmp) / "pip.txt"
        first.write_text(block(text, "pip"), encoding="utf-8")
        _pip(python, "install", "--quiet", "--require-hashes", "--no-deps", "-r", str(first))
    _pip(python, "install", "--quiet", "--require-hashes", "--no-deps", "-r", str(LOCK))
    _pip(python, "check")
    result = subprocess.run([str(python), "-m", "hooks.build.lock", "check"], cwd=REPO)
    if result.returncode:
        raise LockError("the lock is not closed (see above): run `make lock` and commit requirements.txt.")


def closure_problems(text: str) -> list[str]:
    """Requirements of locked packages (with the extras the lock asks for) that the lock lacks."""
    from importlib import metadata

    from packaging.requirements import Requirement

    locked = entries(text)
    problems = []
    for _key, (name, extras, version) in sorted(locked.items()):
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            problems.append(f"{name}=={version} is in the lock but not installed")
            continue
        for raw in dist.requires or []:
            req = Requirement(raw)
            contexts = [{"extra": extra} for extra in sorted(extras | {""})]
            if req.marker and not any(req.marker.evaluate(context) for context in contexts):
                continue
            dep = _normalise(req.name)
            if dep not in locked:
                problems.append(f"{name} needs {raw.split(';')[0].strip()}, which the lock does not hold")
                continue
            dep_name, dep_extras, dep_version = locked[dep]
            if not req.specifier.contains(dep_version, prereleases=True):
                problems.append(f"{name} needs {req.name}{req.specifier}; the lock has {dep_version}")
            missing = set(map(_normalise, req.extras)) - set(map(_normalise, dep_extras))
            if missing:
                problems.append(
                    f"{name} needs {req.name}[{','.join(sorted(req.extras))}]; "
                    f"the lock pins {dep_name} without the extra {', '.join(sorted(missing))}"
                )
    return problems


def update() -> None:
    tool = REPO / ".cache" / "lock-tool"
    uv = tool / "bin" / "uv"
    if not uv.exists():
        subprocess.run([sys.executable, "-m", "venv", str(tool)], check=True)
        subprocess.run([str(tool / "bin" / "python"), "-m", "pip", "install", "--quiet", UV], check=True)
    subprocess.run([str(uv), *COMPILE], cwd=REPO, check=True)


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    try:
        if command == "install" and len(argv) == 3:
            install(Path(argv[2]))
        elif command == "check":
            problems = closure_problems(LOCK.read_text(encoding="utf-8"))
            for problem in problems:
                print(f"requirements.txt: {problem}", file=sys.stderr)
            if problems:
                print("Run `make lock` and commit requirements.txt.", file=sys.stderr)
                return 1
        elif command == "update":
            update()
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except LockError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
