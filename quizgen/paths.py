"""Where the shipped fact base and decks are, installed from a wheel or run from a checkout."""

from __future__ import annotations

from pathlib import Path

from quizgen.errors import QuizgenError

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


def is_installed() -> bool:
    """True when quizgen runs from an installed wheel (its data inside the package)."""
    return (_PACKAGE / "decks").is_dir()


def build_target() -> Path:
    """Where `quizgen build` writes by default: the checkout's decks/, never an installed
    package (QuizgenError says what to give instead)."""
    _refuse_installed(
        "`build` rewrites the decks of a source checkout; give --decks DIR, a folder of your own"
        " *.recipe.yaml files"
    )
    return shipped_decks_dir()


def verify_target() -> Path:
    """Where `quizgen verify` records reviews by default: the checkout's fact base, never an
    installed package (QuizgenError says what to give instead)."""
    _refuse_installed(
        "`verify` records reviews in a source checkout's fact base; give --notes DIR, your own"
        f" copy of the fact base (the shipped one is {shipped_notes_dir()})"
    )
    return shipped_notes_dir()


def _refuse_installed(why: str) -> None:
    if is_installed():
        raise QuizgenError(f"this quizgen is installed ({_PACKAGE}): {why}")


def shipped_full_set() -> Path:
    """The question set of the full deck (every fact, every form), used by `quizgen quiz`."""
    return shipped_decks_dir() / "full" / "set.yaml"
