"""Sessions wired to the progress store: plans, resuming, and what the recorder writes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from progress_workers import start_together
from quiz_helpers import QUESTIONS, RIGHT, sample_set

from quizgen.study import scheduling
from quizgen.study.modes import Mode
from quizgen.study.plan import (
    Plan,
    Recorder,
    answered_count,
    parse_stored_mode,
    resume_plan,
    start_plan,
    stored_mode,
)
from quizgen.study.progress import AnswerRow, CardRow, ProgressStore, SessionRow
from quizgen.study.progress_file import open_store
from quizgen.study.session import Answer

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)
MAYOR, COST, DELAY, TF, TIMELINE = QUESTIONS
SET_PATH = "/decks/bridge/set.yaml"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProgressStore]:
    opened, notice = open_store(tmp_path / "data", NOW)
    assert notice is None
    with opened:
        yield opened


def wrong_response(answer: int | tuple[int, ...]) -> int | tuple[int, ...]:
    return tuple(reversed(answer)) if isinstance(answer, tuple) else answer + 1


@pytest.mark.parametrize(
    ("mode", "cram", "text"),
    [
        (Mode.PRACTICE, False, "practice"),
        (Mode.PRACTICE, True, "practice+cram"),
        (Mode.EXAM, False, "exam"),
        (Mode.EXAM, True, "exam+cram"),
        (Mode.LEARN, False, "learn"),
        (Mode.LEARN, True, "learn+cram"),
        (Mode.REVIEW, False, "review"),
        (Mode.REVIEW, True, "review+cram"),
    ],
)
def test_stored_mode_round_trip(mode: Mode, cram: bool, text: str) -> None:
    assert stored_mode(mode, cram) == text
    assert parse_stored_mode(text) == (mode, cram)


@pytest.mark.parametrize("text", ["cram", "practice+", "quiz", "+cram"])
def test_an_unknown_stored_mode_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="is not a valid Mode"):
        parse_stored_mode(text)


@pytest.mark.parametrize(("mode", "cram"), [(Mode.PRACTICE, False), (Mode.EXAM, True)])
def test_start_plan_records_a_session_asking_the_chosen_in_order(
    store: ProgressStore, mode: Mode, cram: bool
) -> None:
    chosen = (DELAY, MAYOR, TIMELINE)
    plan = start_plan(store, sample_set(), SET_PATH, chosen, mode, cram, NOW)
    row = store.unfinished_session(exclude_mode="review")
    assert row is not None
    assert plan == Plan(
        session_id=row.id, mode=mode, cram=cram, total=3, to_ask=chosen, title="Bridge quiz"
    )
    assert (row.set_path, row.planned, row.mode) == (
        SET_PATH,
        ("bridge-delay-cause/mc", "mayor-opened-bridge/mc", "bridge-timeline/order"),
        stored_mode(mode, cram),
    )


def test_each_new_plan_is_its_own_session(store: ProgressStore) -> None:
    first = start_plan(store, sample_set(), SET_PATH, (MAYOR,), Mode.PRACTICE, False, NOW)
    second = start_plan(store, sample_set(), SET_PATH, (COST,), Mode.PRACTICE, False, NOW)
    assert second.session_id == first.session_id + 1


def record(store: ProgressStore, plan: Plan, answers: list[Answer]) -> None:
    recorder = Recorder(store, plan, lambda: NOW)
    for answer in answers:
        recorder(answer)


def test_resume_restores_first_attempts_and_asks_the_rest_in_planned_order(
    store: ProgressStore,
) -> None:
    plan = start_plan(
        store, sample_set(), SET_PATH, (MAYOR, COST, DELAY, TIMELINE), Mode.LEARN, True, NOW
    )
    other = start_plan(store, sample_set(), SET_PATH, (DELAY,), Mode.PRACTICE, False, NOW)
    record(
        store,
        plan,
        [
            Answer(COST, 0, 4.25),  # wrong
            Answer(TIMELINE, (1, 2, 0), 9.5),
            Answer(COST, 1, 2.0, attempt=2),  # a repeat round: not restored
        ],
    )
    record(store, other, [Answer(DELAY, 2, 1.0)])  # another session's answer
    row = store.unfinished_session(exclude_mode="review")
    assert row is not None and row.id == other.session_id
    resumed = resume_plan(store, unfinished_row(store, plan.session_id), sample_set())
    assert resumed == Plan(
        session_id=plan.session_id,
        mode=Mode.LEARN,
        cram=True,
        total=4,
        to_ask=(MAYOR, DELAY),
        done=(Answer(COST, 0, 4.25), Answer(TIMELINE, (1, 2, 0), 9.5)),
        title="Bridge quiz",
    )
    assert answered_count(store, unfinished_row(store, plan.session_id)) == 2


def unfinished_row(store: ProgressStore, session_id: int) -> SessionRow:
    """The unfinished session `session_id`, finishing any later one that hides it."""
    while (row := store.unfinished_session(exclude_mode="review")) is not None:
        if row.id == session_id:
            return row
        store.finish_session(row.id)
    raise AssertionError(f"session {session_id} is not unfinished")


def test_resume_drops_questions_the_set_no_longer_has(store: ProgressStore) -> None:
    plan = start_plan(store, sample_set(), SET_PATH, (MAYOR, COST, DELAY), Mode.EXAM, False, NOW)
    record(store, plan, [Answer(MAYOR, 0, 3.0), Answer(COST, 1, 2.0)])
    smaller = sample_set((COST, DELAY, TF))  # MAYOR was removed from the set
    resumed = resume_plan(store, unfinished_row(store, plan.session_id), smaller)
    assert resumed == Plan(
        session_id=plan.session_id,
        mode=Mode.EXAM,
        cram=False,
        total=2,
        to_ask=(DELAY,),
        done=(Answer(COST, 1, 2.0),),
        title="Bridge quiz",
    )
    assert answered_count(store, unfinished_row(store, plan.session_id)) == 2


@pytest.mark.parametrize("correct", [True, False], ids=["right", "wrong"])
def test_a_first_attempt_writes_the_answer_and_its_new_card(
    store: ProgressStore, correct: bool
) -> None:
    plan = start_plan(store, sample_set(), SET_PATH, (TIMELINE,), Mode.PRACTICE, False, NOW)
    response = RIGHT[TIMELINE.id] if correct else wrong_response(RIGHT[TIMELINE.id])
    Recorder(store, plan, lambda: NOW)(Answer(TIMELINE, response, 2.34567))
    assert store.answers() == [
        AnswerRow(
            question_id="bridge-timeline/order",
            fact_id="bridge-timeline",
            topics=("bridge", "money"),
            session_id=plan.session_id,
            response=response,
            correct=correct,
            seconds=2.346,
            mode="practice",
            attempt=1,
            answered_at=NOW,
        )
    ]
    assert store.card(TIMELINE.id) == scheduling.review(None, TIMELINE.id, correct, NOW)


def test_a_later_first_attempt_reviews_the_card_it_had(store: ProgressStore) -> None:
    later = NOW + timedelta(days=3)
    first = start_plan(store, sample_set(), SET_PATH, (MAYOR,), Mode.PRACTICE, False, NOW)
    Recorder(store, first, lambda: NOW)(Answer(MAYOR, 0, 1.0))
    card = store.card(MAYOR.id)
    second = start_plan(store, sample_set(), SET_PATH, (MAYOR,), Mode.PRACTICE, False, later)
    Recorder(store, second, lambda: later)(Answer(MAYOR, 0, 1.0))
    assert card is not None
    assert store.card(MAYOR.id) == scheduling.review(card, MAYOR.id, True, later)
    assert store.card(MAYOR.id) != card


def test_repeat_rounds_record_the_answer_but_leave_the_card(store: ProgressStore) -> None:
    plan = start_plan(store, sample_set(), SET_PATH, (COST,), Mode.LEARN, False, NOW)
    times = iter([NOW, NOW + timedelta(seconds=30)])
    recorder = Recorder(store, plan, lambda: next(times))
    recorder(Answer(COST, 0, 5.0))
    card_after_first = store.card(COST.id)
    recorder(Answer(COST, 1, 3.0, attempt=2))
    assert card_after_first == scheduling.review(None, COST.id, False, NOW)
    assert store.card(COST.id) == card_after_first
    assert [(a.attempt, a.correct, a.answered_at) for a in store.answers()] == [
        (1, False, NOW),
        (2, True, NOW + timedelta(seconds=30)),
    ]


@pytest.mark.parametrize("mode", [Mode.PRACTICE, Mode.EXAM, Mode.LEARN])
def test_cram_records_answers_and_never_touches_a_card(store: ProgressStore, mode: Mode) -> None:
    existing = CardRow(MAYOR.id, '{"kept": true}', NOW + timedelta(days=9))
    store.record_answer(
        AnswerRow(MAYOR.id, "mayor-opened-bridge", ("bridge",), 0, 0, True, 1.0, "review", 1, NOW),
        lambda _previous: existing,
    )
    plan = start_plan(store, sample_set(), SET_PATH, (MAYOR, COST), mode, True, NOW)
    recorder = Recorder(store, plan, lambda: NOW)
    recorder(Answer(MAYOR, 1, 1.0))
    recorder(Answer(COST, 1, 1.0))
    recorder(Answer(MAYOR, 0, 1.0, attempt=2))
    assert store.cards() == [existing]
    rows = store.answers(plan.session_id)
    assert [(r.question_id, r.mode, r.attempt) for r in rows] == [
        (MAYOR.id, f"{mode.value}+cram", 1),
        (COST.id, f"{mode.value}+cram", 1),
        (MAYOR.id, f"{mode.value}+cram", 2),
    ]


def test_quizzes_answering_one_question_at_once_lose_no_review(tmp_path: Path) -> None:
    processes, answers_each = 8, 3
    expected: CardRow | None = None
    for _ in range(processes * answers_each):
        expected = scheduling.review(expected, MAYOR.id, True, NOW)
    for attempt in range(2):
        data = tmp_path / f"attempt-{attempt}"
        assert start_together("recorder", data, processes, answers_each) == []
        opened, notice = open_store(data, NOW)
        assert notice is None
        with opened as store:
            assert len(store.answers()) == processes * answers_each
            assert store.cards() == [expected]  # every review built on the one before
