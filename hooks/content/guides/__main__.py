"""`python -m hooks.content.guides check` validates every guide, story and the glossary without a build."""

from __future__ import annotations

import sys

from hooks.build.common import check_cli
from hooks.content.guides.source import check_all


def main(argv: list[str]) -> int:
    return check_cli(
        argv,
        command="check",
        module="hooks.content.guides",
        check=check_all,
        ok="content: guides, stories and glossary are valid",
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
