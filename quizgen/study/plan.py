"""A quiz session wired to the progress store and the FSRS schedule (no terminal, no click).

Only an answer's first attempt in a session feeds the schedule: the repeat rounds of learn mode
come seconds later and would tell FSRS the learner remembers what they were just shown. A
`--cram` session records its answers (for stats) but leaves every card as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from quizgen.questions.model import Question, QuestionSet
from quizgen.study import scheduling
from quizgen.study.modes import Mode
from quizgen.study.progress import AnswerRow, ProgressStore, SessionRow
from quizgen.study.session import Answer, questions_by_id, remaining

_CRAM = "+cram"


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """A session ready to run: what is still to ask, and what was answered before a resume."""

    session_id: int
    mode: Mode
    cram: bool
    total: int
    to_ask: tuple[Question, ...]
    done: tuple[Answer, ...] = ()
    #: The set's title and variant as the summary names them ("Class test, variant A").
    title: str = ""


def stored_mode(mode: Mode, cram: bool) -> str:
    """The session's mode as stored: 'practice', 'exam+cram', ..."""
    return mode.value + (_CRAM if cram else "")


def parse_stored_mode(text: str) -> tuple[Mode, bool]:
    """The (mode, cram) a stored mode string stands for."""
    return Mode(text.removesuffix(_CRAM)), text.endswith(_CRAM)


def start_plan(
    store: ProgressStore,
    qset: QuestionSet,
    set_path: str,
    chosen: Sequence[Question],
    mode: Mode,
    cram: bool,
    now: datetime,
    owner: str = "",
) -> Plan:
    """Record a new session asking `chosen` in order, run by `owner` ("host:pid")."""
    ids = tuple(q.id for q in chosen)
    mode_text = stored_mode(mode, cram)
    session_id = store.start_session(now, set_path, qset.header.title, ids, mode_text, owner)
    return Plan(
        session_id=session_id,
        mode=mode,
        cram=cram,
        total=len(ids),
        to_ask=tuple(chosen),
        title=set_title(qset),
    )


def set_title(qset: QuestionSet) -> str:
    """`Aleppo 2016: class test, variant A` (the variant only when the set has one)."""
    variant = qset.header.variant
    return f"{qset.header.title}, variant {variant}" if variant else qset.header.title


def resume_plan(store: ProgressStore, row: SessionRow, qset: QuestionSet) -> Plan:
    """The unfinished session `row`, with its earlier first-attempt answers restored."""
    known = {q.id: q for q in qset.questions}
    earlier = [a for a in store.answers(row.id) if a.attempt == 1 and a.question_id in known]
    done = tuple(Answer(known[a.question_id], a.response, a.seconds) for a in earlier)
    to_ask = questions_by_id(remaining(row.planned, (a.question_id for a in earlier)), known)
    mode, cram = parse_stored_mode(row.mode)
    return Plan(
        session_id=row.id,
        mode=mode,
        cram=cram,
        total=len(done) + len(to_ask),
        to_ask=to_ask,
        done=done,
        title=set_title(qset),
    )


def answered_count(store: ProgressStore, row: SessionRow) -> int:
    """How many planned questions of session `row` have been answered."""
    return len({a.question_id for a in store.answers(row.id) if a.attempt == 1})


class Recorder:
    """Saves each answer the moment it is given, and reschedules its card when it should."""

    def __init__(self, store: ProgressStore, plan: Plan, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._plan = plan
        self._clock = clock

    def __call__(self, answer: Answer) -> None:
        """Write `answer` and its new card in one transaction, built on the card stored then."""
        now = self._clock()
        question = answer.question
        reschedule = None
        if not self._plan.cram and answer.attempt == 1:
            reschedule = scheduling.rescheduler(question.id, answer.correct, now)
        row = AnswerRow(
            question_id=question.id,
            fact_id=question.fact,
            topics=question.topics,
            session_id=self._plan.session_id,
            response=answer.response,
            correct=answer.correct,
            seconds=round(answer.seconds, 3),
            mode=stored_mode(self._plan.mode, self._plan.cram),
            attempt=answer.attempt,
            answered_at=now,
        )
        self._store.record_answer(row, reschedule)  # reads the card in the same transaction
