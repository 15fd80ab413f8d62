"""Reading YAML safely, with the line of every mapping and key kept for error messages.

Only PyYAML's safe loader is used (the C one when available). Anchors and aliases are
rejected, which also makes "billion laughs" alias bombs fail fast instead of hanging, and any
tag that would construct an object is reported rather than obeyed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from quizgen.errors import Problem

try:  # the C parser is much faster on large fact bases; the pure-Python one behaves the same
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class Located(dict[str, Any]):
    """A YAML mapping that remembers its own line and the line of each key (1-based)."""

    def __init__(
        self,
        items: dict[str, Any] | None = None,
        *,
        line: int = 1,
        key_lines: dict[str, int] | None = None,
    ) -> None:
        super().__init__(items or {})
        self.line = line
        self.key_lines = key_lines or {}

    def line_of(self, key: str) -> int:
        """The line of `key` if present, else the mapping's own line."""
        return self.key_lines.get(key, self.line)


class _AliasError(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _DuplicateKeyError(Exception):
    def __init__(self, key: str, line: int, first: int) -> None:
        self.key, self.line, self.first = key, line, first


class _LocatingLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # A node reached a second time can only come from an alias (`*name`).
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _AliasError(node.start_mark.line + 1)
        return super().construct_object(node, deep)

    def construct_located_mapping(self, node: yaml.MappingNode) -> Located:
        mapping = Located(line=node.start_mark.line + 1)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            line = key_node.start_mark.line + 1
            if key in mapping.key_lines:
                raise _DuplicateKeyError(key, line, mapping.key_lines[key])
            mapping.key_lines[key] = line
            mapping[key] = self.construct_object(value_node, deep=True)
        return mapping

    def construct_checked_timestamp(self, node: yaml.ScalarNode) -> Any:
        # An impossible date such as 2016-13-01 or 2016-02-30 stays text, so that the field
        # holding it reports it with its line, instead of PyYAML raising a bare ValueError.
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_LocatingLoader.add_constructor(
    "tag:yaml.org,2002:map",
    _LocatingLoader.construct_located_mapping,
)
_LocatingLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    _LocatingLoader.construct_checked_timestamp,
)


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """Read a file as UTF-8, reporting the line of the first byte that is not."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(str(path), 1, f"cannot read the file: {exc.strerror}")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [
            Problem(str(path), line, "the file is not UTF-8 text; save it with UTF-8 encoding")
        ]


def load_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; return its data (None on failure) and the problems found."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    where = str(path)
    try:
        return yaml.load(text, Loader=_LocatingLoader), []
    except _AliasError as exc:
        message = (
            "this value is reused through a YAML anchor and alias (&name / *name), which the"
            " fact base does not allow; write the value out in full"
        )
        return None, [Problem(where, exc.line, message)]
    except _DuplicateKeyError as exc:
        message = (
            f"the key {exc.key!r} appears twice in one mapping (first at line {exc.first});"
            " keep one"
        )
        return None, [Problem(where, exc.line, message)]
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else 1
        found = re.search(r"'([^']*)'", exc.problem or "")
        tag = found.group(1).replace("tag:yaml.org,2002:", "!!") if found else "?"
        message = (
            f"YAML tag {tag!r} is not allowed; use plain mappings, lists, strings,"
            " numbers and dates"
        )
        return None, [Problem(where, line, message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        detail = exc.problem or "syntax error"
        if exc.context:
            detail = f"{detail} ({exc.context})"
        return None, [Problem(where, line, f"invalid YAML at column {column}: {detail}")]
    except yaml.YAMLError as exc:
        return None, [Problem(where, 1, f"invalid YAML: {exc}")]
