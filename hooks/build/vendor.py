"""The JavaScript libraries the site serves, copied from the npm lock into overrides/assets/.

The worksheet downloads (assets/worksheets/fill.js) load two libraries when a reader first asks
for a filled-in file: @cantoo/pdf-lib (the maintained fork of pdf-lib) and fflate (zip). The
copies are committed, so `make build` needs no npm; Material copies them into the site like any
theme file. tests/test_worksheets_vendor.py holds every copy against the file in node_modules at
the version package-lock.json locks, and LICENSES.txt against the licences of what they bundle.

CLI: `python -m hooks.build.vendor update` copies the files and licences from node_modules (after
`npm ci`, or `npm install` of a new version); `python -m hooks.build.vendor check` compares them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / "node_modules"
VENDOR_DIR = REPO / "overrides" / "assets" / "worksheets" / "vendor"

# Served file -> (npm package, file inside the package).
FILES = {
    "pdf-lib.esm.min.js": ("@cantoo/pdf-lib", "dist/pdf-lib.esm.min.js"),
    "fflate.min.js": ("fflate", "umd/index.js"),
}
# Folders in node_modules whose code is in the files above (pdf-lib's bundle carries its dependencies
# and two packages of its own source tree).
LICENSED = (
    "@cantoo/pdf-lib",
    "@cantoo/pdf-lib/src/packages/standard-fonts",
    "@cantoo/pdf-lib/src/packages/upng",
    "culori",
    "node-html-better-parser",
    "html-entities",
    "tslib",
    "fflate",
)
LICENCE_NAMES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "license", "LICENCE")
LICENSES_FILE = "LICENSES.txt"


def locked_version(package: str) -> str:
    """The version package-lock.json locks for `package`."""
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"][f"node_modules/{package}"]["version"]


def installed_version(package: str) -> str:
    return json.loads((NODE_MODULES / package / "package.json").read_text(encoding="utf-8"))["version"]


def licence_text(package: str) -> str:
    folder = NODE_MODULES / package
    for name in LICENCE_NAMES:
        if (folder / name).is_file():
            return (folder / name).read_text(encoding="utf-8").strip()
    raise FileNotFoundError(f"{folder}: no licence file ({', '.join(LICENCE_NAMES)})")


def licenses() -> str:
    """LICENSES.txt: each bundled package with its version and licence text."""
    parts = [
        "Third-party code in the files of this folder, copied unchanged from npm (see hooks/build/vendor.py).\n"
        + "".join(f"- {name}: {pkg}@{installed_version(pkg)} ({path})\n" for name, (pkg, path) in FILES.items())
    ]
    for package in LICENSED:
        parts.append(f"{'=' * 72}\n{package} {installed_version(package)}\n{'=' * 72}\n{licence_text(package)}\n")
    return "\n".join(parts)


def _show(path: Path) -> str:
    return path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else str(path)


def problems() -> list[str]:
    """What differs between the committed copies and node_modules at the locked versions."""
    found = []
    if not NODE_MODULES.is_dir():
        return [f"{NODE_MODULES} is missing: run `npm ci` (make test does)"]
    for package in sorted({pkg for pkg, _ in FILES.values()} | {p for p in LICENSED if "/src/" not in p}):
        if installed_version(package) != locked_version(package):
            found.append(
                f"node_modules/{package} is {installed_version(package)}, the lock says "
                f"{locked_version(package)}: run `npm ci`"
            )
    for name, (package, path) in FILES.items():
        copy = VENDOR_DIR / name
        if not copy.is_file() or copy.read_bytes() != (NODE_MODULES / package / path).read_bytes():
            found.append(f"{_show(copy)} is not {package}/{path}: run `python -m hooks.build.vendor update`")
    text = VENDOR_DIR / LICENSES_FILE
    if not text.is_file() or text.read_text(encoding="utf-8") != licenses():
        found.append(f"{_show(text)} is out of date: run `python -m hooks.build.vendor update`")
    return found


def update() -> None:
    VENDOR_DIR.mkdir(parents=True, exist_ok=True)
    for name, (package, path) in FILES.items():
        (VENDOR_DIR / name).write_bytes((NODE_MODULES / package / path).read_bytes())
    (VENDOR_DIR / LICENSES_FILE).write_text(licenses(), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["update"]:
        update()
        print(f"vendor: {len(FILES)} files and {LICENSES_FILE} copied to {_show(VENDOR_DIR)}")
        return 0
    if args == ["check"]:
        found = problems()
        print("\n".join(found) or f"vendor: {len(FILES)} files equal node_modules at the locked versions")
        return 1 if found else 0
    print("usage: python -m hooks.build.vendor update|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
