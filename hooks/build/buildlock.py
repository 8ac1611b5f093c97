"""One build at a time per output folder.

Two `mkdocs build` runs into the same `site/` (two terminals, a save under `mkdocs serve` and a
test run) would clean and write each other's files: one language's 404 page ended up as the
other's, and both builds said they succeeded. A build holds an exclusive lock on its output
folder from before MkDocs cleans it until its very last step; a second build waits for it (and
says so). The lock is an flock on a file in .cache/build-locks/, named after the output folder,
so builds into different folders still run side by side; the operating system releases it when
a build ends in any way.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import pathlib
from collections.abc import Callable

from hooks.build.common import REPO

LOCKS = REPO / ".cache" / "build-locks"
_held: dict[str, int] = {}  # output folder -> file descriptor of its lock


def acquire(site_dir: str, wait: Callable[[str], None] = lambda _: None) -> None:
    """Lock `site_dir` for this process; call `wait(message)` first when another build holds it."""
    key = str(pathlib.Path(site_dir).resolve())
    if key in _held:
        return
    LOCKS.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(key.encode()).hexdigest()[:16] + ".lock"
    fd = os.open(LOCKS / name, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        wait(f"another build is writing {key}; waiting until it has finished")
        fcntl.flock(fd, fcntl.LOCK_EX)
    _held[key] = fd


def release(site_dir: str) -> None:
    fd = _held.pop(str(pathlib.Path(site_dir).resolve()), None)
    if fd is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def release_all() -> None:
    """Release every lock this process holds (a build that failed)."""
    for site_dir in list(_held):
        release(site_dir)
