"""What every exporter returns: the file's content and what the format could not carry."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExportResult:
    """An export's bytes, and notes on anything dropped or refused (shown to the teacher)."""

    content: bytes
    notes: tuple[str, ...] = ()
