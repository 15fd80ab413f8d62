"""Running a quiz or a review against the progress store: resume offers, sessions, what is due.

The entry point of the study stage for the command line: `quizgen.cli` parses options and calls
`offer_resume`, `start_plan` (in `plan`) and `run_plan`; everything they print goes through the
terminal's `Ui`.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from quizgen.errors import MissingSetError, QuestionSetError
from quizgen.plural import plural
from quizgen.questions.model import QuestionSet
from quizgen.questions.set_file import load_set
from quizgen.study.modes import Mode
from quizgen.study.plan import Plan, Recorder, answered_count, resume_plan
from quizgen.study.progress import ProgressStore, SessionRow
from quizgen.study.scheduling import describe_wait, due_question_ids, next_due
from quizgen.study.session import run_session, summarize
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


def owner_id() -> str:
    """This process as a session's owner: `host:pid`."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _running_elsewhere(owner: str) -> bool:
    """True when `owner` is another process on this machine that is still alive."""
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, run by another user
    return True


@dataclass(frozen=True, slots=True, kw_only=True)
class Resumable:
    """An unfinished quiz that can be taken up again: its session, set and progress."""

    row: SessionRow
    qset: QuestionSet
    answered: int

    @property
    def progress(self) -> str:
        """`3 of 10 answered`."""
        return f"{self.answered} of {len(self.row.planned)} answered"


def resumable(store: ProgressStore) -> Resumable | None:
    """The latest quiz worth resuming. Tidies as it looks: a quiz with no answer is forgotten,
    one with every question answered or whose set is gone is closed; a quiz still running in
    another terminal is left alone."""
    for row in store.unfinished_sessions(exclude_mode=Mode.REVIEW.value):
        if _running_elsewhere(row.owner):
            continue
        answered = answered_count(store, row)
        if answered == 0:
            store.forget_session(row.id)
            continue
        if answered >= len(row.planned):
            store.finish_session(row.id)
            continue
        try:
            qset = load_question_set(Path(row.set_path))
        except (MissingSetError, QuestionSetError):
            store.finish_session(row.id)  # its set is gone: it cannot be resumed
            continue
        return Resumable(row=row, qset=qset, answered=answered)
    return None


def offer_resume(store: ProgressStore, ui: Ui) -> Plan | None:
    """The unfinished quiz, if there is one and the learner wants it back.

    Ctrl-C at the offer raises KeyboardInterrupt to the caller.
    """
    found = resumable(store)
    if found is None:
        return None
    if ui.prompter.confirm(f"Resume your unfinished quiz ({found.progress})?"):
        store.claim_session(found.row.id, owner_id())
        return resume_plan(store, found.row, found.qset)
    store.finish_session(found.row.id)
    return None


def kept_for_later(store: ProgressStore) -> str | None:
    """When a quiz with new options starts: the line saying an unfinished one stays."""
    found = resumable(store)
    if found is None:
        return None
    return (
        f"Your unfinished quiz ({found.progress}) is kept: run `quizgen quiz` with no options"
        " to resume it."
    )


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
    again = "review" if plan.mode is Mode.REVIEW else "quiz"
    if outcome.interrupted and not outcome.answers:
        store.forget_session(plan.session_id)
        ui.say("Stopped before the first answer: nothing to save or resume.")
        return True
    if outcome.interrupted and plan.mode is Mode.EXAM:
        # an unfinished exam reveals nothing: no right answers, no score
        answered = len({a.question.id for a in outcome.answers})
        ui.say(
            f"Exam paused after {answered} of {plan.total} answers, all saved. Run"
            f" `quizgen {again}` to finish it; the score comes at the end."
        )
        return True
    if plan.mode is Mode.EXAM:
        print_lines(ui, exam_review_lines(outcome.answers, ui.palette, ui.width))
    summary = summarize(outcome.answers, plan.total)
    print_lines(ui, summary_lines(summary, ui.palette, ui.width, plan.title))
    if outcome.interrupted:
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
