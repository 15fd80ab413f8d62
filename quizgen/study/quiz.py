"""Running a quiz or a review against the progress store: resume offers, sessions, what is due.

The entry point of the study stage for the command line: `quizgen.cli` parses options and calls
`offer_resume`, `start_plan` (in `plan`) and `run_plan`; everything they print goes through the
terminal's `Ui`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from quizgen.errors import MissingSetError, QuestionSetError
from quizgen.plural import plural
from quizgen.questions.model import QuestionSet
from quizgen.questions.set_file import load_set
from quizgen.study.plan import Plan, Recorder, answered_count, resume_plan
from quizgen.study.progress import ProgressStore
from quizgen.study.scheduling import describe_wait, due_question_ids, next_due
from quizgen.study.session import Mode, run_session, summarize
from quizgen.study.terminal import (
    TerminalSession,
    Ui,
    exam_review_lines,
    print_lines,
    summary_lines,
)


def load_question_set(path: Path) -> QuestionSet:
    """The question set at `path`; MissingSetError says how to get one when there is none."""
    if not path.is_file():
        raise MissingSetError(
            f"no question set at {path}: build the decks with `quizgen build`, or give --set FILE"
        )
    return load_set(path)


def offer_resume(store: ProgressStore, ui: Ui) -> Plan | None:
    """The unfinished quiz, if there is one and the learner wants it back.

    Ctrl-C at the offer raises KeyboardInterrupt to the caller.
    """
    row = store.unfinished_session(exclude_mode=Mode.REVIEW.value)
    if row is None:
        return None
    try:
        qset = load_question_set(Path(row.set_path))
    except (MissingSetError, QuestionSetError):
        store.finish_session(row.id)  # its set is gone: it cannot be resumed
        return None
    question = f"Resume your unfinished quiz ({answered_count(store, row)} of"
    if ui.prompter.confirm(f"{question} {len(row.planned)} answered)?"):
        return resume_plan(store, row, qset)
    store.finish_session(row.id)
    return None


def run_plan(store: ProgressStore, plan: Plan, ui: Ui, clock: Callable[[], datetime]) -> bool:
    """Run the session and show its summary; True when the learner stopped it with Ctrl-C."""
    outcome = run_session(
        TerminalSession(ui, time.monotonic),
        plan.mode,
        plan.to_ask,
        plan.total,
        plan.done,
        Recorder(store, plan, clock),
    )
    if plan.mode is Mode.EXAM:
        print_lines(ui, exam_review_lines(outcome.answers, ui.palette, ui.width))
    summary = summarize(outcome.answers, plan.total)
    print_lines(ui, summary_lines(summary, ui.palette, ui.width))
    if outcome.interrupted:
        again = "review" if plan.mode is Mode.REVIEW else "quiz"
        ui.say(f"Run `quizgen {again}` again to pick up where you stopped.")
        return True
    store.finish_session(plan.session_id)
    return False


def next_review_line(store: ProgressStore, now: datetime) -> str | None:
    """What is due now, or when the next review is; None when nothing is scheduled."""
    cards = store.cards()
    due = len(due_question_ids(cards, now))
    upcoming = next_due(cards, now)
    if due:
        return f"{plural(due, 'question')} due for review: `quizgen review`."
    if upcoming is not None:
        return f"Next review {describe_wait(upcoming, now)}: `quizgen review`."
    return None
