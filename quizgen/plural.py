"""Counting nouns in messages: `1 question`, `2 questions`."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`count` and `noun`, with the plural form (`many`, else noun + 's') unless count is 1."""
    return f"{count} {noun if count == 1 else (many or noun + 's')}"
