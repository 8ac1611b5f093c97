"""A problem a writer can act on: the source file to edit, the link, what is wrong, the fix."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Problem:
    source: str  # the file to edit: 'docs/nl/methode/waarom.md', 'overrides/main.html:12', 'worksheets/x.yml'
    link: str  # the link as written (or the published URL)
    what: str  # what is wrong
    fix: str = ""  # the likely fix ('Did you mean …?')
    where: str = ""  # the built file and line: 'methode/waarom/index.html:2426'
    kind: str = "link"  # link | parity | contract | document | planner

    def __str__(self) -> str:
        where = f" (in {self.where})" if self.where else ""
        fix = f" {self.fix.strip()}" if self.fix else ""
        return f"{self.source}: '{self.link}' {self.what}{where}.{fix}"
