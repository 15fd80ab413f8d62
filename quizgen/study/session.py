"""Quiz-session logic: choosing questions, the rounds of a session, scoring and summaries.

No input or output of its own: `run_session` talks to the learner through a `SessionIO` (the
terminal's `TerminalSession`, or a test double).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from quizgen.errors import NoQuestionsError
from quizgen.questions.clueing import compatible
from quizgen.questions.model import FORM_ALIASES, Question
from quizgen.study.modes import Mode

Response = int | tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Answer:
    """A learner's response to a question; `attempt` 2+ are the repeat rounds of learn mode."""

    question: Question
    response: Response
    seconds: float
    attempt: int = 1

    @property
    def correct(self) -> bool:
        """Whether the response is right."""
        return self.question.is_right(self.response)


@dataclass(frozen=True, slots=True)
class Summary:
    """The end of a session: score on first attempts, time, misses and topics to revisit."""

    answered: int
    right: int
    planned: int
    seconds: float
    missed: tuple[Question, ...]
    topics_to_revisit: tuple[str, ...]
    rounds: int

    @property
    def percent(self) -> int:
        """The score as a whole percentage (0 when nothing was answered)."""
        return round(100 * self.right / self.answered) if self.answered else 0


def choose_questions(
    questions: Sequence[Question],
    count: int,
    rng: random.Random,
    topics: Iterable[str] = (),
    forms: Iterable[str] = (),
) -> tuple[Question, ...]:
    """Up to `count` questions, in random order, with any of `topics` and one of `forms`,
    no two from the same fact and none printing another's answer."""
    pool = _matching(questions, topics, forms)
    # in random order, skipping a question that shares a fact with, or gives away, one chosen
    chosen: list[Question] = []
    for question in rng.sample(pool, k=len(pool)):
        if len(chosen) == count:
            break
        if compatible(question, chosen):
            chosen.append(question)
    return tuple(chosen)


def in_set_order(
    questions: Sequence[Question],
    count: int | None,
    topics: Iterable[str] = (),
    forms: Iterable[str] = (),
) -> tuple[Question, ...]:
    """A teacher's set as the test it is: its questions in its own order (the first `count`
    when given), with any of `topics` and one of `forms`."""
    pool = _matching(questions, topics, forms)
    return tuple(pool[:count] if count is not None else pool)


def remaining(planned: Sequence[str], answered: Iterable[str]) -> tuple[str, ...]:
    """The planned question ids not yet answered, in the planned order."""
    done = set(answered)
    return tuple(qid for qid in planned if qid not in done)


def questions_by_id(ids: Iterable[str], known: Mapping[str, Question]) -> tuple[Question, ...]:
    """The questions with these ids, in order, skipping ids the set no longer has."""
    return tuple(known[qid] for qid in ids if qid in known)


def next_round(mode: Mode, answers: Sequence[Answer], attempt: int) -> tuple[Question, ...]:
    """The questions to ask again after round `attempt`: its misses in learn mode, else none."""
    if mode is not Mode.LEARN:
        return ()
    return _unique(a.question for a in answers if a.attempt == attempt and not a.correct)


def summarize(answers: Sequence[Answer], planned: int) -> Summary:
    """Score the first attempts; list the questions missed first time and their topics."""
    first = [a for a in answers if a.attempt == 1]
    missed = _unique(a.question for a in first if not a.correct)
    topic_misses = Counter(t for q in missed for t in q.topics)
    return Summary(
        answered=len(first),
        right=sum(1 for a in first if a.correct),
        planned=planned,
        seconds=sum(a.seconds for a in answers),
        missed=missed,
        topics_to_revisit=tuple(
            t for t, _ in sorted(topic_misses.items(), key=lambda item: (-item[1], item[0]))
        ),
        rounds=max((a.attempt for a in answers), default=0),
    )


def _matching(
    questions: Sequence[Question], topics: Iterable[str], forms: Iterable[str]
) -> list[Question]:
    """The questions with any of `topics` and one of `forms`; NoQuestionsError if none."""
    wanted_topics = set(topics)
    wanted_forms = {FORM_ALIASES.get(f, f) for f in forms}
    pool = [
        q
        for q in questions
        if (not wanted_topics or wanted_topics & set(q.topics))
        and (not wanted_forms or q.form.choice in wanted_forms)
    ]
    if not pool:
        raise NoQuestionsError(
            "no question matches those topics and forms; try fewer --topic or --form options"
        )
    return pool


def _unique(questions: Iterable[Question]) -> tuple[Question, ...]:
    seen: dict[str, Question] = {}
    for question in questions:
        seen.setdefault(question.id, question)
    return tuple(seen.values())


class SessionIO(Protocol):
    """How a session reaches the learner; Ctrl-C surfaces as KeyboardInterrupt from `ask`."""

    def ask(self, question: Question, label: str, attempt: int) -> Answer:
        """Ask one question and return the timed answer."""

    def feedback(self, answer: Answer) -> None:
        """Show whether the answer was right, why, and its sources."""

    def new_round(self, missed: int) -> None:
        """Announce another learn-mode round of the `missed` questions."""

    def stopped(self) -> None:
        """Say the session was stopped and every answer is saved."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """Every answer of the session (including any restored on resume), and whether it stopped."""

    answers: tuple[Answer, ...]
    interrupted: bool


def run_session(
    io: SessionIO,
    mode: Mode,
    to_ask: Sequence[Question],
    total: int,
    done: Sequence[Answer],
    record: Callable[[Answer], None],
) -> Outcome:
    """Ask the questions (and learn mode's repeat rounds); `record` saves each answer at once."""
    from quizgen.questions.variants import reshuffled  # (kept out of `quizgen --help`'s imports)

    answers = list(done)
    try:
        attempt, batch = 1, tuple(to_ask)
        while batch:
            for n, asked in enumerate(batch, 1):
                # a repeat round asks with the options in a new order: not answerable by place
                question = (
                    asked
                    if attempt == 1
                    else reshuffled(asked, random.Random(f"{asked.id}:round:{attempt}"))
                )
                label = (
                    f"Question {len(done) + n} of {total}"
                    if attempt == 1
                    else f"Round {attempt}: question {n} of {len(batch)}"
                )
                answer = io.ask(question, label, attempt)
                record(answer)  # saved before anything else can go wrong
                answers.append(answer)
                if mode.immediate_feedback:
                    io.feedback(answer)
            batch = next_round(mode, answers, attempt)
            attempt += 1
            if batch:
                io.new_round(len(batch))
    except KeyboardInterrupt:
        io.stopped()
        return Outcome(tuple(answers), interrupted=True)
    return Outcome(tuple(answers), interrupted=False)
