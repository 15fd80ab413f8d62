"""What every exporter returns: the file's content and what the format could not carry."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExportResult:
    """An export's bytes, and notes on anything dropped or refused (shown to the teacher)."""

    content: bytes
    notes: tuple[str, ...] = ()


def id_list(ids: list[str], shown: int = 6) -> str:
    """Question ids for a note: the first few, then how many more (`a, b, c and 12 more`)."""
    if len(ids) <= shown:
        return ", ".join(ids)
    return f"{', '.join(ids[:shown])} and {len(ids) - shown} more"
