"""Named errors raised by the library; the CLI turns them into messages and exit codes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong in a file: where it is and what would be right."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class QuizgenError(Exception):
    """Base of every error quizgen reports to a user."""


class ProblemsError(QuizgenError):
    """Bad input: carries every problem found, so they are reported together."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class FactBaseError(ProblemsError):
    """The fact base (source notes) is invalid or does not match its documents."""


class QuestionSetError(ProblemsError):
    """A question-set file is invalid."""


class RecipeError(ProblemsError):
    """A deck recipe is invalid."""


class GenerationError(QuizgenError):
    """The generator cannot produce what was asked (for example, no fact matches the filters)."""


class ExportError(QuizgenError):
    """An exporter cannot write the requested file."""


class ProgressStoreError(QuizgenError):
    """The progress database cannot be opened or written."""


class NoQuestionsError(QuizgenError):
    """No question of the set matches the chosen topics and forms."""


class MissingSetError(QuizgenError):
    """The question-set file a quiz needs is not there."""


class ProgressLockedError(ProgressStoreError):
    """Another program kept the progress database locked for longer than the busy timeout."""


class ProgressReadOnlyError(ProgressStoreError):
    """The progress folder or file cannot be written (read-only, or not the user's)."""


class ProgressIOError(ProgressStoreError):
    """The disk failed to read or write the progress database (an I/O error, a full disk)."""


class OutputError(QuizgenError):
    """A file could not be written (missing folder, no permission, read-only file system)."""
