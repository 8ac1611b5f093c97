"""Reading a worksheet source (worksheets/<id>.yml): `load_sheet(path)` parses the YAML with the
strict loader, keeps the line of every node, validates it against the schema (schema.py) and
returns the data together with *all* problems of the file. Also the checks of a sheet against the
rest of the repository: the worksheet ids of data/taxonomy.yml, and pages named in `related:`.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hooks.build import strict_yaml

from . import LANGUAGES
from .schema import Path_, SheetError, validate


@dataclass
class LoadedSheet:
    """A parsed source: its data (None if it did not parse) and every problem found."""

    file: str
    data: dict[str, Any] | None
    errors: list[SheetError] = field(default_factory=list)
    lines: dict[Path_, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.data is not None and not self.errors


# --- YAML with line numbers --------------------------------------------------------------------


def parse_yaml(text: str, source: str = "<text>") -> tuple[Any, dict[Path_, int]]:
    """Parse YAML text with the strict loader (hooks/build/strict_yaml.py: no aliases, no duplicate
    keys); return the data and a map from field path to 1-based line. The same text is parsed once
    per process (a build asks for each sheet several times); callers get copies."""
    data, lines = _parse_yaml(text, source)
    return copy.deepcopy(data), dict(lines)


@functools.lru_cache(maxsize=64)
def _parse_yaml(text: str, source: str) -> tuple[Any, dict[Path_, int]]:
    data, node = strict_yaml.parse(text, source=source)  # libyaml where installed
    return data, strict_yaml.line_map(node)


def load_sheet(path: Path, *, display: str | None = None, taxonomy: dict[str, str] | None = None) -> LoadedSheet:
    """Read, parse and validate one worksheet source."""
    name = display or path.name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return LoadedSheet(name, None, [SheetError(name, "", f"cannot read the file ({exc})", "save it as UTF-8 text")])
    try:
        data, lines = parse_yaml(text, name)
    except strict_yaml.StrictYAMLError as exc:
        return LoadedSheet(name, None, [SheetError(name, "", exc.problem, exc.fix, exc.line)])
    errors = validate(data, file=name, lines=lines, taxonomy=taxonomy)
    return LoadedSheet(name, data if isinstance(data, dict) else None, errors, lines)


def load_taxonomy(root: Path) -> dict[str, str] | None:
    """Worksheet ids and English download names from data/taxonomy.yml (None if it is absent)."""
    path = root / "data" / "taxonomy.yml"
    if not path.is_file():
        return None
    data = strict_yaml.load_file(path, display="data/taxonomy.yml") or {}
    return {item["id"]: item["en"] for item in data.get("worksheets", [])}


def check_related(
    sheet: dict[str, Any], *, file: str, exists, lines: dict[Path_, int] | None = None
) -> list[SheetError]:
    """Check that every `related:` page exists in every language; `exists(lang, path) -> bool`."""
    errors: list[SheetError] = []
    for i, rel in enumerate(sheet.get("related") or []):
        missing = [lang for lang in LANGUAGES if not exists(lang, rel)]
        if missing:
            errors.append(
                SheetError(
                    file,
                    f"related[{i}]",
                    f"page '{rel}' does not exist in {', '.join('docs/' + m for m in missing)}",
                    "correct the path (relative to docs/nl and docs/en) or write the page",
                    (lines or {}).get(("related", i)),
                )
            )
    return errors
