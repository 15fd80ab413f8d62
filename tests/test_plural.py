"""Counting nouns in messages: `1 question`, `2 questions`, `3 people`."""

from __future__ import annotations

import pytest

from quizgen.plural import plural


@pytest.mark.parametrize(
    ("count", "noun", "many", "expected"),
    [
        (1, "question", None, "1 question"),
        (2, "question", None, "2 questions"),
        (0, "question", None, "0 questions"),
        (12, "day", None, "12 days"),
        (1, "person", "people", "1 person"),
        (3, "person", "people", "3 people"),
        (0, "person", "people", "0 people"),
    ],
)
def test_plural(count: int, noun: str, many: str | None, expected: str) -> None:
    assert plural(count, noun, many) == expected


def test_the_plural_form_defaults_to_an_added_s() -> None:
    assert plural(5, "minute") == plural(5, "minute", "minutes") == "5 minutes"
