"""Where the shipped fact base and decks are, installed from a wheel or run from a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    # A wheel carries the folder inside the package; an editable install or a checkout keeps
    # the one at the top of the repository, where teachers edit it.
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def shipped_notes_dir() -> Path:
    """The fact base that ships with quizgen."""
    return _shipped("source_notes")


def shipped_decks_dir() -> Path:
    """The deck recipes and built decks that ship with quizgen."""
    return _shipped("decks")


def shipped_full_set() -> Path:
    """The question set of the full deck (every fact, every form), used by `quizgen quiz`."""
    return shipped_decks_dir() / "full" / "set.yaml"
