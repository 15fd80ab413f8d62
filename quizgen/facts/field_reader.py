"""Reading typed fields out of YAML mappings, collecting a problem for everything wrong."""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
from collections.abc import Collection, Iterable
from typing import Any, TypeVar

from quizgen.errors import Problem
from quizgen.facts.yaml_lines import Located

E = TypeVar("E", bound=enum.Enum)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def suggestion(word: str, choices: Iterable[str]) -> str:
    """`; did you mean 'x'?` when a choice is close to `word`, else an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def with_article(word: str) -> str:
    """`a date`, `an entity`: the word with its indefinite article, for messages."""
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


class FieldReader:
    """Reads the fields of one file's records; every problem is kept, none raised."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def report(self, line: int, message: str) -> None:
        """Record a problem at `line` of this file."""
        self.problems.append(Problem(self.path, line, message))

    def mapping(self, value: Any, line: int, what: str) -> Located | None:
        """`value` if it is a mapping, else report that `what` should be one."""
        if isinstance(value, Located):
            return value
        self.report(line, f"{what} must be a mapping of keys to values (key: value)")
        return None

    def check_keys(
        self, record: Located, what: str, required: Collection[str], optional: Collection[str]
    ) -> None:
        """Report unknown keys (with the nearest known one) and missing required keys."""
        known = set(required) | set(optional)
        for key in record:
            if key not in known:
                self.report(
                    record.line_of(key),
                    f"unknown key {key!r} in {what}{suggestion(key, known)}"
                    f" (allowed: {', '.join(sorted(known))})",
                )
        for key in sorted(set(required) - set(record)):
            self.report(record.line, f"{what} is missing the required key {key!r}")

    def text(self, record: Located, key: str, what: str, required: bool = True) -> str | None:
        """A non-empty string field."""
        if key not in record or (record[key] is None and not required):
            return None
        value = record[key]
        line = record.line_of(key)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.report(line, f"{key!r} of {what} must be text, not {_kind(value)}")
            return None
        text = str(value).strip()
        if not text:
            self.report(line, f"{key!r} of {what} must not be empty")
            return None
        return " ".join(text.split())

    def slug(self, record: Located, key: str, what: str) -> str | None:
        """An id: lowercase words joined by hyphens."""
        value = self.text(record, key, what)
        if value is not None and not SLUG.match(value):
            self.report(
                record.line_of(key),
                f"{key!r} of {what} is {value!r}; ids are lowercase words joined by hyphens,"
                " like 'kerry-calls-for-probe'",
            )
            return None
        return value

    def text_list(self, record: Located, key: str, what: str) -> tuple[str, ...]:
        """A list of non-empty strings (absent means empty)."""
        value = record.get(key)
        if value is None:
            return ()
        line = record.line_of(key)
        if not isinstance(value, list):
            self.report(line, f"{key!r} of {what} must be a list, like [a, b]")
            return ()
        items: list[str] = []
        for item in value:
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.report(line, f"each item of {key!r} in {what} must be text, not {_kind(item)}")
            elif not str(item).strip():
                self.report(line, f"{key!r} of {what} has an empty item")
            else:
                items.append(" ".join(str(item).split()))
        return tuple(items)

    def list_of_mappings(self, record: Located, key: str, what: str) -> list[Located]:
        """A list whose items are mappings (absent means empty)."""
        value = record.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.report(record.line_of(key), f"{key!r} of {what} must be a list of mappings")
            return []
        items = []
        for item in value:
            checked = self.mapping(item, record.line_of(key), f"each item of {key!r} in {what}")
            if checked is not None:
                items.append(checked)
        return items

    def choice(self, record: Located, key: str, what: str, kind: type[E], default: E) -> E | None:
        """A value from an enum's closed set."""
        if key not in record:
            return default
        value = self.text(record, key, what)
        if value is None:
            return None
        try:
            return kind(value)
        except ValueError:
            names = [str(m.value) for m in kind]
            self.report(
                record.line_of(key),
                f"{key!r} of {what} is {value!r}{suggestion(value, names)}"
                f" (allowed: {', '.join(names)})",
            )
            return None

    def day(self, record: Located, key: str, what: str) -> dt.date | None:
        """A calendar date written YYYY-MM-DD."""
        value = record.get(key)
        line = record.line_of(key)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str) and _DAY.match(value.strip()):
            try:  # (fromisoformat alone would also take 20261122 and 2026-W47-1)
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.report(line, f"{key!r} of {what} must be a date written YYYY-MM-DD, like 2026-11-22")
        return None


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.date):
        return "a date"
    return type(value).__name__
