"""How a quiz session runs: the modes a learner picks from (kept light: the CLI lists them)."""

from __future__ import annotations

import enum


class Mode(enum.Enum):
    """How a session runs."""

    PRACTICE = "practice"  # feedback after each answer
    EXAM = "exam"  # feedback held until the end
    LEARN = "learn"  # missed questions come back in rounds until all are right
    REVIEW = "review"  # the due questions of the FSRS schedule, feedback after each

    @property
    def immediate_feedback(self) -> bool:
        """Whether each answer is marked as soon as it is given."""
        return self is not Mode.EXAM
