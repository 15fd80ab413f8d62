"""A short fingerprint of a fact base's content, recorded in every question set it yields.

It covers every record the generator and the exporters read (sources, entities, topics, facts,
in their order), but not where they were written (file, line) nor when a fact was last
revised: the same content in another layout has the same digest. An optional field left
unset (None by default) is left out, so adding one to the records changes no digest.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

from quizgen.facts.model import FactBase

_IGNORED = ("location", "revised")


def fact_base_digest(base: FactBase) -> str:
    """The first 16 hex digits of SHA-256 over the base's records."""
    return short_digest(
        {
            "sources": [plain_record(s) for s in base.sources],
            "entities": [plain_record(e) for e in base.entities],
            "topics": [plain_record(t) for t in base.topics],
            "facts": [plain_record(f) for f in base.facts],
        }
    )


def short_digest(data: Any) -> str:
    """The first 16 hex digits of SHA-256 over `data` (plain data) as canonical JSON."""
    canonical = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _unset(record: Any, field: dataclasses.Field[Any]) -> bool:
    return field.default is None and getattr(record, field.name) is None


def plain_record(record: Any) -> Any:
    """A record as plain data, without its location and revision date (at any depth)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {
            f.name: plain_record(getattr(record, f.name))
            for f in dataclasses.fields(record)
            if f.name not in _IGNORED and not _unset(record, f)
        }
    if isinstance(record, tuple | list):
        return [plain_record(item) for item in record]
    if hasattr(record, "value") and not isinstance(record, str | int | float):
        return record.value  # an enum
    return record
