"""Results kept by content between builds, each checked when it is read (`.cache/plugin/<name>/`).

A result is stored under a key that its caller derives from everything the result depends on (the
hash of the input bytes and of the code that made it), so a changed input never finds an old
result: it misses and the work is done again. Each file starts with the BLAKE2b hash of the rest
(`<64 hex digits>\\n<result>`); a file whose hash does not match (a build killed while writing, a
full disk, an edit by hand) is not used: the caller does the work again and the file is replaced,
and the name of the entry is in `damaged` for the caller to log. Writes are atomic (a temporary file
renamed into place), so builds sharing a cache never read half a file.

An editor clears a cache by removing its folder (`rm -rf .cache/plugin/<name>`) or all of them
(`make clean`); nothing else is needed, a missing entry is just work to do.
"""

from __future__ import annotations

import hashlib
import os
import pathlib
import tempfile
from collections.abc import Callable

_HEADER = 64 + 1  # hex digits of a 32-byte BLAKE2b, and a line break


def digest(*parts: bytes) -> str:
    """A key (or a check) for the given bytes: BLAKE2b-256 in hex, each part length-prefixed."""
    h = hashlib.blake2b(digest_size=32)
    for part in parts:
        h.update(len(part).to_bytes(8, "big") + part)
    return h.hexdigest()


def _check(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=32).hexdigest()


def write_atomic(path: pathlib.Path, data: bytes) -> None:
    """Write bytes so that a reader never sees half a file (a temporary file renamed into place;
    also under `mkdocs serve`, and for builds sharing a cache)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(tmp, path)
    except OSError:
        pathlib.Path(tmp).unlink(missing_ok=True)
        raise


class Store:
    """One cache folder: `get`/`put` bytes by key, `fetch` to get or compute-and-put."""

    def __init__(self, folder: pathlib.Path):
        self.folder = folder
        self.damaged: list[str] = []  # entries found damaged (computed again)
        self.reused = 0
        self.computed = 0

    def path(self, key: str) -> pathlib.Path:
        return self.folder / key

    def get(self, key: str) -> bytes | None:
        """The stored result, or None when there is none or it does not match its hash."""
        try:
            raw = self.path(key).read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        head, body = raw[:_HEADER], raw[_HEADER:]
        if head != (_check(body) + "\n").encode("ascii"):
            self.damaged.append(key)
            return None
        return body

    def put(self, key: str, data: bytes) -> None:
        write_atomic(self.path(key), (_check(data) + "\n").encode("ascii") + data)

    def fetch(self, key: str, compute: Callable[[], bytes]) -> bytes:
        """The stored result for `key`, else `compute()` (stored for the next build)."""
        found = self.get(key)
        if found is not None:
            self.reused += 1
            return found
        data = compute()
        self.computed += 1
        self.put(key, data)
        return data


class Files:
    """A cache folder whose results are kept as they are, so that a build can link them into the
    site instead of writing them again (a hard link: no new copy on disk, a few microseconds): each
    result is the file `<key>.<BLAKE2b of its bytes>`. A result whose bytes do not hash to its name
    is damaged: `get` removes it, adds the key to `damaged` and returns None. The folder is listed
    once, when the object is made."""

    def __init__(self, folder: pathlib.Path):
        self.folder = folder
        self.damaged: list[str] = []
        self.computed = 0
        self._names: dict[str, str] = {}
        if folder.is_dir():
            for name in os.listdir(folder):
                key, _, check = name.rpartition(".")
                if key and len(check) == 64 and not name.startswith("."):
                    self._names[key] = name

    def get(self, key: str) -> tuple[pathlib.Path, bytes] | None:
        """The kept file and its bytes, or None when there is none or it is damaged."""
        name = self._names.get(key)
        if name is None:
            return None
        path = self.folder / name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        if _check(data) != name.rpartition(".")[2]:
            self.damaged.append(key)
            path.unlink(missing_ok=True)
            del self._names[key]
            return None
        return path, data

    def put(self, key: str, data: bytes) -> pathlib.Path:
        path = self.folder / f"{key}.{_check(data)}"
        write_atomic(path, data)
        self._names[key] = path.name
        return path

    def fetch(self, key: str, compute: Callable[[], bytes]) -> tuple[pathlib.Path, bytes]:
        """The kept file for `key` and its bytes, else `compute()` (kept for the next build)."""
        found = self.get(key)
        if found is not None:
            return found
        data = compute()
        self.computed += 1
        return self.put(key, data), data


def place(kept: pathlib.Path, data: bytes, target: pathlib.Path) -> None:
    """`target` with the bytes `data` of the kept file `kept`: a hard link to it where the file
    system allows one, else a copy; left alone when it already holds those bytes."""
    if target.is_file():
        if target.read_bytes() == data:
            return
        target.unlink()
    try:
        os.link(kept, target)
    except OSError:  # another file system, or links not allowed
        target.write_bytes(data)
