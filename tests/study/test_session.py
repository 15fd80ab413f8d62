"""Session logic with no terminal: choosing, remaining, learn rounds and the summary."""

from __future__ import annotations

import random

import pytest
from quiz_helpers import QUESTIONS, RIGHT

from quizgen.errors import NoQuestionsError
from quizgen.questions.model import Question
from quizgen.study.modes import Mode
from quizgen.study.session import (
    Answer,
    choose_questions,
    next_round,
    questions_by_id,
    remaining,
    summarize,
)

BY_ID = {q.id: q for q in QUESTIONS}


def right(question: Question, attempt: int = 1) -> Answer:
    return Answer(question, RIGHT[question.id], 3.0, attempt)


def wrong(question: Question, attempt: int = 1) -> Answer:
    response: int | tuple[int, ...]
    if isinstance(question.answer, tuple):
        response = tuple(reversed(question.answer))
    else:
        response = (question.key_index + 1) % len(question.options)
    return Answer(question, response, 5.0, attempt)


def test_the_same_seed_chooses_the_same_questions_in_the_same_order() -> None:
    first = choose_questions(QUESTIONS, 3, random.Random(7))
    assert first == choose_questions(QUESTIONS, 3, random.Random(7))
    assert len(set(first)) == 3


def test_count_larger_than_the_set_asks_every_fact_once() -> None:
    chosen = choose_questions(QUESTIONS, 99, random.Random(1))
    facts = [q.fact for q in chosen]
    assert sorted(facts) == sorted({q.fact for q in QUESTIONS})  # one question per fact


def test_a_quiz_never_asks_two_questions_that_clue_each_other() -> None:
    for seed in range(20):
        chosen = choose_questions(QUESTIONS, 99, random.Random(seed))
        assert len({q.fact for q in chosen}) == len(chosen)


@pytest.mark.parametrize(
    ("topics", "forms", "expected"),
    [
        (("money",), (), {"bridge-cost/mc", "bridge-timeline/order"}),
        ((), ("true-false",), {"mayor-opened-bridge/tf"}),
        (("money",), ("multiple-choice",), {"bridge-cost/mc"}),
    ],
)
def test_topics_and_forms_filter(
    topics: tuple[str, ...], forms: tuple[str, ...], expected: set[str]
) -> None:
    chosen = choose_questions(QUESTIONS, 10, random.Random(1), topics, forms)
    assert {q.id for q in chosen} == expected


def test_no_match_is_a_named_error() -> None:
    with pytest.raises(NoQuestionsError, match="no question matches"):
        choose_questions(QUESTIONS, 10, random.Random(1), ("money",), ("true-false",))


def test_remaining_keeps_the_planned_order_and_skips_lost_questions() -> None:
    left = remaining(("a", "b", "c", "d"), ["c", "a"])
    assert left == ("b", "d")
    assert questions_by_id(("gone/mc", "bridge-cost/mc"), BY_ID) == (BY_ID["bridge-cost/mc"],)


def test_ordering_answers_are_right_only_in_the_right_order() -> None:
    timeline = BY_ID["bridge-timeline/order"]
    assert right(timeline).correct
    assert not Answer(timeline, (0, 1, 2), 1.0).correct


@pytest.mark.parametrize("mode", [Mode.PRACTICE, Mode.EXAM, Mode.REVIEW])
def test_only_learn_mode_repeats_misses(mode: Mode) -> None:
    answers = [wrong(QUESTIONS[0]), right(QUESTIONS[1])]
    assert next_round(mode, answers, 1) == ()
    assert next_round(Mode.LEARN, answers, 1) == (QUESTIONS[0],)


def test_learn_rounds_look_only_at_the_latest_round() -> None:
    answers = [
        wrong(QUESTIONS[0]),
        wrong(QUESTIONS[1]),
        right(QUESTIONS[0], 2),
        wrong(QUESTIONS[1], 2),
    ]
    assert next_round(Mode.LEARN, answers, 2) == (QUESTIONS[1],)
    assert next_round(Mode.LEARN, [*answers, right(QUESTIONS[1], 3)], 3) == ()


def test_the_summary_scores_first_attempts_and_lists_topics_most_missed_first() -> None:
    answers = [
        wrong(BY_ID["bridge-timeline/order"]),
        wrong(BY_ID["mayor-opened-bridge/mc"]),
        right(BY_ID["bridge-cost/mc"]),
        right(BY_ID["mayor-opened-bridge/mc"], 2),
    ]
    summary = summarize(answers, planned=5)
    assert (summary.answered, summary.right, summary.planned, summary.percent) == (3, 1, 5, 33)
    assert [q.id for q in summary.missed] == ["bridge-timeline/order", "mayor-opened-bridge/mc"]
    assert summary.topics_to_revisit == ("bridge", "money")
    assert summary.seconds == 16.0
    assert summary.rounds == 2


def test_an_empty_summary_scores_zero() -> None:
    summary = summarize([], planned=3)
    assert (summary.answered, summary.percent, summary.rounds, summary.missed) == (0, 0, 0, ())


def test_exam_holds_feedback() -> None:
    assert not Mode.EXAM.immediate_feedback
    assert all(m.immediate_feedback for m in Mode if m is not Mode.EXAM)
