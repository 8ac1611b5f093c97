"""The one YAML loader for everything we read: worksheets/*.yml, data/*.yml and page front matter.

Plain YAML with two rules on top, so a typo cannot silently change what the build sees:

- no aliases (`*name`, also `<<: *name`): a 400-byte alias bomb expands to gigabytes, and a
  repeated block is clearer written out;
- no duplicate keys in a mapping: YAML keeps the last, so a second `sections:` would replace the
  first without a word.

Either one is a `StrictYAMLError` naming the file, the line and the key, like a syntax error.
libyaml (CSafeLoader) composes the node tree when it is installed; the checks walk that tree once
(each node once, so an alias bomb is caught before anything is expanded) and the data is then
constructed from the same tree: no second parse.
"""

from __future__ import annotations

import functools
import pathlib
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]


class StrictYAMLError(yaml.MarkedYAMLError):
    """A YAML text we do not accept. `problem_mark.line` is 0-based (as in PyYAML); `fix` says
    what to do; str() is 'file:line: problem. Fix: …'."""

    def __init__(self, source: str, line: int | None, problem: str, fix: str):
        mark = yaml.Mark(source, 0, line, 0, None, None) if line is not None else None
        super().__init__(problem=problem, problem_mark=mark)
        self.source, self.fix = source, fix

    @property
    def line(self) -> int | None:
        """1-based line, or None."""
        return self.problem_mark.line + 1 if self.problem_mark is not None else None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.problem}. Fix: {self.fix}"


def parse(text: str, *, source: str = "<text>", first_line: int = 1) -> tuple[Any, yaml.Node | None]:
    """Data and node tree of a YAML text (`first_line`: the line of the text's start in its file,
    for front matter). Raises StrictYAMLError for a syntax error, an alias or a duplicate key."""
    offset = first_line - 1
    loader = _LOADER(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise StrictYAMLError(
                source,
                mark.line + offset if mark else None,
                f"the YAML does not parse: {exc.problem or exc.context}",
                "check indentation, colons and quotes on that line (a value containing ': ' or starting "
                "with a special character such as [, {, *, &, !, |, > or a quote needs quotes around it)",
            ) from None
        except yaml.YAMLError as exc:
            raise StrictYAMLError(source, None, f"the YAML does not parse: {exc}", "check the syntax") from None
        if node is None:
            return None, None
        _check(node, text, source, offset)
        return loader.construct_document(node), node
    finally:
        loader.dispose()


def load(text: str, *, source: str = "<text>", first_line: int = 1) -> Any:
    """The data of a YAML text (see `parse`)."""
    return parse(text, source=source, first_line=first_line)[0]


def line_map(node: yaml.Node | None) -> dict[Path_, int]:
    """Field path -> 1-based line: ('sections', 2, 'fields', 0) -> 41. A mapping key's line is
    where the key is written."""
    lines: dict[Path_, int] = {}

    def walk(item: yaml.Node, path: Path_) -> None:
        lines[path] = item.start_mark.line + 1
        if isinstance(item, yaml.MappingNode):
            for key_node, value_node in item.value:
                walk(value_node, (*path, key_node.value))
                lines[(*path, key_node.value)] = key_node.start_mark.line + 1
        elif isinstance(item, yaml.SequenceNode):
            for index, child in enumerate(item.value):
                walk(child, (*path, index))

    if node is not None:
        walk(node, ())
    return lines


def load_file(path: pathlib.Path, *, display: str | None = None) -> Any:
    """The data of a YAML file, parsed once per version of the file (modification time and size,
    so `mkdocs serve` sees an edit). `display` names the file in messages."""
    stat = path.stat()
    return _load_file(str(path), display or str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=32)
def _load_file(path: str, display: str, mtime: int, size: int) -> Any:
    with open(path, encoding="utf-8") as fh:
        return load(fh.read(), source=display)


def _check(root: yaml.Node, text: str, source: str, offset: int) -> None:
    """Walk every node once: a node met twice is an alias; a key met twice in a mapping is a duplicate."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            line, name = _first_alias(text)
            raise StrictYAMLError(
                source,
                (line if line is not None else node.start_mark.line) + offset,
                f"an alias ({name}) repeats another part of the file; this project does not accept YAML "
                "anchors and aliases (&name, *name, <<: *name)",
                "write the repeated value out in full",
            )
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: dict[tuple[str, str], int] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key = (key_node.tag, key_node.value)
                    line = key_node.start_mark.line
                    if key in keys:
                        raise StrictYAMLError(
                            source,
                            line + offset,
                            f"duplicate key '{key_node.value}' (first on line {keys[key] + offset + 1}); YAML "
                            "would silently keep only the last one",
                            "merge the two into one key, or rename one of them",
                        )
                    keys[key] = line
                stack += [value_node, key_node]
        elif isinstance(node, yaml.SequenceNode):
            stack += reversed(node.value)


def _first_alias(text: str) -> tuple[int | None, str]:
    """Line (0-based) and text of the first alias, from the event stream (only on the error path)."""
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark.line, f"*{event.anchor}"
    except yaml.YAMLError:
        pass
    return None, "*…"
