"""Quiz-session logic with no input or output: choosing questions, scoring, rounds, summaries."""

from __future__ import annotations

import enum
import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from quizgen.errors import QuizgenError
from quizgen.questions.model import Question

Response = int | tuple[int, ...]


class NoQuestionsError(QuizgenError):
    """No question of the set matches the chosen topics and forms."""


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
    """Up to `count` questions, in random order, with any of `topics` and one of `forms`."""
    wanted_topics, wanted_forms = set(topics), set(forms)
    pool = [
        q
        for q in questions
        if (not wanted_topics or wanted_topics & set(q.topics))
        and (not wanted_forms or q.form.value in wanted_forms)
    ]
    if not pool:
        raise NoQuestionsError(
            "no question matches those topics and forms; try fewer --topic or --form options"
        )
    return tuple(rng.sample(pool, k=min(count, len(pool))))


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


def _unique(questions: Iterable[Question]) -> tuple[Question, ...]:
    seen: dict[str, Question] = {}
    for question in questions:
        seen.setdefault(question.id, question)
    return tuple(seen.values())
