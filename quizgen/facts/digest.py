"""A short fingerprint of a fact base's content, recorded in every question set it yields."""

from __future__ import annotations

import hashlib
import json

from quizgen.facts.listing import fact_record
from quizgen.facts.model import FactBase


def fact_base_digest(base: FactBase) -> str:
    """The first 16 hex digits of SHA-256 over the facts' records (not their file layout)."""
    canonical = json.dumps([fact_record(base, f) for f in base.facts], sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
