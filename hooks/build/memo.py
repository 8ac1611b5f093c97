"""A memo of the build's pure text steps, kept between builds in .cache/plugin/memo/.

A rebuild with nothing changed should cost little more than MkDocs' own work. Several steps of our
hooks turn text into text and depend on nothing but their arguments and files we can name: a page's
generated Markdown (fact box, indexes, citation links: content_hook, with a hash of all sources as
an argument, `tree_version`), the glossary tooltips over a page's HTML, a worksheet's form and
example, the validated worksheet sources, a page's title. `remember(step, fn, *args, deps=...)`
returns the stored result of such a step when its key is unchanged, else runs `fn(*args)` and
stores the result.

The key is a SHA-256 of: the step name, the arguments, the bytes of every file in `deps`, and the
code version (every file under hooks/, requirements.txt with the pinned packages, the Python
version). So an edit to a page, a data file named in `deps`, our code or a package version gives a
new key; nothing is ever invalidated by hand. Each step keeps one JSON file; `save()` (at the end
of a build) writes the entries this build used, so the file holds the last build's results and
does not grow. Writes are atomic; an unreadable file counts as empty.

Results are JSON values (str, lists, dicts); a fresh result goes through JSON too, so a cold and a
cached build see the same types. MEMO=off runs every step (to time or debug the steps themselves).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pathlib
import sys
from collections.abc import Callable, Iterable

from hooks.build.common import REPO, where_is
from hooks.build.store import write_atomic

CACHE = REPO / ".cache" / "plugin" / "memo"

_stores: dict[str, dict[str, object]] = {}  # step -> key -> result (everything loaded or computed)
_used: dict[str, dict[str, object]] = {}  # step -> key -> result (what this build asked for)
_dirty: set[str] = set()
_counts = {"reused": 0, "computed": 0}  # this build
_code = {"version": ""}  # the code version of the build in progress


def enabled() -> bool:
    return os.environ.get("MEMO", "on") != "off"


def code_version() -> str:
    """Hash of our code (hooks/**: modules, templates, styles) and of the pinned packages. Looked
    up per call by the files' versions (mtime, size), so `mkdocs serve`, which re-reads the hook
    files on every rebuild, sees an edit to them."""
    files = [REPO / "requirements.txt"]
    files += sorted(
        p
        for p in (REPO / "hooks").rglob("*")
        if p.suffix in (".py", ".j2", ".css", ".yml") and "__pycache__" not in p.parts and p.is_file()
    )
    return _code_version(tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.exists()))


@functools.lru_cache(maxsize=4)
def _code_version(files: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for path, _mtime, _size in files:
        digest.update(where_is(pathlib.Path(path)).encode() + b"\0" + pathlib.Path(path).read_bytes() + b"\0")
    return digest.hexdigest()


@functools.lru_cache(maxsize=2048)
def _file_digest(path: str, mtime_ns: int, size: int) -> bytes:
    return hashlib.sha256(pathlib.Path(path).read_bytes()).digest()


def _deps_digest(deps: Iterable[pathlib.Path]) -> bytes:
    """Hash of the files' names (relative to the project, so a copy of it hits the same entries)
    and bytes; a file's bytes are hashed once per version (mtime, size) per process."""
    digest = hashlib.sha256()
    for path in deps:
        name = where_is(path)
        try:
            stat = path.stat()
        except FileNotFoundError:
            digest.update(f"{name}\0missing\0".encode())
            continue
        digest.update(name.encode() + b"\0" + _file_digest(str(path), stat.st_mtime_ns, stat.st_size))
    return digest.digest()


def tree_version(*folders: pathlib.Path) -> str:
    """Hash of every file below the folders (names and bytes): an argument for steps that read
    many files (an index reads every guide). Call it once per build, not per page."""
    paths = sorted(p for folder in folders for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return _deps_digest(paths).hex()


def _store(step: str) -> dict[str, object]:
    if step not in _stores:
        try:
            data = json.loads((CACHE / f"{step}.json").read_text(encoding="utf-8"))
            _stores[step] = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            _stores[step] = {}
    return _stores[step]


def remember(step: str, fn: Callable[..., object], *args: str, deps: Iterable[pathlib.Path] = ()) -> object:
    """`fn(*args)`, from the memo when the step, the arguments, `deps` and the code are unchanged.
    Arguments must be strings (they are hashed); `fn` must depend on nothing else that can change."""
    if not enabled():
        return fn(*args)
    digest = hashlib.sha256(_current_code().encode() + b"\0" + step.encode() + b"\0")
    for arg in args:
        data = arg.encode("utf-8")
        digest.update(len(data).to_bytes(8, "big") + data)
    digest.update(_deps_digest(deps))
    key = digest.hexdigest()
    store = _store(step)
    if key in store:
        result = store[key]
        _counts["reused"] += 1
    else:
        _counts["computed"] += 1
        result = json.loads(json.dumps(fn(*args), ensure_ascii=False))
        store[key] = result
        _dirty.add(step)
    _used.setdefault(step, {})[key] = result
    return result


def begin() -> None:
    """A new build starts: look the code version up again on its first step."""
    _code["version"] = ""


def _current_code() -> str:
    """The code version of the build in progress (looked up on the first step of each build)."""
    if not _code["version"]:
        _code["version"] = code_version()
    return _code["version"]


def save() -> tuple[int, int]:
    """Write each step's entries used by this build (only when something changed), atomically.
    Returns how many results this build reused and how many it computed; starts a new count."""
    for step, used in _used.items():
        if step not in _dirty and len(used) == len(_stores.get(step, {})):
            continue
        text = json.dumps(used, ensure_ascii=False, separators=(",", ":"))
        write_atomic(CACHE / f"{step}.json", text.encode("utf-8"))
        _stores[step] = dict(used)
    _used.clear()
    _dirty.clear()
    _code["version"] = ""
    counts = (_counts["reused"], _counts["computed"])
    _counts.update(reused=0, computed=0)
    return counts
