"""`python -m hooks.content.messages check` validates every template without a build;
`python -m hooks.content.messages show <id> [nl|en]` prints a template as it is copied."""

from __future__ import annotations

import sys

from hooks.build.common import DEFAULT_LANGUAGE, where_is
from hooks.content.messages.render import plain_text
from hooks.content.messages.source import SOURCE_DIR, check, load, suggest


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        problems = check()
        for line in problems:
            print(line, file=sys.stderr)
        if not problems:
            print(f"templates: {len(load())} templates in {where_is(SOURCE_DIR)} are valid")
        return 1 if problems else 0
    if argv[:1] == ["show"] and len(argv) in (2, 3):
        lang = argv[2] if len(argv) == 3 else DEFAULT_LANGUAGE
        try:
            t = next(x for x in load() if x.id == argv[1])
        except StopIteration:
            print(f"no template '{argv[1]}'.{suggest(argv[1], [x.id for x in load()])}", file=sys.stderr)
            return 1
        for _version, body in t.versions(lang):
            print(plain_text(lang, t.texts[lang]["subject"], body) + "\n")
        return 0
    print("usage: python -m hooks.content.messages check | show <id> [nl|en]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
