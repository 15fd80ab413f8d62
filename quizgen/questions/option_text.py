"""Comparing option texts the way a learner would: ignoring case, accents, punctuation, spacing."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")


def normalise_option(text: str) -> str:
    """`François Delattre`, `francois  delattre.` and `FRANCOIS-DELATTRE` all compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", bare.casefold())).strip()
